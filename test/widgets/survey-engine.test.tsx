import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import { createFlowEngine } from '../../packages/sdk/src/engine/index.ts'
import { fakeDeps, settle } from '../sdk/engine/fake-deps.ts'
import { testRuntime } from './harness.ts'
import { survey } from './flows.ts'

afterEach(() => {
  document.body.replaceChildren()
})

/** Two pages (or tabs) of one user: their own engine and runtime, one shared storage. */
function page(store: Map<string, string>) {
  const { deps, fake } = fakeDeps({ user: { userId: 'u1', anonymousId: 'a1', traits: {} }, store })
  const runtime = testRuntime({ user: () => ({ id: 'u1' }) })
  deps.render = (flow, controls) => runtime.render(flow, controls)
  const engine = createFlowEngine(deps, { flows: [survey] })
  const ui = () => within(document.querySelectorAll('cairn-root')[document.querySelectorAll('cairn-root').length - 1]?.shadowRoot as unknown as HTMLElement)
  return { engine, fake, ui }
}

describe('survey answers through the flow engine', () => {
  it('go out as survey_answer events under one submission id; the survey is then answered for good', async () => {
    const store = new Map<string, string>()
    const { engine, fake, ui } = page(store)
    engine.show('nps', 'survey')
    await waitFor(() => expect(ui().getByRole('dialog', { name: 'How likely are you to recommend us?' })).toBeTruthy())
    fireEvent.click(ui().getByRole('radio', { name: '9' }))
    fireEvent.click(ui().getByRole('button', { name: 'Next' }))
    fireEvent.input(ui().getByRole('textbox'), { target: { value: 'Speed' } })
    fireEvent.click(ui().getByRole('button', { name: 'Submit' }))
    fireEvent.click(ui().getByRole('button', { name: 'Done' }))
    await settle()

    const sent = fake.events.filter(([t]) => t !== 'flow_step').map(([t, p]) => [t, p.questionId, p.answer, p.final])
    expect(sent).toEqual([
      ['flow_shown', undefined, undefined, undefined],
      ['survey_answer', 'score', 9, undefined],
      ['survey_answer', 'why', 'Speed', true],
      ['flow_completed', undefined, undefined, undefined],
    ])
    const ids = new Set(fake.events.filter(([t]) => t === 'survey_answer').map(([, p]) => p.submissionId))
    expect(ids.size).toBe(1)

    // Another page of the same user: not asked again, not even by show*().
    document.body.replaceChildren()
    const again = page(store)
    again.engine.show('nps', 'survey')
    await settle()
    expect(again.fake.rendered).toEqual([])
    expect(again.fake.logs.at(-1)).toMatch(/^nps: later at .*: reaskAfterDays 90$/)
  })

  it('a reload in the middle resumes the same submission at the same question', async () => {
    const store = new Map<string, string>()
    const first = page(store)
    first.engine.show('nps', 'survey')
    await waitFor(() => expect(first.ui().getByRole('radio', { name: '3' })).toBeTruthy())
    fireEvent.click(first.ui().getByRole('radio', { name: '3' }))
    fireEvent.click(first.ui().getByRole('button', { name: 'Next' }))
    const id = first.fake.events.find(([t]) => t === 'survey_answer')?.[1].submissionId
    first.engine.destroy()
    document.body.replaceChildren()

    const second = page(store)
    await waitFor(() => expect(second.ui().getByRole('dialog', { name: 'What is the main reason?' })).toBeTruthy())
    fireEvent.click(second.ui().getByRole('button', { name: 'Submit' }))
    expect(second.fake.events.find(([t]) => t === 'survey_answer')?.[1]).toMatchObject({ submissionId: id, questionId: 'why', answer: null, final: true })
  })
})
