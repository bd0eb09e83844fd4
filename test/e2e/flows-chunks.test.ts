import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { AnnouncementFlow, ChecklistFlow, SurveyFlow, TourFlow } from '@cairn/protocol'
import { chromiumAvailable } from './harness/chromium.ts'
import { PATHS } from '../size/paths.ts'
import { fetched, waves } from './harness/request-waves.ts'
import { uniqueUser, until } from './harness/stack.ts'
import { heard, useFlowsFixture, violations, watchedPage } from './flows-harness.ts'

const ESM = resolve(import.meta.dirname, '../../packages/sdk/dist/esm')

const tour: TourFlow = { id: 'welcome', kind: 'tour', trigger: { url: '/app/projects/*' }, steps: [{ id: 'hello', title: 'Welcome aboard' }] }
const checklist: ChecklistFlow = {
  id: 'getting-started', kind: 'checklist', trigger: { url: '/app/projects/*' }, title: 'Get started',
  items: [{ id: 'project', title: 'Create a project', completeOn: { event: 'project_created' } }],
}
const banner: AnnouncementFlow = { id: 'news', kind: 'announcement', style: 'banner', title: 'News', trigger: { url: '/app/projects/*' } }
// Waits on its page for what the user does there: its widget's code is fetched while the page is idle.
const pulse: SurveyFlow = {
  id: 'settings-pulse', kind: 'survey', trigger: { url: '/app/settings', event: { name: 'settings_saved' } },
  questions: [{ id: 'easy', type: 'ces', prompt: 'How easy was that?' }],
}

/** Files a module imports statically (`import … from`, `import '…'`, `export … from`), transitively. */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    for (const [, spec] of source.matchAll(/^(?:import|export)\b[^'"()]*?['"](\.[^'"]+)['"]/gm)) visit(join(dirname(file), spec!))
  }
  visit(entry)
  return [...seen]
}

/** Paths of the SDK files (under /sdk/) the page requested, in order. */
function sdkRequests(page: Page): string[] {
  const paths: string[] = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (path.startsWith('/sdk/')) paths.push(path)
  })
  return paths
}

