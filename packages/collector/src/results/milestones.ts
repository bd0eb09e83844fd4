import type { Flow } from '@cairn/protocol'
import type { Storage } from '../storage/storage.ts'
import { queryScoped } from './audience-sql.ts'
import type { Scope } from './audience.ts'
import { declaredMilestones } from './milestones-declared.ts'
import { NEW_PEOPLE, REACHED_IN_PERIOD } from './milestones-sql.ts'
import { milestoneStats, type MilestoneStats, type NewPerson } from './milestones-stats.ts'

/** The answer of `GET /v1/results/milestones`. */
export type MilestoneResults = {
  /** The period, as ISO 8601 times (`to` excluded). */
  from: string
  to: string
  /** People first seen in the period: the denominator of each `share`. */
  newUsers: number
  milestones: MilestoneStats[]
}

/**
 * Activation milestones of one project over a period, for an audience: for each declared or reached milestone, how
 * many people reached it, the share of the period's new users who did, how long that took them from
 * first seen (median, p75), and the same per weekly cohort of new users.
 */
export async function milestoneResults(
  storage: Storage,
  project: { id: string; milestones?: string[] | undefined },
  flows: readonly Flow[],
  scope: Scope,
): Promise<MilestoneResults> {
  const params = [project.id, scope.from, scope.to]
  const [cohort, reached] = await Promise.all([
    queryScoped<NewPerson>(storage, scope.audience, NEW_PEOPLE, params),
    queryScoped<{ name: string; n: number }>(storage, scope.audience, REACHED_IN_PERIOD, params),
  ])
  const declared = declaredMilestones(project.milestones, flows)
  const reachedInPeriod = Object.fromEntries(reached.map((r) => [r.name, r.n]))
  const names = [...declared, ...Object.keys(reachedInPeriod), ...cohort.flatMap((p) => Object.keys(p.reached))]
  return {
    from: new Date(scope.from).toISOString(),
    to: new Date(scope.to).toISOString(),
    newUsers: cohort.length,
    milestones: milestoneStats({ names, declared, cohort, reachedInPeriod }),
  }
}
