import { afterAll, beforeAll, expect, it } from 'vitest'
import type { CairnEvent, Flow } from '@cairn/protocol'
import { parseConfig, type Storage } from '@cairn/collector'
import { startEventExpiry } from '../../packages/collector/src/expiry/expiry-job.ts'
import { flowSource, testApp } from './helpers/app.ts'
import { batch, event, track } from './helpers/events.ts'
import { describeStores } from './helpers/stores.ts'

const DAY = 864e5
const NOW = Date.parse('2026-12-01T12:00:00Z')
const OLD = NOW - 45 * DAY
const RECENT = NOW - 5 * DAY
const CONFIG = {
  projects: [
    { id: 'test', writeKey: 'pk_test', secretKey: 'sk_test', keepEventsDays: 30, milestones: ['activated'] },
    { id: 'other', writeKey: 'pk_other', secretKey: 'sk_other' },
  ],
  rateLimit: false,
}
const FLOWS: Flow[] = [
  { id: 'welcome', kind: 'tour', steps: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] },
  { id: 'pulse', kind: 'survey', questions: [{ id: 'score', type: 'nps', prompt: 'Recommend us?' }] },
]
/** Every table but `events`, as a projection or rollup of it. */
const DERIVED = ['identities', 'actors', 'users', 'flow_states', 'flow_steps', 'survey_responses', 'milestones', 'user_milestones',
  'event_counts', 'activity', 'activity_days', 'actor_activity']
/** Results that read only projections and rollups: the same after expiry (the period spans old and new events). */
const KEPT = ['/v1/results/retention?from=2026-09-01&to=2026-12-02', '/v1/results/milestones?from=2026-09-01&to=2026-12-02',
  '/v1/results/activation?from=2026-09-01&to=2026-12-02&milestone=activated', '/v1/users/ana/state?key=sk_test']

const ana = { anonymousId: 'ana-laptop', userId: 'ana' }
const bo = { anonymousId: 'bo-anon' }
const cy = { anonymousId: 'cy', userId: 'cy' }
const flow = (type: string, flowId: string, who: object, ts: number, more: object = {}) => event({ type, flowId, ...who, ts, ...more } as never)

/**
 * Ana and Bo, 45 days ago and 5 days ago (identify, tracks, a tour, a survey answer, a milestone), and
 * Cy, only 45 days ago: shown the tour and the survey, and answered it.
 */
function history(): CairnEvent[] {
  const at = (t0: number) => [
    event({ type: 'identify', ...ana, ts: t0, traits: { plan: 'pro' } }),
    track('page_view', { ...ana, ts: t0 + 1000 }),
    flow('flow_shown', 'welcome', ana, t0 + 2000),
    flow('flow_step', 'welcome', ana, t0 + 3000, { stepIndex: 1, stepId: 'b' }),
    flow('flow_completed', 'welcome', ana, t0 + 4000),
    flow('flow_shown', 'pulse', ana, t0 + 5000),
    event({ type: 'survey_answer', flowId: 'pulse', submissionId: `s-${t0}`, questionId: 'score', answer: 9, final: true, ...ana, ts: t0 + 6000 } as never),
    event({ type: 'milestone', name: 'activated', ...ana, ts: t0 + 7000 } as never),
    track('page_view', { ...bo, ts: t0 }),
    flow('flow_shown', 'welcome', bo, t0 + 1000),
  ]
  const cyOnce = [
    flow('flow_shown', 'welcome', cy, OLD),
    flow('flow_shown', 'pulse', cy, OLD + 1000),
    event({ type: 'survey_answer', flowId: 'pulse', submissionId: 's-cy', questionId: 'score', answer: 3, final: true, ...cy, ts: OLD + 2000 } as never),
  ]
  return [...at(OLD), ...cyOnce, ...at(RECENT)]
}

