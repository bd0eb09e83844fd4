import { afterEach, describe, expect, it, vi } from 'vitest'
import { openStorage, type Storage } from '@cairn/collector'
import { pgliteUpkeep } from '../../packages/collector/src/storage/pglite-upkeep.ts'
import type { Sql } from '../../packages/collector/src/storage/sql.ts'
import { track } from './helpers/events.ts'

const T0 = Date.parse('2026-11-02T00:00:00Z')
const counted = async (storage: Storage) =>
  (await storage.query<{ rows: number; vacuumed: boolean }>(
    `SELECT c.reltuples::float8 AS rows, s.last_vacuum IS NOT NULL AS vacuumed FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.oid = 'events'::regclass`))[0]

/** A database that answers the upkeep's reads and records its statements, with the time each was sent. */
function recording(now: () => number) {
  const sent: string[] = []
  const db: Sql = {
    async query<T>(text: string) {
      return (text.includes('reltuples') ? [{ rows: 0 }] : [{ name: 'events' }, { name: 'users' }]) as T[]
    },
    async exec(script: string) {
      sent.push(`${now()} ${script}`)
    },
  }
  return { db, sent }
}

describe('PGlite upkeep: VACUUM ANALYZE as PostgreSQL autovacuum would run it, at pauses in ingest', () => {
  let storage: Storage | undefined
  afterEach(() => storage?.close())
  afterEach(() => vi.useRealTimers())

  it('analyzes a new store at once, and again after 1,000 events plus a fifth of the table', async () => {
    storage = await openStorage({ dataDir: 'memory://' })
    await expect.poll(async () => (await counted(storage!))?.rows).toBe(0)
    const batch = (from: number, n: number) => Array.from({ length: n }, (_, i) => {
      const event = track('card_created', { anonymousId: `a${(from + i) % 50}`, ts: T0 + from + i })
      return { event, ts: event.ts }
    })
    await storage.ingest('p', batch(0, 999), T0)
    // The planner still counts none: 999 rows are under the threshold.
    expect((await counted(storage))?.rows).toBe(0)
    await storage.ingest('p', batch(999, 1), T0)
    await expect.poll(async () => (await counted(storage!))?.rows, { timeout: 10_000 }).toBe(1000)
    expect((await counted(storage))?.vacuumed).toBe(true)
    await storage.ingest('p', batch(1000, 1100), T0)
    // 1,000 + 0.2 · 1,000 = 1,200 new rows are needed; 1,100 are not enough.
    expect((await counted(storage))?.rows).toBe(1000)
    await storage.ingest('p', batch(2100, 100), T0)
    await expect.poll(async () => (await counted(storage!))?.rows, { timeout: 10_000 }).toBe(2200)
  })

  it('waits for a pause in writes (or at most maxDeferMs) and then goes one table per statement', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { db, sent } = recording(Date.now)
    const start = Date.now()
    const upkeep = await pgliteUpkeep(db, () => {}, { idleMs: 250, maxDeferMs: 5000 })
    upkeep.wrote(1000)
    // Writes every 100 ms: no pause of 250 ms, so the run waits the whole 5 s.
    for (let i = 0; i < 60; i++) {
      await vi.advanceTimersByTimeAsync(100)
      upkeep.wrote(10)
    }
    expect(sent).toEqual([`${start + 5000} VACUUM (ANALYZE) events`, `${start + 5000} VACUUM (ANALYZE) users`])
    sent.length = 0
    upkeep.wrote(1000)
    await vi.advanceTimersByTimeAsync(249)
    expect(sent).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(sent).toHaveLength(2)
  })

  it('runs a due run at close instead of dropping it', async () => {
    const { db, sent } = recording(() => 0)
    const upkeep = await pgliteUpkeep(db, () => {}, { idleMs: 60_000 })
    upkeep.wrote(1000)
    await upkeep.settle()
    expect(sent).toEqual(['0 VACUUM (ANALYZE) events', '0 VACUUM (ANALYZE) users'])
  })
})
