import type { Context } from 'hono'
import type { AppContext } from '../../app-context.ts'
import { fail } from '../../http/errors.ts'
import { flowFunnel } from '../../results/flow-funnel.ts'
import { parsePeriod } from '../../results/milestones-period.ts'
import { resultsKey } from './results-key.ts'

/**
 * `GET /v1/results/flows/:id?from&to` (secret key): the funnel a product team fixes a tour with —
 * people shown and started, per step reached, drop-off, dismissed and target missing, completed, and
 * the median time to complete.
 */
export function flowResultsRoute(ctx: AppContext) {
  return async (c: Context) => {
    const match = ctx.gate(c, resultsKey(c), 'results')
    if (match instanceof Response) return match
    const period = parsePeriod({ from: c.req.query('from'), to: c.req.query('to') }, ctx.now())
    if (typeof period === 'string') return fail(c, 400, 'invalid_period', period)
    try {
      const { flows } = await ctx.flows.flowsFor(match.project.id)
      const results = await flowFunnel(ctx.storage, match.project.id, flows, c.req.param('id') ?? '', period)
      if (!results) return fail(c, 404, 'not_found', 'no flow with this id is published or has data')
      return c.json(results, 200, { 'Cache-Control': 'no-store' })
    } catch (error) {
      ctx.log(`Cairn collector: results read failed (${(error as Error).message}); answering 503`)
      return fail(c, 503, 'storage_unavailable', 'storage is unavailable; retry later', { 'Retry-After': ctx.retryAfter })
    }
  }
}
