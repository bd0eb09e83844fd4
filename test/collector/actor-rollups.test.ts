import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, expect, it } from 'vitest'
import fc from 'fast-check'
import type { CairnEvent } from '@cairn/protocol'
import type { Storage } from '@cairn/collector'
import { describeStores } from './helpers/stores.ts'
import { event, track } from './helpers/events.ts'

const T0 = Date.parse('2026-10-05T00:00:00Z')
const HOUR = 36e5
let projectSeq = 0
const freshProject = () => `rollups${++projectSeq}-${Math.random().toString(36).slice(2, 8)}`

/**
 * What migration 006's rollups must hold, computed from `events` by their definitions: per actor
 * and UTC day the first and last qualifying time (every track but sdk_error, and identify), and per
 * actor the first qualifying time and the locale of the latest track or identify carrying one.
 */
const EXPECTED_DAYS = `
SELECT (ts AT TIME ZONE 'UTC')::date::text AS day, anonymous_id, COALESCE(user_id, '') AS user_id, min(ts)::text AS first_at, max(ts)::text AS last_at
FROM events WHERE project_id = $1 AND (type = 'identify' OR (type = 'track' AND name <> 'sdk_error'))
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`
const EXPECTED_ACTORS = `
SELECT anonymous_id, COALESCE(user_id, '') AS user_id,
  (min(ts) FILTER (WHERE type = 'identify' OR name <> 'sdk_error'))::text AS first_at,
  (array_agg(data->>'locale' ORDER BY ts DESC) FILTER (WHERE data->>'locale' IS NOT NULL))[1] AS locale
FROM events WHERE project_id = $1 AND type IN ('track', 'identify')
GROUP BY 1, 2 ORDER BY 1, 2`
const DAYS = `SELECT day::text, anonymous_id, user_id, first_at::text, last_at::text FROM activity_days WHERE project_id = $1 ORDER BY 1, 2, 3`
const ACTORS = `SELECT anonymous_id, user_id, first_at::text, locale FROM actor_activity WHERE project_id = $1 ORDER BY 1, 2`

/** Events of three actors over four days, each at a distinct time (so "latest" has one answer). */
const events = fc.uniqueArray(fc.record({
  at: fc.integer({ min: 0, max: 4 * 24 - 1 }),
  actor: fc.constantFrom<[string, string | undefined]>(['a1', undefined], ['a1', 'u1'], ['a2', undefined], ['a3', 'u3']),
  kind: fc.constantFrom('track', 'sdk_error', 'identify', 'flow_shown'),
  locale: fc.option(fc.constantFrom('fa-IR', 'ar', 'en'), { nil: undefined }),
}), { selector: (e) => e.at, minLength: 1, maxLength: 40 }).map((list) => list.map(({ at, actor: [anonymousId, userId], kind, locale }): CairnEvent => {
  const common = { ts: T0 + at * HOUR, anonymousId, ...(locale && { locale }) }
  if (kind === 'identify') return event({ type: 'identify', userId: userId ?? 'u9', ...common })
  if (kind === 'flow_shown') return event({ type: 'flow_shown', flowId: 'f', flowVersion: 1, ...(userId && { userId }), ...common })
  return track(kind === 'sdk_error' ? 'sdk_error' : 'card_created', { ...(userId && { userId }), ...common })
}))

describeStores('the actor rollups (migration 006)', (target) => {
  let storage: Storage
  let cleanup: () => Promise<void>
  beforeAll(async () => {
    ;({ storage, cleanup } = await target.open())
  }, 60_000)
  afterAll(() => cleanup?.(), 30_000)

  const ingest = (project: string, list: CairnEvent[]) => storage.ingest(project, list.map((e) => ({ event: e, ts: e.ts })), T0)
  const read = async (project: string) => ({
    days: await storage.query(DAYS, [project]),
    actors: await storage.query(ACTORS, [project]),
  })
  const expected = async (project: string) => ({
    days: await storage.query(EXPECTED_DAYS, [project]),
    actors: await storage.query(EXPECTED_ACTORS, [project]),
  })

  it('hold what events define, whether events come in one batch or shuffled, split and retried', async () => {
    await fc.assert(fc.asyncProperty(events, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), async (list, cuts) => {
      const whole = freshProject()
      await ingest(whole, list)
      const pieces = freshProject()
      const shuffled = [...list].reverse()
      for (const cut of cuts) await ingest(pieces, shuffled.slice(cut % shuffled.length))
      await ingest(pieces, shuffled)
      const want = await expected(whole)
      expect(await read(whole)).toEqual(want)
      expect(await read(pieces)).toEqual(want)
    }), { numRuns: 25 })
  })

  it('keep an actor that only ever reported errors without a first time, and take its locale', async () => {
    const project = freshProject()
    await ingest(project, [track('sdk_error', { anonymousId: 'broken', ts: T0, locale: 'fa' } as Partial<CairnEvent>)])
    expect(await storage.query(ACTORS, [project])).toEqual([{ anonymous_id: 'broken', user_id: '', first_at: null, locale: 'fa' }])
    expect(await storage.query(DAYS, [project])).toEqual([])
  })

  it('are rebuilt from `activity` by the migration for events stored before it', async () => {
    const project = freshProject()
    // Each actor's latest event of a day carries its locale, the one case where activity knows the locale's time.
    await ingest(project, [
      track('card_created', { anonymousId: 'old', ts: T0, locale: 'en' } as Partial<CairnEvent>),
      track('sdk_error', { anonymousId: 'old', ts: T0 - HOUR }),
      event({ type: 'identify', userId: 'u1', anonymousId: 'old', ts: T0 + 30 * HOUR, locale: 'fa-IR' }),
      track('card_created', { anonymousId: 'old', userId: 'u1', ts: T0 + 50 * HOUR, locale: 'ar' } as Partial<CairnEvent>),
    ])
    const want = await read(project)
    expect(want).toEqual(await expected(project))
    const migration = await readFile(new URL('../../packages/collector/migrations/006_actor_rollups.sql', import.meta.url), 'utf8')
    const backfill = migration.slice(migration.indexOf('-- From `activity`'))
    await storage.query('DELETE FROM activity_days WHERE project_id = $1', [project])
    await storage.query('DELETE FROM actor_activity WHERE project_id = $1', [project])
    // Other projects' rows are there already; only this project's are rebuilt.
    for (const statement of backfill.replace(/--.*$/gm, '').split(';').filter((s) => s.trim())) {
      await storage.query(`${statement} ON CONFLICT DO NOTHING`)
    }
    expect(await read(project)).toEqual(want)
  })
})
