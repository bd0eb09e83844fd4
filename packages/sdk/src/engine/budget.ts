import type { FlowEnvelope } from '@cairn/protocol'
import { until, type Block } from './trigger.ts'
import { DAY } from './state.ts'
import { matchUrl } from '@cairn/protocol'

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

/**
 * A tour whose step `step` (the one it starts or resumes on) lives on another page than `url`: it is
 * not on screen, nor holding the modal slot, until the reader reaches that page (the engine closes it
 * and resumes it there). Other kinds, and steps without a `url`, always pass.
 * @example pageFails(tour, 2, 'https://app.example/home') // { why: 'step 2 url "/board"' }
 */
export function pageFails(f: FlowEnvelope, step: number | undefined, url: string): Block | undefined {
  const steps = f.kind == 'tour' ? (f as { steps?: { url?: unknown }[] }).steps : undefined
  if (!Array.isArray(steps)) return undefined
  // Where the tour widget starts: the step clamped into range, 0 when it is not a whole number.
  const i = Math.max(0, Math.min(steps.length - 1, Number.isInteger(step) ? (step as number) : 0))
  const pattern = steps[i]?.url
  return typeof pattern == 'string' && !matchUrl(pattern, url) ? { why: `step ${i} url ${JSON.stringify(pattern)}` } : undefined
}

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
