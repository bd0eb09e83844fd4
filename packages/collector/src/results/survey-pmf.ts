/** The `pmf` object of survey results (a contract). */
export type Pmf = {
  /** Share (0–1) of "very disappointed" among those who still use the product; `null` without any. */
  share: number | null
  veryDisappointed: number
  /** Answers very / somewhat / not disappointed; "I no longer use it" is left out. */
  responses: number
  /** Whether `share` reaches the 40% bar. */
  meetsBar: boolean
}

/** The product/market-fit bar: 40% "very disappointed" (Sean Ellis). */
export const PMF_BAR = 0.4

/**
 * The product/market-fit score of answers to "How would you feel if you could no longer use it?"
 * (`counts[answer]` for `very`, `somewhat`, `not`, `not_using`): the share answering `very` among those
 * who still use the product — `not_using` and anything else are left out of both numbers.
 * @example pmf({ very: 4, somewhat: 4, not: 2, not_using: 5 }) // { share: 0.4, veryDisappointed: 4, responses: 10, meetsBar: true }
 */
export function pmf(counts: Readonly<Record<string, number>>): Pmf {
  const count = (answer: string) => (Object.hasOwn(counts, answer) ? (counts[answer] as number) : 0)
  const veryDisappointed = count('very')
  const responses = veryDisappointed + count('somewhat') + count('not')
  const share = responses > 0 ? veryDisappointed / responses : null
  return { share, veryDisappointed, responses, meetsBar: share !== null && share >= PMF_BAR }
}
