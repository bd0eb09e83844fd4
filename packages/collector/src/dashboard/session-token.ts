import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Project } from '../config/config.ts'

/** How long a dashboard sign-in lasts. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

/**
 * The signing key of a project's sessions, derived from its secret key: every collector with the same
 * config verifies a session without shared state, and rotating the secret key signs everyone out.
 */
const signingKey = (project: Project) => createHmac('sha256', project.secretKey).update('cairn dashboard session v1').digest()

const signature = (project: Project, expires: number) =>
  createHmac('sha256', signingKey(project)).update(`${project.id}.${expires}`).digest('base64url')

/**
 * A session token for a project: `<expires, epoch seconds>.<HMAC of project id and expiry>`. The
 * cookie's name carries the project id (see session-cookie.ts).
 * @example sessionToken(project, Date.now()) // '1795000000.kq3…'
 */
export function sessionToken(project: Project, now: number, ttlMs = SESSION_TTL_MS): string {
  const expires = Math.floor((now + ttlMs) / 1000)
  return `${expires}.${signature(project, expires)}`
}

/** The expiry (epoch ms) of a token that this project signed and that has not expired, else null. */
export function verifySessionToken(project: Project, token: string, now: number): number | null {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return null
  const expires = Number(match[1])
  const expected = Buffer.from(signature(project, expires))
  const given = Buffer.from(match[2]!)
  if (!timingSafeEqual(expected, given)) return null
  return expires * 1000 > now ? expires * 1000 : null
}
