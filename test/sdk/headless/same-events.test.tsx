import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import type { AnnouncementFlow, ChecklistFlow, Flow, SurveyFlow, TourFlow } from '@cairn/protocol'
import { client, settle, until } from './harness.ts'

// The same flows, drawn by the built-in widget on one page and by the app (headless) on another:
// the collector must receive the same events, whoever drew them.
const checklist: ChecklistFlow = {
  id: 'getting-started', kind: 'checklist', title: 'Get started', trigger: {}, frequency: 'until_completed',
  items: [
    { id: 'board', title: 'Create a board', completeOn: { event: 'board_created' } },
    { id: 'guide', title: 'Read the guide' },
    { id: 'invite', title: 'Invite a teammate', completeOn: { milestone: 'teammate_invited' } },
  ],
}
const survey: SurveyFlow = {
  id: 'nps', kind: 'survey', trigger: {},
  questions: [
    { id: 'score', type: 'nps', prompt: 'How likely are you to recommend us?', next: [{ min: 9, goto: 'end' }] },
    { id: 'missing', type: 'multi', prompt: 'What is missing?', options: [{ id: 'api', label: 'An API' }, { id: 'sso', label: 'SSO' }], other: true },
    { id: 'why', type: 'text', prompt: 'Anything else?' },
  ],
  thankYou: { title: 'Thanks!' },
}
const tour: TourFlow = { id: 'welcome', kind: 'tour', trigger: {}, steps: [{ id: 'hi', title: 'Hi' }, { id: 'boards', title: 'Boards' }, { id: 'bye', title: 'Bye' }] }
const modal: AnnouncementFlow = { id: 'dark-mode', kind: 'announcement', style: 'modal', trigger: {}, title: 'Dark mode is here' }

const made: ReturnType<typeof client>[] = []
afterEach(() => {
  for (const c of made.splice(0)) c.sdk.destroy()
  document.body.replaceChildren()
})
/** One page of user u1 with `flow`, drawn by Cairn or (headless) by the test. */
const page = (flow: Flow, headless: boolean) => {
  const c = client({ flows: [flow], user: 'u1', ...(headless && { headless: true }) })
  made.push(c)
  return c
}
const ui = () => within(document.querySelector('cairn-root')?.shadowRoot as unknown as HTMLElement)

