import { existsSync, lstatSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { chromiumAvailable, launchChromium } from '../e2e/harness/chromium.ts'
import { startStaticServer } from '../e2e/harness/static-server.ts'
import { until } from '../e2e/harness/stack.ts'
import { startNpxCollector, type NpxCollector } from './collector-process.ts'
import { installedProject, PACKAGES, ROOT, sh, type InstalledProject } from './project.ts'

type Protocol = typeof import('@cairn/protocol')

const get = async (url: string, secret?: string) => {
  const response = await fetch(url, secret ? { headers: { authorization: `Bearer ${secret}` } } : {})
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status} ${await response.text()}`)
  return response
}

describe.skipIf(!chromiumAvailable())('the packed tarballs, installed in a fresh project outside the repository', () => {
  let project: InstalledProject
  let collector: NpxCollector | undefined
  let browser: Browser | undefined

  beforeAll(async () => {
    project = await installedProject()
  })
  afterAll(async () => {
    await browser?.close()
    await collector?.stop()
    project?.remove()
  })

  it('installs real copies of the three packages, without their sources', () => {
    for (const name of PACKAGES) {
      const installed = join(project.dir, 'node_modules/@cairn', name)
      expect(lstatSync(installed).isSymbolicLink(), name).toBe(false)
      expect(existsSync(join(installed, 'src')), name).toBe(false)
      expect(existsSync(join(installed, 'dist')), name).toBe(true)
    }
    expect(existsSync(join(project.dir, 'node_modules/tsx')), 'tsx is no run-time dependency').toBe(false)
  })

  it('`npx cairn-collector --port 0` in a folder without a config: /health, a batch in, an NPS result out, the dashboard', async () => {
    const demo = await startNpxCollector(project.dir, ['--data-dir', join(project.dir, '.demo-data')])
    try {
      expect(await (await get(`${demo.url}/health`)).json()).toEqual({ status: 'ok', storage: 'pglite' })
      // The installed protocol package, from Node: its ids are what the collector accepts.
      const { uuidv7 } = (await import(join(project.dir, 'node_modules/@cairn/protocol/dist/index.js'))) as Protocol
      const id = () => uuidv7(Date.now(), crypto.getRandomValues(new Uint8Array(10)))
      const submissionId = id()
      const events = [{
        id: id(), ts: Date.now(), anonymousId: 'anon-installed', type: 'survey_answer', flowId: 'nps-quarterly',
        submissionId, questionId: 'score', answer: 10, final: true,
      }]
      const posted = await fetch(`${demo.url}/v1/batch`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ v: 1, key: 'pk_demo', sentAt: Date.now(), events }),
      })
      expect(await posted.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
      const results = (await (await get(`${demo.url}/v1/results/surveys/nps-quarterly`, 'sk_demo')).json()) as { responses: number; nps: { score: number } }
      expect(results.responses).toBe(1)
      expect(results.nps.score).toBe(100)
      // The demo project's flows and the dashboard's files come from inside the package.
      const flows = (await (await get(`${demo.url}/v1/flows?key=pk_demo`)).json()) as { flows: { id: string }[] }
      expect(flows.flows.map((f) => f.id)).toContain('nps-quarterly')
      expect(await (await get(`${demo.url}/dashboard/`)).text()).toContain('<script type="module"')
      expect(demo.stderr()).toContain('DEMO MODE')
    } finally {
      await demo.stop()
    }
  })

  it('a vite app with `import { init } from "@cairn/sdk"` shows a survey in Chromium; the answer is stored', async () => {
    await sh(project.dir, 'npx', ['--no-install', 'vite', 'build'])
    mkdirSync(join(project.server, 'data'))
    collector = await startNpxCollector(project.dir, ['--config', join(project.server, 'cairn.config.json'), '--data-dir', join(project.server, 'data')])
    const site = await startStaticServer({ '/': join(project.dir, 'dist') })
    try {
      browser = await launchChromium()
      const page = await browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(`${site.url}/?endpoint=${encodeURIComponent(collector.url)}&user=vite-user`)
      const survey = page.locator('cairn-root').getByRole('dialog', { name: 'How likely are you to recommend Cairn?' })
      await survey.getByRole('radio', { name: '9', exact: true }).click()
      await survey.getByRole('button', { name: 'Submit' }).click()
      await page.evaluate(() => (window as unknown as { sdk: { flush(): Promise<void> } }).sdk.flush())
      const stored = await until('the answer in the results', async () => {
        const results = (await (await get(`${collector!.url}/v1/results/surveys/install-nps`, 'sk_install')).json()) as { responses: number; nps: { promoters: number } }
        return results.responses === 1 && results
      })
      expect(stored.nps.promoters).toBe(1)
      expect(errors).toEqual([])
    } finally {
      await site.close()
    }
  })

  it('the installed cairn.js in a script tag tracks an event into the collector', async () => {
    if (!collector) throw new Error('the collector of the previous test is not running')
    const running = collector
    const site = await startStaticServer(
      { '/cairn/': join(project.dir, 'node_modules/@cairn/sdk/dist'), '/pages/': join(ROOT, 'test/install/pages') },
      () => ({ collector: running.url }),
    )
    try {
      browser ??= await launchChromium()
      const page = await browser.newPage()
      await page.goto(`${site.url}/pages/script-tag.html`)
      await page.waitForFunction(() => typeof (window as unknown as { cairn?: { track?: unknown } }).cairn?.track === 'function')
      await page.evaluate(() => {
        const cairn = (window as unknown as { cairn: { identify(id: string): void; track(name: string): void; flush(): Promise<void> } }).cairn
        cairn.identify('script-user')
        cairn.track('installed_from_script_tag')
        return cairn.flush()
      })
      const names = await until('the tracked event stored', async () => {
        const stored = (await (await get(`${running.url}/v1/users/script-user/export`, 'sk_install')).json()) as { tables: { events: { name?: string }[] } }
        const found = stored.tables.events.map((e) => e.name)
        return found.includes('installed_from_script_tag') && found
      })
      expect(names).toContain('installed_from_script_tag')
    } finally {
      await site.close()
    }
  })

  it('`tsc --noEmit` type-checks code using the public API against the installed types', async () => {
    await expect(sh(project.dir, 'npx', ['--no-install', 'tsc', '--noEmit', '-p', '.'])).resolves.toBe('')
  })
})
