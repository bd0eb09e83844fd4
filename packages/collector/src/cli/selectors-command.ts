import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Flow } from '@cairn/protocol'
import { checkFlows } from '../check/check-flows.ts'
import { readFlowFiles } from '../flows/read-flow-files.ts'
import { flowFolders, UsageError, type FolderOptions } from './flow-folders.ts'
import type { Io } from './io.ts'
import { clickExpression, probeExpression, type Measure } from './probe-target.ts'
import { parseSamples, selectorWalks, where, type Walk } from './selector-pages.ts'
import { verdict, type Verdict } from './selector-verdict.ts'

export type SelectorsOptions = FolderOptions & { baseUrl?: string; login?: string; json?: boolean; urlSample?: string | string[] }
/** One checked target, as printed. */
export type SelectorRow = { flow: string; step: string; page: string; target: string } & Verdict

/** Signs in, in the page given. */
type Login = (page: Page) => Promise<void>
/** The cookies and storage a sign-in left, which each walk starts from. */
type SignedIn = Awaited<ReturnType<BrowserContext['storageState']>>

const CLICK_SETTLE_MS = 250
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']

/** The valid flows of every folder the options name (a refused file is `cairn check`'s to explain). */
async function loadFlows(flowsDir: string | undefined, opts: FolderOptions, io: Io): Promise<Flow[]> {
  const flows: Flow[] = []
  for (const { dir, context } of await flowFolders(flowsDir, opts, io)) {
    const folder = await readFlowFiles(dir).catch(() => {
      throw new UsageError(`the flows folder ${dir} does not exist or can't be read`)
    })
    const checked = checkFlows(folder.files, { ...context, now: io.now() })
    if (checked.refused.size) io.err(`cairn selectors: left out ${[...checked.refused].join(', ')} (run cairn check)`)
    flows.push(...checked.flows)
  }
  return flows
}

async function launch(): Promise<Browser> {
  const playwright = await import('playwright-core').catch(() => {
    throw new UsageError('needs playwright-core: npm install --save-dev playwright-core')
  })
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
  if (!existsSync(executablePath)) throw new UsageError(`no Chromium at ${executablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`)
  return playwright.chromium.launch({ executablePath, args: CHROMIUM_ARGS })
}

/** Opens a page; what went wrong when it could not be used. */
async function open(page: Page, url: string): Promise<string | undefined> {
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 })
    return response && response.status() >= 400 ? `the page answered HTTP ${response.status()}` : undefined
  } catch (error) {
    return `could not open the page: ${(error as Error).message.split('\n')[0]}`
  }
}

/**
 * Walks one flow's targets in a fresh page, as a user would meet them: opening a step's page only
 * when the browser is not on it already, and clicking a target the step is advanced by.
 */
async function walk(browser: Browser, w: Walk, baseUrl: string, samples: ReadonlyMap<string, string>, signedIn: SignedIn | undefined): Promise<SelectorRow[]> {
  const context = await browser.newContext(signedIn && { storageState: signedIn })
  const page = await context.newPage()
  try {
    const rows: SelectorRow[] = []
    let current: string | undefined
    for (const p of w.probes) {
      const at = where(p, w.start, current, baseUrl, samples)
      const row = { flow: w.flow, step: p.step, target: p.target }
      if ('skipped' in at) {
        rows.push({ ...row, page: '-', status: 'skipped', detail: at.skipped })
        continue
      }
      const failure = 'page' in at ? await open(page, at.page) : undefined
      current = page.url()
      if (failure !== undefined) {
        rows.push({ ...row, page: current, status: 'failed', detail: failure })
        continue
      }
      const v = verdict(await page.evaluate(probeExpression(p.target, p.waitMs)) as Measure | null, p.waitMs)
      rows.push({ ...row, page: current, ...v })
      if (v.status === 'ok' && p.click) {
        await page.evaluate(clickExpression(p.target))
        // A click that navigates starts the navigation a moment later; wait for it to land.
        await page.waitForTimeout(CLICK_SETTLE_MS)
        await page.waitForLoadState('load')
        current = page.url()
      }
    }
    return rows
  } finally {
    await context.close()
  }
}

