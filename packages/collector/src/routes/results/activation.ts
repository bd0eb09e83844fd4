import type { AppContext } from '../../app-context.ts'
import { fail } from '../../http/errors.ts'
import { activationResults } from '../../results/activation.ts'
import { resultsRoute } from './results-route.ts'

/** The longest week after first activity that can be asked for. */
const MAX_WEEK = 52

/**
 * `GET /v1/results/activation?milestone&week&from&to` (secret key): week-`week` (4 by default)
 * retention of new users by how soon they reached `milestone`, each bucket with its Wilson 95%
 * interval. See docs/retention.md ("Activation").
 */
export const activationResultsRoute = (ctx: AppContext) =>
  resultsRoute(ctx, { notFound: 'no activation', table: 'buckets' }, async ({ c, project, scope }) => {
    const milestone = c.req.query('milestone')?.trim()
    if (!milestone) return fail(c, 400, 'invalid_query', '"milestone": the name of the milestone that marks activation, e.g. ?milestone=activated')
    if (milestone.length > 200) return fail(c, 400, 'invalid_query', '"milestone": at most 200 characters')
    const raw = c.req.query('week') ?? '4'
    const week = Number(raw)
    if (!/^\d+$/.test(raw) || week < 1 || week > MAX_WEEK) return fail(c, 400, 'invalid_query', `"week": a whole number from 1 to ${MAX_WEEK}, not ${JSON.stringify(raw.slice(0, 40))}`)
    return activationResults(ctx.storage, project, scope, milestone, week, ctx.now())
  })
