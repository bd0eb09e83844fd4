import fc from 'fast-check'
import type { FlowEnvelope } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import {
  DAY, DEFAULT_LIMITS, bucket, decide, emptyState, inShare, isModal, touch, type DecideInput, type Decision,
} from '../../../packages/sdk/src/engine/index.ts'

const now = 100 * DAY
const visitStart = now - 60_000
const base = (): DecideInput => ({
  flows: [], asks: [], state: touch(emptyState(), visitStart), user: 'user-1', traits: {}, url: '/home', now,
  since: {}, screen: {}, failed: {}, limits: DEFAULT_LIMITS,
})
const tour = (id: string, extra: Partial<FlowEnvelope> = {}): FlowEnvelope => ({ id, kind: 'tour', trigger: {}, ...extra })
const banner = (id: string, extra: Partial<FlowEnvelope> = {}): FlowEnvelope => ({ id, kind: 'announcement', style: 'banner', trigger: {}, ...extra })
const run = (patch: Partial<DecideInput>) => decide({ ...base(), ...patch })
const byId = (ds: Decision[]) => Object.fromEntries(ds.map((d) => [d.id, d]))
const showing = (ds: Decision[]) => ds.filter((d) => d.verdict === 'now').map((d) => d.id)

/** A user id that falls in (or out of) a flow's holdout of `share`. */
const userFor = (flowId: string, share: number, heldOut: boolean) => {
  for (let i = 0; ; i++) if (inShare(`u${i}`, flowId, share) === heldOut) return `u${i}`
}

