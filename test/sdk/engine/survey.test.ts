import fc from 'fast-check'
import type { FlowEnvelope, FlowState } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import {
  DAY, DEFAULT_LIMITS, createFlowEngine, decide, emptyState, inShare, mergeFlow, reaskDays, submission, surveyFails, touch,
  type DecideInput,
} from '../../../packages/sdk/src/engine/index.ts'
import { fakeCollector, fakeDeps, settle } from './fake-deps.ts'

const now = 3000 * DAY
const visitStart = now - 60_000
const nps = (extra: Record<string, unknown> = {}): FlowEnvelope =>
  ({ id: 'nps', kind: 'survey', questions: [{ id: 'score', type: 'nps', prompt: '?' }], trigger: {}, ...extra }) as FlowEnvelope
const csat = (extra: Record<string, unknown> = {}): FlowEnvelope =>
  ({ id: 'csat', kind: 'survey', questions: [{ id: 'sat', type: 'csat', prompt: '?' }], trigger: {}, ...extra }) as FlowEnvelope
const fails = (f: FlowEnvelope, s?: FlowState, user = 'u1') => surveyFails(f, s, now, visitStart, user)

describe('reaskDays', () => {
  it.each<[string, FlowEnvelope, number | undefined]>([
    ['NPS: 90 by default', nps(), 90],
    ['reaskAfterDays wins', nps({ reaskAfterDays: 30, frequency: { everyDays: 7 } }), 30],
    ['else the frequency\'s everyDays', csat({ frequency: { everyDays: 7 } }), 7],
    ['no NPS, nothing given: never', csat(), undefined],
    ['reaskAfterDays 0: any time', csat({ reaskAfterDays: 0 }), 0],
    ['broken questions are no NPS', csat({ questions: 'nope' }), undefined],
    ['null questions are no NPS', csat({ questions: [null] }), undefined],
  ])('%s', (_, flow, days) => {
    expect(reaskDays(flow)).toBe(days)
  })
})

