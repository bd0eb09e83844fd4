import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { milestoneStats, quantile, share, spread, weekStart } from '../../packages/collector/src/results/milestones-stats.ts'
import { parsePeriod } from '../../packages/collector/src/results/milestones-period.ts'
import { declaredMilestones } from '../../packages/collector/src/results/milestones-declared.ts'

const H = 3_600_000
const MON = Date.parse('2026-11-02') // a Monday
const NEXT_MON = Date.parse('2026-11-09')

describe('quantile (type 7: linear between the nearest ranks)', () => {
  it.each([
    [[], 0.5, null],
    [[7], 0.5, 7],
    [[7], 0.75, 7],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.75, 3.25],
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[1, 2, 3, 4, 5], 0.75, 4],
    [[10, 20], 0.75, 17.5],
    [[0, 0, 0, 100], 0.75, 25],
    [[1, 2, 3], 0, 1],
    [[1, 2, 3], 1, 3],
  ])('quantile(%j, %d) = %j', (sorted, q, expected) => {
    expect(quantile(sorted, q)).toBe(expected)
  })

  it('lies between the smallest and the largest value and grows with q (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (values, a, b) => {
      const sorted = [...values].sort((x, y) => x - y)
      const [lo, hi] = a <= b ? [a, b] : [b, a]
      const x = quantile(sorted, lo) as number
      const y = quantile(sorted, hi) as number
      expect(x).toBeGreaterThanOrEqual(sorted[0] as number)
      expect(y).toBeLessThanOrEqual(sorted.at(-1) as number)
      expect(x).toBeLessThanOrEqual(y + 1e-6)
    }))
  })

  it('spread sorts first and counts', () => {
    expect(spread([4 * H, H, 3 * H, 2 * H])).toEqual({ n: 4, medianMs: 2.5 * H, p75Ms: 3.25 * H })
    expect(spread([])).toEqual({ n: 0, medianMs: null, p75Ms: null })
  })
})

describe('weekStart (ISO weeks, Monday 00:00 UTC)', () => {
  it.each([
    ['2026-11-02T00:00:00Z', '2026-11-02'],
    ['2026-11-08T23:59:59Z', '2026-11-02'],
    ['2026-11-09T00:00:00Z', '2026-11-09'],
    ['1970-01-01T00:00:00Z', '1969-12-29'],
    ['2024-02-29T12:00:00Z', '2024-02-26'],
  ])('%s is in the week of %s', (time, monday) => {
    expect(new Date(weekStart(Date.parse(time))).toISOString().slice(0, 10)).toBe(monday)
  })

  it('is a Monday at midnight no later than the time and less than a week before (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4e12 }), (t) => {
      const w = weekStart(t)
      expect(new Date(w).getUTCDay()).toBe(1)
      expect(Math.abs(w % 864e5)).toBe(0)
      expect(t - w).toBeGreaterThanOrEqual(0)
      expect(t - w).toBeLessThan(7 * 864e5)
    }))
  })
})

