import { afterEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import type { ChecklistFlow } from '@cairn/protocol'
import { atom } from 'nanostores'
import { emptyState, type EngineState } from '../../packages/sdk/src/engine/index.ts'
import type { WidgetLive } from '../../packages/sdk/src/widgets/runtime.ts'
import { show, summary } from './harness.ts'

afterEach(() => {
  document.body.replaceChildren()
})

const flow: ChecklistFlow = {
  id: 'start', kind: 'checklist', title: 'Get started', body: 'Four steps.',
  items: [
    { id: 'board', title: 'Create a board', completeOn: { event: 'board_created' } },
    { id: 'tour', title: 'Take the tour', action: { tour: 'welcome' } },
    { id: 'guide', title: 'Read the guide', description: 'Five minutes.', action: { url: 'https://docs.example/guide' } },
    { id: 'done-by-hand', title: 'Say hello' },
  ],
  locales: { fa: { title: 'شروع کنید', items: [{ title: 'یک بورد بسازید' }, { title: 'گشت را ببینید' }, { title: 'راهنما را بخوانید' }, { title: 'سلام کنید' }] } },
}

/** The engine's live side, played by the test: push states into its `$state`, see what the widget asked for. */
function fakeLive(memo?: string) {
  const $state = atom<EngineState>(emptyState())
  const started: string[] = []
  const remembered: string[] = []
  const live: WidgetLive = {
    $state,
    start: (id, kind) => void started.push(`${kind}:${id}`),
    memo,
    remember: (value) => void remembered.push(value),
  }
  const push = (items: Record<string, number>) => $state.set({ ...$state.get(), flows: { [flow.id]: { shownCount: 1, items } } })
  return { live, started, remembered, push, watching: () => $state.lc > 0 }
}

const shadowActive = (host: HTMLElement | null) => host?.shadowRoot?.activeElement ?? null
const status = (ui: ReturnType<typeof within>) => ui.getByRole('status').textContent

describe('the checklist widget', () => {
  it('lists the items with their state, the progress, and ticks items live, announcing each', async () => {
    const t = fakeLive()
    const { ui } = await show(flow, { live: t.live, locale: 'en' })
    const panel = ui.getByRole('dialog', { name: 'Get started' })
    expect(panel.getAttribute('aria-describedby')).toBeTruthy()
    expect(ui.getByText('0 of 4 done')).toBeTruthy()
    expect(ui.getAllByRole('listitem').map((li: HTMLElement) => li.textContent)).toEqual(['Create a board', 'Take the tour', 'Read the guideFive minutes.', 'Say hello'])
    expect(ui.getAllByRole('img', { name: 'not completed' })).toHaveLength(4)
    await waitFor(() => expect(status(ui)).toBe('Get started. 0 of 4 done'))

    t.push({ board: 1 })
    await waitFor(() => expect(ui.getByText('1 of 4 done')).toBeTruthy())
    expect(within(ui.getAllByRole('listitem')[0] as HTMLElement).getByRole('img').getAttribute('aria-label')).toBe('completed')
    await waitFor(() => expect(status(ui)).toBe('Done: Create a board. 1 of 4 done'))
  })

  it('ticks an item by hand (a checkbox), reporting the step with the item id', async () => {
    const t = fakeLive()
    const { ui, events } = await show(flow, { live: t.live })
    const box = ui.getByRole('checkbox', { name: 'Say hello' })
    expect(box.getAttribute('aria-checked')).toBe('false')
    fireEvent.click(box)
    await waitFor(() => expect(ui.getByRole('checkbox', { name: 'Say hello' }).getAttribute('aria-checked')).toBe('true'))
    expect(summary(events)).toEqual(['shown', 'step:3:done-by-hand'])
    expect(ui.getByText('1 of 4 done')).toBeTruthy()
  })

  it('a link item opens its (checked) URL and ticks; a tour item starts the tour and gets out of its way', async () => {
    const t = fakeLive()
    const { ui, events } = await show(flow, { live: t.live })
    const link = ui.getByRole('link', { name: 'Read the guide' })
    expect(link.getAttribute('href')).toBe('https://docs.example/guide')
    expect(link.getAttribute('rel')).toBe('noopener noreferrer')
    link.addEventListener('click', (e: Event) => e.preventDefault())
    fireEvent.click(link)
    expect(summary(events)).toEqual(['shown', 'step:2:guide'])

    fireEvent.click(ui.getByRole('button', { name: 'Take the tour' }))
    expect(t.started).toEqual(['tour:welcome'])
    await waitFor(() => expect(ui.queryByRole('dialog')).toBeNull())
    expect(ui.getByRole('button', { name: 'Get started 1 of 4' })).toBeTruthy()
    expect(t.remembered).toEqual(['min'])
  })

  it('refuses a javascript: link (plain text, no tick), and keeps a link with parentheses and spaces whole', async () => {
    const bad = { ...flow, items: [{ id: 'x', title: 'Click me', action: { url: 'javascript:alert(1)' } }, { id: 'y', title: 'Wiki [page]', action: { url: '/wiki/A (b) c' } }] } as ChecklistFlow
    const { ui, events } = await show(bad, { live: fakeLive().live })
    expect(ui.getAllByRole('link').map((a: HTMLElement) => [a.textContent, a.getAttribute('href'), a.getAttribute('target')])).toEqual([['Wiki [page]', '/wiki/A (b) c', null]])
    fireEvent.click(ui.getByText('Click me'))
    expect(summary(events)).toEqual(['shown'])
  })

  it('minimizes to a launcher (ring and count) and back, remembered, with focus following', async () => {
    const t = fakeLive()
    const { ui, host } = await show(flow, { live: t.live })
    await waitFor(() => expect(t.watching()).toBe(true))
    t.push({ board: 1, tour: 2 })
    fireEvent.click(ui.getByRole('button', { name: 'Minimize' }))
    const launcher = await waitFor(() => ui.getByRole('button', { name: 'Get started 2 of 4' }))
    expect(launcher.getAttribute('aria-expanded')).toBe('false')
    expect(launcher.querySelector('.cl-fill')?.getAttribute('stroke-dasharray')).toBe('50 100')
    expect(shadowActive(host)).toBe(launcher)
    fireEvent.click(launcher)
    await waitFor(() => expect(ui.getByRole('dialog', { name: 'Get started' })).toBeTruthy())
    expect(shadowActive(host)?.textContent).toBe('Get started')
    fireEvent.keyDown(ui.getByRole('dialog'), { key: 'Escape' })
    await waitFor(() => expect(ui.queryByRole('dialog')).toBeNull())
    expect(t.remembered).toEqual(['min', 'open', 'min'])
  })

  it('starts minimized when the reader minimized it before', async () => {
    const { ui } = await show(flow, { live: fakeLive('min').live })
    expect(ui.queryByRole('dialog')).toBeNull()
    expect(ui.getByRole('button', { name: 'Get started 0 of 4' })).toBeTruthy()
  })

  it('× dismisses it, unless it is not dismissible (then × minimizes)', async () => {
    const first = await show(flow, { live: fakeLive().live })
    fireEvent.click(first.ui.getByRole('button', { name: 'Close' }))
    expect(summary(first.events)).toEqual(['shown', 'dismissed:close'])
    document.body.replaceChildren()
    const second = await show({ ...flow, dismissible: false }, { live: fakeLive().live })
    fireEvent.click(second.ui.getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(second.ui.getByRole('button', { name: 'Get started 0 of 4' })).toBeTruthy())
    expect(summary(second.events)).toEqual(['shown'])
  })

  it('celebrates when everything is done (opening itself), and Done completes it', async () => {
    const t = fakeLive('min')
    const { ui, events } = await show(flow, { live: t.live })
    await waitFor(() => expect(t.watching()).toBe(true))
    t.push({ board: 1, tour: 2, guide: 3, 'done-by-hand': 4 })
    await waitFor(() => expect(ui.getByText('All done!')).toBeTruthy())
    expect(ui.getByRole('dialog', { name: 'Get started' })).toBeTruthy()
    await waitFor(() => expect(status(ui)).toBe('All done! You have finished every step.'))
    expect(ui.getByText('4 of 4 done')).toBeTruthy()
    fireEvent.click(ui.getByRole('button', { name: 'Done' }))
    expect(summary(events)).toEqual(['shown', 'completed'])
    expect(t.watching()).toBe(false)
  })

  it('finished while off screen (another page, tab or device), it opens to celebrate even if minimized before', async () => {
    const t = fakeLive('min')
    const items = { board: 1, tour: 2, guide: 3, 'done-by-hand': 4 }
    // The engine's state had them when the widget mounted: the state it is given is that one.
    t.push(items)
    const { ui, events } = await show(flow, { live: t.live, state: { shownCount: 1, items } })
    expect(ui.getByRole('dialog', { name: 'Get started' })).toBeTruthy()
    expect(ui.getByText('All done!')).toBeTruthy()
    await waitFor(() => expect(t.watching()).toBe(true))
    t.push(items)
    await waitFor(() => expect(status(ui)).toBe('All done! You have finished every step.'))
    expect(ui.getByText('4 of 4 done')).toBeTruthy()
    fireEvent.click(ui.getByRole('button', { name: 'Done' }))
    expect(summary(events)).toEqual(['shown', 'completed'])
  })

  it('× on a finished checklist completes it', async () => {
    const t = fakeLive()
    const items = { board: 1, tour: 2, guide: 3, 'done-by-hand': 4 }
    t.push(items)
    const { ui, events } = await show(flow, { live: t.live, state: { shownCount: 1, items } })
    fireEvent.click(ui.getByRole('button', { name: 'Close' }))
    expect(summary(events)).toEqual(['shown', 'completed'])
  })

  it('works without the engine (runtime.mount): the state it was given, hand ticks kept locally', async () => {
    const { ui } = await show(flow, { state: { shownCount: 1, items: { board: 1 } } })
    expect(ui.getByText('1 of 4 done')).toBeTruthy()
    fireEvent.click(ui.getByRole('checkbox', { name: 'Say hello' }))
    await waitFor(() => expect(ui.getByText('2 of 4 done')).toBeTruthy())
    fireEvent.click(ui.getByRole('button', { name: 'Take the tour' }))
    await waitFor(() => expect(ui.getByRole('button', { name: 'Get started 2 of 4' })).toBeTruthy())
  })

  it('speaks Persian with Persian digits, right to left, mirrored ring', async () => {
    const { ui, host } = await show(flow, { live: fakeLive().live, locale: 'fa' })
    expect(host?.shadowRoot?.querySelector('.root')?.getAttribute('dir')).toBe('rtl')
    expect(ui.getByRole('dialog', { name: 'شروع کنید' })).toBeTruthy()
    expect(ui.getByText('۰ از ۴ انجام شد')).toBeTruthy()
    expect(ui.getAllByRole('img', { name: 'انجام نشده' })).toHaveLength(4)
    fireEvent.click(ui.getByRole('button', { name: 'کوچک کردن' }))
    await waitFor(() => expect(ui.getByRole('button', { name: 'شروع کنید ۰ از ۴' })).toBeTruthy())
  })

  it('speaks Arabic with Arabic digits', async () => {
    const { ui } = await show({ ...flow, locale: 'ar' }, { live: fakeLive().live, locale: 'ar' })
    expect(ui.getByText('تم ٠ من ٤')).toBeTruthy()
  })

  it('adds its stylesheet once to the shadow root', async () => {
    const { runtime, host } = await show(flow, { live: fakeLive().live })
    await runtime.mount('checklist', { ...flow, id: 'other' }, { emit: vi.fn() })
    const sheets = host?.shadowRoot?.adoptedStyleSheets ?? []
    const mine = sheets.filter((s) => [...s.cssRules].some((r) => r.cssText.includes('.cl-launcher')))
    expect(mine).toHaveLength(1)
  })
})
