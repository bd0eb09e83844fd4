import type { AppContext } from '../../app-context.ts'
import { holdoutResults } from '../../results/holdout.ts'
import { resultsRoute } from './results-route.ts'

/**
 * `GET /v1/results/holdout/:flowId?from&to&milestone` (secret key): each milestone's rate with the
 * flow and without it (its holdout group), with n and a 95% interval for the difference.
 */
export const holdoutResultsRoute = (ctx: AppContext) =>
  resultsRoute(ctx, { notFound: 'no flow with this id has a holdout', table: 'milestones' }, ({ c, project, flows, scope }) =>
    holdoutResults(ctx.storage, project, flows, c.req.param('flowId') ?? '', scope, c.req.query('milestone')))