describe('decide', () => {
  it('shows a flow whose trigger holds, naming the trigger', () => {
    expect(run({ flows: [tour('a', { trigger: { url: '/home' } })] })).toEqual([
      { id: 'a', verdict: 'now', reason: 'trigger {"url":"/home"}', since: now },
    ])
  })

  it.each<[string, Partial<DecideInput>, Partial<Decision>]>([
    ['no trigger: manual only', { flows: [{ id: 'a', kind: 'tour' }] }, { verdict: 'never', reason: 'no trigger' }],
    ['trigger does not hold', { flows: [tour('a', { trigger: { url: '/x' } })] }, { verdict: 'never', reason: 'trigger url "/x" does not match /home' }],
    ['audience fails', { flows: [tour('a', { audience: { segment: 'beta' } })] }, { verdict: 'never', reason: 'audience {"segment":"beta"}' }],
    ['audience passes', { flows: [tour('a', { audience: { segment: 'beta' } })], traits: { segments: ['beta'] } }, { verdict: 'now' }],
    ['delay', { flows: [tour('a', { trigger: { delayMs: 5000 } })] }, { verdict: 'later', at: now + 5000, since: now, reason: 'trigger delayMs 5000' }],
    ['delay counted from since', { flows: [tour('a', { trigger: { delayMs: 5000 } })], since: { a: now - 5000 } }, { verdict: 'now', since: now - 5000 }],
    ['days since first seen', { flows: [tour('a', { trigger: { daysSinceFirstSeen: 1 } })] }, { verdict: 'later', at: visitStart + DAY }],
    ['on screen', { flows: [tour('a')], screen: { a: true } }, { verdict: 'never', reason: 'on screen' }],
    ['failed on this page', { flows: [tour('a')], failed: { a: 'failed to render on this page' } }, { verdict: 'never', reason: 'failed to render on this page' }],
  ])('%s', (_, input, expected) => {
    expect(run(input)[0]).toMatchObject(expected)
  })

  it('checks frequency before audience before trigger', () => {
    const state = { ...base().state, flows: { a: { shownCount: 1, shownAt: 1 } } }
    const flows = [tour('a', { audience: { segment: 'x' }, trigger: { url: '/nope' } })]
    expect(run({ flows, state })[0]?.reason).toBe('frequency "once"')
    expect(run({ flows, state: base().state })[0]?.reason).toMatch(/^audience /)
  })

  it('holds a user out deterministically, once, and names the holdout', () => {
    const out = userFor('a', 0.5, true)
    const first = run({ flows: [tour('a', { holdout: 0.5 })], user: out })[0]
    expect(first).toMatchObject({ verdict: 'never', reason: 'holdout 0.5', heldOut: true })
    const state = { ...base().state, flows: { a: { shownCount: 0, heldOutAt: now } } }
    expect(run({ flows: [tour('a', { holdout: 0.5 })], user: out, state })[0]).not.toHaveProperty('heldOut')
    expect(run({ flows: [tour('a', { holdout: 0.5 })], user: userFor('a', 0.5, false) })[0]?.verdict).toBe('now')
  })

  it('keeps a recorded holdout after the user identifies (sticky), unless the holdout is removed', () => {
    const state = { ...base().state, flows: { a: { shownCount: 0, heldOutAt: now - DAY } } }
    const user = userFor('a', 0.5, false)
    expect(run({ flows: [tour('a', { holdout: 0.5 })], user, state })[0]?.verdict).toBe('never')
    expect(run({ flows: [tour('a')], user, state })[0]?.verdict).toBe('now')
  })

  it('holds out manual shows too, and does not decide the holdout before the trigger holds', () => {
    const user = userFor('a', 0.5, true)
    expect(run({ asks: [{ flow: tour('a', { holdout: 0.5 }), at: now }], user })[0]).toMatchObject({ verdict: 'never', heldOut: true, manual: true })
    expect(run({ flows: [tour('a', { holdout: 0.5, trigger: { url: '/x' } })], user })[0]).not.toHaveProperty('heldOut')
  })

  it.each<[string, boolean, Partial<DecideInput>]>([
    ['waits for an event', true, { flows: [tour('a', { trigger: { event: { name: 'project_created' } } })] }],
    ['waits for a milestone', true, { flows: [tour('a', { trigger: { milestone: 'first_board' } })] }],
    ['waits for its delay', true, { flows: [tour('a', { trigger: { delayMs: 5000 } })] }],
    ['matches its page, then waits for an event', true, { flows: [tour('a', { trigger: { url: '/home', event: { name: 'x' } } })] }],
    ['lives on another page', false, { flows: [tour('a', { trigger: { url: '/x', event: { name: 'x' } } })] }],
    ['waits for an event here, but its first step lives on another page', false, { flows: [tour('a', { trigger: { event: { name: 'x' } }, steps: [{ id: 's', title: 'S', url: '/x' }] } as Partial<FlowEnvelope>)] }],
    ['waits for days since first seen', false, { flows: [tour('a', { trigger: { daysSinceFirstSeen: 3 } })] }],
    ['waits for an inactive spell', false, { flows: [tour('a', { trigger: { inactiveDays: 7 } })] }],
    ['fails its audience', false, { flows: [tour('a', { audience: { segment: 'beta' }, trigger: { event: { name: 'x' } } })] }],
    ['was shown already (frequency "once")', false, { flows: [tour('a', { trigger: { event: { name: 'x' } } })], state: { ...base().state, flows: { a: { shownCount: 1, shownAt: 1 } } } }],
    ['holds the user out', false, { flows: [tour('a', { holdout: 0.5, trigger: { event: { name: 'x' } } })], user: userFor('a', 0.5, true) }],
    ['does not hold the user out, waits for an event', true, { flows: [tour('a', { holdout: 0.5, trigger: { event: { name: 'x' } } })], user: userFor('a', 0.5, false) }],
    ['has no trigger (manual only)', false, { flows: [{ id: 'a', kind: 'tour' }] }],
    ['shows now', false, { flows: [tour('a')] }],
  ])('a flow that %s: soon (its widget worth fetching ahead) is %s', (_, soon, input) => {
    const [d] = run(input)
    expect(d?.soon ?? false).toBe(soon)
    // Soon is about flows not on screen yet, and never changes the verdict.
    if (soon) expect(d?.verdict).not.toBe('now')
  })

  it('shows one modal at a time, by priority, and non-modal flows beside it', () => {
    const ds = run({ flows: [tour('low'), tour('high', { priority: 5 }), banner('b')] })
    expect(byId(ds)).toMatchObject({
      high: { verdict: 'now' },
      low: { verdict: 'later', reason: 'waiting "high"' },
      b: { verdict: 'now' },
    })
    expect(ds.find((d) => d.id === 'low')).not.toHaveProperty('at')
  })

  it('orders equal priorities by arrival (when the trigger began to hold), then definition order', () => {
    expect(showing(run({ flows: [tour('a'), tour('b')], since: { a: now - 10, b: now - 20 } }))).toEqual(['b'])
    expect(showing(run({ flows: [tour('a'), tour('b')] }))).toEqual(['a'])
  })

  it('waits while a modal is on screen', () => {
    expect(run({ flows: [tour('a'), banner('b')], screen: { x: true } }).map((d) => d.verdict)).toEqual(['later', 'now'])
    expect(run({ flows: [tour('a')], screen: { x: false } })[0]?.verdict).toBe('now')
  })

  it('puts show*() calls first; they skip the trigger and the caps, not the modal slot', () => {
    const state = { ...base().state, auto: [now - 3, now - 2, now - 1] }
    const m = tour('m', { trigger: { url: '/nope' } })
    const ds = run({ flows: [tour('auto', { priority: 1000 })], asks: [{ flow: m, at: now }], state })
    expect(byId(ds)).toMatchObject({ m: { verdict: 'now', manual: true, reason: 'show*()' }, auto: { verdict: 'never' } })
    expect(byId(ds).auto?.reason).toBe('cap perSession 3')
    expect(run({ asks: [{ flow: m, at: now }], screen: { x: true } })[0]).toMatchObject({ verdict: 'later', reason: 'waiting "x"' })
  })

  it('show*() calls respect audience and frequency unless forced', () => {
    const state = { ...base().state, flows: { m: { shownCount: 3, shownAt: now - 10, completedAt: now - 5 } } }
    const m = tour('m', { audience: { segment: 'nope' } })
    expect(run({ asks: [{ flow: m, at: now }], state })[0]).toMatchObject({ verdict: 'never', reason: 'frequency "once"' })
    expect(run({ asks: [{ flow: m, at: now }] })[0]?.reason).toBe('audience {"segment":"nope"}')
    expect(run({ asks: [{ flow: m, at: now, force: true }], state })[0]).toMatchObject({ verdict: 'now', reason: 'show*()' })
    const held = userFor('m', 0.5, true)
    expect(run({ asks: [{ flow: { ...m, holdout: 0.5 }, at: now, force: true }], user: held })[0]?.reason).toBe('holdout 0.5')
  })

  it('a show*() call for a flow also in the list is decided once, as a request', () => {
    const ds = run({ flows: [tour('a', { trigger: { url: '/x' } })], asks: [{ flow: tour('a'), at: now }] })
    expect(ds).toEqual([{ id: 'a', verdict: 'now', manual: true, reason: 'show*()' }])
  })

  it('caps automatic flows per session and per day, counting the ones it shows now', () => {
    const limits = { ...DEFAULT_LIMITS, perSession: 2 }
    const ds = run({ flows: [banner('a'), banner('b'), banner('c')], limits })
    expect(ds.map((d) => d.verdict)).toEqual(['now', 'now', 'never'])
    expect(ds[2]?.reason).toBe('cap perSession 2')
    const day = run({ flows: [banner('a')], state: { ...base().state, auto: [now - 2 * DAY, now - 3 * 3600_000] }, limits: { ...DEFAULT_LIMITS, perDay: 1 } })
    expect(day[0]).toMatchObject({ verdict: 'later', at: now - 3 * 3600_000 + DAY })
  })

  it('keeps automatic surveys apart by the cooldown, but not a show*() call', () => {
    const survey: FlowEnvelope = { id: 's', kind: 'survey', trigger: {} }
    const state = { ...base().state, surveyAt: now - 3 * DAY }
    expect(run({ flows: [survey], state })[0]).toMatchObject({ verdict: 'later', at: now + 11 * DAY })
    expect(run({ flows: [survey], state, limits: { ...DEFAULT_LIMITS, surveyCooldownDays: 2 } })[0]?.verdict).toBe('now')
    expect(run({ asks: [{ flow: survey, at: now }], state })[0]?.verdict).toBe('now')
  })

  it('resumes a flow in progress this visit, outside caps and frequency', () => {
    const flows = [tour('t', { trigger: { url: '/elsewhere' } })]
    const inProgress = { ...base().state, auto: [now - 3, now - 2, now - 1], flows: { t: { shownCount: 1, shownAt: visitStart + 10, step: 2 } } }
    expect(run({ flows, state: inProgress })[0]).toMatchObject({ verdict: 'now', resume: true, reason: 'resume' })
    const finished = { ...inProgress, flows: { t: { shownCount: 1, shownAt: visitStart + 10, dismissedAt: visitStart + 20 } } }
    expect(run({ flows, state: finished })[0]?.verdict).toBe('never')
    const lastVisit = { ...inProgress, flows: { t: { shownCount: 1, shownAt: visitStart - 10 } } }
    expect(run({ flows, state: lastVisit })[0]?.resume).toBeUndefined()
  })

  it('does not read the prototype for ids like "constructor"', () => {
    expect(run({ flows: [tour('constructor'), tour('toString')] }).map((d) => d.reason)).toEqual([
      'trigger {}', 'waiting "constructor"',
    ])
  })

  // Properties over random flows, requests, screens and histories.
  const ids = ['a', 'b', 'c', 'd', 'e']
  const flowArb: fc.Arbitrary<FlowEnvelope> = fc.record(
    {
      id: fc.constantFrom(...ids),
      kind: fc.constantFrom('tour', 'survey', 'checklist', 'announcement' as const),
      style: fc.constantFrom('modal', 'banner', 'slideout', 'hotspot'),
      trigger: fc.record({ url: fc.constantFrom('/home', '/x'), delayMs: fc.constantFrom(0, 1000) }, { requiredKeys: [] }),
      priority: fc.integer({ min: -2, max: 2 }),
      holdout: fc.constantFrom(0, 0.3, 0.9),
      frequency: fc.constantFrom('once', 'until_completed', { everyDays: 1 }),
    },
    { requiredKeys: ['id', 'kind'] },
  ) as fc.Arbitrary<FlowEnvelope>
  const time = fc.integer({ min: now - 3 * DAY, max: now })
  const input: fc.Arbitrary<DecideInput> = fc.record({
    flows: fc.uniqueArray(flowArb, { selector: (f) => f.id, maxLength: 5 }),
    asks: fc.uniqueArray(fc.record({ flow: flowArb, at: time }), { selector: (a) => a.flow.id, maxLength: 2 }),
    user: fc.string({ maxLength: 6 }),
    screen: fc.dictionary(fc.constantFrom(...ids, 'z'), fc.boolean(), { maxKeys: 2 }),
    shown: fc.dictionary(fc.constantFrom(...ids), time, { maxKeys: 3 }),
    auto: fc.array(time, { maxLength: 6 }),
    limits: fc.record({ perSession: fc.nat(3), perDay: fc.nat(5), surveyCooldownDays: fc.nat(20) }),
    surveyAt: fc.option(time, { nil: undefined }),
  }).map(({ shown, auto, surveyAt, ...rest }) => {
    const state = { ...base().state, auto, flows: Object.fromEntries(Object.entries(shown).map(([id, t]) => [id, { shownCount: 1, shownAt: t }])) }
    if (surveyAt !== undefined) Object.assign(state, { surveyAt })
    return { ...base(), ...rest, state }
  })
  const flowOf = (c: DecideInput, d: Decision) => (d.manual ? c.asks.find((a) => a.flow.id === d.id)!.flow : c.flows.find((f) => f.id === d.id)!)

  it('never shows a flow to a held-out user', () => {
    fc.assert(
      fc.property(input, (c) => {
        for (const d of decide(c)) {
          const f = flowOf(c, d)
          if (d.verdict === 'now' && !d.resume && f.holdout) expect(bucket(`${f.id}:${c.user}`)).toBeGreaterThanOrEqual(f.holdout)
        }
      }),
    )
  })

  it('never puts two modal-class widgets on screen', () => {
    fc.assert(
      fc.property(input, (c) => {
        const onScreen = Object.values(c.screen).filter(Boolean).length
        const modalNow = decide(c).filter((d) => d.verdict === 'now' && isModal(flowOf(c, d))).length
        expect(onScreen + modalNow).toBeLessThanOrEqual(Math.max(1, onScreen))
        if (onScreen > 0) expect(modalNow).toBe(0)
      }),
    )
  })

  it('never exceeds the caps with automatic flows, whatever the requests do', () => {
    fc.assert(
      fc.property(input, (c) => {
        const auto = decide(c).filter((d) => d.verdict === 'now' && !d.manual && !d.resume).length
        const inSession = c.state.auto.filter((t) => t >= visitStart).length
        const inDay = c.state.auto.filter((t) => t > now - DAY).length
        expect(auto).toBeLessThanOrEqual(Math.max(0, c.limits.perSession - inSession))
        expect(auto).toBeLessThanOrEqual(Math.max(0, c.limits.perDay - inDay))
      }),
    )
  })

  it('decides every flow and request once, with a reason, a time only for "later", without touching its input', () => {
    fc.assert(
      fc.property(input, (c) => {
        const before = JSON.stringify(c)
        const ds = decide(c)
        expect(JSON.stringify(c)).toBe(before)
        expect(ds.map((d) => d.id).sort()).toEqual([...new Set([...c.asks.map((a) => a.flow.id), ...c.flows.map((f) => f.id)])].sort())
        for (const d of ds) {
          expect(d.reason.length).toBeGreaterThan(0)
          if (d.at !== undefined) expect(d.verdict === 'later' && d.at > now).toBe(true)
        }
        expect(decide(c)).toEqual(ds)
      }),
    )
  })
})
