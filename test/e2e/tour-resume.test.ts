import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { TourFlow } from '@cairn/protocol'
import { chromiumAvailable } from './harness/chromium.ts'
import { uniqueUser } from './harness/stack.ts'
import { heard, useFlowsFixture, watchedPage } from './flows-harness.ts'

/** A four-step tour without a trigger: published, and the same steps handed to `showTour({ … })`. */
const published: TourFlow = {
  id: 'resume-tour', kind: 'tour',
  steps: [{ id: 'one', title: 'Step one' }, { id: 'two', title: 'Step two' }, { id: 'three', title: 'Step three' }, { id: 'four', title: 'Step four' }],
}
const inline = { ...published, id: 'resume-inline' }
const LOOPS = 10

const dialog = (page: Page, name: string) => page.getByRole('dialog', { name })
const show = (page: Page, arg: unknown) => page.evaluate((a) => (window as unknown as { cairn: { showTour(x: unknown): void } }).cairn.showTour(a), arg)
/** The shown step stays on screen: not hidden a moment later by a late answer (the user state, the flows). */
async function stays(page: Page, name: string) {
  await dialog(page, name).waitFor({ timeout: 10_000 })
  await page.waitForTimeout(250)
  expect(await dialog(page, name).isVisible(), name).toBe(true)
}

describe.runIf(chromiumAvailable())('a tour in progress resumes after a reload and on the next page (real Chromium, real collector)', () => {
  const fixture = useFlowsFixture([published])

  const cases = [
    ['published, shown by id', published.id, published.id],
    ['defined in code, shown with its definition', inline.id, inline],
  ] as const

  /** A fresh visitor (own storage, an identified user whose state the page fetches) on step two of the tour. */
  async function onStepTwo(arg: unknown) {
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    const user = uniqueUser('resume')
    await page.goto(`/app/home?user=${user}`)
    await show(page, arg)
    await dialog(page, 'Step one').getByRole('button', { name: 'Next' }).click()
    await dialog(page, 'Step two').waitFor()
    return { context, page, watched, user }
  }

  it.each(cases)(`%s: a reload whose page asks for the tour again at once resumes it on its step, ${LOOPS} times`, async (_, id, arg) => {
    for (let i = 0; i < LOOPS; i++) {
      const { context, page, watched } = await onStepTwo(arg)
      // The show*() lands while the collector's user state is on its way: it must neither hide nor restart the step.
      await page.reload()
      await show(page, arg)
      await stays(page, 'Step two')
      expect(await page.getByRole('dialog').count(), `loop ${i}`).toBe(1)
      expect(await heard(page), `loop ${i}`).toEqual([])
      expect(watched.errors).toEqual([])
      await context.close()
    }
  }, 120_000)

  it.each(cases)('%s: resumes after a reload and on the next page without being handed over, and is forgotten when it ends', async (_, id, arg) => {
    const { context, page, watched, user } = await onStepTwo(arg)
    await page.reload()
    await stays(page, 'Step two')
    await dialog(page, 'Step two').getByRole('button', { name: 'Next' }).click()
    await dialog(page, 'Step three').waitFor()
    // The next page of the visit, which defines nothing.
    await page.goto(`/app/board?user=${user}`)
    await stays(page, 'Step three')
    await dialog(page, 'Step three').getByRole('button', { name: 'Next' }).click()
    await dialog(page, 'Step four').getByRole('button', { name: 'Done' }).click()
    await page.waitForFunction(() => !document.querySelector('cairn-root')?.shadowRoot?.querySelector('[role=dialog]'))
    expect(await heard(page)).toEqual([`flow:step ${id}`, `flow:completed ${id}`])
    await page.reload()
    await page.waitForTimeout(300)
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('engine:live')).map((k) => localStorage.getItem(k)))).toEqual(['[]'])
    const state = await fixture.userState(user)
    expect(state.flows[id]).toMatchObject({ shownCount: 1, step: 3 })
    expect(state.flows[id]?.completedAt).toBeGreaterThan(0)
    expect(watched.errors).toEqual([])
    await context.close()
  }, 60_000)
})
