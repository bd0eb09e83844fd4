import type { Context } from 'hono'
import type { AppContext } from '../../app-context.ts'
import { fail } from '../../http/errors.ts'
import { questionsOf } from '../../results/survey.ts'
import { surveyCsv } from '../../results/survey-csv.ts'
import { storageFailed, surveyRequest } from './survey.ts'

/**
 * `GET /v1/results/surveys/:id.csv?from&to` (secret key): one row per submission that started in the
 * period, a column per question, spreadsheet formulas neutralized. Streamed, so any size exports.
 */
export function surveyCsvRoute(ctx: AppContext) {
  return async (c: Context) => {
    const request = await surveyRequest(ctx, c)
    if (request instanceof Response) return request
    const id = (c.req.param('file') ?? '').replace(/\.csv$/, '')
    try {
      const { flows } = await ctx.flows.flowsFor(request.projectId)
      const questions = await questionsOf(ctx.storage, flows, id, [request.projectId, id])
      if (!questions) return fail(c, 404, 'not_found', 'no survey with this id is published or has answers')
      return c.body(surveyCsv(ctx.storage, request.projectId, id, questions, request.scope, ctx.log), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        // Flow ids are letters, digits, `_ - .`: nothing to escape in the file name.
        'Content-Disposition': `attachment; filename="${id}.csv"`,
        'Cache-Control': 'no-store',
      })
    } catch (error) {
      return storageFailed(ctx, c, error)
    }
  }
}
