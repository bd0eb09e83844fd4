import type { Project } from '../config/config.ts'
import type { Storage } from '../storage/storage.ts'
import { activitySource } from './activity-source.ts'
import { cohortTable, type CohortMode, type CohortTable } from './cohorts.ts'
import { queryScoped } from './audience-sql.ts'
import type { Audience, Scope } from './audience.ts'
import { periodEndMs, periodsBetween, periodStartMs, shiftPeriod, type PeriodKind } from './periods.ts'
import type { RetentionOptions } from './retention-options.ts'
import { retentionPeople } from './retention-sql.ts'
import { retentionPeriods, type ActivePerson, type LifecyclePeriod, type RetentionPeriod } from './retention-stats.ts'

/** The answer of `GET /v1/results/retention` (a contract the dashboard draws). */
export type RetentionResults = {
  period: PeriodKind
  tz: string
  mode: CohortMode
  /** The project's own qualifying events, or `null` for the default (every tracked event and identify). */
  activeEvents: string[] | null
  /** The range asked for, as ISO 8601 times; every period overlapping it is reported whole. */
  from: string
  to: string
  periods: RetentionPeriod[]
  lifecycle: LifecyclePeriod[]
  cohorts: CohortTable
}

/** Who of `audience` was active in which of `periods` (and the one before), read from the activity rollup. */
export async function activePeople(
  storage: Storage, project: Pick<Project, 'id' | 'activeEvents' | 'revenueTrait'>, periods: readonly string[], options: Omit<RetentionOptions, 'mode'>, audience: Audience,
): Promise<ActivePerson[]> {
  const first = periods[0] as string
  const last = periods.at(-1) as string
  const from = periodStartMs(shiftPeriod(first, options.kind, -1), options.tz)
  const to = periodEndMs(last, options.kind, options.tz)
  return queryScoped<ActivePerson>(storage, audience, retentionPeople(activitySource(project.activeEvents !== undefined)), [
    project.id, project.activeEvents ?? null, options.tz, options.kind, from, to, project.revenueTrait ?? null,
  ])
}

/**
 * Retention of one project's audience over the periods overlapping `range`: S, E, N (new, resurrected), L, CRR
 * and churn per period (revenue churn when the project names a revenue trait), the lifecycle, and
 * the cohort table. A period is complete once it has ended by `now`. See docs/retention.md.
 */
export async function retentionResults(
  storage: Storage, project: Pick<Project, 'id' | 'activeEvents' | 'revenueTrait'>, range: Scope, options: RetentionOptions, now: number,
): Promise<RetentionResults> {
  const periods = periodsBetween(range.from, range.to, options.kind, options.tz)
  const people = await activePeople(storage, project, periods, options, range.audience)
  const complete = (start: string) => periodEndMs(start, options.kind, options.tz) <= now
  const before = shiftPeriod(periods[0] as string, options.kind, -1)
  const table = retentionPeriods(people, periods, before, complete, project.revenueTrait !== undefined)
  return {
    period: options.kind,
    tz: options.tz,
    mode: options.mode,
    activeEvents: project.activeEvents ?? null,
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    ...table,
    cohorts: cohortTable(people, periods, options.mode, complete),
  }
}
