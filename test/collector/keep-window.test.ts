import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { deleteBefore, EXPIRY_GRACE_MS, oldestKept } from '../../packages/collector/src/expiry/keep-window.ts'

const DAY = 864e5
const NOW = Date.parse('2026-12-01T12:00:00Z')

describe('the window of kept events', () => {
  it.each([
    [1, NOW - DAY, NOW - DAY - EXPIRY_GRACE_MS],
    [30, NOW - 30 * DAY, NOW - 30 * DAY - EXPIRY_GRACE_MS],
    [365, NOW - 365 * DAY, NOW - 365 * DAY - EXPIRY_GRACE_MS],
  ])('keeping %i days, stores from %i and deletes before %i', (days, kept, deleted) => {
    expect(oldestKept(NOW, days)).toBe(kept)
    expect(deleteBefore(NOW, days)).toBe(deleted)
  })

  it('refuses at ingest a retry of any event it deleted, when the retry lands within the grace of the first time', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 3650 }),
      fc.integer({ min: 1, max: 400 * 864e5 }),
      fc.integer({ min: 0, max: 3650 * 864e5 }),
      fc.integer({ min: 0, max: 100 * 864e5 }),
      fc.integer({ min: -EXPIRY_GRACE_MS + 1, max: EXPIRY_GRACE_MS - 1 }),
      (days, pastCutoff, deletedAfter, retriedAfter, drift) => {
        const deletedAt = NOW + deletedAfter
        // Any event the pass at deletedAt deletes.
        const ts = deleteBefore(deletedAt, days) - pastCutoff
        // The retry's server time differs from the first by less than the grace (network, clamping).
        const retryAt = deletedAt + retriedAfter
        expect(ts + drift < oldestKept(retryAt, days)).toBe(true)
      },
    ))
  })

  it('never deletes an event it would still store', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3650 }), fc.integer(), (days, now) => {
      expect(deleteBefore(now, days)).toBeLessThan(oldestKept(now, days))
    }))
  })
})
