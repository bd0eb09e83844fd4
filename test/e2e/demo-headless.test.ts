import { describe, expect, it } from 'vitest'
import { chromiumAvailable } from './harness/chromium.ts'
import { openDemo, useDemoStack } from './harness/demo-stack.ts'

describe.skipIf(!chromiumAvailable())('the demo\'s headless page: Acme\'s own checklist and what\'s-new menu from Cairn\'s stores', () => {
  const stack = useDemoStack()

  it('draws the checklist and the menu in the page\'s markup, ticks on track(), and reads the feed', async () => {
    const { page, errors } = await openDemo(stack, 'alex')
    await page.goto('/headless')
    const list = page.getByRole('region', { name: 'Get started with Acme Boards' })
    await list.getByText('0 of 4 done').waitFor()
    expect(await list.getByRole('listitem').allTextContents()).toEqual(['Take the 30-second tour▶', 'Create a board', 'Add three cards', 'Invite a teammate'])
    // Cairn draws no checklist and no feed of its own here.
    expect(await page.locator('cairn-root').getByRole('dialog', { name: 'Get started with Acme Boards' }).count()).toBe(0)

    await page.getByRole('button', { name: 'New board' }).click()
    await list.getByText('1 of 4 done').waitFor()
    expect(await list.getByRole('listitem').nth(1).textContent()).toBe('✓ Create a board')

    const news = page.getByRole('button', { name: /What's new/ })
    await page.locator('#news-count:not([hidden])').waitFor()
    const unread = Number(await page.locator('#news-count').textContent())
    expect(unread).toBeGreaterThan(0)
    await news.click()
    expect(await page.locator('#news-list .new').count()).toBe(unread)
    await page.locator('#news-count[hidden]').waitFor({ state: 'attached' })
    await page.getByRole('button', { name: 'Hide' }).click()
    await page.getByRole('button', { name: 'Show the checklist' }).waitFor()
    expect(errors).toEqual([])
    await page.context().close()
  })
})
