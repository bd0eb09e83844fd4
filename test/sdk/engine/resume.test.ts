import type { FlowEnvelope, FlowState } from '@cairn/protocol'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { VISIT_GAP, mergeFlow, resumes } from '../../../packages/sdk/src/engine/index.ts'

const tour = { id: 'welcome', kind: 'tour', trigger: {} } as FlowEnvelope
const survey = { id: 'nps', kind: 'survey', trigger: {} } as FlowEnvelope
const now = 1_000_000_000
/** This device's visit began a minute ago; the tour was shown on another device before that. */
const visitStart = now - 60_000
const before = visitStart - 600_000

describe('resumes: a flow in progress, on this device or another', () => {
  it.each<[string, FlowEnvelope, FlowState | undefined, boolean]>([
    ['never shown', tour, undefined, false],
    ['shown in this visit', tour, { shownCount: 1, shownAt: visitStart + 5 }, true],
    ['shown in this visit, then completed', tour, { shownCount: 1, shownAt: visitStart + 5, completedAt: visitStart + 9 }, false],
    ['shown in this visit, then dismissed', tour, { shownCount: 1, shownAt: visitStart + 5, dismissedAt: visitStart + 9 }, false],
    ['shown in this visit, then put off', survey, { shownCount: 1, shownAt: visitStart + 5, laterAt: visitStart + 9 }, false],
    ['shown again after an old completion', tour, { shownCount: 2, shownAt: visitStart + 5, completedAt: before }, true],
    ['stepped on another device 10 minutes ago', tour, { shownCount: 1, shownAt: before, step: 2, stepAt: before + 1000 }, true],
    ['stepped elsewhere a moment under the window ago', tour, { shownCount: 1, shownAt: now - 2 * VISIT_GAP, step: 2, stepAt: now - VISIT_GAP + 1 }, true],
    ['stepped elsewhere exactly the window ago', tour, { shownCount: 1, shownAt: now - 2 * VISIT_GAP, step: 2, stepAt: now - VISIT_GAP }, false],
    ['stepped elsewhere, then completed there', tour, { shownCount: 1, shownAt: before, step: 4, stepAt: before + 1, completedAt: before + 2 }, false],
    ['stepped elsewhere, then dismissed there', tour, { shownCount: 1, shownAt: before, step: 1, stepAt: before + 1, dismissedAt: before + 2 }, false],
    ['shown elsewhere, never stepped', tour, { shownCount: 1, shownAt: before }, false],
    ['restarted elsewhere, its old step older than the showing', tour, { shownCount: 2, shownAt: before + 5, step: 3, stepAt: before }, false],
    ['a survey stepped on another device', survey, { shownCount: 1, shownAt: before, step: 1, stepAt: before + 1 }, false],
  ])('%s → %s', (_, flow, state, expected) => {
    expect(resumes(flow, state, now, visitStart)).toBe(expected)
  })
})

const time = fc.integer({ min: 0, max: 4 * VISIT_GAP })
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })
const flowState: fc.Arbitrary<FlowState> = fc
  .record({
    shownCount: fc.nat(3), shownAt: opt(time), completedAt: opt(time), dismissedAt: opt(time), laterAt: opt(time),
    step: opt(fc.nat(5)), stepAt: opt(time),
  })
  .map((s) => JSON.parse(JSON.stringify(s)) as FlowState)
const moment = fc.record({ visitStart: time, after: fc.integer({ min: 0, max: 2 * VISIT_GAP }) }).map(({ visitStart, after }) => ({ visitStart, now: visitStart + after }))

