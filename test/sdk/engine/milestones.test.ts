import { describe, expect, it } from 'vitest'
import { createFlowEngine, type FlowEngineDeps } from '../../../packages/sdk/src/engine/index.ts'
import { fakeDeps, follow, settle } from './fake-deps.ts'

const invite = { id: 'invite', kind: 'announcement', style: 'banner', title: 'Invite', trigger: { milestone: 'created_first_project' } }
const checklist = {
  id: 'start', kind: 'checklist', title: 'Start', trigger: {}, frequency: 'until_completed', milestone: 'activated',
  items: [
    { id: 'project', title: 'Create a project', completeOn: { event: 'project_created' } },
    { id: 'cards', title: 'Add cards', completeOn: { event: 'card_created', count: 2 } },
    { id: 'tour', title: 'Take the tour', action: { tour: 'welcome' } },
    { id: 'guide', title: 'Read the guide', action: { url: '/guide' } },
  ],
}
const welcome = { id: 'welcome', kind: 'tour', steps: [{ id: 's', title: 'Hi' }] }

/** Engine deps that also record milestones and let a test play "another tab saved". */
function withMilestones(base = fakeDeps()) {
  const reached: string[] = []
  const stored = new Set<() => void>()
  const deps: FlowEngineDeps = {
    ...base.deps,
    milestone: (name) => void reached.push(name),
    onStored(listener) {
      stored.add(listener)
      return () => void stored.delete(listener)
    },
  }
  return { ...base, deps, reached, otherTabSaved: () => stored.forEach((l) => l()) }
}

describe('milestones', () => {
  it('a tracked event named like a milestone a flow declares reaches it once, and triggers that flow', async () => {
    const t = withMilestones()
    const engine = createFlowEngine(t.deps, { flows: [invite] })
    await settle()
    expect(t.fake.open).toEqual([])
    engine.track('created_first_project')
    engine.track('created_first_project')
    await settle()
    expect(t.reached).toEqual(['created_first_project'])
    expect(t.fake.open.map((r) => r.flow.id)).toEqual(['invite'])
    expect(engine.milestone('created_first_project')).toBe(false)
  })

  it('takes the milestones the collector declares, kept with the cached flows for the next page', async () => {
    const t = withMilestones()
    const fetchFlows = async () => ({ flows: [], etag: '"v1"', milestones: ['invited_teammate', 7] })
    const engine = createFlowEngine({ ...t.deps, fetchFlows })
    engine.track('invited_teammate')
    expect(t.reached).toEqual([])
    await settle()
    expect(JSON.parse(t.fake.store.get('flows')!).milestones).toEqual(['invited_teammate'])
    engine.track('invited_teammate')
    expect(t.reached).toEqual(['invited_teammate'])
    // The next page knows them from the cache before the collector answers.
    const next = withMilestones({ ...fakeDeps({ store: new Map([['flows', t.fake.store.get('flows')!]]) }) })
    createFlowEngine({ ...next.deps, fetchFlows: () => new Promise(() => {}) }).track('invited_teammate')
    expect(next.reached).toEqual(['invited_teammate'])
  })

  it('an undeclared event is only an event', async () => {
    const t = withMilestones()
    createFlowEngine(t.deps, { flows: [invite] }).track('something_else')
    await settle()
    expect(t.reached).toEqual([])
  })

  it('a milestone another tab reached is not reached again here', async () => {
    const a = withMilestones()
    const b = withMilestones({ ...fakeDeps({ store: a.fake.store }) })
    const tabA = createFlowEngine(a.deps, { flows: [invite] })
    const tabB = createFlowEngine(b.deps, { flows: [invite] })
    tabA.track('created_first_project')
    tabB.track('created_first_project')
    expect([...a.reached, ...b.reached]).toEqual(['created_first_project'])
  })
})

