import { describe, expect, it } from 'vitest'
import { KEEPALIVE_BYTES } from '../../../packages/sdk/src/core/delivery.ts'
import { memoryLocks, memoryStorage } from '../../../packages/sdk/src/index.ts'
import type { TransportResult } from '../../../packages/sdk/src/index.ts'
import { ENDPOINT, accepted, settle, setup } from './support.ts'

/** Answers from a script, then 200s. */
const scripted = (...answers: TransportResult[]) => {
  let i = 0
  return (request: Parameters<typeof accepted>[0]) => answers[i++] ?? accepted(request)
}

describe('delivery: batching', () => {
  it('waits up to 2 s for companions, then sends one batch to /v1/batch with a fresh sentAt', async () => {
    const { sdk, clock, transport, advance } = setup()
    sdk.track('a')
    await advance(1_000)
    sdk.track('b', { n: 1 })
    await advance(750)
    expect(transport.requests).toHaveLength(0)
    await advance(500)
    expect(transport.requests).toHaveLength(1)
    const [request] = transport.requests
    expect(request!.url).toBe(`${ENDPOINT}/v1/batch`)
    expect(request!.keepalive).toBe(false)
    expect(request!.batch).toMatchObject({ v: 1, key: 'pk_test' })
    expect(request!.batch.sentAt).toBeLessThanOrEqual(clock.now())
    expect(request!.batch.sentAt).toBeGreaterThan(clock.now() - 500)
    expect(request!.batch.events.map((e) => [e.type, 'name' in e && e.name])).toEqual([['track', 'a'], ['track', 'b']])
  })

  it('sends at once when 50 events wait, and never more than 50 in a batch', async () => {
    const { sdk, transport, advance } = setup()
    for (let i = 0; i < 120; i++) sdk.track(`e${i}`)
    await advance(1)
    expect(transport.requests.map((r) => r.batch.events.length)).toEqual([50, 50, 20])
    expect(new Set(transport.sentIds()).size).toBe(120)
  })

  it('stamps events with a UUIDv7 id, epoch-ms time, anonymous id, user id, page and locale', async () => {
    const { sdk, clock, events, advance } = setup({ deps: { url: () => '/projects?id=7', locale: 'fa' } })
    sdk.identify('user-1')
    sdk.track('task_completed')
    await advance(2_000)
    const [identify, track] = events()
    expect(track).toMatchObject({ type: 'track', userId: 'user-1', url: '/projects?id=7', locale: 'fa', ts: clock.now() - 2_000 })
    expect(track!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(track!.anonymousId).toBe(identify!.anonymousId)
  })

  it('flush() sends right away and resolves once delivered', async () => {
    const { sdk, transport } = setup()
    sdk.track('a')
    await sdk.flush()
    expect(transport.sentIds()).toHaveLength(1)
  })

  it('does not queue an event larger than 32 KB; it is counted and reported', async () => {
    const { sdk, events, advance } = setup()
    sdk.track('huge', { text: 'x'.repeat(40_000) })
    sdk.track('small')
    await advance(2_000)
    expect(events().map((e) => 'name' in e && e.name)).toEqual(['small', 'sdk_error'])
    expect(events().at(-1)).toMatchObject({ props: { too_large: 1 } })
  })
})

describe('delivery: failures', () => {
  it('retries 5xx with exponential backoff and full jitter, refreshing sentAt, until delivered once', async () => {
    const { sdk, transport, advance } = setup({ answer: scripted({ status: 500 }, { status: 503 }, { status: 502 }) })
    sdk.track('a')
    await advance(2_000)
    await advance(1_000)
    expect(transport.requests.length).toBeGreaterThanOrEqual(2)
    await advance(2_000 + 4_000)
    expect(transport.requests).toHaveLength(4)
    const sentAts = transport.requests.map((r) => r.batch.sentAt)
    expect(new Set(sentAts).size).toBe(4)
    expect(new Set(transport.sentIds())).toEqual(new Set([transport.sentIds()[0]]))
    await advance(60_000)
    expect(transport.requests).toHaveLength(4)
  })

  it('never retries before Retry-After, even across another instance on the same storage', async () => {
    const storage = memoryStorage()
    const { sdk, clock, transport, advance } = setup({ storage, answer: scripted({ status: 429, retryAfter: '30' }) })
    sdk.track('a')
    await advance(2_000)
    expect(transport.requests).toHaveLength(1)
    const second = setup({ storage, clock })
    second.sdk.track('b')
    await second.sdk.flush()
    await advance(29_000)
    expect(transport.requests).toHaveLength(1)
    expect(second.transport.requests).toHaveLength(0)
    await advance(2_000)
    expect(transport.requests).toHaveLength(2)
    expect(transport.requests[1]!.batch.sentAt).toBeGreaterThanOrEqual(transport.requests[0]!.batch.sentAt + 30_000)
  })

  it('retries network failures and 408, and tries again at once when the browser comes back online', async () => {
    const { sdk, transport, lifecycle, advance } = setup({ answer: scripted({ status: 0 }, { status: 408 }, { status: 0 }, { status: 0 }) })
    sdk.track('a')
    await advance(2_000)
    for (let i = 0; i < 3; i++) {
      lifecycle.emit('online')
      await advance(1)
    }
    expect(transport.requests).toHaveLength(4)
    lifecycle.emit('online')
    await advance(1)
    expect(transport.requests).toHaveLength(5)
    expect(new Set(transport.sentIds()).size).toBe(1)
  })

  it('drops a batch the collector refuses (4xx) and reports the reason in a later sdk_error event', async () => {
    const { sdk, events, advance } = setup({ answer: scripted({ status: 400 }) })
    sdk.track('a')
    sdk.track('b')
    await advance(2_000)
    sdk.track('c')
    await sdk.flush()
    expect(events().map((e) => 'name' in e && e.name)).toEqual(['a', 'b', 'c', 'sdk_error'])
    expect(events()[3]).toMatchObject({ type: 'track', name: 'sdk_error', props: { http_400: 2 } })
  })

  it('does not report the loss of its own sdk_error events (no feedback loop)', async () => {
    const { sdk, transport, advance } = setup({ answer: scripted({ status: 401 }, { status: 401 }, { status: 401 }) })
    sdk.track('a')
    await advance(2_000)
    await sdk.flush()
    await sdk.flush()
    await advance(10_000)
    expect(transport.requests).toHaveLength(2)
  })

  it('splits a batch answered 413 and drops (and counts) a single event that is still too large', async () => {
    const tooBig = new Set(['d'])
    const { sdk, transport, events, advance } = setup({
      answer: (request) => request.batch.events.length > 2 || request.batch.events.some((e) => 'name' in e && tooBig.has(e.name))
        ? { status: 413 } : accepted(request),
    })
    for (const name of ['a', 'b', 'c', 'd']) sdk.track(name)
    await advance(2_000)
    expect(transport.requests.map((r) => r.batch.events.length)).toEqual([4, 2, 2, 1, 1])
    await sdk.flush()
    expect(events().at(-1)).toMatchObject({ name: 'sdk_error', props: { too_large: 1 } })
  })

  it('counts events the collector rejected inside a 200', async () => {
    const { sdk, events, advance } = setup({
      answer: ({ batch }) => ({ status: 200, body: { accepted: 1, duplicates: 0, rejected: [{ id: batch.events[0]!.id, reason: 'bad' }] } }),
    })
    sdk.track('a')
    sdk.track('b')
    await advance(2_000)
    await sdk.flush()
    expect(events().at(-1)).toMatchObject({ name: 'sdk_error', props: { rejected: 1 } })
  })

  it('keeps 1,000 events while the collector is down and reports how many older ones it dropped', async () => {
    let down = true
    const { sdk, events, advance, lifecycle } = setup({ answer: (request) => (down ? { status: 503 } : accepted(request)) })
    for (let i = 0; i < 1_010; i++) sdk.track(`e${i}`)
    await advance(2_000)
    down = false
    lifecycle.emit('online')
    await advance(1_000)
    await sdk.flush()
    const delivered = new Set(events().filter((e) => 'name' in e && e.name !== 'sdk_error').map((e) => 'name' in e && e.name))
    expect(delivered.size).toBe(1_000)
    expect(delivered.has('e9')).toBe(false)
    expect(delivered.has('e10')).toBe(true)
    expect(events().find((e) => 'name' in e && e.name === 'sdk_error')).toMatchObject({ props: { queue_full: 10 } })
  })
})

describe('delivery: page lifecycle', () => {
  it('on hide, sends with keepalive within the 64 KB budget; the rest stays queued', async () => {
    const { sdk, transport, lifecycle } = setup()
    for (let i = 0; i < 60; i++) sdk.track(`e${i}`, { text: 'x'.repeat(2_000) })
    transport.requests.length = 0
    lifecycle.emit('hide')
    const keepalive = transport.requests.filter((r) => r.keepalive)
    expect(keepalive.length).toBeGreaterThan(0)
    const bytes = keepalive.reduce((sum, r) => sum + new TextEncoder().encode(JSON.stringify(r.batch)).length, 0)
    expect(bytes).toBeLessThanOrEqual(KEEPALIVE_BYTES)
    expect(bytes).toBeGreaterThan(KEEPALIVE_BYTES - 4_000)
    await sdk.flush()
    expect(new Set(transport.sentIds()).size).toBe(60)
  })

  it('a second hide does not resend what is already in flight', async () => {
    let release = () => {}
    const { sdk, transport, lifecycle } = setup({
      answer: (request) => new Promise((resolve) => { release = () => resolve(accepted(request)) }),
    })
    sdk.track('a')
    lifecycle.emit('hide')
    lifecycle.emit('hide')
    expect(transport.requests).toHaveLength(1)
    release()
    await settle()
  })

  it('sends nothing on hide while offline or before Retry-After', async () => {
    const offline = setup()
    offline.sdk.track('a')
    offline.lifecycle.setOnline(false)
    offline.lifecycle.emit('hide')
    expect(offline.transport.requests).toHaveLength(0)

    const limited = setup({ answer: scripted({ status: 429, retryAfter: '60' }) })
    limited.sdk.track('a')
    await limited.advance(2_000)
    limited.lifecycle.emit('hide')
    expect(limited.transport.requests).toHaveLength(1)
  })

  it('an event tracked just before the page leaves is delivered by the next page if the beacon did not confirm', async () => {
    const storage = memoryStorage()
    const first = setup({ storage, answer: () => ({ status: 0 }) })
    first.sdk.track('last_click')
    first.lifecycle.emit('hide')
    first.lifecycle.emit('unload')
    const id = first.transport.sentIds()[0]
    const next = setup({ storage, clock: first.clock })
    await next.advance(2_000)
    expect(next.transport.sentIds()).toEqual([id])
  })

  it('a page restored from the back/forward cache goes on delivering', async () => {
    const { sdk, transport, lifecycle, advance } = setup()
    lifecycle.emit('unload')
    sdk.track('a')
    await advance(5_000)
    expect(transport.requests).toHaveLength(0)
    lifecycle.emit('show')
    await advance(500)
    expect(transport.requests).toHaveLength(1)
  })

  it('waits while another tab holds the flush lock, then delivers', async () => {
    const locks = memoryLocks()
    let unlock = () => {}
    void locks.run('cairn:v1:pk_test:flush', () => new Promise<void>((resolve) => { unlock = resolve }))
    const { sdk, transport, advance } = setup({ locks })
    sdk.track('a')
    await advance(3_000)
    expect(transport.requests).toHaveLength(0)
    unlock()
    await advance(1_000)
    expect(transport.requests).toHaveLength(1)
  })
})
