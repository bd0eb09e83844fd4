/** Answers on a numeric scale (CSAT, CES, rating): how many, their mean, and how many gave each value. */
export type ScaleStats = {
  responses: number
  /** Mean answer; `null` without responses. */
  average: number | null
  /** Every value of the scale, lowest first, with how many gave it (0 included). */
  distribution: Record<string, number>
}

/** CSAT adds the usual CSAT score: the share answering 4 or 5. */
export type CsatStats = ScaleStats & { satisfied: number | null }

/**
 * Statistics of a 1…`max` scale from `counts[value]`; values off the scale (or not whole numbers)
 * are ignored.
 * @example scaleStats({ 1: 1, 5: 3 }, 5) // { responses: 4, average: 4, distribution: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 3 } }
 */
export function scaleStats(counts: Readonly<Record<number, number>>, max: number): ScaleStats {
  const distribution: Record<string, number> = {}
  let responses = 0
  let sum = 0
  for (let value = 1; value <= max; value++) {
    const n = Object.hasOwn(counts, value) ? (counts[value] as number) : 0
    distribution[value] = n
    responses += n
    sum += n * value
  }
  return { responses, average: responses > 0 ? sum / responses : null, distribution }
}

/** {@link scaleStats} of a 1–5 CSAT question, with the share of 4s and 5s. */
export function csatStats(counts: Readonly<Record<number, number>>): CsatStats {
  const stats = scaleStats(counts, 5)
  const happy = (stats.distribution[4] ?? 0) + (stats.distribution[5] ?? 0)
  return { ...stats, satisfied: stats.responses > 0 ? happy / stats.responses : null }
}
