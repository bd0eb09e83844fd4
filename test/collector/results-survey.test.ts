import { expect, it } from 'vitest'
import type { CairnEvent, Flow, SurveyFlow } from '@cairn/protocol'
import { testApp, flowSource } from './helpers/app.ts'
import { batch, event } from './helpers/events.ts'
import { storeApp } from './helpers/store-app.ts'
import { describeStores } from './helpers/stores.ts'

const M = 60_000
const DAY = 864e5
const T = Date.parse('2026-11-03T09:00:00Z')
const NOW = Date.parse('2026-12-01')
const SURVEY: SurveyFlow = {
  id: 'pulse', kind: 'survey',
  questions: [
    { id: 'score', type: 'nps', prompt: 'Recommend us?', next: [{ max: 6, goto: 'missing' }] },
    { id: 'pmf', type: 'pmf', prompt: 'Could you live without us?' },
    { id: 'sat', type: 'csat', prompt: 'Satisfied?' },
    { id: 'use', type: 'multi', prompt: 'What do you use?', other: true, options: [{ id: 'boards', label: 'Boards' }, { id: 'reports', label: 'Reports' }] },
    { id: 'missing', type: 'text', prompt: 'What was missing?' },
    { id: 'love', type: 'text', prompt: 'What do you love?' },
  ],
}
/** A second survey: only passives, and text answers that start like spreadsheet formulas. */
const CALM: SurveyFlow = {
  id: 'calm', kind: 'survey',
  questions: [{ id: 'score', type: 'nps', prompt: 'Recommend us?' }, { id: 'why', type: 'text', prompt: 'Why?' }],
}
const FORMULAS = ['=1+1', '+33 6 12', '-2', '@SUM(A1)', '\tTAB', '\rCR']
const FLOWS: Flow[] = [SURVEY, CALM, { id: 'welcome', kind: 'tour', steps: [{ id: 's', title: 'S' }] }]

type Who = { anonymousId: string; userId?: string }
const answer = (who: Who, submissionId: string, questionId: string, value: unknown, ts: number, more: Record<string, unknown> = {}) =>
  event({ type: 'survey_answer', flowId: 'pulse', submissionId, questionId, answer: value, ...who, ts, ...more } as never)
const flow = (type: string, who: Who, ts: number, more: Record<string, unknown> = {}) => event({ type, flowId: 'pulse', ...who, ts, ...more } as never)

