import { describe, expect, it } from 'vitest'
import type { Flow, TourFlow } from '@cairn/protocol'
import { funnelStats } from '../../packages/collector/src/results/flow-funnel-stats.ts'
import { testApp, flowSource } from './helpers/app.ts'
import { batch, event } from './helpers/events.ts'
import { storeApp } from './helpers/store-app.ts'
import { describeStores } from './helpers/stores.ts'

const M = 60_000
const T = Date.parse('2026-11-03T09:00:00Z')
const NOW = Date.parse('2026-12-01')
const TOUR: TourFlow = {
  id: 'welcome', kind: 'tour',
  steps: [
    { id: 'hello', title: 'Hello' },
    { id: 'new', title: 'New project', target: '#new', advanceOn: 'click' },
    { id: 'board', title: 'Your board', target: '#board' },
    { id: 'done', title: 'All set' },
  ],
}
const FLOWS: Flow[] = [TOUR]

/** The hand-computed funnel of the fixture below. */
const STEPS = [
  { index: 0, id: 'hello', title: 'Hello', reached: 5, dropOff: 2, dismissed: 1, targetMissing: 0, missingTargets: [] },
  // Cy's SDK sent no selector: the published step's target stands in.
  { index: 1, id: 'new', title: 'New project', reached: 3, dropOff: 1, dismissed: 1, targetMissing: 1, missingTargets: [{ selector: '#new', people: 1 }] },
  // Bo's and Ana's (an older definition's selector, on two devices: one person).
  {
    index: 2, id: 'board', title: 'Your board', reached: 2, dropOff: 0, dismissed: 0, targetMissing: 2,
    missingTargets: [{ selector: '#board', people: 1 }, { selector: '.board-v1', people: 1 }],
  },
  { index: 3, id: 'done', title: 'All set', reached: 2, dropOff: 0, dismissed: 0, targetMissing: 0, missingTargets: [] },
]

describeStores('GET /v1/results/flows/:id', (target) => {
  const suite = storeApp(target, { now: () => NOW, flows: flowSource(FLOWS) }, async (t) => {
    const on = (who: Record<string, string>) => (type: string, ts: number, more: Record<string, unknown> = {}) =>
      event({ type, flowId: 'welcome', ...who, ts, ...more } as Parameters<typeof event>[0])
    const ana = on({ anonymousId: 'ana-laptop', userId: 'ana' })
    const anaPhone = on({ anonymousId: 'ana-phone', userId: 'ana' })
    const bo = on({ anonymousId: 'bo', userId: 'bo' })
    const cy = on({ anonymousId: 'cy', userId: 'cy' })
    const di = on({ anonymousId: 'di', userId: 'di' })
    const ed = on({ anonymousId: 'ed', userId: 'ed' })
    const sent = await t.post(batch([
      // Ana starts on her laptop and finishes on her phone (resumed there): 10 minutes.
      ana('flow_shown', T), ana('flow_step', T + M, { stepIndex: 1, stepId: 'new' }),
      anaPhone('flow_step', T + 3 * M, { stepIndex: 2, stepId: 'board' }), anaPhone('flow_step', T + 5 * M, { stepIndex: 3, stepId: 'done' }),
      ana('flow_error', T + 2 * M, { stepIndex: 2, reason: 'target_missing', props: { selector: '.board-v1' } }),
      anaPhone('flow_error', T + 4 * M, { stepIndex: 2, reason: 'target_missing', props: { selector: '.board-v1' } }),
      anaPhone('flow_completed', T + 10 * M),
      // Bo's board never renders: reported, skipped, and he completes in 4 minutes.
      bo('flow_shown', T), bo('flow_step', T + M, { stepIndex: 1, stepId: 'new' }), bo('flow_step', T + 2 * M, { stepIndex: 2, stepId: 'board' }),
      bo('flow_error', T + 2 * M, { stepIndex: 2, reason: 'target_missing', props: { selector: '#board' } }), bo('flow_step', T + 2 * M, { stepIndex: 3, stepId: 'done' }),
      bo('flow_completed', T + 4 * M),
      // Cy closes it on the second step; Di walks away on the first; Ed presses Esc on the first.
      cy('flow_shown', T), cy('flow_step', T + M, { stepIndex: 1, stepId: 'new' }), cy('flow_error', T + M, { stepIndex: 1, reason: 'target_missing' }),
      cy('flow_dismissed', T + 2 * M, { stepIndex: 1, reason: 'close' }),
      di('flow_shown', T),
      ed('flow_shown', T), ed('flow_dismissed', T + M, { stepIndex: 0, reason: 'escape' }),
      // Shown long before the period: not counted.
      on({ anonymousId: 'old', userId: 'old' })('flow_shown', T - 60 * 864e5),
    ], { sentAt: NOW }))
    expect(await sent.json()).toMatchObject({ rejected: [] })
  })

  const get = (id: string, query = 'from=2026-11-01&to=2026-12-01', key = 'sk_test') =>
    suite.get(`/v1/results/flows/${id}?${query}`, key)

  it('answers shown, started, per step reached, drop-off, dismissed and target missing, completed and the time to complete', async () => {
    const res = await get('welcome')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({
      flowId: 'welcome', kind: 'tour', from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z',
      shown: 5, started: 3, completed: 2, completionRate: 2 / 5, dismissed: 2,
      timeToComplete: { n: 2, medianMs: 7 * M, p75Ms: 8.5 * M },
      steps: STEPS,
    })
  })

  it('counts only people first shown in the period', async () => {
    const body = await (await get('welcome', `from=${T - 61 * 864e5}&to=${T - 59 * 864e5}`)).json()
    expect(body).toMatchObject({ shown: 1, started: 0, completed: 0, completionRate: 0, steps: [{ reached: 1, dropOff: 1 }, { reached: 0 }, { reached: 0 }, { reached: 0 }] })
  })

  it('answers 404 for an id with neither a definition nor data, 401 without the secret key, 400 for a bad period', async () => {
    expect(await (await get('nope')).json()).toEqual({ error: 'not_found', details: expect.any(String) })
    expect((await get('welcome', '', 'pk_test')).status).toBe(401)
    expect((await get('welcome', 'to=soon')).status).toBe(400)
  })

  it('still answers for a flow no longer published, with step indexes from its data', async () => {
    const gone = testApp({ storage: suite.storage, now: () => NOW, flows: flowSource([]) })
    const body = await (await gone.app.request('/v1/results/flows/welcome?from=2026-11-01&key=sk_test')).json()
    expect(body.kind).toBeNull()
    expect(body.steps.map((s: { id: string }) => s.id)).toEqual(['0', '1', '2', '3'])
    expect(body.completed).toBe(2)
  })

  it('answers for flows shown with show*({ … }) with the kind and step ids their showing named; an announcement with its numbers', async () => {
    const dee = { anonymousId: 'dee', userId: 'dee' }
    const sent = await suite.t.post(batch([
      event({ type: 'flow_shown', flowId: 'code-tour', ...dee, ts: T, props: { kind: 'tour', steps: ['hi', 'bye'] } }),
      event({ type: 'flow_step', flowId: 'code-tour', stepIndex: 1, stepId: 'bye', ...dee, ts: T + M }),
      event({ type: 'flow_shown', flowId: 'code-news', ...dee, ts: T, props: { kind: 'announcement', steps: [] } }),
      event({ type: 'flow_step', flowId: 'code-news', stepIndex: 0, stepId: 'cta', ...dee, ts: T + M }),
    ], { sentAt: NOW }))
    expect(await sent.json()).toMatchObject({ rejected: [] })
    expect(await (await get('code-tour')).json()).toMatchObject({
      kind: 'tour', shown: 1, started: 1, steps: [{ id: 'hi', title: 'hi', reached: 1 }, { id: 'bye', title: 'bye', reached: 1 }],
    })
    expect(await (await get('code-news')).json()).toMatchObject({
      kind: 'announcement', shown: 1, steps: [{ id: 'code-news', reached: 1 }], announcement: { views: 1, ctaClicks: 1, ctaRate: 1 },
    })
  })
})

