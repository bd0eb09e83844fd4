import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { chromiumAvailable } from './harness/chromium.ts'
import { startStack, uniqueUser, until } from './harness/stack.ts'
import type { Stack } from './harness/stack.ts'

type CairnWindow = Window & {
  cairn: {
    identify(id: string, traits?: object): void
    track(name: string, props?: object): void
    flush(): Promise<void>
    _q?: unknown
  }
}

/** Opens a page and waits until the real SDK (not the snippet's stub) is `window.cairn`. */
async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(path)
  await page.waitForFunction(() => {
    const cairn = (window as unknown as Partial<CairnWindow>).cairn
    return typeof cairn?.track === 'function' && cairn._q === undefined
  })
  return page
}

/** The ids of the events this page's SDK has queued in localStorage. */
const queuedIds = (page: Page) => page.evaluate(() => Object.keys(localStorage)
  .filter((key) => key.includes(':q:'))
  .flatMap((key) => (JSON.parse(localStorage.getItem(key)!) as { e: { id: string }[] }).e.map((e) => e.id)))

describe.skipIf(!chromiumAvailable())('SDK core in real Chromium against a real collector', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.close()
  })
  beforeEach(() => {
    stack.proxy.setOffline(false)
  })

  it('script tag: initializes from its data attributes, sets window.cairn, and tracked events are stored', async () => {
    const user = uniqueUser('tag')
    const context = await stack.context()
    const page = await open(context, '/pages/script-tag.html')
    const api = await page.evaluate(() => Object.keys((window as unknown as CairnWindow).cairn).sort())
    expect(api).toEqual(expect.arrayContaining([
      'destroy', 'flush', 'identify', 'init', 'on', 'optIn', 'optOut', 'reset', 'showAnnouncement', 'showChecklist', 'showFeed', 'showSurvey', 'showTour', 'track',
    ]))
    await page.evaluate((id) => {
      const { cairn } = window as unknown as CairnWindow
      cairn.identify(id, { firstName: 'سارا' })
      cairn.track('project_created', { template: 'kanban' })
      cairn.track('task_completed')
      cairn.track('task_completed')
    }, user)
    const state = await until('the events in the collector', async () => {
      const s = await stack.userState(user)
      return s.events['task_completed'] === 2 && s
    })
    expect(state.events).toMatchObject({ project_created: 1, task_completed: 2 })
    await context.close()
  })

  it('snippet: calls made before cairn.js arrived are replayed in order', async () => {
    const user = uniqueUser('snippet')
    const context = await stack.context()
    const page = await context.newPage()
    const before = stack.proxy.batches.length
    await page.goto(`/pages/snippet.html?user=${user}`)
    expect(await page.evaluate(() => (window as unknown as { __stubbed: boolean }).__stubbed)).toBe(true)
    const state = await until('the replayed events', async () => {
      const s = await stack.userState(user)
      return s.events['snippet_second'] === 1 && s
    })
    expect(state.events).toMatchObject({ snippet_first: 1, snippet_second: 1 })
    const sent = stack.proxy.batches.slice(before).filter((b) => b.status === 200).flatMap((b) => b.names)
    expect(sent).toEqual(['identify', 'snippet_first', 'snippet_second'])
    await context.close()
  })

  it('offline, then online: events wait in the queue and go out when the browser is back online', async () => {
    const user = uniqueUser('offline')
    const context = await stack.context()
    const page = await open(context, '/pages/script-tag.html')
    await page.evaluate((id) => (window as unknown as CairnWindow).cairn.identify(id), user)
    await until('the identify event', async () => (await stack.userState(user)).firstSeen)
    await context.setOffline(true)
    await page.evaluate(() => {
      const { cairn } = window as unknown as CairnWindow
      for (let i = 0; i < 3; i++) cairn.track('offline_action', { i })
    })
    await page.waitForTimeout(3_000)
    expect((await queuedIds(page)).length).toBe(3)
    expect((await stack.userState(user)).events['offline_action']).toBeUndefined()
    await context.setOffline(false)
    await until('the offline events', async () => (await stack.userState(user)).events['offline_action'] === 3, 10_000)
    await until('the queue to empty', async () => (await queuedIds(page)).length === 0)
    await context.close()
  })

  it('an event tracked just before navigating away arrives', async () => {
    const user = uniqueUser('leave')
    const context = await stack.context()
    const page = await open(context, '/pages/script-tag.html')
    await page.evaluate((id) => (window as unknown as CairnWindow).cairn.identify(id), user)
    await until('the identify event', async () => (await stack.userState(user)).firstSeen)
    await page.evaluate(() => {
      ;(window as unknown as CairnWindow).cairn.track('clicked_upgrade')
      location.href = '/pages/blank.html'
    })
    await page.waitForURL('**/blank.html')
    await until('the last event', async () => (await stack.userState(user)).events['clicked_upgrade'] === 1)
    await context.close()
  })

  it('a reload with an unsent queue re-sends the same ids, once', async () => {
    const user = uniqueUser('reload')
    const context = await stack.context()
    const page = await open(context, '/pages/script-tag.html')
    stack.proxy.setOffline(true)
    await page.evaluate((id) => {
      const { cairn } = window as unknown as CairnWindow
      cairn.identify(id)
      for (let i = 0; i < 3; i++) cairn.track('before_reload', { i })
    }, user)
    await page.waitForTimeout(2_500)
    const queued = await queuedIds(page)
    expect(queued).toHaveLength(4)
    await page.reload()
    stack.proxy.setOffline(false)
    await until('the re-sent events', async () => (await stack.userState(user)).events['before_reload'] === 3)
    const delivered = stack.proxy.deliveredIds().filter((id) => queued.includes(id))
    expect(delivered.sort()).toEqual([...queued].sort())
    expect(stack.proxy.batches.filter((b) => b.ids.some((id) => queued.includes(id)) && b.status === 200).every((b) => b.duplicates === 0)).toBe(true)
    await context.close()
  })

  it('two tabs do not send duplicates, and a closed tab’s queue is delivered by the other', async () => {
    const user = uniqueUser('tabs')
    const context = await stack.context()
    const [one, two] = [await open(context, '/pages/script-tag.html'), await open(context, '/pages/script-tag.html')]
    const before = stack.proxy.batches.length
    await Promise.all([one, two].map((page, tab) => page.evaluate(([id, t]) => {
      const { cairn } = window as unknown as CairnWindow
      cairn.identify(id as string)
      for (let i = 0; i < 20; i++) cairn.track(`tab_${t}`, { i })
      void cairn.flush()
    }, [user, tab] as const)))
    await until('both tabs’ events', async () => {
      const s = await stack.userState(user)
      return s.events['tab_0'] === 20 && s.events['tab_1'] === 20
    })
    const ids = stack.proxy.batches.slice(before).filter((b) => b.status === 200).flatMap((b) => b.ids)
    expect(new Set(ids).size).toBe(ids.length)

    stack.proxy.setOffline(true)
    await one.evaluate(() => {
      for (let i = 0; i < 5; i++) (window as unknown as CairnWindow).cairn.track('closed_tab', { i })
    })
    const closing = await queuedIds(one)
    await one.close()
    // The closing tab tries a keepalive flush on pagehide; it fails, the queue stays for the other tab.
    await until('the pagehide flush', () => stack.proxy.batches.some((b) => b.status === 0 && closing.every((id) => b.ids.includes(id))))
    await two.waitForTimeout(1_000)
    stack.proxy.setOffline(false)
    await two.evaluate(() => (window as unknown as CairnWindow).cairn.flush())
    await until('the closed tab’s events', async () => (await stack.userState(user)).events['closed_tab'] === 5)
    const adopted = stack.proxy.batches.filter((b) => b.status === 200 && b.ids.some((id) => closing.includes(id)))
    expect(adopted.reduce((sum, b) => sum + (b.accepted ?? 0), 0)).toBe(5)
    await context.close()
  })

  it('keeps working when localStorage throws', async () => {
    const user = uniqueUser('nostorage')
    const context = await stack.context()
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('The operation is insecure.', 'SecurityError') } })
    })
    const errors: string[] = []
    const page = await context.newPage()
    page.on('pageerror', (error) => errors.push(String(error)))
    await page.goto('/pages/script-tag.html')
    await page.waitForFunction(() => typeof (window as unknown as Partial<CairnWindow>).cairn?.track === 'function')
    await page.evaluate((id) => {
      const { cairn } = window as unknown as CairnWindow
      cairn.identify(id)
      cairn.track('works_without_storage')
    }, user)
    await until('the event', async () => (await stack.userState(user)).events['works_without_storage'] === 1)
    expect(errors).toEqual([])
    await context.close()
  })

  it('a collector answering 500, then 429 with Retry-After, then 200: retried with backoff, stored once', async () => {
    const user = uniqueUser('faults')
    const context = await stack.context()
    const page = await open(context, '/pages/script-tag.html')
    const before = stack.proxy.batches.length
    stack.proxy.script({ status: 500 }, { status: 429, headers: { 'Retry-After': '3' } })
    await page.evaluate((id) => {
      const { cairn } = window as unknown as CairnWindow
      cairn.identify(id)
      cairn.track('survived_outage')
    }, user)
    await until('the event', async () => (await stack.userState(user)).events['survived_outage'] === 1, 20_000)
    const attempts = stack.proxy.batches.slice(before)
    expect(attempts.map((b) => b.status)).toEqual([500, 429, 200])
    expect(new Set(attempts.map((b) => b.ids.join()))).toHaveProperty('size', 1)
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(3_000)
    expect(new Set(attempts.map((b) => b.sentAt)).size).toBe(3)
    expect(attempts[2]).toMatchObject({ accepted: 2, duplicates: 0 })
    await context.close()
  })
})
