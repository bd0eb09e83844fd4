import type { Context } from 'hono'
import type { AppContext } from '../app-context.ts'
import { fail } from '../http/errors.ts'
import { pathUserId } from '../http/user-id.ts'
import { eraseUser, exportUser } from '../users/erase.ts'
import { resultsKey } from './results/results-key.ts'

/**
 * The secret key's project and the user id of the path, or the answer that refuses them. The key
 * itself is required: a dashboard session cookie does not erase or export anyone.
 */
function target(ctx: AppContext, c: Context): Response | { projectId: string; userId: string } {
  const match = ctx.gate(c, resultsKey(c), 'results')
  if (match instanceof Response) return match
  const userId = pathUserId(c)
  return userId instanceof Response ? userId : { projectId: match.project.id, userId }
}

/** Runs `work`, answering 503 when storage fails. */
async function guarded(ctx: AppContext, c: Context, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work()
  } catch (error) {
    ctx.log(`Cairn collector: user data request failed (${(error as Error).message}); answering 503`)
    return fail(c, 503, 'storage_unavailable', 'storage is unavailable; nothing was changed, retry later', { 'Retry-After': ctx.retryAfter })
  }
}

/**
 * `DELETE /v1/users/:id` (secret key): erases the user and their anonymous ids in one transaction,
 * answering `{ userId, deleted: { table: rows } }`. Events the SDK still has queued, sent later, are
 * stored again: erase after the user's sessions have ended.
 */
export const eraseUserRoute = (ctx: AppContext) => async (c: Context) => {
  const t = target(ctx, c)
  if (t instanceof Response) return t
  return guarded(ctx, c, async () => c.json({ userId: t.userId, deleted: await eraseUser(ctx.storage, t.projectId, t.userId) }, 200, { 'Cache-Control': 'no-store' }))
}

/** `GET /v1/users/:id/export` (secret key): everything stored about the user, table by table, as JSON. */
export const exportUserRoute = (ctx: AppContext) => async (c: Context) => {
  const t = target(ctx, c)
  if (t instanceof Response) return t
  return guarded(ctx, c, async () => c.json({ userId: t.userId, exportedAt: new Date(ctx.now()).toISOString(), tables: await exportUser(ctx.storage, t.projectId, t.userId) }, 200, {
    'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="cairn-user-export.json"`,
  }))
}
