import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { UserState } from '@cairn/protocol'
import type { Browser, BrowserContext } from 'playwright-core'
import { launchChromium } from './chromium.ts'
import { startCollectorProcess } from './collector-process.ts'
import type { CollectorProcess } from './collector-process.ts'
import { startFaultProxy } from './fault-proxy.ts'
import type { FaultProxy } from './fault-proxy.ts'
import { startStaticServer } from './static-server.ts'
import type { StaticServer } from './static-server.ts'

const ROOT = resolve(import.meta.dirname, '../../..')
const DIST = resolve(ROOT, 'packages/sdk/dist')
const SNIPPET = resolve(ROOT, 'packages/sdk/src/loader/snippet.js')

/** Everything an end-to-end test talks to. */
export type Stack = {
  /** The real collector (child process). */
  collector: CollectorProcess
  /** The fault-injecting proxy the pages send to. */
  proxy: FaultProxy
  /** Host pages at `/pages/*.html`, the built SDK at `/sdk/*`. */
  site: StaticServer
  browser: Browser
  /** A fresh browser profile (its own localStorage). */
  context(): Promise<BrowserContext>
  /** What the collector stored for a user (read with the demo project's secret key). */
  userState(userId: string): Promise<UserState>
  close(): Promise<void>
}

/**
 * Starts a collector, a fault proxy in front of it, a static server for the host pages in
 * `test/e2e/pages` (`{{collector}}` is the proxy's URL, `{{snippet}}` the copy-paste snippet loading
 * `/sdk/cairn.js`) and Chromium. Needs the SDK built (`npm run build`; `npm test` does it first).
 */
export async function startStack(): Promise<Stack> {
  if (!existsSync(resolve(DIST, 'cairn.js'))) throw new Error('packages/sdk/dist/cairn.js is missing: run `npm run build` first')
  const collector = await startCollectorProcess()
  const proxy = await startFaultProxy(collector.url)
  const snippet = readFileSync(SNIPPET, 'utf8').replace(/"https:\/\/[^"]+\/cairn\.js"/, '"/sdk/cairn.js"')
  const site = await startStaticServer(
    { '/pages/': resolve(import.meta.dirname, '../pages'), '/sdk/': DIST },
    () => ({ collector: proxy.url, snippet }),
  )
  const browser = await launchChromium()
  const contexts: BrowserContext[] = []
  return {
    collector, proxy, site, browser,
    async context() {
      const context = await browser.newContext({ baseURL: site.url })
      contexts.push(context)
      return context
    },
    async userState(userId) {
      const response = await fetch(`${collector.url}/v1/users/${encodeURIComponent(userId)}/state?key=sk_demo`)
      if (!response.ok) throw new Error(`user state: HTTP ${response.status} ${await response.text()}`)
      return (await response.json()) as UserState
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()))
      await browser.close().catch(() => {})
      await site.close()
      await proxy.close()
      await collector.stop()
    },
  }
}

/** Polls `check` until it returns a truthy value; fails with `what` after `timeout` ms. */
type Falsy = false | null | undefined | 0 | ''
export async function until<T>(what: string, check: () => Promise<T | Falsy> | T | Falsy, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout
  let last: unknown
  for (;;) {
    try {
      const value = await check()
      if (value) return value as T
    } catch (error) {
      last = error
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** A user id no other test uses. */
export const uniqueUser = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
