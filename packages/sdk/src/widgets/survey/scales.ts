import type { Question } from '@cairn/protocol'

/** The id an answer carries for the "Other" choice; option ids start with a letter or digit, so it never clashes. */
export const OTHER = '_other'

/** The answers a numeric question takes, lowest first: NPS 0–10, CSAT 1–5, CES 1–7, rating 1–`scale` (5). */
export function scaleOf(q: Question): number[] | undefined {
  const [low, high] = q.type == 'nps' ? [0, 10] : q.type == 'csat' ? [1, 5] : q.type == 'ces' ? [1, 7] : q.type == 'rating' ? [1, q.scale ?? 5] : []
  return low === undefined ? undefined : Array.from({ length: (high as number) - low + 1 }, (_, i) => low + i)
}
