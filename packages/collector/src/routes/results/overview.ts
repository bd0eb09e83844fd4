import type { AppContext } from '../../app-context.ts'
import { fail } from '../../http/errors.ts'
import { overviewResults } from '../../results/overview.ts'
import { retentionOptions } from '../../results/retention-options.ts'
import { resultsRoute } from './results-route.ts'

/**
 * `GET /v1/results/overview?period&tz&from&to` (secret key): the dashboard's first page — active users,
 * CRR and churn of the last complete period, NPS, PMF, milestones and the flows that reached most
 * people. See README ("HTTP API").
 */
export const overviewResultsRoute = (ctx: AppContext) =>
  resultsRoute(ctx, { notFound: 'no overview', table: 'topFlows' }, async ({ c, project, flows, scope }) => {
    const options = retentionOptions({ period: c.req.query('period'), tz: c.req.query('tz') })
    if (typeof options === 'string') return fail(c, 400, 'invalid_query', options)
    return overviewResults(ctx.storage, project, flows, scope, options, ctx.now())
  })
