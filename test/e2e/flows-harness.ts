import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request as forward } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import type { Flow, UserState } from '@cairn/protocol'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { asBundled, repoFile } from './harness/bare-imports.ts'
import { launchChromium } from './harness/chromium.ts'
import { startCollectorProcess, type CollectorProcess } from './harness/collector-process.ts'
import { preloadLinks } from './harness/preload-links.ts'

const DIST = resolve(import.meta.dirname, '../../packages/sdk/dist')
export const WRITE_KEY = 'pk_flows'
const SECRET_KEY = 'sk_flows'

/**
 * The host page's own script (a file: the CSP allows no inline script). It starts Cairn from the
 * script tag's `window.cairn` with the user, locale, content locale, feed and debug mode the URL asks for, and keeps every
 * lifecycle event a listener hears in `window.__events`.
 */
const pageScript = (endpoint: string, inline: unknown[]) => `
const params = new URLSearchParams(location.search)
const user = params.get('user')
const events = (window.__events = [])
const sdk = cairn.init({
  key: ${JSON.stringify(WRITE_KEY)},
  endpoint: ${JSON.stringify(endpoint)},
  ...(user && { user: { id: user } }),
  ...(params.get('locale') && { locale: params.get('locale') }),
  ...(params.get('contentLocale') && { contentLocale: params.get('contentLocale') }),
  ...(params.has('inline') && { flows: ${JSON.stringify(inline)} }),
  // ?feed: the floating what's-new launcher; ?feed=<selector>: the page's element opens the feed.
  ...(params.has('feed') && { feed: params.get('feed') ? { selector: params.get('feed') } : true }),
  limits: { perSession: 10, perDay: 20 },
})
for (const name of ['flow:shown', 'flow:step', 'flow:completed', 'flow:dismissed', 'flow:error', 'flow:held_out']) {
  sdk.on(name, (payload) => events.push({ event: name, ...payload }))
}
`

/** The npm build in a page: an ES module importing `esm/index.js`, which only tracks until asked. */
const npmScript = (endpoint: string) => `
import { init } from '/sdk/esm/index.js'
const sdk = init({ key: ${JSON.stringify(WRITE_KEY)}, endpoint: ${JSON.stringify(endpoint)} })
sdk.track('npm_page_viewed')
window.__sdk = sdk
window.__ready = true
`

/** A strict policy: scripts and styles from the page's origin only, Trusted Types on, reads from the collector. */
export const policy = (collector: string) =>
  `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${collector}; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'`

const html = (lang: string, body: string, scripts: string) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Acme Projects</title>${scripts}</head>
<body><main><h1>Projects</h1>${body}<button id="page-button" type="button">A button of the page</button></main></body></html>`

/** One request the pages made to the collector, with its answer as it went over the wire. */
export type Exchange = { method: string; path: string; ifNoneMatch: string | undefined; status: number }

/**
 * A pass-through proxy in front of the collector that logs each exchange. The browser's HTTP cache
 * sends `If-None-Match` by itself and hands the page a 200 from the cache after a 304, so the 304 is
 * only visible on the wire.
 */
async function loggingProxy(target: string): Promise<{ url: string; log: Exchange[]; close(): Promise<void> }> {
  const upstream = new URL(target)
  const log: Exchange[] = []
  const server = createServer((req, res) => {
    // A fresh upstream connection per request: a kept-alive one that the collector closes as it is
    // reused would fail the browser's request, which no real network in front of it would do.
    const out = forward({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, agent: false }, (answer) => {
      const header = req.headers['if-none-match']
      log.push({ method: req.method ?? '', path: new URL(req.url ?? '/', target).pathname, ifNoneMatch: header, status: answer.statusCode ?? 0 })
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    out.on('error', () => req.socket.destroy())
    req.pipe(out)
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: () => new Promise((done) => {
      server.closeAllConnections()
      server.close(() => done())
    }),
  }
}

/** Fields added to the project's config, or made from the host site's origin (`previewOrigins`). */
export type ProjectFields = Record<string, unknown> | ((site: string) => Record<string, unknown>)

/** Everything the flow suites talk to. */
export type FlowsFixture = {
  collector: CollectorProcess
  /** Every request the pages made to the collector (through a logging proxy). */
  exchanges: Exchange[]
  /** The host site: `/app/*` (the SPA, any path; `?preload` preloads the flows and the engine), `/plain.html` (tracks only), `/npm.html` (npm build), `/sdk/*` (dist). */
  site: string
  /** The project's flows folder, one `<id>.json` per flow (the collector re-reads a changed file). */
  flowsDir: string
  browser: Browser
  context(): Promise<BrowserContext>
  /** What the collector stored about a user (read with the secret key). */
  userState(userId: string): Promise<UserState>
  close(): Promise<void>
}

/**
 * {@link startFlowsFixture} before the tests of the enclosing `describe`, closed after them: the
 * returned fixture's fields are filled in once it is up.
 */
export function useFlowsFixture(flows: readonly Flow[], inline: readonly unknown[] = [], project: ProjectFields = {}): FlowsFixture {
  const fixture = {} as FlowsFixture
  let started: FlowsFixture | undefined
  beforeAll(async () => {
    Object.assign(fixture, (started = await startFlowsFixture(flows, inline, project)))
  }, 60_000)
  afterAll(async () => {
    await started?.close()
  }, 30_000)
  return fixture
}