/** Runs `make`, turning what it throws into a usage error. */
function usage<T>(make: () => T): T {
  try {
    return make()
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** The `--login` module's default export, bound to the base URL. */
async function loginScript(file: string, baseUrl: string): Promise<Login> {
  const module = (await import(pathToFileURL(file).href).catch((error: Error) => {
    throw new UsageError(`could not load the login script ${file}: ${error.message}`)
  })) as { default?: (page: Page, context: { baseUrl: string }) => unknown }
  const signIn = module.default
  if (typeof signIn !== 'function') throw new UsageError(`the login script ${file} must export a default function (page, { baseUrl })`)
  return async (page) => {
    await Promise.resolve(signIn(page, { baseUrl })).catch((error: Error) => {
      throw new UsageError(`the login script failed: ${error.message}`)
    })
  }
}

/** Runs the login script once, keeping what it left (cookies, storage) for every walk. */
async function signIn(browser: Browser, login: Login): Promise<SignedIn> {
  const context = await browser.newContext()
  try {
    await login(await context.newPage())
    return await context.storageState()
  } finally {
    await context.close()
  }
}

/** The rows as an aligned table, then a summary line. */
function table(rows: readonly SelectorRow[]): string {
  const header = { flow: 'flow', step: 'step', page: 'page', target: 'target', detail: 'result' }
  const all = [header, ...rows.map((r) => ({ ...r, detail: r.status === 'ok' ? 'ok' : `${r.status === 'failed' ? 'FAILED' : 'skipped'}: ${r.detail}` }))]
  const keys = ['flow', 'step', 'page', 'target'] as const
  const widths = keys.map((k) => Math.max(...all.map((r) => r[k].length)))
  const lines = all.map((r) => [...keys.map((k, i) => r[k].padEnd(widths[i] as number)), r.detail].join('  '))
  const failed = rows.filter((r) => r.status === 'failed').length
  const skipped = rows.filter((r) => r.status === 'skipped').length
  const summary = `${rows.length} target${rows.length === 1 ? '' : 's'}: ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
  return [...lines, '', summary].join('\n')
}

/**
 * `cairn selectors --base-url <url> [flowsDir]`: opens the page of each tour step and hotspot in real
 * Chromium, waits for its target as the SDK does, and reports whether it resolves to exactly one
 * visible element, inside the page and not covered. Exit 1 when any target fails, 2 on usage errors.
 */
export async function selectorsCommand(flowsDir: string | undefined, opts: SelectorsOptions, io: Io): Promise<number> {
  let browser: Browser | undefined
  try {
    if (!opts.baseUrl) throw new UsageError('--base-url is required: where the app under test runs, e.g. http://localhost:5173')
    const baseUrl = opts.baseUrl
    if (!URL.canParse(baseUrl)) throw new UsageError(`--base-url must be a URL (got ${JSON.stringify(baseUrl)})`)
    const samples = usage(() => parseSamples([opts.urlSample ?? []].flat(), baseUrl))
    const walks = selectorWalks(await loadFlows(flowsDir, opts, io))
    const login = opts.login === undefined ? undefined : await loginScript(resolve(io.cwd, opts.login), baseUrl)
    browser = await launch()
    const signedIn = login && await signIn(browser, login)
    const rows: SelectorRow[] = []
    for (const w of walks) rows.push(...await walk(browser, w, baseUrl, samples, signedIn))
    io.out(opts.json ? JSON.stringify({ targets: rows.length, failed: rows.filter((r) => r.status === 'failed').length, rows }, null, 2) : table(rows))
    return rows.some((r) => r.status === 'failed') ? 1 : 0
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.err(`cairn selectors: ${error.message}`)
    return 2
  } finally {
    await browser?.close()
  }
}
