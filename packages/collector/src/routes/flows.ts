import type { Context } from 'hono'
import type { AppContext } from '../app-context.ts'
import { jsonWithEtag } from '../http/etag.ts'

/**
 * `GET /v1/flows?key=…`: the project's published flows as `{ flows }`, and its declared `milestones`
 * when it has any, each flow that declares no `locale` with the project's (when it has one), with an
 * ETag (304 when it matches). With the secret key the answer also lists `errors` (the flow files
 * that were refused) and `findings` (everything `cairn check` finds in the folder).
 */
export function flowsRoute(ctx: AppContext) {
  return async (c: Context) => {
    const match = ctx.gate(c, c.req.query('key') ?? c.req.header('x-cairn-key'), 'read')
    if (match instanceof Response) return match
    const found = await ctx.flows.flowsFor(match.project.id)
    const { milestones, locale } = match.project
    // The project's language goes with each flow that declares none (README "Languages").
    const set = locale ? { ...found, flows: found.flows.map((f) => (f.locale ? f : { ...f, locale })) } : found
    return jsonWithEtag(c, JSON.stringify({ ...(match.role === 'secret' ? set : { flows: set.flows }), ...(milestones && { milestones }) }))
  }
}
