import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TourFlow } from '@cairn/protocol'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useFlowsFixture, watchedPage, WRITE_KEY, type FlowsFixture } from './flows-harness.ts'
import { AXE_SOURCE, axeViolations } from './harness/axe.ts'
import { chromiumAvailable } from './harness/chromium.ts'
import { until } from './harness/stack.ts'

/** A tour no visitor of `/app/projects` would see: its trigger is another page; Persian beside English. */
const TOUR: TourFlow = {
  id: 'welcome', kind: 'tour', trigger: { url: '/never/*' }, frequency: 'once',
  steps: [
    { id: 'hello', title: 'Hello' },
    { id: 'button', title: 'The page button', target: '#page-button' },
    { id: 'bye', title: 'Bye' },
  ],
  locales: { fa: { steps: [{ title: 'سلام' }, { title: 'دکمهٔ صفحه' }, { title: 'خداحافظ' }] } },
}

const bar = (page: Page) => page.getByRole('region', { name: 'Preview · not recorded' })
const dialog = (page: Page, name: string) => page.getByRole('dialog', { name })
const results = async (fixture: FlowsFixture) =>
  (await fetch(`${fixture.collector.url}/v1/results/flows/welcome`, { headers: { authorization: 'Bearer sk_flows' } })).json() as Promise<{ shown: number }>

describe.skipIf(!chromiumAvailable())('preview on the real page, in real Chromium against the real collector', () => {
  const fixture = useFlowsFixture([TOUR], [], (site) => ({ previewOrigins: [site] }))

  it('shows a tour whose trigger would not match at once, with the bar: back, forward, Persian right to left; nothing kept, nothing counted', async () => {
    const context = await fixture.context()
    await context.addInitScript(AXE_SOURCE)
    const { page, watched } = await watchedPage(context)
    await page.goto('/app/projects?cairn_preview=welcome')
    await dialog(page, 'Hello').waitFor()
    await bar(page).waitFor()
    expect(await bar(page).getByText('Step 1 of 3').isVisible()).toBe(true)
    expect(await axeViolations(page)).toEqual([])

    await bar(page).getByRole('button', { name: 'Next step' }).click()
    await dialog(page, 'The page button').waitFor()
    await bar(page).getByRole('button', { name: 'Next step' }).click()
    await dialog(page, 'Bye').waitFor()
    await bar(page).getByRole('button', { name: 'Previous step' }).click()
    await dialog(page, 'The page button').waitFor()
    // The keyboard reaches the bar: Previous step, focused and pressed with Enter.
    await bar(page).getByRole('button', { name: 'Previous step' }).focus()
    await page.keyboard.press('Enter')
    await dialog(page, 'Hello').waitFor()

    await bar(page).getByRole('combobox', { name: 'Language' }).selectOption('fa')
    const persian = page.getByRole('dialog', { name: 'سلام' })
    await persian.waitFor()
    expect(await persian.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl')
    const farsiBar = page.getByRole('region', { name: 'پیش‌نمایش · ثبت نمی‌شود' })
    expect(await farsiBar.getAttribute('dir')).toBe('rtl')
    expect(await farsiBar.getByText('گام ۱ از ۳').isVisible()).toBe(true)

    await page.evaluate(() => (window as unknown as { cairn: { flush(): Promise<void> } }).cairn.flush())
    await until('the preview events reach the collector', () => fixture.exchanges.some((e) => e.method == 'POST' && e.path == '/v1/batch' && e.status == 200))
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => /engine:/.test(k)))
    expect(stored).toEqual([])
    expect((await results(fixture)).shown).toBe(0)
    expect(watched.errors).toEqual([])

    await farsiBar.getByRole('button', { name: 'بستن پیش‌نمایش' }).click()
    await until('the preview is gone', async () => (await page.locator('cairn-root').count()) == 0)
    await context.close()
  })

  it('draws an edit of the flow file within a second, while asking with If-None-Match (304s) in between', async () => {
    const context = await fixture.context()
    const { page } = await watchedPage(context)
    await page.goto('/app/projects?cairn_preview=welcome')
    await dialog(page, 'Hello').waitFor()
    await until('a 304 to the preview asking again', () => fixture.exchanges.some((e) => e.path == '/v1/flows/welcome' && e.status == 304 && e.ifNoneMatch))

    const edited = { ...TOUR, steps: [{ ...TOUR.steps[0]!, title: 'Hello, edited' }, ...TOUR.steps.slice(1)] }
    const start = Date.now()
    writeFileSync(join(fixture.flowsDir, 'welcome.json'), JSON.stringify(edited, null, 2))
    // Watched every frame in the page: Playwright's own waiting retries at growing intervals.
    await page.waitForFunction(() => document.querySelector('cairn-root')?.shadowRoot?.textContent?.includes('Hello, edited'), null, { polling: 'raf', timeout: 5_000 })
    expect(Date.now() - start).toBeLessThan(1_000)
    await dialog(page, 'Hello, edited').waitFor()
    writeFileSync(join(fixture.flowsDir, 'welcome.json'), JSON.stringify(TOUR, null, 2))
    await context.close()
  })

  it('GET /v1/flows/:id needs the secret key or the write key from a preview origin', async () => {
    const url = `${fixture.collector.url}/v1/flows/welcome`
    expect((await fetch(`${url}?key=sk_flows`)).status).toBe(200)
    const refused = await fetch(`${url}?key=${WRITE_KEY}`, { headers: { origin: 'http://127.0.0.1:1' } })
    expect(refused.status).toBe(403)
    expect((await refused.json()).error).toBe('preview_not_allowed')
    expect((await fetch(`${url}?key=${WRITE_KEY}`, { headers: { origin: fixture.site } })).status).toBe(200)
  })
})

describe.skipIf(!chromiumAvailable())('a preview from an origin the project does not list', () => {
  const fixture = useFlowsFixture([TOUR], [], { previewOrigins: ['https://staging.example.com'] })

  it('is refused, and the bar says why', async () => {
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    await page.goto('/app/projects?cairn_preview=welcome')
    const alert = bar(page).getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/Cannot preview “welcome”: previewing a flow needs the secret key, or the write key from one of the project's previewOrigins/)
    expect(await dialog(page, 'Hello').count()).toBe(0)
    expect(watched.errors).toEqual([])
    await context.close()
  })
})
