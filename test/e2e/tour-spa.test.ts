import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from 'vite'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { AnnouncementFlow, Flow, TourFlow } from '@cairn/protocol'
import { chromiumAvailable, launchChromium } from './harness/chromium.ts'
import { startCollectorProcess, type CollectorProcess } from './harness/collector-process.ts'
import { startStaticServer, type StaticServer } from './harness/static-server.ts'
import { until } from './harness/stack.ts'
import { heard } from './flows-harness.ts'

const SPA = join(import.meta.dirname, 'pages/spa')
const DIST = resolve(import.meta.dirname, '../../packages/sdk/dist')

/** A tour across the two routes of the SPA: click to the next route, a late target, a target in a shadow root, a tracked event. */
const tour: TourFlow = {
  id: 'spa-tour', kind: 'tour',
  steps: [
    { id: 'hello', title: 'Welcome to Acme Boards', url: '/spa' },
    { id: 'create', target: '#new-project', title: 'Create a project', body: 'Click **New project**.', advanceOn: 'click', url: '/spa' },
    { id: 'columns', target: '#columns', title: 'Your columns', body: 'They load a moment after the board.', placement: 'bottom', url: '/spa/board' },
    { id: 'filters', target: 'acme-toolbar >>> #filters', title: 'Filters', url: '/spa/board' },
    { id: 'card', target: '#add-card', title: 'Add a card', advanceOn: { event: 'card_added' }, url: '/spa/board' },
    { id: 'done', title: 'All set', url: '/spa/board' },
  ],
}
/** A tour whose second step waits on the board route, and a modal announcement that may show meanwhile. */
const away: TourFlow = {
  id: 'spa-away', kind: 'tour',
  steps: [{ id: 'here', title: 'Start here', url: '/spa' }, { id: 'there', title: 'Now on the board', url: '/spa/board' }],
}
const news: AnnouncementFlow = { id: 'spa-news', kind: 'announcement', style: 'modal', title: 'What is new', body: 'Boards have filters now.', trigger: { event: { name: 'news' } } }

const dialog = (page: Page, name: string) => page.getByRole('dialog', { name })
const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).boundingBox()
  if (!b) throw new Error(`${selector} is not on screen`)
  return { left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height }
}
const cairn = (page: Page, call: string, arg: string) =>
  page.evaluate(([c, a]) => (window as unknown as Record<string, Record<string, (x: string) => void>>)['cairn']![c!]!(a!), [call, arg])

