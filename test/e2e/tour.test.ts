import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { TourFlow } from '@cairn/protocol'
import { AXE_SOURCE, axeViolations } from './harness/axe.ts'
import { chromiumAvailable } from './harness/chromium.ts'
import { uniqueUser, until } from './harness/stack.ts'
import { heard, useFlowsFixture, violations, watchedPage, type Watched } from './flows-harness.ts'

const PAGES = join(import.meta.dirname, 'pages')

/** A six-step tour across two pages of a classic (multi-page) site: late target, click, event, missing target. */
const welcome: TourFlow = {
  id: 'welcome', kind: 'tour',
  steps: [
    { id: 'hello', title: 'Welcome to Acme Boards', body: 'A short tour of your workspace.', url: '/app/home' },
    { id: 'projects', target: '#projects', title: 'Your projects', body: 'They load a moment after the page.', placement: 'right', url: '/app/home' },
    { id: 'create', target: '#new-project', title: 'Create a project', body: 'Click **New project**.', advanceOn: 'click', url: '/app/home' },
    { id: 'card', target: '#add-card', title: 'Add a card', advanceOn: { event: 'card_added' }, url: '/app/board' },
    { id: 'filters', target: '#filters', title: 'Filters', waitMs: 300, url: '/app/board' },
    { id: 'done', title: 'All set', url: '/app/board' },
  ],
  locales: {
    fa: {
      steps: [
        { title: 'به Acme Boards خوش آمدید', body: 'گشتی کوتاه در فضای کارتان.' }, { title: 'پروژه‌های شما', body: 'کمی بعد از صفحه می‌آیند.' },
        { title: 'یک پروژه بسازید', body: 'روی **پروژهٔ تازه** بزنید.' }, { title: 'یک کارت بیفزایید' }, { title: 'پالایه‌ها' }, { title: 'همه چیز آماده است' },
      ],
    },
  },
}

/** A tour whose second step lives on another route of a single-page app. */
const spa: TourFlow = {
  id: 'spa', kind: 'tour',
  steps: [{ id: 'here', title: 'Start here', url: '/app/home' }, { id: 'there', title: 'Now on the board', url: '/app/board' }],
}

const run = chromiumAvailable()

/** The demo product's behaviour on the fixture's pages (an init script: the pages' CSP allows no inline script). */
const PRODUCT = readFileSync(join(PAGES, 'tour-page.js'), 'utf8')

const shadow = (page: Page, selector: string) => page.locator(`cairn-root >> ${selector}`)
const dialog = (page: Page, name: string) => page.getByRole('dialog', { name })
const box = async (page: Page, locator: ReturnType<Page['locator']>) => {
  const b = await locator.boundingBox()
  if (!b) throw new Error('not on screen')
  return { left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height }
}

/**
 * Where `part` is painted in a screenshot of the tip: two screenshots of the tip's surroundings, with
 * and without `part`, and the mean x of the pixels that differ, as a fraction of the tip's width
 * (0: its left edge, 1: its right edge). Decoded in a blank page (no CSP), with a canvas.
 */
async function painted(page: Page, part: ReturnType<Page['locator']>, tip: { left: number; right: number; top: number; bottom: number }): Promise<number> {
  const margin = 16
  const clip = { x: tip.left - margin, y: tip.top - margin, width: tip.right - tip.left + 2 * margin, height: tip.bottom - tip.top + 2 * margin }
  const shown = await page.screenshot({ clip })
  await part.evaluate((el) => ((el as HTMLElement).style.visibility = 'hidden'))
  const hidden = await page.screenshot({ clip })
  await part.evaluate((el) => ((el as HTMLElement).style.visibility = ''))
  const blank = await page.context().newPage()
  const x = await blank.evaluate(async ([a, b]) => {
    const pixels = async (png: string) => {
      const img = new Image()
      img.src = `data:image/png;base64,${png}`
      await img.decode()
      const canvas = document.createElement('canvas')
      canvas.width = img.width
      canvas.height = img.height
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
      ctx.drawImage(img, 0, 0)
      return ctx.getImageData(0, 0, img.width, img.height)
    }
    const [one, two] = [await pixels(a as string), await pixels(b as string)]
    let n = 0
    let sum = 0
    for (let i = 0; i < one.data.length; i += 4) {
      const d = Math.abs(one.data[i]! - two.data[i]!) + Math.abs(one.data[i + 1]! - two.data[i + 1]!) + Math.abs(one.data[i + 2]! - two.data[i + 2]!)
      if (d > 30) {
        n++
        sum += (i / 4) % one.width
      }
    }
    return n ? sum / n : NaN
  }, [shown.toString('base64'), hidden.toString('base64')])
  await blank.close()
  return (x - margin) / (tip.right - tip.left)
}

