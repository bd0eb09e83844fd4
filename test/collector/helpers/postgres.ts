import pg from 'pg'
import { describe, it } from 'vitest'

/** The PostgreSQL the suites use (trust auth; a database named `test`). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/** Whether the test PostgreSQL answers; checked once per test file. */
export const postgresReachable = await reachable()

const HOW = `PostgreSQL is not reachable at ${TEST_DATABASE_URL}: the PostgreSQL half of this suite is SKIPPED. ` +
  'To run it, start a server on 127.0.0.1:5432 with trust auth and a database "test" ' +
  '(Debian: apt-get install postgresql && pg_ctlcluster 15 main start && createdb -U postgres test), ' +
  'or set TEST_DATABASE_URL=postgres://…'

/**
 * `describe` for tests that need PostgreSQL: skipped with a loud message when it is unreachable,
 * failing instead under CI=true so CI never skips it silently.
 */
export function describePostgres(name: string, body: () => void) {
  if (!postgresReachable && process.env.CI) {
    return describe(name, () => it('needs PostgreSQL (CI=true)', () => {
      throw new Error(HOW.replace('SKIPPED', 'required under CI=true'))
    }))
  }
  if (!postgresReachable) console.warn(`\n!!! ${HOW}\n`)
  return describe.skipIf(!postgresReachable)(name, body)
}

/**
 * A fresh schema `cairn_test_<random>` for one test file, so parallel runs don't collide. Its URL
 * puts the schema first on the search_path; `drop()` removes it and everything in it.
 */
export async function freshSchema(prefix = 'cairn_test'): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  const url = new URL(TEST_DATABASE_URL)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await client.connect()
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await client.end()
    },
  }
}
