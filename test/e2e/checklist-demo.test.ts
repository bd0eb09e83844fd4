import { describe, expect, it } from 'vitest'
import { chromiumAvailable } from './harness/chromium.ts'
import { useDemoStack } from './harness/demo-stack.ts'
import { until } from './harness/stack.ts'

type MilestoneResults = { milestones: { name: string; declared: boolean; reached: number }[] }

describe.skipIf(!chromiumAvailable())('the demo\'s getting-started checklist (what `npm start` serves)', () => {
  const stack = useDemoStack()

  it('ticks as the demo user creates a board and invites a teammate, and the results list those milestones', async () => {
    const context = await stack.browser.newContext({ baseURL: stack.demo.url })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(String(error)))
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
})
