import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import { createFlowEngine } from '../../packages/sdk/src/engine/index.ts'
import { fakeDeps } from '../sdk/engine/fake-deps.ts'
import { testRuntime } from './harness.ts'
import { announcement, tour } from './flows.ts'

afterEach(() => {
  document.body.replaceChildren()
})

/** The real engine rendering through the real runtime, as the SDK wires them. */
function scheduled(flows: unknown[]) {
  const { deps, fake } = fakeDeps({ user: { userId: 'u1', anonymousId: 'a1', traits: { firstName: 'Sara' } } })
  const runtime = testRuntime({ user: () => ({ id: 'u1', traits: { firstName: 'Sara' } }) })
  deps.render = (flow, controls) => runtime.render(flow, controls)
  const engine = createFlowEngine(deps, { flows })
  const ui = () => within(document.querySelector('cairn-root')?.shadowRoot as unknown as HTMLElement)
  const wire = () => fake.events.map(([type, p]) => [type, p.flowId, p.stepId ?? p.reason].filter(Boolean).join(' '))
  return { engine, ui, wire }
}

describe('announcements through the flow engine', () => {
  it('a tour call to action ends the modal announcement, then starts the tour; the view, the click and the end are recorded', async () => {
    const { ui, wire } = scheduled([{ ...announcement('modal', { cta: { label: 'Show me', tour: 'welcome' } }), trigger: {} }, tour])
    await waitFor(() => expect(ui().getByRole('dialog', { name: 'Dark mode is here' })).toBeTruthy())
    fireEvent.click(ui().getByRole('button', { name: 'Show me' }))
    await waitFor(() => expect(ui().getByRole('dialog', { name: 'Welcome, Sara' })).toBeTruthy())
    expect(ui().queryByRole('dialog', { name: 'Dark mode is here' })).toBeNull()
    expect(wire()).toEqual(['flow_shown news-modal auto', 'flow_step news-modal cta', 'flow_completed news-modal', 'flow_shown welcome manual'])
  })

  it('a dismissed banner is recorded with its reason and not shown again', async () => {
    const { engine, ui, wire } = scheduled([{ ...announcement('banner'), trigger: {} }])
    await waitFor(() => expect(ui().getByRole('region', { name: 'Dark mode is here' })).toBeTruthy())
    fireEvent.click(ui().getByRole('button', { name: 'Close' }))
    engine.navigate('https://app.test/other')
    await new Promise((r) => setTimeout(r, 20))
    expect(ui().queryByRole('region')).toBeNull()
    expect(wire()).toEqual(['flow_shown news-banner auto', 'flow_dismissed news-banner close'])
  })
})