describe.runIf(run)('tours in real Chromium', () => {
  const fixture = useFlowsFixture([welcome, spa])
  let context: BrowserContext

  beforeAll(async () => {
    context = await fixture.context()
    await context.addInitScript(PRODUCT)
  }, 60_000)

  const open = async (path: string, init?: string): Promise<{ page: Page; watched: Watched }> => {
    const { page, watched } = await watchedPage(context)
    if (init) await page.addInitScript(init)
    await page.setViewportSize({ width: 1100, height: 700 })
    await page.goto(path)
    await page.waitForFunction(() => 'cairn' in window)
    return { page, watched }
  }
  const showTour = (page: Page) => page.evaluate(() => (window as unknown as { cairn: { showTour(id: string): void } }).cairn.showTour('welcome'))

  it('walks across two pages: late target, click, reload resume, tracked event, missing target reported and skipped, keyboard to the end', async () => {
    const user = uniqueUser('tour')
    const { page, watched } = await open(`/app/home?user=${user}`)
    await page.focus('#new-project')
    await showTour(page)
    await dialog(page, 'Welcome to Acme Boards').waitFor()
    // Keyboard only: → moves on; the projects list renders late and the step waits for it.
    await page.keyboard.press('ArrowRight')
    await dialog(page, 'Your projects').waitFor()
    const target = await box(page, page.locator('#projects'))
    await until('the tip next to its target', async () => (await box(page, shadow(page, '.tip'))).left >= target.right)
    expect(await shadow(page, '.arrow').getAttribute('data-side')).toBe('right')
    // The live region says it 50 ms after the step (widgets/host/live-region.ts), so a repeat is read too.
    await until('the step announced', async () => (await page.getByRole('status').textContent()) === 'Your projects. 2 of 6')

    // A reload mid-tour resumes on the same step, without a new flow_shown.
    await page.reload()
    await page.waitForFunction(() => 'cairn' in window)
    await dialog(page, 'Your projects').waitFor()
    expect(await heard(page)).toEqual([])
    await page.keyboard.press('Enter')

    // A click step: the page's own button is clickable through the spotlight, and it navigates.
    await dialog(page, 'Create a project').waitFor()
    expect(await page.getByRole('button', { name: 'Next' }).count()).toBe(0)
    await page.locator('#new-project').click()
    await page.waitForURL(/\/app\/board/)
    await page.waitForFunction(() => 'cairn' in window)
    await dialog(page, 'Add a card').waitFor()

    // A step moved on by a tracked event; then a target that never appears is skipped.
    await page.locator('#add-card').click()
    await dialog(page, 'All set').waitFor()
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('CAIRN-ROOT')
    await page.keyboard.press('Enter')
    await until('the tour gone', async () => (await page.getByRole('dialog').count()) === 0)
    expect(await heard(page)).toEqual(['flow:step welcome', 'flow:error welcome target_missing', 'flow:step welcome', 'flow:completed welcome'])
    // The listener hears which selector never appeared.
    const missing = await page.evaluate(() => (window as unknown as { __events: { event: string }[] }).__events.filter((e) => e.event === 'flow:error'))
    expect(missing).toEqual([{ event: 'flow:error', flowId: 'welcome', kind: 'tour', reason: 'target_missing', stepIndex: 4, props: { selector: '#filters' } }])
    expect(await violations(page, watched)).toEqual([])
    expect(watched.errors).toEqual([])

    // The collector's funnel has it all, the missing target as such and not as a dismissal.
    await page.evaluate(() => (window as unknown as { cairn: { flush(): Promise<void> } }).cairn.flush())
    const funnel = await until('the funnel', async () => {
      const res = await fetch(`${fixture.collector.url}/v1/results/flows/welcome?key=sk_flows`)
      const body = (await res.json()) as { completed: number; dismissed: number; steps: { targetMissing: number; missingTargets: unknown[] }[] }
      return body.completed >= 1 && body
    })
    expect(funnel.dismissed).toBe(0)
    expect(funnel.steps.map((s) => s.targetMissing)).toEqual([0, 0, 0, 0, 1, 0])
    expect(funnel.steps[4]?.missingTargets).toEqual([{ selector: '#filters', people: 1 }])
    await page.close()
  }, 60_000)

  it('waits for an SPA route change to show a step that lives on another route', async () => {
    const { page, watched } = await open(`/app/home?user=${uniqueUser('spa')}`)
    await page.evaluate(() => (window as unknown as { cairn: { showTour(id: string): void } }).cairn.showTour('spa'))
    await dialog(page, 'Start here').waitFor()
    await page.keyboard.press('Enter')
    await until('the step hidden off its route', async () => (await page.getByRole('dialog').count()) === 0)
    await page.evaluate(() => history.pushState(null, '', '/app/board'))
    await dialog(page, 'Now on the board').waitFor()
    await page.keyboard.press('Enter')
    await until('completed', async () => (await heard(page)).includes('flow:completed spa'))
    expect(watched.errors).toEqual([])
    await page.close()
  }, 60_000)

  it('scrolls a far target into view (at once with reduced motion), shifts and flips at the viewport edges, and follows scrolls and target resizes', async () => {
    const { page, watched } = await open(`/app/home?user=${uniqueUser('follow')}`)
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.evaluate(() => {
      const spacer = document.createElement('div')
      spacer.style.blockSize = '1600px'
      const far = document.createElement('button')
      far.id = 'far'
      far.textContent = 'Far away'
      // At the right edge: the tip below it must shift left to stay on screen.
      Object.assign(far.style, { display: 'block', inlineSize: '60px', marginInlineStart: '1000px' })
      const trailer = document.createElement('div')
      trailer.style.blockSize = '1600px'
      document.body.append(spacer, far, trailer)
    })
    await page.evaluate(() => (window as unknown as { cairn: { showTour(flow: unknown): void } }).cairn.showTour({
      id: 'far-tour', kind: 'tour', steps: [{ id: 'far', target: '#far', title: 'Far away', placement: 'bottom' }, { id: 'end', title: 'End' }],
    }))
    await dialog(page, 'Far away').waitFor()
    // Reduced motion: the jump is instant, so the target is on screen at once (a smooth scroll takes ~300 ms).
    const jumped = await box(page, page.locator('#far'))
    expect(jumped.top).toBeGreaterThanOrEqual(0)
    expect(jumped.bottom).toBeLessThanOrEqual(700)
    const gap = async () => (await box(page, shadow(page, '.tip'))).top - (await box(page, page.locator('#far'))).bottom
    await until('the tip below its target', async () => (await gap()) >= 0)
    const shifted = await box(page, shadow(page, '.tip'))
    expect(shifted.right).toBeLessThanOrEqual(1100)
    expect(shifted.right - shifted.left).toBeGreaterThan(120)

    // Scrolled: the tip moves with the target.
    const before = await gap()
    await page.evaluate(() => window.scrollBy(0, 120))
    await until('the tip following the scroll', async () => Math.abs((await gap()) - before) < 1)

    // Near the bottom edge there is no room below: it flips above, and the arrow with it.
    await page.evaluate(() => {
      const far = document.querySelector('#far') as HTMLElement
      window.scrollBy(0, far.getBoundingClientRect().bottom - window.innerHeight + 20)
    })
    await until('the tip flipped above', async () => (await box(page, shadow(page, '.tip'))).bottom <= (await box(page, page.locator('#far'))).top)
    expect(await shadow(page, '.arrow').getAttribute('data-side')).toBe('top')

    // The target grows: the spotlight's cut-out follows it.
    await page.evaluate(() => ((document.querySelector('#far') as HTMLElement).style.blockSize = '90px'))
    await until('the cut-out around the grown target', async () => {
      const spot = await box(page, shadow(page, '.spot'))
      const far = await box(page, page.locator('#far'))
      return spot.top <= far.top && spot.bottom >= far.bottom && far.bottom - far.top >= 90
    })
    expect(watched.errors).toEqual([])
    await page.close()
  }, 60_000)

  it.each(['en', 'fa'] as const)('a step has no axe-core violations in %s, and in RTL the tip, arrow and buttons are mirrored', async (locale) => {
    const { page } = await open(`/app/home?user=${uniqueUser(`axe-${locale}`)}&locale=${locale}`, AXE_SOURCE)
    await showTour(page)
    await dialog(page, locale === 'fa' ? 'به Acme Boards خوش آمدید' : 'Welcome to Acme Boards').waitFor()
    await page.keyboard.press(locale === 'fa' ? 'ArrowLeft' : 'ArrowRight')
    const title = locale === 'fa' ? 'پروژه‌های شما' : 'Your projects'
    await dialog(page, title).waitFor()
    const target = await box(page, page.locator('#projects'))
    await until('the tip placed', async () => {
      const tip = await box(page, shadow(page, '.tip'))
      return locale === 'fa' ? tip.right <= target.left : tip.left >= target.right
    })
    expect(await shadow(page, '.arrow').getAttribute('data-side')).toBe(locale === 'fa' ? 'left' : 'right')
    const next = await box(page, shadow(page, 'button.primary'))
    const back = await box(page, page.getByRole('button', { name: locale === 'fa' ? 'قبلی' : 'Back' }))
    if (locale === 'fa') expect(next.right).toBeLessThanOrEqual(back.left)
    else expect(back.right).toBeLessThanOrEqual(next.left)
    await page.waitForTimeout(300)
    // The screenshot shows it: where the pixels that the arrow and the Next button paint are, relative to the tip.
    const tip = await box(page, shadow(page, '.tip'))
    const arrowX = await painted(page, shadow(page, '.arrow'), tip)
    const nextX = await painted(page, shadow(page, 'button.primary'), tip)
    if (locale === 'fa') {
      expect(arrowX).toBeGreaterThan(0.9)
      expect(nextX).toBeLessThan(0.5)
    } else {
      expect(arrowX).toBeLessThan(0.1)
      expect(nextX).toBeGreaterThan(0.5)
    }
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  }, 60_000)
})
