import type { Context } from 'hono'
import type { AppContext } from '../app-context.ts'
import { jsonWithEtag } from '../http/etag.ts'
import { fail } from '../http/errors.ts'
import { previewAllowed } from '../http/keys.ts'

/**
 * `GET /v1/flows/:id?key=…` (or `X-Cairn-Key`): one flow of the project, as `{ flow }`, for a
 * preview (`?cairn_preview=<id>`), whatever its trigger, audience or publish window. Allowed with the
 * secret key, or with the write key from one of the project's `previewOrigins`: the write key is
 * public, and a preview shows what the project has not published to anyone yet. With an ETag: a
 * preview asks again every half second and hears `304` until the file changes.
 */
export function flowRoute(ctx: AppContext) {
  return async (c: Context) => {
    const match = ctx.gate(c, c.req.query('key') ?? c.req.header('x-cairn-key'), 'preview')
    if (match instanceof Response) return match
    const { project } = match
    if (match.role === 'write' && !previewAllowed(project, c.req.header('origin'))) {
      return fail(c, 403, 'preview_not_allowed',
        "previewing a flow needs the secret key, or the write key from one of the project's previewOrigins (this origin is not one)")
    }
    const id = c.req.param('id')
    const flow = (await ctx.flows.flowsFor(project.id)).flows.find((f) => f.id === id)
    if (!flow) return fail(c, 404, 'unknown_flow', `the project has no valid flow with the id "${id}" (see GET /v1/flows with the secret key for the files it refused)`)
    // The project's language, as GET /v1/flows gives it.
    return jsonWithEtag(c, JSON.stringify({ flow: flow.locale || !project.locale ? flow : { ...flow, locale: project.locale } }))
  }
}
