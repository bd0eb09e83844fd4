/**
 * One person as retention sees them: the period of their first qualifying event ever, the periods
 * they were active in (any order, duplicates allowed) and, when the project names a revenue trait,
 * its last known value.
 */
export type ActivePerson = { first: string; active: readonly string[]; revenue?: number | null | undefined }

/** Revenue churn of one period: revenue of S at the start, of L lost, and lost / start. */
export type RevenueChurn = { start: number; lost: number; churn: number | null }

/** Customer retention of one period P (docs/retention.md). */
export type RetentionPeriod = {
  start: string
  /** Whether P has ended. */
  complete: boolean
  /** Active in P−1. */
  S: number
  /** Active in P. */
  E: number
  /** Active in P, not in P−1: `new` (first active in P) plus `resurrected` (active before P−1). */
  N: number
  new: number
  resurrected: number
  /** In S, not active in P. */
  L: number
  /** (E − N) / S = |S ∩ E| / S; `null` when S = 0. */
  crr: number | null
  /** L / S = 1 − CRR; `null` when S = 0. */
  churn: number | null
  revenue?: RevenueChurn
}

/** The lifecycle of one period: who is active and why, and who fell away (`dormant`, a negative count). */
export type LifecyclePeriod = { start: string; new: number; returning: number; resurrected: number; dormant: number }

/** `a / b`, or `null` when b is 0. */
export const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null)

/**
 * Retention per period. `periods` are consecutive period starts, oldest first; `before` is the
 * period just before the first (its activity is the first period's S). `complete(start)` says whether
 * a period has ended. Pure.
 * @example retentionPeriods([{ first: '2026-11-02', active: ['2026-11-02'] }], ['2026-11-09'], '2026-11-02', () => true)
 * // [{ start: '2026-11-09', S: 1, E: 0, N: 0, new: 0, resurrected: 0, L: 1, crr: 0, churn: 1, … }]
 */
export function retentionPeriods(
  people: readonly ActivePerson[],
  periods: readonly string[],
  before: string,
  complete: (start: string) => boolean,
  withRevenue = false,
): { periods: RetentionPeriod[]; lifecycle: LifecyclePeriod[] } {
  const sets = people.map((p) => new Set(p.active))
  const rows = periods.map((start, i) => {
    const previous = i === 0 ? before : (periods[i - 1] as string)
    let S = 0, E = 0, newcomers = 0, resurrected = 0, L = 0, startRevenue = 0, lost = 0
    people.forEach((person, j) => {
      const set = sets[j] as Set<string>
      const was = set.has(previous)
      const is = set.has(start)
      const revenue = typeof person.revenue === 'number' && Number.isFinite(person.revenue) ? person.revenue : 0
      if (was) {
        S++
        startRevenue += revenue
      }
      if (is) E++
      if (is && !was) {
        // First active in P (or, with clock skew between devices, "first" later than P): new.
        if (person.first >= start) newcomers++
        else resurrected++
      }
      if (was && !is) {
        L++
        lost += revenue
      }
    })
    const row: RetentionPeriod = {
      start, complete: complete(start), S, E, N: newcomers + resurrected, new: newcomers, resurrected, L,
      crr: ratio(S - L, S), churn: ratio(L, S),
    }
    if (withRevenue) row.revenue = { start: startRevenue, lost, churn: ratio(lost, startRevenue) }
    return row
  })
  return {
    periods: rows,
    lifecycle: rows.map((r) => ({ start: r.start, new: r.new, returning: r.S - r.L, resurrected: r.resurrected, dormant: 0 - r.L })),
  }
}