describe('surveyFails', () => {
  it.each<[string, FlowEnvelope, FlowState | undefined, ReturnType<typeof surveyFails>]>([
    ['never shown', nps(), undefined, undefined],
    ['answered yesterday: NPS waits 90 days', nps(), { shownCount: 1, shownAt: now - DAY, answeredAt: now - DAY }, { why: 'reaskAfterDays 90', at: now + 89 * DAY }],
    ['completed counts as answered', nps(), { shownCount: 1, shownAt: now - DAY, completedAt: now - DAY }, { why: 'reaskAfterDays 90', at: now + 89 * DAY }],
    ['answered 91 days ago: asked again', nps(), { shownCount: 1, shownAt: now - 91 * DAY, answeredAt: now - 91 * DAY }, undefined],
    ['answered, no re-ask: never', csat(), { shownCount: 1, shownAt: now - 999 * DAY, answeredAt: now - 999 * DAY }, { why: 'answered' }],
    ['shown, not answered, default once', csat(), { shownCount: 1, shownAt: now - 999 * DAY }, { why: 'frequency "once"' }],
    ['shown, not answered, NPS: every 90 days', nps(), { shownCount: 1, shownAt: now - DAY }, { why: 'frequency {"everyDays":90}', at: now + 89 * DAY }],
    ['dismissed, until_completed', csat({ frequency: 'until_completed' }), { shownCount: 1, shownAt: now - DAY, dismissedAt: now - DAY }, { why: 'frequency "until_completed"' }],
    ['ask me later, this visit', csat(), { shownCount: 1, shownAt: now - 1000, laterAt: now - 500 }, { why: 'ask me later' }],
    ['ask me later, a later visit: asked again despite once', csat(), { shownCount: 1, shownAt: now - DAY, laterAt: now - DAY + 5 }, undefined],
    ['later, then shown again: frequency again', csat(), { shownCount: 2, shownAt: now - DAY, laterAt: now - 2 * DAY }, { why: 'frequency "once"' }],
    ['re-ask after 90 days, then dismissed: waits again', nps(), { shownCount: 2, shownAt: now - DAY, answeredAt: now - 100 * DAY, dismissedAt: now - DAY }, { why: 'frequency {"everyDays":90}', at: now + 89 * DAY }],
    ['re-ask after 90 days: the old showing does not count', nps({ frequency: 'once' }), { shownCount: 1, shownAt: now - 100 * DAY, answeredAt: now - 100 * DAY }, undefined],
  ])('%s', (_, flow, state, expected) => {
    expect(fails(flow, state)).toEqual(expected)
  })

  const userIn = (flowId: string, share: number, inside: boolean) => {
    for (let i = 0; ; i++) if (inShare(`u${i}`, flowId, share, 'sample:') === inside) return `u${i}`
  }

  it('samples: only users in the share are asked, named by the sample', () => {
    expect(fails(nps({ sample: 0.2 }), undefined, userIn('nps', 0.2, true))).toBeUndefined()
    expect(fails(nps({ sample: 0.2 }), undefined, userIn('nps', 0.2, false))).toEqual({ why: 'sample 0.2' })
    expect(fails(nps({ sample: 0 }))).toEqual({ why: 'sample 0' })
    expect(fails(nps({ sample: 1 }))).toBeUndefined()
  })

  it('samples about `sample` of users, the same ones every time, independently of the holdout', () => {
    const users = [...Array(4000).keys()].map((i) => `user-${i}`)
    const asked = users.filter((u) => !fails(nps({ sample: 0.2 }), undefined, u))
    expect(asked.length / users.length).toBeGreaterThan(0.17)
    expect(asked.length / users.length).toBeLessThan(0.23)
    expect(users.filter((u) => !fails(nps({ sample: 0.2 }), undefined, u))).toEqual(asked)
    const heldOut = users.filter((u) => inShare(u, 'nps', 0.2))
    const both = asked.filter((u) => heldOut.includes(u)).length
    expect(both / users.length).toBeGreaterThan(0.02)
    expect(both / users.length).toBeLessThan(0.06)
  })

  const time = fc.integer({ min: 0, max: 2 * 365 }).map((d) => now - d * DAY)
  const state = fc.record(
    { shownCount: fc.constant(1), shownAt: time, answeredAt: time, completedAt: time, dismissedAt: time, laterAt: time },
    { requiredKeys: ['shownCount'] },
  )
  const flow = fc.oneof(fc.constant(nps()), fc.constant(csat()), fc.integer({ min: 0, max: 400 }).map((d) => csat({ reaskAfterDays: d })))

  it('property: an answer within the re-ask interval always blocks', () => {
    fc.assert(fc.property(flow, state, (f, s) => {
      const answered = Math.max(s.answeredAt ?? -1, s.completedAt ?? -1)
      const days = reaskDays(f)
      fc.pre(answered >= 0 && (days === undefined || answered + days * DAY > now))
      expect(fails(f, s)).toBeDefined()
    }))
  })

  it('property: waiting never blocks a survey that is free now, and sampling is a pure function of user and flow', () => {
    fc.assert(fc.property(flow, state, fc.integer({ min: 1, max: 1000 }), fc.string(), (f, s, later, user) => {
      if (!surveyFails(f, s, now, visitStart, user)) expect(surveyFails(f, s, now + later * DAY, now + later * DAY, user)).toBeUndefined()
      expect(surveyFails(nps({ sample: 0.3 }), undefined, now, visitStart, user)).toEqual(surveyFails(nps({ sample: 0.3 }), undefined, 0, 0, user))
    }))
  })
})

