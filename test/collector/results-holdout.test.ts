import { expect, it } from 'vitest'
import type { CairnEvent, Flow } from '@cairn/protocol'
import { flowSource } from './helpers/app.ts'
import { batch, event } from './helpers/events.ts'
import { storeApp } from './helpers/store-app.ts'
import { describeStores } from './helpers/stores.ts'

const T = Date.parse('2026-11-03T09:00:00Z')
const NOW = Date.parse('2026-12-01')
const FLOWS: Flow[] = [
  { id: 'welcome', kind: 'tour', holdout: 0.5, steps: [{ id: 's', title: 'S' }] },
  { id: 'plain', kind: 'tour', steps: [{ id: 's', title: 'S' }] },
]

describeStores('GET /v1/results/holdout/:flowId', (target) => {
  const suite = storeApp(target, { now: () => NOW, flows: flowSource(FLOWS), config: { projects: [{ id: 'test', writeKey: 'pk_test', secretKey: 'sk_test', milestones: ['activated'] }], rateLimit: false } }, async (t) => {
    const events: CairnEvent[] = []
    const person = (id: string, held: boolean, reached: boolean, before = false) => {
      const who = { anonymousId: `${id}-device`, userId: id }
      events.push(event({ type: held ? 'flow_held_out' : 'flow_shown', flowId: 'welcome', ...who, ts: T }))
      // A milestone reached before the flow could matter is not counted.
      if (reached) events.push(event({ type: 'milestone', name: 'activated', ...who, ts: before ? T - 1000 : T + 1000 }))
    }
    // Shown: 9 of 10 reach it after being shown; held out: 3 of 10 after being held out (+1 before).
    for (let i = 0; i < 10; i++) person(`s${i}`, false, i < 9)
    for (let i = 0; i < 10; i++) person(`h${i}`, true, i < 3 || i === 9, i === 9)
    const sent = await t.post(batch(events, { sentAt: NOW }))
    expect(await sent.json()).toMatchObject({ accepted: events.length, rejected: [] })
  })

  const get = (path: string, key?: string) => suite.get(`/v1/results/holdout/${path}`, key)

  it('compares the milestone rate with and without the flow, with n and a 95% interval (Newcombe)', async () => {
    const res = await get('welcome?from=2026-11-01&to=2026-12-01')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ flowId: 'welcome', holdout: 0.5, method: 'newcombe-wilson', from: '2026-11-01T00:00:00.000Z' })
    expect(body.milestones).toHaveLength(1)
    const [activated] = body.milestones
    expect(activated).toMatchObject({ name: 'activated', shown: { users: 10, reached: 9, rate: 0.9 }, heldOut: { users: 10, reached: 3, rate: 0.3 } })
    expect(activated.difference).toBeCloseTo(0.6, 12)
    // Newcombe (1998), Table II: 9/10 − 3/10 → 0.1705 to 0.8090.
    expect(activated.ci95.map((x: number) => Math.round(x * 1e4) / 1e4)).toEqual([0.1705, 0.809])
  })

  it('narrows to one milestone, and counts nobody outside the period', async () => {
    const one = await (await get('welcome?milestone=other')).json()
    expect(one.milestones).toEqual([{
      name: 'other', shown: { users: 10, reached: 0, rate: 0 }, heldOut: { users: 10, reached: 0, rate: 0 }, difference: 0, ci95: expect.any(Array),
    }])
    const none = await (await get('welcome?from=2026-11-10')).json()
    expect(none.milestones[0]).toMatchObject({ shown: { users: 0, rate: null }, difference: null, ci95: null })
  })

  it('answers 404 for a flow without a holdout, 401 without the secret key', async () => {
    expect((await get('plain')).status).toBe(404)
    expect((await get('missing')).status).toBe(404)
    expect((await get('welcome', 'pk_test')).status).toBe(401)
  })
})
