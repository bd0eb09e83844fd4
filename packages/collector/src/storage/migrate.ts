import { readdir, readFile } from 'node:fs/promises'
import type { SqlDriver } from './sql.ts'

const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url)
/** Any constant: serializes collectors that start at the same time against one database. */
const MIGRATION_LOCK = 0x43a1_2200

type Migration = { version: number; name: string; sql: string }

async function readMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((file) => /^\d{3}_[\w-]+\.sql$/.test(file)).sort()
  return Promise.all(files.map(async (file) => ({
    version: Number(file.slice(0, 3)),
    name: file.slice(4, -4),
    sql: await readFile(new URL(file, MIGRATIONS_DIR), 'utf8'),
  })))
}

/**
 * Applies the SQL files in `migrations/` that the database has not seen, in order, in one
 * transaction, and records them in `cairn_migrations`. Refuses a database migrated by a newer collector.
 * @returns the versions applied now.
 */
export async function migrate(db: SqlDriver): Promise<number[]> {
  const migrations = await readMigrations()
  const latest = migrations.at(-1)?.version ?? 0
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await tx.exec(`CREATE TABLE IF NOT EXISTS cairn_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
    const rows = await tx.query<{ version: number }>('SELECT version FROM cairn_migrations')
    const done = new Set(rows.map((row) => row.version))
    const newest = Math.max(0, ...done)
    if (newest > latest) {
      throw new Error(`the database schema is at version ${newest}, newer than this collector knows (${latest}); upgrade the collector`)
    }
    const applied: number[] = []
    for (const migration of migrations) {
      if (done.has(migration.version)) continue
      await tx.exec(migration.sql)
      await tx.query('INSERT INTO cairn_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name])
      applied.push(migration.version)
    }
    return applied
  })
}
