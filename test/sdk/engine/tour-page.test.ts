import type { FlowEnvelope } from '@cairn/protocol'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pageFails } from '../../../packages/sdk/src/engine/budget.ts'
import { createFlowEngine, decide, emptyState, matchUrl, DEFAULT_LIMITS, type DecideInput } from '../../../packages/sdk/src/engine/index.ts'
import { fakeDeps, settle } from './fake-deps.ts'

const HOME = 'https://app.example.com/home'
const BOARD = 'https://app.example.com/board'

/** Step 0 anywhere, steps 1–2 on /home, step 3 on /board. */
const tour = {
  id: 'welcome', kind: 'tour',
  steps: [
    { id: 'hi', title: 'Hi' },
    { id: 'a', title: 'A', url: '/home' },
    { id: 'b', title: 'B', url: '/home', target: '#new' },
    { id: 'c', title: 'C', url: '/board' },
  ],
} as unknown as FlowEnvelope
const survey = { id: 'nps', kind: 'survey', questions: [{ id: 'q', type: 'nps', prompt: 'How likely…' }], trigger: { event: { name: 'ask' } } } as unknown as FlowEnvelope

describe('pageFails: a tour waits for its step’s page', () => {
  it.each<[string, FlowEnvelope, number | undefined, string, string | undefined]>([
    ['a step without url lives everywhere', tour, 0, BOARD, undefined],
    ['the step’s page is here', tour, 1, HOME, undefined],
    ['the step’s page is elsewhere', tour, 3, HOME, 'step 3 url "/board"'],
    ['no step yet means the first', tour, undefined, BOARD, undefined],
    ['past the end is the last step (as the widget clamps)', tour, 99, HOME, 'step 3 url "/board"'],
    ['not a whole number is the first step', tour, 1.5, BOARD, undefined],
    ['other kinds always pass', survey, 0, HOME, undefined],
    ['a tour without steps passes (its widget reports it invalid)', { id: 'x', kind: 'tour' } as FlowEnvelope, 0, HOME, undefined],
  ])('%s', (_, flow, step, url, why) => {
    expect(pageFails(flow, step, url)?.why).toBe(why)
  })

  it('fails exactly when the step it starts on has a url that does not match (property)', () => {
    const paths = ['/home', '/board', '/projects/*', '/home?tab=x']
    fc.assert(fc.property(
      fc.array(fc.option(fc.constantFrom(...paths), { nil: undefined }), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: -2, max: 8 }),
      fc.constantFrom('/home', '/board', '/projects/7', '/home?tab=x'),
      (urls, step, path) => {
        const f = { id: 't', kind: 'tour', steps: urls.map((url, i) => ({ id: `s${i}`, title: 'T', ...(url && { url }) })) } as unknown as FlowEnvelope
        const i = Math.max(0, Math.min(urls.length - 1, step))
        const pattern = urls[i]
        expect(!!pageFails(f, step, `https://app.example.com${path}`)).toBe(pattern !== undefined && !matchUrl(pattern, `https://app.example.com${path}`))
      },
    ))
  })
})

describe('decide: a tour off its step’s page holds no place on screen', () => {
  const input = (more: Partial<DecideInput>): DecideInput => ({
    flows: [], asks: [], state: emptyState(), user: 'u', traits: {}, url: HOME, now: 1_000_000, since: {}, screen: {}, failed: {}, limits: DEFAULT_LIMITS, ...more,
  })
  const inProgress = (step: number) => ({ ...emptyState(), visit: { start: 1, last: 999_000 }, flows: { welcome: { shownCount: 1, shownAt: 500_000, step } } })

  it('a tour in progress resumes only on its step’s page', () => {
    expect(decide(input({ flows: [tour], state: inProgress(3) }))).toEqual([{ id: 'welcome', verdict: 'never', reason: 'step 3 url "/board"', resume: true }])
    expect(decide(input({ flows: [tour], state: inProgress(3), url: BOARD }))).toEqual([{ id: 'welcome', verdict: 'now', reason: 'resume', resume: true }])
  })

  it('a show*() request for a tour whose first step lives elsewhere waits for that page', () => {
    const away = { ...tour, id: 'far', steps: [{ id: 'c', title: 'C', url: '/board' }] } as unknown as FlowEnvelope
    expect(decide(input({ asks: [{ flow: away, at: 1 }] }))).toEqual([{ id: 'far', verdict: 'later', reason: 'step 0 url "/board"', manual: true }])
    expect(decide(input({ asks: [{ flow: away, at: 1 }], url: BOARD }))[0]).toMatchObject({ verdict: 'now', reason: 'show*()' })
  })
})

