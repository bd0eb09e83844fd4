import { expect, it } from 'vitest'
import type { CairnEvent } from '@cairn/protocol'
import { batch, event } from './helpers/events.ts'
import { storeApp } from './helpers/store-app.ts'
import { describeStores } from './helpers/stores.ts'

const NOW = Date.parse('2026-12-01T12:00:00Z')
const T = NOW - 864e5
const TABLES = ['events', 'identities', 'actors', 'users', 'flow_states', 'flow_steps', 'survey_responses', 'milestones', 'user_milestones', 'event_counts', 'activity', 'activity_days', 'actor_activity']

/** Ana: anonymous on a laptop, identified, then on her phone; every kind of row. Bo: his own. Cy shares Ana's laptop later. */
function history(): CairnEvent[] {
  const ana = (more: Record<string, unknown>) => ({ userId: 'ana-7f3', ...more })
  return [
    event({ type: 'track', name: 'page_view', anonymousId: 'anon-laptop-91', ts: T }),
    event({ type: 'identify', anonymousId: 'anon-laptop-91', ts: T + 1, ...ana({ traits: { plan: 'pro' } }) }),
    event({ type: 'track', name: 'card_created', anonymousId: 'anon-phone-42', ts: T + 2, ...ana({}) }),
    event({ type: 'flow_shown', flowId: 'tour', anonymousId: 'anon-phone-42', ts: T + 3, ...ana({}) }),
    event({ type: 'flow_step', flowId: 'tour', stepIndex: 1, stepId: 's2', anonymousId: 'anon-phone-42', ts: T + 4, ...ana({}) }),
    event({ type: 'survey_answer', flowId: 'nps', submissionId: 'sub-ana', questionId: 'score', answer: 9, final: true, anonymousId: 'anon-phone-42', ts: T + 5, ...ana({}) } as never),
    event({ type: 'milestone', name: 'activated', anonymousId: 'anon-laptop-91', ts: T + 6, ...ana({}) }),
    event({ type: 'track', name: 'page_view', anonymousId: 'anon-bo-13', userId: 'bo-2c1', ts: T }),
    event({ type: 'milestone', name: 'activated', anonymousId: 'anon-bo-13', userId: 'bo-2c1', ts: T + 1 }),
    event({ type: 'survey_answer', flowId: 'nps', submissionId: 'sub-bo', questionId: 'score', answer: 3, final: true, anonymousId: 'anon-bo-13', userId: 'bo-2c1', ts: T + 2 } as never),
    // Cy signs in on Ana's laptop: his rows carry his id and stay.
    event({ type: 'identify', anonymousId: 'anon-laptop-91', userId: 'cy-9d0', ts: T + 10 }),
    event({ type: 'track', name: 'page_view', anonymousId: 'anon-laptop-91', userId: 'cy-9d0', ts: T + 11 }),
  ]
}

describeStores('DELETE /v1/users/:id and GET /v1/users/:id/export', (target) => {
  const suite = storeApp(target, { now: () => NOW }, async (t) => {
    expect(await (await t.post(batch(history(), { sentAt: NOW }))).json()).toMatchObject({ rejected: [] })
  })
  const call = async (method: string, path: string, key = 'sk_test') => await suite.t.app.request(path, { method, headers: { authorization: `Bearer ${key}` } })
  /** Every row of every table, as text: what "no row mentions the user" is checked against. */
  const dump = async () => (await Promise.all(TABLES.map(async (t) => JSON.stringify(await suite.storage.query(`SELECT * FROM ${t}`))))).join('\n')

  it('exports everything stored about a user and their anonymous ids, and nothing of others', async () => {
    const res = await call('GET', '/v1/users/ana-7f3/export')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/attachment/)
    const body = await res.json()
    expect(body.userId).toBe('ana-7f3')
    expect(body.tables.events).toHaveLength(7)
    expect(body.tables.users).toEqual([expect.objectContaining({ user_id: 'ana-7f3', traits: { plan: 'pro' } })])
    expect(body.tables.survey_responses).toEqual([expect.objectContaining({ submission_id: 'sub-ana' })])
    expect(body.tables.user_milestones).toEqual([expect.objectContaining({ person: 'ana-7f3', name: 'activated' })])
    expect(JSON.stringify(body)).not.toMatch(/bo-2c1|cy-9d0|anon-bo-13/)
  })

  it('erases them in one go, says what went, leaves no row mentioning them, and touches nobody else', async () => {
    const before = await dump()
    expect(before).toMatch(/ana-7f3/)
    const bo = (await call('GET', '/v1/users/bo-2c1/export').then((r) => r.json())).tables
    const res = await call('DELETE', '/v1/users/ana-7f3')
    expect(res.status).toBe(200)
    const { deleted } = await res.json()
    expect(deleted.events).toBe(7)
    expect(deleted.users).toBe(1)
    expect(deleted.survey_responses).toBe(1)
    expect(deleted.user_milestones).toBe(1)
    expect(Object.keys(deleted).sort()).toEqual([...TABLES].sort())
    const after = await dump()
    expect(after).not.toMatch(/ana-7f3|anon-phone-42|sub-ana/)
    // The laptop stays as Cy's device; only its anonymous rows from before Ana signed in went.
    expect(after).toMatch(/cy-9d0/)
    expect((await call('GET', '/v1/users/bo-2c1/export').then((r) => r.json())).tables).toEqual(bo)
    expect((await call('GET', '/v1/users/cy-9d0/export').then((r) => r.json())).tables.events).toHaveLength(2)

    const again = await (await call('DELETE', '/v1/users/ana-7f3')).json()
    expect(Object.values(again.deleted).every((n) => n === 0)).toBe(true)
    const results = await (await call('GET', '/v1/results/surveys/nps')).json()
    expect(results.responses).toBe(1)
  })

  it('needs the secret key itself, and a valid user id', async () => {
    expect((await call('DELETE', '/v1/users/bo-2c1', 'pk_test')).status).toBe(401)
    expect((await call('GET', '/v1/users/bo-2c1/export', 'pk_test')).status).toBe(401)
    expect((await call('DELETE', `/v1/users/${'x'.repeat(300)}`)).status).toBe(400)
    expect((await call('PUT', '/v1/users/bo-2c1')).status).toBe(405)
  })
})
