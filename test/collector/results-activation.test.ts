import { expect, it } from 'vitest'
import { batch, event } from './helpers/events.ts'
import { storeApp } from './helpers/store-app.ts'
import { describeStores } from './helpers/stores.ts'

const NOW = Date.parse('2026-12-01T12:00:00Z')
const DAY = 864e5
const START = Date.parse('2026-10-01T10:00:00Z')
const track = (user: string, ts: number, name = 'page_view') => event({ type: 'track', name, ts, anonymousId: `${user}-1`, userId: user })
const reached = (user: string, ts: number) => event({ type: 'milestone', name: 'activated', ts, anonymousId: `${user}-1`, userId: user })

describeStores('GET /v1/results/activation', (target) => {
  const suite = storeApp(target, { now: () => NOW, config: { projects: [{ id: 'test', writeKey: 'pk_test', secretKey: 'sk_test', milestones: ['activated'] }], rateLimit: false } }, async (t) => {
    const events = [
      // same day, active in week 4 (days 28–35 after the first activity): retained.
      track('a', START), reached('a', START + 3_600e3), track('a', START + 30 * DAY),
      // 1–3 days, gone by week 4.
      track('b', START), reached('b', START + 2 * DAY), track('b', START + 10 * DAY),
      // 4–7 days, back in week 4.
      track('c', START + DAY), reached('c', START + 6 * DAY), track('c', START + DAY + 29 * DAY),
      // never, active in week 4 (its last event of a day counts too).
      track('d', START), track('d', START + 34 * DAY), track('d', START + 34 * DAY + 3_600e3),
      // never, active in week 5 only: not retained in week 4.
      track('e', START), track('e', START + 36 * DAY),
      // first active a week ago: week 4 has not ended, so not counted.
      track('f', NOW - 7 * DAY), reached('f', NOW - 7 * DAY),
      // only Cairn's own events: never active, never counted.
      event({ type: 'flow_shown', flowId: 'x', anonymousId: 'g-1', userId: 'g', ts: START }), reached('g', START),
    ]
    expect(await (await t.post(batch(events, { sentAt: NOW }))).json()).toMatchObject({ rejected: [] })
  })
  const get = (query: string) => suite.get(`/v1/results/activation?${query}`, 'sk_test')

  it('buckets new users by how soon they reached the milestone, with week-4 retention and its interval', async () => {
    const res = await get('milestone=activated&from=2026-09-01&to=2026-12-01')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ milestone: 'activated', week: 4, newUsers: 5, from: '2026-09-01T00:00:00.000Z' })
    expect(body.buckets.map((b: Record<string, unknown>) => [b.bucket, b.n, b.retained, b.share])).toEqual([
      ['same_day', 1, 1, 1], ['1_3_days', 1, 0, 0], ['4_7_days', 1, 1, 1], ['later_or_never', 2, 1, 0.5],
    ])
    const never = body.buckets[3]
    expect(never.low).toBeGreaterThan(0)
    expect(never.low).toBeLessThan(0.5)
    expect(never.high).toBeGreaterThan(0.5)
    expect(never.high).toBeLessThan(1)
  })

  it('week 5 reads the next week after first activity', async () => {
    const body = await (await get('milestone=activated&week=5&from=2026-09-01&to=2026-12-01')).json()
    expect(body.buckets.map((b: Record<string, unknown>) => b.retained)).toEqual([0, 0, 0, 1])
  })

  it('an unknown milestone puts everyone in "later or never"; the range excludes people first seen outside it', async () => {
    const body = await (await get('milestone=nope&from=2026-09-01&to=2026-12-01')).json()
    expect(body.buckets.map((b: Record<string, unknown>) => b.n)).toEqual([0, 0, 0, 5])
    const later = await (await get('milestone=activated&from=2026-10-02&to=2026-12-01')).json()
    expect(later.newUsers).toBe(1)
  })

  it.each([
    ['', /"milestone"/],
    ['milestone=activated&week=0', /"week": a whole number from 1 to 52/],
    ['milestone=activated&week=2.5', /"week"/],
    ['milestone=activated&week=53', /"week"/],
    ['milestone=activated&from=yesterday', /from/],
  ])('?%s is a 400 that says what is wrong', async (query, message) => {
    const res = await get(query)
    expect(res.status).toBe(400)
    expect((await res.json()).details).toMatch(message)
  })

  it('needs the secret key', async () => {
    expect((await suite.get('/v1/results/activation?milestone=activated', 'pk_test')).status).toBe(401)
  })
})