describe('a headless flow records what the built-in widget records', () => {
  it('checklist: ticks from events, milestones and by hand, then completed', async () => {
    const drawn = page(checklist, false)
    await waitFor(() => ui().getByRole('dialog', { name: 'Get started' }))
    await settle()
    drawn.sdk.track('board_created')
    fireEvent.click(ui().getByRole('checkbox', { name: 'Read the guide' }))
    drawn.sdk.track('teammate_invited')
    await waitFor(() => ui().getByText('All done!'))
    fireEvent.click(ui().getByRole('button', { name: 'Done' }))
    const expected = await drawn.said()
    drawn.sdk.destroy()

    const own = page(checklist, true)
    const $list = own.sdk.stores.$checklist('getting-started')
    await until(() => expect($list.get()?.open).toBe(true))
    own.sdk.flows.shown('getting-started')
    await settle()
    own.sdk.track('board_created')
    own.sdk.checklists.tick('getting-started', 'guide')
    own.sdk.track('teammate_invited')
    await until(() => expect($list.get()?.progress).toEqual({ done: 3, total: 3 }))
    own.sdk.flows.complete('getting-started')
    expect(await own.said()).toEqual(expected)
    expect(expected.map((e) => e.type)).toEqual(['flow_shown', 'flow_step', 'flow_step', 'flow_step', 'milestone', 'milestone', 'flow_completed'])
  })

  it('survey: answers with branching, "Other" text and the final flag under one submission, then the thank-you', async () => {
    const drawn = page(survey, false)
    await waitFor(() => ui().getByRole('radio', { name: '6' }))
    fireEvent.click(ui().getByRole('radio', { name: '6' }))
    fireEvent.click(ui().getByRole('button', { name: 'Next' }))
    fireEvent.click(ui().getByRole('checkbox', { name: 'SSO' }))
    fireEvent.click(ui().getByRole('checkbox', { name: 'Other' }))
    fireEvent.input(ui().getByRole('textbox'), { target: { value: ' Dark mode ' } })
    fireEvent.click(ui().getByRole('button', { name: 'Next' }))
    fireEvent.input(ui().getByRole('textbox'), { target: { value: 'Speed' } })
    fireEvent.click(ui().getByRole('button', { name: 'Submit' }))
    await waitFor(() => ui().getByText('Thanks!'))
    fireEvent.click(ui().getByRole('button', { name: 'Done' }))
    const expected = await drawn.said()
    drawn.sdk.destroy()

    const own = page(survey, true)
    const $survey = own.sdk.stores.$survey('nps')
    await until(() => expect($survey.get()).toMatchObject({ open: true, stage: 'question', index: 0, question: { id: 'score' }, answers: {} }))
    own.sdk.flows.shown('nps')
    own.sdk.surveys.answer('nps', 'score', 6)
    await until(() => expect($survey.get()).toMatchObject({ index: 1, question: { id: 'missing' }, answers: { score: 6 }, submissionId: expect.any(String) }))
    own.sdk.surveys.answer('nps', 'missing', ['sso', '_other'], ' Dark mode ')
    await settle()
    own.sdk.surveys.answer('nps', 'why', '  Speed ')
    await until(() => expect($survey.get()).toMatchObject({ stage: 'thanks', index: 3, thankYou: { title: 'Thanks!' } }))
    expect($survey.get()!.question).toBeUndefined()
    own.sdk.flows.dismiss('nps')
    const said = await own.said()
    expect(said).toEqual(expected)
    expect(said.filter((e) => e.type == 'survey_answer').map((e) => [e.questionId, e.answer, e.other, e.final])).toEqual([
      ['score', 6, undefined, undefined], ['missing', ['sso', '_other'], 'Dark mode', undefined], ['why', 'Speed', undefined, true],
    ])
    expect(new Set(said.map((e) => e.submissionId).filter(Boolean)).size).toBe(1)
  })

  it('survey: a score that branches to the end, and "ask me later" before any answer', async () => {
    const drawn = page(survey, false)
    await waitFor(() => ui().getByRole('button', { name: 'Ask me later' }))
    fireEvent.click(ui().getByRole('button', { name: 'Ask me later' }))
    const expected = await drawn.said()
    drawn.sdk.destroy()
    const own = page(survey, true)
    await until(() => expect(own.sdk.stores.$survey('nps').get()?.open).toBe(true))
    own.sdk.flows.shown('nps')
    own.sdk.flows.dismiss('nps', 'later')
    expect(await own.said()).toEqual(expected)
    expect(expected.map((e) => [e.type, e.stepIndex, e.reason])).toEqual([['flow_shown', undefined, 'auto'], ['flow_dismissed', 0, 'later']])

    const high = page({ ...survey, id: 'nps-2' } as SurveyFlow, true)
    const $s = high.sdk.stores.$survey('nps-2')
    await until(() => expect($s.get()?.open).toBe(true))
    high.sdk.surveys.answer('nps-2', 'score', 10)
    await until(() => expect($s.get()?.stage).toBe('thanks'))
    expect((await high.said()).map((e) => [e.type, e.stepIndex, e.final])).toEqual([['flow_shown', undefined, undefined], ['survey_answer', undefined, true], ['flow_step', 3, undefined]])
  })

  it('tour: steps forward, then closed on its second step', async () => {
    const drawn = page(tour, false)
    await waitFor(() => ui().getByRole('dialog', { name: 'Hi' }))
    fireEvent.click(ui().getByRole('button', { name: 'Next' }))
    await waitFor(() => ui().getByRole('dialog', { name: 'Boards' }))
    fireEvent.keyDown(ui().getByRole('dialog', { name: 'Boards' }), { key: 'Escape' })
    const expected = await drawn.said()
    drawn.sdk.destroy()

    const own = page(tour, true)
    await until(() => expect(own.sdk.stores.$active.get()).toMatchObject({ flowId: 'welcome', stepIndex: 0 }))
    own.sdk.flows.shown('welcome')
    own.sdk.flows.step('welcome', 1)
    await until(() => expect(own.sdk.stores.$active.get()?.stepIndex).toBe(1))
    own.sdk.flows.dismiss('welcome', 'escape')
    expect(await own.said()).toEqual(expected)
    expect(expected.map((e) => [e.type, e.stepIndex, e.reason])).toEqual([['flow_shown', undefined, 'auto'], ['flow_step', 1, undefined], ['flow_dismissed', 1, 'escape']])
  })

  it('announcement: seen, then closed', async () => {
    const drawn = page(modal, false)
    await waitFor(() => ui().getByRole('dialog', { name: 'Dark mode is here' }))
    fireEvent.click(ui().getByRole('button', { name: 'Close' }))
    const expected = await drawn.said()
    drawn.sdk.destroy()
    const own = page(modal, true)
    await until(() => expect(own.sdk.stores.$active.get()?.flowId).toBe('dark-mode'))
    own.sdk.flows.shown('dark-mode')
    own.sdk.flows.dismiss('dark-mode')
    expect(await own.said()).toEqual(expected)
    expect(document.querySelector('cairn-root')).toBeNull()
  })
})
