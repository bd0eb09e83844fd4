import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { check, eventSchema, uuidv7, uuidv7Time, UUID_V7 } from '@cairn/protocol'

const id = uuidv7(Date.UTC(2026, 10, 22), new Uint8Array(10).fill(7))
const base = { id, ts: 1_763_000_000_000, anonymousId: 'anon-1' }

describe('uuidv7', () => {
  it('is a valid v7 carrying its timestamp, for any clock and entropy', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), fc.uint8Array({ minLength: 10, maxLength: 10 }), (ms, bytes) => {
      const made = uuidv7(ms, bytes)
      return UUID_V7.test(made) && uuidv7Time(made) === ms
    }))
  })
  it('sorts by time', () => {
    const a = uuidv7(1000, new Uint8Array(10).fill(255))
    const b = uuidv7(1001, new Uint8Array(10))
    expect(a < b).toBe(true)
  })
})

describe('events', () => {
  it.each([
    ['track', { ...base, type: 'track', name: 'project_created', props: { plan: 'pro', n: 2, tags: ['a'] } }],
    ['identify', { ...base, type: 'identify', userId: 'u1', traits: { firstName: 'Sara' }, hash: 'a'.repeat(64) }],
    ['flow step', { ...base, type: 'flow_step', flowId: 'welcome', stepIndex: 2, stepId: 'export' }],
    ['flow error', { ...base, type: 'flow_error', flowId: 'welcome', stepIndex: 1, reason: 'target_missing' }],
    ['survey answer', { ...base, type: 'survey_answer', flowId: 'nps', submissionId: 's1', questionId: 'score', answer: 9 }],
    ['multi answer', { ...base, type: 'survey_answer', flowId: 'f', submissionId: 's1', questionId: 'q', answer: ['a', 'b'], other: 'x' }],
    ['milestone', { ...base, type: 'milestone', name: 'created_first_project' }],
  ])('accepts a %s event', (_, event) => {
    expect(check(eventSchema, event).ok).toBe(true)
  })

  it.each([
    ['a v4 id', { ...base, id: '9b2f6a1e-2c1d-4f3a-9b1c-1a2b3c4d5e6f', type: 'track', name: 'x' }, '$.id'],
    ['a missing name', { ...base, type: 'track' }, '$.name'],
    ['an unknown type', { ...base, type: 'page' }, '$.type'],
    ['identify without user', { ...base, type: 'identify' }, '$.userId'],
    ['a negative ts', { ...base, ts: -1, type: 'track', name: 'x' }, '$.ts'],
    ['a non-JSON prop', { ...base, type: 'track', name: 'x', props: { n: Infinity } }, '$.props'],
    ['deep props', { ...base, type: 'track', name: 'x', props: { a: [[[[[[[1]]]]]]] } }, '$.props'],
    ['a huge string', { ...base, type: 'track', name: 'x', props: { s: 'x'.repeat(9000) } }, '$.props'],
    ['an extra field', { ...base, type: 'track', name: 'x', secret: 1 }, '$.secret'],
  ])('rejects %s', (_, event, path) => {
    const result = check(eventSchema, event)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0]?.path).toBe(path)
  })

  it('never throws on garbage', () => {
    fc.assert(fc.property(fc.anything(), (input) => {
      check(eventSchema, input)
    }))
  })
})
