import type { Context } from 'hono'
import type { AppContext } from '../app-context.ts'
import { fail } from '../http/errors.ts'

/** `GET /health`: 200 `{ status: 'ok', storage }` when the database answers, else 503. */
export function healthRoute(ctx: AppContext) {
  return async (c: Context) => {
    try {
      await ctx.storage.ping()
      return c.json({ status: 'ok', storage: ctx.storage.kind }, 200, { 'Cache-Control': 'no-store' })
    } catch {
      return fail(c, 503, 'storage_unavailable', `${ctx.storage.kind} is not answering`, { 'Retry-After': ctx.retryAfter })
    }
  }
}
