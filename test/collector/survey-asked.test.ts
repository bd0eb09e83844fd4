import fc from 'fast-check'
import { QUESTION_TYPES } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { askedFromAnswers } from '../../packages/collector/src/results/survey-asked.ts'

describe('askedFromAnswers: the questions of a survey from what its answers carry', () => {
  it.each<[string, unknown, unknown, object]>([
    ['an NPS question', 'nps', null, { id: 'q', type: 'nps' }],
    ['a PMF question', 'pmf', null, { id: 'q', type: 'pmf' }],
    ['a rating with its scale', 'rating', 7, { id: 'q', type: 'rating', scale: 7 }],
    ['a rating without a scale (5 by default)', 'rating', null, { id: 'q', type: 'rating' }],
    ['a rating with a scale off the range', 'rating', 11, { id: 'q', type: 'rating' }],
    ['a rating with a fractional scale', 'rating', 4.5, { id: 'q', type: 'rating' }],
    ['a scale on another type is ignored', 'csat', 7, { id: 'q', type: 'csat' }],
    ['no type (an older SDK)', null, null, { id: 'q', type: 'unknown' }],
    ['a type this collector does not know', 'essay', null, { id: 'q', type: 'unknown' }],
  ])('%s', (_, type, scale, expected) => {
    expect(askedFromAnswers([{ q: 'q', type, scale }])).toEqual([expected])
  })

  it('one question per row, in order, each typed only with a known type and a rating scale in 2–10', () => {
    const row = fc.record({ q: fc.string({ minLength: 1 }), type: fc.oneof(fc.constantFrom(...QUESTION_TYPES), fc.string(), fc.constant(null)), scale: fc.oneof(fc.integer({ min: -3, max: 14 }), fc.double(), fc.constant(null)) })
    fc.assert(fc.property(fc.array(row), (rows) => {
      const asked = askedFromAnswers(rows)
      expect(asked.map((a) => a.id)).toEqual(rows.map((r) => r.q))
      asked.forEach((a, i) => {
        expect([...QUESTION_TYPES, 'unknown']).toContain(a.type)
        if (a.type !== 'unknown') expect(a.type).toBe(rows[i]!.type)
        if ('scale' in a && a.scale !== undefined) expect(a.type === 'rating' && Number.isInteger(a.scale) && a.scale >= 2 && a.scale <= 10).toBe(true)
      })
    }))
  })
})
