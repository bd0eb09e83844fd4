import { afterEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import { show, summary, testRuntime } from './harness.ts'
import { announcement, checklist, survey, tour } from './flows.ts'
import { chunkUrl, type WidgetEvent } from '../../packages/sdk/src/widgets/runtime.ts'

afterEach(() => {
  document.body.replaceChildren()
  document.documentElement.removeAttribute('lang')
})

const shadowActive = (host: HTMLElement | null) => host?.shadowRoot?.activeElement ?? null

describe('a tour placeholder', () => {
  it('renders in an open shadow root on one host element and walks through its steps', async () => {
    const { host, ui, events } = await show(tour, { user: { traits: { firstName: 'Sara' } } })
    expect(host?.parentElement).toBe(document.body)
    expect(host?.shadowRoot?.mode).toBe('open')
    const dialog = ui.getByRole('dialog', { name: 'Welcome, Sara' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(within(dialog).getByText('around').tagName).toBe('STRONG')
    expect(ui.getByText('1 of 3')).toBeTruthy()
    expect(ui.queryByRole('button', { name: 'Back' })).toBeNull()

    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    expect(ui.getByRole('dialog', { name: 'Projects' })).toBeTruthy()
    expect(ui.getByText('2 of 3')).toBeTruthy()
    expect(ui.getAllByRole('listitem').map((li: HTMLElement) => li.textContent)).toEqual(['Create', 'Share'])

    await waitFor(() => expect(ui.getByRole('status').textContent).toBe('Projects. 2 of 3'))

    fireEvent.click(ui.getByRole('button', { name: 'Back' }))
    expect(ui.getByText('1 of 3')).toBeTruthy()
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    expect(ui.getByRole('link', { name: 'our blog' }).getAttribute('target')).toBe('_blank')
    fireEvent.click(ui.getByRole('button', { name: 'Done' }))

    expect(summary(events)).toEqual(['shown', 'step:1:projects', 'step:0:hello', 'step:1:projects', 'step:2:done', 'completed:2:done'])
    expect(ui.queryByRole('dialog')).toBeNull()
  })

  it('is dismissed by the × button and by Esc, reporting the step', async () => {
    const first = await show(tour)
    fireEvent.click(first.ui.getByRole('button', { name: 'Next' }))
    fireEvent.click(first.ui.getByRole('button', { name: 'Close' }))
    expect(summary(first.events)).toEqual(['shown', 'step:1:projects', 'dismissed:1:projects:close'])
    expect(first.ui.queryByRole('dialog')).toBeNull()

    const second = await show(tour)
    const pageEsc = vi.fn()
    document.addEventListener('keydown', pageEsc)
    fireEvent.keyDown(second.ui.getByRole('dialog'), { key: 'Escape' })
    document.removeEventListener('keydown', pageEsc)
    expect(summary(second.events)).toEqual(['shown', 'dismissed:0:hello:escape'])
    expect(pageEsc).not.toHaveBeenCalled()
  })

  it('moves focus in, traps Tab, and gives focus back on close', async () => {
    const before = document.createElement('button')
    before.textContent = 'Open tour'
    document.body.append(before)
    before.focus()
    const { host, ui } = await show(tour)
    const next = ui.getByRole('button', { name: 'Next' })
    const close = ui.getByRole('button', { name: 'Close' })
    expect(document.activeElement).toBe(host)
    expect(shadowActive(host)).toBe(next)

    fireEvent.keyDown(close, { key: 'Tab' })
    close.focus()
    fireEvent.keyDown(close, { key: 'Tab' })
    expect(shadowActive(host)).toBe(next)
    fireEvent.keyDown(next, { key: 'Tab', shiftKey: true })
    expect(shadowActive(host)).toBe(close)

    fireEvent.click(close)
    expect(document.activeElement).toBe(before)
  })

  it('leaves focus alone on close when the reader has moved on', async () => {
    const elsewhere = document.createElement('input')
    document.body.append(elsewhere)
    const { handle } = await show(tour)
    elsewhere.focus()
    handle.close()
    expect(document.activeElement).toBe(elsewhere)
  })

  it('closes from outside without a report', async () => {
    const { handle, events, ui } = await show(tour)
    handle.close()
    handle.close()
    expect(ui.queryByRole('dialog')).toBeNull()
    expect(summary(events)).toEqual(['shown'])
  })
})

describe('the other kinds', () => {
  it('a survey pops up in the corner without stealing focus and announces itself', async () => {
    const outside = document.createElement('input')
    document.body.append(outside)
    outside.focus()
    const { ui, events, host } = await show(survey, { user: { traits: { firstName: 'Ali' } } })
    const dialog = ui.getByRole('dialog', { name: 'How likely are you to recommend us?' })
    expect(dialog.getAttribute('aria-modal')).toBeNull()
    expect(dialog.className).toContain('corner')
    expect(document.activeElement).toBe(outside)
    await waitFor(() => expect(ui.getByRole('status').textContent).toBe('How likely are you to recommend us?'))
    fireEvent.click(ui.getByRole('button', { name: 'Close' }))
    expect(summary(events)).toEqual(['shown', 'dismissed:0:score:close'])
    expect(host?.shadowRoot?.querySelector('.root')).toBeNull()
  })

  it('a modal survey is centered over a backdrop', async () => {
    const { ui } = await show({ ...survey, display: 'modal' })
    expect(ui.getByRole('dialog').getAttribute('aria-modal')).toBe('true')
    expect(ui.getByRole('dialog').parentElement?.className).toBe('backdrop')
  })

  it('a checklist lists its items with a localized count', async () => {
    const { ui } = await show(checklist, { locale: 'en' })
    expect(ui.getByRole('dialog', { name: 'Get started' })).toBeTruthy()
    expect(ui.getAllByRole('listitem').map((li: HTMLElement) => li.textContent)).toEqual(['Create a project', 'Invite a teammate'])
    expect(ui.getByText('0 of 2 done')).toBeTruthy()
  })

  it.each([
    ['modal', 'dialog', 'backdrop'],
    ['slideout', 'dialog', 'surface corner'],
    ['banner', 'region', 'surface top'],
  ] as const)('an announcement as %s is a %s', async (style, role, className) => {
    const { ui, events } = await show(announcement(style))
    const box = ui.getByRole(role, { name: 'Dark mode is here' })
    expect([box.className, box.parentElement?.className]).toContain(className)
    expect(ui.getByText('Settings').tagName).toBe('EM')
    fireEvent.click(ui.getByRole('button', { name: 'Done' }))
    expect(summary(events)).toEqual(['shown', 'completed:0'])
  })

  it('a bottom banner sits at the bottom', async () => {
    const { ui } = await show(announcement('banner', { position: 'bottom' }))
    expect(ui.getByRole('region').className).toBe('surface bottom')
  })
})

describe('languages', () => {
  it('renders Persian content right to left with Persian strings and digits', async () => {
    const { ui, host } = await show(tour, { locale: 'fa-IR', user: { traits: {} } })
    const root = host?.shadowRoot?.querySelector('.root')
    expect(root?.getAttribute('dir')).toBe('rtl')
    expect(root?.getAttribute('lang')).toBe('fa-IR')
    expect(ui.getByRole('dialog', { name: 'خوش آمدید، دوست من' })).toBeTruthy()
    expect(ui.getByText('۱ از ۳')).toBeTruthy()
    expect(ui.getByRole('button', { name: 'بعدی' })).toBeTruthy()
    expect(ui.getByRole('button', { name: 'بستن' })).toBeTruthy()
  })

  it('takes the language from <html lang> when init gave none, and Arabic digits from it', async () => {
    document.documentElement.lang = 'ar'
    const { ui, host } = await show(tour)
    expect(host?.shadowRoot?.querySelector('.root')?.getAttribute('dir')).toBe('rtl')
    expect(ui.getByText('١ من ٣')).toBeTruthy()
    expect(ui.getByRole('button', { name: 'التالي' })).toBeTruthy()
  })

  it('prefers init({ locale }) over <html lang>, and the mount locale over both', async () => {
    document.documentElement.lang = 'ar'
    expect((await show(tour, {}, { locale: 'fa' })).ui.getByText('۱ از ۳')).toBeTruthy()
    document.body.replaceChildren()
    expect((await show(tour, { locale: 'en' }, { locale: 'fa' })).ui.getByText('1 of 3')).toBeTruthy()
  })

  it('falls back to the browser language, then English', async () => {
    const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fa-IR', 'en'])
    expect((await show(tour)).ui.getByText('۱ از ۳')).toBeTruthy()
    document.body.replaceChildren()
    languages.mockReturnValue([])
    expect((await show(tour)).ui.getByText('1 of 3')).toBeTruthy()
    languages.mockRestore()
  })

  it('shows a flow without Persian content in its own language and direction', async () => {
    const { ui, host } = await show(checklist, { locale: 'fa' })
    expect(host?.shadowRoot?.querySelector('.root')?.getAttribute('dir')).toBe('ltr')
    expect(ui.getByText('0 of 2 done')).toBeTruthy()
  })

  it('keeps each widget in its own language', async () => {
    const runtime = testRuntime()
    await runtime.mount('tour', tour, { locale: 'fa', emit: () => {} })
    await runtime.mount('checklist', checklist, { locale: 'en', emit: () => {} })
    const roots = [...(document.querySelector('cairn-root')?.shadowRoot?.querySelectorAll('.root') ?? [])]
    expect(roots.map((r) => [r.getAttribute('lang'), r.getAttribute('dir')])).toEqual([['fa', 'rtl'], ['en', 'ltr']])
    expect(document.querySelectorAll('cairn-root')).toHaveLength(1)
  })
})

describe('failures never reach the page', () => {
  const throwing = (message: string) => ({
    default: () => {
      throw new Error(message)
    },
  })

  it('a chunk that fails to load is reported as chunk_failed and shows nothing', async () => {
    const events: WidgetEvent[] = []
    const runtime = testRuntime({ loadChunk: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')) })
    const handle = await runtime.mount('survey', survey, { emit: (e) => events.push(e) })
    handle.close()
    expect(events).toMatchObject([{ type: 'error', reason: 'chunk_failed' }])
    expect(document.querySelector('cairn-root')).toBeNull()
  })

  it('a chunk without a component is chunk_failed too', async () => {
    const events: WidgetEvent[] = []
    await testRuntime({ loadChunk: async () => ({ nothing: true }) }).mount('tour', tour, { emit: (e) => events.push(e) })
    expect(summary(events)).toEqual(['error:chunk_failed'])
  })

  it('loads each kind by its chunk name, and names chunks <kind>.js under the base', async () => {
    const names: string[] = []
    const runtime = testRuntime({
      loadChunk: async (name) => {
        names.push(name)
        return throwing('x')
      },
    })
    for (const kind of ['tour', 'survey', 'checklist', 'announcement'] as const) await runtime.mount(kind, tour, { emit: () => {} })
    expect(names).toEqual(['tour', 'survey', 'checklist', 'announcement'])
    expect(chunkUrl('https://cdn.example/cairn/1.0/cairn.js', 'survey')).toBe('https://cdn.example/cairn/1.0/survey.js')
    expect(chunkUrl(new URL('https://cdn.example/cairn/'), 'runtime')).toBe('https://cdn.example/cairn/runtime.js')
  })

  it('a widget that throws while rendering is reported as render_failed and removed', async () => {
    const { events, host } = await show(tour, {}, { loadChunk: async () => throwing('boom') })
    expect(summary(events)).toEqual(['error:render_failed'])
    expect((events[0]?.error as Error).message).toBe('boom')
    await waitFor(() => expect(host?.shadowRoot?.querySelector('.root')).toBeNull())
  })

  it('a click handler that throws is reported, not thrown', async () => {
    const { Button } = await import('../../packages/sdk/src/widgets/ui/button.tsx')
    const Widget = () => (
      <Button
        onClick={() => {
          throw new Error('handler')
        }}
      >
        Go
      </Button>
    )
    const { ui, events } = await show(tour, {}, { loadChunk: async () => ({ default: Widget }) })
    fireEvent.click(ui.getByRole('button', { name: 'Go' }))
    expect(summary(events)).toEqual(['shown', 'error:render_failed'])
    await waitFor(() => expect(ui.queryByRole('button')).toBeNull())
  })

  it('an emit listener that throws does not break the widget', async () => {
    const { ui } = await show(tour, {
      emit: () => {
        throw new Error('listener')
      },
    })
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    expect(ui.getByText('2 of 3')).toBeTruthy()
  })

  it('explains failures on the console in debug mode only', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await show(tour, {}, { loadChunk: () => Promise.reject(new Error('offline')) })
    expect(warn).not.toHaveBeenCalled()
    await show(tour, {}, { debug: true, loadChunk: () => Promise.reject(new Error('offline')) })
    expect(warn).toHaveBeenCalledWith('[cairn] widget error: chunk_failed', expect.any(Error))
    warn.mockRestore()
  })
})

describe('runtime instances', () => {
  it('two SDK instances get separate hosts; destroying one leaves the other', async () => {
    const a = testRuntime()
    const b = testRuntime()
    await a.mount('tour', tour, { emit: () => {} })
    await b.mount('checklist', checklist, { emit: () => {} })
    expect(document.querySelectorAll('cairn-root')).toHaveLength(2)
    a.destroy()
    expect(document.querySelectorAll('cairn-root')).toHaveLength(1)
    expect(within(document.querySelector('cairn-root')?.shadowRoot as unknown as HTMLElement).getByRole('dialog', { name: 'Get started' })).toBeTruthy()
    const events: WidgetEvent[] = []
    await a.mount('tour', tour, { emit: (e) => events.push(e) })
    expect(events).toEqual([])
    expect(document.querySelectorAll('cairn-root')).toHaveLength(1)
  })

  it('puts its host back if the page removed it', async () => {
    const runtime = testRuntime()
    await runtime.mount('tour', tour, { emit: () => {} })
    document.body.replaceChildren()
    await runtime.mount('checklist', checklist, { emit: () => {} })
    expect(document.querySelectorAll('cairn-root')).toHaveLength(1)
  })
})
