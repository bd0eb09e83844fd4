import type { Flow } from '@cairn/protocol'
import type { Storage } from '../storage/storage.ts'
import { queryScoped } from './audience-sql.ts'
import type { Scope } from './audience.ts'
import type { Nps } from './survey-nps.ts'
import type { Pmf } from './survey-pmf.ts'
import { SURVEY_VALUES } from './survey-sql.ts'
import { questionStats, type QuestionStats } from './survey-stats.ts'
import { questionsOf } from './survey.ts'

/**
 * A survey's NPS and PMF over a period and audience — those of `surveyResults`, from one read of the two
 * questions' answers instead of all its statistics, texts and trend (what the overview needs).
 * `undefined` when the id is neither a published survey nor found in the data.
 */
export async function surveyHeadline(storage: Storage, projectId: string, flows: readonly Flow[], id: string, scope: Scope): Promise<{ nps: Nps | null; pmf: Pmf | null } | undefined> {
  const params = [projectId, id, scope.from, scope.to]
  const questions = await questionsOf(storage, flows, id, params)
  if (!questions) return undefined
  const scored = questions.filter((q) => q.type === 'nps' || q.type === 'pmf')
  if (!scored.length) return { nps: null, pmf: null }
  const values = await queryScoped<{ q: string; v: unknown; n: number }>(storage, scope.audience, SURVEY_VALUES, [...params, scored.map((q) => q.id)])
  const stats = scored.map((q) => questionStats(q, { values: values.filter((r) => r.q === q.id), elements: [], answered: 0, other: 0, texts: undefined }))
  return {
    nps: stats.find((s): s is QuestionStats & { nps: Nps } => 'nps' in s)?.nps ?? null,
    pmf: stats.find((s): s is QuestionStats & { pmf: Pmf } => 'pmf' in s)?.pmf ?? null,
  }
}
