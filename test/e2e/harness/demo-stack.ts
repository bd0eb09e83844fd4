import { afterAll, beforeAll } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startDemoServer, type DemoServer } from '../../../demo/server.ts'
import { launchChromium } from './chromium.ts'
import { startCollectorProcess, type CollectorProcess } from './collector-process.ts'

/** The demo as `npm start` serves it — a collector process and the demo server — and a Chromium. */
export type DemoStack = { collector: CollectorProcess; demo: DemoServer; browser: Browser }

/**
 * Starts the demo stack before the tests of the enclosing `describe` and stops it after them; the
 * fields are filled in once it is up.
 */
export function useDemoStack(): DemoStack {
  const stack = {} as DemoStack
  beforeAll(async () => {
    stack.collector = await startCollectorProcess()
    stack.demo = await startDemoServer({ collectorUrl: stack.collector.url })
    stack.browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await stack.browser?.close()
    await stack.demo?.close()
    await stack.collector?.stop()
  }, 30_000)
  return stack
}

/**
 * A fresh browser context on the demo, signed in as `user` when given (the demo's account picker
 * keeps it in `acme:user`), with a page whose uncaught errors are collected in `errors`. `clock`
 * installs Playwright's fake clock first, for tests that move the page's time.
 */
export async function openDemo(stack: DemoStack, user?: string, options: { clock?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await stack.browser.newContext({ baseURL: stack.demo.url })
  if (options.clock) await context.clock.install()
  if (user) await context.addInitScript((id) => localStorage.setItem('acme:user', id), user)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  return { context, page, errors }
}
