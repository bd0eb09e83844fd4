import { createServer, type Server } from 'node:http'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createBuilder } from 'vite'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { Flow } from '@cairn/protocol'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/** The Content-Security-Policy each `?csp=` value serves. */
export const POLICIES: Record<string, string> = {
  strict: "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'",
  nonce: "default-src 'self'; script-src 'self'; style-src 'self' 'nonce-c41rn'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'",
}

/**
 * The host page: a module script file (CSP `'self'` forbids inline scripts) that creates the widget
 * runtime from the built `runtime.js` and exposes `__show(flowId, ctx)` to the test.
 */
const PAGE_JS = `
import { createRuntime } from './runtime.js'
const params = new URLSearchParams(location.search)
if (params.get('lang')) document.documentElement.lang = params.get('lang')
if (params.get('dir')) document.documentElement.dir = params.get('dir')
const flows = await (await fetch('./flows.json')).json()
const options = JSON.parse(params.get('options') || '{}')
if (options.missingChunks) options.base = new URL('./missing/', location.href).href
// The engine hands its matchUrl to the runtime; this page has no tour whose steps name a url.
const runtime = createRuntime({ debug: true, matchUrl: () => true, ...options })
window.__events = []
window.__show = async (id, ctx = {}) => {
  const flow = flows[id]
  window.__handle = await runtime.mount(flow.kind, flow, {
    ...ctx,
    emit: (e) => window.__events.push({ type: e.type, stepIndex: e.stepIndex, stepId: e.stepId, reason: e.reason }),
  })
}
window.__anchor = async (placement, dir) => {
  const { anchor } = await import('./position.js')
  const target = document.getElementById('launcher')
  const box = document.createElement('div')
  box.textContent = 'A tip'
  // As in the widgets: the box carries the reading direction (it inherits the widget's dir).
  box.dir = dir
  box.style.setProperty('width', 'max-content')
  document.body.append(box)
  return new Promise((resolve) => {
    const stop = anchor(target, box, { placement, dir, placed(side) {
      stop()
      const t = target.getBoundingClientRect()
      const b = box.getBoundingClientRect()
      box.remove()
      resolve({ side, gap: Math.round(b.top - t.bottom), left: Math.round(b.left - t.left) + 0, right: Math.round(b.right - t.right) + 0 })
    } })
  })
}
window.__ready = true
`

