/**
 * `npm run bench:survey`: what a page pays for a survey, in bytes and in time.
 * - Bytes: gzip -9 of every script a page downloads from loading `cairn.js` to its first survey on
 *   screen (the core, the engine and widget runtime chunks, the survey chunk and what they import),
 *   against the 14 KB target for core + runtime + survey.
 * - Time: in headless Chromium, from `showSurvey()` to the survey's dialog in the DOM, and to it laid
 *   out (styles and layout computed, ready for the next frame), with the chunks already loaded
 *   (local-only mode: no network at all). First on fresh pages whose chunks were imported ahead and
 *   that were idle once since (the first survey a page shows: the host element and its stylesheets
 *   are made then; the runtime chunk warms Intl and the default font while idle), in three kinds of
 *   page: one that knows the survey (from the collector or `init({ flows })`) and shows it by id,
 *   having already used `Intl.NumberFormat` (most apps format a number or a date before anyone
 *   answers a survey) — the target; the same page before any use of Intl (its first use initializes
 *   the browser's number formatting data, which the survey's localized digits need); and a page
 *   without flows that passes the definition to `showSurvey()` (the engine starts on that call). Then
 *   many surveys in a row on one page, each closed before the next. Wall time, and the main thread's
 *   CPU time (Chromium's ThreadTime), which a busy machine inflates less. Bounded: 30 pages, 61 shows.
 * Needs the SDK built (`npm run build`) and Chromium (see test/e2e/harness/chromium.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { launchChromium } from '../e2e/harness/chromium.ts'
import { startStaticServer } from '../e2e/harness/static-server.ts'

const DIST = resolve(import.meta.dirname, '../../packages/sdk/dist')
const TARGET_BYTES = 14 * 1024
const TARGET_MS = 16
const PAGES = 10
const WARMUP = 10
const RUNS = 50

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length

function bytes(files: readonly string[]): number {
  const rows = files.map((file) => [file, gz(file)] as const)
  const total = rows.reduce((sum, [, n]) => sum + n, 0)
  console.log('\nBytes (gzip -9) of the scripts a page loads up to its first survey')
  for (const [file, n] of rows) console.log(`  ${file.padEnd(22)} ${String(n).padStart(6)} B`)
  console.log(`  ${'total'.padEnd(22)} ${String(total).padStart(6)} B = ${(total / 1024).toFixed(2)} KB (target ${TARGET_BYTES / 1024} KB: ${total <= TARGET_BYTES ? 'met' : 'NOT met'})`)
  console.log(`  of which the survey chunk alone: ${gz('survey.js')} B`)
  return total
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script src="/sdk/cairn.js"></script><script src="/bench.js"></script></head>
<body><main><h1>Survey benchmark</h1><button>A page button</button></main></body></html>`

/** Runs in the page: times `runs` shows after `warmup` ones, closing each survey before the next. */
const BENCH = `
const definition = (i) => ({
  id: 'bench-' + i, kind: 'survey',
  questions: [
    { id: 'score', type: 'nps', prompt: 'How likely are you to recommend us?', next: [{ max: 6, goto: 'why' }] },
    { id: 'why', type: 'text', prompt: 'Why?' },
  ],
})
// \`?flows\`: the page knows the first survey (as from the collector) and shows it by id.
const byId = location.search === '?flows'
const sdk = cairn.init({ key: 'pk_bench', locale: 'en', ...(byId && { flows: [definition(0)] }) })
const root = () => document.querySelector('cairn-root')?.shadowRoot
const dialog = () => root()?.querySelector('[role="dialog"]')
const when = (test) => new Promise((done) => {
  if (test()) return done()
  const seen = new MutationObserver(() => test() && (seen.disconnect(), done()))
  seen.observe(document.body, { childList: true, subtree: true })
  const shadow = root()
  if (shadow) seen.observe(shadow, { childList: true, subtree: true })
})
/** One show: [ms to the dialog in the DOM, ms to it laid out]. */
const show = async (i) => {
  const t0 = performance.now()
  sdk.showSurvey(byId && i === 0 ? 'bench-0' : definition(i), { force: true })
  await when(() => !!dialog())
  const t1 = performance.now()
  dialog().getBoundingClientRect()
  return [t1 - t0, performance.now() - t0]
}
const close = async () => {
  dialog().querySelector('button.close').click()
  await when(() => !dialog())
}
window.__load = async (warmIntl, chunks) => {
  if (warmIntl) new Intl.NumberFormat().format(1)
  await Promise.all(chunks.map((chunk) => import('/sdk/' + chunk)))
  // Loaded ahead means the page had a moment since: what the runtime does when idle after loading is done.
  await new Promise((done) => requestIdleCallback(done, { timeout: 1000 }))
}
window.__first = () => show(0)
window.__bench = async (warmup, runs) => {
  const dom = []
  const laid = []
  await close()
  for (let i = 1; i <= warmup + runs; i++) {
    const [d, l] = await show(i)
    if (i > warmup) { dom.push(d); laid.push(l) }
    await close()
  }
  return { dom, laid }
}
window.__ready = true
`

