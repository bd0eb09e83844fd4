/**
 * `npm run bench:survey`: what a page pays for a survey, in bytes and in time.
 * - Bytes: gzip -9 of the core (`cairn.js`), the shared widget runtime and the survey chunk with
 *   every chunk it imports, against the 14 KB target for core + runtime + survey.
 * - Time: in headless Chromium, from `showSurvey(definition)` to the survey's dialog in the DOM, and
 *   to it laid out (styles and layout computed, ready for the next frame), with the chunks already
 *   loaded (local-only mode: no network at all). First on fresh pages whose chunks were imported
 *   ahead (the first survey a page shows: the host element and its stylesheets are made then), then
 *   many surveys in a row on one page, each closed before the next. Bounded: 10 pages, 60 shows.
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

/** A chunk and, transitively, the chunks it imports (`from"./x.js"`, `import"./x.js"`). */
function withImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen
  seen.add(file)
  for (const [, name] of readFileSync(join(DIST, file), 'utf8').matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)) withImports(name!, seen)
  return seen
}

function bytes(): number {
  const files = ['cairn.js', ...withImports('runtime.js'), ...withImports('survey.js')]
  const unique = [...new Set(files)]
  const rows = unique.map((file) => [file, gz(file)] as const)
  const total = rows.reduce((sum, [, n]) => sum + n, 0)
  console.log('\nBytes (gzip -9) of the survey path: core + widget runtime + survey')
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
const sdk = cairn.init({ key: 'pk_bench', locale: 'en' })
const definition = (i) => ({
  id: 'bench-' + i, kind: 'survey',
  questions: [
    { id: 'score', type: 'nps', prompt: 'How likely are you to recommend us?', next: [{ max: 6, goto: 'why' }] },
    { id: 'why', type: 'text', prompt: 'Why?' },
  ],
})
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
  sdk.showSurvey(definition(i), { force: true })
  await when(() => !!dialog())
  const t1 = performance.now()
  dialog().getBoundingClientRect()
  return [t1 - t0, performance.now() - t0]
}
const close = async () => {
  dialog().querySelector('button.close').click()
  await when(() => !dialog())
}
window.__first = async () => {
  await Promise.all([import('/sdk/runtime.js'), import('/sdk/survey.js')])
  return show(0)
}
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

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) as number }
}

async function timing(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-'))
  writeFileSync(join(dir, 'index.html'), PAGE)
  writeFileSync(join(dir, 'bench.js'), BENCH)
  const site = await startStaticServer({ '/sdk/': DIST, '/': dir })
  const browser = await launchChromium()
  try {
    type Page = Awaited<ReturnType<typeof browser.newPage>>
    const open = async (page: Page) => {
      await page.goto(`${site.url}/index.html`)
      await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready)
    }
    const firsts: [number, number][] = []
    let page: Page | undefined
    for (let i = 0; i < PAGES; i++) {
      await page?.close()
      page = await browser.newPage()
      await open(page)
      firsts.push(await page.evaluate(() => (window as unknown as { __first(): Promise<[number, number]> }).__first()))
    }
    const { dom, laid } = await page!.evaluate(([w, r]) => (window as unknown as { __bench(w: number, r: number): Promise<{ dom: number[]; laid: number[] }> }).__bench(w!, r!), [WARMUP, RUNS])
    const ms = (n: number) => `${n.toFixed(2)} ms`
    const line = (label: string, values: number[]) => {
      const s = stats(values)
      console.log(`  ${label.padEnd(30)} median ${ms(s.median)}  p95 ${ms(s.p95)}  max ${ms(s.max)}`)
      return s
    }
    console.log('\nTime from showSurvey() to the survey on screen, chunks loaded (headless Chromium)')
    const first = line(`first survey, in the DOM (${PAGES} pages)`, firsts.map(([d]) => d))
    const firstLaid = line('first survey, laid out', firsts.map(([, l]) => l))
    line(`later surveys, in the DOM (${RUNS})`, dom)
    line('later surveys, laid out', laid)
    console.log(`  target ${TARGET_MS} ms (first survey laid out, worst of ${PAGES}): ${firstLaid.max <= TARGET_MS ? 'met' : 'NOT met'}`)
    void first
    return firstLaid.max
  } finally {
    await browser.close()
    await site.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

bytes()
await timing()
