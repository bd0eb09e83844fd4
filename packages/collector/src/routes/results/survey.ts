import type { Context } from 'hono'
import type { AppContext } from '../../app-context.ts'
import { fail } from '../../http/errors.ts'
import { isFiltered, type Scope } from '../../results/audience.ts'
import { questionsOf, surveyResults } from '../../results/survey.ts'
import { decodeCursor, MAX_TEXT_PAGE, TEXT_PAGE, textPage } from '../../results/survey-texts.ts'
import { resultsAccess } from './results-access.ts'
import { csvAnswer, resultsFormat } from './results-format.ts'
import { resultsScope } from './results-scope.ts'

/** What every survey results request checks first: the secret key, the period and audience, the page size. */
export async function surveyRequest(ctx: AppContext, c: Context): Promise<Response | { projectId: string; scope: Scope; limit: number }> {
  const match = resultsAccess(ctx, c)
  if (match instanceof Response) return match
  const scope = resultsScope(c, ctx.now())
  if (scope instanceof Response) return scope
  const limit = Number(c.req.query('limit') ?? TEXT_PAGE)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TEXT_PAGE) return fail(c, 400, 'invalid_query', `"limit": a whole number from 1 to ${MAX_TEXT_PAGE}`)
  return { projectId: match.project.id, scope, limit }
}

/** Answers 503 for a storage failure, after logging it. */
export function storageFailed(ctx: AppContext, c: Context, error: unknown): Response {
  ctx.log(`Cairn collector: results read failed (${(error as Error).message}); answering 503`)
  return fail(c, 503, 'storage_unavailable', 'storage is unavailable; retry later', { 'Retry-After': ctx.retryAfter })
}

const NO_SURVEY = 'no survey with this id is published or has answers'

/**
 * `GET /v1/results/surveys/:id?from&to&limit` (secret key): reach, responses and completion rate, NPS
 * (with its margin of error and weekly trend), PMF, and per question its statistics and the first
 * `limit` (20) free-text answers; `?format=csv` gives a table of it (`questions` by default). See docs/surveys.md.
 */
export function surveyResultsRoute(ctx: AppContext) {
  return async (c: Context) => {
    const request = await surveyRequest(ctx, c)
    if (request instanceof Response) return request
    const format = resultsFormat(c)
    if (format instanceof Response) return format
    try {
      const { flows } = await ctx.flows.flowsFor(request.projectId)
      const results = await surveyResults(ctx.storage, request.projectId, flows, c.req.param('id') ?? '', request.scope, request.limit)
      if (!results) return fail(c, 404, 'not_found', NO_SURVEY)
      if (format === 'csv') return csvAnswer(c, results, 'questions')
      const { audience } = request.scope
      return c.json(isFiltered(audience) ? { ...results, audience } : results, 200, { 'Cache-Control': 'no-store' })
    } catch (error) {
      return storageFailed(ctx, c, error)
    }
  }
}

/**
 * `GET /v1/results/surveys/:id/answers/:questionId?from&to&cursor&limit` (secret key): a page of the
 * free text of one question — a text question's answers, a choice question's "Other" texts — newest
 * first; `next` is the `cursor` of the following page, `null` on the last.
 */
export function surveyAnswersRoute(ctx: AppContext) {
  return async (c: Context) => {
    const request = await surveyRequest(ctx, c)
    if (request instanceof Response) return request
    const cursorText = c.req.query('cursor')
    const cursor = cursorText === undefined ? undefined : decodeCursor(cursorText)
    if (cursorText !== undefined && !cursor) return fail(c, 400, 'invalid_query', '"cursor": use the "next" of the previous page')
    const id = c.req.param('id') ?? ''
    const questionId = c.req.param('questionId') ?? ''
    try {
      const { flows } = await ctx.flows.flowsFor(request.projectId)
      const questions = await questionsOf(ctx.storage, flows, id, [request.projectId, id])
      const q = questions?.find((x) => x.id === questionId)
      const free = q && (q.type === 'text' || q.type === 'unknown' || ('other' in q && q.other === true))
      if (!free) return fail(c, 404, 'not_found', `${NO_SURVEY}, with free text for this question`)
      const page = await textPage(ctx.storage, request.projectId, id, request.scope, { questionId, other: q.type !== 'text' && q.type !== 'unknown', cursor, limit: request.limit })
      return c.json({ surveyId: id, questionId, from: new Date(request.scope.from).toISOString(), to: new Date(request.scope.to).toISOString(), ...page }, 200, { 'Cache-Control': 'no-store' })
    } catch (error) {
      return storageFailed(ctx, c, error)
    }
  }
}
