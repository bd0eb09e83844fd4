import { afterAll, beforeAll, expect, it } from 'vitest'
import fc from 'fast-check'
import type { CairnEvent } from '@cairn/protocol'
import type { Storage, StoredEvent } from '@cairn/collector'
import { describeStores } from './helpers/stores.ts'
import { event } from './helpers/events.ts'

const T0 = 1_790_000_000_000
let seq = 0
const freshProject = () => `m${++seq}-${Math.random().toString(36).slice(2, 8)}`
const stored = (e: CairnEvent): StoredEvent => ({ event: e, ts: e.ts })
const milestone = (name: string, anonymousId: string, ts: number, userId?: string) =>
  event({ type: 'milestone', name, anonymousId, ts, ...(userId !== undefined && { userId }) })
const identify = (anonymousId: string, userId: string, ts: number) => event({ type: 'identify', anonymousId, userId, ts })

describeStores('user_milestones: once per person in storage', (target) => {
  let storage: Storage
  let cleanup: () => Promise<void>
  beforeAll(async () => {
    ;({ storage, cleanup } = await target.open())
  }, 60_000)
  afterAll(() => cleanup?.(), 30_000)

  const rows = async (project: string) =>
    storage.query<{ person: string; name: string; at: number }>(
      `SELECT person, name, round(extract(epoch from reached_at) * 1000)::float8 AS at
       FROM user_milestones WHERE project_id = $1 ORDER BY person, name`, [project])

  it('keeps one row per user and milestone, at the earliest time, whatever the tabs and devices', async () => {
    const project = freshProject()
    await storage.ingest(project, [stored(milestone('activated', 'laptop', T0 + 50, 'u1'))], T0 + 100)
    // The same milestone from another tab (same browser) and another device, in separate and concurrent batches.
    await Promise.all([
      storage.ingest(project, [stored(milestone('activated', 'laptop', T0 + 60, 'u1'))], T0 + 100),
      storage.ingest(project, [stored(milestone('activated', 'phone', T0 + 10, 'u1'))], T0 + 100),
    ])
    expect(await rows(project)).toEqual([{ person: 'u1', name: 'activated', at: T0 + 10 }])
    // The per-actor record is untouched: the user state still reads it.
    const actors = await storage.query('SELECT anonymous_id FROM milestones WHERE project_id = $1 ORDER BY anonymous_id', [project])
    expect(actors).toEqual([{ anonymous_id: 'laptop' }, { anonymous_id: 'phone' }])
  })

  it('moves what an anonymous visitor reached to the user on identify, merging with the user\'s own', async () => {
    const project = freshProject()
    await storage.ingest(project, [
      stored(milestone('activated', 'anon-a', T0 + 5)),
      stored(milestone('invited', 'anon-a', T0 + 7)),
      stored(milestone('activated', 'desk', T0 + 20, 'u2')),
    ], T0 + 100)
    expect((await rows(project)).map((r) => r.person)).toEqual(['anon:anon-a', 'anon:anon-a', 'u2'])
    await storage.ingest(project, [stored(identify('anon-a', 'u2', T0 + 30))], T0 + 100)
    expect(await rows(project)).toEqual([
      { person: 'u2', name: 'activated', at: T0 + 5 },
      { person: 'u2', name: 'invited', at: T0 + 7 },
    ])
    // After the link, anonymous events of that browser count for the user straight away.
    await storage.ingest(project, [stored(milestone('connected', 'anon-a', T0 + 40))], T0 + 100)
    expect((await rows(project)).map((r) => `${r.person} ${r.name}`)).toEqual(['u2 activated', 'u2 connected', 'u2 invited'])
  })

  it('an anonymous id linked to two users belongs to the first of them, as in actor_people', async () => {
    const project = freshProject()
    await storage.ingest(project, [stored(identify('shared', 'first', T0 + 1)), stored(identify('shared', 'second', T0 + 2))], T0 + 100)
    await storage.ingest(project, [stored(milestone('activated', 'shared', T0 + 3))], T0 + 100)
    expect((await rows(project)).map((r) => r.person)).toEqual(['first'])
  })

  it('equals the earliest time per actor_people person for any order and grouping of the events (property)', async () => {
    // Each device belongs to one user (a shared computer is the case above); events may carry any user id.
    const owner: Record<string, string> = { d1: 'u1', d2: 'u2', d3: 'u1' }
    const anEvent = fc.oneof(
      fc.record({ m: fc.constantFrom('a', 'b'), d: fc.constantFrom('d1', 'd2', 'd3'), u: fc.constantFrom(undefined, 'u1', 'u2'), t: fc.nat(1000) })
        .map(({ m, d, u, t }) => milestone(m, d, T0 + t, u)),
      fc.record({ d: fc.constantFrom('d1', 'd2', 'd3'), t: fc.nat(1000) }).map(({ d, t }) => identify(d, owner[d] as string, T0 + t)),
    )
    const got = (project: string) =>
      storage.query('SELECT person, name, reached_at AS at FROM user_milestones WHERE project_id = $1 ORDER BY 1, 2', [project])
    await fc.assert(fc.asyncProperty(fc.array(anEvent, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), async (events, keys) => {
      const once = freshProject()
      const split = freshProject()
      await storage.ingest(once, events.map(stored), T0 + 2000)
      const shuffled = events.map((e, i) => [keys[i] as number, e] as const).sort(([a], [b]) => a - b).map(([, e]) => e)
      for (let i = 0; i < shuffled.length; i += 3) await storage.ingest(split, shuffled.slice(i, i + 3).map(stored), T0 + 2000)
      const expected = await storage.query(
        `SELECT p.person, m.name, min(m.reached_at) AS at FROM milestones m
         JOIN actor_people p USING (project_id, anonymous_id, user_id) WHERE m.project_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`, [once])
      expect(await got(once)).toEqual(expected)
      expect(await got(split)).toEqual(expected)
    }), { numRuns: 25 })
  }, 60_000)
})
