import { describe, expect, it } from 'vitest'
import { chromiumAvailable } from './harness/chromium.ts'
import { openDemo, useDemoStack } from './harness/demo-stack.ts'
import { until } from './harness/stack.ts'
import type { UserState } from '@cairn/protocol'

describe.skipIf(!chromiumAvailable())('the demo app (what `npm start` serves)', () => {
  const stack = useDemoStack()

  const state = async (user: string) =>
    (await (await fetch(`${stack.collector.url}/v1/users/${user}/state?key=sk_demo`)).json()) as UserState

  it('installs Cairn with the snippet, identifies the demo user and tracks what they do, in Persian', async () => {
    const { context, page, errors } = await openDemo(stack)
    await page.goto('/')
    await page.waitForFunction(() => typeof (window as unknown as { cairn?: { _q?: unknown } }).cairn === 'object'
      && (window as unknown as { cairn: { _q?: unknown } }).cairn._q === undefined)
    expect(await page.getAttribute('html', 'dir')).toBe('rtl')
    await expect.poll(() => page.textContent('h1')).toBe('بوردها')
    // A newcomer is greeted by the welcome tour (by name); Esc puts it away.
    const tour = page.locator('cairn-root').getByRole('dialog', { name: /سارا/ })
    await tour.waitFor()
    await page.keyboard.press('Escape')
    await tour.waitFor({ state: 'detached' })

    await page.click('#new-board')
    await page.fill('#board-form input[name=name]', 'راه‌اندازی نسخهٔ تازه')
    await page.click('#board-form button[type=submit]')
    await page.click('#invite')
    await page.fill('#invite-form input[name=email]', 'mehdi@example.com')
    await page.click('#invite-form button[type=submit]')
    await page.click('.boards a >> nth=0')
    await page.waitForURL('**/boards/**')
    await page.fill('#card-form input[name=title]', 'نوشتن یادداشت انتشار')
    await page.click('#card-form button[type=submit]')
    await page.click('[data-status=doing] button')

    const stored = await until('the demo events in the collector', async () => {
      const s = await state('sara')
      return s.events['card_completed'] === 1 && s
    })
    expect(stored.events).toMatchObject({ board_created: 1, teammate_invited: 1, card_created: 1, card_completed: 1 })
    expect(errors).toEqual([])
    await context.close()
  })
})
