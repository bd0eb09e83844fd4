import { expect, it } from 'vitest'
import type { CairnEvent } from '@cairn/protocol'
import { batch, event } from './helpers/events.ts'
import { storeApp } from './helpers/store-app.ts'
import { describeStores } from './helpers/stores.ts'

const NOW = Date.parse('2026-12-01T12:00:00Z')
/** Wednesday noon UTC of the weeks starting 2026-10-26 (W0) … 2026-11-23 (W4): the same week in any zone near UTC. */
const WED = ['2026-10-28', '2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25'].map((d) => Date.parse(`${d}T12:00:00Z`))
const wed = (w: number) => WED[w] as number

const PROJECTS = {
  projects: [
    { id: 'test', writeKey: 'pk_test', secretKey: 'sk_test', revenueTrait: 'mrr' },
    { id: 'cards', writeKey: 'pk_cards', secretKey: 'sk_cards', activeEvents: ['card_created'] },
  ],
  rateLimit: false,
}

/** The people of the hand-computed fixture in docs/retention.md's worked example. */
function fixture(): CairnEvent[] {
  const track = (name: string, ts: number, anonymousId: string, userId?: string) =>
    event({ type: 'track', name, ts, anonymousId, ...(userId !== undefined && { userId }) })
  return [
    // a: anonymous on a laptop in W0, identifies in W1, then active on a phone: one person, every week.
    track('page_view', wed(0), 'a-laptop'),
    event({ type: 'identify', userId: 'a', traits: { mrr: 100 }, anonymousId: 'a-laptop', ts: wed(1) }),
    ...[2, 3, 4].map((w) => track('card_created', wed(w), 'a-phone', 'a')),
    // b: active in W0, away two weeks, back in W3 (resurrected).
    event({ type: 'identify', userId: 'b', traits: { mrr: 50 }, anonymousId: 'b-1', ts: wed(0) }),
    track('page_view', wed(3), 'b-1', 'b'),
    // c: an anonymous visitor, active only in W2.
    track('page_view', wed(2), 'c-anon'),
    track('page_view', wed(2) + 3600e3, 'c-anon'),
    // d: new in W1, active in W2.
    event({ type: 'identify', userId: 'd', traits: { mrr: 20 }, anonymousId: 'd-1', ts: wed(1) }),
    track('page_view', wed(2), 'd-1', 'd'),
    // t: once, Sunday 21:00 UTC — already Monday 00:30 in Tehran.
    track('page_view', Date.parse('2026-11-08T21:00:00Z'), 't-1', 't'),
    // w: only Cairn's own widget events; x: only the SDK's error report. Neither is ever active.
    event({ type: 'flow_shown', flowId: 'nps', anonymousId: 'w-1', userId: 'w', ts: wed(2) }),
    event({ type: 'survey_answer', flowId: 'nps', submissionId: 's1', questionId: 'q', answer: 9, anonymousId: 'w-1', userId: 'w', ts: wed(2) }),
    event({ type: 'milestone', name: 'activated', anonymousId: 'w-1', userId: 'w', ts: wed(2) }),
    track('sdk_error', wed(3), 'x-1', 'x'),
  ]
}

