import type { Context } from 'hono'
import type { AppContext } from '../../app-context.ts'
import { fail } from '../../http/errors.ts'
import { holdoutResults } from '../../results/holdout.ts'
import { parsePeriod } from '../../results/milestones-period.ts'
import { resultsKey } from './results-key.ts'

/**
 * `GET /v1/results/holdout/:flowId?from&to&milestone` (secret key): each milestone's rate with the
 * flow and without it (its holdout group), with n and a 95% interval for the difference.
 */
export function holdoutResultsRoute(ctx: AppContext) {
  return async (c: Context) => {
    const match = ctx.gate(c, resultsKey(c), 'results')
    if (match instanceof Response) return match
    const period = parsePeriod({ from: c.req.query('from'), to: c.req.query('to') }, ctx.now())
    if (typeof period === 'string') return fail(c, 400, 'invalid_period', period)
    try {
      const { flows } = await ctx.flows.flowsFor(match.project.id)
      const results = await holdoutResults(ctx.storage, match.project, flows, c.req.param('flowId') ?? '', period, c.req.query('milestone'))
      if (!results) return fail(c, 404, 'not_found', 'no flow with this id has a holdout')
      return c.json(results, 200, { 'Cache-Control': 'no-store' })
    } catch (error) {
      ctx.log(`Cairn collector: results read failed (${(error as Error).message}); answering 503`)
      return fail(c, 503, 'storage_unavailable', 'storage is unavailable; retry later', { 'Retry-After': ctx.retryAfter })
    }
  }
}
