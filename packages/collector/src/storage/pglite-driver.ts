import { PGlite } from '@electric-sql/pglite'
import type { Sql, SqlDriver } from './sql.ts'

type Queryable = Pick<PGlite, 'query' | 'exec'>

function wrap(db: Queryable): Sql {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await db.query<T>(text, [...params])).rows
    },
    async exec(script: string) {
      await db.exec(script)
    },
  }
}

/**
 * Embedded PostgreSQL in this process. `dataDir` is a directory, or `memory://` for a throwaway
 * database. PGlite has one connection, so statements and transactions simply queue.
 */
export async function openPglite(dataDir: string): Promise<SqlDriver> {
  const db = new PGlite(dataDir)
  await db.waitReady
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async close() {
      if (db.closed) return
      // A checkpoint flushes the WAL into the data files, so the next start does no recovery work.
      await db.exec('CHECKPOINT')
      await db.close()
    },
  }
}
