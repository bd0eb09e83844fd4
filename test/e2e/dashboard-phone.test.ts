import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from './harness/axe.ts'
import { chromiumAvailable } from './harness/chromium.ts'
import { SECRET_KEY, SHOTS, useDashboardStack } from './harness/dashboard-stack.ts'

/** The narrowest phone the dashboard promises to be readable on (issue #14). */
const PHONE = { width: 360, height: 760 }
const PATHS = ['', 'retention', 'surveys/nps', 'surveys/pmf', 'tours/welcome-tour', 'checklists/getting-started', 'milestones', 'experiments']

/**
 * What on the page sticks out of the screen sideways, or is too small to tap: elements whose box
 * leaves [0, innerWidth] unless a scrolling box around them clips it (wide tables scroll inside their
 * figure), and links, buttons and fields under 24 × 24 px (WCAG 2.2 target size, which leaves out
 * links inside a line of text; a field's label counts as part of it).
 */
function phoneProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = []
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`
    const scrolls = (el: Element | null): boolean => {
      for (let p = el?.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p)
        if (/(auto|scroll|hidden|clip)/.test(style.overflowX)) return true
      }
      return false
    }
    if (document.documentElement.scrollWidth > innerWidth) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide`)
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue
      if ((box.left < -1 || box.right > innerWidth + 1) && !scrolls(el)) problems.push(`${name(el)} spans ${Math.round(box.left)}–${Math.round(box.right)} px`)
      if (!el.matches('a[href], button, input, select, [role="tab"]') || (el.matches('a') && getComputedStyle(el).display === 'inline')) continue
      // A radio button or checkbox is tapped through its label as well.
      const target = (el.matches('input') && el.closest('label')?.getBoundingClientRect()) || box
      if (target.width < 24 || target.height < 24) {
        problems.push(`${name(el)} "${el.textContent?.trim().slice(0, 30)}" is ${Math.round(box.width)} × ${Math.round(box.height)} px`)
      }
    }
    return problems
  })
}

describe.runIf(chromiumAvailable())('the dashboard on a 360 px phone, in Chromium against a real collector', () => {
  const stack = useDashboardStack()

  it.each(['en', 'fa'])('in %s, every page fits the screen, every control can be tapped, and axe finds nothing', async (locale) => {
    const { context, page, problems } = await stack.open(locale, PHONE)
    await stack.signIn(page, SECRET_KEY)
    await expect.poll(async () => (await context.cookies()).length).toBe(1)
    for (const path of PATHS) {
      await page.goto(`${stack.collector.url}/dashboard/${path}`)
      await page.locator('figure').first().waitFor()
      await expect.poll(() => page.locator('[aria-busy="true"], .loading').count()).toBe(0)
      await page.screenshot({ path: `${SHOTS}/phone-${path.replaceAll('/', '-') || 'overview'}-${locale}.png`, fullPage: true })
      expect(await phoneProblems(page), `/${path} in ${locale}`).toEqual([])
      expect(await axeViolations(page), `/${path} in ${locale}`).toEqual([])
    }
    expect(problems).toEqual([])
  })

  it('the navigation scrolls sideways within its bar and reaches the last page by keyboard', async () => {
    const { context, page } = await stack.open('fa', PHONE)
    await stack.signIn(page, SECRET_KEY)
    await expect.poll(async () => (await context.cookies()).length).toBe(1)
    const last = page.locator('.sidenav a').last()
    await last.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toMatch(/\/dashboard\/experiments(\?|$)/)
    const box = await page.locator('.sidenav a[aria-current="page"]').boundingBox()
    // Sub-pixel layout can leave the last link a fraction of a pixel past the edge.
    expect(box && box.x >= -1 && box.x + box.width <= PHONE.width + 1).toBe(true)
  })
})
