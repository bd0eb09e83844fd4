import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { FlowEnvelope, UserState } from '@cairn/protocol'
import { createFlowEngine, decide, DEFAULT_LIMITS, emptyState, FEED, feedFlows } from '../../../packages/sdk/src/engine/index.ts'
import { fakeDeps, follow, settle } from './fake-deps.ts'

const NOW = Date.parse('2026-11-22T12:00:00Z')
const DAY = 864e5
const iso = (t: number) => new Date(t).toISOString()
const news = (id: string, extra: Record<string, unknown> = {}) =>
  ({ id, kind: 'announcement', style: 'modal', title: id, feed: true, ...extra }) as unknown as FlowEnvelope
const ids = (flows: readonly FlowEnvelope[]) => flows.map((f) => f.id)

describe('feedFlows: what a user may read in the feed', () => {
  const dark = news('dark', { audience: { trait: 'requestedFeatures', op: 'contains', value: 'dark-mode' } })
  it.each([
    ['an announcement in the feed', [news('a')], {}, ['a']],
    ['not one left out of the feed', [news('a', { feed: false }), news('b', { feed: undefined })], {}, []],
    ['not another kind', [{ ...news('t'), kind: 'tour' } as FlowEnvelope], {}, []],
    ['not before publishAt', [news('soon', { publishAt: iso(NOW + DAY) }), news('out', { publishAt: iso(NOW - DAY) })], {}, ['out']],
    ['not from expireAt on', [news('gone', { expireAt: iso(NOW) }), news('on', { expireAt: iso(NOW + 1) })], {}, ['on']],
    ['the audience rule decides: asked for it', [dark], { requestedFeatures: ['dark-mode'] }, ['dark']],
    ['the audience rule decides: did not ask', [dark], { requestedFeatures: ['export'] }, []],
    ['a held-out user never sees it', [news('h', { holdout: 1 })], {}, []],
  ] as const)('%s', (_, flows, traits, expected) => {
    expect(ids(feedFlows(flows as readonly FlowEnvelope[], emptyState(), { userId: 'u1', anonymousId: 'a1', traits }, NOW))).toEqual(expected)
  })

  it('a user held out earlier stays out even when the holdout is lowered', () => {
    const s = { ...emptyState(), flows: { h: { shownCount: 0, heldOutAt: NOW - DAY } } }
    expect(feedFlows([news('h', { holdout: 0.0001 })], s, { userId: 'u1', anonymousId: 'a1' }, NOW)).toEqual([])
  })

  it('lists a feed announcement exactly when decide would show it on request (same audience, schedule and holdout)', () => {
    const arb = fc.record({
      publish: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
      expire: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      wants: fc.boolean(),
      holdout: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      user: fc.string({ minLength: 1, maxLength: 8 }),
    })
    fc.assert(fc.property(arb, ({ publish, expire, wants, holdout, user }) => {
      const at = publish === undefined ? undefined : NOW + publish * DAY
      const flow = news('n', {
        ...(at !== undefined && { publishAt: iso(at) }), ...(expire !== undefined && { expireAt: iso((at ?? NOW) + expire * DAY) }),
        audience: { trait: 'requestedFeatures', op: 'contains', value: 'dark-mode' }, ...(holdout !== undefined && { holdout }),
      })
      const traits = { requestedFeatures: wants ? ['dark-mode'] : [] }
      const [d] = decide({
        flows: [], asks: [{ flow, at: NOW }], state: emptyState(), user, traits, url: 'https://app.test/', now: NOW,
        since: {}, screen: {}, failed: {}, limits: DEFAULT_LIMITS,
      })
      expect(feedFlows([flow], emptyState(), { userId: user, anonymousId: 'a', traits }, NOW).length).toBe(d?.verdict === 'now' ? 1 : 0)
    }))
  })
})

/** An engine with the feed on screen (the fake render keeps the controls). */
async function withFeed(flows: unknown[], remote?: UserState) {
  const { deps, fake } = fakeDeps({ now: NOW, user: { userId: 'u1', anonymousId: 'a1', traits: {} } })
  if (remote) deps.fetchUserState = async () => remote
  const engine = createFlowEngine(deps, { flows })
  engine.show(FEED, 'announcement', { selector: '#news' })
  // Like any show*() request, the feed waits for the collector's user state (no badge that flashes).
  await settle()
  await settle()
  const feed = fake.rendered.find((r) => r.flow.id === FEED)
  if (!feed) throw new Error('the feed was not rendered')
  return { engine, fake, deps, controls: feed.controls, feed }
}

