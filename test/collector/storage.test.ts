import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import fc from 'fast-check'
import { uuidv7Time } from '@cairn/protocol'
import type { CairnEvent } from '@cairn/protocol'
import type { Storage, StoredEvent } from '@cairn/collector'
import { describeStores } from './helpers/stores.ts'
import { event, newId, track } from './helpers/events.ts'

const T0 = 1_790_000_000_000
let projectSeq = 0
/** Tests share one database per store; each uses its own project id. */
const freshProject = () => `p${++projectSeq}-${Math.random().toString(36).slice(2, 8)}`
const stored = (e: CairnEvent, ts = e.ts): StoredEvent => ({ event: e, ts })

describeStores('storage', (target) => {
  let storage: Storage
  let cleanup: () => Promise<void>
  let reopen: () => Promise<Storage>
  beforeAll(async () => {
    ;({ storage, cleanup, reopen } = await target.open())
  }, 60_000)
  afterAll(() => cleanup?.(), 30_000)

  it('applies the migrations once', async () => {
    const rows = await storage.query<{ version: number }>('SELECT version FROM cairn_migrations ORDER BY version')
    const versions = readdirSync(new URL('../../packages/collector/migrations/', import.meta.url))
      .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f)).map((f) => Number(f.slice(0, 3))).sort((a, b) => a - b)
    expect(rows.map((r) => r.version)).toEqual(versions)
    if (target.name === 'PostgreSQL') {
      const again = await reopen()
      expect(await again.query('SELECT version FROM cairn_migrations')).toHaveLength(versions.length)
    }
  })

  it('stores an event once per (project, id), ids case-insensitive', async () => {
    const project = freshProject()
    const e = track('x', { ts: T0 })
    expect(await storage.ingest(project, [stored(e)], T0)).toEqual({ accepted: 1, duplicates: 0 })
    const upper = { ...e, id: e.id.toUpperCase() }
    expect(await storage.ingest(project, [stored(upper), stored(e)], T0)).toEqual({ accepted: 0, duplicates: 2 })
    expect(await storage.ingest(freshProject(), [stored(e)], T0)).toEqual({ accepted: 1, duplicates: 0 })
    const [{ n } = { n: 0 }] = await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE project_id = $1', [project])
    expect(n).toBe(1)
  })

  it('keeps the client time, the server time, the UUID time and the event without its hash', async () => {
    const project = freshProject()
    const e = event({ type: 'identify', userId: 'u', ts: T0 + 5, hash: 'ab'.repeat(32), traits: { name: 'Ada\uFFFD' } })
    await storage.ingest(project, [stored(e, T0 - 100)], T0)
    const [row] = await storage.query<Record<string, unknown>>(`
      SELECT event_id::text AS id, type, user_id, client_ts::float8 AS client_ts,
        round(extract(epoch from ts) * 1000)::float8 AS ts, round(extract(epoch from received_at) * 1000)::float8 AS received,
        round(extract(epoch from id_time) * 1000)::float8 AS id_time, data
      FROM events WHERE project_id = $1`, [project])
    expect(row).toEqual({
      id: e.id, type: 'identify', user_id: 'u', client_ts: T0 + 5, ts: T0 - 100, received: T0,
      id_time: uuidv7Time(e.id), data: { id: e.id, type: 'identify', userId: 'u', ts: T0 + 5, anonymousId: 'anon-1', traits: { name: 'Ada\uFFFD' } },
    })
  })

  it('merges traits newest-first and answers newest-first across batches', async () => {
    const project = freshProject()
    const identify = (traits: Record<string, string>, ts: number) => stored(event({ type: 'identify', userId: 'u', traits, ts }))
    await storage.ingest(project, [identify({ plan: 'pro', city: 'Tehran' }, T0 + 20)], T0 + 100)
    await storage.ingest(project, [identify({ plan: 'free', lang: 'fa' }, T0 + 10)], T0 + 100)
    const [user] = await storage.query<{ traits: unknown }>('SELECT traits FROM users WHERE project_id = $1', [project])
    expect(user?.traits).toEqual({ plan: 'pro', city: 'Tehran', lang: 'fa' })

    const answer = (value: number | null, ts: number, submissionId = 's1') =>
      stored(event({ type: 'survey_answer', flowId: 'nps', submissionId, questionId: 'score', answer: value, userId: 'u', ts }))
    await storage.ingest(project, [answer(9, T0 + 30)], T0 + 100)
    await storage.ingest(project, [answer(2, T0 + 25)], T0 + 100)
    expect((await storage.userState(project, 'u', { linkedOnly: false })).flows.nps).toEqual({ shownCount: 0, answers: { score: 9 }, answeredAt: T0 + 30, submissionId: 's1' })
    await storage.ingest(project, [answer(null, T0 + 40, 's2')], T0 + 100)
    expect((await storage.userState(project, 'u', { linkedOnly: false })).flows.nps).toMatchObject({ answers: { score: null }, submissionId: 's2' })
  })

  it('keeps the highest step and the greatest answer id of one millisecond, whichever batch comes first', async () => {
    const events = [
      stored(event({ type: 'flow_step', flowId: 'tour', stepIndex: 1, stepId: 'b', userId: 'u', ts: T0 })),
      stored(event({ type: 'flow_step', flowId: 'tour', stepIndex: 2, stepId: 'c', userId: 'u', ts: T0 })),
      stored(event({ type: 'survey_answer', flowId: 'nps', submissionId: 's', questionId: 'score', answer: 3, userId: 'u', id: newId(T0), ts: T0 })),
      stored(event({ type: 'survey_answer', flowId: 'nps', submissionId: 's', questionId: 'score', answer: 8, userId: 'u', id: newId(T0), ts: T0 })),
    ]
    const last = events[2]!.event.id > events[3]!.event.id ? 3 : 8
    for (const order of [events, [...events].reverse()]) {
      const project = freshProject()
      for (const e of order) await storage.ingest(project, [e], T0 + 100)
      const state = await storage.userState(project, 'u', { linkedOnly: false })
      expect(state.flows.tour).toMatchObject({ step: 2, stepAt: T0 })
      expect(state.flows.nps?.answers).toEqual({ score: last })
    }
  })

  it('keeps the earliest milestone across devices', async () => {
    const project = freshProject()
    await storage.ingest(project, [stored(event({ type: 'milestone', name: 'aha', userId: 'u', anonymousId: 'phone', ts: T0 + 50 }))], T0 + 100)
    await storage.ingest(project, [stored(event({ type: 'milestone', name: 'aha', userId: 'u', anonymousId: 'laptop', ts: T0 + 20 }))], T0 + 100)
    await storage.ingest(project, [stored(event({ type: 'milestone', name: 'aha', userId: 'u', anonymousId: 'laptop', ts: T0 + 90 }))], T0 + 100)
    expect((await storage.userState(project, 'u', { linkedOnly: false })).milestones).toEqual({ aha: T0 + 20 })
  })

  it('derives the same state whatever the batching and order (property)', async () => {
    // Few actors, flows and names, so events collide on the same rows across batches.
    const anon = fc.constantFrom('a1', 'a2')
    const user = fc.option(fc.constant('u1'), { nil: undefined })
    const ts = fc.integer({ min: T0, max: T0 + 1000 })
    const common = { anonymousId: anon, userId: user, ts }
    const flowId = fc.constant('tour')
    const arbEvent = fc.oneof(
      fc.record({ type: fc.constant('track'), name: fc.constantFrom('a', 'b'), ...common }),
      fc.record({ type: fc.constant('identify'), ...common, userId: fc.constantFrom('u1', 'u2'), traits: fc.dictionary(fc.constantFrom('plan', 'x'), fc.string({ maxLength: 3 })) }),
      fc.record({ type: fc.constantFrom('flow_shown', 'flow_completed', 'flow_dismissed', 'flow_held_out'), flowId, ...common }),
      fc.record({ type: fc.constant('flow_step'), flowId, stepIndex: fc.nat(5), stepId: fc.constantFrom('s1', 's2'), ...common }),
      fc.record({ type: fc.constant('survey_answer'), flowId, submissionId: fc.constantFrom('x', 'y'), questionId: fc.constantFrom('q1', 'q2'), answer: fc.integer({ min: 0, max: 10 }), ...common }),
      fc.record({ type: fc.constant('milestone'), name: fc.constantFrom('aha'), ...common }),
    ).map((e) => stored({ ...e, id: newId(e.ts) } as CairnEvent))
    // Distinct times keep "latest wins" free of ties, which have no meaningful order.
    const events = fc.uniqueArray(arbEvent, { minLength: 20, maxLength: 40, selector: (s) => s.ts })
    await fc.assert(fc.asyncProperty(events, fc.array(fc.nat(4), { minLength: 40, maxLength: 40 }), async (list, cuts) => {
      const one = freshProject()
      const many = freshProject()
      await storage.ingest(one, list, T0 + 2000)
      // Same events, reversed, in up to five batches, one of them sent twice.
      const batches: StoredEvent[][] = [[], [], [], [], []]
      ;[...list].reverse().forEach((e, i) => batches[cuts[i] ?? 0]?.push(e))
      for (const b of [...batches, batches[0] ?? []]) await storage.ingest(many, b, T0 + 2000)
      const rows = (project: string) => storage.query(`
        SELECT 'user' AS kind, user_id AS id, traits::text AS x, first_seen AS t1, last_seen AS t2 FROM users WHERE project_id = $1
        UNION ALL SELECT 'link', anonymous_id || '>' || user_id, NULL, linked_at, NULL FROM identities WHERE project_id = $1
        ORDER BY 1, 2`, [project])
      expect(await rows(many)).toEqual(await rows(one))
      for (const userId of ['u1', 'u2']) {
        for (const linkedOnly of [false, true]) {
          expect(await storage.userState(many, userId, { linkedOnly })).toEqual(await storage.userState(one, userId, { linkedOnly }))
        }
      }
    }), { numRuns: 15 })
  })

  it('takes concurrent overlapping batches without deadlock or double counting', async () => {
    const project = freshProject()
    const events = Array.from({ length: 60 }, (_, i) =>
      stored(track(`e${i % 3}`, { anonymousId: `a${i % 4}`, userId: `u${i % 2}`, ts: T0 + i })))
    const shuffled = () => [...events].sort(() => Math.random() - 0.5).slice(0, 40)
    const results = await Promise.all(Array.from({ length: 8 }, () => storage.ingest(project, shuffled(), T0 + 100)))
    const accepted = results.reduce((sum, r) => sum + r.accepted, 0)
    const [{ n, total } = { n: 0, total: 0 }] = await storage.query<{ n: number; total: number }>(
      'SELECT (SELECT count(*)::int FROM events WHERE project_id = $1) AS n, (SELECT sum(count)::int FROM event_counts WHERE project_id = $1) AS total',
      [project],
    )
    expect(accepted).toBe(n)
    expect(total).toBe(n)
    expect(results.every((r) => r.accepted + r.duplicates === 40)).toBe(true)
  })

  it('maps each actor to one person for reports', async () => {
    const project = freshProject()
    await storage.ingest(project, [
      stored(track('a', { anonymousId: 'x', ts: T0 })),
      stored(event({ type: 'identify', userId: 'u', anonymousId: 'x', ts: T0 + 1 })),
      stored(track('b', { anonymousId: 'lurker', ts: T0 + 2 })),
    ], T0 + 10)
    const rows = await storage.query<{ anonymous_id: string; user_id: string; person: string }>(
      'SELECT anonymous_id, user_id, person FROM actor_people WHERE project_id = $1 ORDER BY anonymous_id, user_id', [project])
    expect(rows).toEqual([
      { anonymous_id: 'lurker', user_id: '', person: 'anon:lurker' },
      { anonymous_id: 'x', user_id: '', person: 'u' },
      { anonymous_id: 'x', user_id: 'u', person: 'u' },
    ])
  })

  it('rejects calls once closed (the app answers 503)', async () => {
    const { storage: other, cleanup: done } = await target.open()
    await done()
    await expect(other.ping()).rejects.toThrow()
    await expect(other.ingest('p', [stored(track('x'))], T0)).rejects.toThrow()
  })
})
