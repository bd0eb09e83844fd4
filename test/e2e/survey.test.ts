import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { SurveyFlow } from '@cairn/protocol'
import { AXE_SOURCE, axeViolations } from './harness/axe.ts'
import { chromiumAvailable } from './harness/chromium.ts'
import { uniqueUser, until } from './harness/stack.ts'
import { heard, useFlowsFixture, violations, watchedPage } from './flows-harness.ts'

/** The flows fixture's project secret key (results need it). */
const SECRET_KEY = 'sk_flows'

/** An NPS survey: 0–6 → what was missing, 9–10 → what they love (7–8 go to the next in order). */
const survey = (id: string, extra: Partial<SurveyFlow> = {}): SurveyFlow => ({
  id, kind: 'survey',
  questions: [
    {
      id: 'score', type: 'nps', prompt: 'How likely are you to recommend Acme?', required: true,
      next: [{ max: 6, goto: 'missing' }, { min: 9, goto: 'love' }],
    },
    { id: 'missing', type: 'text', prompt: 'What was missing?', next: [{ goto: 'end' }] },
    { id: 'love', type: 'text', prompt: 'What do you love?', multiline: true },
  ],
  thankYou: { title: 'Thank you!', cta: { label: 'See what is next', url: '/roadmap' } },
  locales: {
    fa: { questions: [{ prompt: 'چقدر احتمال دارد Acme را پیشنهاد کنید؟' }, { prompt: 'چه چیزی کم بود؟' }, { prompt: 'چه چیزی را دوست دارید؟' }], thankYou: { title: 'سپاس!' } },
    ar: { questions: [{ prompt: 'ما مدى احتمال أن توصي بـ Acme؟' }, { prompt: 'ما الذي كان ناقصًا؟' }, { prompt: 'ما الذي تحبه؟' }], thankYou: { title: 'شكرًا!' } },
  },
  ...extra,
})
const PROMPT = { en: 'How likely are you to recommend Acme?', fa: 'چقدر احتمال دارد Acme را پیشنهاد کنید؟', ar: 'ما مدى احتمال أن توصي بـ Acme؟' }

const dialog = (page: Page, name: string) => page.locator('cairn-root').getByRole('dialog', { name, exact: true })
const sdk = (page: Page, call: 'flush' | 'showSurvey', arg?: string) =>
  page.evaluate(([c, a]) => (window as unknown as Record<string, Record<string, (x?: string) => unknown>>)['cairn']![c!]!(a), [call, arg] as const)

