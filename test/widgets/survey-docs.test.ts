import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { check, describe as describeProblems, flowSchema, type Flow } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { checkSurvey } from '../../packages/sdk/src/widgets/survey/check.ts'
import { nps } from '../../packages/collector/src/results/survey-nps.ts'

const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8')
const start = readme.indexOf('\n## Surveys')
const end = readme.indexOf('\n## ', start + 1)
const section = readme.slice(start, end < 0 ? undefined : end)
const json = [...section.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => m[1]!)

describe('the README’s Surveys section', () => {
  it('shows a survey that the protocol and the survey widget both accept', () => {
    const flow = JSON.parse(json[0]!) as Flow
    expect(flow.kind).toBe('survey')
    const result = check(flowSchema, flow)
    expect(result.ok ? '' : describeProblems(result.problems)).toBe('')
    expect(checkSurvey(flow)).toBeUndefined()
  })

  it('shows results the NPS math gives, with the contract\'s fields', () => {
    const shown = [...section.matchAll(/"score": ([\d.]+), "promoters": (\d+), "passives": (\d+), "detractors": (\d+), "responses": (\d+), "marginOfError": ([\d.]+)/g)]
    expect(shown).toHaveLength(2)
    for (const [, score, promoters, passives, detractors, responses, margin] of shown) {
      const r = nps({ 10: Number(promoters), 8: Number(passives), 0: Number(detractors) })
      expect(r.responses).toBe(Number(responses))
      expect(r.score).toBeCloseTo(Number(score), 3)
      expect(r.marginOfError).toBeCloseTo(Number(margin), 2)
    }
    expect(section).toContain('`{ share, veryDisappointed, responses, meetsBar }`')
  })
})
