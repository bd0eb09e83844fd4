/**
 * `npm run bench:collector`: accepted events per second, 50-event batches over loopback, for the
 * collector on PGlite and on PostgreSQL, side by side in the same run with a bare node:http server
 * that reads the body and answers 204 (the ceiling of this machine and this load generator).
 * Each server runs in its own child process; the load generator is this process.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { Agent, request } from 'node:http'
import { cpus } from 'node:os'
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
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

const BARE_SERVER = `
const http = require('node:http')
const server = http.createServer((req, res) => {
  req.on('data', () => {})
  req.on('end', () => { res.writeHead(204); res.end() })
})
server.listen(0, '127.0.0.1', () => console.log('Cairn collector listening on http://127.0.0.1:' + server.address().port))`

type Server = { url: string; child: ChildProcess }
type Result = { name: string; events: number; batches: number; seconds: number; p50: number; p99: number; errors: number }

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

/** Unique UUIDv7s and realistic events without paying for JSON.stringify of objects per request. */
let seq = 0
function body(): string {
  const now = Date.now()
  const t = now.toString(16).padStart(12, '0')
  const events: string[] = []
  for (let i = 0; i < BATCH; i++) {
    const n = seq++
    const id = `${t.slice(0, 8)}-${t.slice(8)}-7000-8000-${n.toString(16).padStart(12, '0')}`
    const anon = `anon-${n % 997}`
    events.push(i % 10 === 9
      ? `{"id":"${id}","type":"flow_step","flowId":"welcome-tour","stepIndex":${n % 4},"stepId":"s${n % 4}","ts":${now},"anonymousId":"${anon}"}`
      : `{"id":"${id}","type":"track","name":"card_moved","ts":${now},"anonymousId":"${anon}","url":"/boards/42","props":{"from":"todo","to":"doing","cards":${n % 30}}}`)
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

async function load(name: string, base: string): Promise<Result> {
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
      const payload = body()
      const started = performance.now()
      try {
        const res = await post(url, agent, payload)
        const accepted = res.status === 204 ? BATCH : res.status === 200 ? (JSON.parse(res.text) as { accepted: number }).accepted : 0
        if (res.status !== 200 && res.status !== 204) errors++
        if (measuring) {
          events += accepted
          batches++
          latencies.push(performance.now() - started)
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
  return { name, events, batches, seconds, p50: pct(0.5), p99: pct(0.99), errors }
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

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-bench-'))
  const config = join(dir, 'cairn.config.json')
  await writeFile(config, JSON.stringify({ projects: [{ id: 'bench', writeKey: 'pk_bench', secretKey: 'sk_bench' }], rateLimit: false }))
  const results: Result[] = []
  const skipped: string[] = []
  try {
    const bare = await startChild(['-e', BARE_SERVER])
    results.push(await load('bare node:http (204)', bare.url))
    await stopChild(bare)

    const pglite = await startChild([BIN, '--port', '0', '--data-dir', join(dir, 'data'), '--config', config])
    results.push(await load('collector, PGlite', pglite.url))
    await stopChild(pglite)

    if (await postgresReachable()) {
      const schema = `cairn_bench_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`
      const admin = new pg.Client({ connectionString: DATABASE_URL })
      await admin.connect()
      await admin.query(`CREATE SCHEMA ${schema}`)
      try {
        const url = new URL(DATABASE_URL)
        url.searchParams.set('options', `-c search_path=${schema}`)
        const postgres = await startChild([BIN, '--port', '0', '--config', config], { DATABASE_URL: url.toString() })
        results.push(await load('collector, PostgreSQL', postgres.url))
        await stopChild(postgres)
      } finally {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`)
        await admin.end()
      }
    } else {
      skipped.push(`collector, PostgreSQL: skipped, nothing answers at ${DATABASE_URL} (set TEST_DATABASE_URL)`)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }

  const bareRate = (results[0]?.events ?? 0) / (results[0]?.seconds ?? 1)
  const rows = results.map((r) => {
    const rate = r.events / r.seconds
    return [r.name, Math.round(rate).toLocaleString('en'), Math.round(r.batches / r.seconds).toLocaleString('en'),
      r.p50.toFixed(1), r.p99.toFixed(1), String(r.errors), `${((rate / bareRate) * 100).toFixed(1)}%`]
  })
  const head = ['target', 'events/s', 'batches/s', 'p50 ms', 'p99 ms', 'errors', 'vs bare']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  console.log(`\nCairn collector bench: ${BATCH}-event batches, ${CONCURRENCY} concurrent keep-alive clients over loopback, ` +
    `${MEASURE_MS / 1000} s each after ${WARMUP_MS / 1000} s warm-up; ${cpus().length} CPUs, Node ${process.version}\n`)
  console.log(line(head))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows) console.log(line(row))
  for (const note of skipped) console.log(note)
  for (const r of results.slice(1)) {
    console.log(`ratio ${r.name} / bare node:http: ${(r.events / r.seconds / bareRate).toFixed(3)}`)
  }
  if (results.some((r) => r.errors > 0)) process.exitCode = 1
}

await main()
