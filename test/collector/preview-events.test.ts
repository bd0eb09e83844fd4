import { expect, it } from 'vitest'
import type { TourFlow } from '@cairn/protocol'
import { flowSource } from './helpers/app.ts'
import { batch, event } from './helpers/events.ts'
import { storeApp } from './helpers/store-app.ts'
import { describeStores } from './helpers/stores.ts'

const NOW = Date.parse('2026-12-01T12:00:00Z')
const T = NOW - 3_600_000
const TOUR: TourFlow = { id: 'welcome', kind: 'tour', steps: [{ id: 'hello', title: 'Hello' }, { id: 'bye', title: 'Bye' }] }
const TABLES = ['events', 'flow_states', 'flow_steps', 'survey_responses', 'event_counts', 'activity', 'actors']

describeStores('events of a preview', (target) => {
  const suite = storeApp(target, { now: () => NOW, flows: flowSource([TOUR]) })
  const author = { anonymousId: 'author-laptop', userId: 'author', preview: true as const }

  it('are acknowledged, stored nowhere and counted in no result; the real events beside them are', async () => {
    const answer = await suite.t.post(batch([
      event({ type: 'flow_shown', flowId: 'welcome', ...author, ts: T }),
      event({ type: 'flow_step', flowId: 'welcome', stepIndex: 1, stepId: 'bye', ...author, ts: T + 1 }),
      event({ type: 'flow_completed', flowId: 'welcome', ...author, ts: T + 2 }),
      event({ type: 'survey_answer', flowId: 'nps', submissionId: 's-1', questionId: 'score', answer: 10, final: true, ...author, ts: T + 3 } as never),
      event({ type: 'flow_shown', flowId: 'welcome', anonymousId: 'reader', ts: T }),
    ], { sentAt: NOW }))
    expect(await answer.json()).toEqual({ accepted: 5, duplicates: 0, rejected: [] })

    const dump = (await Promise.all(TABLES.map(async (t) => JSON.stringify(await suite.storage.query(`SELECT * FROM ${t}`))))).join('\n')
    expect(dump).not.toMatch(/author/)
    expect(dump).toMatch(/reader/)
    const funnel = await (await suite.get('/v1/results/flows/welcome?from=2026-11-01&to=2026-12-02')).json()
    expect(funnel).toMatchObject({ shown: 1, started: 0, completed: 0 })
    // A survey the collector has neither a definition nor any data of.
    expect((await (await suite.get('/v1/results/surveys/nps?from=2026-11-01&to=2026-12-02')).json())).toMatchObject({ error: 'not_found' })
    expect(await (await suite.get('/v1/users/author/export')).json()).toMatchObject({ tables: { events: [] } })
  })

  it('refuses a preview flag that is not `true`, with its path', async () => {
    const answer = await (await suite.t.post(batch([event({ type: 'flow_shown', flowId: 'welcome', anonymousId: 'a', preview: 'yes' } as never)], { sentAt: NOW }))).json()
    expect(answer.accepted).toBe(0)
    expect(answer.rejected).toEqual([{ id: expect.any(String), reason: expect.stringContaining('$.preview') }])
  })
})
