import { LIMITS, type Answer, type Question } from '@cairn/protocol'
import { OTHER, scaleOf } from '../widgets/survey/scales.ts'

/** The PMF question's answers (the protocol's PMF_ANSWERS, written out: a protocol value pulls in valibot). */
const PMF = ['very', 'somewhat', 'not', 'not_using']

/**
 * What is wrong with `answer` as an answer to `q`, in words for the debug console, or `undefined`
 * when the survey widget could have sent it: a whole number on the question's scale, one (or, for
 * `multi`, a list of distinct) option ids — `_other` where "Other" is offered — or text; `null` skips
 * a question that is not required.
 * @example answerFails({ id: 's', type: 'nps', prompt: '…' }, 11) // 'a whole number 0–10'
 */
export function answerFails(q: Question, answer: unknown): string | undefined {
  if (answer === null) return q.required ? 'an answer: the question is required' : undefined
  const scale = scaleOf(q)
  if (scale) return scale.includes(answer as number) ? undefined : `a whole number ${scale[0]}–${scale[scale.length - 1]}`
  if (q.type == 'text') {
    const max = Math.min(q.maxLength ?? LIMITS.string, LIMITS.string)
    return typeof answer == 'string' && answer.trim() && answer.length <= max ? undefined : `text of 1–${max} characters`
  }
  const choice = q as Partial<Extract<Question, { type: 'single' }>>
  const ids = q.type == 'pmf' ? PMF : [...(choice.options ?? []).map((o) => o.id), ...(choice.other ? [OTHER] : [])]
  const ok = (x: unknown) => ids.includes(x as string)
  if (q.type != 'multi') return ok(answer) ? undefined : `one of ${JSON.stringify(ids)}`
  const list = answer as Answer[]
  return Array.isArray(list) && list.length && new Set(list).size == list.length && list.every(ok) ? undefined : `a list of distinct ids of ${JSON.stringify(ids)}`
}

/** The answer as the widget sends it: text trimmed. */
export const asSent = (q: Question, answer: Answer): Answer => (q.type == 'text' && typeof answer == 'string' ? answer.trim() : answer)
