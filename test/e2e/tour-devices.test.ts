import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { TourFlow } from '@cairn/protocol'
import { chromiumAvailable } from './harness/chromium.ts'
import { uniqueUser, until } from './harness/stack.ts'
import { useFlowsFixture, watchedPage } from './flows-harness.ts'

/** Shows by itself on the app's pages; `once`, the default frequency. */
const tour: TourFlow = {
  id: 'across', kind: 'tour', trigger: { url: '/app/**' },
  steps: [
    { id: 'hello', title: 'Hello', body: 'A short tour.' },
    { id: 'button', title: 'This button', body: 'It does things.', target: '#page-button' },
    { id: 'projects', title: 'Your projects', body: 'They live here.' },
    { id: 'share', title: 'Sharing', body: 'Invite your team.' },
    { id: 'bye', title: 'That is all', body: 'Enjoy.' },
  ],
}

const tip = (page: Page, title: string) => page.locator('cairn-root').getByRole('dialog', { name: title, exact: true })
const next = (page: Page, title: string) => tip(page, title).getByRole('button', { name: 'Next', exact: true }).click()
const flush = (page: Page) => page.evaluate(() => (window as unknown as { cairn: { flush(): Promise<void> } }).cairn.flush())
/** What this page's `sdk.on()` listeners heard of the tour, as `event step?`. */
const heard = (page: Page) => page.evaluate(() =>
  (window as unknown as { __events: { event: string; flowId: string; stepIndex?: number }[] }).__events
    .filter((e) => e.flowId === 'across').map((e) => `${e.event}${e.stepIndex === undefined ? '' : ` ${e.stepIndex}`}`))

describe.skipIf(!chromiumAvailable())('a tour taken up on another device, in real Chromium with the real collector', () => {
  const fixture = useFlowsFixture([tour])

  it('device B opens the tour at the step device A reached; the newer step wins back on A; a completion ends it everywhere', async () => {
    const user = uniqueUser('devices')
    const url = `/app/projects/1?user=${user}`

    // Device A: the tour shows by itself; the reader goes to step 3 of 5.
    const { page: a } = await watchedPage(await fixture.context())
    await a.goto(url)
    await tip(a, 'Hello').getByText('1 of 5').waitFor()
    await next(a, 'Hello')
    await next(a, 'This button')
    await tip(a, 'Your projects').getByText('3 of 5').waitFor()
    await flush(a)
    const stored = await until('step 3 in the collector', async () => {
      const s = await fixture.userState(user)
      return s.flows['across']?.step === 2 && s.flows['across']
    })
    expect(stored.stepAt).toBeGreaterThanOrEqual(stored.shownAt!)

    // Device B (another browser context: its own storage and anonymous id), the same user.
    const { page: b, watched } = await watchedPage(await fixture.context())
    await b.goto(url)
    await tip(b, 'Your projects').getByText('3 of 5').waitFor()
    expect(await tip(b, 'Hello').count()).toBe(0)
    // Resuming is not showing again: no second flow_shown.
    expect(await heard(b)).toEqual([])
    await next(b, 'Your projects')
    await tip(b, 'Sharing').getByText('4 of 5').waitFor()
    expect(await heard(b)).toEqual(['flow:step 3'])
    await flush(b)
    await until('step 4 in the collector', async () => (await fixture.userState(user)).flows['across']?.step === 3)

    // Back on A, a reload: the newer step, taken on B, wins over A's own.
    await a.reload()
    await tip(a, 'Sharing').getByText('4 of 5').waitFor()
    await next(a, 'Sharing')
    await tip(a, 'That is all').getByRole('button', { name: 'Done', exact: true }).click()
    await tip(a, 'That is all').waitFor({ state: 'detached' })
    await flush(a)
    await until('the completion in the collector', async () => (await fixture.userState(user)).flows['across']?.completedAt !== undefined)

    // B again: completed on A, so nothing resumes (and `once` keeps it from showing afresh).
    watched.console.length = 0
    await b.goto(`${url}&cairn_debug=1`)
    await until('B’s engine to decide', async () => watched.console.some((line) => line.includes('across: never: frequency "once"')))
    expect(await b.locator('cairn-root').getByRole('dialog').count()).toBe(0)
    expect(watched.errors).toEqual([])
  })
})
