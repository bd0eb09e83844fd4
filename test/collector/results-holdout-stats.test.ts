import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { holdoutComparison, newcombe, wilson } from '../../packages/collector/src/results/holdout-stats.ts'

const round = (xs: readonly number[] | undefined) => xs?.map((x) => Math.round(x * 1e4) / 1e4)

describe('wilson (score interval, 95%)', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3.
  it.each([
    [81, 263, [0.2553, 0.3662]],
    [15, 148, [0.0624, 0.1605]],
    [0, 20, [0, 0.1611]],
    [1, 29, [0.0061, 0.1718]],
  ])('%i of %i → %j', (k, n, expected) => {
    expect(round(wilson(k, n) ?? undefined)).toEqual(expected)
  })

  it('is null without observations', () => {
    expect(wilson(0, 0)).toBeNull()
  })

  it('contains the observed proportion and stays in [0, 1] (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
      const k = Math.round(f * n)
      const [lo, hi] = wilson(k, n) as [number, number]
      expect(lo).toBeGreaterThanOrEqual(0)
      expect(hi).toBeLessThanOrEqual(1)
      expect(lo).toBeLessThanOrEqual(k / n + 1e-12)
      expect(hi).toBeGreaterThanOrEqual(k / n - 1e-12)
    }))
  })
})

describe('newcombe (hybrid score interval for a difference of proportions, 95%)', () => {
  // Newcombe (1998), "Interval estimation for the difference between independent proportions", Table II, method 10.
  it.each([
    [56, 70, 48, 80, [0.0524, 0.3339]],
    [9, 10, 3, 10, [0.1705, 0.809]],
    [6, 7, 2, 7, [0.0582, 0.8062]],
    [5, 56, 0, 29, [-0.0381, 0.1926]],
    [0, 10, 0, 20, [-0.1611, 0.2775]],
    [10, 10, 0, 20, [0.6791, 1]],
  ])('%i/%i − %i/%i → %j', (k1, n1, k2, n2, expected) => {
    const result = newcombe(k1, n1, k2, n2)
    expect(result?.difference).toBeCloseTo(k1 / n1 - k2 / n2, 12)
    expect(round(result?.ci95)).toEqual(expected)
  })

  it('is null when a group is empty', () => {
    expect(newcombe(1, 2, 0, 0)).toBeNull()
  })

  it('contains the observed difference, stays in [−1, 1], mirrors when the groups swap (property)', () => {
    const side = fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)))
    fc.assert(fc.property(side, side, ([k1, n1], [k2, n2]) => {
      const { difference, ci95: [lo, hi] } = newcombe(k1, n1, k2, n2)!
      expect(lo).toBeGreaterThanOrEqual(-1 - 1e-12)
      expect(hi).toBeLessThanOrEqual(1 + 1e-12)
      expect(lo).toBeLessThanOrEqual(difference + 1e-12)
      expect(hi).toBeGreaterThanOrEqual(difference - 1e-12)
      const swapped = newcombe(k2, n2, k1, n1)!
      expect(swapped.ci95[0]).toBeCloseTo(-hi, 12)
      expect(swapped.ci95[1]).toBeCloseTo(-lo, 12)
    }))
  })
})

describe('holdoutComparison', () => {
  it('compares each milestone between the shown and the held-out people', () => {
    const people = [
      ...Array.from({ length: 70 }, (_, i) => ({ heldOut: false, reached: i < 56 ? { activated: true } : {} })),
      ...Array.from({ length: 80 }, (_, i) => ({ heldOut: true, reached: i < 48 ? { activated: true, invited: true } : {} })),
    ]
    const [activated, invited] = holdoutComparison(['activated', 'invited', 'activated'], people)
    expect(activated).toMatchObject({ name: 'activated', shown: { users: 70, reached: 56, rate: 0.8 }, heldOut: { users: 80, reached: 48, rate: 0.6 } })
    expect(activated!.difference).toBeCloseTo(0.2, 12)
    expect(round(activated!.ci95 ?? undefined)).toEqual([0.0524, 0.3339])
    expect(invited).toMatchObject({ shown: { users: 70, reached: 0, rate: 0 }, heldOut: { users: 80, reached: 48 } })
    expect(holdoutComparison(['activated'], people.filter((p) => !p.heldOut))).toEqual([{
      name: 'activated', shown: { users: 70, reached: 56, rate: 0.8 }, heldOut: { users: 0, reached: 0, rate: null }, difference: null, ci95: null,
    }])
  })
})
