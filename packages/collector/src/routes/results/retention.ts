import type { AppContext } from '../../app-context.ts'
import { fail } from '../../http/errors.ts'
import { retentionResults } from '../../results/retention.ts'
import { retentionOptions } from '../../results/retention-options.ts'
import { resultsRoute } from './results-route.ts'

/**
 * `GET /v1/results/retention?from&to&period&tz&mode` (secret key): S, E, N (new, resurrected), L,
 * CRR and churn per week or month in a time zone, the lifecycle and the cohort table. See docs/retention.md.
 */
export const retentionResultsRoute = (ctx: AppContext) =>
  resultsRoute(ctx, { notFound: 'no retention', table: 'periods' }, async ({ c, project, scope }) => {
    const options = retentionOptions({ period: c.req.query('period'), tz: c.req.query('tz'), mode: c.req.query('mode') })
    if (typeof options === 'string') return fail(c, 400, 'invalid_query', options)
    return retentionResults(ctx.storage, project, scope, options, ctx.now())
  })
