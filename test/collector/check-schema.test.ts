import { describe, expect, it } from 'vitest'
import { checkFlows } from '../../packages/collector/src/check/check-flows.ts'
import { closest } from '../../packages/collector/src/check/closest.ts'

const NOW = Date.parse('2026-12-01T00:00:00Z')
const check = (files: Record<string, string>, context = {}) =>
  checkFlows(Object.entries(files).map(([file, text]) => ({ file, text })), { now: NOW, configured: false, ...context })

/** An NPS survey written as people write them: pretty-printed, one key a line. */
const survey = (type: string, extra = '') => `{
  "id": "nps",
  "kind": "survey",${extra}
  "questions": [
    {
      "id": "score",
      "type": "${type}",
      "prompt": "How likely are you to recommend us?"
    }
  ]
}
`

describe('cairn check: schema problems at their line and column, worded for authors', () => {
  it('a mistyped question type: the file, the line and column of the value, the path, the choices and the closest one', () => {
    const { findings, flows, refused } = check({ 'flows/nps.json': survey('singel') })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ file: 'flows/nps.json', line: 7, column: 15, path: '$.questions[0].type', severity: 'error', suggestion: 'single' })
    expect(findings[0]!.message).toMatch(/^must be one of nps, .*single.* \(got "singel"\)$/)
    expect(flows).toEqual([])
    expect([...refused]).toEqual(['flows/nps.json'])
  })

  it('a mistyped key is reported at the key, with the known key it was meant to be', () => {
    const { findings } = check({ 'nps.json': survey('nps', '\n  "reaskAfterDay": 90,') })
    expect(findings).toEqual([expect.objectContaining({ line: 4, column: 3, path: '$.reaskAfterDay', message: 'unknown key "reaskAfterDay"', suggestion: 'reaskAfterDays' })])
  })

  it('a missing required key is reported at the object that lacks it', () => {
    const { findings } = check({ 'nps.json': '{\n  "kind": "survey",\n  "questions": []\n}' })
    expect(findings).toContainEqual(expect.objectContaining({ line: 1, column: 1, path: '$.id', message: '"id" is required' }))
  })

  it('no suggestion when nothing is close: a wrong value is not a typo of every choice', () => {
    const { findings } = check({ 'nps.json': survey('questionnaire') })
    expect(findings[0]!.suggestion).toBeUndefined()
    expect(findings[0]!.message).toMatch(/^must be one of /)
  })

  it('invalid JSON: where the parser stopped, and the file refused', () => {
    const { findings, refused } = check({ 'broken.json': '{\n  "id": "x",\n  "kind": \n}' })
    expect(findings).toEqual([expect.objectContaining({ file: 'broken.json', line: 4, path: '$', severity: 'error', message: expect.stringMatching(/^not valid JSON/) })])
    expect(refused.has('broken.json')).toBe(true)
  })

  it('a refused file does not keep the others from being served, and findings come sorted by file and line', () => {
    const ok = survey('nps').replace('"nps"', '"ok"')
    const { flows, findings } = check({ 'z.json': survey('singel'), 'a.json': ok, 'm.json': '[' })
    expect(flows.map((f) => f.id)).toEqual(['ok'])
    expect(findings.map((f) => f.file)).toEqual(['m.json', 'z.json'])
  })

  it('a file over 1 MB is refused without being parsed', () => {
    const { findings } = check({ 'huge.json': `{"id":"x","pad":"${'x'.repeat(1024 * 1024)}"}` })
    expect(findings).toEqual([expect.objectContaining({ message: 'the file is larger than 1 MB' })])
  })

  it('"$schema" is allowed for editors and not served to clients', () => {
    const { flows, findings } = check({ 'nps.json': survey('nps', '\n  "$schema": "../schema/flow.json",') })
    expect(findings).toEqual([])
    expect(flows[0]).not.toHaveProperty('$schema')
  })
})

describe('the closest valid value', () => {
  const TYPES = ['nps', 'pmf', 'csat', 'ces', 'rating', 'single', 'multi', 'text']
  it.each([
    ['singel', 'single'],
    ['txet', 'text'],
    ['NPS', 'nps'],
    ['ratings', 'rating'],
    ['csa', 'csat'],
    ['np', 'nps'],
    ['pnm', undefined],
    ['questionnaire', undefined],
    ['', undefined],
  ])('%j → %j', (value, expected) => {
    expect(closest(value, TYPES)).toBe(expected)
  })
})
