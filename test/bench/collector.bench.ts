/**
 * `npm run bench:collector`: accepted events per second and latency (p50/p95/p99), 50-event batches
 * over loopback, for the collector on PGlite and on PostgreSQL, side by side in the same run with a
 * bare node:http server that reads the body and answers 204 (the ceiling of this machine and this
 * load generator); two mixes of events (MIXES).
 * Each server runs in its own child process; the load generator is this process.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { Agent, request } from 'node:http'
import { cpus, loadavg } from 'node:os'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const BATCH = 50
const CONCURRENCY = 16
const WARMUP_MS = 1000
const MEASURE_MS = 5000
const BIN = fileURLToPath(new URL('../../packages/collector/bin/cairn-collector.js', import.meta.url))
/** Another collector's bin (e.g. a checkout of an older commit) to run beside this one, for before/after figures in one run. */
const BASE_BIN = process.env.BENCH_BASELINE_BIN
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

const BARE_SERVER = `
const http = require('node:http')
const server = http.createServer((req, res) => {
  req.on('data', () => {})
  req.on('end', () => { res.writeHead(204); res.end() })
})
server.listen(0, '127.0.0.1', () => console.log('Cairn collector listening on http://127.0.0.1:' + server.address().port))`

type Server = { url: string; child: ChildProcess }
type Result = { name: string; mix: Mix; events: number; batches: number; seconds: number; p50: number; p95: number; p99: number; errors: number }

function startChild(args: string[], env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stderr.on('data', (c: Buffer) => (err += c.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start\n${err}`)), 60_000)
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      const match = /listening on (http:\/\/\S+)/.exec(out)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve({ url: match[1], child })
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code})\n${err}`))
    })
  })
}

async function stopChild(server: Server) {
  const exited = new Promise((resolve) => server.child.once('exit', resolve))
  server.child.kill('SIGTERM')
  await exited
}

type Mix = 'tracks' | 'product'
const MIXES: Record<Mix, string> = {
  tracks: 'tracks (9 in 10) and flow_step (1 in 10)',
  product: 'the product mix: tracks 70%, flow events 14% (shown, step with checklist item, completed, dismissed), survey answers 8%, identifies with traits 8%; half the events carry a user id',
}

/** Unique UUIDv7s and realistic events without paying for JSON.stringify of objects per request. */
let seq = 0
function body(mix: Mix): string {
  const now = Date.now()
  const t = now.toString(16).padStart(12, '0')
  const events: string[] = []
  for (let i = 0; i < BATCH; i++) {
    const n = seq++
    const id = `${t.slice(0, 8)}-${t.slice(8)}-7000-8000-${n.toString(16).padStart(12, '0')}`
    const actor = n % 997
    const who = mix === 'product' && actor % 2 === 0 ? `"anonymousId":"anon-${actor}","userId":"user-${actor}"` : `"anonymousId":"anon-${actor}"`
    const common = `"id":"${id}","ts":${now},${who}`
    const track = `{${common},"type":"track","name":"card_moved","url":"/boards/42","props":{"from":"todo","to":"doing","cards":${n % 30}}}`
    if (mix === 'tracks') {
      events.push(i % 10 === 9 ? `{${common},"type":"flow_step","flowId":"welcome-tour","stepIndex":${n % 4},"stepId":"s${n % 4}"}` : track)
      continue
    }
    const k = n % 50
    events.push(
      k < 35 ? track
      : k < 37 ? `{${common},"type":"flow_shown","flowId":"welcome-tour","flowVersion":3}`
      : k < 40 ? `{${common},"type":"flow_step","flowId":"getting-started","stepIndex":${n % 5},"stepId":"item-${n % 5}"}`
      : k < 41 ? `{${common},"type":"flow_completed","flowId":"welcome-tour"}`
      : k < 42 ? `{${common},"type":"flow_dismissed","flowId":"nps-quarterly","reason":"later"}`
      : k < 46 ? `{${common},"type":"survey_answer","flowId":"nps-quarterly","submissionId":"sub-${actor}-${n % 3}","questionId":"${k % 2 ? 'score' : 'why'}","answer":${k % 2 ? n % 11 : '"fast and simple"'}${k % 2 ? '' : ',"final":true'}}`
      : `{"id":"${id}","ts":${now},"anonymousId":"anon-${actor}","userId":"user-${actor}","type":"identify","traits":{"plan":"${n % 3 ? 'pro' : 'free'}","seats":${n % 40},"company":{"size":${n % 500}}}}`,
    )
  }
  return `{"v":1,"key":"pk_bench","sentAt":${now},"events":[${events.join(',')}]}`
}

function post(url: URL, agent: Agent, payload: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (text += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
    })
    req.on('error', reject)
    req.end(payload)
  })
}

