import { expect, it } from 'vitest'
import type { Flow } from '@cairn/protocol'
import { flowSource } from './helpers/app.ts'
import { batch, event } from './helpers/events.ts'
import { storeApp } from './helpers/store-app.ts'
import { describeStores } from './helpers/stores.ts'

// Tuesday 2026-12-01: the last complete week is the one of Monday 2026-11-23.
const NOW = Date.parse('2026-12-01T12:00:00Z')
const DAY = 864e5
const wed = (weeksAgo: number) => Date.parse('2026-11-25T12:00:00Z') - weeksAgo * 7 * DAY
const FLOWS: Flow[] = [
  { id: 'nps', kind: 'survey', questions: [{ id: 'score', type: 'nps', prompt: 'Recommend us?' }] },
  { id: 'pmf', kind: 'survey', questions: [{ id: 'feel', type: 'pmf', prompt: 'Without us?' }] },
  { id: 'welcome', kind: 'tour', steps: [{ id: 's', title: 'S' }] },
]
const who = (u: string) => ({ anonymousId: `${u}-1`, userId: u })
const track = (u: string, ts: number) => event({ type: 'track', name: 'page_view', ts, ...who(u) })

describeStores('GET /v1/results/overview', (target) => {
  const suite = storeApp(target, { now: () => NOW, flows: flowSource(FLOWS), config: { projects: [{ id: 'test', writeKey: 'pk_test', secretKey: 'sk_test', milestones: ['activated'] }], rateLimit: false } }, async (t) => {
    const events = [
      // The week before last: a, b, c active. Last week: a and b stay, d is new: E = 3, CRR 2/3.
      ...['a', 'b', 'c'].map((u) => track(u, wed(1))),
      ...['a', 'b', 'd'].map((u) => track(u, wed(0))),
      event({ type: 'milestone', name: 'activated', ts: wed(0) + 60_000, ...who('d') }),
      // NPS: two promoters, one detractor; PMF: one of two very disappointed.
      ...[['a', 10], ['b', 9], ['c', 2]].map(([u, score]) => event({ type: 'survey_answer', flowId: 'nps', submissionId: `n-${u}`, questionId: 'score', answer: score, final: true, ts: wed(1), ...who(u as string) } as never)),
      ...[['a', 'very'], ['d', 'somewhat']].map(([u, feel]) => event({ type: 'survey_answer', flowId: 'pmf', submissionId: `p-${u}`, questionId: 'feel', answer: feel, final: true, ts: wed(0), ...who(u as string) } as never)),
      // Reach: the tour to three people (one of them twice), the NPS survey to two.
      ...['a', 'b', 'c', 'c'].map((u) => event({ type: 'flow_shown', flowId: 'welcome', ts: wed(1), ...who(u) })),
      ...['a', 'b'].map((u) => event({ type: 'flow_shown', flowId: 'nps', ts: wed(1), ...who(u) })),
    ]
    expect(await (await t.post(batch(events, { sentAt: NOW }))).json()).toMatchObject({ rejected: [] })
  })
  const get = async (path: string) => {
    const res = await suite.get(path)
    expect(res.status, path).toBe(200)
    return res.json()
  }

  it('the last complete week: active users with the change, CRR and churn, NPS, PMF, milestones and the flows that reached most people', async () => {
    const body = await get('/v1/results/overview?from=2026-11-01&to=2026-12-01')
    expect(body.period).toEqual({ kind: 'week', start: '2026-11-23', end: '2026-11-30' })
    expect(body.active).toEqual({ now: 3, previous: 3, change: 0 })
    expect([body.crr, body.churn]).toEqual([2 / 3, 1 / 3])
    expect(body.crrSeries).toHaveLength(8)
    expect(body.crrSeries.at(-1)).toEqual({ start: '2026-11-23', crr: 2 / 3 })
    expect(body.nps).toMatchObject({ flowId: 'nps', score: (2 - 1) / 3 * 100, n: 3 })
    expect(body.nps.margin).toBeGreaterThan(0)
    expect(body.pmf).toMatchObject({ flowId: 'pmf', share: 0.5, n: 2 })
    expect(body.pmf.low).toBeLessThan(0.5)
    expect(body.pmf.high).toBeGreaterThan(0.5)
    expect(body.topFlows).toEqual([{ id: 'welcome', kind: 'tour', reach: 3 }, { id: 'nps', kind: 'survey', reach: 2 }])
    expect(body.milestones.find((m: { name: string }) => m.name === 'activated')).toEqual({ name: 'activated', newUsers: 4, reached: 1, share: 1 / 4 })
  })

  it('says what its own endpoints say for the same input', async () => {
    const [overview, retention, survey, milestones] = await Promise.all([
      get('/v1/results/overview?from=2026-11-01&to=2026-12-01&tz=Asia/Tehran'),
      get('/v1/results/retention?from=2026-10-05&to=2026-11-29&tz=Asia/Tehran'),
      get('/v1/results/surveys/nps?from=2026-11-01&to=2026-12-01'),
      get('/v1/results/milestones?from=2026-11-01&to=2026-12-01'),
    ])
    const last = retention.periods.at(-1)
    expect([overview.active.now, overview.crr, overview.churn]).toEqual([last.E, last.crr, last.churn])
    expect(overview.crrSeries).toEqual(retention.periods.map((p: { start: string; crr: number | null }) => ({ start: p.start, crr: p.crr })))
    expect([overview.nps.score, overview.nps.margin, overview.nps.n]).toEqual([survey.nps.score, survey.nps.marginOfError, survey.nps.responses])
    expect(overview.milestones.map((m: { reached: number }) => m.reached)).toEqual(milestones.milestones.map((m: { newUsersReached: number }) => m.newUsersReached))
  })

  it('monthly: the last complete month', async () => {
    const body = await get('/v1/results/overview?period=month')
    expect(body.period).toEqual({ kind: 'month', start: '2026-11-01', end: '2026-12-01' })
    expect(body.active.now).toBe(4)
  })

  it.each([['period=year', /"period"/], ['tz=Mars/Olympus', /"tz"/], ['from=soon', /from/]])('?%s is a 400 that says what is wrong', async (query, message) => {
    const res = await suite.get(`/v1/results/overview?${query}`)
    expect(res.status).toBe(400)
    expect((await res.json()).details).toMatch(message)
  })
})
