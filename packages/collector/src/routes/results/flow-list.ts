import type { Flow } from '@cairn/protocol'
import type { AppContext } from '../../app-context.ts'
import { declaredMilestones } from '../../results/milestones-declared.ts'
import { resultsRoute } from './results-route.ts'

/** What the dashboard lists a flow by. */
export type FlowListEntry = { id: string; kind: Flow['kind']; name: string; holdout: number }

const nameOf = (flow: Flow) => flow.name ?? ('title' in flow && typeof flow.title === 'string' ? flow.title : flow.id)

/**
 * `GET /v1/results/flows` (secret key or dashboard session): the project's published flows as
 * `{ flows: [{ id, kind, name, holdout }], milestones }`, sorted by id — what the dashboard builds its
 * lists of surveys, tours, checklists and experiments from. `name` is the flow's `name`, else its
 * title, else its id; `holdout` is 0 without one; `milestones` are the declared ones (config and flows, sorted).
 */
export const flowListRoute = (ctx: AppContext) =>
  resultsRoute(ctx, { notFound: 'no flows', table: 'flows' }, async ({ project, flows }) => ({
    flows: flows
      .map((flow): FlowListEntry => ({ id: flow.id, kind: flow.kind, name: nameOf(flow), holdout: flow.holdout ?? 0 }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    milestones: [...declaredMilestones(project.milestones, flows)].sort(),
  }))
