import { describe, expect, it } from 'vitest'
import { project } from '../../packages/collector/src/storage/projections.ts'
import { event, newId, track } from './helpers/events.ts'
import type { CairnEvent } from '@cairn/protocol'

const at = (e: CairnEvent, ts: number) => ({ event: e, ts })

describe('project()', () => {
  it('keys every row by actor (anonymous id, user id or "")', () => {
    const p = project([at(track('a'), 5), at(track('a', { userId: 'u' }), 7), at(track('a'), 3)])
    expect(p.actors).toEqual([
      { a: 'anon-1', u: '', first: 3, last: 5 },
      { a: 'anon-1', u: 'u', first: 7, last: 7 },
    ])
    expect(p.counts).toEqual([
      { a: 'anon-1', u: '', n: 'a', c: 2, last: 5 },
      { a: 'anon-1', u: 'u', n: 'a', c: 1, last: 7 },
    ])
  })

  it('links identities at their earliest time and merges traits in time order', () => {
    const p = project([
      at(event({ type: 'identify', userId: 'u', traits: { plan: 'pro', seats: 3 } }), 20),
      at(event({ type: 'identify', userId: 'u', traits: { plan: 'free' } }), 10),
    ])
    expect(p.identities).toEqual([{ a: 'anon-1', u: 'u', at: 10 }])
    expect(p.users).toEqual([{ u: 'u', first: 10, last: 20, traits: { plan: 'pro', seats: 3 }, traitTimes: { plan: 20, seats: 20 } }])
    const proto = project([at(event({ type: 'identify', userId: 'u', traits: JSON.parse('{"__proto__": 1}') }), 1)])
    expect(JSON.stringify(proto.users[0]?.traits)).toBe('{"__proto__":1}')
  })

  it('folds flow lifecycle events: counts, latest times, earliest holdout, step of the latest step event', () => {
    const f = (type: string, ts: number, more: Record<string, unknown> = {}) =>
      at(event({ type, flowId: 'tour', ...more } as never), ts)
    const p = project([
      f('flow_shown', 1), f('flow_shown', 9), f('flow_step', 4, { stepIndex: 3, stepId: 'c' }), f('flow_step', 2, { stepIndex: 5, stepId: 'e' }),
      f('flow_completed', 5), f('flow_dismissed', 6), f('flow_held_out', 8), f('flow_held_out', 7), f('flow_error', 10, { reason: 'target_missing' }),
    ])
    expect(p.flowStates).toEqual([{
      a: 'anon-1', u: '', f: 'tour', shown: 2, shownAt: 9, completedAt: 5, dismissedAt: 6, heldOutAt: 7, step: 3, stepAt: 4,
    }])
    expect(p.flowSteps.map((s) => [s.s, s.at])).toEqual([['e', 2], ['c', 4]])
  })

  it('keeps the newest answer per question of a submission, and the earliest milestone', () => {
    const answer = (value: number, ts: number) =>
      at(event({ type: 'survey_answer', flowId: 'nps', submissionId: 's', questionId: 'score', answer: value }), ts)
    const p = project([answer(3, 2), answer(9, 5), answer(1, 4), at(event({ type: 'milestone', name: 'aha' }), 8), at(event({ type: 'milestone', name: 'aha' }), 6)])
    expect(p.answers).toMatchObject([{ f: 'nps', sub: 's', q: 'score', answer: 9, at: 5, final: false, other: null }])
    expect(p.milestones).toEqual([{ a: 'anon-1', u: '', n: 'aha', at: 6 }])
  })

  it('breaks ties of one millisecond the same way in any order: the highest step, the answer with the greatest event id', () => {
    // A headless tour reports step 1, step 2 and complete in one millisecond; after a crash the
    // batches holding them can arrive in any order.
    const step = (stepIndex: number) => at(event({ type: 'flow_step', flowId: 'tour', stepIndex, stepId: `s${stepIndex}` }), 7)
    const answer = (value: number, id: string) =>
      at(event({ type: 'survey_answer', flowId: 'nps', submissionId: 's', questionId: 'score', answer: value, id }), 7)
    const events = [step(1), step(2), step(0), answer(4, newId(7)), answer(8, newId(7))]
    const winner = events.slice(3).reduce((a, b) => (a.event.id > b.event.id ? a : b)).event as { answer: number }
    for (const order of [events, [...events].reverse(), [events[1]!, events[4]!, events[0]!, events[3]!, events[2]!]]) {
      const p = project(order)
      expect(p.flowStates).toMatchObject([{ step: 2, stepAt: 7 }])
      expect(p.answers).toMatchObject([{ answer: winner.answer, at: 7 }])
    }
  })
})