describe('the engine: a tour waiting for another page gives up the modal slot, then resumes there', () => {
  it('leaves the screen when its step moves to another page, lets another modal flow show meanwhile, and resumes on that page after it', async () => {
    const { deps, fake } = fakeDeps({ url: HOME })
    const engine = createFlowEngine(deps, { flows: [tour, survey] })
    engine.show('welcome', 'tour')
    await settle()
    const first = fake.open[0]!
    expect(first.flow.id).toBe('welcome')
    // While the tour is on its page, the survey waits for the slot.
    engine.track('ask')
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['welcome'])
    expect(engine.decisions().find((d) => d.id === 'nps')).toMatchObject({ verdict: 'later', reason: 'waiting "welcome"' })
    first.controls.step(1, 'a')
    first.controls.step(2, 'b')
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['welcome'])
    // Step 3 lives on /board: the tour leaves the screen without a decision, and the survey shows.
    first.controls.step(3, 'c')
    await settle()
    // Not at once: the click that moved the tour may route to /board in the same task.
    expect(first.open).toBe(true)
    await fake.advance(0)
    expect(first.open).toBe(false)
    expect(fake.open.map((r) => r.flow.id)).toEqual(['nps'])
    // On /board it waits for the survey (one modal at a time), then resumes on step 3.
    engine.navigate(BOARD)
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['nps'])
    fake.open[0]!.controls.complete()
    await settle()
    const resumed = fake.open[0]!
    expect([resumed.flow.id, resumed.controls.via, resumed.controls.state?.step]).toEqual(['welcome', 'resume', 3])
    expect(fake.typesOf('welcome')).toEqual(['flow_shown', 'flow_step', 'flow_step', 'flow_step'])
    resumed.controls.complete()
    await settle()
    expect(fake.typesOf('welcome').at(-1)).toBe('flow_completed')
  })

  it('stays on screen when the page routes to its next step’s page in the same task', async () => {
    const { deps, fake } = fakeDeps({ url: HOME })
    const engine = createFlowEngine(deps, { flows: [tour, survey] })
    engine.show('welcome', 'tour')
    await settle()
    engine.track('ask')
    const shown = fake.open[0]!
    shown.controls.step(3, 'c')
    engine.navigate(BOARD)
    await fake.advance(0)
    expect(shown.open).toBe(true)
    expect(fake.open.map((r) => r.flow.id)).toEqual(['welcome'])
  })

  it('a tour whose step lives on this page keeps the slot', async () => {
    const { deps, fake } = fakeDeps({ url: HOME })
    const engine = createFlowEngine(deps, { flows: [tour, survey] })
    engine.show('welcome', 'tour')
    await settle()
    fake.open[0]!.controls.step(1, 'a')
    engine.track('ask')
    engine.navigate(`${HOME}?tab=2`)
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['welcome'])
  })
})

describe('the engine: a missing target names its selector', () => {
  it('in the flow_error of a tour step (and of a hotspot), for the collector and sdk.on listeners', async () => {
    const hotspot = { id: 'spot', kind: 'announcement', style: 'hotspot', target: 'app-shell >>> #new', title: 'New' } as unknown as FlowEnvelope
    const { deps, fake } = fakeDeps({ url: HOME })
    const engine = createFlowEngine(deps, { flows: [tour, hotspot] })
    engine.show('welcome', 'tour')
    engine.show('spot', 'announcement')
    await settle()
    const [t, h] = fake.open
    t!.controls.error('target_missing', 2)
    h!.controls.error('target_missing', 0)
    t!.controls.error('render_failed', 2)
    expect(fake.events.filter(([type]) => type === 'flow_error')).toEqual([
      ['flow_error', { flowId: 'welcome', reason: 'target_missing', stepIndex: 2, props: { selector: '#new' } }],
      ['flow_error', { flowId: 'spot', reason: 'target_missing', stepIndex: 0, props: { selector: 'app-shell >>> #new' } }],
      ['flow_error', { flowId: 'welcome', reason: 'render_failed', stepIndex: 2 }],
    ])
  })
})
