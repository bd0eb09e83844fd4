import { expect, it } from 'vitest'
import type { ChecklistFlow, Flow } from '@cairn/protocol'
import { testApp, flowSource } from './helpers/app.ts'
import { batch, event } from './helpers/events.ts'
import { storeApp } from './helpers/store-app.ts'
import { describeStores } from './helpers/stores.ts'

const M = 60_000
const T = Date.parse('2026-11-03T09:00:00Z')
const NOW = Date.parse('2026-12-01')
const CHECKLIST: ChecklistFlow = {
  id: 'getting-started', kind: 'checklist', title: 'Get started',
  items: [
    { id: 'board', title: 'Create a board', completeOn: { event: 'board_created' } },
    { id: 'cards', title: 'Add cards', completeOn: { event: 'card_created', count: 3 } },
    { id: 'invite', title: 'Invite a teammate', completeOn: { milestone: 'invited_teammate' } },
  ],
}
const FLOWS: Flow[] = [CHECKLIST, { id: 'welcome', kind: 'tour', steps: [{ id: 's', title: 'S' }] }]

describeStores('GET /v1/results/checklists/:id', (target) => {
  const suite = storeApp(target, { now: () => NOW, flows: flowSource(FLOWS) }, async (t) => {
    const shown = (who: Record<string, string>, ts: number) => event({ type: 'flow_shown', flowId: 'getting-started', ...who, ts })
    const tick = (item: string, index: number, who: Record<string, string>, ts: number) =>
      event({ type: 'flow_step', flowId: 'getting-started', stepIndex: index, stepId: item, ...who, ts })
    const ana = { anonymousId: 'ana-laptop', userId: 'ana' }
    const anaPhone = { anonymousId: 'ana-phone', userId: 'ana' }
    const bo = { anonymousId: 'bo', userId: 'bo' }
    const cy = { anonymousId: 'cy', userId: 'cy' }
    const sent = await t.post(batch([
      // Ana finishes across two devices in 20 minutes; the phone shows it again and re-ticks (counted once).
      shown(ana, T), tick('board', 0, ana, T + 5 * M), tick('cards', 1, ana, T + 10 * M),
      shown(anaPhone, T + 12 * M), tick('cards', 1, anaPhone, T + 13 * M), tick('invite', 2, anaPhone, T + 20 * M),
      // Bo ticks the board, then stalls at the cards.
      shown(bo, T), tick('board', 0, bo, T + M),
      // Cy sees it and does nothing.
      shown(cy, T + M),
      // Shown long before the period: not counted.
      shown({ anonymousId: 'old', userId: 'old' }, T - 60 * 864e5),
    ], { sentAt: NOW }))
    expect(await sent.json()).toMatchObject({ rejected: [] })
  })

  const get = (id: string, query = 'from=2026-11-01&to=2026-12-01', key = 'sk_test') =>
    suite.get(`/v1/results/checklists/${id}?${query}`, key)

  it('answers shown, per-item completion, full completion, time to complete and where people stall', async () => {
    const res = await get('getting-started')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      checklistId: 'getting-started', from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z',
      shown: 3,
      items: [
        { id: 'board', title: 'Create a board', completed: 2, rate: 2 / 3 },
        { id: 'cards', title: 'Add cards', completed: 1, rate: 1 / 3 },
        { id: 'invite', title: 'Invite a teammate', completed: 1, rate: 1 / 3 },
      ],
      completed: 1,
      completionRate: 1 / 3,
      timeToComplete: { n: 1, medianMs: 20 * M, p75Ms: 20 * M },
      stalls: [{ id: 'board', title: 'Create a board', users: 1, share: 1 / 3 }, { id: 'cards', title: 'Add cards', users: 1, share: 1 / 3 }],
    })
  })

  it('counts only people first shown in the period', async () => {
    const body = await (await get('getting-started', `from=${T - 61 * 864e5}&to=${T - 59 * 864e5}`)).json()
    expect(body).toMatchObject({ shown: 1, completed: 0, stalls: [{ id: 'board', users: 1 }] })
  })

  it('answers 404 for an id that is not a checklist with data, 401 without the secret key', async () => {
    expect((await get('welcome')).status).toBe(404)
    expect(await (await get('nope')).json()).toEqual({ error: 'not_found', details: expect.any(String) })
    expect((await get('getting-started', '', 'pk_test')).status).toBe(401)
    expect((await get('getting-started', 'to=soon')).status).toBe(400)
  })

  it('still answers for a checklist no longer published, with the item ids from its data', async () => {
    const gone = testApp({ storage: suite.storage, now: () => NOW, flows: flowSource([]) })
    const body = await (await gone.app.request('/v1/results/checklists/getting-started?from=2026-11-01&key=sk_test')).json()
    expect(body.items.map((i: { id: string; title: string }) => `${i.id}=${i.title}`)).toEqual(['board=board', 'cards=cards', 'invite=invite'])
    expect(body.shown).toBe(3)
  })

  it('answers for a checklist shown with showChecklist({ … }) from the item ids its showing named: nobody ticked, nobody complete', async () => {
    const inline = { flowId: 'inline-start', type: 'flow_shown' as const, props: { kind: 'checklist', steps: ['profile', 'board'] } }
    const sent = await suite.t.post(batch([
      event({ ...inline, anonymousId: 'dee', userId: 'dee', ts: T }),
      event({ ...inline, anonymousId: 'eli', userId: 'eli', ts: T + M }),
      event({ type: 'flow_step', flowId: 'inline-start', stepIndex: 1, stepId: 'board', anonymousId: 'eli', userId: 'eli', ts: T + 2 * M }),
    ], { sentAt: NOW }))
    expect(await sent.json()).toMatchObject({ rejected: [] })
    expect(await (await get('inline-start')).json()).toMatchObject({
      shown: 2, completed: 0, completionRate: 0,
      items: [{ id: 'profile', completed: 0, rate: 0 }, { id: 'board', completed: 1, rate: 0.5 }],
      stalls: [{ id: 'profile', users: 2, share: 1 }],
    })
  })
})
