import { openStorage } from '@cairn/collector'
import { freshSchema } from '/work/main/test/collector/helpers/postgres.ts'
import { benchHistory } from '/work/main/test/bench/results-history.ts'
import { filtered } from '/work/main/packages/collector/src/results/audience-sql.ts'
import { NEW_PEOPLE } from '/work/main/packages/collector/src/results/milestones-sql.ts'
import { RETENTION_PEOPLE } from '/work/main/packages/collector/src/results/retention-sql.ts'
const NOW = Date.parse('2026-12-01T12:00:00Z')
const schema = await freshSchema('explain')
const storage = await openStorage({ databaseUrl: schema.url })
for (const b of benchHistory(NOW, { users: 2000, events: 200000, days: 180 })) await storage.ingest('acme', b.map((event) => ({ event, ts: event.ts })), NOW)
await storage.query('ANALYZE')
const [sql, params] = filtered({ where: [], locale: 'fa' }, ['acme', NOW - 90 * 864e5, NOW], NEW_PEOPLE)
const plan = process.env.SKIP ? [] : await storage.query<Record<string, string>>(`EXPLAIN ANALYZE ${sql}`, params)
console.log(plan.map((r) => Object.values(r)[0]).join('\n'))
const [sql2, params2] = filtered({ where: process.env.F ? [{ trait: 'plan', op: 'eq', value: 'pro' }] : [] }, ['acme', null, 'UTC', 'week', NOW - 90 * 864e5, NOW, null], RETENTION_PEOPLE)
const plan2 = await storage.query<Record<string, string>>(`EXPLAIN ANALYZE ${sql2}`, params2)
console.log(plan2.map((r) => Object.values(r)[0]).join('\n'))
await storage.close(); await schema.drop()
