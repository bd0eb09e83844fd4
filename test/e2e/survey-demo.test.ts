import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { chromiumAvailable } from './harness/chromium.ts'
import { openDemo, useDemoStack } from './harness/demo-stack.ts'
import { until } from './harness/stack.ts'

const TEXT = {
  en: {
    user: 'alex', card: 'Write the changelog', nps: 'How likely are you to recommend Acme Boards to a friend or colleague?', ten: '10, Extremely likely',
    next: 'Next', love: 'What do you love most about Acme Boards?', submit: 'Submit', thanks: 'Thank you, Alex!', done: 'Done',
    pmf: 'How would you feel if you could no longer use Acme Boards?', very: 'Very disappointed',
  },
  fa: {
    user: 'sara', card: 'نوشتن تغییرات', nps: 'چقدر احتمال دارد Acme Boards را به یک دوست یا همکار پیشنهاد کنید؟', ten: '۱۰, حتماً',
    next: 'بعدی', love: 'چه چیزی را در Acme Boards بیشتر دوست دارید؟', submit: 'ارسال', thanks: 'سپاس، سارا!', done: 'تمام',
    pmf: 'اگر دیگر نمی‌توانستید از Acme Boards استفاده کنید، چه حسی داشتید؟', very: 'خیلی ناامید می‌شوم',
  },
}

describe.skipIf(!chromiumAvailable())('the demo asks NPS after a few cards and PMF on the next visit', () => {
  const stack = useDemoStack()

  const dialog = (page: Page, name: string) => page.locator('cairn-root').getByRole('dialog', { name, exact: true })
  const results = async (id: string) =>
    (await (await fetch(`${stack.collector.url}/v1/results/surveys/${id}`, { headers: { authorization: 'Bearer sk_demo' } })).json()) as { responses: number }

  it.each(['en', 'fa'] as const)('in %s', async (locale) => {
    const t = TEXT[locale]
    // The second visit is half an hour later: the page's clock is moved, not the test's.
    const { context, page, errors } = await openDemo(stack, t.user, { clock: true })
    await page.goto(`/boards/${t.user}-1`)
    for (let i = 1; i <= 3; i++) {
      await page.fill('#card-form input[name=title]', `${t.card} ${i}`)
      await page.click('#card-form button[type=submit]')
    }

    const nps = dialog(page, t.nps)
    await nps.getByRole('radio', { name: t.ten }).click()
    await nps.getByRole('button', { name: t.next }).click()
    await dialog(page, t.love).getByRole('textbox').fill('✓')
    await dialog(page, t.love).getByRole('button', { name: t.submit }).click()
    await dialog(page, t.thanks).getByRole('button', { name: t.done }).click()
    await page.evaluate(() => (window as unknown as { cairn: { flush(): Promise<void> } }).cairn.flush())

    await page.clock.fastForward('31:00')
    await page.reload()
    await dialog(page, t.pmf).getByRole('radio', { name: t.very }).click()
    expect(await dialog(page, t.pmf).getAttribute('aria-modal')).toBe('true')
    expect(errors).toEqual([])
    await until('the NPS response in the collector', async () => (await results('nps-quarterly')).responses === (locale === 'en' ? 1 : 2))
    await context.close()
  })
})
