import type { Flow, SurveyFlow } from '@cairn/protocol'
import type { Storage } from '../storage/storage.ts'
import { queryScoped } from './audience-sql.ts'
import type { Scope } from './audience.ts'
import type { Nps } from './survey-nps.ts'
import type { Pmf } from './survey-pmf.ts'
import { askedFromAnswers, type AnsweredQuestion } from './survey-asked.ts'
import { SURVEY_ANSWERED, SURVEY_ELEMENTS, SURVEY_NPS_WEEKS, SURVEY_QUESTION_IDS, SURVEY_REACH, SURVEY_SUMMARY, SURVEY_VALUES } from './survey-sql.ts'
import { npsTrend, questionStats, type Asked, type NpsWeek, type QuestionData, type QuestionStats } from './survey-stats.ts'
import { textPage } from './survey-texts.ts'

/** The answer of `GET /v1/results/surveys/:id`. */
export type SurveyResults = {
  surveyId: string
  /** The period, as ISO 8601 times (`to` excluded); a submission counts in the period its first answer is in. */
  from: string
  to: string
  /** People shown the survey in the period, who closed it, who chose "ask me later". */
  shown: number
  dismissed: number
  askedLater: number
  /** Submissions (one per sitting, partial ones included) and those answered to the end. */
  responses: number
  completed: number
  /** `completed / responses`; `null` without responses. */
  completionRate: number | null
  /** Of the survey's first NPS question; `null` when it has none. */
  nps: Nps | null
  /** NPS by ISO week (Monday, UTC) the submissions started in. */
  npsTrend: NpsWeek[]
  /** Of the survey's first PMF question; `null` when it has none. */
  pmf: Pmf | null
  questions: QuestionStats[]
}

/**
 * The questions of a survey: its published definition when there is one — it wins over what answers
 * say, whoever defined the survey the reader saw — else those its answers name, typed as they came
 * (`askedFromAnswers`: a survey shown with `showSurvey({ … })`, or no longer published); `undefined`:
 * no such survey.
 */
export async function questionsOf(storage: Storage, flows: readonly Flow[], id: string, params: unknown[]): Promise<Asked[] | undefined> {
  const flow = flows.find((f): f is SurveyFlow => f.id === id && f.kind === 'survey')
  if (flow) return flow.questions
  if (flows.some((f) => f.id === id)) return undefined
  const asked = await storage.query<AnsweredQuestion>(SURVEY_QUESTION_IDS, params.slice(0, 2))
  return asked.length ? askedFromAnswers(asked) : undefined
}

/**
 * A survey's results over a period and audience: reach, responses and completion, NPS with its margin of error
 * and weekly trend, PMF, and per question its statistics and the first page of its free text
 * (`textLimit` per page). `undefined` when the id is neither a published survey nor found in the data.
 */
export async function surveyResults(storage: Storage, projectId: string, flows: readonly Flow[], id: string, scope: Scope, textLimit: number): Promise<SurveyResults | undefined> {
  const params = [projectId, id, scope.from, scope.to]
  const { audience } = scope
  const questions = await questionsOf(storage, flows, id, params)
  if (!questions) return undefined
  const ids = questions.map((q) => q.id)
  const npsQuestion = questions.find((q) => q.type === 'nps')
  const [[summary], [reach], answered, values, elements, weeks] = await Promise.all([
    queryScoped<{ responses: number; completed: number }>(storage, audience, SURVEY_SUMMARY, params),
    queryScoped<{ shown: number; dismissed: number; askedLater: number }>(storage, audience, SURVEY_REACH, params),
    queryScoped<{ q: string; answered: number; other: number }>(storage, audience, SURVEY_ANSWERED, params),
    queryScoped<{ q: string; v: unknown; n: number }>(storage, audience, SURVEY_VALUES, [...params, ids]),
    queryScoped<{ q: string; v: string; n: number }>(storage, audience, SURVEY_ELEMENTS, [...params, ids]),
    npsQuestion ? queryScoped<{ week: number; v: unknown; n: number }>(storage, audience, SURVEY_NPS_WEEKS, [...params, npsQuestion.id]) : [],
  ])
  const stats = await Promise.all(questions.map(async (q) => {
    const free = q.type === 'text' || ((q.type === 'single' || q.type === 'multi') && q.other === true)
    const data: QuestionData = {
      values: values.filter((r) => r.q === q.id),
      elements: elements.filter((r) => r.q === q.id),
      answered: answered.find((r) => r.q === q.id)?.answered ?? 0,
      other: answered.find((r) => r.q === q.id)?.other ?? 0,
      texts: free ? await textPage(storage, projectId, id, scope, { questionId: q.id, other: q.type !== 'text', limit: textLimit }) : undefined,
    }
    return questionStats(q, data)
  }))
  const responses = summary?.responses ?? 0
  const completed = summary?.completed ?? 0
  const npsStats = stats.find((s): s is QuestionStats & { nps: Nps } => 'nps' in s)
  const pmfStats = stats.find((s): s is QuestionStats & { pmf: Pmf } => 'pmf' in s)
  return {
    surveyId: id,
    from: new Date(scope.from).toISOString(),
    to: new Date(scope.to).toISOString(),
    shown: reach?.shown ?? 0,
    dismissed: reach?.dismissed ?? 0,
    askedLater: reach?.askedLater ?? 0,
    responses,
    completed,
    completionRate: responses > 0 ? completed / responses : null,
    nps: npsStats?.nps ?? null,
    npsTrend: npsTrend(weeks),
    pmf: pmfStats?.pmf ?? null,
    questions: stats,
  }
}
