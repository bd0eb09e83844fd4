import { afterEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import type { Flow, TourFlow } from '@cairn/protocol'
import { flowEngine } from '../../packages/sdk/src/core/flow-engine-adapter.ts'
import { loadNpmChunk } from '../../packages/sdk/src/loader/npm-chunks.ts'
import { memoryStorage, storageKeys } from '../../packages/sdk/src/index.ts'
import type { Cairn } from '../../packages/sdk/src/index.ts'
import { ENDPOINT, accepted, settle, setup } from './core/support.ts'

/** A tour the engine would never show this user: wrong page, wrong plan, done already, held out. */
const TOUR: TourFlow = {
  id: 'welcome', kind: 'tour',
  trigger: { url: '/never/*' },
  audience: { trait: 'plan', op: 'eq', value: 'enterprise' },
  frequency: 'once',
  holdout: 1,
  steps: [{ id: 'hello', title: 'Hello' }, { id: 'board', title: 'Your board' }, { id: 'bye', title: 'Bye' }],
  locales: { fa: { steps: [{ title: 'سلام' }, { title: 'تخته' }, { title: 'خداحافظ' }] } },
}
const BASE = storageKeys('pk_test').base
const PAGE = 'https://app.example.com/projects/1'

const clients: Cairn[] = []
afterEach(() => {
  for (const sdk of clients.splice(0)) sdk.destroy()
  document.body.replaceChildren()
})

/** A client with the real engine adapter and widgets; `flows` answers the collector's reads. */
function client(page: string, answers: Record<string, () => Response> = {}) {
  const storage = memoryStorage()
  // This user finished the tour long ago: frequency `once` would never show it again.
  storage.set(`${BASE}engine:state`, JSON.stringify({ flows: { welcome: { shownCount: 1, shownAt: 1, completedAt: 2 } } }))
  const before = storage.keys(BASE).map((k) => [k, storage.get(k)])
  const reads: string[] = []
  const fetch = vi.fn(async (input: string | URL | Request) => {
    const url = String(input instanceof Request ? input.url : input)
    reads.push(url)
    const path = new URL(url).pathname
    return answers[path]?.() ?? new Response(JSON.stringify({ flows: [TOUR] }), { status: 200 })
  }) as typeof globalThis.fetch
  const made = setup({
    answer: accepted, storage,
    deps: { user: { id: 'u1', traits: { plan: 'free' } }, loadChunk: loadNpmChunk, engine: flowEngine({ fetch, url: () => page }), debug: true },
  })
  clients.push(made.sdk)
  /** Engine keys now that differ from before the page started (the queue aside: events pass through it). */
  const engineWrites = () => storage.keys(`${BASE}engine:`).map((k) => [k, storage.get(k)]).filter(([k, v]) => !before.some(([bk, bv]) => bk == k && bv == v))
  return { ...made, reads, engineWrites }
}

const root = () => document.querySelector('cairn-root')?.shadowRoot as unknown as HTMLElement | undefined
const ui = () => within(root()!)
const bar = () => waitFor(() => ui().getByRole('region', { name: 'Preview · not recorded' }))
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => () => new Response(JSON.stringify(body), { status, headers })

describe('a preview (?cairn_preview=, sdk.preview)', () => {
  it('shows the flow at once past trigger, audience, frequency and holdout, under the bar, and keeps nothing', async () => {
    const { events, engineWrites, reads, sdk } = client(`${PAGE}?cairn_preview=welcome`, {
      '/v1/flows/welcome': json({ flow: TOUR }, 200, { etag: '"v1"' }),
    })
    await waitFor(() => ui().getByRole('dialog', { name: 'Hello' }))
    await bar()
    expect(reads.some((u) => u.startsWith(`${ENDPOINT}/v1/flows/welcome?key=pk_test`))).toBe(true)
    fireEvent.click(ui().getByRole('button', { name: 'Next' }))
    await waitFor(() => ui().getByRole('dialog', { name: 'Your board' }))
    await sdk.flush()
    expect(engineWrites()).toEqual([])
    const sent = events()
    expect(sent.map((e) => [e.type, (e as { flowId?: string }).flowId, (e as { preview?: boolean }).preview])).toEqual(
      expect.arrayContaining([['flow_shown', 'welcome', true], ['flow_step', 'welcome', true]]),
    )
    // Nothing but the preview's own events (and the identify of the page) went out.
    expect(sent.filter((e) => e.type.startsWith('flow_') || e.type == 'survey_answer').every((e) => (e as { preview?: boolean }).preview)).toBe(true)
  })

  it('on a preview page runs no other flow: a tour whose trigger matches stays off screen', async () => {
    const other: Flow = { id: 'other', kind: 'tour', trigger: { url: '/projects/*' }, steps: [{ id: 'a', title: 'Other tour' }] }
    const { engineWrites } = client(`${PAGE}?cairn_preview=welcome`, {
      '/v1/flows': json({ flows: [TOUR, other] }),
      '/v1/flows/welcome': json({ flow: TOUR }),
    })
    await waitFor(() => ui().getByRole('dialog', { name: 'Hello' }))
    await settle()
    expect(ui().queryByRole('dialog', { name: 'Other tour' })).toBeNull()
    expect(engineWrites()).toEqual([])
  })

  it('sdk.preview(definition) on a running page shows it and leaves the engine state as it was', async () => {
    const { sdk, engineWrites } = client(PAGE)
    await settle()
    const written = engineWrites()
    sdk.preview({ ...TOUR, id: 'draft' })
    await waitFor(() => ui().getByRole('dialog', { name: 'Hello' }))
    expect(within(await bar()).getByText('draft')).toBeTruthy()
    expect(engineWrites()).toEqual(written)
    expect(JSON.stringify(engineWrites())).not.toMatch(/draft/)
  })

  it('says in the bar and as sdk_error why it cannot show: an unknown id, a refused origin, an invalid definition', async () => {
    const unknown = client(`${PAGE}?cairn_preview=nope`, {
      '/v1/flows/nope': json({ error: 'unknown_flow', details: 'the project has no valid flow with the id "nope"' }, 404),
    })
    await waitFor(() => expect(within(ui().getByRole('alert')).getByText(/Cannot preview “nope”: the project has no valid flow/)).toBeTruthy())
    await unknown.sdk.flush()
    expect(unknown.warnings.flat().join(' ')).toMatch(/preview\("nope"\): the project has no valid flow/)
    unknown.sdk.destroy()
    document.body.replaceChildren()

    client(`${PAGE}?cairn_preview=welcome`, {
      '/v1/flows/welcome': json({ error: 'preview_not_allowed', details: "previewing a flow needs the secret key, or the write key from one of the project's previewOrigins" }, 403),
    })
    await waitFor(() => expect(ui().getByRole('alert').textContent).toMatch(/previewOrigins/))
    document.body.replaceChildren()

    const { sdk, warnings } = client(PAGE)
    sdk.preview({ id: 'broken', kind: 'poll' } as never)
    await waitFor(() => expect(ui().getByRole('alert').textContent).toMatch(/\$\.kind: must be one of tour, survey, checklist, announcement/))
    sdk.preview({ id: 'empty', kind: 'tour', steps: [] } as never)
    await waitFor(() => expect(ui().getByRole('alert').textContent).toMatch(/invalid.*\$\.steps/))
    sdk.preview(42 as never)
    expect(warnings.flat().join(' ')).toMatch(/preview\(\): a flow id or definition/)
  })

  it('an id of init({ flows }) previews without the collector', async () => {
    const made = setup({ storage: memoryStorage(), deps: { endpoint: '', flows: [TOUR], loadChunk: loadNpmChunk, engine: flowEngine({ fetch: vi.fn() as never, url: () => PAGE }) } })
    clients.push(made.sdk)
    made.sdk.preview('welcome')
    await waitFor(() => ui().getByRole('dialog', { name: 'Hello' }))
  })
})
