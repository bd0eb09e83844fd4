import { afterAll, beforeAll } from 'vitest'
import type { Browser } from 'playwright-core'
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
