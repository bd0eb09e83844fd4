import fc from 'fast-check'
import type { FlowState, Frequency } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { DAY, frequencyFails, mergeFlow } from '../../../packages/sdk/src/engine/index.ts'

const visit = 50 * DAY
const now = visit + 1000
const fresh: FlowState = { shownCount: 0 }
const shownBefore: FlowState = { shownCount: 1, shownAt: visit - 3 * DAY }
const shownNow: FlowState = { shownCount: 1, shownAt: visit + 10 }
const completed: FlowState = { ...shownBefore, completedAt: visit - 3 * DAY + 5000 }
const dismissed: FlowState = { ...shownBefore, dismissedAt: visit - 2 * DAY }

const verdict = (f: Frequency | undefined, s: FlowState | undefined) => {
  const b = frequencyFails(f, s, now, visit)
  return b === undefined ? 'now' : b.at === undefined ? 'never' : b.at
}

describe('frequency', () => {
  it.each<[string, Frequency | undefined, FlowState | undefined, 'now' | 'never' | number]>([
    ['once (default), never seen', undefined, undefined, 'now'],
    ['once, never shown', 'once', fresh, 'now'],
    ['once, shown', 'once', shownBefore, 'never'],
    ['default is once', undefined, shownBefore, 'never'],
    ['once, dismissed (even if shown elsewhere unknown)', 'once', { shownCount: 0, dismissedAt: 1 }, 'never'],
    ['until completed, shown on an earlier visit', 'until_completed', shownBefore, 'now'],
    ['until completed, shown this visit', 'until_completed', shownNow, 'never'],
    ['until completed, completed', 'until_completed', completed, 'never'],
    ['until completed, dismissed', 'until_completed', dismissed, 'never'],
    ['every 7 days, shown 3 days ago', { everyDays: 7 }, shownBefore, visit + 4 * DAY],
    ['every 2 days, shown 3 days ago', { everyDays: 2 }, shownBefore, 'now'],
    ['every 3 days counts from the dismissal', { everyDays: 3 }, dismissed, visit + DAY],
    ['every 3 days counts from the completion', { everyDays: 3 }, completed, visit + 5000],
    ['every 0 days', { everyDays: 0 }, shownNow, 'now'],
  ])('%s', (_, f, s, expected) => {
    expect(verdict(f, s)).toBe(expected)
  })

  const time = fc.integer({ min: 0, max: 100 * DAY })
  const state: fc.Arbitrary<FlowState> = fc
    .record({ shownAt: time, completedAt: time, dismissedAt: time, shownCount: fc.nat(5) }, { requiredKeys: ['shownCount'] })
    .map((s) => s as FlowState)
  const frequency = fc.oneof(fc.constantFrom<Frequency>('once', 'until_completed'), fc.record({ everyDays: fc.integer({ min: 0, max: 30 }) }))

  it('is monotonic in time: once allowed, waiting longer never blocks (same history, same visit)', () => {
    fc.assert(
      fc.property(frequency, state, time, time, time, (f, s, t1, t2, v) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1]
        if (!frequencyFails(f, s, early, v)) expect(frequencyFails(f, s, late, v)).toBeUndefined()
      }),
    )
  })

  it('is monotonic in history: learning more (another device, another tab) never unblocks', () => {
    fc.assert(
      fc.property(frequency, state, state, time, time, (f, a, b, t, v) => {
        if (frequencyFails(f, a, t, v)) expect(frequencyFails(f, mergeFlow(a, b), t, v)).toBeDefined()
      }),
    )
  })

  it('says when it will allow the flow, and then it does', () => {
    fc.assert(
      fc.property(frequency, state, time, time, (f, s, t, v) => {
        const at = frequencyFails(f, s, t, v)?.at
        if (at !== undefined) {
          expect(at).toBeGreaterThan(t)
          expect(frequencyFails(f, s, at, v)).toBeUndefined()
          expect(frequencyFails(f, s, at - 1, v)).toBeDefined()
        }
      }),
    )
  })
})
