import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent, waitFor } from '@testing-library/preact'
import type { Flow } from '@cairn/protocol'
import { show, summary } from './harness.ts'
import { announcement } from './flows.ts'
import { check, css } from '../../packages/sdk/src/widgets/announcement.tsx'

afterEach(() => {
  document.body.replaceChildren()
})

const withCta = (style: 'modal' | 'banner' | 'slideout', url = 'https://example.com/dark-mode') =>
  announcement(style, { media: { src: 'https://example.com/dark.png', alt: 'The board in dark colours' }, cta: { label: 'Try it', url } })

/** The link, kept from navigating happy-dom's window away (the widget's own handler still runs). */
const stay = (link: HTMLElement) => {
  link.addEventListener('click', (e) => e.preventDefault())
  return link
}

describe('the announcement widget', () => {
  it('a modal is centered, takes focus, traps Tab, and shows the image with its alt text', async () => {
    const { ui, host } = await show(withCta('modal'))
    const dialog = ui.getByRole('dialog', { name: 'Dark mode is here' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(dialog.parentElement?.className).toBe('backdrop')
    expect(ui.getByRole('img', { name: 'The board in dark colours' }).getAttribute('src')).toBe('https://example.com/dark.png')
    await waitFor(() => expect(host?.shadowRoot?.activeElement?.textContent).toBe('Done'))
    const close = ui.getByRole('button', { name: 'Close' })
    close.focus()
    fireEvent.keyDown(close, { key: 'Tab' })
    expect(host?.shadowRoot?.activeElement).toBe(ui.getByRole('link', { name: 'Try it' }))
  })

  it.each(['top', 'bottom'] as const)('a %s banner is a fixed region that leaves focus alone and announces itself', async (position) => {
    const outside = document.createElement('input')
    document.body.append(outside)
    outside.focus()
    const { ui } = await show(announcement('banner', { position }))
    expect(ui.getByRole('region', { name: 'Dark mode is here' }).className).toBe(`surface ${position}`)
    expect(document.activeElement).toBe(outside)
    await waitFor(() => expect(ui.getByRole('status').textContent).toBe('Dark mode is here'))
  })

  it('a slide-out is a corner panel, not modal', async () => {
    const { ui } = await show(announcement('slideout'))
    const dialog = ui.getByRole('dialog', { name: 'Dark mode is here' })
    expect(dialog.className).toBe('surface corner')
    expect(dialog.getAttribute('aria-modal')).toBeNull()
  })

  it.each([
    ['× button', (ui: Awaited<ReturnType<typeof show>>['ui']) => fireEvent.click(ui.getByRole('button', { name: 'Close' })), ['shown', 'dismissed:0:close']],
    ['Esc', (ui: Awaited<ReturnType<typeof show>>['ui']) => fireEvent.keyDown(ui.getByRole('region'), { key: 'Escape' }), ['shown', 'dismissed:0:escape']],
    ['Done', (ui: Awaited<ReturnType<typeof show>>['ui']) => fireEvent.click(ui.getByRole('button', { name: 'Done' })), ['shown', 'completed:0']],
    ['call to action', (ui: Awaited<ReturnType<typeof show>>['ui']) => fireEvent.click(stay(ui.getByRole('link', { name: 'Try it' }))), ['shown', 'step:0:cta', 'completed:0:cta']],
  ] as const)('reports the %s and goes', async (_, act, reports) => {
    const { ui, events, host } = await show(withCta('banner'))
    act(ui)
    expect(summary(events)).toEqual(reports)
    expect(host?.shadowRoot?.querySelector('.surface')).toBeNull()
  })

  it('opens a URL call to action safely: other sites in a new tab without an opener; a script URL is no link', async () => {
    const { ui } = await show(withCta('slideout'))
    const link = ui.getByRole('link', { name: 'Try it' })
    expect([link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]).toEqual(['https://example.com/dark-mode', '_blank', 'noopener noreferrer'])
    document.body.replaceChildren()
    const hostile = await show(announcement('modal', { cta: { label: 'Try it', url: 'javascript:alert(1)' }, media: { src: 'javascript:alert(1)', alt: 'x' } }))
    expect(hostile.ui.queryByRole('link')).toBeNull()
    expect(hostile.ui.queryByRole('img')).toBeNull()
    expect(hostile.ui.queryByText('Try it')).toBeNull()
  })

  it('a tour call to action is a button reported as the CTA', async () => {
    const { ui, events } = await show(announcement('modal', { cta: { label: 'Show me', tour: 'welcome' } }))
    fireEvent.click(ui.getByRole('button', { name: 'Show me' }))
    expect(summary(events)).toEqual(['shown', 'step:0:cta', 'completed:0:cta'])
  })

  it.each([
    ['fa', 'انتخاب تم تیره', 'rtl', 'بستن'],
    ['ar', 'الوضع الداكن', 'rtl', 'إغلاق'],
  ] as const)('speaks %s right to left with its built-in strings', async (locale, title, dir, close) => {
    const { ui, host } = await show(announcement('slideout', { locales: { fa: { title: 'انتخاب تم تیره' }, ar: { title: 'الوضع الداكن' } } }), { locale })
    expect(ui.getByRole('dialog', { name: title })).toBeTruthy()
    expect(host?.shadowRoot?.querySelector('.root')?.getAttribute('dir')).toBe(dir)
    expect(ui.getByRole('button', { name: close })).toBeTruthy()
  })

  it('brings its own stylesheet with a beacon pulse', () => {
    expect(css).toContain('@keyframes cairn-pulse')
  })
})

describe('the hotspot', () => {
  it('puts a beacon on the target once it appears; pressing it opens the tooltip, Esc dismisses', async () => {
    const { ui, events, host } = await show(announcement('hotspot', { target: '#new-button' }))
    const beacon = host?.shadowRoot?.querySelector('.beacon') as HTMLButtonElement
    expect(beacon.hidden).toBe(true)
    const button = document.createElement('button')
    button.id = 'new-button'
    document.body.append(button)
    await waitFor(() => expect(beacon.hidden).toBe(false))
    expect(beacon.getAttribute('aria-label')).toBe('Dark mode is here')
    expect(beacon.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(beacon)
    expect(beacon.getAttribute('aria-expanded')).toBe('true')
    const tip = ui.getByRole('dialog', { name: 'Dark mode is here' })
    await waitFor(() => expect(ui.getByRole('status').textContent).toBe('Dark mode is here'))
    fireEvent.keyDown(tip, { key: 'Escape' })
    expect(summary(events)).toEqual(['shown', 'step:0:open', 'dismissed:0:escape'])
  })

  it('a target that never appears (here: an unusable selector) leaves the beacon hidden and is reported target_missing after 5 s', async () => {
    const { events, host } = await show(announcement('hotspot', { target: '#[' }))
    await new Promise((r) => setTimeout(r, 4000))
    expect(summary(events)).toEqual(['shown'])
    await waitFor(() => expect(summary(events)).toEqual(['shown', 'error:0:target_missing']), { timeout: 3000 })
    expect((host?.shadowRoot?.querySelector('.beacon') as HTMLButtonElement).hidden).toBe(true)
  }, 10_000)
})

describe('check', () => {
  const base = { id: 'a', kind: 'announcement', title: 'A', style: 'modal' }
  it.each([
    [{ ...base, style: 'hotspot' }, '$.target: a hotspot needs a target selector'],
    [{ ...base, media: { src: 'https://x/y.png' } }, '$.media: must have src and alt'],
    [{ ...base, cta: { label: 'Go' } }, '$.cta: must have a label and a url or a tour'],
    [{ ...base, cta: null }, '$.cta: must have a label and a url or a tour'],
    [{ ...base, cta: { label: 'Go', tour: 'welcome' } }, undefined],
  ])('%j → %s', (flow, problem) => {
    expect(check(flow as Flow)).toBe(problem)
  })
})
