import { join } from 'node:path'
import { createStore } from './store.ts'
import { lockDataDir } from './data-dir-lock.ts'
import { migrate } from './migrate.ts'
import { openPglite } from './pglite-driver.ts'
import { pgliteUpkeep } from './pglite-upkeep.ts'
import { openPostgres } from './postgres-driver.ts'
import type { SqlDriver } from './sql.ts'
import type { Storage } from './storage.ts'

/** Where to keep data: a PGlite data directory (`memory://` for a throwaway one), or a PostgreSQL URL. */
export type StorageOptions = { dataDir: string } | { databaseUrl: string; poolSize?: number }

/**
 * Opens storage and applies pending migrations.
 * PGlite keeps its files in `<dataDir>/pglite` and locks `<dataDir>` against a second collector.
 * @example const storage = await openStorage({ dataDir: './.cairn-data' })
 * @example const storage = await openStorage({ databaseUrl: process.env.DATABASE_URL })
 */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  if ('databaseUrl' in options) {
    const poolSize = options.poolSize ?? 10
    // Leave connections free for reads (user state, health) while every writer is busy.
    return ready(await openPostgres(options.databaseUrl, poolSize), async () => {}, Math.max(1, poolSize - 2))
  }
  if (options.dataDir === 'memory://') return ready(await openPglite('memory://'), async () => {})
  const unlock = await lockDataDir(options.dataDir)
  try {
    return ready(await openPglite(join(options.dataDir, 'pglite')), unlock)
  } catch (error) {
    await unlock()
    throw error
  }
}

async function ready(db: SqlDriver, release: () => Promise<void>, writers = 1): Promise<Storage> {
  try {
    await migrate(db)
  } catch (error) {
    await db.close().catch(() => {})
    await release()
    throw error
  }
  const store = createStore(db, { writers })
  const upkeep = db.kind === 'pglite' ? await pgliteUpkeep(db, (message) => console.error(`cairn storage: ${message}`)) : undefined
  let closing: Promise<void> | undefined
  return {
    ...store,
    async ingest(projectId, events, receivedAt) {
      const result = await store.ingest(projectId, events, receivedAt)
      upkeep?.wrote(result.accepted)
      return result
    },
    async expireEvents(projectId, before, limit) {
      const deleted = await store.expireEvents(projectId, before, limit)
      // Dead rows need the same VACUUM as new ones (autovacuum's rule counts both).
      upkeep?.wrote(deleted)
      return deleted
    },
    close: () => (closing ??= (upkeep?.settle() ?? Promise.resolve()).then(() => store.close()).finally(release)),
  }
}
