import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import { createFlowEngine } from '../../packages/sdk/src/engine/index.ts'
import { fakeDeps, settle } from '../sdk/engine/fake-deps.ts'
import type { RuntimeOptions } from '../../packages/sdk/src/widgets/runtime.ts'
import { loadSourceChunk, testRuntime } from './harness.ts'
import { announcement, survey, tour } from './flows.ts'

afterEach(() => {
  document.body.replaceChildren()
})

/** The flow engine with the widget runtime as its `render`, as the SDK core wires them. */
function scheduled(flows: unknown[], options: Partial<RuntimeOptions> = {}) {
  const { deps, fake } = fakeDeps({ user: { userId: 'u1', anonymousId: 'a1', traits: { firstName: 'Sara' } } })
  const runtime = testRuntime({ user: () => ({ id: 'u1', traits: { firstName: 'Sara' } }), ...options })
  deps.render = (flow, controls) => runtime.render(flow, controls)
  const engine = createFlowEngine(deps, { flows })
  const ui = () => within(document.querySelector('cairn-root')?.shadowRoot as unknown as HTMLElement)
  return { engine, fake, ui }
}

describe('the flow engine renders through the widget runtime', () => {
  it('schedules one modal at a time, banners beside them, and records what the user does', async () => {
    const { engine, fake, ui } = scheduled([{ ...tour, trigger: {} }, { ...survey, display: 'modal' }, { ...announcement('banner'), trigger: {} }])
    await waitFor(() => expect(ui().getByRole('dialog', { name: 'Welcome, Sara' })).toBeTruthy())
    // Its own chunk: it may arrive after the tour's.
    await waitFor(() => expect(ui().getByRole('region', { name: 'Dark mode is here' })).toBeTruthy())
    engine.show('nps', 'survey')
    await settle()
    expect(ui().getAllByRole('dialog')).toHaveLength(1)

    const inDialog = () => within(ui().getByRole('dialog'))
    fireEvent.click(inDialog().getByRole('button', { name: 'Next' }))
    fireEvent.click(inDialog().getByRole('button', { name: 'Next' }))
    fireEvent.click(inDialog().getByRole('button', { name: 'Done' }))
    await waitFor(() => expect(ui().getByRole('dialog', { name: 'How likely are you to recommend us?' })).toBeTruthy())
    fireEvent.keyDown(ui().getByRole('dialog'), { key: 'Escape' })
    await settle()

    expect(fake.typesOf('welcome')).toEqual(['flow_shown', 'flow_step', 'flow_step', 'flow_completed'])
    expect(fake.events.filter(([, p]) => p.flowId === 'welcome').map(([, p]) => p.stepIndex)).toEqual([undefined, 1, 2, undefined])
    expect(fake.typesOf('nps')).toEqual(['flow_shown', 'flow_dismissed'])
    expect(fake.events.find(([t, p]) => t === 'flow_dismissed' && p.flowId === 'nps')?.[1]).toMatchObject({ stepIndex: 0, reason: 'escape' })
    expect(ui().queryAllByRole('dialog')).toHaveLength(0)
    expect(ui().getByRole('region')).toBeTruthy()
  })

  it('a chunk that fails is a flow_error with reason chunk_failed, and the next flow gets the screen', async () => {
    const { engine, fake, ui } = scheduled([tour, survey], {
      loadChunk: (name) => (name === 'tour' ? Promise.reject(new Error('404')) : loadSourceChunk(name)),
    })
    engine.show('welcome', 'tour')
    engine.show('nps', 'survey')
    await waitFor(() => expect(ui().getByRole('dialog', { name: 'How likely are you to recommend us?' })).toBeTruthy())
    expect(fake.events.filter(([t]) => t === 'flow_error').map(([, p]) => [p.flowId, p.reason])).toEqual([['welcome', 'chunk_failed']])
  })

  it.each<[string, object, string, string]>([
    ['a tour without steps', { id: 'empty', kind: 'tour', steps: [] }, '$.steps', 'must be a non-empty list'],
    ['a step without a title', { id: 'empty', kind: 'tour', steps: [{ id: 's' }] }, '$.steps[0].title', 'must be text'],
    ['a survey question of no known type', { id: 'empty', kind: 'survey', questions: [{ id: 'q', type: 'essay', prompt: '?' }] }, '$.questions[0].type', expect.any(String) as never],
    ['a checklist item without a title', { id: 'empty', kind: 'checklist', title: 'T', items: [{ id: 'i' }] }, '$.items[0].title', 'must be text'],
    ['a banner of no known style', { id: 'empty', kind: 'announcement', title: 'T', style: 'popup' }, '$.style', 'must be modal, banner, slideout or hotspot'],
  ])('kind fields the widget cannot render are a flow_error with reason invalid and props { path, message }: %s', async (_, flow, path, message) => {
    const { engine, fake } = scheduled([flow])
    engine.show('empty', (flow as { kind: 'tour' }).kind)
    await waitFor(() => expect(fake.typesOf('empty')).toContain('flow_error'))
    expect(fake.events.find(([t]) => t === 'flow_error')?.[1]).toEqual({ flowId: 'empty', reason: 'invalid', props: { path, message } })
    expect(document.querySelector('cairn-root')).toBeNull()
  })

  it('hands the widget what the user did before, and how the flow came', async () => {
    const seen: unknown[] = []
    const { engine } = scheduled([tour], {
      loadChunk: async () => ({
        default: (props: { state?: unknown; via?: unknown }) => {
          seen.push([props.via, props.state])
          return null
        },
      }),
    })
    engine.show('welcome', 'tour')
    await waitFor(() => expect(seen).toHaveLength(1))
    expect(seen[0]).toEqual(['manual', undefined])
  })
})