describeStores('GET /v1/results/retention', (target) => {
  const suite = storeApp(target, { now: () => NOW, config: PROJECTS }, async (t) => {
    const sent = await t.post(batch(fixture(), { sentAt: NOW }))
    expect(await sent.json()).toMatchObject({ rejected: [] })
    const cards = [
      event({ type: 'track', name: 'card_created', anonymousId: 'p-1', userId: 'p', ts: wed(1) }),
      event({ type: 'track', name: 'page_view', anonymousId: 'p-1', userId: 'p', ts: wed(2) }),
      event({ type: 'track', name: 'page_view', anonymousId: 'q-1', userId: 'q', ts: wed(1) }),
      event({ type: 'track', name: 'page_view', anonymousId: 'q-1', userId: 'q', ts: wed(2) }),
    ]
    expect((await t.post(batch(cards, { key: 'pk_cards', sentAt: NOW }))).status).toBe(200)
  })
  const get = async (query: string, key = 'sk_test') => {
    const res = await suite.get(`/v1/results/retention?${query}`, key)
    expect(res.status).toBe(200)
    return res.json()
  }
  const counts = (body: { periods: Record<string, unknown>[] }) =>
    body.periods.map((p) => [p.start, p.S, p.E, p.N, p.new, p.resurrected, p.L, p.crr, p.churn])

  it('weekly in UTC: S, E, N (new, resurrected), L, CRR, churn and revenue churn, people merged across devices', async () => {
    const body = await get('from=2026-11-02&to=2026-11-30')
    expect(body).toMatchObject({ period: 'week', tz: 'UTC', mode: 'on', activeEvents: null, from: '2026-11-02T00:00:00.000Z' })
    expect(counts(body)).toEqual([
      ['2026-11-02', 2, 3, 2, 2, 0, 1, 1 / 2, 1 / 2],
      ['2026-11-09', 3, 3, 1, 1, 0, 1, 2 / 3, 1 / 3],
      ['2026-11-16', 3, 2, 1, 0, 1, 2, 1 / 3, 2 / 3],
      ['2026-11-23', 2, 1, 0, 0, 0, 1, 1 / 2, 1 / 2],
    ])
    expect(body.periods.every((p: { complete: boolean }) => p.complete)).toBe(true)
    expect(body.periods.map((p: { revenue: unknown }) => p.revenue)).toEqual([
      { start: 150, lost: 50, churn: 1 / 3 },
      { start: 120, lost: 0, churn: 0 },
      { start: 120, lost: 20, churn: 1 / 6 },
      { start: 150, lost: 50, churn: 1 / 3 },
    ])
    expect(body.lifecycle[2]).toEqual({ start: '2026-11-16', new: 0, returning: 1, resurrected: 1, dormant: -2 })
    expect(body.cohorts.rows.map((r: { start: string; size: number; cells: { active: number }[] }) => [r.start, r.size, r.cells.map((c) => c.active)])).toEqual([
      ['2026-11-02', 2, [2, 1, 0, 0]],
      ['2026-11-09', 1, [1, 0, 0]],
      ['2026-11-16', 0, [0, 0]],
      ['2026-11-23', 0, [0]],
    ])
    expect(body.cohorts.average[1]).toEqual({ k: 1, share: 1 / 3, size: 3 })
  })

  it('in Asia/Tehran, a Sunday-night visit belongs to the next week', async () => {
    // The range is in time too: to Tehran's midnight, not UTC's (which would reach into the week of the 30th).
    const body = await get('from=2026-11-02&to=2026-11-30T00:00:00%2B03:30&tz=Asia/Tehran')
    expect(body.tz).toBe('Asia/Tehran')
    expect(counts(body)).toEqual([
      ['2026-11-02', 2, 2, 1, 1, 0, 1, 1 / 2, 1 / 2],
      ['2026-11-09', 2, 4, 2, 2, 0, 0, 1, 0],
      ['2026-11-16', 4, 2, 1, 0, 1, 3, 1 / 4, 3 / 4],
      ['2026-11-23', 2, 1, 0, 0, 0, 1, 1 / 2, 1 / 2],
    ])
  })

  it('monthly, with "on or after" cohorts; the month in progress is not complete', async () => {
    const body = await get('period=month&mode=unbounded&from=2026-10-01&to=2026-12-02')
    expect(counts(body)).toEqual([
      ['2026-10-01', 0, 2, 2, 2, 0, 0, null, null],
      ['2026-11-01', 2, 5, 3, 3, 0, 0, 1, 0],
      ['2026-12-01', 5, 0, 0, 0, 0, 5, 0, 1],
    ])
    expect(body.periods.map((p: { complete: boolean }) => p.complete)).toEqual([true, true, false])
    expect(body.cohorts.rows[0]).toEqual({
      start: '2026-10-01', size: 2,
      cells: [{ k: 0, active: 2, share: 1, complete: true }, { k: 1, active: 2, share: 1, complete: true }, { k: 2, active: 0, share: 0, complete: false }],
    })
    expect(body.cohorts.average).toEqual([{ k: 0, share: 1, size: 5 }, { k: 1, share: 1, size: 2 }])
  })

  it("counts only the project's own activeEvents when its config names them", async () => {
    const body = await get('from=2026-11-02&to=2026-11-16', 'sk_cards')
    expect(body.activeEvents).toEqual(['card_created'])
    expect(counts(body)).toEqual([
      ['2026-11-02', 0, 1, 1, 1, 0, 0, null, null],
      ['2026-11-09', 1, 0, 0, 0, 0, 1, 0, 1],
    ])
    expect(body.periods[0]).not.toHaveProperty('revenue')
  })

  it('answers 400 naming a bad period, time zone or mode, and 401 without the secret key', async () => {
    for (const [query, part] of [['period=day', '"period"'], ['tz=Mars/Olympus', '"tz"'], ['mode=ever', '"mode"'], ['from=yesterday', '"from"']]) {
      const res = await suite.get(`/v1/results/retention?${query}`)
      expect(res.status).toBe(400)
      expect((await res.json()).details).toContain(part)
    }
    expect((await suite.get('/v1/results/retention', 'pk_test')).status).toBe(401)
  })
})
