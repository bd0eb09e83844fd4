import type { Answer, FlowEnvelope, FlowState, SurveyFlow } from '@cairn/protocol'
import { bucket, inShare } from './bucket.ts'
import { frequencyFails } from './frequency.ts'
import { DAY } from './state.ts'
import { until, type Block } from './trigger.ts'

/**
 * Days before an answered survey may be asked again: its `reaskAfterDays`, else its frequency's
 * `everyDays`, else 90 when it asks for an NPS score; `undefined`: never again.
 * @example reaskDays({ id: 'nps', kind: 'survey', questions: [{ id: 's', type: 'nps', prompt: '…' }] }) // 90
 */
export function reaskDays(f: FlowEnvelope): number | undefined {
  const { reaskAfterDays, frequency, questions } = f as Partial<SurveyFlow>
  const every = (frequency as { everyDays?: number } | undefined)?.everyDays
  return reaskAfterDays ?? every ?? (Array.isArray(questions) && questions.some((q) => q?.type == 'nps') ? 90 : undefined)
}

/**
 * Whether a survey may be asked now, on top of its audience (reason in parentheses):
 * - `sample`: only that share of users is ever asked, the same users on every device (`sample 0.2`);
 * - answered (any answer, even partial, or completed): not again until {@link reaskDays} after the
 *   last answer (`reaskAfterDays 90`), or never (`answered`);
 * - "ask me later": not again in the same visit (`ask me later`), whatever the frequency says;
 * - otherwise the frequency, by default every {@link reaskDays} days (else `once`), counting only
 *   what happened after the last answer, so that a re-ask starts afresh.
 * The global survey cooldown is the attention budget's (`cooldownFails`).
 */
export function surveyFails(f: FlowEnvelope, s: FlowState | undefined, now: number, visitStart: number, user: string): Block | undefined {
  const { sample } = f as Partial<SurveyFlow>
  if (typeof sample == 'number' && !inShare(user, f.id, sample, 'sample:')) return { why: `sample ${sample}` }
  const days = reaskDays(f)
  const answered = Math.max(s?.answeredAt ?? -1, s?.completedAt ?? -1)
  if (answered >= 0) {
    const wait = days === undefined ? { why: 'answered' } : until(answered + days * DAY, now, `reaskAfterDays ${days}`)
    if (wait) return wait
  }
  const after = (t: number | undefined) => (t! > answered ? t : undefined)
  const shownAt = after(s?.shownAt)
  const dismissedAt = after(s?.dismissedAt)
  const laterAt = after(s?.laterAt)
  if (laterAt! >= Math.max(shownAt ?? -1, dismissedAt ?? -1)) return laterAt! >= visitStart ? { why: 'ask me later' } : undefined
  return frequencyFails(f.frequency ?? (days === undefined ? 'once' : { everyDays: days }), { shownCount: 0, shownAt, dismissedAt } as FlowState, now, visitStart)
}

/**
 * The submission a survey's answers go under, and the answers it already has. It is derived, not
 * drawn: from the user, the flow and the user's previous submission, so two tabs (or devices) asking
 * the same question at the same time send their answers under the same id, and the collector keeps
 * one response. A survey resumed in the visit it was answered in keeps its submission.
 * @example submission('user-42', 'nps', undefined, false) // ['1c9w2k1-0x7pq3e-…', {}]
 */
export function submission(user: string, flowId: string, s: FlowState | undefined, resume: boolean): [string, Record<string, Answer>] {
  if (resume && s?.submissionId && s.answeredAt! >= s.shownAt!) return [s.submissionId, { ...s.answers }]
  const key = `${flowId}:${user}:${s?.submissionId ?? ''}`
  // 96 bits: ids only need to be unique per flow, among all its submissions.
  return [[1, 2, 3].map((i) => (bucket(i + key) * 2 ** 32).toString(36)).join('-'), {}]
}
