import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { AnnouncementFlow, ChecklistFlow, TourFlow } from '@cairn/protocol'
import { AXE_SOURCE, axeViolations as axe } from './harness/axe.ts'
import { chromiumAvailable } from './harness/chromium.ts'
import { uniqueUser, until } from './harness/stack.ts'
import { useFlowsFixture, violations, watchedPage } from './flows-harness.ts'


const checklist: ChecklistFlow = {
  id: 'getting-started', kind: 'checklist', frequency: 'until_completed', trigger: { url: '/app/projects/**' },
  title: 'Get started', body: 'Four steps to your first board.',
  items: [
    { id: 'board', title: 'Create a board', completeOn: { event: 'board_created' } },
    { id: 'cards', title: 'Add two cards', completeOn: { event: 'card_created', count: 2 } },
    { id: 'hello', title: 'Say hello' },
    { id: 'tour', title: 'Take the tour', action: { tour: 'welcome' } },
  ],
  locales: { fa: { title: 'شروع کنید', body: 'چهار قدم تا اولین بورد.', items: [{ title: 'یک بورد بسازید' }, { title: 'دو کارت اضافه کنید' }, { title: 'سلام کنید' }, { title: 'گشت را ببینید' }] } },
}
const welcome: TourFlow = { id: 'welcome', kind: 'tour', steps: [{ id: 'hi', title: 'Welcome aboard' }] }
/** Declares the milestone `created_first_project` by waiting for it. */
const invite: AnnouncementFlow = { id: 'invite', kind: 'announcement', style: 'banner', title: 'Invite your team', trigger: { milestone: 'created_first_project' } }

const shadow = (page: Page) => page.locator('cairn-root')
const panel = (page: Page, name = 'Get started') => shadow(page).getByRole('dialog', { name, exact: true })
const launcher = (page: Page, count: string) => shadow(page).getByRole('button', { name: `Get started ${count}`, exact: true })
const track = (page: Page, name: string) => page.evaluate((n) => (window as unknown as { cairn: { track(n: string): void } }).cairn.track(n), name)
const flush = (page: Page) => page.evaluate(() => (window as unknown as { cairn: { flush(): Promise<void> } }).cairn.flush())
/** Milestones this page's `sdk.on('milestone')` heard. */
const listen = (page: Page) => page.evaluate(() => {
  const w = window as unknown as { cairn: { on(e: string, f: (p: { name: string }) => void): void }; __milestones: string[] }
  w.__milestones = []
  w.cairn.on('milestone', ({ name }) => w.__milestones.push(name))
})
const heardMilestones = (page: Page) => page.evaluate(() => (window as unknown as { __milestones: string[] }).__milestones)
/** The accessible text of what has focus, looking into the shadow root. */
const focused = (page: Page) => page.evaluate(() => {
  let el = document.activeElement
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
  return `${el?.getAttribute('role') ?? el?.tagName.toLowerCase()} ${el?.getAttribute('aria-label') ?? el?.textContent?.trim()}`
})