describeStores('raw event expiry (keepEventsDays)', (target) => {
  let storage: Storage
  let cleanup: () => Promise<void>
  const t = () => testApp({ storage, config: CONFIG, now: () => NOW, flows: flowSource(FLOWS) })
  const get = async (path: string) => (await t().app.request(path, { headers: { authorization: 'Bearer sk_test' } })).json()
  const snapshot = async () => Object.fromEntries(await Promise.all(DERIVED.map(async (table) =>
    [table, (await storage.query<{ row: unknown }>(`SELECT to_jsonb(x) AS row FROM ${table} x ORDER BY to_jsonb(x)::text`)).map((r) => r.row)])))
  const eventIds = async (project: string) =>
    (await storage.query<{ id: string }>('SELECT event_id::text AS id FROM events WHERE project_id = $1 ORDER BY 1', [project])).map((r) => r.id)
  const events = history()
  // Just past the window (still within the grace hour) and just inside it: both stay.
  const edge = [track('edge', { ...bo, ts: NOW - 30 * DAY - 1800e3 }), track('edge', { ...bo, ts: NOW - 30 * DAY + 60e3 })]
  const before: { derived?: unknown; kept?: unknown[]; funnel?: unknown; survey?: Record<string, unknown> } = {}
  let deleted: Map<string, number>

  beforeAll(async () => {
    ;({ storage, cleanup } = await target.open())
    const stored = (list: CairnEvent[]) => list.map((e) => ({ event: e, ts: e.ts }))
    await storage.ingest('test', stored([...events, ...edge]), NOW)
    await storage.ingest('other', stored(events), NOW)
    before.derived = await snapshot()
    before.kept = await Promise.all(KEPT.map(get))
    before.funnel = await get('/v1/results/flows/welcome?from=2026-09-01&to=2026-12-02')
    before.survey = await get('/v1/results/surveys/pulse?from=2026-09-01&to=2026-12-02')
    // Batches of 3: the 13 old events of the project take five DELETEs.
    const job = startEventExpiry(storage, parseConfig(CONFIG, 'test.json', '.').projects, { now: () => NOW, batch: 3, pauseMs: 0, log: () => {} })
    deleted = await job.runNow()
    await job.stop()
  }, 60_000)
  afterAll(() => cleanup?.(), 30_000)

  it("deletes the project's events past its window, and only those", async () => {
    expect(deleted).toEqual(new Map([['test', 13]]))
    const kept = [...events.filter((e) => e.ts >= RECENT), ...edge].map((e) => e.id).sort()
    expect(await eventIds('test')).toEqual(kept)
    expect(await eventIds('other')).toEqual(events.map((e) => e.id).sort())
  })

  it('leaves every projection and rollup as it was', async () => {
    expect(await snapshot()).toEqual(before.derived)
  })

  it('answers user state, retention, milestones and activation as before', async () => {
    expect(await Promise.all(KEPT.map(get))).toEqual(before.kept)
  })

  it('keeps survey answers; what is counted from raw events (reach, funnels) narrows to the kept window', async () => {
    const { shown, ...answers } = await get('/v1/results/surveys/pulse?from=2026-09-01&to=2026-12-02') as Record<string, unknown>
    const { shown: shownBefore, ...answersBefore } = before.survey ?? {}
    expect(answers).toEqual(answersBefore)
    expect(answers).toMatchObject({ responses: 3, nps: { promoters: 2, detractors: 1 } })
    // Cy was shown the survey only before the window.
    expect([shownBefore, shown]).toEqual([2, 1])
    expect(before.funnel).toMatchObject({ shown: 3, completed: 1 })
    expect(await get('/v1/results/flows/welcome?from=2026-09-01&to=2026-12-02')).toMatchObject({ shown: 2, completed: 1 })
  })

  it('refuses an event older than the window at ingest, so a retry of a deleted one is never counted twice', async () => {
    const [old] = events
    const res = await t().post(batch([old, track('page_view', { ...ana, ts: NOW })], { sentAt: NOW }))
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [{ id: old?.id, reason: '$.ts: older than this project keeps events (keepEventsDays: 30)' }] })
    const [{ n } = { n: 0 }] = await storage.query<{ n: number }>(
      `SELECT count::int AS n FROM event_counts WHERE project_id = 'test' AND anonymous_id = 'ana-laptop' AND name = 'page_view'`)
    expect(n).toBe(3)
  })
})
