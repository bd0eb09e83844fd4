import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { dashboardHistory, sendHistory } from '../../../demo/history.ts'
import { AXE_SOURCE } from './axe.ts'
import { launchChromium } from './chromium.ts'
import { startCollectorProcess, type CollectorProcess } from './collector-process.ts'

const CONFIG = resolve(import.meta.dirname, '../fixtures/dashboard/cairn.config.json')
/** Where the dashboard suites save their screenshots (test artefacts, not committed). */
export const SHOTS = resolve(import.meta.dirname, '../../.tmp/dashboard-screenshots')
/** The secret key of the fixture's `acme` project. */
export const SECRET_KEY = 'sk_acme_dashboard'

/** A browser page that records CSP / Trusted Types violations (`window.cspViolations`) and page errors. */
export type Opened = { context: BrowserContext; page: Page; problems: string[] }

export type DashboardStack = {
  collector: CollectorProcess
  browser: Browser
  /** A fresh browser context in `locale` (UTC, 1280 × 900 unless `viewport`) with axe-core loaded. */
  open(locale?: string, viewport?: { width: number; height: number }): Promise<Opened>
  /** Submits the sign-in form with `key`. */
  signIn(page: Page, key: string): Promise<void>
  /** A results path read with the secret key; it must answer 200. */
  api<T = Record<string, any>>(path: string): Promise<T>
}

/**
 * Before the enclosing suite: the real collector on test/e2e/fixtures/dashboard, seeded with the
 * known history of `demo/history.ts`, and Chromium; every context and both closed after it.
 */
export function useDashboardStack(): DashboardStack {
  const contexts: BrowserContext[] = []
  const stack = {
    async open(locale = 'en', viewport = { width: 1280, height: 900 }) {
      const context = await stack.browser.newContext({ locale, timezoneId: 'UTC', viewport, acceptDownloads: true })
      contexts.push(context)
      await context.addInitScript(AXE_SOURCE)
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => ((window as unknown as { cspViolations: string[] }).cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`))
      })
      const page = await context.newPage()
      const problems: string[] = []
      page.on('pageerror', (e) => problems.push(e.message))
      return { context, page, problems }
    },
    async signIn(page, key) {
      await page.goto(`${stack.collector.url}/dashboard/`)
      await page.getByLabel(/Secret key|کلید محرمانه/).fill(key)
      await page.getByRole('button', { name: /^(Sign in|ورود)$/ }).click()
    },
    async api(path) {
      const res = await fetch(`${stack.collector.url}${path}`, { headers: { Authorization: `Bearer ${SECRET_KEY}` } })
      expect(res.status, path).toBe(200)
      return res.json()
    },
  } as DashboardStack
  beforeAll(async () => {
    stack.collector = await startCollectorProcess(['--config', CONFIG])
    await sendHistory(stack.collector.url, 'pk_acme', dashboardHistory(Date.now()))
    stack.browser = await launchChromium()
    mkdirSync(SHOTS, { recursive: true })
  })
  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()))
    await stack.browser?.close()
    await stack.collector?.stop()
  })
  return stack
}
