import type { Answer, Question } from '@cairn/protocol'

/**
 * The question after `index` given its answer: the first branch of `next` whose conditions all hold
 * (`min`/`max` for numbers, `in` for choices; a branch without conditions always holds), else the
 * next question in order. Returns an index into `questions`; `questions.length` is the end (the
 * thank-you step). Branches only go forward: one to an earlier or unknown question is skipped, so a
 * definition can never loop.
 * @example nextIndex(questions, 0, 3) // the index of the question the `{ max: 6, goto: 'missing' }` branch names
 */
export function nextIndex(questions: readonly Question[], index: number, answer: Answer | undefined): number {
  for (const b of questions[index]?.next ?? []) {
    const to = b.goto == 'end' ? questions.length : questions.findIndex((q) => q.id == b.goto)
    if (to > index && holds(b, answer)) return to
  }
  return index + 1
}

function holds(b: { min?: number | undefined; max?: number | undefined; in?: string[] | undefined }, a: Answer | undefined): boolean {
  const numeric = b.min !== undefined || b.max !== undefined
  if (numeric && !(typeof a == 'number' && a >= (b.min ?? -Infinity) && a <= (b.max ?? Infinity))) return false
  const ids = b.in
  return !ids || (Array.isArray(a) ? a.some((x) => ids.includes(x)) : typeof a == 'string' && ids.includes(a))
}
