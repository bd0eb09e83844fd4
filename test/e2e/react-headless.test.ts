import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from 'vite'
import type { Page } from 'playwright-core'
import type { ChecklistFlow } from '@cairn/protocol'
import { chromiumAvailable } from './harness/chromium.ts'
import { uniqueUser, until } from './harness/stack.ts'
import { startStaticServer, type StaticServer } from './harness/static-server.ts'
import { useFlowsFixture, watchedPage } from './flows-harness.ts'

const checklist: ChecklistFlow = {
  id: 'getting-started', kind: 'checklist', frequency: 'until_completed', trigger: {}, title: 'Get started',
  items: [
    { id: 'board', title: 'Create a board', completeOn: { event: 'board_created' } },
    { id: 'cards', title: 'Add two cards', completeOn: { event: 'card_created', count: 2 } },
    { id: 'hello', title: 'Say hello' },
  ],
}

const section = (page: Page) => page.getByRole('region', { name: 'Get started' })
const progress = (page: Page, text: string) => section(page).getByText(text, { exact: true }).waitFor()
const track = (page: Page, name: string) => page.evaluate((n) => (window as unknown as { sdk: { track(n: string): void } }).sdk.track(n), name)
const flush = (page: Page) => page.evaluate(() => (window as unknown as { sdk: { flush(): Promise<void> } }).sdk.flush())

describe.skipIf(!chromiumAvailable())('a React app (vite, @nanostores/react) drawing a headless checklist, in real Chromium with the real collector', () => {
  const fixture = useFlowsFixture([checklist])
  const out = mkdtempSync(join(tmpdir(), 'cairn-react-'))
  let app: StaticServer

  beforeAll(async () => {
    // The app as a team would build it: vite, React's JSX, `@cairn/sdk` as the npm package (its dist build).
    await build({
      configFile: false, logLevel: 'warn', root: resolve(import.meta.dirname, 'react-app'),
      build: { outDir: out, emptyOutDir: true, minify: false },
    })
    app = await startStaticServer({ '/': out })
  }, 60_000)
  afterAll(async () => {
    await app?.close()
    rmSync(out, { recursive: true, force: true })
  })

  it('ticks live when the page tracks, in another tab, on another device, and the results count it', async () => {
    const user = uniqueUser('react')
    const url = `${app.url}/?endpoint=${encodeURIComponent(fixture.collector.url)}&user=${user}`
    const tabs = await fixture.context()
    const { page: a1, watched } = await watchedPage(tabs)
    await a1.goto(url)
    await progress(a1, '0 of 3')
    await track(a1, 'board_created')
    await section(a1).getByRole('button', { name: '✓ Create a board' }).waitFor()
    await progress(a1, '1 of 3')

    // Another tab of the same browser: the tick from the first one, live.
    const a2 = await tabs.newPage()
    await a2.goto(url)
    await progress(a2, '1 of 3')
    await track(a1, 'card_created')
    await track(a1, 'card_created')
    await progress(a2, '2 of 3')

    // Another device: the ticks come from the collector's user state.
    await flush(a1)
    const { page: b1 } = await watchedPage(await fixture.context())
    await b1.goto(url)
    await progress(b1, '2 of 3')
    await section(b1).getByRole('button', { name: 'Say hello' }).click()
    await progress(b1, '3 of 3')
    await section(b1).getByRole('button', { name: 'Finish' }).click()
    await b1.getByText('Nothing to do.').waitFor()
    await flush(b1)
    // Cairn drew nothing itself.
    expect(await a1.locator('cairn-root').count()).toBe(0)
    expect(await b1.locator('cairn-root').count()).toBe(0)

    const results = await until('the results of the checklist', async () => {
      const r = (await (await fetch(`${fixture.collector.url}/v1/results/checklists/getting-started?key=sk_flows`)).json()) as { completed: number; items: { id: string; completed: number }[] }
      return r.completed >= 1 && r
    })
    expect(results.items.map((i) => [i.id, i.completed])).toEqual([['board', 1], ['cards', 1], ['hello', 1]])
    expect(results).toMatchObject({ shown: 1, completed: 1 })
    const state = await fixture.userState(user)
    expect(state.flows['getting-started']?.completedAt).toBeGreaterThan(0)
    expect(watched.errors).toEqual([])
  })
})
