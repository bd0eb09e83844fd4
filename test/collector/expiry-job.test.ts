import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openStorage, parseConfig, startCollector, type Storage } from '@cairn/collector'
import { startEventExpiry } from '../../packages/collector/src/expiry/expiry-job.ts'
import { fakeStorage } from './helpers/fake-storage.ts'
import { track } from './helpers/events.ts'

const DAY = 864e5
const NOW = Date.parse('2026-12-01T12:00:00Z')
const projects = parseConfig({
  projects: [
    { id: 'short', writeKey: 'pk_s', secretKey: 'sk_s', keepEventsDays: 7 },
    { id: 'long', writeKey: 'pk_l', secretKey: 'sk_l', keepEventsDays: 90 },
    { id: 'forever', writeKey: 'pk_f', secretKey: 'sk_f' },
  ],
}, 'test.json', '.').projects
/** `n` tracks of `project`, `daysAgo` days before NOW. */
const old = (n: number, daysAgo: number) => Array.from({ length: n }, (_, i) => {
  const e = track('page_view', { ts: NOW - daysAgo * DAY + i })
  return { event: e, ts: e.ts }
})

describe('the expiry job', () => {
  afterEach(() => vi.useRealTimers())

  it("deletes each project's events past its own window, and none of a project without one", async () => {
    const { storage, stored } = fakeStorage()
    for (const p of ['short', 'long', 'forever']) await storage.ingest(p, [...old(3, 10), ...old(2, 100), ...old(1, 1)], NOW)
    const job = startEventExpiry(storage, projects, { now: () => NOW, batch: 2, pauseMs: 0, log: () => {} })
    expect(await job.runNow()).toEqual(new Map([['short', 5], ['long', 2]]))
    await job.stop()
    const left = (p: string) => stored.filter((e) => e.projectId === p).length
    expect([left('short'), left('long'), left('forever')]).toEqual([1, 4, 6])
  })

  it('runs again every `everyMs`, and a failed pass is logged and tried again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { storage, stored, state } = fakeStorage()
    const logs: string[] = []
    let now = NOW
    state.down = true
    const job = startEventExpiry(storage, projects.slice(0, 1), { now: () => now, everyMs: 60_000, pauseMs: 0, log: (l) => logs.push(l) })
    await vi.advanceTimersByTimeAsync(0)
    expect(logs).toEqual(['cairn expiry: deleting old events failed (connect ECONNREFUSED 127.0.0.1:5432); trying again in 60 s'])
    state.down = false
    await storage.ingest('short', old(1, 6), NOW)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(stored).toHaveLength(1)
    // A day later the event is past the window (and the grace hour): the next pass deletes it.
    now += DAY + 3_600_001
    await vi.advanceTimersByTimeAsync(60_000)
    expect(stored).toHaveLength(0)
    await job.stop()
    await vi.advanceTimersByTimeAsync(600_000)
    expect(logs).toHaveLength(1)
  })

  it('stops between two DELETEs: stop() waits for the one running, and no other starts', async () => {
    const { storage, stored } = fakeStorage()
    await storage.ingest('short', old(10, 30), NOW)
    let deletes = 0
    const slow: Storage = {
      ...storage,
      async expireEvents(...args) {
        deletes++
        await new Promise((resolve) => setTimeout(resolve, 20))
        return storage.expireEvents(...args)
      },
    }
    const job = startEventExpiry(slow, projects.slice(0, 1), { now: () => NOW, batch: 2, pauseMs: 0, log: () => {} })
    await new Promise((resolve) => setTimeout(resolve, 30))
    await job.stop()
    const [made, left] = [deletes, stored.length]
    expect(made).toBeGreaterThan(0)
    expect(left).toBe(10 - 2 * made)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect([deletes, stored.length]).toEqual([made, left])
  })

  it('lets ingest in between its DELETEs on PGlite (one connection): a batch posted mid-pass is stored before the pass ends', async () => {
    const storage = await openStorage({ dataDir: 'memory://' })
    try {
      for (let i = 0; i < 10; i++) await storage.ingest('short', old(500, 30), NOW)
      const job = startEventExpiry(storage, projects.slice(0, 1), { now: () => NOW, batch: 200, pauseMs: 5, log: () => {} })
      let passDone = false
      const pass = job.runNow().then((deleted) => {
        passDone = true
        return deleted
      })
      await new Promise((resolve) => setTimeout(resolve, 20))
      const started = performance.now()
      expect(await storage.ingest('short', old(50, 0), NOW)).toEqual({ accepted: 50, duplicates: 0 })
      const waited = performance.now() - started
      expect(passDone).toBe(false)
      expect(await pass).toEqual(new Map([['short', 5000]]))
      await job.stop()
      expect(waited).toBeLessThan(1000)
    } finally {
      await storage.close()
    }
  }, 60_000)
})

describe('startCollector with keepEventsDays', () => {
  it('expires at start what is past the window, and closes with the job', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cairn-expiry-'))
    try {
      const config = join(dir, 'cairn.config.json')
      await writeFile(config, JSON.stringify({ projects: [{ id: 'short', writeKey: 'pk_s', secretKey: 'sk_s', keepEventsDays: 7 }] }))
      const now = Date.now()
      const seeding = await openStorage({ dataDir: join(dir, 'data') })
      const events = [track('page_view', { ts: now - 8 * DAY }), track('page_view', { ts: now - DAY })]
      await seeding.ingest('short', events.map((e) => ({ event: e, ts: e.ts })), now)
      await seeding.close()
      const collector = await startCollector({ port: 0, dataDir: join(dir, 'data'), config, log: () => {} })
      await collector.close()
      const reading = await openStorage({ dataDir: join(dir, 'data') })
      const ids = await reading.query<{ id: string }>('SELECT event_id::text AS id FROM events')
      await reading.close()
      expect(ids.map((r) => r.id)).toEqual([events[1]?.id])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
