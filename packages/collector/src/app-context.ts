import type { Context } from 'hono'
import type { Config, Project } from './config/config.ts'
import type { DashboardFiles } from './dashboard/dashboard-files.ts'
import { createSessions, type Sessions } from './dashboard/sessions.ts'
import type { FlowSource } from './flows/flow-source.ts'
import type { Storage } from './storage/storage.ts'
import { fail } from './http/errors.ts'
import { keyRing, originAllowed, previewAllowed, type KeyMatch } from './http/keys.ts'
import { createRateLimiter } from './rate-limit.ts'

/** What {@link createApp} needs; every side effect comes in through here. */
export type AppDeps = {
  config: Config
  storage: Storage
  flows: FlowSource
  /** Clock for server times and rate limiting. @default Date.now */
  now?: () => number
  /** The client's IP, for rate limiting. The Node server reads the socket; tests pass their own. @default () => 'unknown' */
  clientIp?: (c: Context) => string
  /** Where operational messages go (storage errors). @default console.error */
  log?: (line: string) => void
  /** Retry-After, in seconds, sent with 503. @default 5 */
  retryAfterSeconds?: number
  /** The built dashboard served at `/dashboard/`; without it that answers 503 "not built". */
  dashboard?: DashboardFiles
}

/** Shared by the routes: deps with defaults, and the key/origin/rate gate every /v1 route passes. */
export type AppContext = {
  storage: Storage
  flows: FlowSource
  now: () => number
  log: (line: string) => void
  retryAfter: string
  projects: readonly Project[]
  clientIp: (c: Context) => string
  /** The dashboard's signed-in sessions (cookies). */
  sessions: Sessions
  /**
   * Checks key, role, origin and rate; a Response is the error to answer. `ingest` refuses the secret
   * key, `results` requires it, `read` takes either; `preview` takes either from the project's
   * origins and its `previewOrigins` (which key may preview is the route's to check).
   */
  gate(c: Context, key: string | undefined, use: 'ingest' | 'read' | 'results' | 'preview'): KeyMatch | Response
}

export function appContext(deps: AppDeps): AppContext {
  const now = deps.now ?? Date.now
  const keys = keyRing(deps.config.projects)
  const limiter = deps.config.rateLimit === false ? null : createRateLimiter(deps.config.rateLimit, now)
  const clientIp = deps.clientIp ?? (() => 'unknown')
  return {
    storage: deps.storage,
    flows: deps.flows,
    now,
    log: deps.log ?? ((line) => console.error(line)),
    retryAfter: String(deps.retryAfterSeconds ?? 5),
    projects: deps.config.projects,
    clientIp,
    sessions: createSessions(deps.config.projects, now, deps.config.trustProxy),
    gate(c, key, use) {
      if (key === undefined || key === '') return fail(c, 401, 'missing_key', 'pass the project key as "key" (body or query) or the X-Cairn-Key header')
      const match = keys(key)
      if (!match) return fail(c, 401, 'unknown_key', 'no project has this key')
      if (use === 'ingest' && match.role === 'secret') {
        return fail(c, 401, 'secret_key_on_ingest', 'send events with the write key (pk_…); the secret key must never reach a browser')
      }
      if (use === 'results' && match.role !== 'secret') {
        return fail(c, 401, 'secret_key_required', 'results need the secret key (sk_…), as a Bearer token or ?key=')
      }
      const origin = c.req.header('origin')
      if (!originAllowed(match.project, origin) && !(use === 'preview' && previewAllowed(match.project, origin))) {
        return fail(c, 401, 'origin_not_allowed', "this origin is not in the project's allowed origins")
      }
      if (limiter) {
        const decision = limiter.take(`${match.project.id}|${clientIp(c)}`)
        if (!decision.ok) {
          return fail(c, 429, 'rate_limited', 'too many requests from this client; retry after the Retry-After delay', {
            'Retry-After': String(decision.retryAfterSeconds),
          })
        }
      }
      return match
    },
  }
}
