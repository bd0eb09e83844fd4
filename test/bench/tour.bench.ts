/**
 * `npm run bench:tour`: what a page pays for a tour — Cairn side by side with driver.js and shepherd.js
 * (dev dependencies, for this benchmark only), in one headless Chromium run.
 * - Bytes: gzip -9 of each library's JS + CSS as a page downloads them: for Cairn every script a page
 *   fetches from loading `cairn.js` to its first tour step on screen (core, engine, widget runtime, tour,
 *   position/floating-ui: its CSS is inside), watched on a real page; driver.js's IIFE + driver.css;
 *   shepherd.js's ESM bundle (floating-ui inside) + shepherd.css.
 * - Time: on fresh pages, the library already loaded (Cairn: its chunks imported ahead) and the page idle
 *   once since (what a library does in idle time after loading is done), from the show
 *   call to the first step visible and positioned — the popover in the DOM, not hidden, laid out below
 *   its target and holding the step's title. Read in a MessageChannel loop (no timer clamping: within a
 *   task of the truth). Median of 21 pages per library, the libraries taking turns page by page.
 *   Cairn twice: `cairn` shows a flow the page knows by id (`showTour('bench')`), `cairn-definition`
 *   passes the definition on a page without flows (the engine starts on that call; see cairnAdapter).
 * - Long tasks (PerformanceObserver) overlapping those first shows; the JS heap delta of the first show
 *   (garbage collected before and after, the step still on screen); on one page per library, the JS heap
 *   before and after 200 show/hide cycles, and what 200 more add (a leak keeps growing; warm-up doesn't).
 * `BENCH_LOCALE=fa` (or `ar`) runs Cairn's tour in that language: its buttons and progress in Arabic script.
 * `BENCH_PROFILE=1` also samples one Cairn first show with the CDP Profiler (50 µs) and prints where the
 * time went. Needs the SDK built (`npm run build`) and Chromium (see test/e2e/harness/chromium.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/harness/chromium.ts'
import { startStaticServer } from '../e2e/harness/static-server.ts'
import { PAGE_UNTIL } from './page-until.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const DIST = join(ROOT, 'packages/sdk/dist')
const MODULES = join(ROOT, 'node_modules')
const TARGET_BYTES = 18 * 1024
const TARGET_MS = 16
const PAGES = 21
const CYCLES = 200

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length

/** One library under test: how a page loads it and, in the page, how to show and hide a two-step tour. */
type Library = {
  name: string
  head: string
  /** Defines `lib = { load(), show(), hide(), popover() }` in the page. */
  adapter: string
  /** JS + CSS files a page downloads for it (Cairn's are found by watching a page). */
  files: string[]
}

const TITLE = 'The target'
const BODY = 'Anchored here.'

/**
 * Cairn's page. `byId`: the flow is known at init (from the collector or `init({ flows })`, as on any
 * page that has flows) and shown with `showTour('bench')`, the call product teams make. Otherwise the
 * page has no flows and passes the definition to `showTour()`: the engine starts on that call, and
 * validates the definition, inside the measured time.
 */
const cairnAdapter = (byId: boolean) => `
// One id: the engine keeps a record per flow id, which is not what the heap readings are about.
const definition = () => ({
  id: 'bench', kind: 'tour',
  steps: [{ id: 'a', title: '${TITLE}', body: '${BODY}', target: '#target', placement: 'bottom' }, { id: 'b', title: 'Done' }],
})
const sdk = cairn.init({ key: 'pk_bench', locale: '${process.env['BENCH_LOCALE'] ?? 'en'}'${byId ? ', flows: [definition()]' : ''} })
const root = () => document.querySelector('cairn-root')?.shadowRoot
window.lib = {
  load: (chunks) => Promise.all(chunks.map((chunk) => import('/sdk/' + chunk))),
  show: () => sdk.showTour(${byId ? "'bench'" : 'definition()'}, { force: true }),
  hide: () => root().querySelector('[role="dialog"] button.close').click(),
  popover: () => root()?.querySelector('.tip'),
}`