describe('decide, for surveys', () => {
  const base = (patch: Partial<DecideInput>): DecideInput => ({
    flows: [], asks: [], state: touch(emptyState(), visitStart), user: 'u1', traits: {}, url: '/', now,
    since: {}, screen: {}, failed: {}, limits: DEFAULT_LIMITS, ...patch,
  })

  it('an answered survey is neither shown by itself nor by show*(), but show*() with force asks again', () => {
    const state = { ...base({}).state, flows: { nps: { shownCount: 1, shownAt: now - DAY, answeredAt: now - DAY } } }
    expect(decide(base({ flows: [nps()], state }))[0]).toMatchObject({ verdict: 'later', reason: 'reaskAfterDays 90' })
    expect(decide(base({ asks: [{ flow: nps(), at: now }], state }))[0]).toMatchObject({ verdict: 'later', reason: 'reaskAfterDays 90' })
    expect(decide(base({ asks: [{ flow: nps(), at: now, force: true }], state }))[0]).toMatchObject({ verdict: 'now' })
  })

  it('the global cooldown keeps a second survey away for 14 days, and a put-off survey does not resume', () => {
    const state = { ...base({}).state, surveyAt: now - 3 * DAY }
    expect(decide(base({ flows: [csat()], state }))[0]).toMatchObject({ verdict: 'later', reason: 'cap surveyCooldownDays 14', at: now + 11 * DAY })
    const later = { ...base({}).state, flows: { csat: { shownCount: 1, shownAt: visitStart + 1, laterAt: visitStart + 2 } } }
    expect(decide(base({ flows: [csat()], state: later }))[0]).toMatchObject({ verdict: 'never', reason: 'ask me later' })
    const open = { ...base({}).state, flows: { csat: { shownCount: 1, shownAt: visitStart + 1, answeredAt: visitStart + 2 } } }
    expect(decide(base({ flows: [csat()], state: open }))[0]).toMatchObject({ verdict: 'now', resume: true })
  })
})

describe('submission ids', () => {
  it('are derived from the user, the flow and the previous submission', () => {
    const [first, answers] = submission('u1', 'nps', undefined, false)
    expect(first).toMatch(/^[0-9a-z]+-[0-9a-z]+-[0-9a-z]+$/)
    expect(answers).toEqual({})
    expect(submission('u1', 'nps', undefined, false)[0]).toBe(first)
    expect(submission('u2', 'nps', undefined, false)[0]).not.toBe(first)
    expect(submission('u1', 'csat', undefined, false)[0]).not.toBe(first)
    const answered: FlowState = { shownCount: 1, shownAt: 10, answeredAt: 20, submissionId: first, answers: { score: 9 } }
    const next = submission('u1', 'nps', answered, false)[0]
    expect(next).not.toBe(first)
    expect(submission('u1', 'nps', answered, true)).toEqual([first, { score: 9 }])
    // Resumed in a later showing than the answer: a new submission.
    expect(submission('u1', 'nps', { ...answered, shownAt: 30 }, true)[0]).toBe(next)
  })

  it('property: distinct users or previous submissions give distinct ids', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.option(fc.string(), { nil: undefined }), (a, b, prev) => {
      fc.pre(a !== b)
      const s = prev === undefined ? undefined : { shownCount: 1, submissionId: prev }
      expect(submission(a, 'nps', s, false)[0]).not.toBe(submission(b, 'nps', s, false)[0])
    }))
  })

  it('merge with the answers they belong to', () => {
    const a: FlowState = { shownCount: 1, answeredAt: 5, answers: { q: 1 }, submissionId: 's1', laterAt: 3 }
    const b: FlowState = { shownCount: 1, answeredAt: 9, answers: { q: 2 }, submissionId: 's2', laterAt: 1 }
    expect(mergeFlow(a, b)).toMatchObject({ answeredAt: 9, answers: { q: 2 }, submissionId: 's2', laterAt: 3 })
    expect(mergeFlow(b, a)).toEqual(mergeFlow(a, b))
  })
})

