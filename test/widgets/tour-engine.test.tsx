import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import type { AnnouncementFlow, TourFlow } from '@cairn/protocol'
import { createFlowEngine } from '../../packages/sdk/src/engine/index.ts'
import { fakeDeps, settle } from '../sdk/engine/fake-deps.ts'
import { testRuntime } from './harness.ts'

afterEach(() => {
  document.body.replaceChildren()
  history.replaceState(null, '', '/')
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

/** A tour whose last step lives on the board page, and a modal announcement that waits for the screen. */
const across: TourFlow = {
  id: 'across', kind: 'tour',
  steps: [{ id: 'home', title: 'On the home page', url: '/home' }, { id: 'board', title: 'On the board', url: '/board' }],
}
const news: AnnouncementFlow = { id: 'news', kind: 'announcement', style: 'modal', title: 'What is new', trigger: { event: { name: 'news' } } }

/** The real engine rendering through the real runtime; `store` carries the engine state across "reloads". */
function page(store = new Map<string, string>()) {
  const { deps, fake } = fakeDeps({ user: { userId: 'u1', anonymousId: 'a1' }, store, url: location.href })
  const runtime = testRuntime()
  deps.render = (flow, controls) => runtime.render(flow, controls)
  const engine = createFlowEngine(deps, { flows: [welcome, across, news] })
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
    // The missing target is named, for the collector and for sdk.on('flow:error') listeners.
    expect(fake.events.find(([t]) => t === 'flow_error')?.[1]).toEqual({ flowId: 'welcome', reason: 'target_missing', stepIndex: 1, props: { selector: '#nowhere' } })
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

  it('a tour waiting for another page leaves the screen, so another modal flow shows meanwhile; it resumes on that page once the screen is free', async () => {
    history.replaceState(null, '', '/home')
    const { engine, fake, ui } = page()
    engine.show('across', 'tour')
    await waitFor(() => expect(ui().getByRole('dialog', { name: 'On the home page' })).toBeTruthy())
    engine.track('news')
    await settle()
    expect(ui().queryByRole('dialog', { name: 'What is new' })).toBeNull()
    fireEvent.click(ui().getByRole('button', { name: 'Next' }))
    await fake.advance(0)
    // The board step lives elsewhere: the tour gives up the slot and the announcement takes it.
    await waitFor(() => expect(ui().getByRole('dialog', { name: 'What is new' })).toBeTruthy())
    expect(ui().queryByRole('dialog', { name: 'On the board' })).toBeNull()
    history.pushState(null, '', '/board')
    engine.navigate(location.href)
    await settle()
    // One modal at a time: the tour waits for the announcement.
    expect(ui().getAllByRole('dialog')).toHaveLength(1)
    expect(ui().getByRole('dialog', { name: 'What is new' })).toBeTruthy()
    fireEvent.keyDown(ui().getByRole('dialog'), { key: 'Escape' })
    await waitFor(() => expect(ui().getByRole('dialog', { name: 'On the board' })).toBeTruthy())
    await waitFor(() => expect(ui().getByRole('status').textContent).toBe('On the board. 2 of 2'))
    fireEvent.click(ui().getByRole('button', { name: 'Done' }))
    await settle()
    expect(fake.events.filter(([, p]) => p.flowId === 'across').map(([t, p]) => [t, p.stepIndex].filter((x) => x !== undefined).join(':'))).toEqual([
      'flow_shown', 'flow_step:1', 'flow_completed',
    ])
  })
})
