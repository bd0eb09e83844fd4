import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { AnnouncementFlow, Flow, TourFlow } from '@cairn/protocol'
import { chromiumAvailable } from './harness/chromium.ts'
import { uniqueUser, until } from './harness/stack.ts'
import { heard, useFlowsFixture, violations, watchedPage } from './flows-harness.ts'

const DAY = 864e5
const iso = (t: number) => new Date(t).toISOString()
const banner: AnnouncementFlow = {
  id: 'due-dates', kind: 'announcement', style: 'banner', frequency: 'until_completed', trigger: { url: '/app/news' },
  title: 'Cards have due dates', publishAt: iso(Date.now() - DAY), expireAt: iso(Date.now() + 30 * DAY),
  locales: { fa: { title: 'کارت‌ها سررسید دارند' } },
}
const expired: AnnouncementFlow = {
  id: 'old-news', kind: 'announcement', style: 'banner', position: 'bottom', trigger: { url: '/app/news' }, title: 'Old news', expireAt: iso(Date.now() - DAY),
}
const scheduled: AnnouncementFlow = {
  id: 'future-news', kind: 'announcement', style: 'slideout', trigger: { url: '/app/news' }, title: 'Not yet', publishAt: iso(Date.now() + DAY),
}
const modal: AnnouncementFlow = {
  id: 'board-view', kind: 'announcement', style: 'modal', trigger: { url: '/app/cta' },
  title: 'A new board view', body: 'Columns you can fold.', cta: { label: 'Show me', tour: 'board-tour' },
}
const tour: TourFlow = { id: 'board-tour', kind: 'tour', steps: [{ id: 'fold', title: 'Fold a column here' }, { id: 'done', title: 'That is all' }] }
const PUBLISHED: Flow[] = [banner, expired, scheduled, modal, tour]

/** Names of the dialogs and regions in the widget host. */
const onScreen = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const root = document.querySelector('cairn-root')?.shadowRoot
    return [...(root?.querySelectorAll('[role="dialog"],[role="region"]') ?? [])]
      .map((box) => root?.getElementById(box.getAttribute('aria-labelledby') ?? '')?.textContent ?? '')
  })

describe.skipIf(!chromiumAvailable())('announcements through the SDK, the engine and the collector, in real Chromium', () => {
  const fixture = useFlowsFixture(PUBLISHED)

  it('shows only what is live; a dismissed banner stays dismissed after a reload and on another device', async () => {
    const user = uniqueUser('news')
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    await page.goto(`/app/news?user=${user}&locale=fa`)
    const region = page.locator('cairn-root').getByRole('region', { name: 'کارت‌ها سررسید دارند' })
    await region.waitFor()
    await page.waitForTimeout(1000)
    expect(await onScreen(page)).toEqual(['کارت‌ها سررسید دارند'])
    expect(await region.evaluate((box) => box.closest('[dir]')?.getAttribute('dir'))).toBe('rtl')
    await region.locator('button.close').click()
    expect(await heard(page)).toEqual(['flow:shown due-dates auto', 'flow:dismissed due-dates close'])
    await page.evaluate(() => (window as unknown as { cairn: { flush(): Promise<void> } }).cairn.flush())
    await until('the dismissal in the collector', async () => (await fixture.userState(user)).flows['due-dates']?.dismissedAt !== undefined)

    await page.reload()
    await page.waitForTimeout(1500)
    expect(await onScreen(page)).toEqual([])
    expect(await violations(page, watched)).toEqual([])
    expect(watched.errors).toEqual([])

    const phone = await fixture.context()
    const other = (await watchedPage(phone)).page
    await other.goto(`/app/news?user=${user}`)
    await other.waitForTimeout(2000)
    expect(await onScreen(other)).toEqual([])
    await phone.close()
    await context.close()
  })

  it("a tour call to action ends the announcement and starts the tour; the click reaches the collector's results", async () => {
    const user = uniqueUser('cta')
    const context = await fixture.context()
    const { page } = await watchedPage(context)
    await page.goto(`/app/cta?user=${user}`)
    const dialog = page.locator('cairn-root').getByRole('dialog', { name: 'A new board view', exact: true })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Show me' }).click()
    await page.locator('cairn-root').getByRole('dialog', { name: 'Fold a column here' }).waitFor()
    expect(await onScreen(page)).toEqual(['Fold a column here'])
    expect(await heard(page)).toEqual(expect.arrayContaining(['flow:shown board-view auto', 'flow:completed board-view', 'flow:shown board-tour manual']))
    await page.evaluate(() => (window as unknown as { cairn: { flush(): Promise<void> } }).cairn.flush())
    const results = await until('the click in the results', async () => {
      const res = await fetch(`${fixture.collector.url}/v1/results/flows/board-view`, { headers: { authorization: 'Bearer sk_flows' } })
      const body = (await res.json()) as { announcement?: { ctaClicks: number } }
      return body.announcement?.ctaClicks === 1 && body
    })
    expect(results.announcement).toMatchObject({ views: 1, viewers: 1, ctaClicks: 1, ctaPeople: 1, dismissals: 0 })
    await context.close()
  })
})
