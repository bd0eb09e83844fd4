import type { Context } from 'hono'
import { LIMITS } from '@cairn/protocol'
import { fail } from './errors.ts'

/**
 * The user id of a `/v1/users/:id/…` path, or the 400 that refuses it: 1–`LIMITS.id` characters,
 * no NUL, no lone surrogate.
 */
export function pathUserId(c: Context): string | Response {
  const userId = c.req.param('id') ?? ''
  if (userId.length === 0 || userId.length > LIMITS.id || /[\u0000\uD800-\uDFFF]/.test(userId)) {
    return fail(c, 400, 'invalid_user_id', `a user id is 1–${LIMITS.id} characters`)
  }
  return userId
}
