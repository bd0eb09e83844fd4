import type { ActivePerson } from './retention-stats.ts'
import { ratio } from './retention-stats.ts'

/** "on": active in period k; "unbounded": active in period k or any later one ("on or after"). */
export type CohortMode = 'on' | 'unbounded'
export const COHORT_MODES: readonly CohortMode[] = ['on', 'unbounded']

/** One cell of a cohort row: k periods after the cohort's first, how many were active, their share. */
export type CohortCell = { k: number; active: number; share: number | null; complete: boolean }
export type CohortRow = { start: string; size: number; cells: CohortCell[] }
/** The size-weighted average of the complete cells at k: Σ active / Σ size, with Σ size. */
export type CohortAverage = { k: number; share: number | null; size: number }
export type CohortTable = { rows: CohortRow[]; average: CohortAverage[] }

/**
 * Cohorts by the period of their first qualifying event, one row per period in `periods` (oldest
 * first, consecutive), a cell for each period from the cohort's own to the last. A cell is
 * incomplete while its period has not ended; the average row leaves incomplete cells out and weighs
 * each cohort by its size. Pure.
 */
export function cohortTable(people: readonly ActivePerson[], periods: readonly string[], mode: CohortMode, complete: (start: string) => boolean): CohortTable {
  const index = new Map(periods.map((p, i) => [p, i]))
  const members = periods.map((): number[][] => [])
  for (const person of people) {
    const c = index.get(person.first)
    if (c === undefined) continue
    const ks = [...new Set(person.active)].flatMap((p) => {
      const i = index.get(p)
      return i === undefined || i < c ? [] : [i - c]
    })
    ;(members[c] as number[][]).push(ks)
  }
  const rows = periods.map((start, c) => {
    const cohort = members[c] as number[][]
    const cells: CohortCell[] = []
    for (let k = 0; c + k < periods.length; k++) {
      const active = cohort.filter((ks) => ks.some((x) => (mode === 'on' ? x === k : x >= k))).length
      cells.push({ k, active, share: ratio(active, cohort.length), complete: complete(periods[c + k] as string) })
    }
    return { start, size: cohort.length, cells }
  })
  const average: CohortAverage[] = []
  for (let k = 0; k < periods.length; k++) {
    let active = 0, size = 0, any = false
    for (const row of rows) {
      const cell = row.cells[k]
      if (!cell?.complete) continue
      any = true
      active += cell.active
      size += row.size
    }
    if (any) average.push({ k, share: ratio(active, size), size })
  }
  return { rows, average }
}
