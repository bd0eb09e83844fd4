import type { FlowState, UserState } from '@cairn/protocol'
import { dict, isObject, own } from './own.ts'

/** One day in milliseconds. */
export const DAY = 864e5
/** A visit ends after this long without activity (the usual analytics session rule). */
export const VISIT_GAP = 18e5
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
  /** What widgets keep on this device per flow (a minimized checklist): `[when, value]`, the latest wins. */
  memo?: Record<string, [number, string]>
}

/** A state with nothing in it. */
export const emptyState = (): EngineState => ({ flows: dict(), milestones: dict(), events: dict(), times: dict(), auto: [] })

type Merge = (a: any, b: any) => any
const either = (f: Merge): Merge => (a, b) => (a === undefined ? b : b === undefined ? a : f(a, b))
const latest = either(Math.max)
const earliest = either(Math.min)
/** Merges two records key by key; anything that is not a record counts as an empty one. */
const records = (f: Merge): Merge => (a, b) => {
  const out = dict()
  const [x, y] = [a, b].map((r) => (isObject(r) && !Array.isArray(r) ? r : {})) as [Record<string, unknown>, Record<string, unknown>]
  for (const r of [x, y]) for (const k in r) out[k] = f(own(x, k), own(y, k))
  return out
}
/**
 * The newest {@link HISTORY} times of both lists, oldest first. A time listed twice on one side (two
 * events in one millisecond) stays twice; one listed on both sides is the same event and counts once.
 */
function times(a: unknown, b: unknown): number[] {
  const [mine, rest] = [a, b].map((x) => (Array.isArray(x) ? x.filter((t) => typeof t == 'number') : [])) as [number[], number[]]
  for (const t of mine) if (rest.includes(t)) rest.splice(rest.indexOf(t), 1)
  return [...mine, ...rest].sort((x, y) => x - y).slice(-HISTORY)
}
/** Each field of `a` and `b` merged by its rule; `undefined` results are left out (JSON has none). */
function merge<T>(rules: Record<string, Merge>, a: any, b: any): T {
  const out: any = {}
  for (const k in rules) {
    const v = (rules[k] as Merge)(a[k], b[k])
    if (v !== undefined) out[k] = v
  }
  return out
}

const size = (s: FlowState): number => Object.keys(s.answers ?? {}).length

/** Merges what two devices (or tabs) know about one flow; see {@link mergeState}. */
export function mergeFlow(a: FlowState | undefined, b: FlowState | undefined): FlowState {
  if (!a || !b) return (a ?? b) as FlowState
  // Progress belongs to the latest showing (a restarted tour must not inherit an old step); within it,
  // the newer step wins, whichever device took it (Back included). The step and its time go together.
  const shown = (a.shownAt ?? -1) - (b.shownAt ?? -1) || (a.stepAt ?? -1) - (b.stepAt ?? -1)
  const step: Merge = shown ? (x, y) => (shown > 0 ? x : y) : latest
  // Answers given in the same millisecond: the fuller set is the later one.
  const answered = (a.answeredAt ?? -1) - (b.answeredAt ?? -1) || size(a) - size(b) || (JSON.stringify(a.answers ?? null) < JSON.stringify(b.answers ?? null) ? -1 : 1)
  return merge({
    shownAt: latest, shownCount: latest, completedAt: latest, dismissedAt: latest, answeredAt: latest, heldOutAt: earliest, laterAt: latest,
    items: either(records(earliest)),
    step, stepAt: step,
    answers: (x, y) => (answered > 0 ? x : y),
    submissionId: (x, y) => (answered > 0 ? x : y),
  }, a, b)
}

const stateRules = {
  firstSeen: earliest, lastSeen: latest, surveyAt: latest, auto: times,
  flows: records(mergeFlow), milestones: records(earliest), events: records(latest), times: records(times),
  // Ties go to the larger value, so every tab agrees.
  memo: either(records(either((x, y) => ((x[0] - y[0] || +(x[1] > y[1]) - 0.5) > 0 ? x : y)))),
}

/**
 * Merges two views of one user — this device's state and the collector's `GET /v1/users/:id/state`,
 * or two tabs' — into one that both agree on. Monotonic: a completion, dismissal, holdout, milestone or
 * ticked item known to either side is never lost. Latest wins for "when did it last happen" (shown,
 * completed, dismissed, answered, last seen), earliest for "when did it first happen" (first seen,
 * milestones, holdout, ticks). Commutative and idempotent, so merging again is harmless.
 */
export function mergeState(a: EngineState, b: Partial<EngineState>): EngineState {
  const out = merge<EngineState>(stateRules, a, b)
  // The latest visit wins; any activity either side saw before it began counts as "before this visit".
  const start = latest(a.visit?.start, b.visit?.start)
  const prev = Math.max(...[a.visit?.prev, b.visit?.prev, a.lastSeen, b.lastSeen].filter((t): t is number => (t as number) < start))
  if (start !== undefined) out.visit = prev > -Infinity ? { start, prev } : { start }
  return out
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
export const touch = (s: EngineState, now: number): EngineState =>
  mergeState(s, { firstSeen: now, lastSeen: latest(s.lastSeen, now), ...(!(s.visit && now - (s.lastSeen as number) < VISIT_GAP) && { visit: { start: now } }) })

/** Counts one tracked event; keeps its time too when a `withinDays` rule or trigger needs it. */
export const recordEvent = (s: EngineState, name: string, now: number, keepTime: boolean): EngineState =>
  mergeState(s, { events: { [name]: (own(s.events, name) ?? 0) + 1 }, times: keepTime ? { [name]: [...(own(s.times, name) ?? []), now] } : {} })