describe('milestoneStats', () => {
  // Five new users over two weeks. Hand-computed below.
  const cohort = [
    { firstSeen: MON, reached: { project: MON + 1 * H, invited: MON + 10 * H } },
    { firstSeen: MON + 24 * H, reached: { project: MON + 24 * H + 3 * H } },
    { firstSeen: MON + 48 * H, reached: {} },
    { firstSeen: NEXT_MON, reached: { project: NEXT_MON + 5 * H } },
    { firstSeen: NEXT_MON + H, reached: { project: NEXT_MON - H } }, // reached "before" first seen: counts as 0
  ]
  const stats = milestoneStats({
    names: ['project', 'invited', 'project', 'connected', 'legacy'],
    declared: new Set(['project', 'invited', 'connected']),
    cohort,
    reachedInPeriod: { project: 6, invited: 1, legacy: 2 },
  })

  it('lists declared milestones first (by name), then the others', () => {
    expect(stats.map((s) => s.name)).toEqual(['connected', 'invited', 'project', 'legacy'])
    expect(stats.map((s) => s.declared)).toEqual([true, true, true, false])
  })

  it('counts people who reached it, the share of new users, and time to reach it (median, p75)', () => {
    const project = stats.find((s) => s.name === 'project')!
    // Durations 1h, 3h, 5h, 0 → sorted 0, 1, 3, 5: median 2h, p75 = 3 + 0.25·(5 − 3) = 3.5h.
    expect(project).toMatchObject({ reached: 6, newUsersReached: 4, share: 0.8, timeToReach: { n: 4, medianMs: 2 * H, p75Ms: 3.5 * H } })
    expect(project.weekly).toEqual([
      // 1h, 3h: median 2h, p75 2.5h; 5h, 0: median 2.5h, p75 = 0 + 0.75·5 = 3.75h.
      { week: '2026-11-02', newUsers: 3, reached: 2, share: 2 / 3, medianMs: 2 * H, p75Ms: 2.5 * H },
      { week: '2026-11-09', newUsers: 2, reached: 2, share: 1, medianMs: 2.5 * H, p75Ms: 3.75 * H },
    ])
    expect(stats.find((s) => s.name === 'invited')).toMatchObject({ reached: 1, newUsersReached: 1, share: 0.2, timeToReach: { n: 1, medianMs: 10 * H, p75Ms: 10 * H } })
    expect(stats.find((s) => s.name === 'connected')).toMatchObject({
      reached: 0, newUsersReached: 0, share: 0, timeToReach: { n: 0, medianMs: null, p75Ms: null },
      weekly: [{ week: '2026-11-02', newUsers: 3, reached: 0, share: 0, medianMs: null, p75Ms: null }, { week: '2026-11-09', newUsers: 2, reached: 0, share: 0, medianMs: null, p75Ms: null }],
    })
  })

  it('has no share without new users', () => {
    expect(milestoneStats({ names: ['m'], declared: new Set(), cohort: [], reachedInPeriod: { m: 3 } }))
      .toEqual([{ name: 'm', declared: false, reached: 3, newUsersReached: 0, share: null, timeToReach: { n: 0, medianMs: null, p75Ms: null }, weekly: [] }])
  })

  it('weekly cohorts add up to the period, shares stay in [0, 1], medians never above p75 (property)', () => {
    const person = fc.record({
      firstSeen: fc.integer({ min: MON, max: MON + 60 * 864e5 }),
      reached: fc.dictionary(fc.constantFrom('a', 'b', '__proto__'), fc.integer({ min: MON - 864e5, max: MON + 90 * 864e5 })),
    })
    fc.assert(fc.property(fc.array(person, { maxLength: 40 }), (people) => {
      for (const s of milestoneStats({ names: ['a', 'b', '__proto__'], declared: new Set(['a']), cohort: people, reachedInPeriod: {} })) {
        expect(s.weekly.reduce((n, w) => n + w.newUsers, 0)).toBe(people.length)
        expect(s.weekly.reduce((n, w) => n + w.reached, 0)).toBe(s.newUsersReached)
        expect(s.timeToReach.n).toBe(s.newUsersReached)
        if (s.share !== null) expect(s.share).toBeGreaterThanOrEqual(0)
        if (s.share !== null) expect(s.share).toBeLessThanOrEqual(1)
        if (s.timeToReach.medianMs !== null) expect(s.timeToReach.medianMs).toBeLessThanOrEqual(s.timeToReach.p75Ms as number)
        for (const w of s.weekly) {
          expect(w.medianMs === null).toBe(w.reached === 0)
          if (w.medianMs !== null) expect(w.medianMs).toBeLessThanOrEqual(w.p75Ms as number)
        }
      }
    }))
  })
})

describe('share', () => {
  it('divides, or says null when there is nobody', () => {
    expect(share(1, 4)).toBe(0.25)
    expect(share(0, 0)).toBeNull()
  })
})

describe('parsePeriod', () => {
  const now = Date.parse('2026-12-01T12:00:00Z')
  it.each([
    [{}, { from: now - 90 * 864e5, to: now }],
    [{ from: '2026-11-01', to: '2026-12-01' }, { from: Date.parse('2026-11-01T00:00:00Z'), to: Date.parse('2026-12-01T00:00:00Z') }],
    [{ from: '2026-11-01T10:00:00' }, { from: Date.parse('2026-11-01T10:00:00Z'), to: now }],
    [{ from: '2026-11-01T10:00:00+03:30' }, { from: Date.parse('2026-11-01T06:30:00Z'), to: now }],
    [{ from: '1793491200000', to: '1793577600000' }, { from: 1793491200000, to: 1793577600000 }],
    [{ to: '2026-11-30' }, { from: Date.parse('2026-11-30') - 90 * 864e5, to: Date.parse('2026-11-30') }],
  ])('%j → %j', (query, expected) => {
    expect(parsePeriod(query, now)).toEqual(expected)
  })

  it.each([
    [{ from: 'last week' }, '"from": epoch milliseconds or an ISO 8601 date'],
    [{ to: '2026-13-45' }, '"to": epoch milliseconds or an ISO 8601 date'],
    [{ from: '2026-12-01', to: '2026-11-01' }, '"from" must be before "to"'],
    [{ from: '-5' }, '"from": epoch milliseconds or an ISO 8601 date'],
  ])('%j is refused: %s', (query, problem) => {
    expect(parsePeriod(query, now)).toBe(problem)
  })
})

describe('declaredMilestones', () => {
  it('takes the config, flow triggers, checklist items, checklist milestones and checklist_completed', () => {
    const names = declaredMilestones(['invited_teammate'], [
      { id: 'invite', kind: 'announcement', style: 'banner', title: 'Invite', trigger: { milestone: 'created_first_project' } },
      {
        id: 'start', kind: 'checklist', title: 'Start', milestone: 'activated',
        items: [{ id: 'a', title: 'A', completeOn: { milestone: 'connected_integration' } }, { id: 'b', title: 'B', completeOn: { event: 'x' } }],
      },
      { id: 'tour', kind: 'tour', steps: [{ id: 's', title: 'S' }] },
    ])
    expect([...names].sort()).toEqual(['activated', 'checklist_completed', 'connected_integration', 'created_first_project', 'invited_teammate'])
    expect([...declaredMilestones(undefined, [])]).toEqual([])
  })
})
