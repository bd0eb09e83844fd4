import type { Trigger } from '@cairn/protocol'
import { countEvents, type RuleContext } from './rule.ts'
import { own } from './own.ts'
import { DAY } from './state.ts'
import { matchAnyUrl } from './url-pattern.ts'

/** Why something cannot show now; with `at` it can at that time (if nothing else changes). */
export type Block = { why: string; at?: number }

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

const json = JSON.stringify

/**
 * Evaluates a trigger's conditions other than the delay (all must hold). Returns the first one that
 * does not hold, with the time it will if that is only a matter of time.
 */
export function triggerFails(t: Trigger, c: TriggerContext): Block | undefined {
  const e = t.event
  if (t.url !== undefined && !matchAnyUrl(t.url, c.url)) return { why: `trigger url ${json(t.url)} does not match ${c.url}` }
  if (e && countEvents(c, e.name, e.withinDays) < (e.count ?? 1)) {
    return { why: `trigger event ${json(e)}: tracked ${countEvents(c, e.name, e.withinDays)} times` }
  }
  if (t.milestone !== undefined && own(c.milestones, t.milestone) === undefined) return { why: `trigger milestone "${t.milestone}" not reached` }
  if (t.inactiveDays !== undefined && (c.prevSeen === undefined || c.visitStart - c.prevSeen < t.inactiveDays * DAY)) {
    return { why: `trigger inactiveDays ${t.inactiveDays}: ${c.prevSeen === undefined ? 'first visit' : `active ${((c.visitStart - c.prevSeen) / DAY).toFixed(1)} days before this visit`}` }
  }
  if (t.daysSinceFirstSeen !== undefined) {
    const at = (c.firstSeen ?? c.now) + t.daysSinceFirstSeen * DAY
    if (at > c.now) return { why: `trigger daysSinceFirstSeen ${t.daysSinceFirstSeen}`, at }
  }
  return
}

/** The delay part of a trigger: how long after its other conditions began to hold, on this page. */
export function delayFails(t: Trigger, c: TriggerContext): Block | undefined {
  const at = (c.since ?? c.now) + (t.delayMs ?? 0)
  return at > c.now ? { why: `trigger delayMs ${t.delayMs}`, at } : undefined
}
