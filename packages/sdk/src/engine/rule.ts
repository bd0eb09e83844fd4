import type { FlowEnvelope, Rule } from '@cairn/protocol'
import { isObject, own } from './own.ts'
import { DAY } from './state.ts'

/** What audience rules read: the user's traits and what they tracked. */
export type RuleContext = {
  traits: Readonly<Record<string, unknown>>
  /** All-time counts of tracked events by name. */
  events: Readonly<Record<string, number>>
  /** Recent event times by name (for `withinDays`). */
  times: Readonly<Record<string, readonly number[]>>
  now: number
}

/** A trait by name, or by dotted path into nested objects (`plan.name`); only own properties. */
export const traitAt = (traits: Readonly<Record<string, unknown>>, path: string): unknown =>
  Object.hasOwn(traits, path) ? traits[path] : path.split('.').reduce<unknown>((at, k) => (isObject(at) ? own(at, k) : undefined), traits)

/** How many times `name` was tracked: ever, or within the last `days` days. */
export const countEvents = (c: RuleContext, name: string, days?: number): number =>
  days === undefined ? (own(c.events, name) ?? 0) : (own(c.times, name) ?? []).filter((t) => t > c.now - days * DAY && t <= c.now).length

type Leaf = Exclude<Rule, { and: Rule[] } | { or: Rule[] } | { not: Rule }>

function holds(r: Leaf, c: RuleContext): boolean {
  if ('segment' in r) {
    const s = own(c.traits, 'segments')
    return Array.isArray(s) && s.includes(r.segment)
  }
  const [v, w]: any[] = 'event' in r ? [countEvents(c, r.event, r.withinDays), r.count] : [traitAt(c.traits, r.trait), r.value]
  // Order compares like with like: numbers with numbers, strings with strings (ISO dates order as text).
  const ordered = typeof v == typeof w && (typeof v == 'number' || typeof v == 'string')
  return {
    eq: v === w,
    neq: v !== w,
    in: Array.isArray(w) && w.includes(v),
    contains: Array.isArray(v) ? v.includes(w) : typeof v == 'string' && typeof w == 'string' && v.includes(w),
    exists: (v != null) === (w !== false),
    gt: ordered && v > w,
    gte: ordered && v >= w,
    lt: ordered && v < w,
    lte: ordered && v <= w,
  }[r.op]
}

/**
 * Evaluates an audience rule. Returns `undefined` when the user is in the audience, otherwise why not:
 * the smallest part of the rule that failed, as JSON. `and` passes when all parts pass (an empty `and`
 * always does), `or` when one does (an empty `or` never does), `not` when its part fails — which is
 * how suppression is written.
 * @example audienceFails({ not: { trait: 'openTickets', op: 'gt', value: 0 } }, ctx)
 * // '{"not":{"trait":"openTickets","op":"gt","value":0}}'
 */
export function audienceFails(rule: Rule, c: RuleContext): string | undefined {
  if ('and' in rule) return rule.and.map((r) => audienceFails(r, c)).find((why) => why)
  const ok = 'or' in rule ? rule.or.some((r) => !audienceFails(r, c)) : 'not' in rule ? audienceFails(rule.not, c) : holds(rule, c)
  return ok ? undefined : JSON.stringify(rule)
}

/** Names of events that some flow counts within a window, so their times must be kept. */
export function windowedEvents(flows: readonly FlowEnvelope[]): Set<string> {
  const out = new Set<string>()
  // The replacer visits every object in the rules and triggers; those with `withinDays` count an event.
  JSON.stringify(flows.map((f) => [f.audience, f.trigger]), (_, v) => {
    if (v?.withinDays !== undefined) out.add(v.event ?? v.name)
    return v
  })
  return out
}
