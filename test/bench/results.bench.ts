/**
 * `npm run bench:results`: how long every results endpoint takes on a realistic project — by default
 * 20,000 users and about 2,000,000 events over 180 days (test/bench/results-history.ts) — on PGlite
 * and on PostgreSQL (TEST_DATABASE_URL, a fresh schema), unfiltered and with the shared filters.
 * Goal (issue #13): every endpoint under 1 s on PostgreSQL and under 3 s on PGlite on this machine.
 * Events go in through `storage.ingest`, the path `/v1/batch` uses, so every projection and rollup
 * is what a real collector would hold. `--users N --events N --days N --runs N` scale it; `--store
 * pglite|postgres` runs one store, `--only text` the endpoints whose path contains it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createApp, createFlowSource, loadConfig, openStorage, type Storage } from '@cairn/collector'
import { freshSchema } from '../collector/helpers/postgres.ts'
import { benchHistory } from './results-history.ts'

const { values } = parseArgs({ options: { users: { type: 'string' }, events: { type: 'string' }, days: { type: 'string' }, runs: { type: 'string' }, only: { type: 'string' }, store: { type: 'string' } } })
const USERS = Number(values.users ?? 20_000)
const EVENTS = Number(values.events ?? 2_000_000)
const DAYS = Number(values.days ?? 180)
const RUNS = Number(values.runs ?? 5)
const CONFIG = resolve(import.meta.dirname, '../e2e/fixtures/dashboard/cairn.config.json')
const NOW = Date.parse('2026-12-01T12:00:00Z')
const FULL = 'from=2026-06-04&to=2026-12-02'

/** Every results endpoint the dashboard and API users read, with the parameters it is read with. */
const ENDPOINTS = [
  'overview?period=week&tz=UTC',
  'retention?period=week&tz=UTC',
  `retention?period=week&tz=Asia/Tehran&mode=unbounded&${FULL}`,
  `retention?period=month&tz=UTC&${FULL}`,
  'activation?milestone=activated&week=4',
  'surveys/nps',
  'surveys/pmf',
  'flows/welcome-tour',
  'flows/invite-banner',
  'checklists/getting-started',
  'holdout/invite-banner',
  'milestones',
  'flows',
]
const FILTERS = ['where=plan:pro', 'locale=fa&where=company.size>50']

type Timing = { endpoint: string; median: number; max: number }

async function fill(storage: Storage): Promise<{ events: number; seconds: number }> {
  const started = performance.now()
  let events = 0
  for (const batch of benchHistory(NOW, { users: USERS, events: EVENTS, days: DAYS })) {
    await storage.ingest('acme', batch.map((event) => ({ event, ts: event.ts })), NOW)
    events += batch.length
    if (events % 200_000 < batch.length) process.stdout.write(`  ${events.toLocaleString('en')} events…\n`)
  }
  return { events, seconds: (performance.now() - started) / 1000 }
}

async function time(storage: Storage, goal: number): Promise<Timing[]> {
  const config = await loadConfig(CONFIG)
  const app = createApp({ config, storage, flows: createFlowSource(config.projects, { log: () => {} }), now: () => NOW, log: console.error })
  const get = async (path: string) => {
    const res = await app.request(`/v1/results/${path}`, { headers: { authorization: 'Bearer sk_acme_dashboard' } })
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`)
    await res.arrayBuffer()
  }
  const out: Timing[] = []
  const paths = [...ENDPOINTS, ...FILTERS.flatMap((f) => ENDPOINTS.filter((e) => e !== 'flows').map((e) => `${e}${e.includes('?') ? '&' : '?'}${f}`)), 'surveys/nps.csv']
  for (const path of paths.filter((p) => !values.only || p.includes(values.only))) {
    await get(path)
    const ms: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now()
      await get(path)
      ms.push(performance.now() - t)
    }
    ms.sort((a, b) => a - b)
    const t: Timing = { endpoint: path, median: ms[Math.floor(ms.length / 2)] as number, max: ms.at(-1) as number }
    console.log(`  | ${t.endpoint} | ${t.median.toFixed(0)} | ${t.max.toFixed(0)} |${t.max > goal ? ' over the goal' : ''}`)
    out.push(t)
  }
  return out
}

async function bench(name: string, open: () => Promise<{ storage: Storage; cleanup(): Promise<void> }>, goal: number) {
  console.log(`\n${name}: filling ${USERS.toLocaleString('en')} users, ~${EVENTS.toLocaleString('en')} events over ${DAYS} days`)
  const { storage, cleanup } = await open()
  try {
    const filled = await fill(storage)
    console.log(`  ${filled.events.toLocaleString('en')} events ingested in ${filled.seconds.toFixed(0)} s (${Math.round(filled.events / filled.seconds).toLocaleString('en')} events/s)`)
    console.log(`\n  | endpoint | median ms | max ms |\n  |---|---:|---:|`)
    const timings = await time(storage, goal)
    const worst = timings.reduce((a, b) => (b.max > a.max ? b : a))
    console.log(`  slowest: ${worst.endpoint} at ${worst.max.toFixed(0)} ms (goal < ${goal} ms)`)
  } finally {
    await cleanup()
  }
}

if (values.store !== 'postgres') await bench('PGlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-bench-results-'))
  const storage = await openStorage({ dataDir: dir })
  return { storage, cleanup: async () => { await storage.close(); await rm(dir, { recursive: true, force: true }) } }
}, 3000)

if (values.store !== 'pglite') await bench('PostgreSQL', async () => {
  const schema = await freshSchema('bench_results')
  const storage = await openStorage({ databaseUrl: schema.url })
  return { storage, cleanup: async () => { await storage.close(); await schema.drop() } }
}, 1000)
