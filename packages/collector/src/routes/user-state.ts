import type { Context } from 'hono'
import type { AppContext } from '../app-context.ts'
import { fail } from '../http/errors.ts'
import { pathUserId } from '../http/user-id.ts'
import { verifyIdentity } from '../ingest/identity-hash.ts'

/**
 * `GET /v1/users/:id/state?key=…[&hash=…]`: the user's `UserState`. When the project has an identity
 * secret, the write key must come with `hash` = hex HMAC-SHA256(identitySecret, userId), else 401
 * `identity_required`: without it the caller is anonymous and reads no user's state. The secret key
 * (server side) needs no hash.
 */
export function userStateRoute(ctx: AppContext) {
  return async (c: Context) => {
    const match = ctx.gate(c, c.req.query('key') ?? c.req.header('x-cairn-key'), 'read')
    if (match instanceof Response) return match
    const userId = pathUserId(c)
    if (userId instanceof Response) return userId
    const secret = match.project.identitySecret
    if (secret !== undefined && match.role === 'write' && !verifyIdentity(secret, userId, c.req.query('hash'))) {
      return fail(c, 401, 'identity_required', 'identity verification is on: pass hash = hex HMAC-SHA256(identity secret, user id)')
    }
    try {
      const state = await ctx.storage.userState(match.project.id, userId, { linkedOnly: secret !== undefined })
      return c.json(state, 200, { 'Cache-Control': 'no-store' })
    } catch (error) {
      ctx.log(`Cairn collector: storage read failed (${(error as Error).message}); answering 503`)
      return fail(c, 503, 'storage_unavailable', 'storage is unavailable; retry later', { 'Retry-After': ctx.retryAfter })
    }
  }
}
