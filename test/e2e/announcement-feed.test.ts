import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { AnnouncementFlow, Flow } from '@cairn/protocol'
import { AXE_SOURCE, axeViolations as axe } from './harness/axe.ts'
import { chromiumAvailable } from './harness/chromium.ts'
import { uniqueUser, until } from './harness/stack.ts'
import { heard, useFlowsFixture, violations, watchedPage, WRITE_KEY } from './flows-harness.ts'

const DAY = 864e5
const iso = (t: number) => new Date(t).toISOString()
const entry = (id: string, title: string, fa: string, publishAt: number, extra: Partial<AnnouncementFlow> = {}): AnnouncementFlow => ({
  id, kind: 'announcement', style: 'modal', title, body: `All about ${title}.`, feed: true, publishAt: iso(publishAt),
  locales: { fa: { title: fa, body: `درباره ${fa}.` } }, ...extra,
})
const FEED: Flow[] = [
  entry('feed-boards', 'Shared boards', 'بوردهای مشترک', Date.now() - 60 * DAY),
  entry('feed-export', 'CSV export', 'خروجی CSV', Date.now() - 10 * DAY, { cta: { label: 'Read about it', url: '#export', newTab: false } }),
  entry('feed-dark', 'Dark mode', 'حالت تیره', Date.now() - 2 * DAY, { cta: { label: 'Show me', tour: 'feed-dark-tour' } }),
  entry('feed-future', 'Not yet', 'هنوز نه', Date.now() + 5 * DAY),
  entry('feed-expired', 'Gone', 'رفته', Date.now() - 90 * DAY, { expireAt: iso(Date.now() - DAY) }),
  { id: 'feed-dark-tour', kind: 'tour', steps: [{ id: 'switch', title: 'Find the switch' }] },
]
const STYLES: Flow[] = [
  { id: 'style-modal', kind: 'announcement', style: 'modal', trigger: { url: '/app/modal' }, title: 'A modal announcement', body: 'Read me.' },
  { id: 'style-slideout', kind: 'announcement', style: 'slideout', trigger: { url: '/app/slideout' }, title: 'A slide-out announcement' },
  { id: 'style-hotspot', kind: 'announcement', style: 'hotspot', target: '#page-button', trigger: { url: '/app/hotspot' }, title: 'A new button' },
  {
    id: 'welcome-back', kind: 'announcement', style: 'slideout', digest: true, trigger: { url: '/app/digest', inactiveDays: 14 },
    title: "What's new since your last visit",
  },
]

// A flow of one's own with the feed's reserved id, published and inline (`?inline`): both are refused.
const OWN_FEED = { id: 'cairn-feed', kind: 'announcement', style: 'banner', title: 'A flow of our own', trigger: {} } as Flow
const RESERVED = `the flow id "cairn-feed" is reserved for the what's-new feed`

type Cairn = { cairn: { flush(): Promise<void>; showFeed(): void } }
const flush = (page: Page) => page.evaluate(() => (window as unknown as Cairn).cairn.flush())
const shadow = (page: Page) => page.locator('cairn-root')
const entries = (page: Page) => shadow(page).getByRole('dialog').locator('h3').allTextContents()

