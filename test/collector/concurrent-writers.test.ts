import { afterAll, beforeAll, expect, it } from 'vitest'
import { openStorage, type Storage } from '@cairn/collector'
import { event } from './helpers/events.ts'
import { describePostgres, freshSchema } from './helpers/postgres.ts'

const PAIRS = 200

describePostgres('two stores writing one PostgreSQL at once', () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>
  let stores: [Storage, Storage]
  beforeAll(async () => {
    schema = await freshSchema()
    stores = await Promise.all([openStorage({ databaseUrl: schema.url }), openStorage({ databaseUrl: schema.url })]) as [Storage, Storage]
  }, 60_000)
  afterAll(async () => {
    await Promise.all(stores?.map((s) => s.close()) ?? [])
    await schema?.drop()
  }, 30_000)

  it('an anonymous milestone and the identify linking its anonymous id, committed side by side, end up with the user', async () => {
    const now = Date.now()
    await Promise.all(Array.from({ length: PAIRS }, (_, i) => {
      const milestone = event({ type: 'milestone', name: 'activated', anonymousId: `anon-${i}`, ts: now })
      const link = event({ type: 'identify', userId: `user-${i}`, anonymousId: `anon-${i}`, ts: now + 1 })
      return Promise.all([stores[0].ingest('test', [{ event: milestone, ts: now }], now), stores[1].ingest('test', [{ event: link, ts: now + 1 }], now)])
    }))
    const rows = await stores[0].query<{ person: string }>("SELECT person FROM user_milestones WHERE project_id = 'test' AND name = 'activated'")
    expect(rows.filter((r) => r.person.startsWith('anon:'))).toEqual([])
    expect(new Set(rows.map((r) => r.person))).toEqual(new Set(Array.from({ length: PAIRS }, (_, i) => `user-${i}`)))
  }, 60_000)
})
