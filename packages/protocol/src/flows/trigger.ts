import * as v from 'valibot'
import { LIMITS } from '../limits.ts'

const name = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name))
const urlPattern = v.pipe(v.string(), v.minLength(1), v.maxLength(1024))

/**
 * When a flow shows by itself. Every field given must hold (they combine with AND); a flow without a
 * `trigger` is shown only by `sdk.show*()`. URL patterns match the path (and query when the pattern
 * has `?`): `*` is any run of characters but `/`, `**` any run at all, e.g. `/projects/*`.
 */
export const triggerSchema = v.strictObject({
  url: v.optional(v.union([urlPattern, v.pipe(v.array(urlPattern), v.minLength(1), v.maxLength(50))])),
  /** After the named event was tracked `count` times (default 1), optionally within `withinDays`. */
  event: v.optional(v.strictObject({
    name,
    count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    withinDays: v.optional(v.pipe(v.number(), v.minValue(0))),
  })),
  /** Wait this long after the other conditions hold (and the page stays), in milliseconds. */
  delayMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 3600 * 1000))),
  /** At least this many days since the user was first seen. */
  daysSinceFirstSeen: v.optional(v.pipe(v.number(), v.minValue(0))),
  /** The user had no activity for at least this many days before this visit (each product picks its N). */
  inactiveDays: v.optional(v.pipe(v.number(), v.minValue(0))),
  /** After the user reached this activation milestone. */
  milestone: v.optional(name),
})

export type Trigger = v.InferOutput<typeof triggerSchema>
