/**
 * `npm run bench:cold`: how long a page waits for its first widget, first visit and repeat visit,
 * Cairn (script tag with the README's preloads of the flows and the engine, and for the tour also the tag alone (`?plain`);
 * flows published by the real collector, triggered by the page's URL) side by side
 * with driver.js (its script and stylesheet shipped with the page, a tour started by the page's own
 * script), in one headless Chromium run with an emulated round trip (CDP: latency 100 ms and 300 ms,
 * 1.5 MB/s each way).
 * - Time: from navigation start to the widget on screen (a dialog or region in Cairn's shadow root, or
 *   driver.js's popover, laid out with a size), read in a requestAnimationFrame loop. Median of RUNS pages.
 * - First visit: a fresh browser context (empty HTTP cache and storage). Repeat visit: the same
 *   context again, with the HTTP cache warm (the SDK's and driver.js's files are served gzip-compressed
 *   and `max-age=3600`, as a CDN would)
 *   and the flows the SDK cached; the engine's memory of the flow is cleared so that it is due again.
 * - Waves: of the requests that reached a server, 1 + the highest wave among those that had ended
 *   before it started (test/e2e/harness/request-waves.ts); the HTML is wave 0.
 * Needs the SDK built (`npm run build`) and Chromium (see test/e2e/harness/chromium.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Flow } from '@cairn/protocol'
import type { BrowserContext } from 'playwright-core'
import { launchChromium } from '../e2e/harness/chromium.ts'
import { startCollectorProcess } from '../e2e/harness/collector-process.ts'
import { preloadLinks } from '../e2e/harness/preload-links.ts'
import { fetched, waves } from '../e2e/harness/request-waves.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const DIST = join(ROOT, 'packages/sdk/dist')
const DRIVER = join(ROOT, 'node_modules/driver.js/dist')
const RUNS = Number(process.env['BENCH_RUNS'] ?? 7)
const RTTS = [100, 300]
const KEY = 'pk_cold'
const TITLE = 'Welcome aboard'

const FLOWS: Flow[] = [
  { id: 'tour', kind: 'tour', trigger: { url: '/tour' }, steps: [{ id: 'hello', title: TITLE, body: 'Here is around.' }, { id: 'bye', title: 'Done' }] },
  { id: 'survey', kind: 'survey', trigger: { url: '/survey' }, questions: [{ id: 'nps', type: 'nps', prompt: 'How likely are you to recommend us?' }] },
  { id: 'checklist', kind: 'checklist', trigger: { url: '/checklist' }, title: 'Get started', items: [{ id: 'a', title: 'Create a project' }] },
  { id: 'announcement', kind: 'announcement', style: 'modal', trigger: { url: '/announcement' }, title: 'New: boards', body: 'Boards are here.' },
]
// Each kind as the README installs it (with the preloads); the tour also with the script tag alone.
const CASES = [...FLOWS.map((f) => f.kind as string), 'tour?plain', 'driver.js']

/**
 * In every page: when the first widget is on screen, in ms since navigation start; `__whenShown`
 * resolves with it. Read by a plain evaluate, not Playwright's `waitForFunction`: that one first
 * compiles Playwright's injected script in the page (~40 ms of CPU here), at the load event, which
 * falls between Cairn's two waves but after driver.js's popover is up.
 */
const WATCH = `(() => {
  let shown, late
  window.__whenShown = new Promise((resolve, reject) => ((shown = resolve), (late = reject)))
  const visible = (el) => el && el.getBoundingClientRect().width > 0
  const look = () => {
    const root = document.querySelector('cairn-root')?.shadowRoot
    if (visible(root?.querySelector('[role="dialog"], [role="region"]')) || visible(document.querySelector('.driver-popover'))) shown(performance.now())
    else if (performance.now() < 20000) requestAnimationFrame(look)
    else late(new Error('no widget on screen within 20 s'))
  }
  requestAnimationFrame(look)
})()`

