import { describe, expect, it } from 'vitest'
import { createFlowEngine, type FlowEngineDeps } from '../../../packages/sdk/src/engine/index.ts'
import { fakeDeps, settle } from './fake-deps.ts'

const checklist = {
  id: 'start', kind: 'checklist', title: 'Start', milestone: 'activated',
  items: [
    { id: 'project', title: 'Create a project', completeOn: { event: 'project_created' } },
    { id: 'invite', title: 'Invite', completeOn: { milestone: 'invited' } },
  ],
}
const tour = {
  id: 'welcome', kind: 'tour',
  steps: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }, { id: 'c', title: 'C', url: '/board' }],
}

/** Fake deps that record milestones, and a reload of them: the same storage, a little later, maybe on another page. */
function page(init: Parameters<typeof fakeDeps>[0] = {}) {
  const base = fakeDeps(init)
  const reached: string[] = []
  const deps: FlowEngineDeps = { ...base.deps, milestone: (name) => void reached.push(name) }
  return { ...base, deps, reached, reload: (url?: string) => page({ store: base.fake.store, now: base.deps.now() + 2000, ...(url && { url }) }) }
}

describe('a definition handed to show*() is a known flow', () => {
  it('a checklist ticks from tracked events and milestones and reaches checklist_completed and its milestone, as a published one does', async () => {
    for (const how of ['published', 'show*()'] as const) {
      const p = page()
      const engine = createFlowEngine(p.deps, how == 'published' ? { flows: [checklist] } : {})
      engine.show(how == 'published' ? 'start' : checklist, 'checklist')
      await settle()
      engine.track('project_created')
      engine.track('invited')
      await settle()
      expect(p.fake.events.filter(([t]) => t == 'flow_step').map(([, e]) => e.stepId), how).toEqual(['project', 'invite'])
      // The collector has no definition of a show*() checklist: its showing names its kind and items.
      expect(p.fake.events.find(([t]) => t == 'flow_shown')?.[1].props, how).toEqual({ kind: 'checklist', steps: ['project', 'invite'] })
      expect(p.reached, how).toEqual(['invited', 'checklist_completed', 'activated'])
      expect(Object.keys(JSON.parse(p.fake.store.get('state')!).flows.start.items), how).toEqual(['project', 'invite'])
    }
  })

  it('its trigger is not used: it shows when asked, and again only to resume', async () => {
    const p = page()
    const engine = createFlowEngine(p.deps)
    engine.show({ ...tour, trigger: { event: { name: 'go' } }, frequency: 'until_completed' }, 'tour')
    await settle()
    p.fake.open[0]!.controls.dismiss(0, 'closed')
    await p.fake.advance(3 * 3600_000)
    engine.track('go')
    await settle()
    expect(p.fake.rendered).toHaveLength(1)
  })
})

describe('a tour in progress resumes without the page handing it over again', () => {
  it.each(['show*()', 'init'] as const)('defined by %s: after a reload and on its next page, where it was; dropped when it ends', async (how) => {
    const p = page()
    const engine = createFlowEngine(p.deps, how == 'init' ? { flows: [tour] } : {})
    engine.show(how == 'init' ? 'welcome' : tour, 'tour')
    await settle()
    p.fake.open[0]!.controls.step(1, 'b')
    expect(JSON.parse(p.fake.store.get('live')!).map((f: { id: string }) => f.id)).toEqual(['welcome'])
    // The reload hands nothing over.
    const r = p.reload()
    createFlowEngine(r.deps)
    await settle()
    expect(r.fake.open.map((o) => [o.flow.id, o.controls.via, o.controls.state?.step])).toEqual([['welcome', 'resume', 1]])
    expect(r.fake.events).toEqual([])
    r.fake.open[0]!.controls.step(2, 'c')
    await r.fake.advance(1)
    expect(r.fake.open).toEqual([])
    const next = r.reload('https://app.example.com/board')
    createFlowEngine(next.deps)
    await settle()
    expect(next.fake.open.map((o) => [o.flow.id, o.controls.state?.step])).toEqual([['welcome', 2]])
    next.fake.open[0]!.controls.complete()
    expect(JSON.parse(next.fake.store.get('live')!)).toEqual([])
    const after = next.reload('https://app.example.com/board')
    createFlowEngine(after.deps)
    await settle()
    expect(after.fake.rendered).toEqual([])
  })

  it('is not kept past its visit, nor for a published flow (the cached list has it), nor after a logout', async () => {
    const p = page()
    const engine = createFlowEngine({ ...p.deps, fetchFlows: async () => ({ flows: [{ id: 'pub', kind: 'announcement', style: 'banner', title: 'News', trigger: {} }], etag: '"1"' }) })
    engine.show(tour, 'tour')
    await settle()
    expect(p.fake.open.map((o) => o.flow.id)).toEqual(['welcome', 'pub'])
    expect(JSON.parse(p.fake.store.get('live')!).map((f: { id: string }) => f.id)).toEqual(['welcome'])
    const later = page({ store: p.fake.store, now: p.deps.now() + 31 * 60_000 })
    createFlowEngine(later.deps)
    await settle()
    expect(later.fake.rendered.map((o) => o.flow.id)).toEqual([])
    engine.reset()
    expect(JSON.parse(p.fake.store.get('live')!)).toEqual([])
  })

  it.each([{}, { force: true }])('a show*() of a tour in progress resumes it where it was (opts %j), neither refused nor restarted', async (opts) => {
    const p = page()
    createFlowEngine(p.deps, { flows: [{ ...tour, trigger: {} }] })
    await settle()
    p.fake.open[0]!.controls.step(1, 'b')
    const r = p.reload()
    // The page starts before the user state arrives: the resume waits for it, the show*() must not hide it.
    let answer: (v: undefined) => void = () => {}
    const engine = createFlowEngine({ ...r.deps, fetchUserState: () => new Promise((res) => (answer = res)) }, { flows: [{ ...tour, trigger: {} }] })
    engine.show('welcome', 'tour', opts)
    await settle()
    answer(undefined)
    await settle()
    expect(r.fake.open.map((o) => [o.flow.id, o.controls.via, o.controls.state?.step])).toEqual([['welcome', 'resume', 1]])
    expect(r.fake.events).toEqual([])
    engine.show(tour, 'tour', opts)
    await settle()
    expect(r.fake.rendered).toHaveLength(1)
  })
})

describe('flow_error props', () => {
  it('a widget check that refuses a field reports its path and message', async () => {
    const p = page()
    createFlowEngine({ ...p.deps, render: (_, c) => (c.error('invalid', undefined, { path: '$.steps[0].title', message: 'must be text' }), c.close(), Promise.resolve()) }, { flows: [{ ...tour, trigger: {} }] })
    await settle()
    expect(p.fake.events).toEqual([['flow_error', { flowId: 'welcome', reason: 'invalid', props: { path: '$.steps[0].title', message: 'must be text' } }]])
  })
})
