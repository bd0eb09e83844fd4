import type { Storage } from '../storage/storage.ts'
import { ERASE_USER, exportRows, USER_TABLES, type UserTable } from './erase-sql.ts'

/**
 * Deletes every event, projection, answer and milestone of `userId` and of the anonymous ids linked
 * to them, in one transaction; answers how many rows each table lost (all 0 the second time).
 */
export async function eraseUser(storage: Storage, projectId: string, userId: string): Promise<Record<UserTable, number>> {
  const [counts] = await storage.query<Record<UserTable, number>>(ERASE_USER, [projectId, userId])
  return counts as Record<UserTable, number>
}

/** Everything stored about `userId` (and their anonymous ids), table by table: a data-subject export. */
export async function exportUser(storage: Storage, projectId: string, userId: string): Promise<Record<UserTable, unknown[]>> {
  const tables = await Promise.all(USER_TABLES.map(async (t) => [t, (await storage.query<{ row: unknown }>(exportRows(t), [projectId, userId])).map((r) => r.row)] as const))
  return Object.fromEntries(tables) as Record<UserTable, unknown[]>
}
