import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent, waitFor } from '@testing-library/preact'
import type { TourFlow } from '@cairn/protocol'
import { show, summary } from './harness.ts'
import { check } from '../../packages/sdk/src/widgets/tour.tsx'
import { findTarget } from '@cairn/protocol'

afterEach(() => {
  document.body.replaceChildren()
  history.replaceState(null, '', '/')
})

const button = (id: string, text = id) => {
  const el = document.createElement('button')
  el.id = id
  el.textContent = text
  document.body.append(el)
  return el
}

const tour = (steps: TourFlow['steps'], extra: Partial<TourFlow> = {}): TourFlow => ({ id: 'welcome', kind: 'tour', steps, ...extra })

describe('the tour widget', () => {
  it('anchors a step to its target with a spotlight, and advances when the target is clicked', async () => {
    const add = button('add', 'New project')
    let pageClicks = 0
    add.addEventListener('click', () => pageClicks++)
    const { ui, events, host } = await show(tour([
      { id: 'add', target: '#add', title: 'Create a project', body: 'Click **New project**.', advanceOn: 'click' },
      { id: 'end', title: 'All set' },
    ]))
    const dialog = await waitFor(() => ui.getByRole('dialog', { name: 'Create a project' }))
    expect(dialog.getAttribute('aria-describedby')).toBe(ui.getByText('New project').closest('[id]')?.id)
    expect(dialog.getAttribute('aria-modal')).toBeNull()
    expect(dialog.parentElement?.className).toBe('tip')
    expect(ui.queryByRole('button', { name: 'Next' })).toBeNull()
    const root = host?.shadowRoot as ShadowRoot
    await waitFor(() => expect(root.querySelector('.spot')).not.toBeNull())
    // A click step leaves a hole over the target: four blockers around it.
    expect(root.querySelectorAll('.block')).toHaveLength(4)

    add.click()
    expect(pageClicks).toBe(1)
    const last = await waitFor(() => ui.getByRole('dialog', { name: 'All set' }))
    expect(last.getAttribute('aria-modal')).toBe('true')
    // Drawn modal from its first render, so the focus moved in stays there.
    expect(root.activeElement?.textContent).toBe('Done')
    expect(root.querySelector('.spot')).toBeNull()
    fireEvent.click(ui.getByRole('button', { name: 'Done' }))
    expect(summary(events)).toEqual(['shown', 'step:1:end', 'completed:1:end'])
  })

  it('hears the click on the target before the page does: a handler that routes away, removes the target and stops the event at once does not beat it', async () => {
    const add = button('add', 'New project')
    add.addEventListener('click', (event) => {
      event.stopImmediatePropagation()
      history.pushState(null, '', '/board')
      add.remove()
    })
    const { ui, events } = await show(tour([
      { id: 'add', target: '#add', title: 'Create a project', advanceOn: 'click' },
      { id: 'board', title: 'Your board', url: '/board' },
    ]))
    await waitFor(() => expect(ui.getByRole('dialog', { name: 'Create a project' })).toBeTruthy())
    add.click()
    await waitFor(() => expect(ui.getByRole('dialog', { name: 'Your board' })).toBeTruthy(), { timeout: 2000 })
    expect(summary(events)).toEqual(['shown', 'step:1:board'])
  })

  it('waits for a target that renders late', async () => {
    const { ui, events } = await show(tour([{ id: 'late', target: '#late', title: 'Here it is', waitMs: 2000 }, { id: 'b', title: 'B' }]))
    expect(ui.queryByRole('dialog')).toBeNull()
    setTimeout(() => button('late'), 30)
    await waitFor(() => expect(ui.getByRole('dialog', { name: 'Here it is' })).toBeTruthy())
    // A Next step: the whole page is inert, the target too.
    expect(ui.getByRole('button', { name: 'Next' })).toBeTruthy()
    expect(summary(events)).toEqual(['shown'])
  })

  it('reports a target that never appears as target_missing, never as a dismissal, and skips the step', async () => {
    const { ui, events } = await show(tour([
      { id: 'a', title: 'A' },
      { id: 'gone', target: '#nowhere', title: 'Gone', waitMs: 20 },
      { id: 'c', title: 'C' },
    ]))
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(ui.getByRole('dialog', { name: 'C' })).toBeTruthy())
    expect(summary(events)).toEqual(['shown', 'step:1:gone', 'warning:1:gone:target_missing', 'step:2:c'])
    expect(ui.getByText('3 of 3')).toBeTruthy()
  })

  it('pauses on a missing target when the tour says so: one final error, the widget leaves', async () => {
    const { ui, events } = await show(tour([{ id: 'gone', target: '#nowhere', title: 'Gone', waitMs: 10 }, { id: 'b', title: 'B' }], { onMissingTarget: 'pause' }))
    await waitFor(() => expect(summary(events)).toEqual(['shown', 'error:0:gone:target_missing']))
    expect(ui.queryByRole('dialog')).toBeNull()
  })

  it('resumes on the step reached when resumed, and starts afresh when shown again', async () => {
    const steps = [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }, { id: 'c', title: 'C' }]
    const resumed = await show(tour(steps), { via: 'resume', state: { shownCount: 1, step: 1 } })
    await waitFor(() => expect(resumed.ui.getByRole('dialog', { name: 'B' })).toBeTruthy())
    expect(summary(resumed.events)).toEqual(['shown'])
    document.body.replaceChildren()
    const again = await show(tour(steps), { via: 'manual', state: { shownCount: 1, step: 1 } })
    await waitFor(() => expect(again.ui.getByRole('dialog', { name: 'A' })).toBeTruthy())
  })

  it('is driven by the keyboard (→ next, ← back, Esc closes with the step), mirrored in RTL', async () => {
    const steps = [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }]
    const ltr = await show(tour(steps))
    const dialog = () => ltr.ui.getByRole('dialog')
    fireEvent.keyDown(dialog(), { key: 'ArrowRight' })
    expect(ltr.ui.getByRole('dialog', { name: 'B' })).toBeTruthy()
    fireEvent.keyDown(dialog(), { key: 'ArrowLeft' })
    expect(ltr.ui.getByRole('dialog', { name: 'A' })).toBeTruthy()
    fireEvent.keyDown(dialog(), { key: 'Escape' })
    expect(summary(ltr.events)).toEqual(['shown', 'step:1:b', 'step:0:a', 'dismissed:0:a:escape'])

    const rtl = await show(tour(steps, { locales: { fa: { steps: [{ title: 'الف' }, { title: 'ب' }] } } }), { locale: 'fa' })
    expect(rtl.ui.getByText('۱ از ۲')).toBeTruthy()
    fireEvent.keyDown(rtl.ui.getByRole('dialog'), { key: 'ArrowLeft' })
    expect(rtl.ui.getByRole('dialog', { name: 'ب' })).toBeTruthy()
    expect(rtl.ui.getByRole('button', { name: 'قبلی' })).toBeTruthy()
  })

  it('moves focus in on every step and gives it back when the tour ends', async () => {
    const before = button('before')
    before.focus()
    const { ui, host } = await show(tour([{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }]))
    const root = host?.shadowRoot as ShadowRoot
    await waitFor(() => expect(root.activeElement?.textContent).toBe('Next'))
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(root.activeElement?.textContent).toBe('Done'))
    await waitFor(() => expect(ui.getByRole('status').textContent).toBe('B. 2 of 2'))
    fireEvent.click(ui.getByRole('button', { name: 'Done' }))
    expect(document.activeElement).toBe(before)
  })

  it('a step that must not be skipped has no × and ignores Esc', async () => {
    const { ui, events } = await show(tour([{ id: 'a', title: 'A', skippable: false }, { id: 'b', title: 'B' }]))
    expect(ui.getByRole('dialog').closest('.lock')).not.toBeNull()
    fireEvent.keyDown(ui.getByRole('dialog'), { key: 'Escape' })
    expect(summary(events)).toEqual(['shown'])
  })

  it('waits on another page for a step that lives there, and shows it after an SPA navigation', async () => {
    const { ui, events } = await show(tour([{ id: 'a', title: 'A', url: '/' }, { id: 'b', title: 'On the board', url: '/board' }]))
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    expect(ui.queryByRole('dialog')).toBeNull()
    history.pushState(null, '', '/board')
    await waitFor(() => expect(ui.getByRole('dialog', { name: 'On the board' })).toBeTruthy())
    // Back would lead to a step of another page: not offered.
    expect(ui.queryByRole('button', { name: 'Back' })).toBeNull()
    expect(summary(events)).toEqual(['shown', 'step:1:b'])
  })
})

