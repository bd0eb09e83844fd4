import type { Flow } from '@cairn/protocol'
import type { Storage } from '../storage/storage.ts'
import { queryScoped } from './audience-sql.ts'
import type { Scope } from './audience.ts'
import { holdoutComparison, type HoldoutComparison, type HoldoutPerson } from './holdout-stats.ts'
import { HOLDOUT_PEOPLE } from './holdout-sql.ts'
import { declaredMilestones } from './milestones-declared.ts'

/** The answer of `GET /v1/results/holdout/:flowId`. */
export type HoldoutResults = {
  flowId: string
  /** The flow's current `holdout` share (0 when it no longer has one). */
  holdout: number
  from: string
  to: string
  /** How the interval is computed. */
  method: 'newcombe-wilson'
  milestones: HoldoutComparison[]
}

/**
 * Milestone rates of the people a flow was shown to against those its holdout kept out, among people
 * of the audience assigned in the period, counting milestones reached after being assigned. `milestone` narrows the
 * answer to one name. `undefined` when the flow is neither published with a holdout nor found in the data.
 */
export async function holdoutResults(
  storage: Storage,
  project: { id: string; milestones?: string[] | undefined },
  flows: readonly Flow[],
  flowId: string,
  scope: Scope,
  milestone?: string,
): Promise<HoldoutResults | undefined> {
  const flow = flows.find((f) => f.id === flowId)
  const people = await queryScoped<HoldoutPerson>(storage, scope.audience, HOLDOUT_PEOPLE, [project.id, flowId, scope.from, scope.to])
  if (!flow?.holdout && !people.some((p) => p.heldOut)) return undefined
  const names = milestone !== undefined
    ? [milestone]
    : [...declaredMilestones(project.milestones, flows), ...people.flatMap((p) => Object.keys(p.reached))].sort()
  return {
    flowId,
    holdout: flow?.holdout ?? 0,
    from: new Date(scope.from).toISOString(),
    to: new Date(scope.to).toISOString(),
    method: 'newcombe-wilson',
    milestones: holdoutComparison(names, people),
  }
}
