import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AXE_SOURCE, axeViolations } from './harness/axe.ts'
import { chromiumAvailable, launchChromium } from './harness/chromium.ts'
import { startCollectorProcess, type CollectorProcess } from './harness/collector-process.ts'
import { dashboardHistory, sendHistory } from '../../demo/history.ts'

const CONFIG = resolve(import.meta.dirname, 'fixtures/dashboard/cairn.config.json')
const SHOTS = resolve(import.meta.dirname, '../.tmp/dashboard-screenshots')

describe.runIf(chromiumAvailable())('the dashboard in Chromium against a real collector', () => {
  let collector: CollectorProcess
  let browser: Browser
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    collector = await startCollectorProcess(['--config', CONFIG])
    await sendHistory(collector.url, 'pk_acme', dashboardHistory(Date.now()))
    browser = await launchChromium()
    mkdirSync(SHOTS, { recursive: true })
  })
  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()))
    await browser?.close()
    await collector?.stop()
  })

  /** A fresh browser that records CSP / Trusted Types violations and page errors. */
  async function open(locale = 'en'): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ locale, timezoneId: 'UTC', viewport: { width: 1280, height: 900 } })
    contexts.push(context)
    await context.addInitScript(AXE_SOURCE)
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => ((window as unknown as { cspViolations: string[] }).cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`))
    })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(e.message))
    return { context, page, problems }
  }

  const signIn = async (page: Page, key: string) => {
    await page.goto(`${collector.url}/dashboard/`)
    await page.getByLabel(/Secret key|کلید محرمانه/).fill(key)
    await page.getByRole('button', { name: /^(Sign in|ورود)$/ }).click()
  }

  const api = async <T>(path: string) => (await (await fetch(`${collector.url}${path}`, { headers: { Authorization: 'Bearer sk_acme_dashboard' } })).json()) as T

  it('a wrong key says so and sets no cookie', async () => {
    const { context, page } = await open()
    await signIn(page, 'sk_wrong')
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not the secret key of a project/)
    expect(await context.cookies()).toEqual([])
  })

  it('signs in; the tour page shows the numbers the API returns; axe finds nothing in en and fa; no CSP violation', async () => {
    for (const locale of ['en', 'fa']) {
      const { context, page, problems } = await open(locale)
      await signIn(page, 'sk_acme_dashboard')
      // The form's answer sets the cookie: wait for it rather than reading right after the click.
      await expect.poll(async () => (await context.cookies()).map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['cairn_session_acme', true, 'Strict']])
      await page.goto(`${collector.url}/dashboard/tours/welcome-tour`)
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
    const url = new URL(collector.url)
    await context.addCookies([{ name: 'cairn_session_acme', value: `${Math.floor(Date.now() / 1000) + 3600}.${'A'.repeat(43)}`, domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Strict' }])
    await page.goto(`${collector.url}/dashboard/`)
    await expect.poll(() => page.getByLabel('Secret key').count()).toBe(1)
  })
})
