import { wilson } from './holdout-stats.ts'
import { ratio } from './retention-stats.ts'

/** How soon after their first qualifying event a new user reached the milestone. */
export const BUCKETS = ['same_day', '1_3_days', '4_7_days', 'later_or_never'] as const
export type Bucket = (typeof BUCKETS)[number]

const DAY = 864e5

/**
 * A new user: when they were first active, when they reached the milestone (`null`: not yet) and
 * whether they were active in their week W (days 7W to 7W + 7 after their first activity).
 */
export type ActivationPerson = { first: number; reached: number | null; retained: boolean }

/** One bucket: n users, how many were retained in week W, the share with its Wilson 95% interval. */
export type ActivationBucket = { bucket: Bucket; n: number; retained: number; share: number | null; low: number | null; high: number | null }

/**
 * The bucket of a time to the milestone, in whole days after the first activity: day 0, days 1–3,
 * days 4–7, later or never. A milestone stamped before the first activity (clock skew) is day 0.
 * @example bucketOf(0, 2.5 * 864e5) // '1_3_days'
 */
export function bucketOf(first: number, reached: number | null): Bucket {
  if (reached === null) return 'later_or_never'
  const days = Math.floor(Math.max(0, reached - first) / DAY)
  return days === 0 ? 'same_day' : days <= 3 ? '1_3_days' : days <= 7 ? '4_7_days' : 'later_or_never'
}

/**
 * Week-W retention of new users by how soon they reached the milestone. A correlation: users who
 * reach the aha moment early may be the ones who would have stayed anyway; the holdout comparison
 * of a flow (`/v1/results/holdout/:flowId`) is the causal test. Pure.
 */
export function activationBuckets(people: readonly ActivationPerson[]): ActivationBucket[] {
  return BUCKETS.map((bucket) => {
    const members = people.filter((p) => bucketOf(p.first, p.reached) === bucket)
    const retained = members.filter((p) => p.retained).length
    const interval = wilson(retained, members.length)
    return { bucket, n: members.length, retained, share: ratio(retained, members.length), low: interval?.[0] ?? null, high: interval?.[1] ?? null }
  })
}