describe('the npm build: widgets are separate chunks', () => {
  it('nothing esm/index.js imports statically imports preact; the runtime chunk does', () => {
    const graph = staticGraph(join(ESM, 'index.js'))
    expect(graph.map((f) => f.slice(ESM.length + 1))).not.toContain('runtime.js')
    for (const file of graph) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from\s*["']preact/)
    // preact stays an import of the package (docs/packaging.md): the app's bundler brings one copy.
    expect(readFileSync(join(ESM, 'runtime.js'), 'utf8')).toMatch(/from\s*["']preact["']/)
    expect(readFileSync(join(ESM, 'index.js'), 'utf8')).toMatch(/import\("\.\/runtime\.js"\)/)
  })
})

describe.skipIf(!chromiumAvailable())('which chunks a page downloads, in real Chromium', () => {
  const fixture = useFlowsFixture([tour, checklist, banner, pulse])

  const batches = () => fixture.exchanges.filter((e) => e.method === 'POST' && e.path === '/v1/batch' && e.status === 200).length

  // The project has flows (for other pages), so the engine comes to decide about them; no widget does.
  // A project without flows loads cairn.js alone (test/sdk/lazy-engine.test.ts).
  it('a page that only tracks (script tag) downloads cairn.js and the engine, nothing else: no preact', async () => {
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    const requested = sdkRequests(page)
    const sent = batches()
    await page.goto('/plain.html')
    await page.waitForFunction(() => typeof (window as unknown as { cairn?: { flush?: unknown } }).cairn?.flush === 'function')
    await page.evaluate(() => {
      const sdk = (window as unknown as { cairn: { track(n: string): void; flush(): Promise<void> } }).cairn
      sdk.track('page_viewed')
      return sdk.flush()
    })
    await until('the batch to be accepted', () => batches() > sent)
    await until('the flows to be read', () => fixture.exchanges.some((e) => e.path === '/v1/flows'))
    await page.waitForTimeout(500)
    expect(requested.slice(0, 2)).toEqual(['/sdk/cairn.js', '/sdk/engine.js'])
    expect(requested.filter((p) => !/^\/sdk\/(cairn|engine|chunk-[\w-]+)\.js$/.test(p))).toEqual([])
    expect(requested.filter((p) => /runtime/.test(p))).toEqual([])
    expect(await violations(page, watched)).toEqual([])
    await context.close()
  })

  it('a page on the npm build downloads esm/index.js and the engine, no widget until a flow shows: then the runtime and that kind', async () => {
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    const requested = sdkRequests(page)
    // Its dependencies, which the page's server resolves as an app's bundler would (harness/bare-imports.ts).
    const preact: string[] = []
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/node_modules/preact/')) preact.push(request.url())
    })
    const sent = batches()
    await page.goto('/npm.html')
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true)
    await page.evaluate(() => (window as unknown as { __sdk: { flush(): Promise<void> } }).__sdk.flush())
    await until('the npm page\'s batch', () => batches() > sent)
    await page.waitForTimeout(500)
    expect(requested[0]).toBe('/sdk/esm/index.js')
    expect(requested).toContain('/sdk/esm/engine-chunk.js')
    expect(requested.filter((p) => /runtime|tour|survey|checklist|announcement/.test(p))).toEqual([])
    expect(preact).toEqual([])

    await page.evaluate(() => (window as unknown as { __sdk: { showTour(id: string): void } }).__sdk.showTour('welcome'))
    await page.locator('cairn-root').getByRole('dialog', { name: 'Welcome aboard' }).waitFor()
    expect(preact.length).toBeGreaterThan(0)
    expect(requested).toEqual(expect.arrayContaining(['/sdk/esm/index.js', '/sdk/esm/runtime.js', '/sdk/esm/tour.js']))
    expect(requested.filter((p) => /survey|checklist|announcement/.test(p))).toEqual([])
    expect(await violations(page, watched)).toEqual([])
    expect(watched.errors).toEqual([])
    await context.close()
  })

  // The request graph of a cold page (first visit, nothing cached) whose flows open with it: the
  // waterfall of issue #17 was nine waves; `npm run bench:cold` times it (docs/sdk-build.md).
  /** The page at `path` with a 100 ms round trip, once its three widgets are up: each SDK file and collector read with its wave. */
  async function coldGraph(path: string) {
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    const warnings: string[] = []
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()))
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 100, downloadThroughput: 1.5e6, uploadThroughput: 1.5e6 })
    await page.goto(path)
    await page.locator('cairn-root').getByRole('dialog', { name: 'Welcome aboard' }).waitFor()
    await page.locator('cairn-root').getByRole('region', { name: 'News' }).waitFor()
    await page.locator('cairn-root').getByRole('dialog', { name: 'Get started' }).waitFor()
    // Past Chromium's "preloaded but not used" check, which warns 3 s after the load event.
    if (path.includes('preload')) await page.waitForTimeout(3500)
    const list = (await fetched(page)).filter((f) => /^\/(sdk|v1)\//.test(f.path) && f.path !== '/v1/batch')
    expect(list.map((f) => f.path).sort()).toEqual([...new Set(list.map((f) => f.path))].sort())
    expect(watched.errors).toEqual([])
    expect(warnings.filter((w) => /preload/i.test(w))).toEqual([])
    await context.close()
    return Object.fromEntries(waves(list))
  }
  const widgetFiles = (wave: number) =>
    Object.fromEntries(['runtime', 'tour', 'position', 'chunk-dom-target', 'checklist', 'announcement'].map((name) => [`/sdk/${name}.js`, wave]))

  it("a page with the README's preloads: two waves after the HTML, the flows and the engine with cairn.js, every widget file next, nothing twice", async () => {
    expect(await coldGraph('/app/projects/1?preload')).toEqual({ '/sdk/cairn.js': 1, '/v1/flows': 1, '/sdk/engine.js': 1, ...widgetFiles(2) })
    // What the README's Sizes table says (test/size/paths.ts).
    for (const name of ['tour (with positioning)', 'checklist', 'announcement (no hotspot)']) expect(PATHS.find((p) => p.name === name)?.waves).toBe(2)
  })

  it('the script tag alone: four waves, the flows once cairn.js has run', async () => {
    expect(await coldGraph('/app/projects/1')).toEqual({ '/sdk/cairn.js': 1, '/v1/flows': 2, '/sdk/engine.js': 3, ...widgetFiles(4) })
  })

  it('a page where a flow waits for an event fetches its widget while idle, shows nothing, then shows it at once when the event comes', async () => {
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    const requested = sdkRequests(page)
    await page.goto(`/app/settings?user=${uniqueUser('ahead')}`)
    const ahead = ['/sdk/runtime.js', '/sdk/survey.js']
    await until('the runtime and survey chunks to be fetched ahead', () => ahead.every((p) => requested.includes(p)))
    // Only what may show here: the tour, checklist and banner live on /app/projects/*.
    expect(requested.filter((p) => /tour|checklist|announcement/.test(p))).toEqual([])
    await page.waitForTimeout(300)
    expect(await page.locator('cairn-root').getByRole('dialog').count()).toBe(0)
    const before = requested.length
    const ms = await page.evaluate(async () => {
      const root = () => document.querySelector('cairn-root')?.shadowRoot
      const t0 = performance.now()
      ;(window as unknown as { cairn: { track(name: string): void } }).cairn.track('settings_saved')
      // Bounded: past 5 s the locator below fails with its own message.
      while (!root()?.querySelector('[role="dialog"]') && performance.now() - t0 < 5000) await new Promise((done) => setTimeout(done, 1))
      return performance.now() - t0
    })
    await page.locator('cairn-root').getByRole('dialog', { name: 'How easy was that?' }).waitFor()
    // Nothing fetched between the event and the survey on screen.
    expect(requested.slice(before).filter((p) => p.endsWith('.js'))).toEqual([])
    expect(ms).toBeLessThan(1000)
    expect(await violations(page, watched)).toEqual([])
    expect(watched.errors).toEqual([])
    await context.close()
  })

  it('lazy chunks and what they import come from beside cairn.js, never from the page\'s root', async () => {
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
    })
    await page.goto(`/app/projects/1?user=${uniqueUser('chunk-base')}`)
    await page.locator('cairn-root').getByRole('dialog', { name: 'Get started' }).waitFor()
    // The hotspot imports position.js on demand.
    await page.evaluate(() =>
      (window as unknown as { cairn: { showAnnouncement(f: object): void } }).cairn.showAnnouncement({
        id: 'new-button', kind: 'announcement', style: 'hotspot', title: 'New button', target: '#page-button',
      }),
    )
    await until('position.js', () => scripts.includes('/sdk/position.js'))
    await page.waitForTimeout(300)
    expect(scripts.filter((p) => p !== '/page.js' && !p.startsWith('/sdk/'))).toEqual([])
    expect(watched.errors).toEqual([])
    await context.close()
  })

  it.each([
    ['a kind\'s chunk (tour.js)', '/sdk/tour.js', ['welcome']],
    ['the runtime chunk (runtime.js)', '/sdk/runtime.js', ['getting-started', 'news', 'welcome']],
  ])('%s failing to load is a flow:error chunk_failed; the page is unaffected', async (_, path, failed) => {
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    await page.route(`**${path}`, (route) => route.fulfill({ status: 404, body: 'gone' }))
    await page.goto(`/app/projects/1?user=${uniqueUser('chunks')}`)
    await until('the flow errors', async () => (await heard(page)).filter((l) => l.startsWith('flow:error')).length === failed.length)
    await page.waitForTimeout(300)
    const errors = (await heard(page)).filter((l) => l.startsWith('flow:error')).sort()
    expect(errors).toEqual(failed.map((id) => `flow:error ${id} chunk_failed`))
    if (failed.length === 1) {
      // The other kinds still show beside it.
      await page.locator('cairn-root').getByRole('dialog', { name: 'Get started' }).waitFor()
      await page.locator('cairn-root').getByRole('region', { name: 'News' }).waitFor()
    }
    await page.click('#page-button')
    expect(watched.errors).toEqual([])
    expect(await violations(page, watched)).toEqual([])
    await context.close()
  })
})
