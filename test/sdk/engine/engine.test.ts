import { describe, expect, it } from 'vitest'
import { DAY, VISIT_GAP, createFlowEngine, inShare } from '../../../packages/sdk/src/engine/index.ts'
import { fakeCollector, fakeDeps, settle } from './fake-deps.ts'

const tour = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'tour', steps: [{ id: 's1', title: 'Hi' }], trigger: {}, ...extra })
const banner = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'announcement', style: 'banner', title: 'New', trigger: {}, ...extra })
const survey = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'survey', questions: [{ id: 'q', type: 'nps', prompt: '?' }], trigger: {}, ...extra })

describe('createFlowEngine', () => {
  it('shows a flow whose trigger holds, then records and reports its lifecycle', async () => {
    const { deps, fake } = fakeDeps()
    createFlowEngine(deps, { flows: [tour('welcome', { version: 3, trigger: { url: '/home' } })] })
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['welcome'])
    const { controls } = fake.open[0]!
    expect(controls.via).toBe('auto')
    controls.step(1, 's2')
    controls.complete()
    controls.dismiss()
    expect(fake.events).toEqual([
      // The collector gets the kind and step ids of a flow it may have no definition of.
      ['flow_shown', { flowId: 'welcome', flowVersion: 3, reason: 'auto', props: { kind: 'tour', steps: ['s1'] } }],
      ['flow_step', { flowId: 'welcome', flowVersion: 3, stepIndex: 1, stepId: 's2' }],
      ['flow_completed', { flowId: 'welcome', flowVersion: 3 }],
    ])
    expect(fake.kinds).toEqual(['tour', 'tour', 'tour'])
    const saved = JSON.parse(fake.store.get('state')!)
    expect(saved.flows.welcome).toMatchObject({ shownCount: 1, step: 1 })
    expect(saved.flows.welcome.completedAt).toBeGreaterThanOrEqual(saved.flows.welcome.shownAt)
  })

  it('reports an invalid flow with its path and reason, never throws, and runs the others', async () => {
    const { deps, fake } = fakeDeps()
    expect(() =>
      createFlowEngine(deps, { flows: [{ id: 'bad', kind: 'tour', holdout: 3 }, 'junk', banner('good'), banner('good')] }),
    ).not.toThrow()
    await settle()
    expect(fake.events.filter(([t]) => t === 'flow_error')).toEqual([
      ['flow_error', { flowId: 'bad', reason: 'invalid', props: { path: '$.holdout', message: expect.any(String) } }],
      ['flow_error', { flowId: '?', reason: 'invalid', props: { path: '$', message: expect.any(String) } }],
      ['flow_error', { flowId: 'good', reason: 'invalid', props: { path: '$.id', message: 'duplicate flow id "good"' } }],
    ])
    expect(fake.open.map((r) => r.flow.id)).toEqual(['good'])
    expect(fake.logs.some((l) => l.startsWith('bad: error invalid'))).toBe(true)
  })

  it('never renders a held-out user and records the holdout once, across reloads', async () => {
    const user = { anonymousId: 'a', userId: [...Array(100).keys()].map((i) => `u${i}`).find((u) => inShare(u, 'nps', 0.5))!, traits: {} }
    const { deps, fake } = fakeDeps({ user })
    const engine = createFlowEngine(deps, { flows: [survey('nps', { holdout: 0.5 })] })
    engine.track('x')
    engine.show('nps', 'survey')
    await settle()
    createFlowEngine(deps, { flows: [survey('nps', { holdout: 0.5 })] })
    await settle()
    expect(fake.rendered).toEqual([])
    expect(fake.events).toEqual([['flow_held_out', { flowId: 'nps' }]])
    expect(fake.logs).toContain('nps: never: holdout 0.5')
  })

  it('shows one modal-class widget at a time, the next when it closes, banners beside them', async () => {
    const { deps, fake } = fakeDeps()
    createFlowEngine(deps, { flows: [tour('low'), survey('high', { priority: 9 }), banner('news')] })
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['high', 'news'])
    fake.open[0]!.controls.dismiss(0, 'closed')
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['news', 'low'])
    expect(fake.typesOf('high')).toEqual(['flow_shown', 'flow_dismissed'])
    expect(fake.events.find(([t]) => t === 'flow_dismissed')?.[1]).toEqual({ flowId: 'high', stepIndex: 0, reason: 'closed' })
  })

  it('a dismissed flow shows again from show*() only when forced', async () => {
    const { deps, fake } = fakeDeps()
    const engine = createFlowEngine(deps, { flows: [tour('welcome')] })
    await settle()
    fake.open[0]!.controls.dismiss()
    engine.show('welcome', 'tour')
    await settle()
    expect(fake.rendered).toHaveLength(1)
    expect(fake.logs.at(-1)).toBe('welcome: never: frequency "once"')
    engine.show('welcome', 'tour', { force: true })
    await settle()
    expect(fake.open.map((r) => [r.flow.id, r.controls.via])).toEqual([['welcome', 'manual']])
    expect(fake.events.at(-1)).toEqual(['flow_shown', { flowId: 'welcome', reason: 'manual', props: { kind: 'tour', steps: ['s1'] } }])
  })

  it('caps automatic flows per session; show*() bypasses the cap', async () => {
    const { deps, fake } = fakeDeps()
    const engine = createFlowEngine(deps, { flows: [banner('a'), banner('b'), { ...banner('c'), trigger: undefined }], limits: { perSession: 1 } })
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['a'])
    engine.show('c', 'announcement')
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['a', 'c'])
    expect(fake.open[1]!.controls.via).toBe('manual')
    expect(fake.logs).toContain('b: never: cap perSession 1')
  })

  it('waits for a delay on the page, restarting it after a navigation', async () => {
    const { deps, fake } = fakeDeps()
    createFlowEngine(deps, { flows: [tour('t', { trigger: { url: '/home', delayMs: 5000 } })] })
    await fake.advance(3000)
    fake.navigateTo('https://app.example.com/home?again')
    await fake.advance(3000)
    expect(fake.rendered).toEqual([])
    await fake.advance(2000)
    expect(fake.open.map((r) => r.flow.id)).toEqual(['t'])
  })

  it('triggers on the Nth event within a window, on a milestone, and re-evaluates on navigation', async () => {
    const { deps, fake } = fakeDeps({ url: '/start' })
    const engine = createFlowEngine(deps, {
      flows: [
        banner('third-export', { trigger: { event: { name: 'export', count: 3, withinDays: 1 } } }),
        banner('invite', { trigger: { milestone: 'first_project' } }),
        banner('settings', { trigger: { url: '/settings/**' } }),
      ],
    })
    engine.track('export')
    engine.track('export')
    await fake.advance(2 * DAY)
    engine.track('export')
    await settle()
    expect(fake.rendered).toEqual([])
    engine.track('export')
    engine.track('export')
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['third-export'])
    expect(engine.milestone('first_project')).toBe(true)
    expect(engine.milestone('first_project')).toBe(false)
    engine.navigate('/settings/profile')
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['third-export', 'invite', 'settings'])
  })

  it('remembers dismissals across reloads and visits', async () => {
    const { deps, fake } = fakeDeps()
    const flows = [banner('once'), banner('again', { frequency: 'until_completed' })]
    createFlowEngine(deps, { flows })
    await settle()
    for (const r of fake.open) r.controls.dismiss()
    const second = fakeDeps({ store: fake.store, now: deps.now() + 60_000 })
    createFlowEngine(second.deps, { flows })
    await settle()
    expect(second.fake.rendered).toEqual([])
    const third = fakeDeps({ store: fake.store, now: deps.now() + 2 * DAY })
    createFlowEngine(third.deps, { flows: [banner('once'), banner('again', { frequency: 'until_completed' })] })
    await settle()
    expect(third.fake.rendered).toEqual([])
  })

  it('shows until_completed flows again on the next visit until completed', async () => {
    const { deps, fake } = fakeDeps()
    const flows = [banner('list', { frequency: 'until_completed' })]
    const engine = createFlowEngine(deps, { flows })
    await settle()
    fake.open[0]!.controls.close()
    engine.destroy()
    const later = fakeDeps({ store: fake.store, now: deps.now() + VISIT_GAP + 1 })
    createFlowEngine(later.deps, { flows })
    await settle()
    expect(later.fake.open.map((r) => r.flow.id)).toEqual(['list'])
    later.fake.open[0]!.controls.complete()
    const last = fakeDeps({ store: fake.store, now: later.deps.now() + 3 * DAY })
    createFlowEngine(last.deps, { flows })
    await settle()
    expect(last.fake.rendered).toEqual([])
  })

  it('resumes a flow in progress after a reload in the same visit, where it was, without a new flow_shown', async () => {
    const { deps, fake } = fakeDeps()
    const flows = [tour('tour', { trigger: { url: '/home' } })]
    createFlowEngine(deps, { flows })
    await settle()
    fake.open[0]!.controls.step(2)
    const reload = fakeDeps({ store: fake.store, now: deps.now() + 5000, url: '/projects/1' })
    createFlowEngine(reload.deps, { flows })
    await settle()
    const [resumed] = reload.fake.open
    expect(resumed?.controls.via).toBe('resume')
    expect(resumed?.controls.state?.step).toBe(2)
    expect(reload.fake.events).toEqual([])
  })

  it('starts progress afresh when a flow shows again: no step from the earlier showing', async () => {
    const { deps, fake } = fakeDeps()
    createFlowEngine(deps, { flows: [tour('t', { frequency: { everyDays: 0 } })] })
    await settle()
    fake.open[0]!.controls.step(2)
    await fake.advance(1000)
    fake.open[0]!.controls.complete()
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['t'])
    expect(JSON.parse(fake.store.get('state')!).flows.t).toMatchObject({ shownCount: 2, shownAt: deps.now() })
    expect(JSON.parse(fake.store.get('state')!).flows.t.step).toBeUndefined()
  })

  it('loads remote flows with the cached ETag, keeps the cache on 304, and replaces it when changed', async () => {
    const { deps, fake } = fakeDeps()
    const collector = fakeCollector([banner('remote')])
    createFlowEngine({ ...deps, fetchFlows: collector.fetchFlows })
    await settle()
    expect(JSON.parse(fake.store.get('flows')!)).toEqual({ etag: '"v1"', flows: [banner('remote')] })
    expect(fake.open.map((r) => r.flow.id)).toEqual(['remote'])
    fake.open[0]!.controls.dismiss()
    const reload = fakeDeps({ store: fake.store })
    createFlowEngine({ ...reload.deps, fetchFlows: collector.fetchFlows }, { flows: [banner('inline', { trigger: { milestone: 'm' } })] })
    await settle()
    expect(collector.calls).toEqual([undefined, '"v1"'])
    expect(reload.fake.logs).toEqual(['inline: never: trigger milestone "m"', 'remote: never: frequency "once"'])
    const changed = fakeCollector([banner('v2', { frequency: { everyDays: 0 } })], '"v2"')
    const third = fakeDeps({ store: fake.store })
    createFlowEngine({ ...third.deps, fetchFlows: changed.fetchFlows })
    await settle()
    expect(third.fake.rendered.map((r) => r.flow.id)).toEqual(['v2'])
    expect(JSON.parse(fake.store.get('flows')!).etag).toBe('"v2"')
  })

  it('keeps going when the collector is down or sends junk', async () => {
    const { deps, fake } = fakeDeps()
    createFlowEngine({ ...deps, fetchFlows: () => Promise.reject(new Error('offline')), fetchUserState: () => Promise.reject(new Error('offline')) }, { flows: [banner('inline')] })
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['inline'])
    const junk = fakeDeps()
    createFlowEngine({ ...junk.deps, fetchFlows: async () => ({ flows: 'nope' }) })
    await settle()
    expect(junk.fake.typesOf()).toEqual(['flow_error'])
  })

  it('a show*(id) waits for remote flows; an unknown id is an error; a wrong kind too', async () => {
    const { deps, fake } = fakeDeps()
    let answer: (v: { flows: unknown[] }) => void = () => {}
    const engine = createFlowEngine({ ...deps, fetchFlows: () => new Promise((r) => (answer = r)) })
    engine.show('later-tour', 'tour', { from: 'button' })
    engine.show('nope', 'tour')
    engine.show('news', 'tour')
    await settle()
    expect(fake.rendered).toEqual([])
    answer({ flows: [{ ...tour('later-tour'), trigger: undefined }, banner('news')] })
    await settle()
    // 'news' is a banner: not shown for showTour(), though its own trigger shows it.
    expect(fake.open.map((r) => [r.flow.id, r.controls.via, r.controls.opts])).toEqual([['later-tour', 'manual', { from: 'button' }], ['news', 'auto', undefined]])
    expect(fake.events.filter(([t]) => t === 'flow_error').map(([, p]) => [p.flowId, p.reason])).toEqual([
      ['nope', 'unknown_flow'], ['news', 'invalid'],
    ])
  })

  it('shows an inline definition with the kind of the show*() call, or reports it invalid', async () => {
    const { deps, fake } = fakeDeps()
    const engine = createFlowEngine(deps)
    engine.show({ id: 'inline', steps: [] }, 'tour')
    engine.show({ id: 'x', kind: 'nope' }, 'tour')
    engine.show(42, 'survey')
    await settle()
    expect(fake.open.map((r) => r.flow)).toEqual([{ id: 'inline', kind: 'tour', steps: [] }])
    expect(fake.events.filter(([t]) => t === 'flow_error').map(([, p]) => p.flowId)).toEqual(['x', '?'])
  })

  it('waits for the collector’s user state so a second device agrees, but not forever', async () => {
    const { deps, fake } = fakeDeps({ user: { anonymousId: 'a', userId: 'u1' } })
    const remote = { userId: 'u1', flows: { welcome: { shownCount: 1, shownAt: 5, completedAt: 9 } }, milestones: {}, events: {} }
    createFlowEngine({ ...deps, fetchUserState: async () => remote }, { flows: [tour('welcome', { frequency: 'until_completed' })] })
    await settle()
    expect(fake.rendered).toEqual([])
    const slow = fakeDeps()
    createFlowEngine({ ...slow.deps, fetchUserState: () => new Promise(() => {}) }, { flows: [tour('welcome')] })
    await slow.fake.advance(2000)
    expect(slow.fake.rendered).toEqual([])
    await slow.fake.advance(1000)
    expect(slow.fake.open.map((r) => r.flow.id)).toEqual(['welcome'])
  })

  it('fetches the user state again on identify', async () => {
    const { deps, fake } = fakeDeps()
    let calls = 0
    const engine = createFlowEngine({ ...deps, fetchUserState: async () => (calls++, undefined) })
    await settle()
    fake.user = { anonymousId: 'anon-1', userId: 'u2', traits: { plan: 'pro' } }
    engine.identify()
    await settle()
    expect(calls).toBe(2)
  })

  it('reports a widget that fails to render, skips it on this page, and lets the others run', async () => {
    const { deps, fake } = fakeDeps()
    fake.renderFails.add('broken')
    const engine = createFlowEngine(deps, { flows: [tour('broken', { priority: 5 }), tour('fine')] })
    await settle()
    await settle()
    expect(fake.events[0]).toEqual(['flow_error', { flowId: 'broken', reason: 'render_failed', props: { message: 'Error: chunk for tour failed to load' } }])
    expect(fake.open.map((r) => r.flow.id)).toEqual(['fine'])
    fake.open[0]!.controls.complete()
    engine.track('x')
    await settle()
    expect(fake.open).toEqual([])
    fake.renderFails.clear()
    engine.navigate('/other')
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['broken'])
  })

  it('reports widget errors without ending the flow; close() ends it without a decision', async () => {
    const { deps, fake } = fakeDeps()
    const engine = createFlowEngine(deps, { flows: [tour('t', { frequency: 'until_completed' })] })
    await settle()
    const { controls } = fake.open[0]!
    controls.error('target_missing', 2)
    controls.close()
    engine.track('x')
    await settle()
    expect(fake.typesOf()).toEqual(['flow_shown', 'flow_error'])
    expect(fake.events[1]).toEqual(['flow_error', { flowId: 't', reason: 'target_missing', stepIndex: 2 }])
    expect(fake.rendered).toHaveLength(1)
  })

  it('does not count a widget that closes before it was on screen as shown, nor against the caps', async () => {
    const { deps, fake } = fakeDeps()
    let controls: import('../../../packages/sdk/src/engine/index.ts').FlowControls | undefined
    const engine = createFlowEngine({ ...deps, render: (_, c) => ((controls = c), new Promise(() => {})) }, { flows: [tour('t')] })
    await settle()
    controls!.error('target_missing', 0)
    controls!.close()
    engine.navigate('/next')
    await settle()
    expect(fake.typesOf()).toEqual(['flow_error'])
    const saved = JSON.parse(fake.store.get('state')!)
    expect(saved.flows.t).toBeUndefined()
    // Nor against the caps: only flows the user saw count.
    expect(saved.auto).toEqual([])
  })

  it('keeps surveys apart by the global cooldown', async () => {
    const { deps, fake } = fakeDeps()
    const engine = createFlowEngine(deps, { flows: [survey('nps'), survey('pmf')] })
    await settle()
    fake.open[0]!.controls.complete()
    await settle()
    expect(fake.rendered.map((r) => r.flow.id)).toEqual(['nps'])
    expect(fake.logs.at(-1)).toMatch(/^pmf: later at .*: cap surveyCooldownDays 14$/)
    await fake.advance(14 * DAY)
    engine.track('back')
    await settle()
    expect(fake.rendered.map((r) => r.flow.id)).toEqual(['nps', 'pmf'])
  })

  it('closes its widgets and goes quiet on destroy; reset forgets the user', async () => {
    const { deps, fake } = fakeDeps()
    const flows = [banner('b')]
    const engine = createFlowEngine(deps, { flows })
    await settle()
    fake.open[0]!.controls.complete()
    engine.reset()
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['b'])
    const saved = JSON.parse(fake.store.get('state')!)
    expect(saved.flows.b.completedAt).toBeUndefined()
    engine.destroy()
    expect(fake.open).toEqual([])
    const before = fake.events.length
    engine.track('x')
    engine.show(banner('late'), 'announcement')
    engine.navigate('/x')
    fake.navigateTo('/y')
    fake.rendered[1]!.controls.complete()
    await fake.advance(DAY)
    expect(fake.events.length).toBe(before)
    expect(fake.timerCount).toBe(0)
  })

  it('explains each decision once in debug mode', async () => {
    const { deps, fake } = fakeDeps()
    const engine = createFlowEngine(deps, { flows: [banner('a', { trigger: { url: '/nope' } }), { ...banner('b'), trigger: undefined }] })
    engine.track('x')
    engine.track('y')
    await settle()
    expect(fake.logs).toEqual([
      'a: never: trigger url "/nope" does not match https://app.example.com/home',
      'b: never: no trigger',
    ])
  })

  it('survives storage that throws and state written by someone else', async () => {
    const { deps, fake } = fakeDeps()
    fake.store.set('state', JSON.stringify({ flows: 7, events: [1] }))
    const engine = createFlowEngine({ ...deps, save: () => { throw new Error('quota') } }, { flows: [banner('a')] })
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['a'])
    expect(() => engine.track('x')).not.toThrow()
    expect(fake.logs.some((l) => l.includes('quota'))).toBe(true)
  })

  it('merges what another tab saved instead of overwriting it', async () => {
    const shared = new Map<string, string>()
    const tabA = fakeDeps({ store: shared })
    const tabB = fakeDeps({ store: shared })
    const flows = [banner('a', { trigger: { url: '/a' } }), banner('b', { trigger: { url: '/b' } })]
    const a = createFlowEngine(tabA.deps, { flows })
    const b = createFlowEngine(tabB.deps, { flows })
    a.navigate('/a')
    b.navigate('/b')
    await settle()
    tabA.fake.open[0]!.controls.complete()
    tabB.fake.open[0]!.controls.complete()
    const saved = JSON.parse(shared.get('state')!)
    expect(Object.keys(saved.flows).sort()).toEqual(['a', 'b'])
    expect(saved.flows.a.completedAt && saved.flows.b.completedAt).toBeTruthy()
  })
})

