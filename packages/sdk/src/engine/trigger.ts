import type { Trigger } from '@cairn/protocol'
import { countEvents, type RuleContext } from './rule.ts'
import { own } from './own.ts'
import { DAY } from './state.ts'
import { matchAnyUrl } from '@cairn/protocol'

/**
 * Why something cannot show now; with `at` it can at that time (if nothing else changes); `soon`: what
 * it waits for can happen on this page (an event tracked, a milestone reached).
 */
export type Block = { why: string; at?: number; soon?: boolean }

/** What triggers read, besides what rules read. */
export type TriggerContext = RuleContext & {
  url: string
  milestones: Readonly<Record<string, number>>
  firstSeen?: number | undefined
  /** Last activity before the current visit; absent for a first visit. */
  prevSeen?: number | undefined
  visitStart: number
  /** Since when the trigger's other conditions have held on this page (starts the delay). */
  since?: number | undefined
}

/** Blocked until `at`, if that is still to come. */
export const until = (at: number, now: number, why: string): Block | undefined => (at > now ? { why, at } : undefined)

/**
 * Evaluates a trigger's conditions other than the delay (all must hold). Returns the first one that
 * does not hold (reason: `trigger <field> <its value as JSON>`), with the time it will if that is only
 * a matter of time.
 */
export function triggerFails(t: Trigger, c: TriggerContext): Block | undefined {
  const e = t.event
  const why = (k: keyof Trigger) => `trigger ${k} ${JSON.stringify(t[k])}`
  if (t.url !== undefined && !matchAnyUrl(t.url, c.url)) return { why: `${why('url')} does not match ${c.url}` }
  if (e && countEvents(c, e.name, e.withinDays) < (e.count ?? 1)) return { why: why('event'), soon: true }
  if (t.milestone !== undefined && own(c.milestones, t.milestone) === undefined) return { why: why('milestone'), soon: true }
  // Without a visit before this one (`prevSeen`), the difference is NaN: never inactive.
  if (t.inactiveDays !== undefined && !(c.visitStart - (c.prevSeen as number) >= t.inactiveDays * DAY)) return { why: why('inactiveDays') }
  // An absent field gives NaN, which is never later than now.
  return until((c.firstSeen ?? c.now) + (t.daysSinceFirstSeen as number) * DAY, c.now, why('daysSinceFirstSeen'))
}

/** The delay part of a trigger: how long after its other conditions began to hold, on this page. */
export const delayFails = (t: Trigger, c: TriggerContext): Block | undefined =>
  until((c.since ?? c.now) + (t.delayMs ?? 0), c.now, `trigger delayMs ${t.delayMs}`)
