import type { FlowEnvelope, UserState } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, createFlowEngine, decide, emptyState, touch, type DecideInput, type EngineState } from '../../../packages/sdk/src/engine/index.ts'
import { fakeDeps, settle } from './fake-deps.ts'

const HOME = 'https://app.example.com/home'
const BOARD = 'https://app.example.com/board'
const MIN = 60_000

/** Shows by itself on /home (once, the default); steps 0–2 anywhere, step 3 on /board. */
const tour = {
  id: 'welcome', kind: 'tour', trigger: { url: '/home' },
  steps: [
    { id: 'a', title: 'A' },
    { id: 'b', title: 'B' },
    { id: 'c', title: 'C' },
    { id: 'd', title: 'D', url: '/board' },
  ],
} as unknown as FlowEnvelope
const banner = { id: 'news', kind: 'announcement', style: 'banner', trigger: {} } as unknown as FlowEnvelope
const modal = { id: 'promo', kind: 'announcement', style: 'modal', trigger: {} } as unknown as FlowEnvelope

describe('decide: a tour in progress on another device', () => {
  const now = 1_000 * MIN
  /** This device's visit began two minutes ago; the tour was shown elsewhere 20 minutes ago and stepped 5 minutes ago. */
  const here = (flows: EngineState['flows'], auto: number[] = []): EngineState => ({ ...touch(emptyState(), now - 2 * MIN), flows, auto })
  const elsewhere = { shownCount: 1, shownAt: now - 20 * MIN, step: 2, stepAt: now - 5 * MIN }
  const input = (more: Partial<DecideInput>): DecideInput => ({
    flows: [tour], asks: [], state: here({ welcome: elsewhere }), user: 'u', traits: {}, url: HOME, now,
    since: {}, screen: {}, failed: {}, limits: DEFAULT_LIMITS, ...more,
  })

  it('resumes at the saved step under `once` frequency (resuming is not showing again)', () => {
    expect(decide(input({}))).toEqual([{ id: 'welcome', verdict: 'now', reason: 'resume', resume: true }])
  })

  it('is shown afresh nowhere once the step is older than the visit gap, nor once finished', () => {
    expect(decide(input({ state: here({ welcome: { ...elsewhere, stepAt: now - 31 * MIN } }) }))[0]).toMatchObject({ verdict: 'never', reason: 'frequency "once"' })
    expect(decide(input({ state: here({ welcome: { ...elsewhere, completedAt: now - 4 * MIN } }) }))[0]).toMatchObject({ verdict: 'never', reason: 'frequency "once"' })
    expect(decide(input({ state: here({ welcome: { ...elsewhere, dismissedAt: now - 4 * MIN } }) }))[0]).toMatchObject({ verdict: 'never', reason: 'frequency "once"' })
  })

  it('waits for its step’s page', () => {
    const onBoard = here({ welcome: { ...elsewhere, step: 3 } })
    expect(decide(input({ state: onBoard }))).toEqual([{ id: 'welcome', verdict: 'never', reason: 'step 3 url "/board"', resume: true }])
    expect(decide(input({ state: onBoard, url: BOARD }))[0]).toMatchObject({ verdict: 'now', reason: 'resume' })
  })

  it('waits for the modal slot', () => {
    expect(decide(input({ screen: { promo: true } }))[0]).toMatchObject({ verdict: 'later', reason: 'waiting "promo"' })
  })

  it('is held back by this visit’s caps, but takes no place in them', () => {
    const spent = here({ welcome: elsewhere }, [now - 3 * 1000, now - 2 * 1000, now - 1000])
    expect(decide(input({ state: spent }))[0]).toMatchObject({ verdict: 'never', reason: 'cap perSession 3' })
    // With two shown, the tour and one more flow of this visit both fit.
    const two = here({ welcome: elsewhere }, [now - 2 * 1000, now - 1000])
    expect(decide(input({ flows: [tour, banner], state: two })).map((d) => d.verdict)).toEqual(['now', 'now'])
    // Shown in this visit, it resumes outside the caps, as after a reload.
    const reload = here({ welcome: { ...elsewhere, shownAt: now - MIN } }, [now - 3 * 1000, now - 2 * 1000, now - 1000])
    expect(decide(input({ state: reload }))[0]).toMatchObject({ verdict: 'now', reason: 'resume' })
  })
})

describe('the engine: a tour taken up on a second device', () => {
  const start = 1_700_000_000_000
  const remote = (step: number, stepAt: number): UserState => ({
    userId: 'u1', flows: { welcome: { shownCount: 1, shownAt: start - 20 * MIN, step, stepAt } }, milestones: {}, events: {},
  })
  const device = (state: UserState | undefined, store?: Map<string, string>) => {
    const { deps, fake } = fakeDeps({ now: start, url: HOME, user: { anonymousId: 'anon-b', userId: 'u1', traits: {} }, ...(store && { store }) })
    const engine = createFlowEngine({ ...deps, fetchUserState: async () => state }, { flows: [tour, modal] })
    return { engine, fake }
  }

  it('renders it at the step the other device reached, without a new flow_shown, and saves the next step with its time', async () => {
    const { fake } = device(remote(2, start - 5 * MIN))
    await settle()
    await settle()
    const shown = fake.open.find((r) => r.flow.id === 'welcome')!
    expect([shown.controls.via, shown.controls.state?.step]).toEqual(['resume', 2])
    // The modal announcement waits: the tour holds the slot.
    expect(fake.open.map((r) => r.flow.id)).toEqual(['welcome'])
    expect(fake.typesOf('welcome')).toEqual([])
    shown.controls.step(3, 'd')
    expect(fake.events.at(-1)).toEqual(['flow_step', { flowId: 'welcome', stepIndex: 3, stepId: 'd' }])
    expect(JSON.parse(fake.store.get('state')!).flows.welcome).toMatchObject({ step: 3, stepAt: start })
  })

  it('keeps resuming on that device after a reload there', async () => {
    const store = new Map<string, string>()
    const first = device(remote(1, start - 5 * MIN), store)
    await settle()
    await settle()
    first.fake.open[0]!.controls.step(2, 'c')
    first.engine.destroy()
    // The collector has not caught up: its step is older than the one this device saved.
    const again = device(remote(1, start - 5 * MIN), store)
    await settle()
    await settle()
    const shown = again.fake.open[0]!
    expect([shown.flow.id, shown.controls.via, shown.controls.state?.step]).toEqual(['welcome', 'resume', 2])
  })

  it('shows nothing of it when the other device stepped long ago (the default frequency is once)', async () => {
    const { fake, engine } = device(remote(2, start - 40 * MIN))
    await settle()
    await settle()
    expect(fake.open.map((r) => r.flow.id)).toEqual(['promo'])
    expect(engine.decisions().find((d) => d.id === 'welcome')).toMatchObject({ verdict: 'never', reason: 'frequency "once"' })
  })
})
