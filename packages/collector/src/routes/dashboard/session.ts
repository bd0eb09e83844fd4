import type { Context } from 'hono'
import type { AppContext } from '../../app-context.ts'
import { projectOfSecret } from '../../dashboard/secret-match.ts'
import type { Session } from '../../dashboard/sessions.ts'
import { fail } from '../../http/errors.ts'
import { readBody } from '../../http/read-body.ts'
import { createRateLimiter } from '../../rate-limit.ts'

/** Sign-in attempts per client IP: 10 at once, then one every 6 seconds (600 guesses an hour at most). */
export const SIGN_IN_LIMIT = { perSecond: 1 / 6, burst: 10 }

const described = (sessions: Session[]) => ({
  projects: sessions
    .map(({ project, expires }) => ({ id: project.id, name: project.name ?? project.id, expires: new Date(expires).toISOString() }))
    .sort((a, b) => a.id.localeCompare(b.id)),
})

/**
 * A form post must come from this collector's own pages: browsers send `Origin` with every POST, so
 * one naming another site is a cross-site request (login CSRF), refused. No Origin: not a browser.
 */
function crossSite(c: Context): boolean {
  const origin = c.req.header('origin')
  return origin !== undefined && origin !== new URL(c.req.url).origin
}

async function formField(c: Context, name: string): Promise<string | undefined> {
  const body = await readBody(c.req.raw, 4096)
  if (!body.ok) return undefined
  return new URLSearchParams(new TextDecoder().decode(body.bytes)).get(name) ?? undefined
}

/**
 * `POST /dashboard/session` with the form field `key` (a project's secret key): compared in constant
 * time, limited per client IP; on success a signed session cookie for that project and
 * `{ project: { id, name }, expires }`. A wrong key sets no cookie.
 */
export function signInRoute(ctx: AppContext) {
  const limiter = createRateLimiter(SIGN_IN_LIMIT, ctx.now)
  return async (c: Context) => {
    if (crossSite(c)) return fail(c, 403, 'cross_site', 'sign in from the dashboard page of this collector')
    const decision = limiter.take(ctx.clientIp(c))
    if (!decision.ok) {
      return fail(c, 429, 'rate_limited', 'too many sign-in attempts from this address; wait and try again', {
        'Retry-After': String(decision.retryAfterSeconds),
      })
    }
    const key = (await formField(c, 'key'))?.trim()
    if (!key) return fail(c, 400, 'missing_key', 'post the project\'s secret key (sk_…) as the form field "key"')
    const project = projectOfSecret(ctx.projects, key)
    if (!project) return fail(c, 401, 'unknown_key', 'this is not the secret key of a project on this collector')
    const expires = ctx.sessions.start(c, project)
    return c.json({ project: { id: project.id, name: project.name ?? project.id }, expires: new Date(expires).toISOString() }, 200)
  }
}

/** `GET /dashboard/session`: the projects this browser is signed in to, `{ projects: [{ id, name, expires }] }`. */
export const sessionListRoute = (ctx: AppContext) => (c: Context) => c.json(described(ctx.sessions.of(c)), 200)

/** `POST /dashboard/session/sign-out` with the form field `project`: signs out of it; answers the projects left. */
export function signOutRoute(ctx: AppContext) {
  return async (c: Context) => {
    if (crossSite(c)) return fail(c, 403, 'cross_site', 'sign out from the dashboard page of this collector')
    const projectId = await formField(c, 'project')
    if (!projectId) return fail(c, 400, 'invalid_query', 'post the project id as the form field "project"')
    ctx.sessions.end(c, projectId)
    return c.json(described(ctx.sessions.of(c).filter((s) => s.project.id !== projectId)), 200)
  }
}
