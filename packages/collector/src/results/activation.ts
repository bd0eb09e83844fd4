import type { Project } from '../config/config.ts'
import type { Storage } from '../storage/storage.ts'
import { activationPeople } from './activation-sql.ts'
import { activitySource } from './activity-source.ts'
import { activationBuckets, type ActivationBucket, type ActivationPerson } from './activation-stats.ts'
import { queryScoped } from './audience-sql.ts'
import type { Scope } from './audience.ts'

const DAY = 864e5

/** The answer of `GET /v1/results/activation` (a contract the dashboard draws). */
export type ActivationResults = {
  milestone: string
  /** Retention is read in this week after each person's first activity (week 0 is the first 7 days). */
  week: number
  /** Who is counted, in words. */
  label: string
  from: string
  to: string
  /** New users in the range whose week `week` has ended by now: the people bucketed. */
  newUsers: number
  buckets: ActivationBucket[]
}

/**
 * Week-`week` retention of the people of `range`'s audience first active in it, by how soon they reached `milestone`
 * (same day, 1–3 days, 4–7 days, later or never). People whose week `week` has not ended by `now`
 * are left out: they could not have been retained yet. A correlation, not a cause (docs/retention.md).
 */
export async function activationResults(
  storage: Storage, project: Pick<Project, 'id' | 'activeEvents'>, range: Scope, milestone: string, week: number, now: number,
): Promise<ActivationResults> {
  const rows = await queryScoped<ActivationPerson>(storage, range.audience, activationPeople(activitySource(project.activeEvents !== undefined)), [project.id, project.activeEvents ?? null, range.from, range.to, milestone, week])
  const counted = rows.filter((p) => p.first + (week + 1) * 7 * DAY <= now)
  return {
    milestone, week,
    label: `people first active from ${new Date(range.from).toISOString().slice(0, 10)} whose week ${week} has ended, by how soon they reached ${milestone}`,
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    newUsers: counted.length,
    buckets: activationBuckets(counted),
  }
}
