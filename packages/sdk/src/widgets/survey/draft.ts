import type { Answer, Question } from '@cairn/protocol'
import { OTHER } from './scales.ts'

/** What the reader has entered for one question, before it is sent. */
export type Draft = { value?: Answer | undefined; other?: string | undefined }

/** The answer a draft stands for: a number, a choice id, choice ids, text, or `null` when skipped. */
export function toAnswer(q: Question, d: Draft | undefined): Answer {
  const v = d?.value
  if (q.type == 'text') return typeof v == 'string' && v.trim() ? v.trim() : null
  return Array.isArray(v) ? (v.length ? v : null) : v ?? null
}

/** The "Other" text to send with a choice answer, if "Other" is chosen and something was typed. */
export function otherText(d: Draft | undefined): string | undefined {
  const v = d?.value
  const text = d?.other?.trim()
  return text && (v === OTHER || (Array.isArray(v) && v.includes(OTHER))) ? text : undefined
}

/** Drafts restored from answers already sent (a survey resumed after a reload). */
export function draftsOf(answers: Readonly<Record<string, Answer>> | undefined): Record<string, Draft> {
  const out: Record<string, Draft> = {}
  for (const id in answers) out[id] = { value: answers[id] }
  return out
}
