import { describe, expect, it } from 'vitest'
import type { UserState } from '@cairn/protocol'
import { chromiumAvailable } from './harness/chromium.ts'
import { openDemo, useDemoStack } from './harness/demo-stack.ts'
import { until } from './harness/stack.ts'

/** The demo's welcome tour, step titles per demo account (alex reads English, sara Persian). */
const TITLES = {
  alex: ['Welcome to Acme Boards, Alex!', 'Start a board', 'Name it and create it', 'Here it is', 'Add your first card'],
  sara: ['به Acme Boards خوش آمدید، سارا!', 'یک بورد بسازید', 'نامش را بنویسید و بسازید', 'اینجاست', 'اولین کارتتان را بیفزایید'],
}

describe.skipIf(!chromiumAvailable())('the demo welcome tour', () => {
  const stack = useDemoStack()

  it.each(['alex', 'sara'] as const)('%s takes it across both pages: Next, a click, a real action, a board that renders late, a card', async (user) => {
    const { context, page, errors } = await openDemo(stack, user)
    const titles = TITLES[user]
    const step = (i: number) => page.getByRole('dialog', { name: String(titles[i]) }).waitFor({ timeout: 15_000 })
    await page.goto('/')
    // The demo's banner, hotspot and checklist take the visit's three automatic slots before the tour's
    // delay is up (the attention budget), so it is started the way a "Take the tour" button would.
    await page.waitForFunction(() => (window as unknown as { cairn?: { _q?: unknown } }).cairn?._q === undefined)
    await page.evaluate(() => (window as unknown as { cairn: { showTour(id: string): void } }).cairn.showTour('welcome-tour'))
    await step(0)
    await page.locator('cairn-root >> button.primary').click()
    await step(1)
    await page.click('#new-board')
    await step(2)
    await page.fill('#board-form input[name=name]', user === 'sara' ? 'گشت' : 'Tour board')
    await page.click('#board-form button[type=submit]')
    await step(3)
    await page.click('#boards li:last-child a')
    await page.waitForURL('**/boards/**')
    await step(4)
    await page.fill('#card-form input[name=title]', user === 'sara' ? 'اولین کارت' : 'First card')
    await page.click('#card-form button[type=submit]')
    await until('the tour completed', async () => (await page.getByRole('dialog', { name: String(titles[4]) }).count()) === 0)
    await page.evaluate(() => (window as unknown as { cairn: { flush(): Promise<void> } }).cairn.flush())
    const state = await until('the completion in the collector', async () => {
      const s = (await (await fetch(`${stack.collector.url}/v1/users/${user}/state?key=sk_demo`)).json()) as UserState
      return s.flows['welcome-tour']?.completedAt !== undefined && s
    })
    expect(state.flows['welcome-tour']).toMatchObject({ step: 4 })
    expect(errors).toEqual([])
    await context.close()
  }, 90_000)
})