describe('the feed in the engine', () => {
  it('is shown as the flow cairn-feed beside everything else, with the options it was asked with, and records nothing until opened', async () => {
    const { fake, controls, feed } = await withFeed([news('a'), { ...news('m'), trigger: {} }])
    expect(feed.flow).toMatchObject({ id: 'cairn-feed', kind: 'announcement', style: 'feed' })
    expect(controls.opts).toEqual({ selector: '#news' })
    // Not modal-class: the modal announcement shows next to it.
    expect(fake.open.map((r) => r.flow.id).sort()).toEqual(['cairn-feed', 'm'])
    expect(fake.events.filter(([, p]) => p.flowId === FEED)).toEqual([])
    expect(ids(controls.feed().flows)).toEqual(['a', 'm'])
  })

  it('each opening is a flow_shown of cairn-feed whose time is the "last opened" that $state tells', async () => {
    const { fake, deps, controls } = await withFeed([news('a')])
    const seen: (number | undefined)[] = []
    follow(controls, FEED, (s) => seen.push(s?.shownAt))
    controls.step(0, 'open')
    await fake.advance(DAY)
    controls.step(0, 'open')
    expect(fake.events.filter(([, p]) => p.flowId === FEED).map(([t, p]) => `${t} ${p.reason}`)).toEqual(['flow_shown manual', 'flow_shown manual'])
    expect(seen.at(0)).toBeUndefined()
    expect(seen.at(-1)).toBe(deps.now())
    expect(JSON.parse(fake.store.get('state') as string).flows[FEED]).toMatchObject({ shownAt: NOW + DAY, shownCount: 2 })
  })

  it("another device's opening arrives with the collector's user state", async () => {
    const remote: UserState = { userId: 'u1', flows: { [FEED]: { shownCount: 1, shownAt: NOW - 5 } }, milestones: {}, events: {} }
    const { controls } = await withFeed([news('a')], remote)
    let opened: number | undefined
    follow(controls, FEED, (s) => (opened = s?.shownAt))
    expect(opened).toBe(NOW - 5)
  })

  it('showFeed() asks for the panel: the count grows and $feed tells it, also while the feed is on screen', async () => {
    const { engine, controls } = await withFeed([news('a')])
    let heard = 0
    controls.$feed.subscribe(() => heard++)
    expect(controls.feed().asked).toBe(0)
    engine.show(FEED, 'announcement', { open: true })
    expect(controls.feed().asked).toBe(1)
    expect(heard).toBe(2)
  })

  it('away is the last activity before this visit, for the digest', async () => {
    const { deps, fake } = fakeDeps({ now: NOW })
    fake.store.set('state', JSON.stringify({ ...emptyState(), firstSeen: NOW - 60 * DAY, lastSeen: NOW - 40 * DAY, visit: { start: NOW - 40 * DAY } }))
    const engine = createFlowEngine(deps, { flows: [news('a')] })
    engine.show(FEED, 'announcement')
    await settle()
    expect(fake.rendered[0]?.controls.feed()).toMatchObject({ away: NOW - 40 * DAY, now: NOW })
  })
})

describe("calls to action followed in the feed's panel", () => {
  it("step 1 names the entry: recorded as that announcement's CTA click, via the feed, and nothing else changes", async () => {
    const { fake, controls } = await withFeed([news('a', { version: 3, cta: { label: 'Go', url: '/a' } }), news('b')])
    const before = fake.store.get('state')
    controls.step(1, 'a')
    expect(fake.events).toEqual([['flow_step', { flowId: 'a', flowVersion: 3, stepIndex: 0, stepId: 'cta', props: { via: 'feed' } }]])
    // Not an opening of the feed, not a showing of the announcement: its frequency is untouched.
    expect(fake.store.get('state')).toBe(before)
  })

  it.each([
    ['an id that is no flow', [news('a')], 'nope'],
    ['a flow outside the feed', [news('a'), news('t', { feed: false })], 't'],
    ['an entry not in this user’s audience', [news('a'), news('d', { audience: { trait: 'plan', op: 'eq', value: 'pro' } })], 'd'],
    ['an entry not yet published', [news('a'), news('s', { publishAt: iso(NOW + DAY) })], 's'],
  ] as const)('records nothing for %s', async (_, flows, id) => {
    const { fake, controls } = await withFeed([...flows])
    controls.step(1, id)
    expect(fake.events).toEqual([])
  })
})

describe('the reserved flow id', () => {
  const reserved = { flowId: FEED, reason: 'invalid', props: { path: '$.id', message: `the flow id "${FEED}" is reserved for the what's-new feed` } }
  const errors = (events: [string, unknown][]) => events.filter(([t]) => t === 'flow_error').map(([, p]) => p)

  it("a definition of one's own named cairn-feed is invalid, inline or from the collector; the others and the feed itself still work", async () => {
    const { deps, fake } = fakeDeps({ now: NOW, user: { userId: 'u1', anonymousId: 'a1', traits: {} } })
    deps.fetchFlows = async () => ({ flows: [{ ...news(FEED), style: 'banner', trigger: {} }, news('b')], etag: '1' })
    const engine = createFlowEngine(deps, { flows: [{ ...news(FEED), trigger: {} }, news('a')] })
    engine.show(FEED, 'announcement')
    await settle()
    await settle()
    expect(errors(fake.events)).toEqual([reserved, reserved])
    const feed = fake.rendered.find((r) => r.flow.id === FEED)
    expect(feed?.flow).toMatchObject({ style: 'feed' })
    expect(fake.rendered.map((r) => r.flow.id)).toEqual([FEED])
    expect(ids(feed?.controls.feed().flows ?? [])).toEqual(['a', 'b'])
  })

  it('show*() with an inline definition of that id is refused the same way', async () => {
    const { deps, fake } = fakeDeps({ now: NOW })
    const engine = createFlowEngine(deps)
    engine.show({ ...news(FEED) }, 'announcement')
    await settle()
    expect(errors(fake.events)).toEqual([reserved])
    expect(fake.rendered).toEqual([])
  })
})

describe('the feed and the user', () => {
  it('a logout (reset) keeps the launcher, where it was, for whoever comes next; their own "last opened" counts', async () => {
    const { engine, fake, controls } = await withFeed([news('a')])
    controls.step(0, 'open')
    engine.reset()
    await settle()
    await settle()
    const feeds = fake.rendered.filter((r) => r.flow.id === FEED)
    expect(feeds.map((r) => r.open)).toEqual([false, true])
    expect(feeds[1]?.controls.opts).toEqual({ selector: '#news' })
    let opened: number | undefined = 0
    follow(feeds[1]!.controls, FEED, (s) => (opened = s?.shownAt))
    expect(opened).toBeUndefined()
  })
})