const page = (head: string, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cold start</title>${head}</head><body><main><h1>The app</h1><p>Its page.</p></main>${body}</body></html>`

/** Serves the pages, the SDK and driver.js on 127.0.0.1 and counts what reached it, per path. */
async function site(endpoint: string) {
  const hits: string[] = []
  const gzipped = new Map<string, Buffer>()
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    hits.push(path)
    const cached = { 'cache-control': 'max-age=3600' }
    const file = (dir: string, prefix: string) => join(dir, normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, ''))
    if (path === '/driver.js') {
      const start = `<script>driver.js.driver({ steps: [{ popover: { title: '${TITLE}', description: 'Here is around.' } }, { popover: { title: 'Done' } }] }).drive()</script>`
      res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' })
      res.end(page('<link rel="stylesheet" href="/driver/driver.css"><script src="/driver/driver.js.iife.js"></script>', start))
    } else if (path.startsWith('/driver/') || path.startsWith('/sdk/')) {
      const [dir, prefix] = path.startsWith('/sdk/') ? [DIST, '/sdk/'] : [DRIVER, '/driver/']
      const type = extname(path) === '.css' ? 'text/css' : 'text/javascript'
      try {
        const name = file(dir, prefix)
        const body = readFileSync(name)
        // Compressed, as a CDN serves them: the bytes a visitor downloads are the gzip sizes of the README.
        if (!/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) return void res.writeHead(200, { 'content-type': type, ...cached }).end(body)
        if (!gzipped.has(name)) gzipped.set(name, gzipSync(body, { level: 9 }))
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding', ...cached }).end(gzipped.get(name))
      } catch {
        res.writeHead(404).end()
      }
    } else {
      // The README's install: the script tag, and the preloads that let the flows and the engine come with
      // it. `?plain`: the script tag alone.
      const preload = req.url?.endsWith('?plain') ? '' : preloadLinks(endpoint, KEY)
      res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' })
      res.end(page(`${preload}<script src="/sdk/cairn.js" data-key="${KEY}" data-endpoint="${endpoint}"></script>`))
    }
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, close: () => new Promise((done) => server.close(done)) }
}

type Visit = { ms: number; waves: number; requests: number }

/** One visit of `path` in `context`: time to the widget, waves and requests that went out. */
async function visit(context: BrowserContext, url: string, rtt: number, hits: string[], endpoint: string): Promise<Visit> {
  const tab = await context.newPage()
  const cdp = await context.newCDPSession(tab)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: rtt, downloadThroughput: 1.5e6, uploadThroughput: 1.5e6 })
  // The collector's reads, as the browser sent them (its own server is not ours to count).
  const reads: string[] = []
  cdp.on('Network.requestWillBeSent', (e: { request: { url: string; method: string } }) => {
    if (e.request.method === 'GET' && e.request.url.startsWith(endpoint)) reads.push(new URL(e.request.url).pathname)
  })
  const served = hits.length
  await tab.goto(url)
  const ms = await tab.evaluate(() => (window as unknown as { __whenShown: Promise<number> }).__whenShown)
  await tab.waitForTimeout(50)
  const went = new Set([...hits.slice(served), ...reads])
  const list = (await fetched(tab)).filter((f) => went.has(f.path) && f.path !== '/v1/batch' && f.start <= ms)
  const out = { ms, waves: Math.max(0, ...waves(list).values()), requests: 1 + list.length }
  await tab.close()
  return out
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-cold-'))
  mkdirSync(join(dir, 'flows'))
  for (const flow of FLOWS) writeFileSync(join(dir, 'flows', `${flow.id}.json`), JSON.stringify(flow))
  writeFileSync(join(dir, 'cairn.config.json'), JSON.stringify({ projects: [{ id: 'cold', writeKey: KEY, secretKey: 'sk_cold', flowsDir: './flows' }], rateLimit: false }))
  const collector = await startCollectorProcess(['--config', join(dir, 'cairn.config.json')])
  const server = await site(collector.url)
  const browser = await launchChromium()
  const rows: string[] = []
  try {
    for (const rtt of RTTS) {
      const results: Record<string, Record<'first' | 'repeat', Visit[]>> = {}
      for (let run = 0; run < RUNS; run++) {
        // The cases take turns run by run, so that a slow moment of the machine is shared.
        for (const kind of CASES) {
          const url = `${server.url}/${kind}`
          const context = await browser.newContext()
          await context.addInitScript(WATCH)
          const first = await visit(context, url, rtt, server.hits, collector.url)
          // Due again, as on a later day: the engine forgets the showing, keeps its cached flows.
          await context.addInitScript(() => {
            for (const key of Object.keys(localStorage)) if (key.endsWith(':engine:state')) localStorage.removeItem(key)
          })
          const repeat = await visit(context, url, rtt, server.hits, collector.url)
          await context.close()
          const r = (results[kind] ??= { first: [], repeat: [] })
          r.first.push(first)
          r.repeat.push(repeat)
        }
      }
      const driver = results['driver.js']!
      for (const kind of CASES) {
        for (const when of ['first', 'repeat'] as const) {
          const list = results[kind]![when]
          const ms = median(list.map((v) => v.ms))
          const ratio = ms / median(driver[when].map((v) => v.ms))
          const goal = when === 'first' ? 1.5 : 1.2
          rows.push(`| ${rtt} ms | ${kind} | ${when} | ${ms.toFixed(0)} ms (${Math.min(...list.map((v) => v.ms)).toFixed(0)}–${Math.max(...list.map((v) => v.ms)).toFixed(0)}) | ${median(list.map((v) => v.waves))} | ${median(list.map((v) => v.requests))} | ${kind === 'driver.js' ? '' : `${ratio.toFixed(2)}× (goal ≤ ${goal}×)`} |`)
        }
      }
    }
  } finally {
    await browser.close()
    await server.close()
    await collector.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  console.log(`bench:cold — ${RUNS} runs per case, 1.5 MB/s, Chromium headless\n`)
  console.log('| round trip | page | visit | first widget (median, min–max) | waves after the HTML | requests | vs driver.js |')
  console.log('|---|---|---|---:|---:|---:|---|')
  for (const row of rows) console.log(row)
}

await main()
