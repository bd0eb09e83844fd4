import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import type { SurveyFlow } from '@cairn/protocol'
import { atom } from 'nanostores'
import { emptyState } from '../../packages/sdk/src/engine/index.ts'
import { show, summary } from './harness.ts'
import type { WidgetEvent } from '../../packages/sdk/src/widgets/runtime.ts'
import { css } from '../../packages/sdk/src/widgets/survey.tsx'

afterEach(() => {
  document.body.replaceChildren()
})

/** The demo's NPS: 0–6 → what was missing, 9–10 → what they love, 7–8 → the next in order. */
const nps: SurveyFlow = {
  id: 'nps', kind: 'survey',
  questions: [
    {
      id: 'score', type: 'nps', prompt: 'How likely are you to recommend us?', required: true,
      next: [{ min: 0, max: 6, goto: 'missing' }, { min: 9, max: 10, goto: 'love' }],
    },
    { id: 'missing', type: 'text', prompt: 'What was missing?', next: [{ goto: 'end' }] },
    { id: 'love', type: 'text', prompt: 'What do you love?', multiline: true, maxLength: 500 },
  ],
  thankYou: { title: 'Thanks, {{user.firstName|friend}}!', body: 'Every answer is read.', cta: { label: 'See the roadmap', url: 'https://example.com/roadmap' } },
  locales: { fa: { questions: [{ prompt: 'چقدر ما را پیشنهاد می‌کنید؟' }, { prompt: 'چه کم بود؟' }, { prompt: 'چه چیزی را دوست دارید؟' }] } },
}

const answers = (events: WidgetEvent[]) => events.filter((e) => e.type === 'answer').map((e) => e.answer)
const radios = (ui: ReturnType<typeof within>) => ui.getAllByRole('radio').map((r: HTMLElement) => r.getAttribute('aria-label') ?? r.parentElement?.textContent)