async function load(name: string, base: string, mix: Mix): Promise<Result> {
  const url = new URL('/v1/batch', base)
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  const latencies: number[] = []
  let events = 0
  let batches = 0
  let errors = 0
  let measuring = false
  let done = false
  const worker = async () => {
    while (!done) {
      const payload = body(mix)
      const started = performance.now()
      const sentInWindow = measuring
      try {
        const res = await post(url, agent, payload)
        const accepted = res.status === 204 ? BATCH : res.status === 200 ? (JSON.parse(res.text) as { accepted: number }).accepted : 0
        if (res.status !== 200 && res.status !== 204) errors++
        if (measuring) {
          events += accepted
          batches++
          // Latency of requests sent inside the window only: the first ones after a start wait for
          // PGlite's WebAssembly to warm up and say nothing about the steady state.
          if (sentInWindow) latencies.push(performance.now() - started)
        }
      } catch {
        errors++
      }
    }
  }
  const workers = Array.from({ length: CONCURRENCY }, worker)
  await new Promise((resolve) => setTimeout(resolve, WARMUP_MS))
  measuring = true
  const start = performance.now()
  await new Promise((resolve) => setTimeout(resolve, MEASURE_MS))
  measuring = false
  const seconds = (performance.now() - start) / 1000
  done = true
  await Promise.all(workers)
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN
  return { name, mix, events, batches, seconds, p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), errors }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/** `BENCH_TARGETS=pglite,postgres` and `BENCH_MIXES=product` run a part; `BENCH_NODE_ARGS` goes to the collectors (e.g. `--cpu-prof`). */
const only = (name: string, all: string[]) => (process.env[name] ? process.env[name].split(',') : all)

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-bench-'))
  const config = join(dir, 'cairn.config.json')
  await writeFile(config, JSON.stringify({ projects: [{ id: 'bench', writeKey: 'pk_bench', secretKey: 'sk_bench' }], rateLimit: false }))
  const targets = only('BENCH_TARGETS', ['bare', 'pglite', 'postgres'])
  const mixes = only('BENCH_MIXES', Object.keys(MIXES)) as Mix[]
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []
  const results: Result[] = []
  const skipped: string[] = []
  const loadBefore = loadavg()
  const run = async (name: string, server: Server) => {
    for (const mix of mixes) results.push(await load(name, server.url, mix))
    await stopChild(server)
  }
  try {
    if (targets.includes('bare')) await run('bare node:http (204)', await startChild(['-e', BARE_SERVER]))
    if (targets.includes('pglite')) {
      await run('collector, PGlite', await startChild([...nodeArgs, BIN, '--port', '0', '--data-dir', join(dir, 'data'), '--config', config]))
      if (BASE_BIN) await run('baseline, PGlite', await startChild([BASE_BIN, '--port', '0', '--data-dir', join(dir, 'base'), '--config', config]))
    }
    if (targets.includes('postgres') && await postgresReachable()) {
      const schema = `cairn_bench_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`
      const admin = new pg.Client({ connectionString: DATABASE_URL })
      await admin.connect()
      await admin.query(`CREATE SCHEMA ${schema}`)
      try {
        const url = new URL(DATABASE_URL)
        url.searchParams.set('options', `-c search_path=${schema}`)
        await run('collector, PostgreSQL', await startChild([...nodeArgs, BIN, '--port', '0', '--config', config], { DATABASE_URL: url.toString() }))
        if (BASE_BIN) {
          await admin.query(`DROP SCHEMA ${schema} CASCADE; CREATE SCHEMA ${schema}`)
          await run('baseline, PostgreSQL', await startChild([BASE_BIN, '--port', '0', '--config', config], { DATABASE_URL: url.toString() }))
        }
      } finally {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`)
        await admin.end()
      }
    } else if (targets.includes('postgres')) {
      skipped.push(`collector, PostgreSQL: skipped, nothing answers at ${DATABASE_URL} (set TEST_DATABASE_URL)`)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }

  const bareRate = (mix: Mix) => {
    const bare = results.find((r) => r.mix === mix && r.name.startsWith('bare'))
    return bare ? bare.events / bare.seconds : NaN
  }
  const rows = results.map((r) => {
    const rate = r.events / r.seconds
    return [r.mix, r.name, Math.round(rate).toLocaleString('en'), Math.round(r.batches / r.seconds).toLocaleString('en'),
      r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), String(r.errors), `${((rate / bareRate(r.mix)) * 100).toFixed(1)}%`]
  })
  const head = ['mix', 'target', 'events/s', 'batches/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'vs bare']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)))
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  const load1 = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ')
  console.log(`\nCairn collector bench: ${BATCH}-event batches, ${CONCURRENCY} concurrent keep-alive clients over loopback, ` +
    `${MEASURE_MS / 1000} s each after ${WARMUP_MS / 1000} s warm-up; ${cpus().length} CPUs, Node ${process.version}; ` +
    `load average ${load1(loadBefore)} before, ${load1(loadavg())} after`)
  for (const mix of mixes) console.log(`  ${mix}: ${MIXES[mix]}`)
  console.log('')
  console.log(line(head))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows) console.log(line(row))
  for (const note of skipped) console.log(note)
  if (results.some((r) => r.errors > 0)) process.exitCode = 1
}

await main()
