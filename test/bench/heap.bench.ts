/**
 * `npm run bench:heap`: whether a page that shows and hides a widget again and again keeps memory it
 * should have let go. For each kind (tour, survey, checklist, announcement), one headless Chromium page
 * with `cairn.js` and the flow inline, its chunks loaded and the page idle once, then ROUNDS rounds of
 * CYCLES show/hide cycles (`show*(id, { force: true })`, then the widget's × button, each waited for).
 * After each round (two garbage collections first) a heap snapshot is taken and its retained bytes are
 * split by what V8 calls them: compiled code (functions compiled, then re-compiled by the faster
 * tiers as they get hot: warm-up, which levels off) and everything else (objects, closures, strings,
 * arrays, DOM wrappers: where a leak would show). A leak keeps growing round after round; warm-up
 * doesn't. Goal (issue 17): everything else grows by at most 20 KB per further 200 cycles.
 * Needs the SDK built (`npm run build`) and Chromium (see test/e2e/harness/chromium.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Flow } from '@cairn/protocol'
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/harness/chromium.ts'
import { startStaticServer } from '../e2e/harness/static-server.ts'
import { PAGE_UNTIL } from './page-until.ts'

const DIST = resolve(import.meta.dirname, '../../packages/sdk/dist')
const CYCLES = Number(process.env['BENCH_CYCLES'] ?? 200)
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 4)
const GOAL = 20 * 1024

const FLOWS: Flow[] = [
  {
    id: 'bench', kind: 'tour',
    steps: [{ id: 'a', title: 'The target', body: 'Anchored here.', target: '#target', placement: 'bottom' }, { id: 'b', title: 'Done' }],
  },
  { id: 'bench', kind: 'survey', questions: [{ id: 'nps', type: 'nps', prompt: 'How likely are you to recommend us?' }] },
  { id: 'bench', kind: 'checklist', title: 'Get started', items: [{ id: 'a', title: 'Create a project' }, { id: 'b', title: 'Invite a teammate' }] },
  { id: 'bench', kind: 'announcement', style: 'modal', title: 'New: boards', body: 'Boards are **here**.' },
]
const SHOW: Record<string, string> = { tour: 'showTour', survey: 'showSurvey', checklist: 'showChecklist', announcement: 'showAnnouncement' }

/** The page's own script: the SDK with one inline flow, and `__cycles(n)` that shows and hides it n times. */
const script = (flow: Flow) => `
const sdk = cairn.init({ key: 'pk_bench', flows: [${JSON.stringify(flow)}] })
const surface = () => document.querySelector('cairn-root')?.shadowRoot?.querySelector('[role="dialog"], [role="region"]')
${PAGE_UNTIL}
window.__cycles = async (n) => {
  for (let i = 0; i < n; i++) {
    sdk.${SHOW[flow.kind]}('bench', { force: true })
    await until(() => surface()?.querySelector('button.close'))
    surface().querySelector('button.close').click()
    await until(() => !surface())
  }
}
window.__ready = new Promise((done) => {
  sdk.${SHOW[flow.kind]}('bench', { force: true })
  until(() => surface()?.querySelector('button.close')).then(() => {
    surface().querySelector('button.close').click()
    return until(() => !surface())
  }).then(() => requestIdleCallback(done, { timeout: 1000 }))
})
`

const page = (kind: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>heap</title>
<script src="/sdk/cairn.js"></script><script src="/${kind}.js"></script></head>
<body><main><h1>Heap benchmark</h1><p>Some content.</p><button id="target">The target</button></main></body></html>`

type Split = { code: number; rest: number }

/** A heap snapshot's self sizes, summed: V8's compiled code, and the rest. */
async function snapshot(tab: Page): Promise<Split> {
  const cdp = await tab.context().newCDPSession(tab)
  await cdp.send('HeapProfiler.enable')
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage')
  const parts: string[] = []
  const listener = (e: { chunk: string }) => parts.push(e.chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', listener)
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  cdp.off('HeapProfiler.addHeapSnapshotChunk', listener)
  await cdp.detach()
  const heap = JSON.parse(parts.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] }
  const fields = heap.snapshot.meta.node_fields
  const types = heap.snapshot.meta.node_types[0]
  const [type, size, width] = [fields.indexOf('type'), fields.indexOf('self_size'), fields.length]
  const code = types.indexOf('code')
  const split = { code: 0, rest: 0 }
  for (let i = 0; i < heap.nodes.length; i += width) split[heap.nodes[i + type] === code ? 'code' : 'rest'] += heap.nodes[i + size]!
  return split
}

const kb = (n: number) => `${n < 0 ? '−' : '+'}${(Math.abs(n) / 1024).toFixed(1)} KB`

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-heap-'))
  for (const flow of FLOWS) {
    writeFileSync(join(dir, `${flow.kind}.html`), page(flow.kind))
    writeFileSync(join(dir, `${flow.kind}.js`), script(flow))
  }
  const site = await startStaticServer({ '/sdk/': DIST, '/': dir })
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const rows: string[] = []
  try {
    for (const flow of FLOWS) {
      const tab = await browser.newPage()
      tab.on('pageerror', (error) => console.error(`${flow.kind}: ${error.message}`))
      await tab.goto(`${site.url}/${flow.kind}.html`)
      await tab.evaluate(() => (window as unknown as { __ready: Promise<void> }).__ready)
      const readings = [await snapshot(tab)]
      for (let round = 0; round < ROUNDS; round++) {
        await tab.evaluate((n) => (window as unknown as { __cycles(n: number): Promise<void> }).__cycles(n), CYCLES)
        readings.push(await snapshot(tab))
      }
      await tab.close()
      const growth = readings.slice(1).map((r, i) => ({ code: r.code - readings[i]!.code, rest: r.rest - readings[i]!.rest }))
      const later = growth.slice(1).map((g) => g.rest)
      const worst = Math.max(...later)
      rows.push(`| ${flow.kind} | ${(readings[0]!.rest / 1024).toFixed(0)} KB + ${(readings[0]!.code / 1024).toFixed(0)} KB | ${growth.map((g) => `${kb(g.rest)} / ${kb(g.code)}`).join(' | ')} | ${worst <= GOAL ? 'met' : '**not met**'} |`)
    }
  } finally {
    await browser.close()
    await site.close()
    rmSync(dir, { recursive: true, force: true })
  }
  console.log(`bench:heap — headless Chromium, ${CYCLES} show/hide cycles per round; each cell: heap snapshot growth over the round, everything but compiled code / compiled code\n`)
  console.log(`| kind | after the first show (objects + code) | ${Array.from({ length: ROUNDS }, (_, i) => `round ${i + 1}`).join(' | ')} | rounds 2–${ROUNDS} ≤ +20 KB each |`)
  console.log(`|---|---:|${'---:|'.repeat(ROUNDS)}---|`)
  for (const row of rows) console.log(row)
}

await main()
