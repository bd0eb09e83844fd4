import { QUESTION_TYPES, type QuestionType } from '@cairn/protocol'
import type { Asked } from './survey-stats.ts'

/** One answered question as the data names it (`SURVEY_QUESTION_IDS`): its id and its latest typed answer's type and scale. */
export type AnsweredQuestion = { q: string; type: unknown; scale: unknown }

/**
 * The questions of a survey the collector has no definition of, from what its answers carry: each
 * question's type as the SDK sent it (`unknown` from an older SDK or a type it doesn't know), and a
 * rating's scale (5 when none came). Prompts and choice options are not sent, so they stay unknown.
 * @example askedFromAnswers([{ q: 'score', type: 'nps', scale: null }]) // [{ id: 'score', type: 'nps' }]
 */
export function askedFromAnswers(rows: readonly AnsweredQuestion[]): Asked[] {
  return rows.map(({ q, type, scale }) => {
    if (!QUESTION_TYPES.includes(type as QuestionType)) return { id: q, type: 'unknown' }
    const ok = type === 'rating' && Number.isInteger(scale) && (scale as number) >= 2 && (scale as number) <= 10
    return { id: q, type: type as QuestionType, ...(ok && { scale: scale as number }) }
  })
}
