import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays, dayStart, localDate, periodOf, periodsBetween, shiftPeriod, validTimeZone, type PeriodKind } from '../../packages/collector/src/results/periods.ts'
import { retentionPeriods, type ActivePerson } from '../../packages/collector/src/results/retention-stats.ts'
import { cohortTable } from '../../packages/collector/src/results/cohorts.ts'
import { activationBuckets, bucketOf } from '../../packages/collector/src/results/activation-stats.ts'

const W0 = '2026-10-26'
const W1 = '2026-11-02'
const W2 = '2026-11-09'
const W3 = '2026-11-16'
const W4 = '2026-11-23'
const W5 = '2026-11-30'
const always = () => true

describe('periods in a time zone', () => {
  it.each([
    ['2026-11-01T20:29:59Z', 'Asia/Tehran', '2026-11-01'],
    ['2026-11-01T20:30:00Z', 'Asia/Tehran', '2026-11-02'],
    ['2026-11-02T07:59:59Z', 'America/Los_Angeles', '2026-11-01'],
    ['2026-11-02T08:00:00Z', 'America/Los_Angeles', '2026-11-02'],
    ['2026-11-01T10:00:00Z', 'Pacific/Kiritimati', '2026-11-02'],
    ['2021-03-21T20:29:59Z', 'Asia/Tehran', '2021-03-21'],
    ['2021-03-21T20:30:00Z', 'Asia/Tehran', '2021-03-22'],
  ])('%s is on %s local date %s', (time, tz, date) => {
    expect(localDate(Date.parse(time), tz)).toBe(date)
  })

  it.each([
    ['2026-11-02', 'UTC', '2026-11-02T00:00:00Z'],
    ['2026-11-02', 'Asia/Tehran', '2026-11-01T20:30:00Z'],
    // Tehran's last daylight-saving start (2021): the clock went from 00:00 to 01:00, the day began at 20:30Z.
    ['2021-03-22', 'Asia/Tehran', '2021-03-21T20:30:00Z'],
    // US fall back: Nov 1 starts in PDT, Nov 2 in PST.
    ['2026-11-01', 'America/Los_Angeles', '2026-11-01T07:00:00Z'],
    ['2026-11-02', 'America/Los_Angeles', '2026-11-02T08:00:00Z'],
    // Chile's spring forward skips midnight: the day begins at 01:00 −03.
    ['2026-09-06', 'America/Santiago', '2026-09-06T04:00:00Z'],
    ['2026-11-02', 'Pacific/Chatham', '2026-11-01T10:15:00Z'],
  ])('the day %s begins in %s at %s', (date, tz, instant) => {
    expect(new Date(dayStart(date, tz)).toISOString()).toBe(new Date(instant).toISOString())
  })

  it.each([
    ['2026-11-08', 'week', '2026-11-02'],
    ['2026-11-09', 'week', '2026-11-09'],
    ['2027-01-01', 'week', '2026-12-28'],
    ['2026-11-30', 'month', '2026-11-01'],
    ['2024-02-29', 'month', '2024-02-01'],
  ] as const)('%s is in the %s starting %s', (date, kind, start) => {
    expect(periodOf(date, kind)).toBe(start)
  })

  it('shifts periods across years and lists the periods overlapping a range', () => {
    expect(shiftPeriod('2026-12-01', 'month', 1)).toBe('2027-01-01')
    expect(shiftPeriod('2026-01-01', 'month', -1)).toBe('2025-12-01')
    expect(shiftPeriod('2026-12-28', 'week', 1)).toBe('2027-01-04')
    expect(periodsBetween(Date.parse('2026-11-04'), Date.parse('2026-11-17'), 'week', 'UTC')).toEqual([W1, W2, W3])
    expect(periodsBetween(Date.parse('2026-11-02'), Date.parse('2026-11-09'), 'week', 'UTC')).toEqual([W1])
    // Sunday 21:00 UTC is already Monday in Tehran: a week of its own there.
    expect(periodsBetween(Date.parse('2026-11-02'), Date.parse('2026-11-08T21:00:00Z'), 'week', 'Asia/Tehran')).toEqual([W1, W2])
    expect(periodsBetween(Date.parse('2026-11-04'), Date.parse('2026-12-17'), 'month', 'Asia/Tehran')).toEqual(['2026-11-01', '2026-12-01'])
  })

  it('knows time zones', () => {
    expect(validTimeZone('Asia/Tehran')).toBe(true)
    expect(validTimeZone('UTC')).toBe(true)
    expect(validTimeZone('Mars/Olympus')).toBe(false)
    expect(validTimeZone("UTC'; DROP")).toBe(false)
  })

  it('a period start is a Monday or a 1st, at most a period before the date, and its end is the next start (property)', () => {
    const kinds = fc.constantFrom<PeriodKind>('week', 'month')
    const zones = fc.constantFrom('UTC', 'Asia/Tehran', 'America/Los_Angeles', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'America/Santiago')
    fc.assert(fc.property(fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2040-01-01') }), kinds, zones, (t, kind, tz) => {
      const start = periodOf(localDate(t, tz), kind)
      const begins = dayStart(start, tz)
      const ends = dayStart(shiftPeriod(start, kind, 1), tz)
      expect(begins).toBeLessThanOrEqual(t)
      expect(ends).toBeGreaterThan(t)
      expect(kind === 'week' ? new Date(`${start}T00:00:00Z`).getUTCDay() : Number(start.slice(8))).toBe(1)
      expect(shiftPeriod(shiftPeriod(start, kind, 3), kind, -3)).toBe(start)
    }), { numRuns: 300 })
  })
})

