import { describe, expect, it } from 'vitest'
import { chromiumAvailable } from './harness/chromium.ts'
import { openDemo, useDemoStack } from './harness/demo-stack.ts'
import { until } from './harness/stack.ts'
import type { UserState } from '@cairn/protocol'

type MilestoneResults = { milestones: { name: string; declared: boolean; reached: number }[] }

describe.skipIf(!chromiumAvailable())('the demo\'s getting-started checklist (what `npm start` serves)', () => {
  const stack = useDemoStack()

  it('ticks as the demo user creates a board and invites a teammate, and the results list those milestones', async () => {
    const { context, page, errors } = await openDemo(stack)
    await page.goto('/')
    const cairn = page.locator('cairn-root')
    // The demo's first account reads Persian.
    const checklist = cairn.getByRole('dialog', { name: 'شروع کار با Acme Boards', exact: true })
    await checklist.getByText('۰ از ۴ انجام شد').waitFor()
    // Other flows (the welcome tour, announcements) may cover the page: the app's own handlers are
    // driven directly, as a click would.
    await page.evaluate(() => document.getElementById('new-board')!.click())
    await page.fill('#board-form input[name=name]', 'نقشهٔ راه')
    await page.evaluate(() => (document.querySelector('#board-form button[type=submit]') as HTMLButtonElement).click())
    await checklist.getByText('۱ از ۴ انجام شد').waitFor()
    await page.evaluate(() => document.getElementById('invite')!.click())
    await page.fill('#invite-form input[name=email]', 'mehdi@example.com')
    await page.evaluate(() => (document.querySelector('#invite-form button[type=submit]') as HTMLButtonElement).click())
    await checklist.getByText('۲ از ۴ انجام شد').waitFor()
    await page.evaluate(() => (window as unknown as { cairn: { flush(): Promise<void> } }).cairn.flush())

    const results = await until('the milestones in the results', async () => {
      const r = (await (await fetch(`${stack.collector.url}/v1/results/milestones?key=sk_demo`)).json()) as MilestoneResults
      return r.milestones.find((m) => m.name === 'teammate_invited')?.reached === 1 && r
    })
    expect(results.milestones.filter((m) => m.declared).map((m) => m.name).sort())
      .toEqual(['activated', 'board_created', 'checklist_completed', 'teammate_invited'])
    expect(results.milestones.find((m) => m.name === 'board_created')?.reached).toBe(1)
    expect(errors).toEqual([])
    await context.close()
  })

  it('in English, every item by real actions — the first starts the welcome tour — then the celebration and both milestones', async () => {
    const { context, page, errors } = await openDemo(stack, 'alex')
    await page.goto('/')
    const cairn = page.locator('cairn-root')
    const checklist = cairn.getByRole('dialog', { name: 'Get started with Acme Boards', exact: true })
    await checklist.getByText('0 of 4 done').waitFor()
    // The welcome tour greets a newcomer by itself; put away, the checklist's first item starts it again.
    const greeting = cairn.getByRole('dialog', { name: 'Welcome to Acme Boards, Alex!' })
    await greeting.waitFor()
    await page.keyboard.press('Escape')
    await greeting.waitFor({ state: 'detached' })
    await checklist.getByRole('button', { name: 'Take the 30-second tour' }).click()
    await greeting.getByRole('button', { name: 'Next' }).click()
    await cairn.getByRole('dialog', { name: 'Start a board' }).waitFor()
    await page.click('#new-board')
    await cairn.getByRole('dialog', { name: 'Name it and create it' }).waitFor()
    await page.fill('#board-form input[name=name]', 'Roadmap')
    await page.click('#board-form button[type=submit]')
    await cairn.getByRole('dialog', { name: 'Here it is' }).waitFor()
    await page.click('#boards li:last-child a')
    await page.waitForURL('**/boards/**')
    await cairn.getByRole('dialog', { name: 'Add your first card' }).waitFor()
    for (const title of ['Draft the plan', 'Ask for feedback', 'Ship it']) {
      await page.fill('#card-form input[name=title]', title)
      await page.click('#card-form button[type=submit]')
    }
    // The tour completed with the first card; the board and the three cards ticked their items.
    await cairn.getByRole('button', { name: 'Get started with Acme Boards 3 of 4', exact: true }).waitFor()

    await page.goto('/')
    await page.evaluate(() => document.getElementById('invite')!.click())
    await page.fill('#invite-form input[name=email]', 'sam@example.com')
    await page.evaluate(() => (document.querySelector('#invite-form button[type=submit]') as HTMLButtonElement).click())
    await checklist.getByText('All done!').waitFor()
    await page.evaluate(() => (window as unknown as { cairn: { flush(): Promise<void> } }).cairn.flush())

    const state = await until('every tick and both milestones in the collector', async () => {
      const s = (await (await fetch(`${stack.collector.url}/v1/users/alex/state?key=sk_demo`)).json()) as UserState
      return Object.keys(s.flows['getting-started']?.items ?? {}).length === 4 && s.milestones['activated'] !== undefined && s
    })
    expect(Object.keys(state.flows['getting-started']!.items!).sort()).toEqual(['add-cards', 'create-board', 'invite', 'tour'])
    expect(state.milestones).toMatchObject({ activated: expect.any(Number), checklist_completed: expect.any(Number), board_created: expect.any(Number), teammate_invited: expect.any(Number) })
    expect(state.flows['welcome-tour']?.completedAt).toEqual(expect.any(Number))
    const results = (await (await fetch(`${stack.collector.url}/v1/results/checklists/getting-started?key=sk_demo`)).json()) as { completed: number }
    expect(results.completed).toBeGreaterThanOrEqual(1)
    expect(errors).toEqual([])
    await context.close()
  }, 90_000)
})