describe('resumes (properties)', () => {
  it('never resumes a tour completed or dismissed since its latest showing', () => {
    fc.assert(fc.property(flowState, moment, (s, m) => {
      const finished = [s.completedAt, s.dismissedAt].some((t) => t !== undefined && s.shownAt !== undefined && t >= s.shownAt)
      if (finished) expect(resumes(tour, s, m.now, m.visitStart)).toBe(false)
    }))
  })

  it('is idempotent: syncing the state with itself, or resuming it again, gives the same answer and step', () => {
    fc.assert(fc.property(flowState, moment, (s, m) => {
      const again = mergeFlow(s, s)
      expect(resumes(tour, again, m.now, m.visitStart)).toBe(resumes(tour, s, m.now, m.visitStart))
      expect(again.step).toBe(s.step)
    }))
  })

  it('both devices agree: the same answer and step whichever way their states are merged', () => {
    fc.assert(fc.property(flowState, flowState, moment, (a, b, m) => {
      const [ab, ba] = [mergeFlow(a, b), mergeFlow(b, a)]
      expect(resumes(tour, ab, m.now, m.visitStart)).toBe(resumes(tour, ba, m.now, m.visitStart))
      expect(ab.step).toBe(ba.step)
    }))
  })

  it('a completion or dismissal from either device stops the resume once merged', () => {
    fc.assert(fc.property(flowState, flowState, moment, (a, b, m) => {
      const merged = mergeFlow(a, b)
      const shown = merged.shownAt
      const endedLast = [b.completedAt, b.dismissedAt].some((t) => t !== undefined && shown !== undefined && t >= shown)
      if (endedLast) expect(resumes(tour, merged, m.now, m.visitStart)).toBe(false)
    }))
  })

  it('a step from another device resumes only while it is recent (within the visit gap)', () => {
    fc.assert(fc.property(flowState, moment, (s, m) => {
      const elsewhere = s.shownAt === undefined || s.shownAt < m.visitStart
      if (elsewhere && (s.stepAt === undefined || m.now - s.stepAt >= VISIT_GAP)) expect(resumes(tour, s, m.now, m.visitStart)).toBe(false)
    }))
  })
})

describe('mergeFlow: within the latest showing, the newer step wins, whichever device took it', () => {
  it.each<[string, FlowState, FlowState, number | undefined, number | undefined]>([
    ['the newer step, even when it went back', { shownCount: 1, shownAt: 5, step: 3, stepAt: 20 }, { shownCount: 1, shownAt: 5, step: 2, stepAt: 30 }, 2, 30],
    ['a step with a time over one stored without (older SDK)', { shownCount: 1, shownAt: 5, step: 5 }, { shownCount: 1, shownAt: 5, step: 1, stepAt: 6 }, 1, 6],
    ['the same millisecond: the further step', { shownCount: 1, shownAt: 5, step: 1, stepAt: 7 }, { shownCount: 1, shownAt: 5, step: 2, stepAt: 7 }, 2, 7],
    ['a restart: the latest showing, not yet stepped, drops the old step', { shownCount: 1, shownAt: 5, step: 4, stepAt: 40 }, { shownCount: 2, shownAt: 20 }, undefined, undefined],
    ['a restart stepped: its step, though an older showing stepped later', { shownCount: 1, shownAt: 5, step: 4, stepAt: 40 }, { shownCount: 2, shownAt: 20, step: 1, stepAt: 30 }, 1, 30],
    ['no times at all: the latest showing, as before', { shownCount: 1, shownAt: 10, step: 4 }, { shownCount: 2, shownAt: 20, step: 1 }, 1, undefined],
  ])('%s', (_, a, b, step, stepAt) => {
    for (const merged of [mergeFlow(a, b), mergeFlow(b, a)]) {
      expect(merged.step).toBe(step)
      expect(merged.stepAt).toBe(stepAt)
    }
  })

  it('takes the step of the newest step time within one showing (property)', () => {
    fc.assert(fc.property(flowState, flowState, (a, rest) => {
      const b = { ...rest, ...(a.shownAt !== undefined && { shownAt: a.shownAt }) }
      if (a.shownAt === undefined) delete b.shownAt
      fc.pre(a.stepAt !== undefined && b.stepAt !== undefined && a.stepAt !== b.stepAt)
      const newer = a.stepAt! > b.stepAt! ? a : b
      expect([mergeFlow(a, b).step, mergeFlow(a, b).stepAt]).toEqual([newer.step, newer.stepAt])
    }))
  })

  it('keeps the step and its time together, from the latest showing (property)', () => {
    fc.assert(fc.property(flowState, flowState, (a, b) => {
      const m = mergeFlow(a, b)
      // Both sides may hold the same step and time: either may be where it came from.
      const from = [a, b].filter((s) => s.step === m.step && s.stepAt === m.stepAt)
      expect(from).not.toEqual([])
      if ((a.shownAt ?? -1) !== (b.shownAt ?? -1)) expect(from.map((s) => s.shownAt)).toContain(m.shownAt)
    }), { examples: [[{ shownCount: 0, step: 2 }, { shownCount: 0, shownAt: 0, step: 2 }]] })
  })

  it('is associative for the step and its time (property)', () => {
    fc.assert(fc.property(flowState, flowState, flowState, (a, b, c) => {
      const left = mergeFlow(mergeFlow(a, b), c)
      const right = mergeFlow(a, mergeFlow(b, c))
      expect([left.step, left.stepAt]).toEqual([right.step, right.stepAt])
    }))
  })
})