describeStores('GET /v1/results/surveys/:id', (target) => {
  const ana = { anonymousId: 'ana-laptop', userId: 'ana' }
  const anaPhone = { anonymousId: 'ana-phone', userId: 'ana' }
  const bo = { anonymousId: 'bo', userId: 'bo' }
  const cy = { anonymousId: 'cy' }
  const di = { anonymousId: 'di', userId: 'di' }
  const ed = { anonymousId: 'ed', userId: 'ed' }

  const suite = storeApp(target, { now: () => NOW, flows: flowSource(FLOWS) }, async (t) => {
    const retried = answer(bo, 's-bo', 'love', '=HYPERLINK("http://evil.example","click")', T + 3 * M, { final: true })
    const events: CairnEvent[] = [
      // Ana: every question, first on her laptop; she changes her score (the newer answer wins), and
      // a second tab (her phone) sends the last answer under the same submission.
      flow('flow_shown', ana, T), answer(ana, 's-ana', 'score', 7, T + M), answer(ana, 's-ana', 'score', 10, T + 2 * M),
      answer(ana, 's-ana', 'pmf', 'very', T + 3 * M), answer(ana, 's-ana', 'sat', 5, T + 4 * M),
      answer(ana, 's-ana', 'use', ['reports', '_other'], T + 5 * M, { other: 'Timeline, "gantt"' }),
      answer(anaPhone, 's-ana', 'love', 'Fast', T + 6 * M, { final: true }), flow('flow_completed', ana, T + 7 * M),
      // Bo: a promoter whose text is a spreadsheet formula; its event is retried.
      flow('flow_shown', bo, T), answer(bo, 's-bo', 'score', 9, T + M), retried, retried,
      // Cy (anonymous): a detractor who closes it after the first answer: partial.
      flow('flow_shown', cy, T + M), answer(cy, 's-cy', 'score', 3, T + 2 * M), flow('flow_dismissed', cy, T + 3 * M, { stepIndex: 1, reason: 'close' }),
      // Di, a week later: a passive who no longer uses the product; skips the rest (null).
      flow('flow_shown', di, T + 7 * DAY), answer(di, 's-di', 'score', 8, T + 7 * DAY), answer(di, 's-di', 'pmf', 'not_using', T + 7 * DAY + M),
      answer(di, 's-di', 'sat', null, T + 7 * DAY + 2 * M), answer(di, 's-di', 'use', [], T + 7 * DAY + 3 * M),
      // Ed asks to be asked later; and answered long before the period (not counted).
      flow('flow_shown', ed, T), flow('flow_dismissed', ed, T + M, { stepIndex: 0, reason: 'later' }),
      answer(ed, 's-ed-old', 'score', 0, T - 60 * DAY, { final: true }),
      // Junk that must not count: off the scale, an unknown option.
      answer(ed, 's-ed', 'sat', 9, T + 2 * M), answer(ed, 's-ed', 'use', ['timeline'], T + 2 * M),
    ]
    const sent = await t.post(batch(events, { sentAt: NOW }))
    expect(await sent.json()).toMatchObject({ rejected: [], duplicates: 1 })
    // Six passives of the second survey, every other day, each with a text that starts like a formula.
    const calm = FORMULAS.flatMap((text, i) => ['score', 'why'].map((questionId, j) => event({
      type: 'survey_answer', flowId: 'calm', submissionId: `s-calm-${i}`, questionId, answer: j === 0 ? 7 + (i % 2) : text,
      anonymousId: `calm-${i}`, ts: T + 2 * i * DAY + j * M, ...(j === 1 && { final: true }),
    } as never)))
    expect(await (await t.post(batch(calm, { sentAt: NOW }))).json()).toMatchObject({ rejected: [] })
  })

  const get = (path: string, query = 'from=2026-11-01&to=2026-12-01', key = 'sk_test') =>
    suite.get(`/v1/results/surveys/${path}${query ? `?${query}` : ''}`, key)

  it('answers reach, responses, completion, NPS with its margin of error and weekly trend, PMF and every question', async () => {
    const res = await get('pulse')
    expect(res.status).toBe(200)
    const body = await res.json()
    // 5 submissions started in the period (Ana, Bo, Cy, Di, Ed's junk); Ana's and Bo's reached the end.
    expect(body).toMatchObject({
      surveyId: 'pulse', from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z',
      shown: 5, dismissed: 1, askedLater: 1, responses: 5, completed: 2, completionRate: 0.4,
    })
    // Scores 10, 9, 3, 8: p = .5, d = .25 → 25; variance .75 − .0625 = .6875 → 1.96·√(.6875/4)·100 = 81.2573
    expect(body.nps).toEqual({ score: 25, promoters: 2, passives: 1, detractors: 1, responses: 4, marginOfError: expect.closeTo(81.2573, 3) })
    expect(body.npsTrend).toEqual([
      { week: '2026-11-02', score: expect.closeTo(100 / 3, 9), promoters: 2, passives: 0, detractors: 1, responses: 3, marginOfError: expect.any(Number) },
      { week: '2026-11-09', score: 0, promoters: 0, passives: 1, detractors: 0, responses: 1, marginOfError: 0 },
    ])
    expect(body.pmf).toEqual({ share: 1, veryDisappointed: 1, responses: 1, meetsBar: true })
    const q = Object.fromEntries(body.questions.map((x: { id: string }) => [x.id, x]))
    expect(q.score).toMatchObject({ type: 'nps', prompt: 'Recommend us?', responses: 4, distribution: { 3: 1, 8: 1, 9: 1, 10: 1, 0: 0 } })
    expect(q.pmf).toMatchObject({ responses: 2, counts: { very: 1, somewhat: 0, not: 0, not_using: 1 } })
    expect(q.sat).toEqual({ id: 'sat', type: 'csat', prompt: 'Satisfied?', responses: 1, average: 5, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 1 }, satisfied: 1 })
    expect(q.use).toMatchObject({
      responses: 2, counts: { boards: 0, reports: 1, _other: 1 }, other: 1,
      texts: { items: [{ submissionId: 's-ana', text: 'Timeline, "gantt"', at: T + 5 * M }], next: null },
    })
    expect(q.missing).toEqual({ id: 'missing', type: 'text', prompt: 'What was missing?', responses: 0, texts: { items: [], next: null } })
    expect(q.love.texts.items.map((i: { text: string }) => i.text)).toEqual(['Fast', '=HYPERLINK("http://evil.example","click")'])
  })

  it('pages text answers, newest first, with a cursor', async () => {
    const first = await (await get('pulse', 'from=2026-11-01&to=2026-12-01&limit=1')).json()
    const love = first.questions.find((x: { id: string }) => x.id === 'love')
    expect(love.texts.items.map((i: { submissionId: string }) => i.submissionId)).toEqual(['s-ana'])
    expect(love.texts.next).toEqual(expect.any(String))
    const next = await get('pulse/answers/love', `from=2026-11-01&to=2026-12-01&limit=1&cursor=${love.texts.next}`)
    expect(await next.json()).toEqual({
      surveyId: 'pulse', questionId: 'love', from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z',
      items: [{ submissionId: 's-bo', text: '=HYPERLINK("http://evil.example","click")', at: T + 3 * M }], next: null,
    })
    const other = await (await get('pulse/answers/use')).json()
    expect(other.items.map((i: { text: string }) => i.text)).toEqual(['Timeline, "gantt"'])
    expect((await get('pulse/answers/score')).status).toBe(404)
    expect((await get('pulse/answers/love', 'cursor=nope')).status).toBe(400)
  })

  it('exports one CSV row per submission, formulas neutralized', async () => {
    const res = await get('pulse.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="pulse.csv"')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes).split('\r\n')
    expect(lines[0]).toBe('submission_id,started_at,completed,user_id,anonymous_id,score,pmf,sat,use,use_other,missing,love')
    expect(lines.slice(1, -1)).toEqual([
      `s-bo,2026-11-03T09:01:00.000Z,true,bo,bo,9,,,,,,"'=HYPERLINK(""http://evil.example"",""click"")"`,
      // Ana's first answer was replaced at 09:02: a submission starts at its earliest answer kept.
      `s-ana,2026-11-03T09:02:00.000Z,true,ana,ana-laptop,10,very,5,reports; _other,"Timeline, ""gantt""",,Fast`,
      's-cy,2026-11-03T09:02:00.000Z,false,,cy,3,,,,,,',
      's-ed,2026-11-03T09:02:00.000Z,false,ed,ed,,,9,timeline,,,',
      's-di,2026-11-10T09:00:00.000Z,false,di,di,8,not_using,,,,,',
    ])
    expect(lines.at(-1)).toBe('')
  })

  it('no responses in the period: the NPS and PMF contract objects with nulls and zeros, no trend', async () => {
    const body = await (await get('pulse', 'from=2027-01-01&to=2027-02-01')).json()
    expect(body).toMatchObject({ shown: 0, dismissed: 0, askedLater: 0, responses: 0, completed: 0, completionRate: null, npsTrend: [] })
    expect(body.nps).toEqual({ score: null, promoters: 0, passives: 0, detractors: 0, responses: 0, marginOfError: null })
    expect(body.pmf).toEqual({ share: null, veryDisappointed: 0, responses: 0, meetsBar: false })
  })

  it('all passives: NPS 0 with no margin, every week too', async () => {
    const body = await (await get('calm')).json()
    expect(body).toMatchObject({ responses: 6, completed: 6, completionRate: 1, pmf: null })
    expect(body.nps).toEqual({ score: 0, promoters: 0, passives: 6, detractors: 0, responses: 6, marginOfError: 0 })
    // Tuesday 3, 5 and 7 November in the week of Monday 2 November; 9, 11 and 13 in the next.
    expect(body.npsTrend).toEqual([
      { week: '2026-11-02', score: 0, promoters: 0, passives: 3, detractors: 0, responses: 3, marginOfError: 0 },
      { week: '2026-11-09', score: 0, promoters: 0, passives: 3, detractors: 0, responses: 3, marginOfError: 0 },
    ])
  })

  it('the export neutralizes every formula start: = + - @ tab CR', async () => {
    const text = await (await get('calm.csv')).text()
    const rows = text.slice(1).split(/\r\n(?=s-calm|$)/).slice(1, -1)
    expect(rows.map((row) => row.split(',').slice(-1)[0])).toEqual(["'=1+1", "'+33 6 12", "'-2", "'@SUM(A1)", "'\tTAB", `"'\rCR"`])
  })

  it('streams a long export batch by batch, every submission once, in start order', async () => {
    const many = Array.from({ length: 1100 }, (_, i) =>
      event({ type: 'survey_answer', flowId: 'big', submissionId: `s${String(i).padStart(4, '0')}`, questionId: 'score', answer: i % 11, anonymousId: `a${i}`, ts: T + Math.floor(i / 3) } as never))
    for (let i = 0; i < many.length; i += 500) await suite.t.post(batch(many.slice(i, i + 500), { sentAt: NOW }))
    const text = await (await get('big.csv')).text()
    const ids = text.split('\r\n').slice(1, -1).map((line) => line.split(',')[0])
    expect(ids).toHaveLength(1100)
    expect(ids).toEqual([...ids].sort())
  }, 60_000)

  it('a survey no longer published still answers with what its data holds', async () => {
    const gone = testApp({ storage: suite.storage, now: () => NOW, flows: flowSource([]) })
    const res = await gone.app.request('/v1/results/surveys/pulse?from=2026-11-01&to=2026-12-01', { headers: { authorization: 'Bearer sk_test' } })
    const body = await res.json()
    expect(body).toMatchObject({ responses: 5, nps: null, pmf: null })
    expect(body.questions.find((x: { id: string }) => x.id === 'score')).toMatchObject({ type: 'unknown', counts: { 3: 1, 8: 1, 9: 1, 10: 1 } })
  })

  it.each([
    ['another kind of flow', 'welcome', '', 404, 'not_found'],
    ['an unknown survey', 'nope', '', 404, 'not_found'],
    ['an unknown survey as CSV', 'nope.csv', '', 404, 'not_found'],
    ['a bad period', 'pulse', 'from=yesterday', 400, 'invalid_period'],
    ['a bad page size', 'pulse', 'limit=1000', 400, 'invalid_query'],
  ])('%s (%s)', async (_, path, query, status, error) => {
    const res = await get(path, query)
    expect(res.status).toBe(status)
    expect(await res.json()).toMatchObject({ error })
  })

  it('needs the secret key', async () => {
    for (const path of ['pulse', 'pulse.csv', 'pulse/answers/love']) {
      const res = await get(path, '', 'pk_test')
      expect(res.status).toBe(401)
      expect(await res.json()).toMatchObject({ error: 'secret_key_required' })
    }
  })

  it('"ask me later" is not a dismissal in the user state; the latest submission id is', async () => {
    const state = await (await suite.t.app.request('/v1/users/ed/state?key=sk_test')).json()
    expect(state.flows.pulse.dismissedAt).toBeUndefined()
    expect(state.flows.pulse).toMatchObject({ submissionId: 's-ed' })
  })
})
