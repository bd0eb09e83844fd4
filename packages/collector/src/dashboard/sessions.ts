import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Project } from '../config/config.ts'
import { SESSION_TTL_MS, sessionToken, verifySessionToken } from './session-token.ts'

/** One cookie per signed-in project, so a browser can hold several and switch between them. */
const PREFIX = 'cairn_session_'

/** A project this browser is signed in to, and until when (epoch ms). */
export type Session = { project: Project; expires: number }

/** The dashboard's signed-in sessions: read from, written to and cleared in cookies. */
export type Sessions = {
  /** The valid sessions this request carries (forged, expired or unknown-project cookies are ignored). */
  of(c: Context): Session[]
  /**
   * The project a cookie-authenticated request is for: the one named by `X-Cairn-Project` if signed
   * in to it, else the only session; undefined otherwise.
   */
  projectFor(c: Context): Project | undefined
  /** Signs in: sets the project's cookie and answers its expiry. */
  start(c: Context, project: Project): number
  /** Signs out of one project (its cookie is cleared). */
  end(c: Context, projectId: string): void
}

/**
 * Sessions over `projects`, timed by `now`. The cookie is HttpOnly, SameSite=Strict, path `/` (the
 * results API reads it too) and Secure when the request came over https (`X-Forwarded-Proto` counts
 * only behind a trusted proxy).
 */
export function createSessions(projects: readonly Project[], now: () => number, trustProxy: boolean): Sessions {
  const byId = new Map(projects.map((p) => [p.id, p]))
  const secure = (c: Context) =>
    new URL(c.req.url).protocol === 'https:' || (trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https')
  const of = (c: Context): Session[] => {
    const sessions: Session[] = []
    for (const [name, value] of Object.entries(getCookie(c))) {
      const project = name.startsWith(PREFIX) ? byId.get(name.slice(PREFIX.length)) : undefined
      const expires = project ? verifySessionToken(project, value, now()) : null
      if (project && expires !== null) sessions.push({ project, expires })
    }
    return sessions
  }
  return {
    of,
    projectFor(c) {
      const sessions = of(c)
      const wanted = c.req.header('x-cairn-project')
      if (wanted !== undefined) return sessions.find((s) => s.project.id === wanted)?.project
      return sessions.length === 1 ? sessions[0]!.project : undefined
    },
    start(c, project) {
      const token = sessionToken(project, now())
      setCookie(c, PREFIX + project.id, token, {
        path: '/', httpOnly: true, sameSite: 'Strict', secure: secure(c), maxAge: Math.floor(SESSION_TTL_MS / 1000),
      })
      return Number(token.split('.')[0]) * 1000
    },
    end(c, projectId) {
      deleteCookie(c, PREFIX + projectId, { path: '/', httpOnly: true, sameSite: 'Strict', secure: secure(c) })
    },
  }
}
