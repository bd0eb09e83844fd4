import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import type { ChecklistFlow, TourFlow } from '@cairn/protocol'
import { createFlowEngine, type FlowEngineDeps } from '../../packages/sdk/src/engine/index.ts'
import { fakeDeps, settle } from '../sdk/engine/fake-deps.ts'
import { testRuntime } from './harness.ts'

afterEach(() => {
  document.body.replaceChildren()
})

const checklist: ChecklistFlow = {
  id: 'getting-started', kind: 'checklist', title: 'Get started', trigger: {}, frequency: 'until_completed',
  items: [
    { id: 'board', title: 'Create a board', completeOn: { event: 'board_created' } },
    { id: 'tour', title: 'Take the tour', action: { tour: 'welcome' } },
    { id: 'invite', title: 'Invite a teammate', completeOn: { milestone: 'teammate_invited' } },
  ],
}
const welcome: TourFlow = { id: 'welcome', kind: 'tour', steps: [{ id: 'hi', title: 'Welcome aboard' }] }

/** The engine rendering through the runtime, as the SDK wires them; `store` shared = a reload or another tab. */
function page(store?: Map<string, string>) {
  const { deps, fake } = fakeDeps({ ...(store && { store }), user: { userId: 'u1', anonymousId: 'a1' } })
  const runtime = testRuntime()
  const reached: string[] = []
  const stored = new Set<() => void>()
  const full: FlowEngineDeps = {
    ...deps,
    render: (flow, controls) => runtime.render(flow, controls),
    milestone: (name) => void reached.push(name),
    onStored: (l) => (stored.add(l), () => void stored.delete(l)),
  }
  const engine = createFlowEngine(full, { flows: [checklist, welcome] })
  const roots = () => [...document.querySelectorAll('cairn-root')]
  const ui = () => within(roots().at(-1)?.shadowRoot as unknown as HTMLElement)
  return { engine, fake, reached, ui, runtime, otherTabSaved: () => stored.forEach((l) => l()) }
}

describe('the checklist driven by the flow engine', () => {
  it('ticks items live from tracked events, a milestone and a completed tour; completes once', async () => {
    const p = page()
    await waitFor(() => p.ui().getByRole('dialog', { name: 'Get started' }))
    await settle()
    p.engine.track('board_created')
    await waitFor(() => expect(p.ui().getByText('1 of 3 done')).toBeTruthy())
    await waitFor(() => expect(p.ui().getByRole('status').textContent).toBe('Done: Create a board. 1 of 3 done'))

    fireEvent.click(p.ui().getByRole('button', { name: 'Take the tour' }))
    await waitFor(() => p.ui().getByRole('dialog', { name: 'Welcome aboard' }))
    expect(p.ui().getByRole('button', { name: 'Get started 1 of 3' })).toBeTruthy()
    fireEvent.click(within(p.ui().getByRole('dialog', { name: 'Welcome aboard' })).getByRole('button', { name: 'Done' }))
    await waitFor(() => expect(p.ui().getByRole('button', { name: 'Get started 2 of 3' })).toBeTruthy())

    p.engine.milestone('teammate_invited')
    await waitFor(() => expect(p.ui().getByText('All done!')).toBeTruthy())
    expect(p.reached).toEqual(['checklist_completed'])
    fireEvent.click(p.ui().getByRole('button', { name: 'Done' }))
    await settle()
    const steps = p.fake.events.filter(([t, e]) => t === 'flow_step' && e.flowId === 'getting-started').map(([, e]) => `${e.stepIndex}:${e.stepId}`)
    expect(steps).toEqual(['0:board', '1:tour', '2:invite'])
    expect(p.fake.typesOf('getting-started').at(-1)).toBe('flow_completed')
  })

  it('another tab sees the ticks when the first tab saves, and a reload keeps the checklist minimized', async () => {
    const a = page()
    const b = page(a.fake.store)
    await waitFor(() => expect(document.querySelectorAll('cairn-root')).toHaveLength(2))
    const uiOf = (i: number) => within(document.querySelectorAll('cairn-root')[i]?.shadowRoot as unknown as HTMLElement)
    await waitFor(() => uiOf(1).getByRole('dialog', { name: 'Get started' }))
    await settle()
    a.engine.track('board_created')
    b.otherTabSaved()
    await waitFor(() => expect(uiOf(1).getByText('1 of 3 done')).toBeTruthy())
    expect(b.fake.events.filter(([t]) => t === 'flow_step')).toEqual([])

    fireEvent.click(uiOf(1).getByRole('button', { name: 'Minimize' }))
    await waitFor(() => uiOf(1).getByRole('button', { name: 'Get started 1 of 3' }))
    a.engine.destroy()
    b.engine.destroy()
    document.body.replaceChildren()
    const reload = page(a.fake.store)
    await waitFor(() => expect(reload.ui().getByRole('button', { name: 'Get started 1 of 3' })).toBeTruthy())
    expect(reload.ui().queryByRole('dialog')).toBeNull()
  })
})
