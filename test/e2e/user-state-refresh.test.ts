import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { ChecklistFlow } from '@cairn/protocol'
import { chromiumAvailable } from './harness/chromium.ts'
import { uniqueUser, until } from './harness/stack.ts'
import { useFlowsFixture, watchedPage } from './flows-harness.ts'

const checklist: ChecklistFlow = {
  id: 'two-devices', kind: 'checklist', frequency: 'until_completed', trigger: { url: '/app/**' },
  title: 'Get started',
  items: [
    { id: 'board', title: 'Create a board', completeOn: { event: 'board_created' } },
    { id: 'invite', title: 'Invite a teammate', completeOn: { event: 'teammate_invited' } },
  ],
}

const panel = (page: Page) => page.locator('cairn-root').getByRole('dialog', { name: 'Get started', exact: true })
const marks = (page: Page) => panel(page).getByRole('img').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))
const stateReads = (page: Page) => {
  const urls: string[] = []
  page.on('request', (request) => request.url().includes('/v1/users/') && urls.push(request.url()))
  return urls
}
/** Without Playwright's focus emulation every page counts as focused; with it off, focus moves between tabs. */
const realFocus = async (context: BrowserContext, page: Page) =>
  (await context.newCDPSession(page)).send('Emulation.setFocusEmulationEnabled', { enabled: false })

describe.skipIf(!chromiumAvailable())('the user state read again when a page comes back, in real Chromium with the real collector', () => {
  const fixture = useFlowsFixture([checklist])

  it('a tick on device B shows on device A once A regains focus — not before, and not twice within 30 s', async () => {
    const user = uniqueUser('refresh')
    const url = `/app/projects/1?user=${user}`

    // Device A: the checklist, nothing ticked; a second tab to move the focus to and back.
    const deviceA = await fixture.context()
    const { page: a, watched } = await watchedPage(deviceA)
    await a.clock.install()
    const reads = stateReads(a)
    await a.goto(url)
    await panel(a).waitFor()
    expect(await marks(a)).toEqual(['not completed', 'not completed'])
    await until('A’s first read of the user state', () => reads.length === 1)
    const other = await deviceA.newPage()
    await realFocus(deviceA, a)
    await realFocus(deviceA, other)

    // Device B, the same user: ticks the board; the collector has it.
    const { page: b } = await watchedPage(await fixture.context())
    await b.goto(url)
    await panel(b).waitFor()
    await b.evaluate(() => (window as unknown as { cairn: { track(name: string): void } }).cairn.track('board_created'))
    await until('B’s tick', async () => (await marks(b))[0] === 'completed')
    await b.evaluate(() => (window as unknown as { cairn: { flush(): Promise<void> } }).cairn.flush())
    await until('the tick in the collector', async () => (await fixture.userState(user)).flows['two-devices']?.items?.['board'] !== undefined)

    // A regains focus within 30 s of its last read: no read, still unticked.
    await other.bringToFront()
    await a.bringToFront()
    await a.waitForTimeout(500)
    expect(reads).toHaveLength(1)
    expect(await marks(a)).toEqual(['not completed', 'not completed'])

    // Later, away and back again: one read, and the tick from B is there.
    await a.clock.fastForward(31_000)
    await other.bringToFront()
    await a.bringToFront()
    await until('A’s checklist ticked', async () => (await marks(a))[0] === 'completed')
    expect(reads).toHaveLength(2)
    await panel(a).getByText('1 of 2 done').waitFor()
    expect(watched.errors).toEqual([])
  })
})
