import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { problemProps } from '../../packages/sdk/src/widgets/host/problem.ts'

describe('problemProps: a widget check\'s problem as flow_error props', () => {
  it.each<[unknown, object | undefined]>([
    ['$.steps: must be a non-empty list', { path: '$.steps', message: 'must be a non-empty list' }],
    ['$.steps[2].title: must be text', { path: '$.steps[2].title', message: 'must be text' }],
    ['$.cta: must have a label: and a url', { path: '$.cta', message: 'must have a label: and a url' }],
    ['$: not an object', { path: '$', message: 'not an object' }],
    ['no path here', undefined],
    ['$.x:', undefined],
    [undefined, undefined],
    [new Error('boom'), undefined],
  ])('%j → %j', (problem, props) => {
    expect(problemProps(problem)).toEqual(props)
  })

  it('gives back any path and message it was made of', () => {
    const path = fc.stringMatching(/^\$(\.[a-z]{1,8}(\[\d{1,2}\])?){0,4}$/)
    fc.assert(fc.property(path, fc.string({ minLength: 1 }).filter((m) => m.trim() == m && m.length > 0), (p, m) => {
      expect(problemProps(`${p}: ${m}`)).toEqual({ path: p, message: m })
    }))
  })
})