describe('the survey widget', () => {
  it('asks NPS as a 0–10 radio group, follows the answer to its follow-up, sends each answer as given, then thanks', async () => {
    const outside = document.createElement('input')
    document.body.append(outside)
    outside.focus()
    const { ui, events, host } = await show(nps, { user: { traits: { firstName: 'Ali' } } })
    const dialog = ui.getByRole('dialog', { name: 'How likely are you to recommend us?' })
    expect(dialog.className).toContain('corner')
    expect(document.activeElement).toBe(outside)
    await waitFor(() => expect(ui.getByRole('status').textContent).toBe('How likely are you to recommend us?'))
    expect(ui.getByRole('radiogroup', { name: 'How likely are you to recommend us?' })).toBeTruthy()
    expect(radios(ui)).toEqual(['0, Not at all likely', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10, Extremely likely'])
    const send = () => ui.getByRole('button', { name: /^(Next|Submit)$/ }) as HTMLButtonElement
    expect(send().disabled).toBe(true)

    fireEvent.click(ui.getByRole('radio', { name: '9' }))
    expect(send().textContent).toBe('Next')
    fireEvent.click(send())
    expect(ui.getByRole('dialog', { name: 'What do you love?' })).toBeTruthy()
    const field = ui.getByRole('textbox', { name: 'What do you love?' }) as HTMLTextAreaElement
    expect(field.tagName).toBe('TEXTAREA')
    expect(field.maxLength).toBe(500)
    await waitFor(() => expect(host?.shadowRoot?.activeElement).toBe(field))
    expect(ui.queryByRole('button', { name: 'Ask me later' })).toBeNull()
    fireEvent.input(field, { target: { value: '  Fast boards  ' } })
    expect(send().textContent).toBe('Submit')
    fireEvent.click(send())

    expect(ui.getByRole('heading', { name: 'Thanks, Ali!' })).toBeTruthy()
    expect(ui.getByRole('link', { name: 'See the roadmap' }).getAttribute('href')).toBe('https://example.com/roadmap')
    fireEvent.click(ui.getByRole('button', { name: 'Done' }))
    expect(answers(events)).toEqual([
      { questionId: 'score', questionType: 'nps', answer: 9 },
      { questionId: 'love', questionType: 'text', answer: 'Fast boards', final: true },
    ])
    expect(summary(events)).toEqual(['shown', 'answer:0:score', 'step:2:love', 'answer:2:love', 'step:3', 'completed:3'])
    expect(ui.queryByRole('dialog')).toBeNull()
  })

  it.each([
    [3, 'What was missing?', ['missing']],
    [7, 'What was missing?', ['missing']],
    [10, 'What do you love?', ['love']],
  ])('an NPS of %i goes to "%s"', async (score, prompt) => {
    const { ui } = await show(nps)
    fireEvent.click(ui.getByRole('radio', { name: new RegExp(`^${score}\\b`) }))
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    expect(ui.getByRole('dialog', { name: prompt })).toBeTruthy()
  })

  it('after "What was missing?" the branch goes to the end; an empty optional answer is sent as null', async () => {
    const { ui, events } = await show(nps)
    fireEvent.click(ui.getByRole('radio', { name: '2' }))
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    fireEvent.click(ui.getByRole('button', { name: 'Submit' }))
    expect(answers(events)).toEqual([{ questionId: 'score', questionType: 'nps', answer: 2 }, { questionId: 'missing', questionType: 'text', answer: null, final: true }])
    expect(ui.getByRole('heading', { name: 'Thanks, friend!' })).toBeTruthy()
  })

  it('Enter on a chosen radio sends it; the second click of a double-click is ignored', async () => {
    const { ui, events } = await show(nps)
    const nine = ui.getByRole('radio', { name: '9' })
    fireEvent.click(nine)
    fireEvent.keyDown(nine, { key: 'Enter' })
    expect(ui.getByRole('dialog', { name: 'What do you love?' })).toBeTruthy()
    fireEvent.click(ui.getByRole('button', { name: 'Submit' }), { detail: 2 })
    expect(ui.getByRole('dialog', { name: 'What do you love?' })).toBeTruthy()
    expect(answers(events)).toEqual([{ questionId: 'score', questionType: 'nps', answer: 9 }])
  })

  it('"Ask me later" puts it off before any answer; × dismisses at the question it is on; × on the thanks completes', async () => {
    const later = await show(nps)
    fireEvent.click(later.ui.getByRole('button', { name: 'Ask me later' }))
    expect(summary(later.events)).toEqual(['shown', 'dismissed:0:score:later'])
    document.body.replaceChildren()

    const closed = await show(nps)
    fireEvent.click(closed.ui.getByRole('radio', { name: '4' }))
    fireEvent.click(closed.ui.getByRole('button', { name: 'Next' }))
    fireEvent.click(closed.ui.getByRole('button', { name: 'Close' }))
    expect(summary(closed.events)).toEqual(['shown', 'answer:0:score', 'step:1:missing', 'dismissed:1:missing:close'])
    document.body.replaceChildren()

    const thanked = await show({ ...nps, questions: [{ id: 'q', type: 'csat', prompt: 'Happy?' }] })
    fireEvent.click(thanked.ui.getByRole('radio', { name: '5, Very satisfied' }))
    fireEvent.click(thanked.ui.getByRole('button', { name: 'Submit' }))
    fireEvent.keyDown(thanked.ui.getByRole('dialog'), { key: 'Escape' })
    expect(summary(thanked.events)).toEqual(['shown', 'answer:0:q', 'step:1', 'completed:1:escape'])
  })

  it('in Persian: right to left, Persian digits, built-in strings', async () => {
    const { ui, host } = await show(nps, { locale: 'fa' })
    expect(host?.shadowRoot?.querySelector('.root')?.getAttribute('dir')).toBe('rtl')
    expect(radios(ui)).toEqual(['۰, اصلاً محتمل نیست', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹', '۱۰, بسیار محتمل است'])
    expect(ui.getByRole('button', { name: 'بعداً بپرس' })).toBeTruthy()
    fireEvent.click(ui.getByRole('radio', { name: '۹' }))
    expect(ui.getByRole('button', { name: 'بعدی' })).toBeTruthy()
  })

  it('in Arabic: Arabic-Indic digits and Arabic labels', async () => {
    const { ui } = await show({ ...nps, locales: { ar: { questions: [{ prompt: 'ما مدى احتمال أن توصي بنا؟' }] } } }, { locale: 'ar' })
    expect(radios(ui)).toEqual(['٠, غير محتمل إطلاقًا', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩', '١٠, محتمل للغاية'])
    expect(ui.getByRole('button', { name: 'اسألني لاحقًا' })).toBeTruthy()
  })

  it('PMF: four answers in the reader\'s language; "very" is sent as its id', async () => {
    const { ui, events } = await show({ id: 'pmf', kind: 'survey', questions: [{ id: 'pmf', type: 'pmf', prompt: 'How would you feel if you could no longer use Acme?' }] })
    expect(ui.getAllByRole('radio').map((r: HTMLElement) => r.parentElement?.textContent)).toEqual([
      'Very disappointed', 'Somewhat disappointed', 'Not disappointed', 'I no longer use it',
    ])
    fireEvent.click(ui.getByRole('radio', { name: 'Very disappointed' }))
    fireEvent.click(ui.getByRole('button', { name: 'Submit' }))
    expect(answers(events)).toEqual([{ questionId: 'pmf', questionType: 'pmf', answer: 'very', final: true }])
  })

  it('choices: single and multiple, with "Other" and its text, and branches by the choice', async () => {
    const flow: SurveyFlow = {
      id: 'why', kind: 'survey', display: 'modal',
      questions: [
        {
          id: 'use', type: 'multi', prompt: 'What do you use?', other: true,
          options: [{ id: 'boards', label: 'Boards' }, { id: 'reports', label: 'Reports' }],
          next: [{ in: ['reports'], goto: 'which' }, { goto: 'end' }],
        },
        { id: 'which', type: 'single', prompt: 'Which report?', required: true, options: [{ id: 'weekly', label: 'Weekly' }, { id: 'burn', label: 'Burn-down' }] },
      ],
    }
    const { ui, events } = await show(flow)
    expect(ui.getByRole('dialog').getAttribute('aria-modal')).toBe('true')
    expect(ui.getByRole('group', { name: 'What do you use?' })).toBeTruthy()
    fireEvent.click(ui.getByRole('checkbox', { name: 'Reports' }))
    fireEvent.click(ui.getByRole('checkbox', { name: 'Other' }))
    fireEvent.input(ui.getByRole('textbox', { name: 'Other' }), { target: { value: 'Timeline' } })
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    const submit = ui.getByRole('button', { name: 'Submit' }) as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    fireEvent.click(ui.getByRole('radio', { name: 'Burn-down' }))
    fireEvent.click(submit)
    expect(answers(events)).toEqual([
      { questionId: 'use', questionType: 'multi', answer: ['reports', '_other'], other: 'Timeline' },
      { questionId: 'which', questionType: 'single', answer: 'burn', final: true },
    ])
  })

  it('shuffles options per user, the same order every time, "Other" last', async () => {
    const options = [...'abcdefgh'].map((id) => ({ id, label: id.toUpperCase() }))
    const flow: SurveyFlow = { id: 's', kind: 'survey', questions: [{ id: 'q', type: 'single', prompt: 'Pick', shuffle: true, other: true, options }] }
    const order = async (id: string) => {
      const { ui } = await show(flow, { user: { id } })
      const labels = ui.getAllByRole('radio').map((r: HTMLElement) => r.parentElement?.textContent)
      document.body.replaceChildren()
      return labels
    }
    const first = await order('u1')
    expect(await order('u1')).toEqual(first)
    expect(first.at(-1)).toBe('Other')
    expect([...first].sort()).toEqual([...'ABCDEFGH', 'Other'].sort())
    const others = await Promise.all(['u2', 'u3', 'u4'].map(order))
    expect(others.some((o) => o.join() !== first.join())).toBe(true)
  })

  it('CSAT, CES and ratings: their scales, default end labels, stars read as "n of N"', async () => {
    const flow: SurveyFlow = {
      id: 'scales', kind: 'survey',
      questions: [
        { id: 'csat', type: 'csat', prompt: 'Satisfied?' },
        { id: 'ces', type: 'ces', prompt: 'Easy?' },
        { id: 'stars', type: 'rating', prompt: 'Rate it', scale: 4, lowLabel: 'Meh' },
        { id: 'numbers', type: 'rating', prompt: 'Rate again', display: 'numbers' },
      ],
    }
    const { ui, events } = await show(flow)
    expect(radios(ui)).toEqual(['1, Very unsatisfied', '2', '3', '4', '5, Very satisfied'])
    fireEvent.click(ui.getByRole('radio', { name: '4' }))
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    expect(radios(ui)).toEqual(['1, Very difficult', '2', '3', '4', '5', '6', '7, Very easy'])
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    expect(ui.getAllByRole('radio').map((r: HTMLElement) => r.getAttribute('aria-label'))).toEqual(['1 of 4, Meh', '2 of 4', '3 of 4', '4 of 4'])
    fireEvent.click(ui.getByRole('radio', { name: '3 of 4' }))
    const stars = ui.getByRole('radiogroup').querySelectorAll('span')
    expect([...stars].map((s) => s.className)).toEqual(['on', 'on', 'on', ''])
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    expect(radios(ui)).toEqual(['1', '2', '3', '4', '5'])
    expect(answers(events)).toEqual([{ questionId: 'csat', questionType: 'csat', answer: 4 }, { questionId: 'ces', questionType: 'ces', answer: null }, { questionId: 'stars', questionType: 'rating', scale: 4, answer: 3 }])
  })

  it('resumes where the reader left it in this visit, with their answers', async () => {
    const { ui, events } = await show(nps, { via: 'resume', state: { shownCount: 1, shownAt: 10, step: 2, answers: { score: 9 }, answeredAt: 20 } })
    expect(ui.getByRole('dialog', { name: 'What do you love?' })).toBeTruthy()
    expect(ui.queryByRole('button', { name: 'Ask me later' })).toBeNull()
    fireEvent.click(ui.getByRole('button', { name: 'Submit' }))
    expect(answers(events)).toEqual([{ questionId: 'love', questionType: 'text', answer: null, final: true }])
    document.body.replaceChildren()
    // Answers of an earlier showing are not this one's: it starts afresh.
    const fresh = await show(nps, { via: 'resume', state: { shownCount: 2, shownAt: 30, step: 2, answers: { score: 9 }, answeredAt: 20 } })
    expect(fresh.ui.getByRole('dialog', { name: 'How likely are you to recommend us?' })).toBeTruthy()
  })

  it('renders only safe links: a javascript: CTA is plain text', async () => {
    const { ui } = await show({ ...nps, questions: [{ id: 'q', type: 'text', prompt: 'Say' }], thankYou: { title: 'Bye', cta: { label: 'Go', url: 'javascript:alert(1)' as '/x' } } })
    fireEvent.click(ui.getByRole('button', { name: 'Submit' }))
    expect(ui.queryByRole('link')).toBeNull()
  })

  it('a CTA that starts a tour: the tour is asked for and the survey completes; without the engine there is no such button', async () => {
    const flow: SurveyFlow = { ...nps, questions: [{ id: 'q', type: 'text', prompt: 'Say' }], thankYou: { title: 'Bye', cta: { label: 'Take the tour', tour: 'welcome' } } }
    const started: string[] = []
    const live = { start: (id: string, kind: string) => void started.push(`${kind}:${id}`), $state: atom(emptyState()), memo: undefined, remember() {} }
    const { ui, events } = await show(flow, { live })
    fireEvent.click(ui.getByRole('button', { name: 'Submit' }))
    fireEvent.click(ui.getByRole('button', { name: 'Take the tour' }))
    expect(started).toEqual(['tour:welcome'])
    expect(summary(events).at(-1)).toBe('completed:1:cta')
    document.body.replaceChildren()
    const alone = await show(flow)
    fireEvent.click(alone.ui.getByRole('button', { name: 'Submit' }))
    expect(alone.ui.queryByRole('button', { name: 'Take the tour' })).toBeNull()
    expect((alone.ui.getByRole('button', { name: 'Done' }) as HTMLElement).className).toBe('btn primary')
  })

  it('adds its stylesheet to the shadow root once', async () => {
    const { runtime, host } = await show(nps)
    await runtime.mount('survey', { ...nps, id: 'again' }, { emit() {} })
    expect(host?.shadowRoot?.adoptedStyleSheets).toHaveLength(2)
  })

  it('without constructable stylesheets, its styles go in a second <style nonce>', async () => {
    Object.defineProperty(window.CSSStyleSheet.prototype, 'replaceSync', { value: undefined, configurable: true })
    try {
      const { host } = await show(nps, {}, { nonce: 'n0nce' })
      const styles = [...(host?.shadowRoot?.querySelectorAll('style') ?? [])]
      expect(styles.map((style) => style.getAttribute('nonce'))).toEqual(['n0nce', 'n0nce'])
      expect(styles[1]?.textContent).toBe(css)
    } finally {
      delete (window.CSSStyleSheet.prototype as unknown as Record<string, unknown>)['replaceSync']
    }
  })
})