/** The first survey's pages (see the header); the first is the one the target is about. */
const SCENARIOS = [
  { label: 'first survey by id, Intl in use', byId: true, intl: true },
  { label: 'first survey by id, Intl unused', byId: true, intl: false },
  { label: 'first survey by definition, Intl in use', byId: false, intl: true },
]

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) as number }
}

async function timing(): Promise<{ files: string[]; ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-'))
  writeFileSync(join(dir, 'index.html'), PAGE)
  writeFileSync(join(dir, 'bench.js'), BENCH)
  const site = await startStaticServer({ '/sdk/': DIST, '/': dir })
  const browser = await launchChromium()
  try {
    type Page = Awaited<ReturnType<typeof browser.newPage>>
    const open = async (page: Page, search = '') => {
      await page.goto(`${site.url}/index.html${search}`)
      await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready)
    }
    // Which scripts the survey path downloads: a page that shows one, watched.
    const files: string[] = []
    let page: Page | undefined = await browser.newPage()
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname
      if (path.startsWith('/sdk/') && path.endsWith('.js')) files.push(path.slice(5))
    })
    await open(page)
    await page.evaluate(() => (window as unknown as { __first(): Promise<unknown> }).__first())
    const chunks = files.filter((file) => file !== 'cairn.js')

    const firsts = new Map(SCENARIOS.map((scenario) => [scenario, [] as [number, number, number][]]))
    for (let i = 0; i < SCENARIOS.length * PAGES; i++) {
      const scenario = SCENARIOS[i % SCENARIOS.length]!
      await page?.close()
      page = await browser.newPage()
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
      const cpu = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')!.value * 1000
      await open(page, scenario.byId ? '?flows' : '')
      await page.evaluate(([w, c]) => (window as unknown as { __load(w: boolean, c: string[]): Promise<unknown> }).__load(w, c), [scenario.intl, chunks] as const)
      const before = await cpu()
      const [dom, laid] = await page.evaluate(() => (window as unknown as { __first(): Promise<[number, number]> }).__first())
      firsts.get(scenario)!.push([dom, laid, (await cpu()) - before])
    }
    const { dom, laid } = await page!.evaluate(([w, r]) => (window as unknown as { __bench(w: number, r: number): Promise<{ dom: number[]; laid: number[] }> }).__bench(w!, r!), [WARMUP, RUNS])
    const ms = (n: number) => `${n.toFixed(2)} ms`
    const line = (label: string, values: number[]) => {
      const s = stats(values)
      console.log(`  ${label.padEnd(56)} median ${ms(s.median)}  p95 ${ms(s.p95)}  max ${ms(s.max)}`)
      return s
    }
    console.log(`\nTime from showSurvey() to the survey on screen, chunks loaded (${chunks.join(', ')}; headless Chromium)`)
    for (const [{ label }, runs] of firsts) {
      line(`${label}: in the DOM`, runs.map(([d]) => d))
      line(`${label}: laid out`, runs.map(([, l]) => l))
      line(`${label}: main-thread CPU`, runs.map(([, , c]) => c))
    }
    line(`later surveys (${RUNS}): in the DOM`, dom)
    line('later surveys: laid out', laid)
    const worst = stats(firsts.get(SCENARIOS[0]!)!.map(([, l]) => l)).median
    console.log(`  target ${TARGET_MS} ms (first survey laid out, by id, page already using Intl, median): ${worst <= TARGET_MS ? 'met' : 'NOT met'}`)
    return { files, ms: worst }
  } finally {
    await browser.close()
    await site.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const { files } = await timing()
bytes(files)
