import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import type { TourFlow } from '@cairn/protocol'
import { createFlowEngine } from '../../packages/sdk/src/engine/index.ts'
import { fakeDeps, settle } from '../sdk/engine/fake-deps.ts'
import { testRuntime } from './harness.ts'

afterEach(() => {
  document.body.replaceChildren()
})

const welcome: TourFlow = {
  id: 'welcome',
  kind: 'tour',
  steps: [
    { id: 'hello', title: 'Hello' },
    { id: 'gone', target: '#nowhere', title: 'Gone', waitMs: 10 },
    { id: 'create', title: 'Create a project', advanceOn: { event: 'project_created' } },
    { id: 'end', title: 'All set' },
  ],
}

/** The real engine rendering through the real runtime; `store` carries the engine state across "reloads". */
function page(store = new Map<string, string>()) {
  const { deps, fake } = fakeDeps({ user: { userId: 'u1', anonymousId: 'a1' }, store })
  const runtime = testRuntime()
  deps.render = (flow, controls) => runtime.render(flow, controls)
  const engine = createFlowEngine(deps, { flows: [welcome] })
  const ui = () => within(document.querySelector('cairn-root')?.shadowRoot as unknown as HTMLElement)
  const reload = () => {
    engine.destroy()
    runtime.destroy()
    return page(store)
  }
  return { engine, fake, ui, reload, store }
}

describe('the tour with the flow engine', () => {
  it('records a missing target as flow_error without ending the tour, advances on a tracked event, and completes', async () => {
    const { engine, fake, ui } = page()
    engine.show('welcome', 'tour')
    await waitFor(() => expect(ui().getByRole('dialog', { name: 'Hello' })).toBeTruthy())
    fireEvent.click(ui().getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(ui().getByRole('dialog', { name: 'Create a project' })).toBeTruthy())
    expect(ui().queryByRole('button', { name: 'Next' })).toBeNull()
    engine.track('something_else')
    await settle()
    expect(ui().getByRole('dialog', { name: 'Create a project' })).toBeTruthy()
    engine.track('project_created')
    await waitFor(() => expect(ui().getByRole('dialog', { name: 'All set' })).toBeTruthy())
    fireEvent.click(ui().getByRole('button', { name: 'Done' }))
    await settle()
    expect(fake.events.filter(([, p]) => p.flowId === 'welcome').map(([t, p]) => [t, p.stepIndex, p.reason].filter((x) => x !== undefined).join(':'))).toEqual([
      'flow_shown:manual', 'flow_step:1', 'flow_error:1:target_missing', 'flow_step:2', 'flow_step:3', 'flow_completed',
    ])
  })

  it('resumes on the step reached after a reload, without a new flow_shown', async () => {
    const first = page()
    first.engine.show('welcome', 'tour')
    await waitFor(() => expect(first.ui().getByRole('dialog', { name: 'Hello' })).toBeTruthy())
    fireEvent.click(first.ui().getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(first.ui().getByRole('dialog', { name: 'Create a project' })).toBeTruthy())
    const second = first.reload()
    await waitFor(() => expect(second.ui().getByRole('dialog', { name: 'Create a project' })).toBeTruthy())
    expect(second.fake.typesOf('welcome')).toEqual([])
    fireEvent.keyDown(second.ui().getByRole('dialog'), { key: 'Escape' })
    await settle()
    expect(second.fake.events.map(([t, p]) => [t, p.stepIndex, p.reason])).toEqual([['flow_dismissed', 2, 'escape']])
  })
})
