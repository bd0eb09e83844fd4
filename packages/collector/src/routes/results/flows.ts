import type { AppContext } from '../../app-context.ts'
import { flowFunnel } from '../../results/flow-funnel.ts'
import { resultsRoute } from './results-route.ts'

/**
 * `GET /v1/results/flows/:id?from&to` (secret key): the funnel a product team fixes a tour with —
 * people shown and started, per step reached, drop-off, dismissed and target missing, completed, and
 * the median time to complete.
 */
export const flowResultsRoute = (ctx: AppContext) =>
  resultsRoute(ctx, { notFound: 'no flow with this id is published or has data', table: 'steps' }, ({ c, project, flows, scope }) =>
    flowFunnel(ctx.storage, project.id, flows, c.req.param('id') ?? '', scope))
