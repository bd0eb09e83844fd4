import type { Context } from 'hono'
import type { Flow } from '@cairn/protocol'
import type { AppContext } from '../../app-context.ts'
import type { Project } from '../../config/config.ts'
import { fail } from '../../http/errors.ts'
import { parsePeriod, type Period } from '../../results/milestones-period.ts'
import { resultsAccess } from './results-access.ts'

/** What a results reader gets: the request, its project with the published flows, and the period. */
export type ResultsQuery = { c: Context; project: Project; flows: readonly Flow[]; period: Period }

/**
 * A `GET /v1/results/…` route: checks the secret key and the `from`/`to` period, reads, and answers
 * the result as JSON (`undefined` → 404 with `notFound`, a Response as it is, a storage failure → 503
 * with Retry-After).
 */
export function resultsRoute(ctx: AppContext, notFound: string, read: (query: ResultsQuery) => Promise<object | Response | undefined>) {
  return async (c: Context) => {
    const match = resultsAccess(ctx, c)
    if (match instanceof Response) return match
    const period = parsePeriod({ from: c.req.query('from'), to: c.req.query('to') }, ctx.now())
    if (typeof period === 'string') return fail(c, 400, 'invalid_period', period)
    try {
      const { flows } = await ctx.flows.flowsFor(match.project.id)
      const results = await read({ c, project: match.project, flows, period })
      if (!results) return fail(c, 404, 'not_found', notFound)
      if (results instanceof Response) return results
      return c.json(results, 200, { 'Cache-Control': 'no-store' })
    } catch (error) {
      ctx.log(`Cairn collector: results read failed (${(error as Error).message}); answering 503`)
      return fail(c, 503, 'storage_unavailable', 'storage is unavailable; retry later', { 'Retry-After': ctx.retryAfter })
    }
  }
}
