/** What the machine needs of a step (a subset of the protocol's `TourStep`). */
export interface MachineStep {
  url?: string | undefined
  advanceOn?: 'next' | 'click' | { event: string } | undefined
}

/** A tour as the machine sees it. */
export interface MachineTour {
  steps: readonly MachineStep[]
  /** @default 'skip' */
  onMissingTarget?: 'skip' | 'pause' | undefined
}

/**
 * Where a tour is. `show`: the step is on its page (on screen, or waiting for its target); `away`: the
 * step lives on another page, the tour waits for a navigation there; `paused`: its target never
 * appeared and the tour pauses; `completed` and `dismissed` are final.
 */
export type TourPhase = 'show' | 'away' | 'paused' | 'completed' | 'dismissed'

export interface TourState {
  index: number
  phase: TourPhase
}

/** What the user or the page did. */
export type TourInput =
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'close'; reason: string }
  | { type: 'click' }
  | { type: 'event'; name: string }
  | { type: 'missing' }
  | { type: 'page'; url: string }

/** What the widget reports for a transition, in order. */
export type TourReport =
  | { type: 'step'; index: number }
  | { type: 'missing'; index: number }
  | { type: 'paused'; index: number }
  | { type: 'completed'; index: number }
  | { type: 'dismissed'; index: number; reason: string }

/** Whether a step lives on `url`; `match` is the engine's URL pattern matcher. */
export type UrlMatch = (pattern: string, url: string) => boolean

const FINAL: readonly TourPhase[] = ['completed', 'dismissed', 'paused']

const phaseAt = (tour: MachineTour, index: number, url: string, match: UrlMatch): TourPhase => {
  const pattern = tour.steps[index]?.url
  return pattern === undefined || match(pattern, url) ? 'show' : 'away'
}

/** Whether the step's own action advances it (`next` is the default). */
export function advancesOn(step: MachineStep | undefined, input: TourInput): boolean {
  const on = step?.advanceOn ?? 'next'
  if (input.type === 'next') return on === 'next'
  if (input.type === 'click') return on === 'click'
  return input.type === 'event' && typeof on === 'object' && on.event === input.name
}

/**
 * Where a tour starts or resumes: at `step` (the last step reached, clamped into range), on screen when
 * its page matches `url`. Resuming is idempotent: starting again at the index it gives changes nothing.
 * @example startTour(tour, 'https://app.example/projects', 2, matchUrl) // { index: 2, phase: 'show' }
 */
export function startTour(tour: MachineTour, url: string, step: number | undefined, match: UrlMatch): TourState {
  const last = tour.steps.length - 1
  const index = Math.max(0, Math.min(last, Number.isInteger(step) ? (step as number) : 0))
  return { index, phase: phaseAt(tour, index, url, match) }
}

/**
 * One transition. Moves are one step at a time and each is reported (`step`), and a step left without
 * its own action is reported `missing` first, so no step is ever skipped silently. Inputs that don't
 * apply (Back on the first step, a click on a Next step, anything after the end) change nothing.
 * `url` is the page now, for the step moved to.
 */
export function stepTour(
  tour: MachineTour,
  state: TourState,
  input: TourInput,
  url: string,
  match: UrlMatch,
): { state: TourState; reports: TourReport[] } {
  const same = { state, reports: [] }
  const { index, phase } = state
  if (FINAL.includes(phase)) return same
  if (input.type === 'close') return { state: { index, phase: 'dismissed' }, reports: [{ type: 'dismissed', index, reason: input.reason }] }
  if (input.type === 'page') {
    const next = phaseAt(tour, index, input.url, match)
    return next === phase ? same : { state: { index, phase: next }, reports: [] }
  }
  if (phase !== 'show') return same
  const forward = (reports: TourReport[]) => {
    const to = index + 1
    if (to >= tour.steps.length) return { state: { index, phase: 'completed' as const }, reports: [...reports, { type: 'completed' as const, index }] }
    return { state: { index: to, phase: phaseAt(tour, to, url, match) }, reports: [...reports, { type: 'step' as const, index: to }] }
  }
  if (input.type === 'missing') {
    if (tour.onMissingTarget === 'pause') return { state: { index, phase: 'paused' }, reports: [{ type: 'missing', index }, { type: 'paused', index }] }
    return forward([{ type: 'missing', index }])
  }
  if (input.type === 'back') {
    const to = index - 1
    if (to < 0 || phaseAt(tour, to, url, match) !== 'show') return same
    return { state: { index: to, phase: 'show' }, reports: [{ type: 'step', index: to }] }
  }
  return advancesOn(tour.steps[index], input) ? forward([]) : same
}

/** Whether Back can go anywhere from here: not on the first step, nor to a step on another page. */
export function canGoBack(tour: MachineTour, state: TourState, url: string, match: UrlMatch): boolean {
  return state.phase === 'show' && state.index > 0 && phaseAt(tour, state.index - 1, url, match) === 'show'
}
