import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DAY, HISTORY, VISIT_GAP, emptyState, mergeState, readState, recordEvent, touch, type EngineState,
} from '../../../packages/sdk/src/engine/index.ts'

const time = fc.integer({ min: 0, max: 60 * DAY })
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })
const names = fc.constantFrom('a', 'b', 'constructor', '__proto__')
const flowState = fc
  .record({
    shownAt: opt(time), shownCount: fc.nat(4), completedAt: opt(time), dismissedAt: opt(time), heldOutAt: opt(time),
    step: opt(fc.nat(5)), stepAt: opt(time), answeredAt: opt(time), answers: opt(fc.dictionary(fc.constantFrom('q1', 'q2'), fc.nat(10))),
    items: opt(fc.dictionary(names, time)),
  })
  .map((s) => JSON.parse(JSON.stringify(s)))
const times = fc.array(time, { maxLength: 6 }).map((t) => t.sort((x, y) => x - y))
const state: fc.Arbitrary<EngineState> = fc
  .record({
    firstSeen: opt(time), lastSeen: opt(time), visit: opt(fc.record({ start: time, prev: opt(time) })),
    flows: fc.dictionary(fc.constantFrom('welcome', 'nps', 'toString'), flowState),
    milestones: fc.dictionary(names, time), events: fc.dictionary(names, fc.nat(9)), times: fc.dictionary(names, times),
    auto: times, surveyAt: opt(time),
  })
  // As the engine keeps it: the last activity is in the current visit, the one before it earlier.
  .map(({ visit, ...s }) => {
    const lastSeen = visit ? Math.max(s.lastSeen ?? 0, visit.start) : s.lastSeen
    const prev = visit?.prev !== undefined && visit.prev < visit.start ? visit.prev : undefined
    return readState(JSON.parse(JSON.stringify({ ...s, lastSeen, visit: visit && { start: visit.start, prev } })))
  })
/** Compares states as stored (JSON), which is what devices exchange. */
const same = (a: EngineState, b: EngineState) => expect(JSON.parse(JSON.stringify(b))).toEqual(JSON.parse(JSON.stringify(a)))
const withoutVisit = ({ visit: _, ...s }: EngineState) => s as EngineState

describe('mergeState', () => {
  it('is commutative and idempotent: two devices that exchange state agree', () => {
    fc.assert(
      fc.property(state, state, (a, b) => {
        same(mergeState(a, b), mergeState(b, a))
        same(mergeState(a, a), a)
        same(mergeState(mergeState(a, b), b), mergeState(a, b))
      }),
    )
  })

  it('is associative (the visit aside, which is this device’s own), so merge order does not matter', () => {
    fc.assert(
      fc.property(state, state, state, (a, b, c) => {
        same(withoutVisit(mergeState(mergeState(a, b), c)), withoutVisit(mergeState(a, mergeState(b, c))))
      }),
    )
  })

  it('never forgets a completion, dismissal, holdout, milestone or tick, and keeps the latest/earliest times', () => {
    fc.assert(
      fc.property(state, state, (a, b) => {
        const m = mergeState(a, b)
        for (const side of [a, b]) {
          for (const [id, f] of Object.entries(side.flows)) {
            const g = m.flows[id]!
            if (f.completedAt !== undefined) expect(g.completedAt).toBeGreaterThanOrEqual(f.completedAt)
            if (f.dismissedAt !== undefined) expect(g.dismissedAt).toBeGreaterThanOrEqual(f.dismissedAt)
            if (f.shownAt !== undefined) expect(g.shownAt).toBeGreaterThanOrEqual(f.shownAt)
            if (f.heldOutAt !== undefined) expect(g.heldOutAt).toBeLessThanOrEqual(f.heldOutAt)
            expect(g.shownCount).toBeGreaterThanOrEqual(f.shownCount)
            for (const [item, t] of Object.entries(f.items ?? {})) expect(g.items![item]).toBeLessThanOrEqual(t)
          }
          for (const [name, t] of Object.entries(side.milestones)) expect(m.milestones[name]).toBeLessThanOrEqual(t)
          for (const [name, n] of Object.entries(side.events)) expect(m.events[name]).toBeGreaterThanOrEqual(n)
          if (side.firstSeen !== undefined) expect(m.firstSeen).toBeLessThanOrEqual(side.firstSeen)
          if (side.lastSeen !== undefined) expect(m.lastSeen).toBeGreaterThanOrEqual(side.lastSeen)
        }
      }),
    )
  })

  it('takes tour progress from the latest showing, not the highest step', () => {
    const old = { shownCount: 1, shownAt: 10, step: 4 }
    const restarted = { shownCount: 2, shownAt: 20, step: 1 }
    expect(mergeState({ ...emptyState(), flows: { t: old } }, { flows: { t: restarted } }).flows.t?.step).toBe(1)
  })

  it('merges the collector’s user state (which has a userId and no client fields)', () => {
    const local = touch(emptyState(), 5 * DAY)
    const m = mergeState(local, {
      userId: 'u1', firstSeen: DAY, lastSeen: 4 * DAY, flows: { nps: { shownCount: 1, shownAt: 3 * DAY, answeredAt: 3 * DAY, answers: { score: 9 } } },
      milestones: { first_project: 2 * DAY }, events: { export: 7 },
    } as Partial<EngineState>)
    expect(m).not.toHaveProperty('userId')
    expect(m.firstSeen).toBe(DAY)
    expect(m.flows.nps?.answers).toEqual({ score: 9 })
    expect(m.events.export).toBe(7)
    // Activity on another device before this visit counts for inactivity triggers.
    expect(m.visit).toEqual({ start: 5 * DAY, prev: 4 * DAY })
  })

  it('keeps two events of the same millisecond on one side, and one shared event once', () => {
    const a = { ...emptyState(), times: { x: [1, 1, 2] } }
    expect(mergeState(a, { times: { x: [1, 2, 3] } }).times.x).toEqual([1, 1, 2, 3])
  })

  it(`keeps at most ${HISTORY} times per list`, () => {
    const many = Array.from({ length: 150 }, (_, i) => i)
    expect(mergeState({ ...emptyState(), auto: many }, { auto: [500] }).auto).toEqual([...many.slice(-(HISTORY - 1)), 500])
  })
})