describe('the engine, for surveys', () => {
  const user = { userId: 'u1', anonymousId: 'a1', traits: {} }

  it('sends each answer as given under one submission id, remembers it, and never asks again', async () => {
    const { deps, fake } = fakeDeps({ user })
    const engine = createFlowEngine(deps, { flows: [nps({ trigger: {}, version: 2 })] })
    await settle()
    const { controls } = fake.open[0]!
    controls.answer({ questionId: 'score', answer: 9 })
    controls.answer({ questionId: 'score', answer: 9 })
    controls.answer({ questionId: 'why', answer: 'Fast', final: true })
    controls.complete()
    const answers = fake.events.filter(([t]) => t === 'survey_answer').map(([, p]) => p)
    const id = answers[0]!.submissionId
    expect(answers).toEqual([
      { flowId: 'nps', flowVersion: 2, submissionId: id, questionId: 'score', answer: 9 },
      { flowId: 'nps', flowVersion: 2, submissionId: id, questionId: 'score', answer: 9 },
      { flowId: 'nps', flowVersion: 2, submissionId: id, questionId: 'why', answer: 'Fast', final: true },
    ])
    expect(fake.kinds.at(-2)).toBe('survey')
    expect(JSON.parse(fake.store.get('state')!).flows.nps).toMatchObject({ answers: { score: 9, why: 'Fast' }, submissionId: id })
    engine.show('nps', 'survey')
    await settle()
    expect(fake.rendered).toHaveLength(1)
  })

  it('two tabs showing the same survey send their answers under the same submission', async () => {
    const store = new Map<string, string>()
    const one = fakeDeps({ user, store })
    const two = fakeDeps({ user, store })
    createFlowEngine(one.deps, { flows: [nps()] })
    createFlowEngine(two.deps, { flows: [nps()] })
    await settle()
    one.fake.open[0]!.controls.answer({ questionId: 'score', answer: 3 })
    two.fake.open[0]!.controls.answer({ questionId: 'score', answer: 4 })
    const ids = [one, two].map(({ fake }) => fake.events.find(([t]) => t === 'survey_answer')?.[1].submissionId)
    expect(ids[0]).toBeDefined()
    expect(ids[1]).toBe(ids[0])
  })

  it('a survey answered on another device is not asked again, even by show*()', async () => {
    const collector = fakeCollector([], '"v1"', {
      userId: 'u1', flows: { nps: { shownCount: 1, shownAt: now - DAY, answeredAt: now - DAY, submissionId: 'x' } }, milestones: {}, events: {},
    })
    const { deps, fake } = fakeDeps({ user, now })
    deps.fetchUserState = collector.fetchUserState
    const engine = createFlowEngine(deps, { flows: [nps()] })
    engine.show('nps', 'survey')
    await settle()
    expect(fake.rendered).toEqual([])
    expect(fake.logs).toContain('nps: later at ' + new Date(now + 89 * DAY).toISOString() + ': reaskAfterDays 90')
  })

  it('"ask me later" puts the survey off to a later visit instead of turning it down', async () => {
    const { deps, fake } = fakeDeps({ user })
    const engine = createFlowEngine(deps, { flows: [csat({ trigger: { event: { name: 'saved' } } })] })
    engine.track('saved')
    await settle()
    fake.open[0]!.controls.dismiss(0, 'later')
    expect(fake.events.at(-1)).toEqual(['flow_dismissed', { flowId: 'csat', stepIndex: 0, reason: 'later' }])
    const saved = JSON.parse(fake.store.get('state')!).flows.csat
    expect(saved.laterAt).toBeDefined()
    expect(saved.dismissedAt).toBeUndefined()
    engine.track('saved')
    await settle()
    expect(fake.rendered).toHaveLength(1)
    // The next visit: by itself the survey cooldown keeps it away; show*() (no caps) may ask again.
    await fake.advance(DAY)
    engine.destroy()
    const next = createFlowEngine(deps, { flows: [csat({ trigger: { event: { name: 'saved' } } })] })
    next.track('saved')
    await settle()
    expect(fake.rendered).toHaveLength(1)
    expect(fake.logs.at(-1)).toMatch(/^csat: later at .*: cap surveyCooldownDays 14$/)
    next.show('csat', 'survey')
    await settle()
    expect(fake.rendered).toHaveLength(2)
  })
})