// a: active every week. b: resurrected after two dormant weeks. c: active only inside one week.
// d: new in W1, two weeks. e: first seen long before, back in W4. W5: nobody active.
const PEOPLE: ActivePerson[] = [
  { first: W0, active: [W0, W1, W2, W3, W4], revenue: 100 },
  { first: W0, active: [W0, W3], revenue: 50 },
  { first: W2, active: [W2], revenue: null },
  { first: W1, active: [W1, W2, W2], revenue: 20 },
  { first: '2026-10-05', active: [W4], revenue: 10 },
]

describe('retention per period (hand-computed)', () => {
  const { periods, lifecycle } = retentionPeriods(PEOPLE, [W1, W2, W3, W4, W5], W0, (p) => p < W5, true)

  it('counts S, E, N (new, resurrected), L, CRR and churn', () => {
    expect(periods.map(({ start, S, E, N, new: n, resurrected, L, crr, churn, complete }) => [start, S, E, N, n, resurrected, L, crr, churn, complete])).toEqual([
      [W1, 2, 2, 1, 1, 0, 1, 1 / 2, 1 / 2, true],
      [W2, 2, 3, 1, 1, 0, 0, 1, 0, true],
      [W3, 3, 2, 1, 0, 1, 2, 1 / 3, 2 / 3, true],
      [W4, 2, 2, 1, 0, 1, 1, 1 / 2, 1 / 2, true],
      // The empty week: everyone of S is lost.
      [W5, 2, 0, 0, 0, 0, 2, 0, 1, false],
    ])
  })

  it('revenue churn: the revenue trait summed over S and over L', () => {
    expect(periods.map((p) => p.revenue)).toEqual([
      { start: 150, lost: 50, churn: 1 / 3 },
      { start: 120, lost: 0, churn: 0 },
      { start: 120, lost: 20, churn: 1 / 6 },
      { start: 150, lost: 50, churn: 1 / 3 },
      { start: 110, lost: 110, churn: 1 },
    ])
  })

  it('lifecycle: new, returning, resurrected, and dormant as a negative count', () => {
    expect(lifecycle).toEqual([
      { start: W1, new: 1, returning: 1, resurrected: 0, dormant: -1 },
      { start: W2, new: 1, returning: 2, resurrected: 0, dormant: 0 },
      { start: W3, new: 0, returning: 1, resurrected: 1, dormant: -2 },
      { start: W4, new: 0, returning: 1, resurrected: 1, dormant: -1 },
      { start: W5, new: 0, returning: 0, resurrected: 0, dormant: -2 },
    ])
  })

  it('a period with nobody active before it has no CRR or churn, not 0 or 100%', () => {
    const [row] = retentionPeriods([{ first: W1, active: [W1] }], [W1], W0, always).periods
    expect(row).toMatchObject({ S: 0, E: 1, N: 1, new: 1, L: 0, crr: null, churn: null })
    expect(row).not.toHaveProperty('revenue')
  })

  it('without resurrected users in N, CRR + churn would pass 100%', () => {
    const w3 = periods[2]
    if (!w3) throw new Error('no W3')
    // (E − new) / S = (2 − 0) / 3 would claim b was retained; b was lost in W1 and came back.
    expect((w3.E - w3.new) / w3.S + (w3.churn ?? 0)).toBeGreaterThan(1)
    expect((w3.crr ?? 0) + (w3.churn ?? 0)).toBeCloseTo(1, 12)
  })
})