describe('readState', () => {
  it.each([undefined, null, 42, 'x', [], { flows: 'nope', events: [1], auto: 'x' }])('turns %j into an empty state', (x) => {
    expect(readState(x)).toEqual(emptyState())
  })

  it('keeps what it can of a damaged state, without throwing', () => {
    const s = readState({ firstSeen: 5, flows: { a: { shownCount: 1, shownAt: 3 } }, events: { x: 2 }, times: { x: [1, 'y', 2] }, auto: 7 })
    expect(JSON.parse(JSON.stringify(s))).toEqual({ firstSeen: 5, flows: { a: { shownCount: 1, shownAt: 3 } }, events: { x: 2 }, milestones: {}, times: { x: [1, 2] }, auto: [] })
  })

  it('round-trips through JSON', () => {
    fc.assert(
      fc.property(state, (s) => {
        same(readState(JSON.parse(JSON.stringify(s))), s)
      }),
    )
  })
})

describe('visits and events', () => {
  it('continues a visit within 30 minutes and starts a new one after, remembering the last activity', () => {
    let s = touch(emptyState(), 1000)
    expect(s.visit).toEqual({ start: 1000 })
    s = touch(s, 1000 + VISIT_GAP - 1)
    expect(s.visit).toEqual({ start: 1000 })
    const last = s.lastSeen!
    s = touch(s, last + VISIT_GAP)
    expect(s.visit).toEqual({ start: last + VISIT_GAP, prev: last })
    expect(s.firstSeen).toBe(1000)
  })

  it('counts events and keeps times only when asked', () => {
    let s = recordEvent(emptyState(), 'login', 5, true)
    s = recordEvent(s, 'login', 5, true)
    s = recordEvent(s, 'click', 6, false)
    expect(s.events).toEqual({ login: 2, click: 1 })
    expect(JSON.parse(JSON.stringify(s.times))).toEqual({ login: [5, 5] })
  })

  it('treats __proto__ and constructor as ordinary names', () => {
    let s = recordEvent(emptyState(), '__proto__', 1, true)
    s = recordEvent(s, 'constructor', 1, false)
    s = mergeState(s, JSON.parse('{"events":{"__proto__":4},"milestones":{"constructor":1}}'))
    expect(s.events['__proto__']).toBe(4)
    expect(s.events['constructor']).toBe(1)
    expect(Object.getPrototypeOf(s.events)).toBe(null)
    expect(s.milestones['constructor']).toBe(1)
  })
})
