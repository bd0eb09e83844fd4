import fc from 'fast-check'
import type { Answer, Question } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { nextIndex } from '../../packages/sdk/src/widgets/survey/branching.ts'
import { checkSurvey } from '../../packages/sdk/src/widgets/survey/check.ts'
import { otherText, toAnswer } from '../../packages/sdk/src/widgets/survey/draft.ts'
import { scaleOf } from '../../packages/sdk/src/widgets/survey/scales.ts'
import { shuffled } from '../../packages/sdk/src/widgets/survey/shuffle.ts'

const q = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: 'text', prompt: id, ...extra }) as Question
const questions: Question[] = [
  q('score', { type: 'nps', next: [{ min: 0, max: 6, goto: 'missing' }, { min: 9, goto: 'love' }, { max: 8, goto: 'score' }] }),
  q('use', { type: 'multi', options: [{ id: 'a', label: 'A' }], next: [{ in: ['b', '_other'], goto: 'love' }, { in: ['a'], goto: 'end' }] }),
  q('missing', { next: [{ goto: 'end' }] }),
  q('love', { next: [{ goto: 'nowhere' }] }),
]

describe('survey branching', () => {
  it.each<[string, number, Answer | undefined, number]>([
    ['detractor → missing', 0, 3, 2],
    ['0 is a detractor', 0, 0, 2],
    ['6 is a detractor', 0, 6, 2],
    ['passive → next in order (a branch back to itself is skipped)', 0, 7, 1],
    ['promoter → love (max open)', 0, 9, 3],
    ['skipped → next in order', 0, undefined, 1],
    ['null → next in order', 0, null, 1],
    ['a number branch never takes text', 0, '9', 1],
    ['choice in the list → love', 1, ['b'], 3],
    ['"Other" can be branched on', 1, ['_other'], 3],
    ['another choice → end', 1, ['a', 'c'], 4],
    ['single answer in the list', 1, 'a', 4],
    ['no choice matches → next', 1, ['c'], 2],
    ['a branch without conditions always holds → end', 2, 'x', 4],
    ['an unknown goto is skipped', 3, 'x', 4],
  ])('%s', (_, index, answer, to) => {
    expect(nextIndex(questions, index, answer)).toBe(to)
  })

  it('property: always moves forward, at most to the end', () => {
    const answer = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.string(), fc.array(fc.constantFrom('a', 'b', '_other')), fc.constant(null))
    fc.assert(fc.property(fc.integer({ min: 0, max: questions.length - 1 }), answer, (i, a) => {
      const to = nextIndex(questions, i, a)
      expect(to).toBeGreaterThan(i)
      expect(to).toBeLessThanOrEqual(questions.length)
    }))
  })
})

describe('survey answers', () => {
  it.each<[string, Question, unknown, Answer]>([
    ['a score', q('s', { type: 'nps' }), 0, 0],
    ['no score', q('s', { type: 'nps' }), undefined, null],
    ['trimmed text', q('t'), '  hi  ', 'hi'],
    ['blank text', q('t'), '   ', null],
    ['choices', q('m', { type: 'multi' }), ['a'], ['a']],
    ['no choices', q('m', { type: 'multi' }), [], null],
  ])('%s', (_, question, value, answer) => {
    expect(toAnswer(question, { value: value as Answer })).toEqual(answer)
  })

  it('sends "Other" text only with the "Other" choice', () => {
    expect(otherText({ value: '_other', other: ' Timeline ' })).toBe('Timeline')
    expect(otherText({ value: ['a', '_other'], other: 'x' })).toBe('x')
    expect(otherText({ value: 'a', other: 'x' })).toBeUndefined()
    expect(otherText({ value: '_other', other: '  ' })).toBeUndefined()
  })

  it('scales', () => {
    expect(scaleOf(q('n', { type: 'nps' }))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(scaleOf(q('c', { type: 'csat' }))).toEqual([1, 2, 3, 4, 5])
    expect(scaleOf(q('c', { type: 'ces' }))).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(scaleOf(q('r', { type: 'rating' }))).toEqual([1, 2, 3, 4, 5])
    expect(scaleOf(q('r', { type: 'rating', scale: 10 }))).toHaveLength(10)
    expect(scaleOf(q('p', { type: 'pmf' }))).toBeUndefined()
  })
})

describe('shuffled options', () => {
  it('property: a permutation, the same for a reader every time', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string(), { maxLength: 12 }), fc.string(), (ids, reader) => {
      const items = ids.map((id) => ({ id }))
      const once = shuffled(items, reader)
      expect(once.map((i) => i.id).sort()).toEqual([...ids].sort())
      expect(shuffled(items, reader)).toEqual(once)
    }))
  })

  it('gives different readers different orders', () => {
    const items = [...'abcdefgh'].map((id) => ({ id }))
    const orders = new Set(Array.from({ length: 20 }, (_, i) => shuffled(items, `user-${i}`).map((x) => x.id).join('')))
    expect(orders.size).toBeGreaterThan(15)
  })
})

describe('the survey kind check', () => {
  const survey = (questions: unknown) => ({ id: 's', kind: 'survey', questions }) as never
  it.each<[string, unknown, string | undefined]>([
    ['fine', [{ id: 'q', type: 'nps', prompt: '?' }], undefined],
    ['no questions', [], '$.questions: must be a non-empty list'],
    ['no prompt', [{ id: 'q', type: 'nps' }], '$.questions[0].prompt: must be text'],
    ['no id', [{ type: 'nps', prompt: '?' }], '$.questions[0].id: must be text'],
    ['unknown type', [{ id: 'q', type: 'stars', prompt: '?' }], '$.questions[0].type: must be one of nps, pmf, csat, ces, rating, single, multi, text'],
    ['bad scale', [{ id: 'q', type: 'rating', prompt: '?', scale: 11 }], '$.questions[0].scale: must be a whole number from 2 to 10'],
    ['choices without options', [{ id: 'q', type: 'single', prompt: '?' }], '$.questions[0].options: must be a non-empty list'],
    ['an option without a label', [{ id: 'q', type: 'multi', prompt: '?', options: [{ id: 'a', label: 'A' }, { id: 'b' }] }], '$.questions[0].options[1]: must have an id and a label'],
    ['branches that are not a list', [{ id: 'q', type: 'nps', prompt: '?', next: { goto: 'end' } }], '$.questions[0].next: must be a list of branches with a goto'],
    ['a null branch', [{ id: 'q', type: 'nps', prompt: '?', next: [null] }], '$.questions[0].next: must be a list of branches with a goto'],
  ])('%s', (_, qs, problem) => {
    expect(checkSurvey(survey(qs))).toBe(problem)
  })
})