describe.skipIf(!chromiumAvailable())('the getting-started checklist in real Chromium, with the real collector', () => {
  const fixture = useFlowsFixture([checklist, welcome, invite])

  it('ticks items live in this tab and another, shows the same ticks on another device, and completes with one milestone', async () => {
    const user = uniqueUser('cl')
    const url = `/app/projects/1?user=${user}`
    const tabs = await fixture.context()
    const { page: a1, watched } = await watchedPage(tabs)
    await a1.goto(url)
    await panel(a1).waitFor()
    await listen(a1)
    await track(a1, 'board_created')
    await panel(a1).getByText('1 of 4 done').waitFor()
    await until('the tick announced', async () => (await shadow(a1).getByRole('status').textContent()) === 'Done: Create a board. 1 of 4 done')

    // A second tab of the same browser: the same checklist, resumed, and live ticks from the first tab.
    const a2 = await tabs.newPage()
    await a2.goto(url)
    await panel(a2).getByText('1 of 4 done').waitFor()
    await listen(a2)
    await track(a1, 'card_created')
    await track(a1, 'card_created')
    await panel(a2).getByText('2 of 4 done').waitFor()

    // Another device: the ticks come from the collector's user state.
    await flush(a1)
    const { page: b1 } = await watchedPage(await fixture.context())
    await b1.goto(url)
    await panel(b1).getByText('2 of 4 done').waitFor()
    expect(await panel(b1).getByRole('img', { name: 'completed', exact: true }).count()).toBe(2)

    // The last two items in the second tab: a hand tick and the tour (completed there).
    await panel(a2).getByRole('checkbox', { name: 'Say hello' }).click()
    await panel(a2).getByRole('button', { name: 'Take the tour' }).click()
    await shadow(a2).getByRole('dialog', { name: 'Welcome aboard' }).getByRole('button', { name: 'Done' }).click()
    await panel(a2).getByText('All done!').waitFor()
    await panel(a1).getByText('All done!').waitFor()
    // The celebration has its confetti; with reduced motion nothing of it animates.
    expect(await a1.evaluate(() => document.querySelector('cairn-root')!.shadowRoot!.querySelectorAll('.cl-bit').length)).toBe(8)
    await a2.emulateMedia({ reducedMotion: 'reduce' })
    expect(await a2.evaluate(() => document.querySelector('cairn-root')!.shadowRoot!.getAnimations().filter((a) => (a.effect as KeyframeEffect).target?.matches('.cl-bit')).length)).toBe(0)

    // One milestone between the two tabs, stored once for the user.
    expect([...(await heardMilestones(a1)), ...(await heardMilestones(a2))]).toEqual(['checklist_completed'])
    await panel(a1).getByRole('button', { name: 'Done' }).click()
    await Promise.all([flush(a1), flush(a2)])
    const state = await until('the milestone and the ticks in the collector', async () => {
      const s = await fixture.userState(user)
      return s.milestones['checklist_completed'] && Object.keys(s.flows['getting-started']?.items ?? {}).length === 4 && s
    })
    expect(state.flows['getting-started']?.completedAt).toBeGreaterThan(0)
    const results = await (await fetch(`${fixture.collector.url}/v1/results/checklists/getting-started?key=sk_flows`)).json()
    expect(results).toMatchObject({ completed: expect.any(Number) })
    const milestones = await (await fetch(`${fixture.collector.url}/v1/results/milestones?key=sk_flows`)).json()
    expect(milestones.milestones.find((m: { name: string }) => m.name === 'checklist_completed').reached).toBeGreaterThanOrEqual(1)
    expect(await violations(a1, watched)).toEqual([])
    expect(watched.errors).toEqual([])
  })

  it('a milestone two devices reach at once counts once for the user; a third device knows it and does not reach it again', async () => {
    const user = uniqueUser('ms')
    const url = `/app/projects/1?user=${user}`
    const banner = (page: Page) => shadow(page).getByRole('region', { name: 'Invite your team' })
    const [a, b] = [(await watchedPage(await fixture.context())).page, (await watchedPage(await fixture.context())).page]
    for (const page of [a, b]) {
      await page.goto(url)
      await panel(page).waitFor()
      await listen(page)
    }
    expect(await banner(a).count()).toBe(0)
    await Promise.all([track(a, 'created_first_project'), track(b, 'created_first_project')])
    await track(a, 'created_first_project')
    // Neither device could know of the other: each reports it once; the flow waiting for it shows.
    expect(await heardMilestones(a)).toEqual(['created_first_project'])
    expect(await heardMilestones(b)).toEqual(['created_first_project'])
    await banner(a).waitFor()
    await Promise.all([flush(a), flush(b)])
    await until('the milestone in the collector', async () => (await fixture.userState(user)).milestones['created_first_project'] !== undefined)

    const { page: c } = await watchedPage(await fixture.context())
    await c.goto(url)
    // The checklist shows once the collector's state is in, so the engine knows the milestone now.
    await panel(c).waitFor()
    await listen(c)
    await track(c, 'created_first_project')
    await flush(c)
    expect(await heardMilestones(c)).toEqual([])
    const results = await (await fetch(`${fixture.collector.url}/v1/results/milestones?key=sk_flows`)).json()
    expect(results.milestones.find((m: { name: string }) => m.name === 'created_first_project')).toMatchObject({ declared: true, reached: 1 })
  })

  it('works with the keyboard alone, focus following, and axe finds nothing (English)', async () => {
    const context = await fixture.browser.newContext({ baseURL: fixture.site, bypassCSP: true })
    const page = await context.newPage()
    await page.addInitScript(AXE_SOURCE)
    await page.goto(`/app/projects/1?user=${uniqueUser('keys')}`)
    await panel(page).waitFor()
    expect(await axe(page)).toEqual([])

    await page.focus('#page-button')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('checkbox Say hello')
    await page.keyboard.press('Space')
    await panel(page).getByText('1 of 4 done').waitFor()
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('button Take the tour')
    await page.keyboard.press('Enter')
    await shadow(page).getByRole('dialog', { name: 'Welcome aboard' }).waitFor()
    await page.keyboard.press('Enter')
    await launcher(page, '2 of 4').waitFor()
    await until('focus back on the launcher', async () => (await focused(page)) === 'button Get started2 of 4' && true)
    expect(await axe(page)).toEqual([])

    await page.keyboard.press('Enter')
    await panel(page).waitFor()
    expect(await focused(page)).toBe('h2 Get started')
    await page.keyboard.press('Escape')
    await launcher(page, '2 of 4').waitFor()
    expect(await focused(page)).toBe('button Get started2 of 4')
    await context.close()
  })

  it('minimized, it stays minimized after a reload; × dismisses it for good, here and on another device', async () => {
    const user = uniqueUser('dismiss')
    const url = `/app/projects/1?user=${user}&cairn_debug=1`
    const { page, watched } = await watchedPage(await fixture.context())
    await page.goto(url)
    await panel(page).getByRole('button', { name: 'Minimize' }).click()
    await launcher(page, '0 of 4').waitFor()
    await page.reload()
    await launcher(page, '0 of 4').waitFor()
    expect(await panel(page).count()).toBe(0)

    await launcher(page, '0 of 4').click()
    await panel(page).getByRole('button', { name: 'Close' }).click()
    await until('the checklist gone', async () => (await shadow(page).getByRole('dialog').count()) + (await shadow(page).getByRole('button').count()) === 0)
    await flush(page)
    const state = await until('the dismissal in the collector', async () => {
      const s = await fixture.userState(user)
      return s.flows['getting-started']?.dismissedAt !== undefined && s
    })
    expect(state.flows['getting-started']?.completedAt).toBeUndefined()
    const decided = (w: { console: string[] }) => until('the engine to decide', () => w.console.some((line) => /getting-started: never: frequency "until_completed"/.test(line)))
    watched.console.length = 0
    await page.reload()
    await decided(watched)
    expect(await shadow(page).getByRole('button', { name: /^Get started/ }).count()).toBe(0)
    expect(await panel(page).count()).toBe(0)

    // Another device knows from the collector.
    const other = await watchedPage(await fixture.context())
    await other.page.goto(url)
    await decided(other.watched)
    expect(await shadow(other.page).getByRole('button', { name: /^Get started/ }).count()).toBe(0)
    expect(await panel(other.page).count()).toBe(0)
  })

  it('in Persian: right to left with Persian digits, and axe finds nothing open or minimized', async () => {
    const context = await fixture.browser.newContext({ baseURL: fixture.site, bypassCSP: true })
    const page = await context.newPage()
    await page.addInitScript(AXE_SOURCE)
    await page.goto(`/app/projects/1?user=${uniqueUser('fa')}&locale=fa`)
    await panel(page, 'شروع کنید').getByText('۰ از ۴ انجام شد').waitFor()
    await track(page, 'board_created')
    await panel(page, 'شروع کنید').getByText('۱ از ۴ انجام شد').waitFor()
    const layout = await page.evaluate(() => {
      const root = document.querySelector('cairn-root')!.shadowRoot!
      const box = root.querySelector('[role=dialog]')!.getBoundingClientRect()
      return { dir: root.querySelector('.root')?.getAttribute('dir'), left: box.left, right: innerWidth - box.right }
    })
    // Mirrored: the corner panel sits at the bottom left.
    expect(layout.dir).toBe('rtl')
    expect(layout.left).toBeLessThan(layout.right)
    expect(await axe(page)).toEqual([])
    await shadow(page).getByRole('button', { name: 'کوچک کردن' }).click()
    await shadow(page).getByRole('button', { name: 'شروع کنید ۱ از ۴', exact: true }).waitFor()
    expect(await axe(page)).toEqual([])
    await context.close()
  })
})
