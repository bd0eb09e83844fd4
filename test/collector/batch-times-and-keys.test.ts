import { describe, expect, it } from 'vitest'
import { testApp } from './helpers/app.ts'
import { batch, track } from './helpers/events.ts'

const RECEIVED = Date.UTC(2026, 11, 3, 6, 51, 48)
const iso = (ms: number) => new Date(ms).toISOString()

describe('POST /v1/batch from a server-side sender: ISO 8601 times', () => {
  it('takes sentAt and ts as ISO 8601 strings and stores epoch milliseconds', async () => {
    const { post, fake } = testApp({ now: () => RECEIVED })
    // A sender whose clock runs 10 s fast, Segment-style strings.
    const sent = RECEIVED + 10_000
    const e = track('order_paid', { ts: iso(sent - 1500) as unknown as number })
    const res = await post(batch([e], { sentAt: iso(sent) }))
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    expect(fake.stored[0]?.event.ts).toBe(sent - 1500)
    // Skew corrected as for epoch times: 1.5 s before it arrived.
    expect(fake.stored[0]?.ts).toBe(RECEIVED - 1500)
  })

  it('mixes both forms in one batch, and offsets other than Z', async () => {
    const { post, fake } = testApp({ now: () => RECEIVED })
    const events = [
      track('a', { ts: RECEIVED - 3000 }),
      track('b', { ts: '2026-12-03T08:51:46+02:00' as unknown as number }),
    ]
    const res = await post(batch(events, { sentAt: RECEIVED }))
    expect((await res.json()).accepted).toBe(2)
    expect(fake.stored.map((s) => s.event.ts)).toEqual([RECEIVED - 3000, RECEIVED - 2000])
  })

  it('rejects an event whose ts is no date-time alone, saying what the field takes', async () => {
    const { post, fake } = testApp({ now: () => RECEIVED })
    const bad = track('x', { ts: '2026-12-03 06:51:47' as unknown as number })
    const res = await post(batch([bad, track('fine')], { sentAt: iso(RECEIVED) }))
    const body = await res.json()
    expect(body.accepted).toBe(1)
    expect(body.rejected).toEqual([{ id: bad.id, reason: expect.stringMatching(/^\$\.ts: must be epoch milliseconds or an ISO 8601 date-time/) }])
    expect(fake.stored).toHaveLength(1)
  })

  it('answers 400 naming $.sentAt for an unreadable sentAt', async () => {
    const { post } = testApp()
    const res = await post(batch([track('x')], { sentAt: 'Thu, 03 Dec 2026 06:51:47 GMT' }))
    expect(res.status).toBe(400)
    expect((await res.json()).details).toMatch(/^\$\.sentAt: must be epoch milliseconds or an ISO 8601 date-time/)
  })
})

describe('POST /v1/batch: the key is judged before the shape', () => {
  const broken = { v: 9, sentAt: 'whenever', events: 'none' }
  it.each([
    ['an unknown key in the body', { ...broken, key: 'pk_nope' }, {}, 'unknown_key'],
    ['the secret key in the body', { ...broken, key: 'sk_test' }, {}, 'secret_key_on_ingest'],
    ['no key at all', broken, {}, 'missing_key'],
    ['a key that is not a string', { ...broken, key: 42 }, {}, 'missing_key'],
    ['an unknown key in the header', broken, { 'x-cairn-key': 'pk_nope' }, 'unknown_key'],
  ])('%s: 401, not 400', async (_, body, headers, error) => {
    const { post } = testApp()
    const res = await post(body, { headers })
    expect(res.status).toBe(401)
    expect((await res.json()).error).toBe(error)
  })

  it('a right key with a wrong shape still gets the 400 that names the path', async () => {
    const { post } = testApp()
    const res = await post({ ...broken, key: 'pk_test' })
    expect(res.status).toBe(400)
    expect((await res.json()).details).toContain('$.v')
  })

  it('an oversized batch with a secret key hears about the key first', async () => {
    const { post } = testApp()
    const res = await post(batch(Array.from({ length: 501 }, () => track('x')), { key: 'sk_test' }))
    expect(res.status).toBe(401)
  })
})
