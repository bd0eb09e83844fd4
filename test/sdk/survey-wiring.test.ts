import { afterEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import { check, eventSchema } from '@cairn/protocol'
import { flowEngine } from '../../packages/sdk/src/core/flow-engine-adapter.ts'
import { loadNpmChunk } from '../../packages/sdk/src/loader/npm-chunks.ts'
import type { Cairn } from '../../packages/sdk/src/index.ts'
import { survey } from '../widgets/flows.ts'
import { accepted, setup } from './core/support.ts'

const clients: Cairn[] = []
afterEach(() => {
  for (const sdk of clients.splice(0)) sdk.destroy()
  document.body.replaceChildren()
})

describe('survey answers through the SDK', () => {
  it('reach sdk.on("survey:answered") and the collector as valid survey_answer events of one submission', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ flows: [] }), { status: 200 })) as typeof globalThis.fetch
    const factory = flowEngine({ fetch, url: () => 'https://app.example.com/' })
    const { sdk, events } = setup({ answer: accepted, deps: { flows: [survey], loadChunk: loadNpmChunk, engine: factory } })
    clients.push(sdk)
    const heard: unknown[] = []
    sdk.on('survey:answered', (payload) => heard.push(payload))
    sdk.showSurvey('nps')
    const ui = () => within(document.querySelector('cairn-root')?.shadowRoot as unknown as HTMLElement)
    await waitFor(() => expect(ui().getByRole('radio', { name: '10, Extremely likely' })).toBeTruthy())
    fireEvent.click(ui().getByRole('radio', { name: '10, Extremely likely' }))
    fireEvent.click(ui().getByRole('button', { name: 'Next' }))
    fireEvent.input(ui().getByRole('textbox'), { target: { value: 'Fast' } })
    fireEvent.click(ui().getByRole('button', { name: 'Submit' }))
    await waitFor(() => expect(heard).toHaveLength(2))

    const id = (heard[0] as { submissionId: string }).submissionId
    expect(heard).toEqual([
      { flowId: 'nps', kind: 'survey', submissionId: id, questionId: 'score', questionType: 'nps', answer: 10 },
      { flowId: 'nps', kind: 'survey', submissionId: id, questionId: 'why', questionType: 'text', answer: 'Fast', final: true },
    ])
    await sdk.flush()
    const sent = events().filter((e) => e.type === 'survey_answer')
    expect(sent.map((e) => [e.type === 'survey_answer' && e.submissionId, e.type === 'survey_answer' && e.questionId])).toEqual([[id, 'score'], [id, 'why']])
    for (const e of sent) expect(check(eventSchema, e).ok).toBe(true)
  })
})