const page = (extraHead: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host page</title>${extraHead}
<link rel="stylesheet" href="page.css"><script type="module" src="page.js"></script></head>
<body><main><h1>A host page</h1><p>Some of the product's own content.</p><button id="launcher" type="button">Launcher</button></main></body></html>`

/** The worst CSS a host page can throw at us (hostile.html only). */
const HOSTILE_CSS = `
*, *::before, *::after { all: unset !important; z-index: 2147483647 !important; }
html { font-size: 40px !important; line-height: 5 !important; color: red !important; letter-spacing: 3px !important; }
body { font-family: "Comic Sans MS", cursive !important; text-transform: uppercase !important; visibility: visible; cursor: wait !important; }
div, button, h2, p, span, a, ul, li { color: lime !important; background: black !important; margin: 50px !important; padding: 0 !important; display: inline !important; }
cairn-root { display: none !important; position: static !important; opacity: 0 !important; z-index: -1 !important; }
:root { --bg: red; --fg: red; --accent: red; --radius: 0px; }
#overlay { display: block !important; position: fixed !important; inset: 0 !important; background: rgb(255 0 0 / .2) !important; }
`

export interface HostFixture {
  url: string
  dir: string
  browser: Browser
  close(): Promise<void>
}

/**
 * Builds the widget chunks with the repository's own Vite config into a temp dir, writes the host
 * pages next to them, serves them on 127.0.0.1 (with the CSP `?csp=` asks for) and launches Chromium.
 */
export async function startHostFixture(flows: Record<string, Flow>): Promise<HostFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-widgets-'))
  const builder = await createBuilder({
    configFile: join(ROOT, 'vite.config.ts'),
    root: ROOT,
    logLevel: 'error',
    environments: { widgets: { build: { outDir: dir, emptyOutDir: true } } },
  })
  await builder.build(builder.environments['widgets']!)
  writeFileSync(join(dir, 'page.js'), PAGE_JS)
  writeFileSync(join(dir, 'page.css'), 'body { font: 16px/1.4 sans-serif; margin: 24px; }\n')
  writeFileSync(join(dir, 'hostile.css'), HOSTILE_CSS)
  writeFileSync(join(dir, 'page.html'), page(''))
  writeFileSync(join(dir, 'hostile.html'), page('<link rel="stylesheet" href="hostile.css">').replace('</main>', '</main><div id="overlay"></div>'))
  writeFileSync(join(dir, 'flows.json'), JSON.stringify(flows))

  const server = await serve(dir)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    browser,
    async close() {
      await browser.close()
      await new Promise((resolve) => server.close(resolve))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const file = join(dir, normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''))
    if (!file.startsWith(dir) || !existsSync(file) || extname(file) === '') {
      res.writeHead(404).end()
      return
    }
    const headers: Record<string, string> = { 'content-type': `${TYPES[extname(file)] ?? 'application/octet-stream'}; charset=utf-8` }
    const policy = POLICIES[url.searchParams.get('csp') ?? '']
    if (policy && extname(file) === '.html') headers['content-security-policy'] = policy
    res.writeHead(200, headers).end(readFileSync(file))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

/** What a page recorded: CSP violations (event and console), page errors, dialogs. */
export interface PageRecord {
  violations: string[]
  errors: string[]
  dialogs: string[]
}

/**
 * Opens a host page and waits until its runtime is ready. Violations are caught by a listener that
 * runs before any page script, and by Chromium's own console reports.
 */
export async function openPage(fixture: HostFixture, path: string, setup?: (page: Page) => Promise<unknown>): Promise<{ page: Page; record: PageRecord }> {
  const page = await fixture.browser.newPage()
  const record: PageRecord = { violations: [], errors: [], dialogs: [] }
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = [])
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`), true)
  })
  page.on('console', (msg) => {
    if (/Content Security Policy|Trusted Type/i.test(msg.text())) record.violations.push(msg.text())
  })
  page.on('pageerror', (error) => record.errors.push(String(error)))
  page.on('dialog', (dialog) => {
    record.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  if (setup) await setup(page)
  await page.goto(`${fixture.url}/${path}`)
  await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true)
  return { page, record }
}

/** Shows a flow from flows.json in the page and waits for its first lifecycle report. */
export async function showFlow(page: Page, id: string, ctx: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate(([flowId, context]) => (window as unknown as { __show(id: string, c: unknown): Promise<void> }).__show(flowId as string, context), [id, ctx] as const)
}

/** Waits until every animation in the widget host has finished (entrance fades), so styles are final. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const root = document.querySelector('cairn-root')?.shadowRoot
    await Promise.all([...(root?.querySelectorAll('*') ?? [])].flatMap((el) => el.getAnimations().map((a) => a.finished)))
  })
}

/** Lifecycle reports the page recorded, as `type:stepIndex:reason`. */
export async function events(page: Page): Promise<string[]> {
  const list = await page.evaluate(() => (window as unknown as { __events: { type: string; stepIndex?: number; reason?: string }[] }).__events)
  return list.map((e) => [e.type, e.stepIndex, e.reason].filter((x) => x !== undefined && x !== null).join(':'))
}

/** CSP violations seen by the page's listener plus those Chromium logged. */
export async function violations(page: Page, record: PageRecord): Promise<string[]> {
  return [...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)), ...record.violations]
}

/** The axe-core source, injected into non-CSP pages. */
export { AXE_SOURCE } from './harness/axe.ts'
