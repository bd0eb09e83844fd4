import { expect, it } from 'vitest'
import type { CairnEvent, Flow, SurveyFlow } from '@cairn/protocol'
import { flowSource } from './helpers/app.ts'
import { batch, event } from './helpers/events.ts'
import { storeApp } from './helpers/store-app.ts'
import { describeStores } from './helpers/stores.ts'

const M = 60_000
const T = Date.parse('2026-11-03T09:00:00Z')
const NOW = Date.parse('2026-12-01')
/** One survey of every type whose results need no options; published as `twin-pub`, its answers also sent as `twin-code` (shown from code). */
const QUESTIONS: SurveyFlow['questions'] = [
  { id: 'score', type: 'nps', prompt: 'Recommend us?' },
  { id: 'pmf', type: 'pmf', prompt: 'Could you live without us?' },
  { id: 'sat', type: 'csat', prompt: 'Satisfied?' },
  { id: 'effort', type: 'ces', prompt: 'Easy?' },
  { id: 'stars', type: 'rating', scale: 7, prompt: 'Stars?' },
  { id: 'why', type: 'text', prompt: 'Why?' },
]
const PUBLISHED: SurveyFlow = { id: 'twin-pub', kind: 'survey', questions: QUESTIONS }
/** Published with a CSAT question, answered by readers shown a code-defined survey that asked it as NPS. */
const REDEFINED: SurveyFlow = { id: 'redefined', kind: 'survey', questions: [{ id: 'score', type: 'csat', prompt: 'Satisfied?' }] }
const FLOWS: Flow[] = [PUBLISHED, REDEFINED]

const answers: [string, unknown][][] = [
  [['score', 10], ['pmf', 'very'], ['sat', 5], ['effort', 2], ['stars', 7], ['why', 'Fast']],
  [['score', 9], ['pmf', 'somewhat'], ['sat', 4], ['effort', 6], ['stars', 6], ['why', 'Nice']],
  [['score', 3], ['pmf', 'not_using'], ['sat', 1], ['effort', 7], ['stars', 2], ['why', 'Slow']],
  [['score', 7], ['pmf', 'very'], ['sat', 3], ['effort', 1], ['stars', 9], ['why', 'Meh']],
]
/** Every reader's sitting of survey `flowId`: shown, each answer with its question's type (and the rating's scale), completed. */
function sittings(flowId: string, typed = true): CairnEvent[] {
  return answers.flatMap((list, i) => {
    const who = { anonymousId: `${flowId}-${i}`, userId: `${flowId}-u${i}` }
    const at = T + i * M * 10
    return [
      event({ type: 'flow_shown', flowId, ...who, ts: at } as never),
      ...list.map(([questionId, answer], j) => {
        const q = QUESTIONS.find((x) => x.id === questionId)!
        return event({
          type: 'survey_answer', flowId, submissionId: `s${i}`, questionId, answer, ...who, ts: at + (j + 1) * 1000,
          ...(typed && { questionType: q.type, ...(q.type === 'rating' && { scale: q.scale }) }), ...(j === list.length - 1 && { final: true }),
        } as never)
      }),
      event({ type: 'flow_completed', flowId, ...who, ts: at + 9000 } as never),
    ]
  })
}

describeStores('survey results for a survey the collector has no definition of', (target) => {
  const suite = storeApp(target, { now: () => NOW, flows: flowSource(FLOWS) }, async (t) => {
    const scoreAsNps = sittings('redefined').filter((e) => e.type !== 'survey_answer' || e.questionId === 'score')
    for (const events of [sittings('twin-pub'), sittings('twin-code'), sittings('untyped', false), scoreAsNps]) {
      expect(await (await t.post(batch(events, { sentAt: NOW }))).json()).toMatchObject({ rejected: [] })
    }
  })
  const results = async (id: string) => {
    const res = await suite.get(`/v1/results/surveys/${id}?from=2026-11-01&to=2026-12-01`)
    expect(res.status).toBe(200)
    return res.json()
  }

  it('types its questions by what the answers carry: the same results as the published twin, but prompts', async () => {
    const [pub, code] = [await results('twin-pub'), await results('twin-code')]
    const unprompted = (body: { surveyId: string; questions: { prompt: unknown }[] }) =>
      ({ ...body, surveyId: undefined, questions: body.questions.map((q) => ({ ...q, prompt: undefined })) })
    expect(unprompted(code)).toEqual(unprompted(pub))
    // Scores 10, 9, 3, 7: 2 promoters, 1 detractor of 4 → 25; PMF: 2 "very" of the 3 still using.
    expect(code.nps).toMatchObject({ score: 25, promoters: 2, passives: 1, detractors: 1, responses: 4 })
    expect(code.pmf).toMatchObject({ share: 2 / 3, veryDisappointed: 2, responses: 3, meetsBar: true })
    expect(code.questions.map((q: { id: string; type: string; prompt: unknown }) => [q.id, q.type, q.prompt])).toEqual([
      ['score', 'nps', null], ['pmf', 'pmf', null], ['sat', 'csat', null], ['effort', 'ces', null], ['stars', 'rating', null], ['why', 'text', null],
    ])
    // The rating's scale came with its answers: 1–7, so the 9 is off the scale and left out.
    expect(code.questions[4]).toMatchObject({ responses: 3, distribution: { 1: 0, 2: 1, 6: 1, 7: 1 } })
    expect(Object.keys(code.questions[4].distribution)).toEqual(['1', '2', '3', '4', '5', '6', '7'])
  })

  it('a published definition wins over the types its answers carry', async () => {
    const body = await results('redefined')
    expect(body.nps).toBeNull()
    // Answered 10, 9, 3, 7 on an NPS scale, read as CSAT 1–5: only the 3 fits.
    expect(body.questions).toEqual([{ id: 'score', type: 'csat', prompt: 'Satisfied?', responses: 1, average: 3, distribution: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 0 }, satisfied: 0 }])
  })

  it('answers from an SDK that sent no types stay untyped', async () => {
    const body = await results('untyped')
    expect(body).toMatchObject({ nps: null, pmf: null, responses: 4 })
    expect(body.questions.map((q: { type: string }) => q.type)).toEqual(Array(6).fill('unknown'))
  })
})
