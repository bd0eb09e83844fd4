import type { Context } from 'hono'
import type { Flow } from '@cairn/protocol'
import type { AppContext } from '../../app-context.ts'
import type { Project } from '../../config/config.ts'
import { fail } from '../../http/errors.ts'
import { isFiltered, type Scope } from '../../results/audience.ts'
import { resultsAccess } from './results-access.ts'
import { csvAnswer, resultsFormat } from './results-format.ts'
import { resultsScope } from './results-scope.ts'

/** What a results reader gets: the request, its project with the published flows, and the period and audience. */
export type ResultsQuery = { c: Context; project: Project; flows: readonly Flow[]; scope: Scope }

/** How a results route names what it has: the 404 text, and the table its `?format=csv` gives by default. */
export type ResultsRouteOptions = { notFound: string; table: string }

/**
 * A `GET /v1/results/…` route: checks the secret key, the `from`/`to` period and the audience
 * filters, reads, and answers the result as JSON, or with `?format=csv` one of its tables
 * (`&table=`, `table` by default) as CSV. `undefined` → 404 with `notFound`, a Response as it is,
 * a storage failure → 503 with Retry-After.
 */
export function resultsRoute(ctx: AppContext, options: ResultsRouteOptions, read: (query: ResultsQuery) => Promise<object | Response | undefined>) {
  return async (c: Context) => {
    const match = resultsAccess(ctx, c)
    if (match instanceof Response) return match
    const scope = resultsScope(c, ctx.now())
    if (scope instanceof Response) return scope
    const format = resultsFormat(c)
    if (format instanceof Response) return format
    try {
      const { flows } = await ctx.flows.flowsFor(match.project.id)
      const results = await read({ c, project: match.project, flows, scope })
      if (!results) return fail(c, 404, 'not_found', options.notFound)
      if (results instanceof Response) return results
      if (format === 'csv') return csvAnswer(c, results, options.table)
      return c.json(isFiltered(scope.audience) ? { ...results, audience: scope.audience } : results, 200, { 'Cache-Control': 'no-store' })
    } catch (error) {
      ctx.log(`Cairn collector: results read failed (${(error as Error).message}); answering 503`)
      return fail(c, 503, 'storage_unavailable', 'storage is unavailable; retry later', { 'Retry-After': ctx.retryAfter })
    }
  }
}
