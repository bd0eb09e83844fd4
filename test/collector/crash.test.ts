import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStorage, type Storage } from '@cairn/collector'
import { batch, track } from './helpers/events.ts'
import { spawnCollector, type SpawnedCollector } from './helpers/spawn.ts'
import { describePostgres, freshSchema } from './helpers/postgres.ts'
import { freePort } from './helpers/free-port.ts'

const KILLS = 4
const SENDERS = 3
const BATCH = 25


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Streams batches from several senders into a child collector that is SIGKILLed and restarted on
 * the same data several times. Senders behave like the SDK: a batch without a 200 is kept and sent
 * again (same event ids) until one arrives. Returns every event id that was acknowledged.
 */
async function crashRun(start: (port: number) => Promise<SpawnedCollector>) {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/v1/batch`
  let collector = await start(port)
  const acknowledged = new Set<string>()
  let sent = 0
  let failures = 0
  let stop = false

  const sender = async () => {
    while (!stop) {
      const events = Array.from({ length: BATCH }, () => track('crash', { anonymousId: `a${sent++ % 7}` }))
      for (;;) {
        const res = await fetch(url, { method: 'POST', body: JSON.stringify(batch(events)), headers: { 'content-type': 'text/plain' } })
          .catch(() => null)
        if (res?.status === 200) {
          const body = await res.json()
          expect(body.accepted + body.duplicates).toBe(BATCH)
          for (const e of events) acknowledged.add(e.id)
          break
        }
        // Killed mid-request, refused while restarting, or 503: the SDK retries the same batch.
        failures++
        await sleep(30)
      }
    }
  }
  const senders = Array.from({ length: SENDERS }, sender)

  for (let kill = 0; kill < KILLS; kill++) {
    await sleep(300 + Math.random() * 500)
    collector.child.kill('SIGKILL')
    expect(await collector.exited).toBe('SIGKILL')
    collector = await start(port)
  }
  await sleep(300)
  stop = true
  await Promise.all(senders)
  collector.child.kill('SIGTERM')
  expect(await collector.exited).toBe(0)
  // The kills really hit traffic: some attempts failed and were retried.
  expect(failures).toBeGreaterThan(0)
  return acknowledged
}

async function expectExactlyOnce(storage: Storage, acknowledged: Set<string>) {
  const rows = await storage.query<{ id: string }>("SELECT event_id::text AS id FROM events WHERE project_id = 'test'")
  const stored = new Set(rows.map((r) => r.id))
  expect(rows.length).toBe(stored.size)
  // Every batch was eventually acknowledged, so what is stored is exactly what was acknowledged.
  expect(stored).toEqual(acknowledged)
  // The projections saw each event once too.
  const [counts] = await storage.query<{ n: number }>("SELECT sum(count)::int AS n FROM event_counts WHERE project_id = 'test'")
  expect(counts?.n).toBe(acknowledged.size)
}

let dir: string
let config: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-crash-'))
  config = join(dir, 'cairn.config.json')
  await writeFile(config, JSON.stringify({ projects: [{ id: 'test', writeKey: 'pk_test', secretKey: 'sk_test' }], rateLimit: false }))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('crash test: SIGKILL while batches stream in (PGlite)', () => {
  it('stores every acknowledged event exactly once', async () => {
    const data = join(dir, 'data')
    const acknowledged = await crashRun((port) => spawnCollector(['--port', String(port), '--data-dir', data, '--config', config]))
    expect(acknowledged.size).toBeGreaterThan(0)
    const storage = await openStorage({ dataDir: data })
    try {
      await expectExactlyOnce(storage, acknowledged)
    } finally {
      await storage.close()
    }
  }, 120_000)
})

describePostgres('crash test: SIGKILL while batches stream in (PostgreSQL)', () => {
  it('stores every acknowledged event exactly once', async () => {
    const schema = await freshSchema()
    try {
      const acknowledged = await crashRun((port) => spawnCollector(['--port', String(port), '--config', config], { DATABASE_URL: schema.url }))
      expect(acknowledged.size).toBeGreaterThan(0)
      const storage = await openStorage({ databaseUrl: schema.url })
      try {
        await expectExactlyOnce(storage, acknowledged)
      } finally {
        await storage.close()
      }
    } finally {
      await schema.drop()
    }
  }, 120_000)
})
