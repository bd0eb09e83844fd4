import pg from 'pg'
import type { Sql, SqlDriver } from './sql.ts'

type Client = Pick<pg.PoolClient, 'query'>

function wrap(client: Client): Sql {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await client.query(text, [...params])).rows as T[]
    },
    async exec(script: string) {
      await client.query(script)
    },
  }
}

/**
 * The URL with `-c jit=off` added to its `options` (kept: a search_path, say). JIT compiles a results
 * query for ~300 ms because its row-by-row person lookup looks costly, and the query then runs in a
 * fraction of that (bench:results); ingest statements never reach it. A URL that is not one is left
 * as it is.
 */
function withoutJit(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl)
    url.searchParams.set('options', [url.searchParams.get('options'), '-c jit=off'].filter(Boolean).join(' '))
    return url.toString()
  } catch {
    return databaseUrl
  }
}

/**
 * A PostgreSQL server through a connection pool. Several collectors may share one database: every
 * write is a short transaction of upserts, so they need no coordination beyond row locks.
 */
export async function openPostgres(databaseUrl: string, poolSize = 10): Promise<SqlDriver> {
  const pool = new pg.Pool({ connectionString: withoutJit(databaseUrl), max: poolSize, connectionTimeoutMillis: 5000 })
  // An idle client that loses its server emits 'error' on the pool; without a listener that crashes
  // the process. The next query gets a fresh connection (or fails, and the request answers 503).
  pool.on('error', () => {})
  await pool.query('SELECT 1')
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn(wrap(client))
        await client.query('COMMIT')
        client.release()
        return result
      } catch (error) {
        // A broken connection can't roll back; destroy it instead of returning it to the pool.
        const rolledBack = await client.query('ROLLBACK').then(() => true, () => false)
        client.release(!rolledBack)
        throw error
      }
    },
    close: () => pool.end(),
  }
}