describe('checklist progress', () => {
  const shownChecklist = async (t = withMilestones()) => {
    const engine = createFlowEngine(t.deps, { flows: [checklist, welcome] })
    await settle()
    const rendered = t.fake.open.find((r) => r.flow.id === 'start')!
    return { ...t, engine, controls: rendered.controls }
  }
  const steps = (t: { fake: ReturnType<typeof fakeDeps>['fake'] }) =>
    t.fake.events.filter(([type]) => type === 'flow_step').map(([, p]) => `${p.stepIndex}:${p.stepId}`)

  it('ticks items as their events arrive, tells the widget, and records each tick once', async () => {
    const t = await shownChecklist()
    const seen: (Record<string, number> | undefined)[] = []
    const stop = follow(t.controls, 'start', (s) => seen.push(s?.items))
    expect(seen).toEqual([undefined])
    t.engine.track('project_created')
    t.engine.track('card_created')
    t.engine.track('card_created')
    t.engine.track('card_created')
    expect(steps(t)).toEqual(['0:project', '1:cards'])
    expect(Object.keys(seen.at(-1) ?? {})).toEqual(['project', 'cards'])
    stop()
    t.engine.track('x')
    expect(seen).toHaveLength(5)
  })

  it('ticks what was done before the checklist first showed, when it shows', async () => {
    const t = withMilestones()
    const engine = createFlowEngine(t.deps, { flows: [] })
    engine.track('project_created')
    expect(steps(t)).toEqual([])
    const shown = createFlowEngine(withMilestones({ ...t, ...fakeDeps({ store: t.fake.store }) }).deps, { flows: [checklist] })
    await settle()
    expect(shown.decisions().find((d) => d.id === 'start')?.verdict).toBe('now')
    expect(JSON.parse(t.fake.store.get('state')!).flows.start.items).toEqual({ project: expect.any(Number) })
  })

  it('a tour item starts the tour and ticks when it completes; a hand tick comes from the widget', async () => {
    const t = await shownChecklist()
    t.controls.start('welcome', 'tour')
    await settle()
    const tour = t.fake.open.find((r) => r.flow.id === 'welcome')!
    expect(tour.controls.via).toBe('manual')
    tour.controls.complete()
    t.controls.step(3, 'guide')
    expect(steps(t)).toEqual(['2:tour', '3:guide'])
  })

  it('completing every item reaches checklist_completed and the checklist\'s milestone, once', async () => {
    const t = await shownChecklist()
    t.controls.step(2, 'tour')
    t.controls.step(3, 'guide')
    for (const name of ['project_created', 'card_created', 'card_created', 'card_created']) t.engine.track(name)
    expect(t.reached).toEqual(['checklist_completed', 'activated'])
    t.controls.complete()
    expect(t.fake.typesOf('start').filter((type) => type === 'flow_completed')).toHaveLength(1)
  })

  it('another tab\'s ticks reach this tab\'s widget without new events, and completion is reported by one tab', async () => {
    const a = await shownChecklist()
    const b = await shownChecklist(withMilestones({ ...fakeDeps({ store: a.fake.store }) }))
    const seenB: string[][] = []
    follow(b.controls, 'start', (s) => seenB.push(Object.keys(s?.items ?? {})))
    a.controls.step(2, 'tour')
    a.controls.step(3, 'guide')
    a.engine.track('project_created')
    a.engine.track('card_created')
    a.engine.track('card_created')
    b.otherTabSaved()
    expect(seenB.at(-1)?.sort()).toEqual(['cards', 'guide', 'project', 'tour'])
    expect(steps(b)).toEqual([])
    expect([...a.reached, ...b.reached]).toEqual(['checklist_completed', 'activated'])
    // Hearing another tab's save writes nothing back (no echo between tabs).
    const saved = a.fake.store.get('state')
    b.otherTabSaved()
    expect(a.fake.store.get('state')).toBe(saved)
  })

  it('ticks from another device (the collector\'s user state) show without being recorded again', async () => {
    const base = withMilestones()
    const remote = { userId: 'u', flows: { start: { shownCount: 1, shownAt: 1, items: { project: 5 } } }, milestones: {}, events: { project_created: 1 } }
    const engine = createFlowEngine({ ...base.deps, fetchUserState: async () => remote }, { flows: [checklist] })
    await settle()
    const { controls } = base.fake.open.find((r) => r.flow.id === 'start')!
    expect(controls.state?.items).toEqual({ project: 5 })
    engine.track('noise')
    expect(steps(base)).toEqual([])
  })

  it('remembers a small value per flow for the widget (a minimized checklist), across reloads', async () => {
    const t = await shownChecklist()
    expect(t.controls.memo).toBeUndefined()
    t.controls.remember('min')
    const reload = await shownChecklist(withMilestones({ ...fakeDeps({ store: t.fake.store }) }))
    expect(reload.controls.memo).toBe('min')
    reload.controls.remember('open')
    t.engine.reset()
    const fresh = await shownChecklist(withMilestones({ ...fakeDeps({ store: t.fake.store }) }))
    expect(fresh.controls.memo).toBeUndefined()
  })
})
