import type { AppContext } from '../../app-context.ts'
import { checklistResults } from '../../results/checklists.ts'
import { resultsRoute } from './results-route.ts'

/**
 * `GET /v1/results/checklists/:id?from&to` (secret key): people shown the checklist, per-item
 * completion, full completion rate, median time to complete and where people stall.
 */
export const checklistResultsRoute = (ctx: AppContext) =>
  resultsRoute(ctx, { notFound: 'no checklist with this id is published or has data', table: 'items' }, ({ c, project, flows, scope }) =>
    checklistResults(ctx.storage, project.id, flows, c.req.param('id') ?? '', scope))