describe.skipIf(!chromiumAvailable())("the what's-new feed and the announcement styles through the SDK and the collector, in real Chromium", () => {
  const fixture = useFlowsFixture([...FEED, ...STYLES, OWN_FEED], [OWN_FEED])

  it('the unread badge clears on open, and stays cleared in a second browser context for the same user', async () => {
    const user = uniqueUser('feed')
    const laptop = await fixture.context()
    const { page, watched } = await watchedPage(laptop)
    await page.addInitScript(AXE_SOURCE)
    await page.goto(`/app/home?user=${user}&feed`)
    const launcher = shadow(page).getByRole('button', { name: "What's new 3 new", exact: true })
    await launcher.waitFor()
    await launcher.click()
    const panel = shadow(page).getByRole('dialog', { name: "What's new" })
    await panel.waitFor()
    expect(await entries(page)).toEqual(['Dark mode New', 'CSV export New', 'Shared boards New'])
    expect(await axe(page)).toEqual([])
    await page.keyboard.press('Escape')
    await shadow(page).getByRole('button', { name: "What's new", exact: true }).waitFor()
    expect(await heard(page)).toEqual(['flow:shown cairn-feed manual'])
    await flush(page)
    await until('the opening in the collector', async () => (await fixture.userState(user)).flows['cairn-feed']?.shownAt !== undefined)
    expect(await violations(page, watched)).toEqual([])
    expect(watched.errors).toEqual([])

    const phone = await fixture.context()
    const other = (await watchedPage(phone)).page
    await other.goto(`/app/home?user=${user}&feed`)
    await shadow(other).getByRole('button', { name: /^What's new/ }).waitFor()
    expect(await shadow(other).getByRole('button', { name: /^What's new/ }).getAttribute('aria-expanded')).toBe('false')
    expect(await shadow(other).getByRole('button', { name: /^What's new/ }).textContent()).toBe("What's new")
    await phone.close()
    await laptop.close()
  })

  it('keyboard only, in Persian and right to left: showFeed() opens the panel with focus inside; Esc gives focus back to the launcher; axe is clean', async () => {
    const context = await fixture.context()
    const { page } = await watchedPage(context)
    await page.addInitScript(AXE_SOURCE)
    await page.goto(`/app/home?user=${uniqueUser('feed-fa')}&locale=fa&feed`)
    const launcher = shadow(page).getByRole('button', { name: 'تازه‌ها ۳ مورد تازه' })
    await launcher.waitFor()
    // The floating launcher sits at the inline end: the left in RTL.
    const box = (await launcher.boundingBox())!
    expect(box.x + box.width).toBeLessThan((page.viewportSize()?.width ?? 1280) / 2)
    expect(await launcher.evaluate((b) => b.closest('[dir]')?.getAttribute('dir'))).toBe('rtl')
    expect(await axe(page)).toEqual([])
    await launcher.focus()
    await page.evaluate(() => (window as unknown as Cairn).cairn.showFeed())
    const panel = shadow(page).getByRole('dialog', { name: 'تازه‌ها' })
    await panel.waitFor()
    expect(await panel.evaluate((p) => p.contains((p.getRootNode() as ShadowRoot).activeElement))).toBe(true)
    expect(await entries(page)).toEqual(['حالت تیره تازه', 'خروجی CSV تازه', 'بوردهای مشترک تازه'])
    expect(await axe(page)).toEqual([])
    await page.keyboard.press('Escape')
    await shadow(page).getByRole('button', { name: 'تازه‌ها', exact: true }).waitFor()
    expect(await page.evaluate(() => document.querySelector('cairn-root')?.shadowRoot?.activeElement?.textContent)).toBe('تازه‌ها')
    // Enter on the focused launcher opens it again.
    await page.keyboard.press('Enter')
    await panel.waitFor()
    await context.close()
  })

  it("an entry's link and tour, followed in the panel, reach the collector as that announcement's CTA clicks via the feed", async () => {
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    await page.goto(`/app/home?user=${uniqueUser('feed-cta')}&feed`)
    await shadow(page).getByRole('button', { name: "What's new 3 new", exact: true }).click()
    const panel = shadow(page).getByRole('dialog', { name: "What's new" })
    await panel.getByRole('link', { name: 'Read about it' }).click()
    expect(page.url()).toMatch(/#export$/)
    await panel.getByRole('button', { name: 'Show me' }).click()
    await shadow(page).getByRole('dialog', { name: 'Find the switch' }).waitFor()
    expect(await panel.count()).toBe(0)
    expect(await heard(page)).toEqual(['flow:shown cairn-feed manual', 'flow:step feed-export', 'flow:step feed-dark', 'flow:shown feed-dark-tour manual'])
    await flush(page)
    const results = (id: string) => until(`${id}'s click in the results`, async () => {
      const res = await fetch(`${fixture.collector.url}/v1/results/flows/${id}`, { headers: { authorization: 'Bearer sk_flows' } })
      const body = (await res.json()) as { announcement?: { ctaClicks: number } }
      return body.announcement?.ctaClicks === 1 && body
    })
    // Neither was shown on its own: the clicks count, the views and the rate of their own showings do not.
    for (const id of ['feed-export', 'feed-dark']) {
      expect((await results(id)).announcement).toEqual({
        views: 0, viewers: 0, ctaClicks: 1, ctaPeople: 1, ctaViaFeed: 1, dismissals: 0, dismissedPeople: 0, opens: 0, ctaRate: 0,
      })
    }
    expect(watched.errors).toEqual([])
    await context.close()
  })

  it("a flow of one's own named cairn-feed is refused by the collector (its file reported) and by the SDK (flow:error); the feed works", async () => {
    const listed = (await (await fetch(`${fixture.collector.url}/v1/flows`, { headers: { 'x-cairn-key': 'sk_flows' } })).json()) as { flows: Flow[]; errors: unknown[] }
    expect(listed.errors).toEqual([{ file: 'cairn-feed.json', path: '$.id', message: RESERVED }])
    expect(listed.flows.map((f) => f.id)).toContain('feed-dark')
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    await page.goto(`/app/home?user=${uniqueUser('feed-own')}&feed&inline`)
    await shadow(page).getByRole('button', { name: "What's new 3 new", exact: true }).click()
    expect(await entries(page)).toEqual(['Dark mode New', 'CSV export New', 'Shared boards New'])
    const errors = await page.evaluate(() => (window as unknown as { __events: { event: string }[] }).__events.filter((e) => e.event === 'flow:error'))
    expect(errors).toEqual([{ event: 'flow:error', flowId: 'cairn-feed', reason: 'invalid', props: { path: '$.id', message: RESERVED }, message: RESERVED }])
    expect(await shadow(page).getByRole('region', { name: 'A flow of our own' }).count()).toBe(0)
    expect(watched.errors).toEqual([])
    await context.close()
  })

  it("the page's own element as the launcher carries the unread count and opens the panel", async () => {
    const context = await fixture.context()
    const { page } = await watchedPage(context)
    await page.goto(`/app/home?user=${uniqueUser('feed-el')}&feed=%23page-button`)
    const button = page.locator('#page-button')
    await until('the unread count on the page button', async () => (await button.getAttribute('data-cairn-unread')) === '3')
    expect(await shadow(page).getByRole('button', { name: /What's new/ }).count()).toBe(0)
    await button.click()
    await shadow(page).getByRole('dialog', { name: "What's new" }).waitFor()
    expect(await button.getAttribute('aria-expanded')).toBe('true')
    expect(await button.getAttribute('data-cairn-unread')).toBeNull()
    await context.close()
  })

  it.each([
    ['modal', 'dialog', 'A modal announcement', 'escape'],
    ['slideout', 'dialog', 'A slide-out announcement', 'close'],
    ['hotspot', 'dialog', 'A new button', 'close'],
  ] as const)('a %s renders, is dismissed, and stays dismissed after a reload', async (style, role, name, how) => {
    const user = uniqueUser(`style-${style}`)
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    await page.goto(`/app/${style}?user=${user}`)
    if (style === 'hotspot') await shadow(page).getByRole('button', { name }).click()
    const box = shadow(page).getByRole(role, { name })
    await box.waitFor()
    if (how === 'close') await box.locator('button.close').click()
    else await page.keyboard.press('Escape')
    await until('gone', async () => (await box.count()) === 0)
    expect(await heard(page)).toEqual([`flow:shown style-${style} auto`, ...(style === 'hotspot' ? [`flow:step style-hotspot`] : []), `flow:dismissed style-${style} ${how}`])
    await flush(page)
    await page.reload()
    await page.waitForTimeout(1500)
    expect(await shadow(page).getByRole(role).count()).toBe(0)
    expect(await shadow(page).getByRole('button', { name }).count()).toBe(0)
    expect(watched.errors).toEqual([])
    await context.close()
  })

  it("a user back after 30 days gets the digest: what shipped while they were away, and only that", async () => {
    const context = await fixture.context()
    const away = Date.now() - 30 * DAY
    const base = `cairn:v1:${WRITE_KEY}:engine:`
    // This browser last saw the app 30 days ago (anonymous: the state is this device's own).
    await context.addInitScript(([prefix, state]) => {
      if (!localStorage.getItem(`${prefix}state`)) {
        localStorage.setItem(`${prefix}user`, '')
        localStorage.setItem(`${prefix}state`, state as string)
      }
    }, [base, JSON.stringify({ flows: {}, milestones: {}, events: {}, times: {}, auto: [], firstSeen: away - 60 * DAY, lastSeen: away, visit: { start: away } })])
    const { page } = await watchedPage(context)
    await page.goto('/app/digest')
    const box = shadow(page).getByRole('dialog', { name: "What's new since your last visit" })
    await box.waitFor()
    expect(await box.locator('h3').allTextContents()).toEqual(['Dark mode', 'CSV export'])
    await context.close()
  })
})