describe('media', () => {
  it('shows an image with its alt text, and only from http(s) or relative URLs', async () => {
    const { ui } = await show(tour([
      { id: 'a', title: 'A', media: { src: '/img/board.png', alt: 'A board with three columns' } },
      { id: 'b', title: 'B', media: { src: 'javascript:alert(1)', alt: 'nope' } },
    ]))
    expect(ui.getByRole('img', { name: 'A board with three columns' }).getAttribute('src')).toBe('/img/board.png')
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    expect(ui.getByRole('dialog', { name: 'B' })).toBeTruthy()
    expect(ui.queryByRole('img')).toBeNull()
  })
})

describe('targets', () => {
  it('pierce open shadow roots with >>>', () => {
    const shell = document.createElement('app-shell')
    const shadow = shell.attachShadow({ mode: 'open' })
    const inner = document.createElement('button')
    inner.className = 'add'
    shadow.append(inner)
    document.body.append(shell)
    expect(findTarget(document, 'app-shell >>> .add')).toBe(inner)
    expect(findTarget(document, 'app-shell >>> .missing')).toBeUndefined()
    expect(findTarget(document, 'nothing >>> .add')).toBeUndefined()
    expect(findTarget(document, '[[invalid')).toBeUndefined()
  })
})

describe('check', () => {
  it.each([
    [tour([{ id: 'a', title: 'A' }]), undefined],
    [tour([{ id: 'a', title: 'A', advanceOn: 'click' }]), '$.steps[0]: a target must be a selector, and a step that advances on click needs one'],
    [{ id: 't', kind: 'tour', steps: [] }, '$.steps: must be a non-empty list'],
  ] as const)('%j → %s', (flow, problem) => {
    expect(check(flow as TourFlow)).toBe(problem)
  })
})
