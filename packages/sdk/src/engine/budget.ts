import type { FlowEnvelope } from '@cairn/protocol'
import { until, type Block } from './trigger.ts'
import { DAY } from './state.ts'

/** The attention budget: how much a user may be interrupted by flows that show by themselves. */
export type Limits = {
  /** Most flows shown automatically in one visit (30 minutes of inactivity end a visit). @default 3 */
  perSession: number
  /** Most flows shown automatically in any 24 hours. @default 5 */
  perDay: number
  /** No survey shows automatically within this many days of the last survey shown. @default 14 */
  surveyCooldownDays: number
}

export const DEFAULT_LIMITS: Limits = { perSession: 3, perDay: 5, surveyCooldownDays: 14 }

/**
 * Whether a flow takes the user's attention so that only one such widget may be on screen: tours,
 * surveys, and modal and slide-out announcements. A checklist launcher, a banner or a hotspot beacon
 * sits beside the page and may show next to one.
 */
export const isModal = (f: FlowEnvelope): boolean =>
  f.kind == 'tour' || f.kind == 'survey' || (f.kind == 'announcement' && (f.style == 'modal' || f.style == 'slideout'))

/** Whether the per-session and per-day caps leave room for one more automatic flow (reason: `cap <limit> <value>`). */
export function capFails(auto: readonly number[], now: number, visitStart: number, l: Limits): Block | undefined {
  if (auto.filter((t) => t >= visitStart).length >= l.perSession) return { why: `cap perSession ${l.perSession}` }
  const day = auto.filter((t) => t > now - DAY).sort((a, b) => a - b)
  const why = `cap perDay ${l.perDay}`
  // The window frees up a slot when its oldest counted show turns 24 hours old.
  return day.length < l.perDay ? undefined : l.perDay > 0 ? { why, at: (day[day.length - l.perDay] as number) + DAY } : { why }
}

/** The global survey cooldown: no survey shows automatically within `days` of the last survey shown. */
export const cooldownFails = (surveyAt: number | undefined, now: number, days: number): Block | undefined =>
  until((surveyAt ?? -Infinity) + days * DAY, now, `cap surveyCooldownDays ${days}`)