const LIBRARIES: Library[] = [
  {
    name: 'cairn',
    head: '<script src="/sdk/cairn.js"></script>',
    adapter: cairnAdapter(true),
    files: [],
  },
  {
    name: 'cairn-definition',
    head: '<script src="/sdk/cairn.js"></script>',
    adapter: cairnAdapter(false),
    files: [],
  },
  {
    name: 'driver.js',
    head: '<link rel="stylesheet" href="/nm/driver.js/dist/driver.css"><script src="/nm/driver.js/dist/driver.js.iife.js"></script>',
    adapter: `
let tour
window.lib = {
  load: async () => {},
  show: () => {
    tour = window.driver.js.driver({
      showProgress: true,
      steps: [{ element: '#target', popover: { title: '${TITLE}', description: '${BODY}', side: 'bottom' } }, { popover: { title: 'Done' } }],
    })
    tour.drive()
  },
  hide: () => tour.destroy(),
  popover: () => document.querySelector('.driver-popover'),
}`,
    files: ['driver.js/dist/driver.js.iife.js', 'driver.js/dist/driver.css'],
  },
  {
    name: 'shepherd.js',
    head: '<link rel="stylesheet" href="/nm/shepherd.js/dist/css/shepherd.css"><script type="module">import Shepherd from "/nm/shepherd.js/dist/js/shepherd.mjs"; window.Shepherd = Shepherd</script>',
    adapter: `
let tour
window.lib = {
  load: async () => {
    while (!window.Shepherd) await new Promise((done) => setTimeout(done, 1))
  },
  show: () => {
    const S = window.Shepherd
    tour = new S.Tour({ useModalOverlay: true, defaultStepOptions: { cancelIcon: { enabled: true } } })
    tour.addSteps([
      { id: 'a', title: '${TITLE}', text: '${BODY}', attachTo: { element: '#target', on: 'bottom' }, buttons: [{ text: 'Next', action: tour.next }] },
      { id: 'b', title: 'Done', buttons: [{ text: 'Done', action: tour.complete }] },
    ])
    tour.start()
  },
  hide: () => tour.cancel(),
  popover: () => document.querySelector('.shepherd-element'),
}`,
    files: ['shepherd.js/dist/js/shepherd.mjs', 'shepherd.js/dist/css/shepherd.css'],
  },
]

