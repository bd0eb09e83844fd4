import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BACKOFF_CAP, MAX_RETRY_AFTER, backoff, parseRetryAfter } from '../../../packages/sdk/src/core/backoff.ts'
import { classify } from '../../../packages/sdk/src/core/outcome.ts'

describe('backoff', () => {
  it.each([
    // attempt, unit, retryAfter, delay
    [1, 0, 0, 0],
    [1, 0.5, 0, 500],
    [1, 0.999_999, 0, 999],
    [2, 0.5, 0, 1_000],
    [3, 0.5, 0, 2_000],
    [9, 0.5, 0, 128_000],
    [10, 0.5, 0, 150_000],
    [50, 0.999_999, 0, 299_999],
    [1, 0.1, 30_000, 30_000],
    [12, 0.9, 10_000, 270_000],
    [1, 0, 2 * MAX_RETRY_AFTER, MAX_RETRY_AFTER],
  ])('attempt %i, unit %f, Retry-After %i ms → %i ms', (attempt, unit, retryAfter, delay) => {
    expect(backoff(attempt, unit, retryAfter)).toBe(delay)
  })

  it('stays in [Retry-After, max(window, Retry-After)) with the window doubling up to the 5-minute cap', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      fc.integer({ min: 0, max: 2 * MAX_RETRY_AFTER }),
      (attempt, unit, retryAfter) => {
        const delay = backoff(attempt, unit, retryAfter)
        const window = Math.min(BACKOFF_CAP, 1000 * 2 ** (attempt - 1))
        const floor = Math.min(retryAfter, MAX_RETRY_AFTER)
        expect(Number.isInteger(delay)).toBe(true)
        expect(delay).toBeGreaterThanOrEqual(floor)
        expect(delay).toBeLessThan(Math.max(window, floor + 1))
      },
    ))
  })

  it('never goes down as attempts grow, for the same draw', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      (attempt, unit) => {
        expect(backoff(attempt + 1, unit)).toBeGreaterThanOrEqual(backoff(attempt, unit))
      },
    ))
  })

  it('survives nonsense input with a finite, non-negative delay', () => {
    fc.assert(fc.property(fc.double(), fc.double(), fc.double(), (attempt, unit, retryAfter) => {
      const delay = backoff(attempt, unit, retryAfter)
      expect(delay >= 0 && delay <= MAX_RETRY_AFTER).toBe(true)
    }))
  })
})

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 1, 12)
  it.each([
    [null, 0],
    ['', 0],
    ['0', 0],
    ['5', 5_000],
    [' 120 ', 120_000],
    ['Thu, 01 Jan 2026 12:00:30 GMT', 30_000],
    ['Thu, 01 Jan 2026 11:00:00 GMT', 0],
    ['soon', 0],
    ['-3', 0],
  ])('%j → %i ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms)
  })
})

describe('classify', () => {
  it.each([
    [200, 'delivered'], [202, 'delivered'], [0, 'retry'], [408, 'retry'], [429, 'retry'], [500, 'retry'],
    [502, 'retry'], [503, 'retry'], [413, 'split'], [400, 'drop'], [401, 'drop'], [403, 'drop'], [404, 'drop'], [422, 'drop'],
  ] as const)('HTTP %i → %s', (status, kind) => {
    expect(classify(status).kind).toBe(kind)
  })

  it('keeps Retry-After on retries and names the status on drops', () => {
    expect(classify(429, 7_000)).toEqual({ kind: 'retry', retryAfter: 7_000 })
    expect(classify(401)).toEqual({ kind: 'drop', reason: 'http_401' })
  })
})