const periodList = (n: number) => Array.from({ length: n }, (_, i) => addDays(W1, 7 * i))
const people = (n: number) => fc.array(fc.record({
  first: fc.integer({ min: -2, max: n - 1 }),
  active: fc.array(fc.integer({ min: -1, max: n - 1 }), { maxLength: 8 }),
  revenue: fc.option(fc.integer({ min: 0, max: 1000 })),
}), { maxLength: 40 }).map((list) => list.map(({ first, active, revenue }): ActivePerson => ({
  first: addDays(W1, 7 * first),
  // A person is never active before their first period.
  active: active.filter((k) => k >= first).map((k) => addDays(W1, 7 * k)),
  revenue,
})))

describe('retention properties', () => {
  it('0 ≤ CRR ≤ 1, CRR + churn = 1 when S > 0, E = S − L + N, N = new + resurrected, CRR = (E − N) / S', () => {
    fc.assert(fc.property(people(6), (list) => {
      const { periods, lifecycle } = retentionPeriods(list, periodList(6), W0, always, true)
      periods.forEach((p, i) => {
        expect(p.E).toBe(p.S - p.L + p.N)
        expect(p.N).toBe(p.new + p.resurrected)
        if (p.S === 0) {
          expect(p.crr).toBeNull()
          expect(p.churn).toBeNull()
          return
        }
        expect(p.crr).toBeGreaterThanOrEqual(0)
        expect(p.crr).toBeLessThanOrEqual(1)
        expect((p.crr as number) + (p.churn as number)).toBeCloseTo(1, 12)
        expect(p.crr).toBeCloseTo((p.E - p.N) / p.S, 12)
        const r = p.revenue
        if (r && r.churn !== null) expect(r.churn).toBeLessThanOrEqual(1)
        const l = lifecycle[i]
        expect(l && l.new + l.returning + l.resurrected).toBe(p.E)
        // S of one period is E of the one before.
        if (i > 0) expect(p.S).toBe(periods[i - 1]?.E)
      })
    }))
  })
})