describe.runIf(chromiumAvailable())('a tour in a Vite-built single-page app (real Chromium)', () => {
  let dir: string
  let collector: CollectorProcess
  let site: StaticServer
  let browser: Browser
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-spa-'))
    // The app as its team ships it: `vite build` of index.html + main.ts, served under /spa/.
    await build({ root: SPA, base: '/spa/', configFile: false, logLevel: 'error', build: { outDir: join(dir, 'app'), emptyOutDir: true } })
    mkdirSync(join(dir, 'flows'))
    for (const flow of [tour, away, news] as Flow[]) writeFileSync(join(dir, 'flows', `${flow.id}.json`), JSON.stringify(flow))
    writeFileSync(join(dir, 'cairn.config.json'), JSON.stringify({
      projects: [{ id: 'spa', writeKey: 'pk_spa', secretKey: 'sk_spa', flowsDir: './flows' }],
      rateLimit: false,
    }))
    ;[collector, site, browser] = await Promise.all([
      startCollectorProcess(['--config', join(dir, 'cairn.config.json')]),
      startStaticServer({ '/spa/': join(dir, 'app'), '/sdk/': DIST }, () => ({ collector: collector.url })),
      launchChromium(),
    ])
  }, 60_000)
  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()))
    await browser?.close().catch(() => {})
    await site?.close()
    await collector?.stop()
    rmSync(dir, { recursive: true, force: true })
  }, 30_000)

  /** A fresh visitor (own storage) on the app's projects route. */
  const visit = async () => {
    const context = await browser.newContext({ baseURL: site.url, viewport: { width: 1000, height: 700 } })
    contexts.push(context)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto('/spa/')
    await page.waitForFunction(() => '__events' in window)
    return { page, errors }
  }
  const loads = (page: Page) => page.evaluate(() => (window as unknown as { __loads: number }).__loads)

  it('walks two routes: click through the spotlight to the next route, late target, shadow-root target, reload resume, tracked event', async () => {
    const { page, errors } = await visit()
    await cairn(page, 'showTour', 'spa-tour')
    await dialog(page, 'Welcome to Acme Boards').waitFor()
    await page.keyboard.press('Enter')
    await dialog(page, 'Create a project').waitFor()

    // The click lands on the app's own button through the spotlight's hole; the app routes with pushState.
    await page.locator('#new-project').click()
    await page.waitForURL(/\/spa\/board$/)
    expect(await loads(page)).toBe(1)
    // The columns render 400 ms after the route: the step waits for them, then sits below them.
    await dialog(page, 'Your columns').waitFor()
    const columns = await box(page, '#columns')
    await until('the tip below the columns', async () => (await box(page, 'cairn-root >> .tip')).top >= columns.bottom)

    // A reload on the second route resumes on the same step, without a new flow:shown.
    await page.reload()
    await page.waitForFunction(() => '__events' in window)
    expect(await loads(page)).toBe(2)
    await dialog(page, 'Your columns').waitFor()
    expect(await heard(page)).toEqual([])
    // A Next step makes the rest of the page inert: a click on the app's own link lands on the spotlight's blocker.
    const link = await box(page, 'a[href="/spa/"]')
    await page.mouse.click((link.left + link.right) / 2, (link.top + link.bottom) / 2)
    await page.waitForTimeout(100)
    expect(new URL(page.url()).pathname).toBe('/spa/board')
    await dialog(page, 'Your columns').getByRole('button', { name: 'Next' }).click()

    // `acme-toolbar >>> #filters`: a button inside the toolbar's open shadow root.
    await dialog(page, 'Filters').waitFor()
    const filters = await box(page, 'acme-toolbar #filters')
    await until('the tip anchored to the shadow-root button', async () => {
      const tip = await box(page, 'cairn-root >> .tip')
      return tip.top >= filters.bottom || tip.bottom <= filters.top || tip.left >= filters.right || tip.right <= filters.left
    })
    expect(await page.locator('cairn-root >> .spot').count()).toBe(1)
    await page.keyboard.press('Enter')

    // The real action: the app tracks card_added, which moves the step on.
    await dialog(page, 'Add a card').waitFor()
    await page.locator('#add-card').click()
    await dialog(page, 'All set').waitFor()
    await page.keyboard.press('Enter')
    await until('completed', async () => (await heard(page)).includes('flow:completed spa-tour'))
    expect(await heard(page)).toEqual(['flow:step spa-tour', 'flow:step spa-tour', 'flow:step spa-tour', 'flow:completed spa-tour'])
    expect(errors).toEqual([])
  }, 30_000)

  it('is completed with the keyboard alone: Enter and arrows on the tip, Shift+Tab to reach the targets of the click and event steps', async () => {
    const { page, errors } = await visit()
    const focusOn = async (id: string) => {
      for (let i = 0; i < 8; i++) {
        if (await page.evaluate((want) => document.activeElement?.id === want, id)) return
        await page.keyboard.press('Shift+Tab')
      }
      throw new Error(`Shift+Tab never reached #${id}`)
    }
    await cairn(page, 'showTour', 'spa-tour')
    await dialog(page, 'Welcome to Acme Boards').waitFor()
    await page.keyboard.press('ArrowRight')
    await dialog(page, 'Create a project').waitFor()
    // An anchored step moves focus in without trapping it, so the reader can reach the target.
    await focusOn('new-project')
    await page.keyboard.press('Enter')
    await dialog(page, 'Your columns').waitFor()
    await page.keyboard.press('Enter')
    await dialog(page, 'Filters').waitFor()
    await page.keyboard.press('Enter')
    await dialog(page, 'Add a card').waitFor()
    await focusOn('add-card')
    await page.keyboard.press('Enter')
    await dialog(page, 'All set').waitFor()
    await page.keyboard.press('Enter')
    await until('completed', async () => (await heard(page)).includes('flow:completed spa-tour'))
    expect(await heard(page)).not.toContain('flow:dismissed spa-tour')
    // Focus goes back to where the reader was when the last step took it.
    await until('focus given back', () => page.evaluate(() => document.activeElement?.id === 'add-card'))
    expect(errors).toEqual([])
  }, 30_000)

  it('a tour waiting for its route holds no modal slot: an announcement shows meanwhile, and the tour resumes on its route once that is closed', async () => {
    const { page, errors } = await visit()
    await cairn(page, 'showTour', 'spa-away')
    await dialog(page, 'Start here').waitFor()
    await page.keyboard.press('Enter')
    await until('the tour off screen', async () => (await page.getByRole('dialog').count()) === 0)
    // The announcement's trigger fires while the tour waits for the board route: it gets the screen.
    await cairn(page, 'track', 'news')
    await dialog(page, 'What is new').waitFor()
    // The app's own link (clicked by the app's code: the modal makes the page inert) routes to the board.
    await page.evaluate(() => (document.querySelector('a[href="/spa/board"]') as HTMLElement).click())
    await page.waitForURL(/\/spa\/board$/)
    await page.waitForTimeout(400)
    // One modal at a time: the tour waits for the announcement.
    expect(await page.getByRole('dialog').count()).toBe(1)
    await page.keyboard.press('Escape')
    await dialog(page, 'Now on the board').waitFor()
    await page.keyboard.press('Enter')
    await until('completed', async () => (await heard(page)).includes('flow:completed spa-away'))
    expect(await heard(page)).toEqual([
      'flow:shown spa-away manual', 'flow:step spa-away', 'flow:shown spa-news auto', 'flow:dismissed spa-news escape', 'flow:completed spa-away',
    ])
    expect(errors).toEqual([])
  }, 30_000)
})
