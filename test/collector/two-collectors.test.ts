import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import pg from 'pg'
import type { CairnEvent } from '@cairn/protocol'
import { batch } from './helpers/events.ts'
import { describePostgres, freshSchema } from './helpers/postgres.ts'
import { expectProjectionsMatchEvents } from './helpers/projection-check.ts'
import { spawnCollector, type SpawnedCollector } from './helpers/spawn.ts'
import { batches, workload } from './helpers/workload.ts'

const USERS = 40

type Sent = { accepted: number; duplicates: number }

describePostgres('two collector processes on one PostgreSQL', () => {
  let dir: string
  let schema: Awaited<ReturnType<typeof freshSchema>>
  let collectors: SpawnedCollector[] = []
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-two-'))
    const config = join(dir, 'cairn.config.json')
    await writeFile(config, JSON.stringify({ projects: [{ id: 'test', writeKey: 'pk_test', secretKey: 'sk_test' }], rateLimit: false }))
    schema = await freshSchema()
    // Started together: the migration lock makes one of them create the schema.
    collectors = await Promise.all([0, 1].map(() => spawnCollector(['--port', '0', '--config', config], { DATABASE_URL: schema.url })))
  }, 90_000)
  afterAll(async () => {
    for (const c of collectors) c.child.kill('SIGTERM')
    await Promise.all(collectors.map((c) => c.exited))
    await schema?.drop()
    await rm(dir, { recursive: true, force: true })
  }, 60_000)

  const send = async (to: SpawnedCollector, events: CairnEvent[]): Promise<Sent> => {
    const res = await fetch(`${to.url}/v1/batch`, { method: 'POST', body: JSON.stringify(batch(events)) })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.rejected).toEqual([])
    return body
  }

  it('stores every event once and keeps every projection right, whatever reaches which collector when', async () => {
    const [one, two] = collectors as [SpawnedCollector, SpawnedCollector]
    const { events, race } = workload(USERS)
    const totals = { accepted: 0, duplicates: 0 }
    const add = (results: Sent[]) => {
      for (const r of results) {
        totals.accepted += r.accepted
        totals.duplicates += r.duplicates
      }
    }

    // 1. A user's anonymous milestone to one collector while the identify that links it goes to the
    //    other at the same moment, pair after pair: "once per user" must not depend on which commits first.
    for (const [milestone, link] of race) add(await Promise.all([send(one, [milestone]), send(two, [link])]))

    // 2. The same batches to both collectors at the same moment.
    const rest = events.slice(race.length * 2)
    const cut = batches(rest, 12)
    add(await Promise.all(cut.flatMap((b) => [send(one, b), send(two, b)])))

    // 3. Interleaved retries: every batch again, regrouped, to either collector, several in flight.
    const again = batches(events, 20)
    add(await Promise.all(again.map((b, i) => send(i % 2 ? one : two, b))))

    expect(totals.accepted).toBe(events.length)
    expect(totals.accepted + totals.duplicates).toBe(events.length + rest.length + events.length)

    const db = new pg.Client({ connectionString: schema.url })
    await db.connect()
    try {
      const query = async <T>(text: string, params?: readonly unknown[]) => (await db.query(text, params as unknown[])).rows as T[]
      const ids = await query<{ id: string }>("SELECT event_id::text AS id FROM events WHERE project_id = 'test'")
      expect(ids.map((r) => r.id).sort()).toEqual(events.map((e) => e.id).sort())
      expect(await expectProjectionsMatchEvents(query, 'test')).toBe(events.length)
      // Spelled out for the list: each user reached "activated" and "invited" once, none stayed anonymous.
      const perUser = await query<{ person: string; n: number }>("SELECT person, count(*)::int n FROM user_milestones WHERE project_id = 'test' GROUP BY person")
      expect(perUser).toHaveLength(USERS)
      expect(perUser.every((r) => r.n === 2 && !r.person.startsWith('anon:'))).toBe(true)
      const submissions = await query<{ n: number }>("SELECT count(*)::int n FROM survey_responses WHERE project_id = 'test'")
      expect(submissions[0]?.n).toBe(USERS * 2)
    } finally {
      await db.end()
    }
  }, 120_000)
})