describe('cohorts (hand-computed)', () => {
  // W1: d {W1, W2}, f {W1, W3}, h {W1}; W2: c {W2}, g {W2, W3, W4}; W3: i; W4: j. W4 has not ended.
  const COHORT: ActivePerson[] = [
    { first: W1, active: [W1, W2] }, { first: W1, active: [W1, W3] }, { first: W1, active: [W1] },
    { first: W2, active: [W2] }, { first: W2, active: [W2, W3, W4] },
    { first: W3, active: [W3] }, { first: W4, active: [W4] },
    // First seen before the range: in no cohort.
    { first: W0, active: [W0, W1, W2, W3, W4] },
  ]
  const complete = (p: string) => p < W4

  it('"on": the share active k periods later; incomplete cells marked; the average weighs by size', () => {
    const table = cohortTable(COHORT, [W1, W2, W3, W4], 'on', complete)
    expect(table.rows.map((r) => [r.start, r.size, r.cells.map((c) => [c.active, c.complete])])).toEqual([
      [W1, 3, [[3, true], [1, true], [1, true], [0, false]]],
      [W2, 2, [[2, true], [1, true], [1, false]]],
      [W3, 1, [[1, true], [0, false]]],
      [W4, 1, [[1, false]]],
    ])
    expect(table.rows[0]?.cells[1]?.share).toBeCloseTo(1 / 3, 12)
    // k = 1: (1 + 1) / (3 + 2) = 0.4 — the mean of the shares would be 0.4167.
    expect(table.average).toEqual([
      { k: 0, share: 1, size: 6 },
      { k: 1, share: 2 / 5, size: 5 },
      { k: 2, share: 1 / 3, size: 3 },
    ])
  })

  it('"unbounded": active in period k or later', () => {
    const table = cohortTable(COHORT, [W1, W2, W3, W4], 'unbounded', complete)
    expect(table.rows.map((r) => r.cells.map((c) => c.active))).toEqual([[3, 2, 1, 0], [2, 1, 1], [1, 0], [1]])
  })

  it('an empty cohort has shares of null and weighs nothing', () => {
    const table = cohortTable([{ first: W2, active: [W2, W3] }], [W1, W2, W3], 'on', always)
    expect(table.rows[0]).toEqual({ start: W1, size: 0, cells: [0, 1, 2].map((k) => ({ k, active: 0, share: null, complete: true })) })
    expect(table.average).toEqual([{ k: 0, share: 1, size: 1 }, { k: 1, share: 1, size: 1 }, { k: 2, share: null, size: 0 }])
  })

  it('"unbounded" never rises with k; "on" never exceeds it; the average is Σ size·share / Σ size (property)', () => {
    fc.assert(fc.property(people(6), fc.integer({ min: 0, max: 6 }), (list, done) => {
      const periods = periodList(6)
      const isDone = (p: string) => periods.indexOf(p) < done
      const on = cohortTable(list, periods, 'on', isDone)
      const unbounded = cohortTable(list, periods, 'unbounded', isDone)
      unbounded.rows.forEach((row, r) => {
        row.cells.forEach((cell, k) => {
          if (k > 0) expect(cell.active).toBeLessThanOrEqual(row.cells[k - 1]?.active as number)
          expect(on.rows[r]?.cells[k]?.active).toBeLessThanOrEqual(cell.active)
        })
      })
      for (const avg of on.average) {
        const rows = on.rows.filter((row) => row.cells[avg.k]?.complete)
        const size = rows.reduce((s, row) => s + row.size, 0)
        const weighted = rows.reduce((s, row) => s + row.size * (row.cells[avg.k]?.share ?? 0), 0)
        expect(avg.size).toBe(size)
        if (size > 0) expect(avg.share).toBeCloseTo(weighted / size, 12)
        else expect(avg.share).toBeNull()
      }
    }))
  })
})

describe('activation buckets', () => {
  const D = 864e5
  it.each([
    [0, 'same_day'], [-5000, 'same_day'], [D - 1, 'same_day'], [D, '1_3_days'], [4 * D - 1, '1_3_days'],
    [4 * D, '4_7_days'], [8 * D - 1, '4_7_days'], [8 * D, 'later_or_never'], [null, 'later_or_never'],
  ] as const)('reached %s ms after the first activity: %s', (after, bucket) => {
    expect(bucketOf(1e12, after === null ? null : 1e12 + after)).toBe(bucket)
  })

  it('counts n and retained per bucket with a Wilson 95% interval', () => {
    const t = 1e12
    const list = [
      ...Array.from({ length: 10 }, (_, i) => ({ first: t, reached: t + 3600e3, retained: i < 8 })),
      { first: t, reached: t + 2 * D, retained: false },
      { first: t, reached: null, retained: true },
    ]
    const buckets = activationBuckets(list)
    expect(buckets.map((b) => [b.bucket, b.n, b.retained, b.share])).toEqual([
      ['same_day', 10, 8, 0.8], ['1_3_days', 1, 0, 0], ['4_7_days', 0, 0, null], ['later_or_never', 1, 1, 1],
    ])
    // Wilson (1927) for 8 of 10: 0.4902 to 0.9433.
    expect([buckets[0]?.low, buckets[0]?.high].map((x) => Math.round((x as number) * 1e4) / 1e4)).toEqual([0.4902, 0.9433])
    expect(buckets[2]).toMatchObject({ low: null, high: null })
  })
})