describe('funnelStats', () => {
  const person = (more: Partial<Parameters<typeof funnelStats>[1][number]> = {}) => ({ shownAt: 0, reached: [], completedAt: null, dismissed: false, dismissedStep: null, missing: [], ...more })
  it('is empty without people, and ignores steps the flow no longer has', () => {
    expect(funnelStats([{ id: 'a', title: 'A' }], [])).toMatchObject({ shown: 0, completionRate: null, timeToComplete: { n: 0, medianMs: null } })
    const stats = funnelStats([{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }], [person({ reached: [7], missing: [{ step: 9, selector: '#x' }] })])
    expect(stats.steps.map((s) => [s.reached, s.dropOff, s.targetMissing])).toEqual([[1, 1, 0], [0, 0, 0]])
    expect(stats.started).toBe(1)
  })
  it('counts each person once per missing selector, most first, with the definition’s target or null for reports without one', () => {
    const gone = (step: number, selector: string | null) => ({ step, selector })
    const stats = funnelStats([{ id: 'a', title: 'A', target: '#a' }, { id: 'b', title: 'B' }], [
      person({ missing: [gone(0, '#a'), gone(0, null), gone(1, null)] }),
      person({ missing: [gone(0, '#z')] }),
      person({ missing: [gone(0, '#z'), gone(1, '#b')] }),
    ])
    expect(stats.steps.map((s) => [s.targetMissing, s.missingTargets])).toEqual([
      [3, [{ selector: '#z', people: 2 }, { selector: '#a', people: 1 }]],
      [2, [{ selector: '#b', people: 1 }, { selector: null, people: 1 }]],
    ])
  })
  it('a completion reaches every step, even with a clock that ran backwards', () => {
    const stats = funnelStats([{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }], [person({ shownAt: 10, completedAt: 5 })])
    expect(stats.steps.map((s) => s.reached)).toEqual([1, 1])
    expect(stats.timeToComplete.medianMs).toBe(0)
  })
})
