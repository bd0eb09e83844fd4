import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Flow } from '@cairn/protocol'
import { announcement } from '../widgets/flows.ts'
import { AXE_SOURCE, CHROMIUM, events, openPage, settled, showFlow, startHostFixture, violations, type HostFixture } from './widgets-host-harness.ts'

const fa = { locales: { fa: { title: 'حالت تیره آمد', body: 'از *تنظیمات* روشنش کنید.' } } }
const FLOWS: Record<string, Flow> = {
  modal: announcement('modal', { ...fa, cta: { label: 'Read more', url: '/docs/dark-mode' } }),
  top: announcement('banner', fa),
  bottom: announcement('banner', { ...fa, position: 'bottom' }),
  slideout: announcement('slideout', fa),
  hotspot: announcement('hotspot', { ...fa, target: '#launcher' }),
}

const run = existsSync(CHROMIUM)
if (!run) {
  if (process.env['CI']) throw new Error(`Chromium not found at ${CHROMIUM}: the announcement e2e suite needs it in CI`)
  console.warn(`\n⚠ SKIPPING the announcement e2e suite: no Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.\n`)
}

type Box = { top: number; bottom: number; left: number; right: number }
/** Rectangles of the page's button and of elements in the widget host (rounded). */
const rects = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const round = (r: DOMRect) => ({ top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right) })
    const inner = document.querySelector('cairn-root')?.shadowRoot?.querySelector(sel)
    return {
      target: round((document.getElementById('launcher') as HTMLElement).getBoundingClientRect()),
      box: inner ? round(inner.getBoundingClientRect()) : null,
      viewport: { width: innerWidth, height: innerHeight },
    }
  }, selector)
const press = (page: Page, selector: string) =>
  page.evaluate((sel) => (document.querySelector('cairn-root')?.shadowRoot?.querySelector(sel) as HTMLElement).click(), selector)
const until = (page: Page, selector: string) =>
  page.waitForFunction((sel) => {
    const el = document.querySelector('cairn-root')?.shadowRoot?.querySelector<HTMLElement>(sel)
    return !!el && !el.hidden && el.getBoundingClientRect().width > 0
  }, selector)

describe.runIf(run)('announcements in real Chromium', () => {
  let fixture: HostFixture

  beforeAll(async () => {
    fixture = await startHostFixture(FLOWS)
  })

  afterAll(async () => {
    await fixture?.close()
  })

  it.each([
    ['modal', '.backdrop .surface', 'escape'],
    ['top', '.surface.top', 'close'],
    ['bottom', '.surface.bottom', 'close'],
    ['slideout', '.surface.corner', 'close'],
  ] as const)('the %s renders under a strict CSP where it belongs, moves nothing in the page, and is dismissed', async (id, selector, how) => {
    const { page, record } = await openPage(fixture, 'page.html?csp=strict')
    const before = await rects(page, selector)
    await showFlow(page, id)
    await settled(page)
    const { target, box, viewport } = await rects(page, selector)
    expect(target).toEqual(before.target)
    const edge = { modal: null, top: 0, bottom: viewport.height, slideout: null }[id]
    if (id === 'top') expect(box?.top).toBe(edge)
    if (id === 'bottom') expect(box?.bottom).toBe(edge)
    if (id === 'slideout') expect(viewport.width - (box?.right ?? 0)).toBeGreaterThan(0)
    if (id === 'modal') expect(Math.abs((box!.left + box!.right) / 2 - viewport.width / 2)).toBeLessThanOrEqual(1)
    if (how === 'escape') await page.keyboard.press('Escape')
    else await press(page, '.close')
    expect(await events(page)).toEqual(['shown', `dismissed:0:${how}`])
    expect(await rects(page, selector).then((r) => r.box)).toBeNull()
    expect(await violations(page, record)).toEqual([])
    expect(record.errors).toEqual([])
    await page.close()
  })

  it.each(['ltr', 'rtl'] as const)('a hotspot beacon sits on the end corner of its target (%s), pulses, and opens a tooltip below it', async (dir) => {
    const lang = dir === 'rtl' ? 'fa' : 'en'
    const { page, record } = await openPage(fixture, `page.html?csp=strict&lang=${lang}&dir=${dir}`)
    await showFlow(page, 'hotspot')
    await until(page, '.beacon')
    await page.waitForTimeout(50)
    const { target, box } = await rects(page, '.beacon')
    const beacon = box as Box
    // Top-end: above the target's top edge by part of its size, at its end (right in LTR, left in RTL).
    expect(beacon.bottom).toBeGreaterThan(target.top)
    expect(beacon.top).toBeLessThan(target.top)
    if (dir === 'ltr') expect(Math.abs(beacon.right - target.right)).toBeLessThanOrEqual(2)
    else expect(Math.abs(beacon.left - target.left)).toBeLessThanOrEqual(2)
    expect(await page.evaluate(() => document.querySelector('cairn-root')?.shadowRoot?.querySelector('.beacon')?.getAnimations().length)).toBe(1)
    await press(page, '.beacon')
    await until(page, '.tip .surface')
    await page.waitForTimeout(50)
    const tip = (await rects(page, '.tip .surface')).box as Box
    expect(tip.top).toBeGreaterThanOrEqual(beacon.bottom)
    expect(await page.evaluate(() => document.querySelector('cairn-root')?.shadowRoot?.querySelector('.tip h2')?.textContent)).toBe(dir === 'rtl' ? 'حالت تیره آمد' : 'Dark mode is here')
    await page.keyboard.press('Escape')
    expect(await events(page)).toEqual(['shown', 'step:0', 'dismissed:0:escape'])
    expect(await violations(page, record)).toEqual([])
    await page.close()
  })

  it('no pulse under reduced motion', async () => {
    const { page } = await openPage(fixture, 'page.html', (p) => p.emulateMedia({ reducedMotion: 'reduce' }))
    await showFlow(page, 'hotspot')
    await until(page, '.beacon')
    expect(await page.evaluate(() => document.querySelector('cairn-root')?.shadowRoot?.querySelector('.beacon')?.getAnimations().length)).toBe(0)
    await page.close()
  })

  it.each([
    ['modal', 'en'], ['modal', 'fa'], ['top', 'en'], ['bottom', 'fa'], ['slideout', 'en'], ['slideout', 'fa'], ['hotspot', 'en'], ['hotspot', 'fa'],
  ] as const)('axe-core finds no violations in the %s (%s)', async (id, lang) => {
    const { page } = await openPage(fixture, `page.html?lang=${lang}`, (p) => p.addInitScript(AXE_SOURCE))
    await showFlow(page, id)
    if (id === 'hotspot') {
      // The pulse never finishes: wait for the tooltip instead of every animation.
      await until(page, '.beacon')
      await press(page, '.beacon')
      await until(page, '.tip .surface')
      await page.waitForTimeout(300)
    } else await settled(page)
    const found = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe
      const result = await axe.run(document)
      return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)
    })
    expect(found).toEqual([])
    await page.close()
  })
})
