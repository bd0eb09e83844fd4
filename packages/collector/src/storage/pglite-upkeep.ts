import type { Sql } from './sql.ts'

/** Rows written before the first run, and the share of the events the last run saw that starts the next. */
const THRESHOLD = 1000
const SCALE = 0.2

export type UpkeepOptions = {
  /** A run waits for this long a pause in writes. @default 250 */
  idleMs?: number
  /** …but no longer than this after it was due. @default 30 s */
  maxDeferMs?: number
  now?: () => number
}

export type Upkeep = {
  /** Counts rows just written (or deleted); once enough have been, a run starts at the next pause in writes. */
  wrote(rows: number): void
  /** Runs a due run now and waits for it (at close). */
  settle(): Promise<void>
}

/** The tables of the collector's schema: maintenance leaves the catalogs alone (only migrations change them). */
const TABLES = `SELECT format('%I', relname) AS name FROM pg_class
  WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace ORDER BY relname`

/**
 * What PostgreSQL's autovacuum does and PGlite has no process for: `VACUUM (ANALYZE)` once the events
 * written since the last run pass {@link THRESHOLD} plus {@link SCALE} of the table (PostgreSQL's
 * insert rule). Without statistics the planner guesses a few rows where there are millions and
 * picks nested loops (bench:results: activation 32 s on PGlite before, see docs/storage.md); without
 * the visibility map, an index-only scan reads the table anyway.
 *
 * Autovacuum runs beside the writers; here a run holds PGlite's one connection, and `ANALYZE events`
 * alone takes 50–250 ms (bench:collector saw p99 climb from ~1.5× to ~3.5× the median with it). So a
 * due run waits for a pause in writes of `idleMs` (or at most `maxDeferMs`), and goes one table per
 * statement, so ingest queued behind it gets in between two tables. A failed run is reported to
 * `log` and retried after the next threshold: results are slower without it, not wrong.
 */
export async function pgliteUpkeep(db: Sql, log: (message: string) => void, opts: UpkeepOptions = {}): Promise<Upkeep> {
  const idleMs = opts.idleMs ?? 250
  const maxDeferMs = opts.maxDeferMs ?? 30_000
  const now = opts.now ?? Date.now
  /** The planner's count of events, or -1 before the table was first analyzed. */
  const counted = async () => (await db.query<{ rows: number }>(
    `SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = 'events'::regclass`))[0]?.rows ?? -1
  let base = await counted()
  let since = 0
  let lastWrite = -Infinity
  let dueAt: number | undefined
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined

  const run = () => {
    clearTimeout(timer)
    dueAt = undefined
    since = 0
    running = (async () => {
      for (const { name } of await db.query<{ name: string }>(TABLES)) await db.exec(`VACUUM (ANALYZE) ${name}`)
      base = await counted()
    })()
      .catch((error: unknown) => log(`VACUUM ANALYZE failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => { running = undefined })
  }
  const waitForPause = () => {
    const t = now()
    if (dueAt === undefined) return
    if (t - lastWrite >= idleMs || t - dueAt >= maxDeferMs) run()
    // unref: a run still waiting never keeps a process alive that is otherwise done.
    else timer = setTimeout(waitForPause, Math.min(idleMs - (t - lastWrite), maxDeferMs - (t - dueAt))).unref()
  }
  // A data directory written by a collector from before this upkeep was never analyzed.
  if (base < 0) run()
  return {
    wrote(rows) {
      since += rows
      lastWrite = now()
      if (running || dueAt !== undefined || since < THRESHOLD + SCALE * Math.max(base, 0)) return
      dueAt = lastWrite
      timer = setTimeout(waitForPause, idleMs).unref()
    },
    async settle() {
      if (dueAt !== undefined) run()
      await running
    },
  }
}
