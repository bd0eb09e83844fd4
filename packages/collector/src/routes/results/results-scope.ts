import type { Context } from 'hono'
import { fail } from '../../http/errors.ts'
import { parseAudience, type Scope } from '../../results/audience.ts'
import { parsePeriod } from '../../results/milestones-period.ts'

/**
 * The period (`from`, `to`) and the audience (repeated `where`, `locale`, `segment`) every results
 * request shares, or the 400 answer naming what is wrong with them.
 */
export function resultsScope(c: Context, now: number): Scope | Response {
  const period = parsePeriod({ from: c.req.query('from'), to: c.req.query('to') }, now)
  if (typeof period === 'string') return fail(c, 400, 'invalid_period', period)
  const audience = parseAudience({ where: c.req.queries('where') ?? [], locale: c.req.query('locale'), segment: c.req.query('segment') })
  if (typeof audience === 'string') return fail(c, 400, 'invalid_filter', audience)
  return { ...period, audience }
}
