import type { FlowEnvelope, Rule } from '@cairn/protocol'
import { own, prop } from './own.ts'
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
export function traitAt(traits: Readonly<Record<string, unknown>>, path: string): unknown {
  if (own(traits, path) !== undefined) return traits[path]
  let at: unknown = traits
  for (const k of path.split('.')) at = prop(at, k)
  return at
}

/** How many times `name` was tracked: ever, or within the last `days` days. */
export const countEvents = (c: RuleContext, name: string, days?: number): number =>
  days === undefined ? (own(c.events, name) ?? 0) : (own(c.times, name) ?? []).filter((t) => t > c.now - days * DAY && t <= c.now).length

/** Compares like with like: numbers with numbers, strings with strings (ISO dates order as text). */
function compare(a: unknown, op: string, b: unknown): boolean {
  if (op === 'eq') return a === b
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false
  const x = a as number
  const y = b as number
  return op === 'gt' ? x > y : op === 'gte' ? x >= y : op === 'lt' ? x < y : x <= y
}

type Leaf = Exclude<Rule, { and: Rule[] } | { or: Rule[] } | { not: Rule }>

/** The value a leaf rule looks at: the trait, the event count, or the `segments` trait. */
const subject = (r: Leaf, c: RuleContext): unknown =>
  'trait' in r ? traitAt(c.traits, r.trait) : 'event' in r ? countEvents(c, r.event, r.withinDays) : own(c.traits, 'segments')

function holds(r: Leaf, c: RuleContext): boolean {
  const v = subject(r, c)
  if ('segment' in r) return Array.isArray(v) && v.includes(r.segment)
  if ('event' in r) return compare(v, r.op, r.count)
  const want = r.value
  switch (r.op) {
    case 'exists':
      return (v !== undefined && v !== null) === (want !== false)
    case 'neq':
      return v !== want
    case 'in':
      return Array.isArray(want) && (want as unknown[]).includes(v)
    case 'contains':
      return Array.isArray(v) ? v.includes(want) : typeof v === 'string' && typeof want === 'string' && v.includes(want)
    default:
      return compare(v, r.op, want)
  }
}

/**
 * Evaluates an audience rule. Returns `undefined` when the user is in the audience, otherwise why not:
 * the smallest part of the rule that failed, with the value it saw. `and` passes when all parts pass
 * (an empty `and` always does), `or` when one does (an empty `or` never does), `not` when its part
 * fails — which is how suppression is written.
 * @example audienceFails({ not: { trait: 'openTickets', op: 'gt', value: 0 } }, ctx)
 * // 'rule {"not":{"trait":"openTickets","op":"gt","value":0}} failed'
 */
export function audienceFails(rule: Rule, c: RuleContext): string | undefined {
  if ('and' in rule) {
    for (const r of rule.and) {
      const why = audienceFails(r, c)
      if (why) return why
    }
    return
  }
  const ok = 'or' in rule ? rule.or.some((r) => !audienceFails(r, c)) : 'not' in rule ? !!audienceFails(rule.not, c) : holds(rule, c)
  if (ok) return
  const seen = 'or' in rule || 'not' in rule ? '' : ` (saw ${JSON.stringify(subject(rule, c)) ?? 'nothing'})`
  return `rule ${JSON.stringify(rule)} failed${seen}`
}

/** Names of events that some flow counts within a window, so their times must be kept. */
export function windowedEvents(flows: readonly FlowEnvelope[]): Set<string> {
  const out = new Set<string>()
  const walk = (r: Rule | undefined): void => {
    if (!r) return
    if ('and' in r) r.and.forEach(walk)
    else if ('or' in r) r.or.forEach(walk)
    else if ('not' in r) walk(r.not)
    else if ('event' in r && r.withinDays !== undefined) out.add(r.event)
  }
  for (const f of flows) {
    walk(f.audience)
    if (f.trigger?.event?.withinDays !== undefined) out.add(f.trigger.event.name)
  }
  return out
}
