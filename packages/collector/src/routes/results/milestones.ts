import type { Context } from 'hono'
import type { AppContext } from '../../app-context.ts'
import { fail } from '../../http/errors.ts'
import { milestoneResults } from '../../results/milestones.ts'
import { parsePeriod } from '../../results/milestones-period.ts'
import { resultsKey } from './results-key.ts'

/**
 * `GET /v1/results/milestones?from&to` (secret key): per milestone, people who reached it, the share
 * of new users who did, time from first seen (median, p75) and weekly cohorts. See docs/milestones.md.
 */
export function milestonesResultsRoute(ctx: AppContext) {
  return async (c: Context) => {
    const match = ctx.gate(c, resultsKey(c), 'results')
    if (match instanceof Response) return match
    const period = parsePeriod({ from: c.req.query('from'), to: c.req.query('to') }, ctx.now())
    if (typeof period === 'string') return fail(c, 400, 'invalid_period', period)
    try {
      const { flows } = await ctx.flows.flowsFor(match.project.id)
      return c.json(await milestoneResults(ctx.storage, match.project, flows, period), 200, { 'Cache-Control': 'no-store' })
    } catch (error) {
      ctx.log(`Cairn collector: results read failed (${(error as Error).message}); answering 503`)
      return fail(c, 503, 'storage_unavailable', 'storage is unavailable; retry later', { 'Retry-After': ctx.retryAfter })
    }
  }
}
