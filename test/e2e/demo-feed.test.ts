import { describe, expect, it } from 'vitest'
import { chromiumAvailable } from './harness/chromium.ts'
import { openDemo, useDemoStack } from './harness/demo-stack.ts'
import { until } from './harness/stack.ts'

/** The demo's what's-new feed as each demo account reads it (alex English, sara Persian). */
const TEXT = {
  alex: {
    tour: 'Welcome to Acme Boards, Alex!', button: "What's new", unread: '3', panel: "What's new",
    entries: ['New: invite your teammates New', 'Dark mode New', 'Export a board as CSV New'],
  },
  sara: {
    tour: 'به Acme Boards خوش آمدید، سارا!', button: 'تازه‌ها', unread: '۳', panel: 'تازه‌ها',
    entries: ['تازه: هم‌تیمی‌هایتان را دعوت کنید تازه', 'حالت تیره تازه', 'خروجی CSV از تخته تازه'],
  },
}

describe.skipIf(!chromiumAvailable())("the demo's what's-new feed", () => {
  const stack = useDemoStack()

  it.each(['alex', 'sara'] as const)('%s: the header button shows three unread entries, opens the feed, and the count clears', async (user) => {
    const t = TEXT[user]
    const { context, page, errors } = await openDemo(stack, user)
    const cairn = page.locator('cairn-root')
    await page.goto('/')
    // A newcomer meets the welcome tour first; Esc puts it away.
    const tour = cairn.getByRole('dialog', { name: t.tour })
    await tour.waitFor()
    await page.keyboard.press('Escape')
    await tour.waitFor({ state: 'detached' })
    const button = page.locator('#whats-new')
    await until('the unread count on the header button', async () => (await button.getAttribute('data-cairn-unread')) === t.unread)
    expect(await button.textContent()).toBe(t.button)
    await button.click()
    const panel = cairn.getByRole('dialog', { name: t.panel })
    await panel.waitFor()
    expect(await panel.locator('h3').allTextContents()).toEqual(t.entries)
    expect(await button.getAttribute('data-cairn-unread')).toBeNull()
    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('whats-new')
    expect(errors).toEqual([])
    await context.close()
  })
})
