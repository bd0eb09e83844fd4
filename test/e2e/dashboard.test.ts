import { describe, expect, it } from 'vitest'
import { axeViolations } from './harness/axe.ts'
import { chromiumAvailable } from './harness/chromium.ts'
import { SECRET_KEY, SHOTS, useDashboardStack } from './harness/dashboard-stack.ts'

describe.runIf(chromiumAvailable())('the dashboard in Chromium against a real collector', () => {
  const stack = useDashboardStack()
  const { open, signIn, api } = stack

  it('a wrong key says so and sets no cookie', async () => {
    const { context, page } = await open()
    await signIn(page, 'sk_wrong')
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not the secret key of a project/)
    expect(await context.cookies()).toEqual([])
  })

  it('signs in; the tour page shows the numbers the API returns; axe finds nothing in en and fa; no CSP violation', async () => {
    for (const locale of ['en', 'fa']) {
      const { context, page, problems } = await open(locale)
      await signIn(page, SECRET_KEY)
      // The form's answer sets the cookie: wait for it rather than reading right after the click.
      await expect.poll(async () => (await context.cookies()).map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['cairn_session_acme', true, 'Strict']])
      await page.goto(`${stack.collector.url}/dashboard/tours/welcome-tour`)
      const funnel = await api<{ shown: number; steps: { reached: number }[] }>('/v1/results/flows/welcome-tour')
      const shown = new Intl.NumberFormat(locale === 'fa' ? 'fa' : 'en').format(funnel.shown)
      await expect.poll(() => page.locator('.stat-value').first().textContent()).toBe(shown)
      const reached = await page.locator('figure table tbody tr td:nth-child(2)').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value')))
      expect(reached).toEqual(funnel.steps.map((s) => String(s.reached)))
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'fa' ? 'rtl' : 'ltr')
      expect(await axeViolations(page)).toEqual([])
      await page.screenshot({ path: `${SHOTS}/tour-${locale}.png`, fullPage: true })
      expect(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])).toEqual([])
      expect(problems).toEqual([])
    }
  })

  it('a forged cookie is back to sign-in', async () => {
    const { context, page } = await open()
    const url = new URL(stack.collector.url)
    await context.addCookies([{ name: 'cairn_session_acme', value: `${Math.floor(Date.now() / 1000) + 3600}.${'A'.repeat(43)}`, domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Strict' }])
    await page.goto(`${stack.collector.url}/dashboard/`)
    await expect.poll(() => page.getByLabel('Secret key').count()).toBe(1)
  })
})
