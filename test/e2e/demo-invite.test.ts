import { describe, expect, it } from 'vitest'
import type { UserState } from '@cairn/protocol'
import { chromiumAvailable } from './harness/chromium.ts'
import { openDemo, useDemoStack } from './harness/demo-stack.ts'
import { until } from './harness/stack.ts'

/** The demo's two invite flows, as each demo account reads them (alex English, sara Persian). */
const TEXT = {
  alex: { tour: 'Welcome to Acme Boards, Alex!', hotspot: 'Invite your teammates', banner: 'New: invite your teammates', board: 'Launch plan', body: /Your first board is ready/ },
  sara: { tour: 'به Acme Boards خوش آمدید، سارا!', hotspot: 'هم‌تیمی‌هایتان را دعوت کنید', banner: 'تازه: هم‌تیمی‌هایتان را دعوت کنید', board: 'برنامهٔ انتشار', body: /اولین بوردتان آماده است/ },
}
const INVITES = ['announcement-invite-banner', 'announcement-invite-hotspot']

describe.skipIf(!chromiumAvailable())('the demo asks to invite teammates only once the first board exists', () => {
  const stack = useDemoStack()

  const state = async (user: string) =>
    (await (await fetch(`${stack.collector.url}/v1/users/${user}/state?key=sk_demo`)).json()) as UserState

  it.each(['alex', 'sara'] as const)('%s: never before the board_created milestone, then the hotspot on Invite and the banner', async (user) => {
    const t = TEXT[user]
    const { context, page, errors } = await openDemo(stack, user)
    const engine: string[] = []
    // The demo runs Cairn in debug mode: the engine says what it decided for each flow, and why.
    page.on('console', (message) => {
      if (message.text().startsWith('[cairn] ')) engine.push(message.text().slice(8))
    })
    const cairn = page.locator('cairn-root')
    const hotspot = cairn.getByRole('button', { name: t.hotspot, exact: true })
    const banner = cairn.getByRole('region', { name: t.banner, exact: true })
    /** The invite flows the engine decided to show so far. */
    const shown = () => INVITES.filter((id) => engine.some((line) => line.startsWith(`${id}: now`)))
    await page.goto('/')
    // A newcomer meets the welcome tour; Esc puts it away, which frees the screen for anything else.
    const tour = cairn.getByRole('dialog', { name: t.tour })
    await tour.waitFor()
    await page.keyboard.press('Escape')
    await tour.waitFor({ state: 'detached' })
    for (const id of INVITES) {
      await until(`the engine holding ${id} for the milestone`, async () => engine.some((line) => line.startsWith(`${id}: never: trigger milestone "board_created"`)))
    }
    // Clicking around without creating a board — help, a board, back — asks nothing.
    await page.click('#help-menu')
    await page.keyboard.press('Escape')
    await page.click('.boards a >> nth=0')
    await page.waitForURL('**/boards/**')
    await page.goBack()
    await cairn.getByRole('dialog', { name: t.tour }).waitFor({ state: 'detached' })
    await page.waitForTimeout(1000)
    expect(await hotspot.count()).toBe(0)
    expect(await banner.count()).toBe(0)
    expect(shown()).toEqual([])

    await page.click('#new-board')
    await page.fill('#board-form input[name=name]', t.board)
    await page.click('#board-form button[type=submit]')
    await hotspot.waitFor()
    await banner.waitFor()
    await hotspot.click()
    await cairn.getByRole('dialog', { name: t.hotspot }).getByText(t.body).waitFor()
    expect(shown()).toEqual(INVITES)

    // The collector agrees: the milestone first, the invites after it.
    await page.evaluate(() => (window as unknown as { cairn: { flush(): Promise<void> } }).cairn.flush())
    const stored = await until('the milestone and both showings in the collector', async () => {
      const s = await state(user)
      return s.milestones['board_created'] !== undefined && INVITES.every((id) => s.flows[id]?.shownAt !== undefined) && s
    })
    for (const id of INVITES) expect(stored.flows[id]!.shownAt).toBeGreaterThanOrEqual(stored.milestones['board_created']!)
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)
})
