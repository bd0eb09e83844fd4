import type { FlowState, UserState } from '@cairn/protocol'
import { dict, own } from './own.ts'

/** One day in milliseconds. */
export const DAY = 86_400_000
/** A visit ends after this long without activity (the usual analytics session rule). */
export const VISIT_GAP = 30 * 60_000
/** Most timestamps kept per list (event times per name, auto-shown times). */
export const HISTORY = 100

/**
 * What the engine remembers about one user on this device: the collector's {@link UserState} plus
 * what only the client needs. Timestamps are epoch milliseconds.
 */
export type EngineState = Omit<UserState, 'userId'> & {
  /** The current visit: when it began and the user's last activity before it. */
  visit?: { start: number; prev?: number | undefined }
  /** Recent times of events named in `withinDays` rules and triggers, oldest first. */
  times: Record<string, number[]>
  /** Times flows were shown automatically (not by `show*()`), for the per-visit and per-day caps. */
  auto: number[]
  /** When a survey was last shown, for the global survey cooldown. */
  surveyAt?: number
}

/** A state with nothing in it. */
export const emptyState = (): EngineState => ({ flows: dict(), milestones: dict(), events: dict(), times: dict(), auto: [] })

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
type Pick2 = (a: number, b: number) => number
const both = (a: number | undefined, b: number | undefined, f: Pick2): number | undefined =>
  a === undefined ? b : b === undefined ? a : f(a, b)
/** Drops `undefined` values so the result fits `exactOptionalPropertyTypes`. */
function clean<T extends object>(o: { [K in keyof T]?: T[K] | undefined }): T {
  for (const k in o) if (o[k] === undefined) delete o[k]
  return o as T
}
function mergeRecords<T>(a: unknown, b: unknown, f: (x: T | undefined, y: T | undefined) => T): Record<string, T> {
  const out = dict<T>()
  const [x, y] = [a, b].map((r) => (isObject(r) ? r : {})) as [Record<string, T>, Record<string, T>]
  for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) out[k] = f(own(x, k), own(y, k))
  return out
}
const numbers = (x: unknown): number[] => (Array.isArray(x) ? x.filter((t) => typeof t === 'number') : [])
/**
 * The newest {@link HISTORY} times of both lists, oldest first. A time listed twice on one side (two
 * events in one millisecond) stays twice; one listed on both sides is the same event and counts once.
 */
function mergeTimes(a: unknown, b: unknown): number[] {
  const mine = numbers(a)
  const rest = numbers(b)
  for (const t of mine) {
    const i = rest.indexOf(t)
    if (i >= 0) rest.splice(i, 1)
  }
  return [...mine, ...rest].sort((x, y) => x - y).slice(-HISTORY)
}

/** Merges what two devices (or tabs) know about one flow; see {@link mergeState}. */
export function mergeFlow(a: FlowState | undefined, b: FlowState | undefined): FlowState {
  if (!a || !b) return (a ?? b) as FlowState
  const shownA = a.shownAt ?? -1
  const shownB = b.shownAt ?? -1
  const answerA = a.answeredAt ?? -1
  const answerB = b.answeredAt ?? -1
  return clean<FlowState>({
    shownAt: both(a.shownAt, b.shownAt, Math.max),
    shownCount: Math.max(a.shownCount, b.shownCount),
    completedAt: both(a.completedAt, b.completedAt, Math.max),
    dismissedAt: both(a.dismissedAt, b.dismissedAt, Math.max),
    heldOutAt: both(a.heldOutAt, b.heldOutAt, Math.min),
    // Progress belongs to the latest showing; a restarted tour must not inherit an old step.
    step: shownA === shownB ? both(a.step, b.step, Math.max) : (shownA > shownB ? a : b).step,
    answeredAt: both(a.answeredAt, b.answeredAt, Math.max),
    answers:
      answerA !== answerB
        ? (answerA > answerB ? a : b).answers
        : JSON.stringify(a.answers ?? null) >= JSON.stringify(b.answers ?? null) ? a.answers : b.answers,
    items: a.items || b.items ? mergeRecords(a.items, b.items, (x, y) => both(x, y, Math.min) as number) : undefined,
  })
}

/**
 * Merges two views of one user — this device's state and the collector's `GET /v1/users/:id/state`,
 * or two tabs' — into one that both agree on. Monotonic: a completion, dismissal, holdout, milestone or
 * ticked item known to either side is never lost. Latest wins for "when did it last happen" (shown,
 * completed, dismissed, answered, last seen), earliest for "when did it first happen" (first seen,
 * milestones, holdout, ticks). Commutative and idempotent, so merging again is harmless.
 */
export function mergeState(a: EngineState, b: Partial<EngineState>): EngineState {
  // The latest visit wins; any activity either side saw before it began counts as "before this visit".
  const start = both(a.visit?.start, b.visit?.start, Math.max)
  const before = [a.visit?.prev, b.visit?.prev, a.lastSeen, b.lastSeen].filter((t): t is number => t !== undefined && t < (start ?? 0))
  return clean<EngineState>({
    firstSeen: both(a.firstSeen, b.firstSeen, Math.min),
    lastSeen: both(a.lastSeen, b.lastSeen, Math.max),
    visit: start === undefined ? undefined : clean<NonNullable<EngineState['visit']>>({ start, prev: before.length ? Math.max(...before) : undefined }),
    flows: mergeRecords(a.flows, b.flows, mergeFlow),
    milestones: mergeRecords(a.milestones, b.milestones, (x, y) => both(x, y, Math.min) as number),
    events: mergeRecords(a.events, b.events, (x, y) => Math.max(x ?? 0, y ?? 0)),
    times: mergeRecords(a.times, b.times, mergeTimes),
    auto: mergeTimes(a.auto, b.auto),
    surveyAt: both(a.surveyAt, b.surveyAt, Math.max),
  })
}

/**
 * Reads a stored state. Whatever is not a state (nothing stored, another library's data, a
 * hand-edited value) gives an empty one rather than an error.
 */
export function readState(x: unknown): EngineState {
  try {
    if (isObject(x)) return mergeState(emptyState(), x)
  } catch {
    // Malformed beyond merging (e.g. a number where a list belongs): start afresh.
  }
  return emptyState()
}

/**
 * Records activity at `now`: starts a new visit after {@link VISIT_GAP} of silence (remembering the
 * last activity before it, for inactivity triggers) and moves first/last seen.
 */
export function touch(s: EngineState, now: number): EngineState {
  const last = s.lastSeen
  const visit = s.visit && last !== undefined && now - last < VISIT_GAP ? s.visit : clean({ start: now, prev: last })
  return { ...s, visit, firstSeen: Math.min(s.firstSeen ?? now, now), lastSeen: Math.max(last ?? now, now) }
}

/** Counts one tracked event; keeps its time too when a `withinDays` rule or trigger needs it. */
export function recordEvent(s: EngineState, name: string, now: number, keepTime: boolean): EngineState {
  const times = keepTime ? { ...s.times, [name]: [...(own(s.times, name) ?? []), now].sort((x, y) => x - y).slice(-HISTORY) } : s.times
  return { ...s, events: { ...s.events, [name]: (own(s.events, name) ?? 0) + 1 }, times }
}
