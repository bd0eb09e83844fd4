import { describe, expect, it } from 'vitest'
import type { TourFlow } from '@cairn/protocol'
import { AXE_SOURCE, axeViolations } from './harness/axe.ts'
import { chromiumAvailable } from './harness/chromium.ts'
import { uniqueUser } from './harness/stack.ts'
import { useFlowsFixture, violations, watchedPage } from './flows-harness.ts'

/** A two-step tour with no `locale`: its language is the one its text says. */
const tour = (id: string, first: string, second: string): TourFlow => ({
  id, kind: 'tour', steps: [{ id: 'one', title: first, body: first }, { id: 'two', title: second }],
})
const PERSIAN = tour('fa-tour', 'به پروژه‌ها خوش آمدید', 'گام دوم')
const ARABIC = tour('ar-tour', 'مرحبا بك في لوحتك', 'الخطوة الثانية')
const ENGLISH = tour('en-tour', 'Welcome to your projects', 'The second step')

describe.skipIf(!chromiumAvailable())('flows without a locale take their text\'s language, in real Chromium with the real collector', () => {
  const fixture = useFlowsFixture([PERSIAN, ARABIC, ENGLISH])

  it.each([
    // [case, flow, how it is handed over, page language, lang, dir, Next, progress]
    ['a Persian flow on a Persian page', PERSIAN, 'published', 'fa', 'fa', 'rtl', 'بعدی', '۱ از ۲'],
    ['a Persian flow defined in code on a Persian page', PERSIAN, 'show*()', 'fa-IR', 'fa-IR', 'rtl', 'بعدی', '۱ از ۲'],
    ['an Arabic flow on an Arabic page', ARABIC, 'published', 'ar', 'ar', 'rtl', 'التالي', '١ من ٢'],
    ['an Arabic flow defined in code on an Arabic page', ARABIC, 'show*()', 'ar', 'ar', 'rtl', 'التالي', '١ من ٢'],
    ['a Persian flow on an English page (پ, گ: Persian)', PERSIAN, 'published', 'en', 'fa', 'rtl', 'بعدی', '۱ از ۲'],
    ['an Arabic flow on an English page', ARABIC, 'show*()', 'en', 'ar', 'rtl', 'التالي', '١ من ٢'],
    ['an English flow on a Persian page stays English', ENGLISH, 'published', 'fa', 'en', 'ltr', 'Next', '1 of 2'],
    ['an English flow defined in code on an Arabic page stays English', ENGLISH, 'show*()', 'ar', 'en', 'ltr', 'Next', '1 of 2'],
  ] as const)('%s', async (_, flow, how, pageLang, lang, dir, next, progress) => {
    const { page, watched } = await watchedPage(await fixture.context())
    await page.addInitScript(AXE_SOURCE)
    await page.goto(`/app/projects/1?user=${uniqueUser('locale')}&locale=${pageLang}`)
    await page.waitForFunction(() => 'cairn' in window)
    const given = how == 'published' ? flow.id : { ...flow, id: `${flow.id}-inline` }
    await page.evaluate((f) => (window as unknown as { cairn: { showTour(f: unknown): void } }).cairn.showTour(f), given as unknown)
    const title = flow.steps[0]!.title
    const dialog = page.locator('cairn-root').getByRole('dialog', { name: title, exact: true })
    await dialog.waitFor()
    const root = page.locator('cairn-root .root', { has: page.getByRole('dialog', { name: title, exact: true }) })
    expect([await root.getAttribute('lang'), await root.getAttribute('dir')]).toEqual([lang, dir])
    expect(await root.evaluate((el) => getComputedStyle(el).direction)).toBe(dir)
    await dialog.getByText(progress, { exact: true }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: next, exact: true }).click()
    await page.locator('cairn-root').getByRole('dialog', { name: flow.steps[1]!.title, exact: true }).waitFor()
    expect(await violations(page, watched)).toEqual([])
    expect(watched.errors).toEqual([])
    await page.close()
  })
})

describe.skipIf(!chromiumAvailable())('the project\'s default and init({ contentLocale }) come before the text, a declared locale before both', () => {
  /** Text that reads as English: only the project or the page can say it is Persian. */
  const BRAND = tour('brand-tour', 'Acme Boards 2.0', 'Acme Boards Pro')
  const DECLARED = { ...tour('declared-tour', 'Acme Boards 3.0', 'Acme Boards Max'), locale: 'en' }
  const fixture = useFlowsFixture([BRAND, DECLARED], [{ ...BRAND, id: 'inline-brand' }], { locale: 'fa' })

  it.each([
    // [case, flow id, page query, lang, dir, Next, progress]
    ["a published flow without a locale takes the project's (fa)", 'brand-tour', 'locale=en', 'fa', 'rtl', 'بعدی', '۱ از ۲'],
    ['a declared locale wins over the project\'s', 'declared-tour', 'locale=fa', 'en', 'ltr', 'Next', '1 of 2'],
    ['an inline flow takes init({ contentLocale })', 'inline-brand', 'locale=en&inline&contentLocale=ar', 'ar', 'rtl', 'التالي', '١ من ٢'],
    ['an inline flow without it goes by its text', 'inline-brand', 'locale=fa&inline', 'en', 'ltr', 'Next', '1 of 2'],
  ] as const)('%s', async (_, id, query, lang, dir, next, progress) => {
    const { page, watched } = await watchedPage(await fixture.context())
    await page.addInitScript(AXE_SOURCE)
    await page.goto(`/app/projects/1?user=${uniqueUser('project-locale')}&${query}`)
    await page.waitForFunction(() => 'cairn' in window)
    await page.evaluate((f) => (window as unknown as { cairn: { showTour(f: string): void } }).cairn.showTour(f), id)
    const title = id == 'declared-tour' ? 'Acme Boards 3.0' : 'Acme Boards 2.0'
    const dialog = page.locator('cairn-root').getByRole('dialog', { name: title, exact: true })
    await dialog.waitFor()
    const root = page.locator('cairn-root .root', { has: page.getByRole('dialog', { name: title, exact: true }) })
    expect([await root.getAttribute('lang'), await root.getAttribute('dir')]).toEqual([lang, dir])
    await dialog.getByText(progress, { exact: true }).waitFor()
    await dialog.getByRole('button', { name: next, exact: true }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    expect(await violations(page, watched)).toEqual([])
    await page.close()
  })
})
