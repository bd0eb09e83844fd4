/**
 * `npm run bench:tour`: what a page pays for a tour, in bytes and in time (Cairn only for now; the
 * issue's side-by-side with driver.js and shepherd.js needs them as dev dependencies).
 * - Bytes: gzip -9 of the core (`cairn.js`), the widget runtime, the tour chunk and position.js with
 *   every chunk they import, against the 18 KB for core + runtime + tour.
 * - Time: in headless Chromium, local-only mode, chunks already imported: from `showTour(definition)`
 *   to the first step positioned next to its target (the tip has its coordinates), median of 20 fresh
 *   pages; long tasks (PerformanceObserver) during those; JS heap before and after 200 show/close
 *   cycles on one page (garbage collected before each reading).
 * Needs the SDK built (`npm run build`) and Chromium (see test/e2e/harness/chromium.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/harness/chromium.ts'
import { startStaticServer } from '../e2e/harness/static-server.ts'

const DIST = resolve(import.meta.dirname, '../../packages/sdk/dist')
const TARGET_BYTES = 18 * 1024
const TARGET_MS = 16
const PAGES = 20
const CYCLES = 200

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length

/** A chunk and, transitively, the chunks it imports. */
function withImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen
  seen.add(file)
  for (const [, name] of readFileSync(join(DIST, file), 'utf8').matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)) withImports(name!, seen)
  return seen
}

function bytes(): void {
  const files = [...new Set(['cairn.js', ...withImports('runtime.js'), ...withImports('tour.js')])]
  const rows = files.map((file) => [file, gz(file)] as const)
  const total = rows.reduce((sum, [, n]) => sum + n, 0)
  const position = rows.filter(([file]) => file.includes('position')).reduce((sum, [, n]) => sum + n, 0)
  console.log('\nBytes (gzip -9) of the tour path: core + widget runtime + tour + position')
  for (const [file, n] of rows) console.log(`  ${file.padEnd(22)} ${String(n).padStart(6)} B`)
  console.log(`  ${'total'.padEnd(22)} ${String(total).padStart(6)} B = ${(total / 1024).toFixed(2)} KB`)
  console.log(`  without position (floating-ui): ${((total - position) / 1024).toFixed(2)} KB (target ${TARGET_BYTES / 1024} KB: ${total - position <= TARGET_BYTES ? 'met' : 'NOT met'})`)
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script src="/sdk/cairn.js"></script><script src="/bench.js"></script></head>
<body><main><h1>Tour benchmark</h1><p>Some content.</p><button id="target">The target</button></main></body></html>`

/** Runs in the page. */
const BENCH = `
const sdk = cairn.init({ key: 'pk_bench', locale: 'en' })
const longTasks = []
new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true })
// One id: the engine keeps a record per flow id, which is not what the heap reading is about.
const definition = () => ({
  id: 'bench', kind: 'tour',
  steps: [{ id: 'a', title: 'The target', body: 'Anchored here.', target: '#target', placement: 'bottom' }, { id: 'b', title: 'Done' }],
})
const root = () => document.querySelector('cairn-root')?.shadowRoot
const tip = () => root()?.querySelector('.tip')
const dialog = () => root()?.querySelector('[role="dialog"]')
// A MessageChannel loop: no timer clamping, so the reading is within a task of the truth.
const until = (test) => new Promise((done) => {
  const channel = new MessageChannel()
  channel.port1.onmessage = () => (test() ? (channel.port1.close(), done()) : channel.port2.postMessage(0))
  channel.port2.postMessage(0)
})
const show = async (i) => {
  const t0 = performance.now()
  sdk.showTour(definition(i), { force: true })
  await until(() => !!root()?.querySelector('.root'))
  const mounted = performance.now() - t0
  await until(() => !!tip()?.style.getPropertyValue('left'))
  return [mounted, performance.now() - t0]
}
const close = async () => {
  dialog().querySelector('button.close').click()
  await until(() => !dialog())
}
window.__first = async () => {
  await Promise.all([import('/sdk/runtime.js'), import('/sdk/tour.js'), import('/sdk/position.js')])
  const [mounted, ms] = await show(0)
  return { mounted, ms, longTasks }
}
window.__cycles = async (n) => {
  await close()
  gc()
  const before = performance.memory.usedJSHeapSize
  for (let i = 1; i <= n; i++) {
    await show(i)
    await close()
  }
  gc()
  await new Promise((done) => setTimeout(done, 100))
  gc()
  return { before, after: performance.memory.usedJSHeapSize, longTasks }
}
window.__ready = true
`

async function timing(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-'))
  writeFileSync(join(dir, 'index.html'), PAGE)
  writeFileSync(join(dir, 'bench.js'), BENCH)
  const site = await startStaticServer({ '/sdk/': DIST, '/': dir })
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'] })
  try {
    type Page = Awaited<ReturnType<typeof browser.newPage>>
    type First = { mounted: number; ms: number; longTasks: number[] }
    const firsts: First[] = []
    let page: Page | undefined
    for (let i = 0; i < PAGES; i++) {
      await page?.close()
      page = await browser.newPage()
      await page.goto(`${site.url}/index.html`)
      await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready)
      firsts.push(await page.evaluate(() => (window as unknown as { __first(): Promise<First> }).__first()))
    }
    const cycles = await page!.evaluate((n) => (window as unknown as { __cycles(n: number): Promise<{ before: number; after: number; longTasks: number[] }> }).__cycles(n), CYCLES)
    const sorted = firsts.map((f) => f.ms).sort((a, b) => a - b)
    const median = sorted[Math.floor(sorted.length / 2)] as number
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
    console.log('\nTime from showTour() to the first step positioned, chunks loaded (headless Chromium, 1× CPU)')
    console.log(`  first step (${PAGES} fresh pages)   median ${median.toFixed(2)} ms  max ${(sorted.at(-1) as number).toFixed(2)} ms  (target ${TARGET_MS} ms: ${median <= TARGET_MS ? 'met' : 'NOT met'})`)
    const mounted = firsts.map((f) => f.mounted).sort((a, b) => a - b)[Math.floor(PAGES / 2)] as number
    console.log(`  of which until the widget's container is in the host: median ${mounted.toFixed(2)} ms`)
    console.log(`  long tasks during the first steps: ${firsts.reduce((n, f) => n + f.longTasks.length, 0)}`)
    console.log(`  JS heap over ${CYCLES} show/close cycles: ${kb(cycles.before)} → ${kb(cycles.after)} (${cycles.after - cycles.before >= 0 ? '+' : ''}${kb(cycles.after - cycles.before)}); long tasks on that page: ${cycles.longTasks.length}`)
  } finally {
    await browser.close()
    await site.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

bytes()
await timing()
