import type { Context } from 'hono'
import type { AppContext } from '../../app-context.ts'
import type { KeyMatch } from '../../http/keys.ts'
import { resultsKey } from './results-key.ts'

/**
 * Who may read results: a caller with the secret key (Bearer, `?key=`, `X-Cairn-Key`), or a browser
 * signed in to the dashboard (its session cookie; `X-Cairn-Project` picks the project when it holds
 * several). A key, when given, wins; the same origin and rate checks apply to both.
 */
export function resultsAccess(ctx: AppContext, c: Context): KeyMatch | Response {
  const key = resultsKey(c)
  if (key === undefined) {
    const project = ctx.sessions.projectFor(c)
    if (project) return ctx.gate(c, project.secretKey, 'results')
  }
  return ctx.gate(c, key, 'results')
}
