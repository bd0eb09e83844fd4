import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import type { TourFlow } from '@cairn/protocol'
import type { EngineHost, EventInput } from '../../packages/sdk/src/core/engine.ts'
import { manualClock, memoryStorage, storageKeys } from '../../packages/sdk/src/index.ts'
import { preview } from '../../packages/sdk/src/widgets/preview.tsx'
import { loadSourceChunk } from './harness.ts'

const TOUR: TourFlow = {
  id: 'welcome', kind: 'tour', locale: 'en',
  steps: [{ id: 'hello', title: 'Hello' }, { id: 'board', title: 'Your board' }, { id: 'bye', title: 'Bye' }],
  locales: { fa: { steps: [{ title: 'سلام' }, { title: 'تخته' }, { title: 'خداحافظ' }] }, 'de-CH': { steps: [{ title: 'Grüezi' }] } },
}

/** The client's side of a preview, as twins: what it records and what it reports failing. */
function host() {
  const recorded: EventInput[] = []
  const failed: string[] = []
  const storage = memoryStorage()
  const h: EngineHost = {
    options: { key: 'pk_test', locale: 'en' }, endpoint: '', keys: storageKeys('pk_test'), storage, clock: manualClock(),
    unit: () => 0.5, anonymousId: () => 'anon', user: () => undefined, optedOut: () => false,
    record: (event) => void recorded.push(event), emit() {}, fail: (code, detail) => void failed.push(`${code} ${String(detail)}`),
    loadChunk: loadSourceChunk, stores: () => undefined, listens: () => false,
  }
  return { h, recorded, failed, storage }
}

const shadow = () => within(document.querySelector('cairn-root')!.shadowRoot as unknown as HTMLElement)
const region = () => shadow().getByRole('region', { name: /Preview · not recorded|پیش‌نمایش/ })
const card = (name: string | RegExp) => waitFor(() => shadow().getByRole('dialog', { name }))

afterEach(() => document.body.replaceChildren())

describe('the preview bar', () => {
  it('is a labelled region with the flow id, the step, Back/Next buttons, a labelled language select and Close', async () => {
    preview(host().h, TOUR)
    await card('Hello')
    const bar = within(region())
    expect(bar.getByText('welcome')).toBeTruthy()
    expect(bar.getByText('Step 1 of 3')).toBeTruthy()
    expect((bar.getByRole('button', { name: 'Previous step' }) as HTMLButtonElement).disabled).toBe(true)
    expect((bar.getByRole('button', { name: 'Next step' }) as HTMLButtonElement).disabled).toBe(false)
    const select = bar.getByRole('combobox', { name: 'Language' }) as HTMLSelectElement
    expect([...select.options].map((o) => o.value)).toEqual(['en', 'fa', 'ar', 'de-CH'])
    expect(select.value).toBe('en')
    expect(bar.getByRole('button', { name: 'Close preview' })).toBeTruthy()
  })

  it('steps the tour forward and back, drawing the step at once; the tour’s own Next moves the bar too', async () => {
    const { h, recorded } = host()
    preview(h, TOUR)
    await card('Hello')
    fireEvent.click(within(region()).getByRole('button', { name: 'Next step' }))
    await card('Your board')
    expect(within(region()).getByText('Step 2 of 3')).toBeTruthy()
    fireEvent.click(within(region()).getByRole('button', { name: 'Next step' }))
    await card('Bye')
    expect((within(region()).getByRole('button', { name: 'Next step' }) as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(within(region()).getByRole('button', { name: 'Previous step' }))
    await card('Your board')
    fireEvent.click(within(await card('Your board')).getByRole('button', { name: 'Next' }))
    await card('Bye')
    await waitFor(() => expect(within(region()).getByText('Step 3 of 3')).toBeTruthy())
    expect(shadow().getAllByRole('dialog')).toHaveLength(1)
    expect(recorded.length).toBeGreaterThan(0)
    expect(recorded.every((e) => (e as { preview?: boolean }).preview === true && (e as { flowId?: string }).flowId === 'welcome')).toBe(true)
  })

  it('switches the language: the tour in Persian, right to left, and the bar with it', async () => {
    preview(host().h, TOUR)
    await card('Hello')
    fireEvent.change(within(region()).getByRole('combobox', { name: 'Language' }), { target: { value: 'fa' } })
    const dialog = await card('سلام')
    expect(dialog.closest('[dir]')?.getAttribute('dir')).toBe('rtl')
    const bar = region()
    expect(bar.getAttribute('dir')).toBe('rtl')
    expect(bar.getAttribute('aria-label')).toBe('پیش‌نمایش · ثبت نمی‌شود')
    expect(within(bar).getByText('گام ۱ از ۳')).toBeTruthy()
    expect(within(bar).getByRole('button', { name: 'گام بعدی' })).toBeTruthy()
  })

  it('offers the flow again once the author completes it, and closes everything with Close', async () => {
    const { h, storage } = host()
    preview(h, { ...TOUR, steps: [{ id: 'only', title: 'Only step' }] })
    const dialog = await card('Only step')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }))
    await waitFor(() => expect(shadow().queryByRole('dialog')).toBeNull())
    fireEvent.click(within(region()).getByRole('button', { name: 'Show again' }))
    await card('Only step')
    fireEvent.click(within(region()).getByRole('button', { name: 'Close preview' }))
    await waitFor(() => expect(document.querySelector('cairn-root')).toBeNull())
    expect(storage.keys('')).toEqual([])
  })

  it('a second preview replaces the first', async () => {
    const { h } = host()
    preview(h, TOUR)
    await card('Hello')
    preview(h, { ...TOUR, id: 'second', steps: [{ id: 's', title: 'Second' }] })
    await card('Second')
    expect(document.querySelectorAll('cairn-root')).toHaveLength(1)
    expect(shadow().queryByRole('dialog', { name: 'Hello' })).toBeNull()
  })
})