/**
 * Starts the real collector with a temporary config whose project publishes `flows` (a flows folder
 * written here), a site serving host pages under a strict CSP + Trusted Types header, and Chromium.
 * `inline` flows are what the SPA page passes to `init({ flows })` when its URL has `?inline`;
 * `project` adds fields to the project's config (e.g. `{ locale: 'fa' }`), or makes them from the site's origin.
 */
export async function startFlowsFixture(flows: readonly Flow[], inline: readonly unknown[] = [], project: ProjectFields = {}): Promise<FlowsFixture> {
  if (!existsSync(join(DIST, 'cairn.js'))) throw new Error('packages/sdk/dist/cairn.js is missing: run `npm run build` first')
  const dir = mkdtempSync(join(tmpdir(), 'cairn-flows-'))
  mkdirSync(join(dir, 'flows'))
  for (const flow of flows) writeFileSync(join(dir, 'flows', `${flow.id}.json`), JSON.stringify(flow, null, 2))
  // The site first: a project's fields may name its origin (`previewOrigins`). Its pages read the
  // collector's address when they are asked for, once the collector is up.
  let endpoint = ''

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const path = url.pathname
    const lang = url.searchParams.get('locale') ?? 'en'
    const send = (type: string, body: string | Buffer, headers: Record<string, string> = {}) =>
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', ...headers }).end(body)
    const page = (body: string) => send('text/html', body, { 'content-security-policy': policy(endpoint) })
    if (path.startsWith('/app/')) {
      // `?preload`: the README's preloads of the flows and the engine, so that they come with cairn.js.
      const preload = url.searchParams.has('preload') ? preloadLinks(endpoint, WRITE_KEY) : ''
      page(html(lang, '<p>The app.</p>', `${preload}<script src="/sdk/cairn.js"></script><script src="/page.js"></script>`))
    } else if (path === '/plain.html') {
      page(html(lang, '<p>Only tracking here.</p>', `<script async src="/sdk/cairn.js" data-key="${WRITE_KEY}" data-endpoint="${endpoint}"></script>`))
    } else if (path === '/npm.html') {
      page(html(lang, '<p>The npm build.</p>', '<script type="module" src="/npm.js"></script>'))
    } else if (path === '/page.js') {
      send('text/javascript', pageScript(endpoint, [...inline]))
    } else if (path === '/npm.js') {
      send('text/javascript', npmScript(endpoint))
    } else if (repoFile(path)) {
      send('text/javascript', asBundled(readFileSync(repoFile(path)!, 'utf8')))
    } else {
      const file = join(DIST, normalize(path.replace(/^\/sdk\//, '/')).replace(/^(\.\.[/\\])+/, ''))
      if (!path.startsWith('/sdk/') || !file.startsWith(DIST) || !existsSync(file) || extname(file) !== '.js') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
        return
      }
      send('text/javascript', path.startsWith('/sdk/esm/') ? asBundled(readFileSync(file, 'utf8')) : readFileSync(file))
    }
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  writeFileSync(join(dir, 'cairn.config.json'), JSON.stringify({
    projects: [{ id: 'flows', writeKey: WRITE_KEY, secretKey: SECRET_KEY, flowsDir: './flows', ...(typeof project == 'function' ? project(site) : project) }],
    rateLimit: false,
  }))
  const collector = await startCollectorProcess(['--config', join(dir, 'cairn.config.json')])
  const proxy = await loggingProxy(collector.url)
  endpoint = proxy.url
  const browser = await launchChromium()
  const contexts: BrowserContext[] = []

  return {
    collector, site, browser,
    flowsDir: join(dir, 'flows'),
    exchanges: proxy.log,
    async context() {
      const context = await browser.newContext({ baseURL: site })
      contexts.push(context)
      return context
    },
    async userState(userId) {
      const response = await fetch(`${collector.url}/v1/users/${encodeURIComponent(userId)}/state?key=${SECRET_KEY}`)
      if (!response.ok) throw new Error(`user state: HTTP ${response.status} ${await response.text()}`)
      return (await response.json()) as UserState
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()))
      await browser.close().catch(() => {})
      await new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
      await proxy.close()
      await collector.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** What a page showed of itself: CSP violations (event and console), page errors, console lines. */
export type Watched = { violations: string[]; errors: string[]; console: string[] }

/**
 * A page in `context` that records CSP / Trusted Types violations (a listener that runs before any
 * page script, and Chromium's own reports), uncaught errors and console output.
 */
export async function watchedPage(context: BrowserContext): Promise<{ page: Page; watched: Watched }> {
  const page = await context.newPage()
  const watched: Watched = { violations: [], errors: [], console: [] }
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = [])
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`), true)
  })
  page.on('console', (message) => {
    watched.console.push(message.text())
    if (/Content Security Policy|Trusted Type/i.test(message.text())) watched.violations.push(message.text())
  })
  page.on('pageerror', (error) => watched.errors.push(String(error)))
  return { page, watched }
}

/** Violations seen by the page's listener plus those Chromium logged. */
export async function violations(page: Page, watched: Watched): Promise<string[]> {
  return [...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)), ...watched.violations]
}

/** Lifecycle events the page's listeners heard, as `event flowId reason?`. */
export async function heard(page: Page): Promise<string[]> {
  const events = await page.evaluate(() => (window as unknown as { __events: { event: string; flowId: string; reason?: string }[] }).__events)
  return events.map((e) => [e.event, e.flowId, e.reason].filter(Boolean).join(' '))
}