const page = (library: Library) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
${library.head}<script src="/${library.name}.js"></script><script src="/bench.js"></script></head>
<body><main><h1>Tour benchmark</h1><p>Some content.</p><button id="target">The target</button></main></body></html>`

/** Runs in every page, over the library's `lib`. */
const BENCH = `
const longTasks = []
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true })
${PAGE_UNTIL}
/** The step a user sees: in the DOM, not hidden, below its target, holding the title. */
const placed = () => {
  const el = lib.popover()
  if (!el || !el.isConnected || !el.textContent.includes('${TITLE}')) return false
  const style = getComputedStyle(el)
  if (style.display === 'none' || style.visibility !== 'visible') return false
  const p = el.getBoundingClientRect()
  const t = document.querySelector('#target').getBoundingClientRect()
  return p.width > 0 && p.top >= t.bottom - 2 && p.top <= t.bottom + 48 && p.left < t.right && p.right > t.left
}
const gone = () => {
  const el = lib.popover()
  return !el || !el.isConnected || getComputedStyle(el).display === 'none'
}
const tick = () => new Promise((done) => setTimeout(done, 0))
const heap = async () => {
  gc()
  await tick()
  gc()
  await tick()
  return performance.memory.usedJSHeapSize
}
const show = async () => {
  const t0 = performance.now()
  lib.show()
  await until(placed)
  return [t0, performance.now()]
}
const hide = async () => {
  lib.hide()
  await until(gone)
}
window.__first = async (chunks) => {
  await lib.load(chunks)
  // Loaded ahead means the page had a moment since: what a library does when idle after loading is done.
  await new Promise((done) => requestIdleCallback(done, { timeout: 1000 }))
  const before = await heap()
  const [t0, t1] = await show()
  // Long task entries arrive after their task: give them a moment.
  await new Promise((done) => setTimeout(done, 100))
  const long = longTasks.filter((e) => e.startTime < t1 && e.startTime + e.duration > t0).length
  return { ms: t1 - t0, long, heap: (await heap()) - before }
}
window.__cycles = async (n) => {
  await hide()
  const before = await heap()
  const from = performance.now()
  const run = async () => {
    for (let i = 0; i < n; i++) {
      await show()
      await hide()
    }
    return heap()
  }
  // Then as many again: what the first round adds is mostly the engine's warm-up (compiled code,
  // feedback); what the second adds is what a leak would add.
  const after = await run()
  return { before, after, again: await run(), long: longTasks.filter((e) => e.startTime >= from).length }
}
window.__ready = true
`

type First = { ms: number; long: number; heap: number }
type Cycles = { before: number; after: number; again: number; long: number }
type Window = { __ready?: boolean; __first(chunks: string[]): Promise<First>; __cycles(n: number): Promise<Cycles> }

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const signed = (n: number) => `${n >= 0 ? '+' : '−'}${kb(Math.abs(n))}`

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-'))
  for (const library of LIBRARIES) {
    writeFileSync(join(dir, `${library.name}.html`), page(library))
    writeFileSync(join(dir, `${library.name}.js`), library.adapter)
  }
  writeFileSync(join(dir, 'bench.js'), BENCH)
  const site = await startStaticServer({ '/sdk/': DIST, '/nm/': MODULES, '/': dir })
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'] })
  const open = async (library: Library) => {
    const tab = await browser.newPage()
    tab.on('pageerror', (error) => console.error(`${library.name}: ${error.message}`))
    await tab.goto(`${site.url}/${library.name}.html`)
    await tab.waitForFunction(() => (window as unknown as Window).__ready)
    return tab
  }
  try {
    // Cairn's chunks: what a page that shows a tour downloads, watched (and what the others import ahead).
    const cairn = LIBRARIES[0] as Library
    const watched = await browser.newPage()
    const fetched: string[] = []
    watched.on('request', (request) => {
      const path = new URL(request.url()).pathname
      if (path.startsWith('/sdk/') && path.endsWith('.js')) fetched.push(path.slice(5))
    })
    await watched.goto(`${site.url}/cairn.html`)
    await watched.waitForFunction(() => (window as unknown as Window).__ready)
    await watched.evaluate(() => (window as unknown as Window).__first([]))
    await watched.close()
    const chunks = fetched.filter((file) => file !== 'cairn.js')
    cairn.files = fetched.map((file) => `../packages/sdk/dist/${file}`)
    ;(LIBRARIES[1] as Library).files = cairn.files

    if (process.env['BENCH_PROFILE']) await profile(await open(cairn), chunks)

    const firsts = new Map<string, First[]>(LIBRARIES.map((l) => [l.name, []]))
    const cycles = new Map<string, Cycles>()
    for (let i = 0; i < PAGES; i++) {
      for (const library of LIBRARIES) {
        const tab = await open(library)
        firsts.get(library.name)!.push(await tab.evaluate((c) => (window as unknown as Window).__first(c), chunks))
        if (i === PAGES - 1) cycles.set(library.name, await tab.evaluate((n) => (window as unknown as Window).__cycles(n), CYCLES))
        await tab.close()
      }
    }

    const bytes = (library: Library) => library.files.reduce((sum, file) => sum + gz(join(MODULES, file)), 0)
    console.log('\nBytes (gzip -9) of the scripts a page downloads up to its first Cairn tour step')
    for (const file of cairn.files) console.log(`  ${file.split('/').pop()!.padEnd(22)} ${String(gz(join(MODULES, file))).padStart(6)} B`)
    const path = bytes(cairn)
    const core = cairn.files.filter((file) => !/position|engine/.test(file)).reduce((sum, file) => sum + gz(join(MODULES, file)), 0)
    console.log(`  ${'total'.padEnd(22)} ${String(path).padStart(6)} B = ${kb(path)}`)
    console.log(`  core + runtime + tour (no engine, no floating-ui): ${kb(core)} (target ${TARGET_BYTES / 1024} KB: ${core <= TARGET_BYTES ? 'met' : 'NOT met'})`)

    console.log(`\nA two-step tour, first step shown (headless Chromium, 1× CPU, ${PAGES} fresh pages per library, library loaded)`)
    const header = ['library', 'gzip JS+CSS', 'show → step placed', 'max', 'long tasks', 'heap Δ first show', `heap over ${CYCLES} show/hide`, `next ${CYCLES}`]
    const rows = LIBRARIES.map((library) => {
      const runs = firsts.get(library.name)!
      const c = cycles.get(library.name)!
      const ms = runs.map((r) => r.ms)
      return [
        library.name, kb(bytes(library)), `median ${median(ms).toFixed(2)} ms`, `${Math.max(...ms).toFixed(2)} ms`,
        `${runs.reduce((n, r) => n + r.long, 0)} (+${c.long} in cycles)`, signed(median(runs.map((r) => r.heap))),
        `${kb(c.before)} → ${kb(c.after)} (${signed(c.after - c.before)})`, signed(c.again - c.after),
      ]
    })
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)))
    for (const row of [header, widths.map((w) => '-'.repeat(w)), ...rows]) console.log(`  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`)
    const mine = median(firsts.get('cairn')!.map((r) => r.ms))
    const driver = median(firsts.get('driver.js')!.map((r) => r.ms))
    console.log(`  target: Cairn's first step ≤ ${TARGET_MS} ms median (${mine <= TARGET_MS ? 'met' : 'NOT met'}), no slower than driver.js (${mine <= driver ? 'met' : 'NOT met'})`)
  } finally {
    await browser.close()
    await site.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Samples one Cairn first show with the CDP Profiler and prints the functions that took the most time. */
async function profile(tab: Page, chunks: string[]): Promise<void> {
  const cdp = await tab.context().newCDPSession(tab)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 })
  await tab.evaluate((c) => (window as unknown as { lib: { load(c: string[]): Promise<unknown> } }).lib.load(c), chunks)
  await cdp.send('Profiler.start')
  const first = await tab.evaluate((c) => (window as unknown as Window).__first(c), chunks)
  const { profile } = await cdp.send('Profiler.stop')
  await tab.close()
  const self = new Map<string, number>()
  const deltas = profile.timeDeltas ?? []
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  profile.samples?.forEach((id, i) => {
    const { callFrame: f } = nodes.get(id)!
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`
    self.set(name, (self.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000)
  })
  console.log(`\nProfile of one Cairn first show (${first.ms.toFixed(2)} ms; the sampled span includes __first's heap readings and 100 ms wait): self time, ms`)
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(2).padStart(7)}  ${name}`)
}

await main()
