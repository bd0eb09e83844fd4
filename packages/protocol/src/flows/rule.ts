import * as v from 'valibot'
import { LIMITS } from '../limits.ts'

/** Comparison operators for trait rules. */
export const TRAIT_OPS = ['eq', 'neq', 'in', 'contains', 'gt', 'gte', 'lt', 'lte', 'exists'] as const
/** Comparison operators for event-count rules. */
export const COUNT_OPS = ['eq', 'gt', 'gte', 'lt', 'lte'] as const

const scalar = v.union([v.string(), v.number(), v.boolean(), v.null()])

/**
 * An audience rule. Trait rules read `user.traits` (dotted paths allowed: `plan.name`); event rules
 * count tracked events (optionally within the last N days); `segment` is membership in the trait
 * `segments` (an array of names). Combine with `and`, `or`, `not` — suppression is `not`, e.g.
 * `{ "not": { "trait": "openTickets", "op": "gt", "value": 0 } }`.
 */
export type Rule =
  | { and: Rule[] }
  | { or: Rule[] }
  | { not: Rule }
  | { trait: string; op: (typeof TRAIT_OPS)[number]; value?: string | number | boolean | null | (string | number)[] | undefined }
  | { event: string; op: (typeof COUNT_OPS)[number]; count: number; withinDays?: number | undefined }
  | { segment: string }

export const ruleSchema: v.GenericSchema<Rule> = v.union([
  v.strictObject({ and: v.pipe(v.array(v.lazy(() => ruleSchema)), v.maxLength(50)) }),
  v.strictObject({ or: v.pipe(v.array(v.lazy(() => ruleSchema)), v.maxLength(50)) }),
  v.strictObject({ not: v.lazy(() => ruleSchema) }),
  v.strictObject({
    trait: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name)),
    op: v.picklist(TRAIT_OPS),
    value: v.optional(v.union([scalar, v.pipe(v.array(v.union([v.string(), v.number()])), v.maxLength(500))])),
  }),
  v.strictObject({
    event: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name)),
    op: v.picklist(COUNT_OPS),
    count: v.pipe(v.number(), v.integer(), v.minValue(0)),
    withinDays: v.optional(v.pipe(v.number(), v.minValue(0))),
  }),
  v.strictObject({ segment: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name)) }),
])
