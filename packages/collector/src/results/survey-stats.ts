import type { Question, QuestionType } from '@cairn/protocol'
import { weekStart } from './milestones-stats.ts'
import { nps, type Nps } from './survey-nps.ts'
import { pmf, type Pmf } from './survey-pmf.ts'
import { csatStats, scaleStats, type ScaleStats } from './survey-scale.ts'

/** The answer id of the "Other" choice (see the survey widget). */
export const OTHER = '_other'
const PMF_ANSWERS = ['very', 'somewhat', 'not', 'not_using']

/** A page of free-text answers, newest first; `next` is the cursor of the following page. */
export type TextPage = { items: { submissionId: string; text: string; at: number }[]; next: string | null }

/** What the database says about one question's answers in the period. */
export type QuestionData = {
  /** Scalar answers (numbers, choice ids) with how many gave each. */
  values: { v: unknown; n: number }[]
  /** Elements of multiple-choice answers with how many chose each. */
  elements: { v: string; n: number }[]
  /** Answers that were not skipped (`null`). */
  answered: number
  /** Answers that came with an "Other" text. */
  other: number
  texts?: TextPage | undefined
}

/**
 * A question as results know it: its published definition, or what its answers say when the collector
 * has none (a survey shown from code, or no longer published): its type and a rating's scale, without
 * prompt or options (`unknown`: the answers came without a type).
 */
export type Asked = Question | { id: string; type: QuestionType | 'unknown'; scale?: number; prompt?: undefined; options?: undefined; other?: undefined }

/** Results of one question: always `id`, `type`, `prompt` and `responses`, then what its type measures. */
export type QuestionStats = { id: string; type: string; prompt: string | null; responses: number } & (
  | { nps: Nps; distribution: Record<string, number> }
  | ScaleStats
  | { pmf: Pmf; counts: Record<string, number> }
  | { counts: Record<string, number>; other?: number; texts?: TextPage }
  | { texts: TextPage }
)

const numbers = (values: QuestionData['values']) => {
  const out: Record<number, number> = {}
  for (const { v, n } of values) if (typeof v === 'number') out[v] = (out[v] ?? 0) + n
  return out
}
const strings = (values: readonly { v: unknown; n: number }[], keep: readonly string[]) => {
  const out: Record<string, number> = Object.fromEntries(keep.map((k) => [k, 0]))
  for (const { v, n } of values) if (typeof v === 'string' && Object.hasOwn(out, v)) out[v] = (out[v] as number) + n
  return out
}

/**
 * The results of one question from its answers: NPS with its 0–10 distribution, CSAT/CES/rating
 * averages and distributions (CSAT with its satisfied share), PMF with its four counts, choice counts
 * per option (with "Other"), text answers paged. Answers that don't fit the question (a 12 on an NPS
 * scale, an unknown option) are left out.
 */
export function questionStats(q: Asked, data: QuestionData): QuestionStats {
  const head = { id: q.id, type: q.type, prompt: q.prompt ?? null }
  switch (q.type) {
    case 'nps': {
      const counts = numbers(data.values)
      const result = nps(counts)
      const distribution = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [String(i), counts[i] ?? 0]))
      return { ...head, responses: result.responses, nps: result, distribution }
    }
    case 'csat':
      return { ...head, ...csatStats(numbers(data.values)) }
    case 'ces':
      return { ...head, ...scaleStats(numbers(data.values), 7) }
    case 'rating':
      return { ...head, ...scaleStats(numbers(data.values), q.scale ?? 5) }
    case 'pmf': {
      const counts = strings(data.values, PMF_ANSWERS)
      const result = pmf(counts)
      return { ...head, responses: result.responses + (counts['not_using'] ?? 0), pmf: result, counts }
    }
    case 'single':
    case 'multi': {
      // Without a definition, the options are those the answers chose.
      const ids = q.options?.map((o) => o.id) ?? [...new Set([...data.values, ...data.elements].map(({ v }) => v).filter((v) => typeof v === 'string'))].sort()
      const counts = strings(q.type === 'multi' ? data.elements : data.values, q.other ? [...ids, OTHER] : ids)
      const responses = q.type === 'multi' ? data.answered : Object.values(counts).reduce((a, b) => a + b, 0)
      return { ...head, responses, counts, ...(q.other && { other: data.other, ...(data.texts && { texts: data.texts }) }) }
    }
    case 'text':
      return { ...head, responses: data.answered, texts: data.texts ?? { items: [], next: null } }
    default: {
      // No definition: every value as given, most frequent first.
      const all = [...data.values, ...data.elements].filter(({ v }) => typeof v === 'number' || typeof v === 'string')
      const counts: Record<string, number> = {}
      for (const { v, n } of all.sort((a, b) => b.n - a.n).slice(0, 100)) counts[String(v)] = (counts[String(v)] ?? 0) + n
      return { ...head, responses: data.answered, counts }
    }
  }
}

/** NPS of one ISO week (starting Monday, UTC). */
export type NpsWeek = Nps & { week: string }

/**
 * The weekly NPS trend: `rows` are (week start, score, how many) for the survey's NPS question, by
 * the week each submission started in. Weeks without answers are left out.
 */
export function npsTrend(rows: readonly { week: number; v: unknown; n: number }[]): NpsWeek[] {
  const weeks = new Map<number, Record<number, number>>()
  for (const { week, v, n } of rows) {
    if (typeof v !== 'number') continue
    const start = weekStart(week)
    const counts = weeks.get(start) ?? {}
    counts[v] = (counts[v] ?? 0) + n
    weeks.set(start, counts)
  }
  return [...weeks.entries()].sort(([a], [b]) => a - b).map(([start, counts]) => ({ week: new Date(start).toISOString().slice(0, 10), ...nps(counts) }))
}
