import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { cleanString, sanitize, MAX_NESTING } from '../../packages/collector/src/ingest/sanitize.ts'
import { serverTime } from '../../packages/collector/src/ingest/server-time.ts'
import { reasonOf } from '../../packages/collector/src/ingest/reason.ts'
import { readBody } from '../../packages/collector/src/http/read-body.ts'
import { createRateLimiter, identityHash } from '@cairn/collector'
import { createHmac } from 'node:crypto'

/** Well-formed UTF-16 survives a UTF-8 round trip unchanged (lone surrogates become U+FFFD). */
const wellFormed = (s: string) => Buffer.from(s, 'utf8').toString('utf8') === s

describe('sanitize', () => {
  it.each([
    ['a\u0000b', 'a\uFFFDb'],
    ['x\uD800', 'x\uFFFD'],
    ['\uDC00x', '\uFFFDx'],
    ['\uDBFF\uDFFF ok pair', '\uDBFF\uDFFF ok pair'],
    ['plain', 'plain'],
  ])('cleans %j', (input, output) => {
    expect(cleanString(input)).toBe(output)
  })

  it('always yields strings PostgreSQL accepts, unchanged when already fine', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const clean = cleanString(s)
      expect(wellFormed(clean)).toBe(true)
      expect(clean).not.toContain('\u0000')
      if (wellFormed(s) && !s.includes('\u0000')) expect(clean).toBe(s)
    }))
  })

  it('cleans keys too and keeps __proto__ a plain key', () => {
    const out = sanitize(JSON.parse('{"__proto__": {"polluted": true}, "k\\u0000": ["\\ud800"]}')) as Record<string, unknown>
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(Object.keys(out)).toEqual(['__proto__', 'k\uFFFD'])
    expect(out['k\uFFFD']).toEqual(['\uFFFD'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses nesting past the limit', () => {
    let deep: unknown = 1
    for (let i = 0; i < MAX_NESTING + 1; i++) deep = [deep]
    expect(() => sanitize(deep)).toThrow(/nesting/)
  })
})

describe('serverTime', () => {
  const received = 1_800_000_000_000
  it.each([
    ['no skew', received - 500, received, received - 500],
    ['a fast client clock', received + 3_600_000 - 500, received + 3_600_000, received - 500],
    ['a slow client clock, an event queued offline for a day', received - 7_200_000 - 86_400_000, received - 7_200_000, received - 86_400_000],
    ['an event after its batch was sent: clamped to arrival', received + 10_000, received, received],
    ['an absurd past: clamped to 0', 0, 8e15, 0],
  ])('%s', (_, ts, sentAt, expected) => {
    expect(serverTime(ts, sentAt, received)).toBe(expected)
  })

  it('is never after arrival and never negative', () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), fc.nat(), (ts, sentAt, receivedAt) => {
      const t = serverTime(ts, sentAt, receivedAt)
      expect(t).toBeGreaterThanOrEqual(0)
      expect(t).toBeLessThanOrEqual(receivedAt)
    }))
  })
})

describe('reasonOf', () => {
  it('drops received values and client-chosen keys, and caps the length', () => {
    const reason = reasonOf([
      { path: '$.type', message: 'Invalid type: Expected "track" but received "<img onerror=x>"' },
      { path: '$["<script>"]', message: 'Invalid key: Expected never' },
    ])
    expect(reason).toBe('$.type: Invalid type: Expected "track"; $[…]: Invalid key: Expected never')
    expect(reasonOf(Array.from({ length: 50 }, () => ({ path: '$.a', message: 'x'.repeat(40) }))).length).toBeLessThanOrEqual(300)
  })
})

describe('readBody', () => {
  const stream = (chunks: number, size: number) => {
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulled++ >= chunks) c.close()
        else c.enqueue(new Uint8Array(size).fill(65))
      },
    })
    return { body, pulled: () => pulled }
  }

  it('reads a body under the limit whole', async () => {
    const { body } = stream(3, 10)
    const result = await readBody(new Request('http://x/', { method: 'POST', body, duplex: 'half' } as RequestInit), 30)
    expect(result).toEqual({ ok: true, bytes: new Uint8Array(30).fill(65) })
  })

  it('cancels at the chunk that crosses the limit', async () => {
    const s = stream(100, 10)
    const result = await readBody(new Request('http://x/', { method: 'POST', body: s.body, duplex: 'half' } as RequestInit), 25)
    expect(result).toEqual({ ok: false, reason: 'too_large' })
    expect(s.pulled()).toBeLessThan(6)
  })

  it('reports a body that errors while streaming as unreadable', async () => {
    const body = new ReadableStream({ pull(c) { c.error(new Error('socket hang up')) } })
    const result = await readBody(new Request('http://x/', { method: 'POST', body, duplex: 'half' } as RequestInit), 100)
    expect(result).toEqual({ ok: false, reason: 'unreadable' })
  })
})

describe('rate limiter', () => {
  it('lets a burst through, then one request per refill, per key', () => {
    let now = 0
    const limiter = createRateLimiter({ perSecond: 2, burst: 3 }, () => now)
    expect([1, 2, 3, 4].map(() => limiter.take('a').ok)).toEqual([true, true, true, false])
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 })
    expect(limiter.take('b').ok).toBe(true)
    now += 500
    expect(limiter.take('a').ok).toBe(true)
    expect(limiter.take('a').ok).toBe(false)
    now += 60_000
    expect([1, 2, 3, 4].map(() => limiter.take('a').ok)).toEqual([true, true, true, false])
  })

  it('forgets idle buckets when there are many', () => {
    let now = 0
    const limiter = createRateLimiter({ perSecond: 1, burst: 1 }, () => now)
    for (let i = 0; i < 10_001; i++) limiter.take(`ip-${i}`)
    now += 10_000
    // A sweep ran: the first key starts from a full bucket again.
    expect(limiter.take('ip-0').ok).toBe(true)
    expect(limiter.take('ip-0').ok).toBe(false)
  })
})

describe('identityHash', () => {
  it('is hex HMAC-SHA256(secret, userId)', () => {
    expect(identityHash('s3cret-s3cret-s3cret', 'u_42')).toBe(createHmac('sha256', 's3cret-s3cret-s3cret').update('u_42').digest('hex'))
  })
})
