import { expect, it } from 'vitest'
import type { AnnouncementFlow, UserState } from '@cairn/protocol'
import { flowSource } from './helpers/app.ts'
import { batch, event } from './helpers/events.ts'
import { storeApp } from './helpers/store-app.ts'
import { describeStores } from './helpers/stores.ts'

const M = 60_000
const T = Date.parse('2026-11-03T09:00:00Z')
const NOW = Date.parse('2026-12-01')
const NEWS: AnnouncementFlow = { id: 'dark-mode', kind: 'announcement', style: 'modal', title: 'Dark mode', feed: true }

/**
 * The SDK records each opening of the what's-new feed as a `flow_shown` of the reserved flow
 * `cairn-feed` (docs/announcements.md); the user state carries the latest, for the user's other devices.
 */
describeStores("the what's-new feed's openings in the collector", (target) => {
  const suite = storeApp(target, { now: () => NOW, flows: flowSource([NEWS]) }, async (t) => {
    const opened = (anonymousId: string, ts: number) => event({ type: 'flow_shown', flowId: 'cairn-feed', anonymousId, userId: 'ana', ts, reason: 'manual' } as Parameters<typeof event>[0])
    // Ana opens the feed on her laptop, later on her phone, then on her laptop again.
    const sent = await t.post(batch([opened('ana-laptop', T), opened('ana-phone', T + M), opened('ana-laptop', T + 2 * M)], { sentAt: NOW }))
    expect(await sent.json()).toMatchObject({ rejected: [] })
  })

  it("GET /v1/users/:id/state gives the latest opening on any device as cairn-feed's shownAt", async () => {
    const state = (await (await suite.t.app.request('/v1/users/ana/state?key=sk_test')).json()) as UserState
    expect(state.flows['cairn-feed']).toMatchObject({ shownAt: T + 2 * M, shownCount: 3 })
  })

  it('GET /v1/results/flows/cairn-feed counts the openings', async () => {
    const res = await suite.get('/v1/results/flows/cairn-feed?from=2026-11-01&to=2026-12-01')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ flowId: 'cairn-feed', shown: 1 })
  })
})
