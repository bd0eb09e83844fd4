import { expect, it } from 'vitest'
import type { AnnouncementFlow, Flow } from '@cairn/protocol'
import { flowSource } from './helpers/app.ts'
import { batch, event } from './helpers/events.ts'
import { storeApp } from './helpers/store-app.ts'
import { describeStores } from './helpers/stores.ts'

const M = 60_000
const T = Date.parse('2026-11-03T09:00:00Z')
const NOW = Date.parse('2026-12-01')
const NEWS: AnnouncementFlow = { id: 'dark-mode', kind: 'announcement', style: 'banner', title: 'Dark mode', cta: { label: 'Try it', url: '/settings' } }
const SPOT: AnnouncementFlow = { id: 'new-button', kind: 'announcement', style: 'hotspot', title: 'New', target: '#new' }
const FLOWS: Flow[] = [NEWS, SPOT]
/** A call to action followed in the what's-new feed, as the SDK records it on the entry. */
const FEED_CTA = { stepIndex: 0, stepId: 'cta', props: { via: 'feed' } }

describeStores('GET /v1/results/flows/:id for announcements', (target) => {
  const suite = storeApp(target, { now: () => NOW, flows: flowSource(FLOWS) }, async (t) => {
    const on = (flowId: string, who: Record<string, string>) => (type: string, ts: number, more: Record<string, unknown> = {}) =>
      event({ type, flowId, ...who, ts, ...more } as Parameters<typeof event>[0])
    const ana = on('dark-mode', { anonymousId: 'ana-laptop', userId: 'ana' })
    const anaPhone = on('dark-mode', { anonymousId: 'ana-phone', userId: 'ana' })
    const bo = on('dark-mode', { anonymousId: 'bo', userId: 'bo' })
    const cy = on('dark-mode', { anonymousId: 'cy', userId: 'cy' })
    const dee = on('dark-mode', { anonymousId: 'dee', userId: 'dee' })
    const sent = await t.post(batch([
      // Ana sees it on her laptop, then on her phone, and follows the link there: two views, one viewer.
      ana('flow_shown', T), anaPhone('flow_shown', T + M), anaPhone('flow_step', T + 2 * M, { stepIndex: 0, stepId: 'cta' }), anaPhone('flow_completed', T + 2 * M),
      // Bo closes it; Cy only sees it.
      bo('flow_shown', T), bo('flow_dismissed', T + M, { stepIndex: 0, reason: 'close' }),
      cy('flow_shown', T),
      // Dee never had it shown: she follows it twice from the what's-new feed's panel; Cy once too.
      dee('flow_step', T + M, FEED_CTA), dee('flow_step', T + 2 * M, FEED_CTA), cy('flow_step', T + 3 * M, FEED_CTA),
      // Before the period: not counted.
      on('dark-mode', { anonymousId: 'old', userId: 'old' })('flow_shown', T - 60 * 864e5),
      // The hotspot: shown to Bo, opened twice, dismissed with Esc.
      on('new-button', { anonymousId: 'bo', userId: 'bo' })('flow_shown', T),
      on('new-button', { anonymousId: 'bo', userId: 'bo' })('flow_step', T + M, { stepIndex: 0, stepId: 'open' }),
      on('new-button', { anonymousId: 'bo', userId: 'bo' })('flow_step', T + 2 * M, { stepIndex: 0, stepId: 'open' }),
      on('new-button', { anonymousId: 'bo', userId: 'bo' })('flow_dismissed', T + 3 * M, { stepIndex: 0, reason: 'escape' }),
    ], { sentAt: NOW }))
    expect(await sent.json()).toMatchObject({ rejected: [] })
  })

  const get = async (id: string) =>
    (await suite.get(`/v1/results/flows/${id}?from=2026-11-01&to=2026-12-01`)).json() as Promise<Record<string, unknown>>

  it("adds views, call-to-action clicks (also in the what's-new feed) and dismissals, per event and per person across devices", async () => {
    const res = await get('dark-mode')
    expect(res).toMatchObject({ flowId: 'dark-mode', kind: 'announcement', shown: 3, dismissed: 1, completed: 1 })
    // The feed's clicks count with the others and are told apart; the rate is of the announcement's own viewers (Ana of 3).
    expect(res['announcement']).toEqual({
      views: 4, viewers: 3, ctaClicks: 4, ctaPeople: 3, ctaViaFeed: 3, dismissals: 1, dismissedPeople: 1, opens: 0, ctaRate: 1 / 3,
    })
  })

  it("counts a hotspot's openings", async () => {
    expect((await get('new-button'))['announcement']).toEqual({ views: 1, viewers: 1, ctaClicks: 0, ctaPeople: 0, ctaViaFeed: 0, dismissals: 1, dismissedPeople: 1, opens: 2, ctaRate: 0 })
  })
})