describe.skipIf(!chromiumAvailable())('surveys in real Chromium, answered into the real collector', () => {
  const fixture = useFlowsFixture([survey('nps'), survey('pulse'), survey('keys'), survey('looks', { display: 'modal' }), survey('twin'), survey('later')])
  const results = async (id: string) => {
    const response = await fetch(`${fixture.collector.url}/v1/results/surveys/${id}`, { headers: { authorization: `Bearer ${SECRET_KEY}` } })
    if (!response.ok) throw new Error(`results: HTTP ${response.status}`)
    return (await response.json()) as { responses: number; completed: number; completionRate: number | null; nps: unknown; questions: { id: string; texts?: { items: { text: string }[] } }[] }
  }


  it('NPS 9 and a follow-up: the collector answers NPS 100 with n = 1, and the user is not asked again on another device', async () => {
    const user = uniqueUser('nps')
    const { page, watched } = await watchedPage(await fixture.context())
    await page.goto(`/app/home?user=${user}`)
    await sdk(page, 'showSurvey', 'nps')
    const box = dialog(page, PROMPT.en)
    await box.getByRole('radio', { name: '9', exact: true }).click()
    await box.getByRole('button', { name: 'Next' }).click()
    await dialog(page, 'What do you love?').getByRole('textbox').fill('Boards load instantly')
    // A double-click on Submit: the second click must not do anything more.
    await dialog(page, 'What do you love?').getByRole('button', { name: 'Submit' }).dblclick()
    await dialog(page, 'Thank you!').getByRole('link', { name: 'See what is next' }).waitFor()
    await dialog(page, 'Thank you!').getByRole('button', { name: 'Done' }).click()
    await sdk(page, 'flush')

    const stored = await until('the response in the results', async () => {
      const r = await results('nps')
      return r.responses === 1 && r.completed === 1 && r
    })
    expect(stored.nps).toEqual({ score: 100, promoters: 1, passives: 0, detractors: 0, responses: 1, marginOfError: 0 })
    expect(stored.questions.find((q) => q.id === 'love')?.texts?.items.map((i) => i.text)).toEqual(['Boards load instantly'])
    expect(await heard(page)).toEqual(['flow:shown nps manual', 'flow:step nps', 'flow:step nps', 'flow:completed nps'])
    expect(await violations(page, watched)).toEqual([])
    expect(watched.errors).toEqual([])

    // Another browser (its own storage) for the same user: the collector's state says answered.
    const other = await watchedPage(await fixture.context())
    await other.page.goto(`/app/home?user=${user}&cairn_debug=1`)
    await sdk(other.page, 'showSurvey', 'nps')
    await until('the engine to decide', () => other.watched.console.some((line) => /nps: later at .*: reaskAfterDays 90/.test(line)))
    expect(await other.page.locator('cairn-root').getByRole('dialog').count()).toBe(0)
    expect(await heard(other.page)).toEqual([])
  })

  it('a partial answer, then ×: the partial response is stored and the survey is dismissed', async () => {
    const user = uniqueUser('partial')
    const { page } = await watchedPage(await fixture.context())
    await page.goto(`/app/home?user=${user}`)
    await sdk(page, 'showSurvey', 'pulse')
    await dialog(page, PROMPT.en).getByRole('radio', { name: '4', exact: true }).click()
    await dialog(page, PROMPT.en).getByRole('button', { name: 'Next' }).click()
    await dialog(page, 'What was missing?').getByRole('button', { name: 'Close' }).click()
    await sdk(page, 'flush')
    const stored = await until('the partial response', async () => {
      const r = await results('pulse')
      return r.responses === 1 && r
    })
    expect(stored).toMatchObject({ completed: 0, completionRate: 0, nps: { score: -100, detractors: 1, responses: 1 } })
    const state = await fixture.userState(user)
    expect(state.flows['pulse']).toMatchObject({ answers: { score: 4 }, dismissedAt: expect.any(Number), submissionId: expect.any(String) })
  })

  it('two devices asked at once, both answering: one response, the latest answer winning', async () => {
    const user = uniqueUser('twin')
    // Each context is a browser of its own: neither knows the other's answers before the collector does.
    const [a, b] = [(await watchedPage(await fixture.context())).page, (await watchedPage(await fixture.context())).page]
    // Both read the collector's user state before either shows the survey: otherwise a's showing can
    // reach the collector first, and b rightly holds back a survey the user was shown a moment ago.
    for (const page of [a, b]) {
      const read = page.waitForResponse((r) => new URL(r.url()).pathname == `/v1/users/${user}/state`)
      await page.goto(`/app/home?user=${user}`)
      await read
    }
    for (const page of [a, b]) await sdk(page, 'showSurvey', 'twin')
    for (const page of [a, b]) await dialog(page, PROMPT.en).waitFor()
    // A score, then the follow-up question it leads to, answered and sent.
    const answer = async (page: Page, score: string, followUp: string, text: string) => {
      await dialog(page, PROMPT.en).getByRole('radio', { name: score, exact: true }).click()
      await dialog(page, PROMPT.en).getByRole('button', { name: 'Next' }).click()
      await dialog(page, followUp).getByRole('textbox').fill(text)
      await dialog(page, followUp).getByRole('button', { name: 'Submit' }).click()
      await dialog(page, 'Thank you!').waitFor()
      await sdk(page, 'flush')
    }
    await answer(a, '9', 'What do you love?', 'Fast boards')
    await answer(b, '3', 'What was missing?', 'Offline mode')
    const stored = await until('both devices\' answers in the results', async () => {
      const r = await results('twin')
      return r.completed === 1 && r
    })
    expect(stored).toMatchObject({ responses: 1, completed: 1, nps: { score: -100, detractors: 1, responses: 1 } })
    const state = await fixture.userState(user)
    // One submission holding what each device sent: a's text, b's text and b's later score.
    expect(state.flows['twin']).toMatchObject({ answers: { score: 3, love: 'Fast boards', missing: 'Offline mode' }, submissionId: expect.any(String) })
  })

  it('"Ask me later": gone without a dismissal, not asked again in this visit, asked again on the next', async () => {
    const user = uniqueUser('later')
    const context = await fixture.context()
    // The next visit is 31 minutes later: the page's clock moves, not the test's.
    await context.clock.install()
    const { page, watched } = await watchedPage(context)
    await page.goto(`/app/home?user=${user}&cairn_debug=1`)
    await sdk(page, 'showSurvey', 'later')
    await dialog(page, PROMPT.en).getByRole('button', { name: 'Ask me later' }).click()
    await until('the survey to leave', async () => (await page.locator('cairn-root').getByRole('dialog').count()) === 0)
    expect(await heard(page)).toEqual(['flow:shown later manual', 'flow:dismissed later later'])
    await sdk(page, 'showSurvey', 'later')
    await until('the engine to put it off', () => watched.console.some((line) => /later: never: ask me later/.test(line)))
    expect(await page.locator('cairn-root').getByRole('dialog').count()).toBe(0)
    await sdk(page, 'flush')
    const put = await until('the put-off in the results', async () => {
      const r = (await results('later')) as unknown as { askedLater: number; dismissed: number; responses: number }
      return r.askedLater === 1 && r
    })
    expect(put).toMatchObject({ dismissed: 0, responses: 0 })
    expect((await fixture.userState(user)).flows['later']?.dismissedAt).toBeUndefined()

    await page.clock.fastForward('31:00')
    await page.reload()
    await sdk(page, 'showSurvey', 'later')
    await dialog(page, PROMPT.en).waitFor()
  })

  it('keyboard only: Tab in, arrows choose, Enter sends, type, Tab to Submit, Enter, Enter on Done', async () => {
    const user = uniqueUser('keys')
    const { page } = await watchedPage(await fixture.context())
    await page.goto(`/app/home?user=${user}`)
    await sdk(page, 'showSurvey', 'keys')
    await dialog(page, PROMPT.en).waitFor()
    const focused = () => page.evaluate(() => {
      const active = document.querySelector('cairn-root')?.shadowRoot?.activeElement as HTMLInputElement | null | undefined
      return active ? `${active.tagName.toLowerCase()}:${active.getAttribute('aria-label') ?? active.textContent ?? ''}:${active.checked ?? ''}` : ''
    })
    const focusOn = (what: RegExp) => until(`focus on ${what}`, async () => what.test(await focused()))
    // A pop-up does not take focus: Tab from the page reaches it after the page's own controls.
    for (let i = 0; i < 6 && !(await focused()); i++) await page.keyboard.press('Tab')
    expect(await focused()).toBe('input:0, Not at all likely:false')
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight')
    expect(await focused()).toBe('input::true')
    expect(await dialog(page, PROMPT.en).getByRole('radio', { name: '9', exact: true }).isChecked()).toBe(true)
    await page.keyboard.press('Enter')
    await focusOn(/^textarea:/)
    await page.keyboard.type('Keyboard all the way')
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('button:Submit:')
    await page.keyboard.press('Enter')
    await focusOn(/^button:Done:$/)
    await page.keyboard.press('Enter')
    await until('the survey to leave', async () => (await page.locator('cairn-root').getByRole('dialog').count()) === 0)
    expect(await heard(page)).toContain('flow:completed keys')
    await sdk(page, 'flush')
    const stored = await until('the keyboard response', async () => {
      const r = await results('keys')
      return r.completed === 1 && r
    })
    expect(stored.nps).toMatchObject({ score: 100, responses: 1 })
  })

  it.each(['en', 'fa', 'ar'] as const)('in %s: local digits, mirrored in right-to-left languages, arrows follow the direction, axe finds nothing', async (locale) => {
    const context = await fixture.browser.newContext({ baseURL: fixture.site, bypassCSP: true })
    const page = await context.newPage()
    await page.addInitScript(AXE_SOURCE)
    await page.goto(`/app/home?user=${uniqueUser(`looks-${locale}`)}&locale=${locale}`)
    await sdk(page, 'showSurvey', 'looks')
    const box = dialog(page, PROMPT[locale])
    await box.waitFor()
    const layout = await page.evaluate(() => {
      const root = document.querySelector('cairn-root')!.shadowRoot!
      const labels = [...root.querySelectorAll('.scale label')]
      const x = (el: Element | undefined) => Math.round(el!.getBoundingClientRect().left)
      return { dir: root.querySelector('.root')?.getAttribute('dir'), digits: labels.map((l) => l.textContent).join(' '), zeroX: x(labels[0]), tenX: x(labels[10]) }
    })
    const digits = { en: '0 1 2 3 4 5 6 7 8 9 10', fa: '۰ ۱ ۲ ۳ ۴ ۵ ۶ ۷ ۸ ۹ ۱۰', ar: '٠ ١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩ ١٠' }
    expect(layout.digits).toBe(digits[locale])
    expect(layout.dir).toBe(locale === 'en' ? 'ltr' : 'rtl')
    // 0 is at the start of the line: left in English, right in Persian and Arabic.
    expect(locale === 'en' ? layout.zeroX < layout.tenX : layout.zeroX > layout.tenX).toBe(true)

    // The modal took focus (its first radio); the arrow pointing toward 10 moves up the scale.
    await page.keyboard.press(locale === 'en' ? 'ArrowRight' : 'ArrowLeft')
    const first = digits[locale].split(' ')[1]!
    expect(await box.getByRole('radio', { name: first, exact: true }).isChecked()).toBe(true)

    expect(await axeViolations(page)).toEqual([])
    await page.keyboard.press('Enter')
    await page.locator('cairn-root').getByRole('textbox').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })
})
