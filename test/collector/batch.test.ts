import { describe, expect, it } from 'vitest'
import { LIMITS } from '@cairn/protocol'
import { identityHash } from '@cairn/collector'
import { testApp } from './helpers/app.ts'
import { batch, event, newId, track } from './helpers/events.ts'

describe('POST /v1/batch', () => {
  it('stores valid events and answers after the write', async () => {
    const { post, fake } = testApp()
    const events = [track('signup'), track('login')]
    const res = await post(batch(events))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] })
    expect(fake.stored.map((s) => s.event.id)).toEqual(events.map((e) => e.id))
    expect(fake.stored[0]?.projectId).toBe('test')
  })

  it('acknowledges a retried batch as duplicates and stores it once', async () => {
    const { post, fake } = testApp()
    const body = batch([track('a'), track('b')])
    await post(body)
    const res = await post({ ...body, sentAt: Date.now() })
    expect(await res.json()).toEqual({ accepted: 0, duplicates: 2, rejected: [] })
    expect(fake.stored).toHaveLength(2)
  })

  it('rejects a bad event alone, naming its id and the path', async () => {
    const { post, fake } = testApp()
    const good = track('ok')
    const bad = { ...track('x'), name: '' }
    const res = await post(batch([good, bad, { nonsense: true }, 42]))
    const body = await res.json()
    expect(res.status).toBe(200)
    expect(body.accepted).toBe(1)
    expect(body.rejected).toHaveLength(3)
    expect(body.rejected[0]).toEqual({ id: bad.id, reason: expect.stringContaining('$.name') })
    expect(body.rejected[1].id).toBeNull()
    expect(fake.stored).toHaveLength(1)
  })

  it('accepts any Content-Type, as beacons send text/plain', async () => {
    const { post } = testApp()
    for (const type of ['text/plain;charset=UTF-8', 'application/octet-stream', 'application/x-www-form-urlencoded']) {
      const res = await post(batch([track('beacon')]), { headers: { 'content-type': type } })
      expect(res.status).toBe(200)
    }
  })

  it('takes the key from the X-Cairn-Key header', async () => {
    const { post } = testApp()
    const { key: _, ...body } = batch([track('h')])
    expect((await post(body, { headers: { 'x-cairn-key': 'pk_test' } })).status).toBe(200)
    const mismatch = await post(batch([track('h')]), { headers: { 'x-cairn-key': 'pk_locked' } })
    expect(mismatch.status).toBe(400)
    expect((await mismatch.json()).error).toBe('key_mismatch')
  })

  it.each([
    ['no key', { key: undefined }, 'missing_key'],
    ['an unknown key', { key: 'pk_nope' }, 'unknown_key'],
    ['the secret key', { key: 'sk_test' }, 'secret_key_on_ingest'],
  ])('answers 401 to %s', async (_, more, error) => {
    const { post, fake } = testApp()
    const res = await post(batch([track('x')], more))
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ error, details: expect.any(String) })
    expect(fake.stored).toHaveLength(0)
  })

  it('answers 401 to an origin the project does not allow, and 200 to one it does', async () => {
    const { post } = testApp()
    const body = batch([track('x')], { key: 'pk_locked' })
    const denied = await post(body, { headers: { origin: 'https://evil.example' } })
    expect(denied.status).toBe(401)
    expect((await denied.json()).error).toBe('origin_not_allowed')
    expect((await post(body, { headers: { origin: 'https://app.example.com' } })).status).toBe(200)
    // Not a browser (no Origin): allowed, e.g. a server-side integration.
    expect((await post({ ...body, events: [track('y')] })).status).toBe(200)
  })

  it('refuses a declared Content-Length over 512 KB before reading', async () => {
    const { app } = testApp()
    let pulled = 0
    const body = new ReadableStream({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(1024))
      },
    })
    const res = await app.request('/v1/batch', {
      method: 'POST', body, duplex: 'half',
      headers: { 'content-length': String(LIMITS.batchBytes + 1), 'x-cairn-key': 'pk_test' },
    } as RequestInit)
    expect(res.status).toBe(413)
    expect((await res.json()).error).toBe('body_too_large')
    expect(pulled).toBeLessThanOrEqual(1)
  })

  it('stops reading a streamed body at 512 KB (413 without buffering more)', async () => {
    const { app } = testApp()
    let pulled = 0
    const chunk = new Uint8Array(64 * 1024).fill(32)
    const body = new ReadableStream({
      pull(controller) {
        pulled++
        if (pulled > 1000) controller.close()
        else controller.enqueue(chunk)
      },
    })
    const res = await app.request('/v1/batch', { method: 'POST', body, duplex: 'half' } as RequestInit)
    expect(res.status).toBe(413)
    // 512 KB is 8 chunks; the reader stops at the 9th (plus what the stream pre-pulled).
    expect(pulled).toBeLessThan(12)
  })

  it('accepts a body of exactly 512 KB', async () => {
    const { post } = testApp()
    const base = JSON.stringify(batch([track('pad')]))
    const padded = base.slice(0, -1) + ' '.repeat(LIMITS.batchBytes - base.length) + '}'
    expect(new TextEncoder().encode(padded).byteLength).toBe(LIMITS.batchBytes)
    expect((await post(padded)).status).toBe(200)
    expect((await post(padded.slice(0, -1) + ' }')).status).toBe(413)
  })

  it('answers 413 to more than 500 events and takes exactly 500', async () => {
    const { post } = testApp()
    const many = (n: number) => Array.from({ length: n }, () => ({ id: newId(), type: 'track', name: 'n', ts: 1, anonymousId: 'a' }))
    const over = await post(batch(many(LIMITS.batchEvents + 1)))
    expect(over.status).toBe(413)
    expect((await over.json()).error).toBe('too_many_events')
    const ok = await post(batch(many(LIMITS.batchEvents)))
    expect(await ok.json()).toMatchObject({ accepted: LIMITS.batchEvents })
  })

  it('rejects an event over 32 KB and keeps the rest', async () => {
    const { post } = testApp()
    const big = track('big', { props: { a: 'x'.repeat(8000), b: 'x'.repeat(8000), c: 'x'.repeat(8000), d: 'x'.repeat(8000), e: 'x'.repeat(1000) } })
    const res = await post(batch([big, track('small')]))
    const body = await res.json()
    expect(body.accepted).toBe(1)
    expect(body.rejected).toEqual([{ id: big.id, reason: 'the event is larger than 32 KB' }])
  })

  it('rejects nesting past the limits without a stack overflow', async () => {
    const { post } = testApp()
    const deep = `{"v":1,"key":"pk_test","sentAt":1,"events":[${'['.repeat(100_000)}${']'.repeat(100_000)}, {"id":"x","props":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}]}`
    const res = await post(deep)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.rejected.map((r: { reason: string }) => r.reason)).toEqual([
      expect.stringContaining('nesting is deeper'),
      expect.stringContaining('nesting is deeper'),
    ])
  })

  it.each([
    ['not JSON', '{"v":1,', 400, 'invalid_json'],
    ['an array', '[]', 400, 'invalid_batch'],
    ['an empty body', '', 400, 'invalid_json'],
    ['an unknown version', JSON.stringify({ v: 2, key: 'pk_test', sentAt: 1, events: [] }), 400, 'invalid_batch'],
    ['a missing sentAt', JSON.stringify({ v: 1, key: 'pk_test', events: [] }), 400, 'invalid_batch'],
    ['an absurd sentAt', JSON.stringify({ v: 1, key: 'pk_test', sentAt: 1e300, events: [] }), 400, 'invalid_batch'],
    ['events not a list', JSON.stringify({ v: 1, key: 'pk_test', sentAt: 1, events: {} }), 400, 'invalid_batch'],
  ])('answers %s with a JSON 400', async (_, body, status, error) => {
    const { post } = testApp()
    const res = await post(body)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await res.json()).toEqual({ error, details: expect.any(String) })
  })

  it('names the offending path of a bad envelope', async () => {
    const { post } = testApp()
    const res = await post({ v: 1, key: 'pk_test', sentAt: 'yesterday', events: [] })
    expect((await res.json()).details).toContain('$.sentAt')
  })

  it('never echoes raw input in errors', async () => {
    const { post } = testApp()
    const marker = '<script>alert(1)</script>'
    const responses = await Promise.all([
      post(`{"v":1,"key":"${marker}"`),
      post({ v: marker, key: 'pk_test', sentAt: 1, events: [] }),
      post(batch([{ ...track('x'), type: marker }, { ...track('y'), name: 5, [marker]: marker }])),
      post(batch([track('z')], { key: marker })),
    ])
    for (const res of responses) {
      expect(res.status).toBeLessThan(500)
      const text = await res.text()
      expect(text).not.toContain('<script>')
      expect(text).not.toMatch(/\bat \w+ \(|node_modules/)
    }
  })

  it('answers 415 to a compressed body', async () => {
    const { post } = testApp()
    const res = await post(batch([track('x')]), { headers: { 'content-encoding': 'gzip' } })
    expect(res.status).toBe(415)
  })

  it('sanitizes NUL and lone surrogates instead of failing the batch', async () => {
    const { post, fake } = testApp()
    const e = track('nul\u0000name', { props: { 'k\u0000': 'a\u0000b', lone: 'x\uD800y', pair: '😀' } })
    const res = await post(batch([e]))
    expect(await res.json()).toMatchObject({ accepted: 1, rejected: [] })
    const stored = fake.stored[0]?.event
    expect(stored).toMatchObject({ name: 'nul\uFFFDname', props: { 'k\uFFFD': 'a\uFFFDb', lone: 'x\uFFFDy', pair: '😀' } })
  })

  it('corrects client clock skew and clamps the future, keeping the client time', async () => {
    const receivedAt = 1_800_000_000_000
    const { post, fake } = testApp({ now: () => receivedAt })
    // The client clock runs one hour fast: sentAt and ts are both +1h.
    const skew = 3_600_000
    const early = track('queued', { ts: receivedAt + skew - 60_000 })
    const future = track('future', { ts: receivedAt + skew + 86_400_000 })
    await post(batch([early, future], { sentAt: receivedAt + skew }))
    expect(fake.stored.map((s) => [s.ts, s.event.ts])).toEqual([
      [receivedAt - 60_000, receivedAt + skew - 60_000],
      [receivedAt, receivedAt + skew + 86_400_000],
    ])
  })

  it('requires a valid identity hash on identify when verification is on', async () => {
    const { post } = testApp()
    const identify = (hash?: string) => event({ type: 'identify', userId: 'u_1', ...(hash ? { hash } : {}) })
    const good = identify(identityHash('a-long-identity-secret', 'u_1'))
    const res = await post(batch([identify(), identify('0'.repeat(64)), good], { key: 'pk_locked' }))
    const body = await res.json()
    expect(body.accepted).toBe(1)
    expect(body.rejected.map((r: { reason: string }) => r.reason)).toEqual([expect.stringContaining('$.hash'), expect.stringContaining('$.hash')])
  })

  it('answers 429 with Retry-After per key and IP, and refills over time', async () => {
    let now = 1_000_000
    const { post } = testApp({ now: () => now, config: { rateLimit: { perSecond: 0.5, burst: 2 } } })
    const send = (ip: string) => post(batch([track('r')]), { headers: { 'x-test-ip': ip } })
    expect((await send('1.1.1.1')).status).toBe(200)
    expect((await send('1.1.1.1')).status).toBe(200)
    const limited = await send('1.1.1.1')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('2')
    expect((await limited.json()).error).toBe('rate_limited')
    expect((await send('2.2.2.2')).status).toBe(200)
    now += 2000
    expect((await send('1.1.1.1')).status).toBe(200)
  })

  it('answers 503 with Retry-After when storage is down, and stores nothing', async () => {
    const { post, fake, logs } = testApp()
    fake.state.down = true
    const res = await post(batch([track('x')]))
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    expect(await res.json()).toEqual({ error: 'storage_unavailable', details: expect.any(String) })
    expect(logs.join('\n')).toContain('ECONNREFUSED')
    fake.state.down = false
    expect((await post(batch([track('x')]))).status).toBe(200)
  })

  it('answers an empty batch with zeros', async () => {
    const { post } = testApp()
    expect(await (await post(batch([]))).json()).toEqual({ accepted: 0, duplicates: 0, rejected: [] })
  })
})
