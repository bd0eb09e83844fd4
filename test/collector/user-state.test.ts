import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { identityHash, openStorage, type Storage } from '@cairn/collector'
import { testApp } from './helpers/app.ts'
import { batch, event, track } from './helpers/events.ts'

const SECRET = 'a-long-identity-secret'
/** A fixed server clock, with batches sent at it: server times then equal client times. */
const NOW = Date.now() + 60_000

describe('GET /v1/users/:id/state', () => {
  let storage: Storage
  let t: ReturnType<typeof testApp>
  beforeAll(async () => {
    storage = await openStorage({ dataDir: 'memory://' })
    t = testApp({ storage, now: () => NOW })
  }, 60_000)
  afterAll(() => storage?.close(), 30_000)

  const send = async (events: unknown[], key = 'pk_test') => {
    const res = await t.post(batch(events, { key, sentAt: NOW }))
    expect(await res.json()).toMatchObject({ rejected: [] })
  }
  const state = (userId: string, query = 'key=pk_test') => t.app.request(`/v1/users/${encodeURIComponent(userId)}/state?${query}`)

  it('derives what the user saw, finished, dismissed, answered and reached, with times', async () => {
    const at = Date.now() - 10_000
    await send([
      event({ type: 'flow_shown', flowId: 'welcome', userId: 'u_1', ts: at }),
      event({ type: 'flow_step', flowId: 'welcome', stepIndex: 2, stepId: 'invite', userId: 'u_1', ts: at + 1 }),
      event({ type: 'flow_completed', flowId: 'welcome', userId: 'u_1', ts: at + 2 }),
      event({ type: 'flow_shown', flowId: 'news', userId: 'u_1', ts: at + 3 }),
      event({ type: 'flow_dismissed', flowId: 'news', userId: 'u_1', ts: at + 4 }),
      event({ type: 'survey_answer', flowId: 'nps', submissionId: 's1', questionId: 'score', answer: 9, userId: 'u_1', ts: at + 5 }),
      event({ type: 'milestone', name: 'activated', userId: 'u_1', ts: at + 6 }),
      track('board_created', { userId: 'u_1', ts: at + 7 }),
      track('board_created', { userId: 'u_1', ts: at + 8 }),
    ])
    const res = await state('u_1')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = await res.json()
    expect(body).toEqual({
      userId: 'u_1',
      firstSeen: at,
      lastSeen: at + 8,
      flows: {
        welcome: { shownCount: 1, shownAt: at, completedAt: at + 2, step: 2, stepAt: at + 1, items: { invite: at + 1 } },
        news: { shownCount: 1, shownAt: at + 3, dismissedAt: at + 4 },
        nps: { shownCount: 0, answers: { score: 9 }, answeredAt: at + 5, submissionId: 's1' },
      },
      milestones: { activated: at + 6 },
      events: { board_created: 2 },
    })
  })

  it('includes what the user did while anonymous before identify, and another device', async () => {
    await send([
      track('viewed_pricing', { anonymousId: 'laptop' }),
      event({ type: 'flow_shown', flowId: 'tour', anonymousId: 'laptop' }),
      event({ type: 'identify', userId: 'u_2', anonymousId: 'laptop' }),
      track('viewed_pricing', { anonymousId: 'phone', userId: 'u_2' }),
    ])
    const body = await (await state('u_2')).json()
    expect(body.events).toEqual({ viewed_pricing: 2 })
    expect(body.flows.tour.shownCount).toBe(1)
  })

  it('gives a tour’s newest step with its time, whichever device took it (another device resumes from it)', async () => {
    const at = Date.now() - 20_000
    await send([
      event({ type: 'flow_shown', flowId: 'tour', anonymousId: 'desk', userId: 'u_5', ts: at }),
      event({ type: 'flow_step', flowId: 'tour', stepIndex: 1, stepId: 'b', anonymousId: 'desk', userId: 'u_5', ts: at + 10 }),
      event({ type: 'flow_step', flowId: 'tour', stepIndex: 2, stepId: 'c', anonymousId: 'desk', userId: 'u_5', ts: at + 20 }),
      // The phone took the tour up at step 2 and went back to step 1: newer, though lower.
      event({ type: 'flow_step', flowId: 'tour', stepIndex: 1, stepId: 'b', anonymousId: 'pocket', userId: 'u_5', ts: at + 30 }),
    ])
    expect((await (await state('u_5')).json()).flows.tour).toEqual({ shownCount: 1, shownAt: at, step: 1, stepAt: at + 30, items: { b: at + 10, c: at + 20 } })
    await send([event({ type: 'flow_step', flowId: 'tour', stepIndex: 3, stepId: 'd', anonymousId: 'desk', userId: 'u_5', ts: at + 40 })])
    expect((await (await state('u_5')).json()).flows.tour).toMatchObject({ step: 3, stepAt: at + 40 })
  })

  it('gives anonymous activity to the first user its anonymous id was linked to', async () => {
    const t0 = Date.now() - 5000
    await send([
      track('before_login', { anonymousId: 'shared-pc', ts: t0 }),
      event({ type: 'identify', userId: 'first', anonymousId: 'shared-pc', ts: t0 + 1 }),
      event({ type: 'identify', userId: 'second', anonymousId: 'shared-pc', ts: t0 + 2 }),
    ])
    expect((await (await state('first')).json()).events).toEqual({ before_login: 1 })
    expect((await (await state('second')).json()).events).toEqual({})
  })

  it('answers an empty state for a user it never saw', async () => {
    expect(await (await state('nobody')).json()).toEqual({ userId: 'nobody', flows: {}, milestones: {}, events: {} })
  })

  it('reads user ids with any characters, and refuses ones that are too long', async () => {
    await send([track('x', { userId: 'a/b c?é' })])
    expect((await (await state('a/b c?é')).json()).events).toEqual({ x: 1 })
    expect((await state('x'.repeat(129))).status).toBe(400)
  })

  describe('with identity verification on', () => {
    const hash = (id: string) => identityHash(SECRET, id)

    it('answers 401 identity_required without a valid hash, 200 with it', async () => {
      await send([event({ type: 'identify', userId: 'v_1', anonymousId: 'v-anon', hash: hash('v_1') }), track('t', { anonymousId: 'v-anon', userId: 'v_1' })], 'pk_locked')
      for (const query of ['key=pk_locked', 'key=pk_locked&hash=nothex', `key=pk_locked&hash=${hash('v_2')}`]) {
        const res = await state('v_1', query)
        expect(res.status).toBe(401)
        expect(await res.json()).toEqual({ error: 'identity_required', details: expect.any(String) })
      }
      const res = await state('v_1', `key=pk_locked&hash=${hash('v_1')}`)
      expect(res.status).toBe(200)
      expect((await res.json()).events).toEqual({ t: 1 })
      expect((await state('v_1', `key=pk_locked&hash=${hash('v_1').toUpperCase()}`)).status).toBe(200)
    })

    it('lets the secret key read any user without a hash', async () => {
      expect((await state('v_1', 'key=sk_locked')).status).toBe(200)
    })

    it('ignores events that claim a user id from an anonymous id never verified for it', async () => {
      await send([track('spoofed', { anonymousId: 'attacker', userId: 'v_1' })], 'pk_locked')
      expect((await (await state('v_1', 'key=sk_locked')).json()).events).toEqual({ t: 1 })
    })
  })

  it('answers 503 when storage is down', async () => {
    const down = testApp()
    down.fake.state.down = true
    const res = await down.app.request('/v1/users/u/state?key=pk_test')
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
  })

  it('needs a known key', async () => {
    expect((await state('u_1', 'key=pk_nope')).status).toBe(401)
    expect((await t.app.request('/v1/users/u_1/state')).status).toBe(401)
  })
})
