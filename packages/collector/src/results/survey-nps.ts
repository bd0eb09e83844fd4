/** The `nps` object of survey results (a contract): score −100…100, counts, and the 95% margin of error in points. */
export type Nps = {
  /** % promoters − % detractors; `null` without responses. */
  score: number | null
  promoters: number
  passives: number
  detractors: number
  responses: number
  /** Half-width of the 95% confidence interval of `score`, in points; `null` without responses. */
  marginOfError: number | null
}

/** z for a two-sided 95% interval. */
const Z95 = 1.96

/**
 * Net Promoter Score of answers on the 0–10 scale (`counts[score]` = how many gave it; anything that
 * is not a whole number from 0 to 10 is ignored): 9–10 promoters, 7–8 passives, 0–6 detractors,
 * score = 100 · (promoters − detractors) / responses — a difference of shares, never a ratio. The
 * margin of error treats each answer as +1 / 0 / −1, whose variance is p + d − (p − d)² for shares p
 * of promoters and d of detractors: MoE = 1.96 · √((p + d − (p − d)²) / n) · 100.
 * @example nps({ 10: 5, 8: 3, 2: 2 }) // { score: 30, promoters: 5, passives: 3, detractors: 2, responses: 10, marginOfError: 48.41… }
 */
export function nps(counts: Readonly<Record<number, number>>): Nps {
  let promoters = 0
  let passives = 0
  let detractors = 0
  for (const [key, n] of Object.entries(counts)) {
    const score = Number(key)
    if (!Number.isInteger(score) || score < 0 || score > 10) continue
    if (score >= 9) promoters += n
    else if (score >= 7) passives += n
    else detractors += n
  }
  const responses = promoters + passives + detractors
  if (responses === 0) return { score: null, promoters, passives, detractors, responses, marginOfError: null }
  const p = promoters / responses
  const d = detractors / responses
  return {
    score: 100 * (p - d),
    promoters, passives, detractors, responses,
    // max(0, …): rounding can leave −1e-17 when every answer is on one side.
    marginOfError: Z95 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / responses) * 100,
  }
}
