import { expect, it } from 'vitest'
import type { Flow } from '@cairn/protocol'
import { parseConfig } from '@cairn/collector'
import { testApp, flowSource } from './helpers/app.ts'
import { batch, event, track } from './helpers/events.ts'
import { storeApp } from './helpers/store-app.ts'
import { describeStores } from './helpers/stores.ts'

const H = 3_600_000
const MON = Date.parse('2026-11-02') // a Monday
const NOW = Date.parse('2026-12-01')
const FLOWS: Flow[] = [
  { id: 'invite', kind: 'announcement', style: 'banner', title: 'Invite your team', trigger: { milestone: 'created_first_project' } },
]
const config = { projects: [{ id: 'test', writeKey: 'pk_test', secretKey: 'sk_test', milestones: ['created_first_project', 'invited_teammate'] }], rateLimit: false }

describeStores('GET /v1/results/milestones', (target) => {
  const suite = storeApp(target, { now: () => NOW, config, flows: flowSource(FLOWS) }, async (t) => {
    const m = (name: string, who: Record<string, string>, ts: number) => event({ type: 'milestone', name, ...who, ts })
    const sent = await t.post(batch([
      // Ana: first seen Monday, project after 1 h on her laptop, again from her phone (stored once), invites after 10 h.
      track('signed_up', { anonymousId: 'ana-laptop', userId: 'ana', ts: MON }),
      m('created_first_project', { anonymousId: 'ana-laptop', userId: 'ana' }, MON + H),
      m('created_first_project', { anonymousId: 'ana-phone', userId: 'ana' }, MON + 2 * H),
      m('invited_teammate', { anonymousId: 'ana-laptop', userId: 'ana' }, MON + 10 * H),
      // Bo: anonymous first, reaches it before signing up; first seen Tuesday, project after 3 h.
      track('viewed', { anonymousId: 'bo-browser', ts: MON + 24 * H }),
      m('created_first_project', { anonymousId: 'bo-browser' }, MON + 27 * H),
      event({ type: 'identify', anonymousId: 'bo-browser', userId: 'bo', ts: MON + 28 * H }),
      // Cy: first seen the next week, nothing reached.
      track('viewed', { anonymousId: 'cy', userId: 'cy', ts: MON + 7 * 24 * H }),
      // Old: first seen before the period, reaches it during it; a name nobody declared.
      track('viewed', { anonymousId: 'old', userId: 'old', ts: MON - 30 * 24 * H }),
      m('created_first_project', { anonymousId: 'old', userId: 'old' }, MON + 5 * H),
      m('legacy_thing', { anonymousId: 'old', userId: 'old' }, MON + 5 * H),
    ], { sentAt: NOW }))
    expect(await sent.json()).toMatchObject({ accepted: 11, rejected: [] })
  })

  const get = (query: string, key?: string) => suite.get(`/v1/results/milestones?${query}`, key)

  it('answers per milestone: reached, share of new users, time to reach it and weekly cohorts', async () => {
    const res = await get('from=2026-11-02&to=2026-11-16')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = await res.json()
    expect(body).toMatchObject({ from: '2026-11-02T00:00:00.000Z', to: '2026-11-16T00:00:00.000Z', newUsers: 3 })
    expect(body.milestones.map((m: { name: string }) => m.name)).toEqual(['created_first_project', 'invited_teammate', 'legacy_thing'])
    expect(body.milestones[0]).toEqual({
      name: 'created_first_project', declared: true,
      reached: 3, newUsersReached: 2, share: 2 / 3,
      // Ana 1 h, Bo 3 h: median 2 h, p75 2.5 h.
      timeToReach: { n: 2, medianMs: 2 * H, p75Ms: 2.5 * H },
      weekly: [
        { week: '2026-11-02', newUsers: 2, reached: 2, share: 1, medianMs: 2 * H, p75Ms: 2.5 * H },
        { week: '2026-11-09', newUsers: 1, reached: 0, share: 0, medianMs: null, p75Ms: null },
      ],
    })
    expect(body.milestones[1]).toMatchObject({ name: 'invited_teammate', reached: 1, newUsersReached: 1, timeToReach: { n: 1, medianMs: 10 * H } })
    expect(body.milestones[2]).toMatchObject({ name: 'legacy_thing', declared: false, reached: 1, newUsersReached: 0 })
  })

  it('names milestones from flows too, and takes epoch-millisecond bounds', async () => {
    const only = testApp({ storage: suite.storage, now: () => NOW, flows: flowSource(FLOWS) })
    const res = await only.app.request(`/v1/results/milestones?from=${MON}&to=${MON + 7 * 24 * H}&key=sk_test`)
    const body = await res.json()
    expect(body.newUsers).toBe(2)
    expect(body.milestones.map((m: { name: string; declared: boolean }) => `${m.name} ${m.declared}`))
      .toEqual(['created_first_project true', 'invited_teammate false', 'legacy_thing false'])
  })

  it('needs the secret key and a valid period', async () => {
    expect((await get('', 'pk_test')).status).toBe(401)
    expect(await (await get('', 'pk_test')).json()).toMatchObject({ error: 'secret_key_required' })
    const bad = await get('from=yesterday')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ error: 'invalid_period', details: '"from": epoch milliseconds or an ISO 8601 date' })
    expect((await get('from=2026-12-01&to=2026-11-01')).status).toBe(400)
  })
})

it('GET /v1/results/milestones answers 503 when storage is down', async () => {
  const down = testApp()
  down.fake.state.down = true
  const res = await down.app.request('/v1/results/milestones?key=sk_test')
  expect(res.status).toBe(503)
  expect(res.headers.get('retry-after')).toBe('5')
})

it('the config declares milestones, served with the flows (and nothing new without them)', async () => {
  const parsed = parseConfig(config, 'c.json', '/')
  expect(parsed.projects[0]?.milestones).toEqual(['created_first_project', 'invited_teammate'])
  expect(parseConfig({ projects: [{ id: 'x', writeKey: 'pk_x', secretKey: 'sk_x' }] }, 'c.json', '/').projects[0]).not.toHaveProperty('milestones')
  expect(() => parseConfig({ projects: [{ id: 'x', writeKey: 'pk_x', secretKey: 'sk_x', milestones: ['a', 'a'] }] }, 'c.json', '/'))
    .toThrow(/\$\.projects\[0\]\.milestones: milestone names must be unique/)
  expect(() => parseConfig({ projects: [{ id: 'x', writeKey: 'pk_x', secretKey: 'sk_x', milestones: [''] }] }, 'c.json', '/'))
    .toThrow(/\$\.projects\[0\]\.milestones\[0\]/)

  const declared = testApp({ config, flows: flowSource(FLOWS) })
  expect(await (await declared.app.request('/v1/flows?key=pk_test')).json()).toEqual({ flows: FLOWS, milestones: ['created_first_project', 'invited_teammate'] })
  expect(await (await declared.app.request('/v1/flows?key=sk_test')).json()).toEqual({ flows: FLOWS, errors: [], findings: [], milestones: ['created_first_project', 'invited_teammate'] })
  const plain = testApp({ flows: flowSource(FLOWS) })
  expect(await (await plain.app.request('/v1/flows?key=pk_test')).json()).toEqual({ flows: FLOWS })
})
