import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { REFRESH_MS, refreshDue } from '../../../packages/sdk/src/core/refresh.ts'

describe('refreshDue: reading the user state again when the page comes back', () => {
  it.each([
    // [why, now, last read, hidden, due]
    ['never read, visible', 1_000, undefined, false, true],
    ['never read, hidden', 1_000, undefined, true, false],
    ['read 29.999 s ago', 40_000, 10_001, false, false],
    ['read exactly 30 s ago', 40_000, 10_000, false, true],
    ['read a minute ago', 70_000, 10_000, false, true],
    ['read a minute ago, but hidden', 70_000, 10_000, true, false],
    ['read just now', 10_000, 10_000, false, false],
    ['a clock set back since the last read', 5_000, 10_000, false, false],
  ])('%s', (_, now, last, hidden, due) => {
    expect(refreshDue(now, last, hidden)).toBe(due)
  })

  it('is never due while hidden; when visible it is due exactly once 30 s have passed', () => {
    fc.assert(fc.property(fc.nat(1e12), fc.option(fc.nat(1e12), { nil: undefined }), fc.boolean(), (now, last, hidden) => {
      const due = refreshDue(now, last, hidden)
      if (hidden) expect(due).toBe(false)
      else expect(due).toBe(last === undefined || now - last >= REFRESH_MS)
    }))
  })

  it('a page coming back every second reads at most once per 30 s', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 1, maxLength: 200 }), (gaps) => {
      let now = 0
      let last: number | undefined = 0
      const reads: number[] = []
      for (const gap of gaps) {
        now += gap
        if (refreshDue(now, last, false)) reads.push((last = now))
      }
      for (let i = 1; i < reads.length; i++) expect(reads[i]! - reads[i - 1]!).toBeGreaterThanOrEqual(REFRESH_MS)
      expect(reads.length).toBeLessThanOrEqual(Math.floor(now / REFRESH_MS))
    }))
  })
})
