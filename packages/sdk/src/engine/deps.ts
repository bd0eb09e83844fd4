import type { FlowEnvelope, FlowEventType, FlowKind, FlowState, SurveyAnswerEvent, UserState } from '@cairn/protocol'
import type { Limits } from './budget.ts'
import type { ReadableAtom } from 'nanostores'
import type { Decision } from './decide.ts'
import type { FeedAsk, ReadableRuntime } from './runtime-state.ts'
import type { EngineState } from './state.ts'
import type { FlowEventPayload } from './validate.ts'

/** Who the user is, as the core knows it now. */
export type FlowUser = { userId?: string | undefined; anonymousId: string; traits?: Readonly<Record<string, unknown>> | undefined }

/** One answer as the survey widget gives it; the engine adds the flow and the submission id. */
export type AnswerInput = Pick<SurveyAnswerEvent, 'questionId' | 'answer'> & Partial<Pick<SurveyAnswerEvent, 'other' | 'final' | 'questionType' | 'scale'>>

/** What the engine reports: a flow's lifecycle, and survey answers. */
export type EngineEventType = FlowEventType | 'survey_answer'
/** What an engine event carries besides what the core adds; survey answers add the answer and its submission. */
export type EnginePayload = FlowEventPayload & Partial<AnswerInput> & { submissionId?: string }

/** Handed to the widget with its flow: how it reports what the user does. Calls after the end are ignored. */
export type FlowControls = {
  /** What the user did with this flow before (last step, answers, ticks), to resume from. */
  state: FlowState | undefined
  /** How it came: a `show*()` call, by itself, or resumed after a reload within the visit. */
  via: 'manual' | 'auto' | 'resume'
  /** The options given to `show*()`. */
  opts: unknown
  /** The user reached step `index` (tour step, survey question). Remembered for resuming. */
  step(index: number, stepId?: string): void
  /** Finished: recorded, and the screen is free for the next flow. */
  complete(): void
  /** Closed by the user: recorded (frequency remembers it), and the screen is free. */
  dismiss(stepIndex?: number, reason?: string): void
  /**
   * A survey answer, sent as given: recorded for this user (an answered survey is not asked again)
   * and queued as a `survey_answer` under the submission id the engine keeps for this showing.
   */
  answer(a: AnswerInput): void
  /**
   * Something went wrong (`target_missing`, …); reported, the flow goes on unless the widget closes.
   * `props` say what (`{ path, message }` for a field the widget's check refused).
   */
  error(reason: string, stepIndex?: number, props?: Record<string, string>): void
  /** Left the screen without a user decision (paused, failed): nothing recorded, not shown again on this page. */
  close(): void
  /**
   * The engine's state of this user, as it changes — in this tab, in another tab, or from another
   * device (checklist ticks, events a tour step waits for): the widget's own flow is `state.flows[id]`.
   */
  $state: ReadableAtom<EngineState>
  /** How often the feed's panel was asked for (`showFeed({ open: true })`): the feed on screen opens each time. */
  $feed: ReadableAtom<FeedAsk>
  /** Shows another flow by id, as `show*()` with `force` would (a checklist item's tour). */
  start(flowId: string, kind: FlowKind): void
  /** What the widget remembered for this flow on this device (see `remember`), when it showed. */
  memo: string | undefined
  /** Keeps a small value for this flow on this device, saved with the engine state (a minimized checklist). */
  remember(value: string): void
  /** How many times the user tracked `name` so far (a tour step that advances on an event counts on from it; `$state` tells after each). */
  events(name: string): number
  /** The what's-new feed as this user may read it now (see {@link FeedView}); it may change when `$state` or `$feed` does. */
  feed(): FeedView
}

/**
 * What the feed shows: the announcements with `feed: true` this user may read now (`feedFlows`:
 * scheduled, targeted, not held out), how many times `showFeed()` asked for the panel (a widget opens
 * it when this grows), and when the user was last active before this visit (the digest's "since").
 */
export type FeedView = { flows: FlowEnvelope[]; asked: number; away: number | undefined; now: number }

/** What `render` resolves to once the widget is on screen; the engine closes it on `reset`/`destroy`. */
export type WidgetHandle = { close(): void }

/** Names under which the engine persists data through {@link FlowEngineDeps.save}: `live` keeps definitions of flows in progress (live.ts). */
export type StoredName = 'state' | 'flows' | 'live'

/** Everything the engine needs from the outside world; each has an in-memory twin in the tests. */
export type FlowEngineDeps = {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  getUser(): FlowUser
  /** The page URL at start (later ones arrive through `onNavigate` or `navigate`). */
  getUrl(): string
  /** Reads what `save` stored under `name` (parsed), or `undefined`. */
  load(name: StoredName): unknown
  save(name: StoredName, value: unknown): void
  /** `GET /v1/flows` with `If-None-Match: etag`; `undefined` means 304 Not Modified. Absent in local-only mode. */
  fetchFlows?(etag: string | undefined): Promise<{ flows: unknown; etag?: string | null; milestones?: unknown } | undefined>
  /** `GET /v1/users/:id/state` for the current user; absent in local-only mode. */
  fetchUserState?(): Promise<UserState | undefined>
  /**
   * A lifecycle event: to the queue (as a flow event) and to `sdk.on('flow:…')` listeners. `kind` is
   * for listeners (the wire event has no such field); absent when a definition was too broken to tell.
   */
  emit(type: EngineEventType, payload: EnginePayload, kind?: FlowKind): void
  /**
   * A flow of `kind` may show soon (see `Decision.soon`): its widget's code may be fetched ahead, while
   * the page is idle. Called on every decision that says so; fetching each kind once is the callee's.
   */
  prefetch?(kind: FlowKind): void
  /** Loads the widget chunk and shows the flow; resolves once it is on screen. */
  render(flow: FlowEnvelope, controls: FlowControls): Promise<WidgetHandle | void>
  /** Calls back with the new URL on SPA navigations; returns an unsubscribe function. */
  onNavigate?(listener: (url: string) => void): () => void
  /** Calls back when another tab saved the engine state; returns an unsubscribe function. */
  onStored?(listener: () => void): () => void
  /**
   * A milestone the engine reached — a declared milestone tracked for the first time, a checklist
   * completed: to the queue as a `milestone` event and to `sdk.on('milestone')` listeners.
   */
  milestone?(name: string): void
  /** Debug output: present only when debugging. */
  log?(message: string): void
  /** The engine's state, its flows, its decisions or what is on screen changed (see {@link EngineView}): the stores follow. */
  changed?(): void
}

/** What the engine knows now, for the stores (`stores/`): read after {@link FlowEngineDeps.changed}. */
export type EngineView = {
  state: EngineState
  /** Every flow it knows (inline and the collector's), in definition order. */
  flows: readonly FlowEnvelope[]
  /** The latest decisions (none for automatic flows while the collector's user state is awaited). */
  decisions: readonly Decision[]
  /** Flows on screen or being rendered, by id. */
  showing: Readonly<Record<string, FlowEnvelope>>
  /** The modal-class one of them, if any (there is at most one). */
  modal: string | undefined
  /** The what's-new feed's announcements for this user now (`feedFlows`). */
  feed(): FlowEnvelope[]
  user: FlowUser
  now: number
}

export type FlowEngineOptions = {
  /** Inline flow definitions (`init({ flows })`). */
  flows?: unknown
  limits?: Partial<Limits>
}

/** The engine as the core uses it. Every method is safe to call at any time, also after `destroy`. */
export type FlowEngine = {
  /**
   * `show*()`: a flow id or an inline definition; `kind` is the kind the caller expects. Skips the
   * trigger and the caps; `opts.force` also skips audience and frequency.
   */
  show(flow: unknown, kind?: FlowKind, opts?: unknown): void
  /**
   * A tracked event: counted for triggers, audience rules and checklist items; the first time, an
   * event named like a declared milestone (by the collector or a flow) reaches that milestone.
   */
  track(name: string): void
  /** A milestone reached; true the first time on this device. */
  milestone(name: string): boolean
  /** The page URL changed. */
  navigate(url: string): void
  /** The user (id or traits) changed: fetch their state and decide again. */
  identify(): void
  /** Logout: closes widgets and forgets this user's flow state. */
  reset(): void
  destroy(): void
  /** The latest decisions, for debugging and tests. */
  decisions(): Decision[]
  /** What the engine knows now (see {@link EngineView}). */
  view(): EngineView
  /** Its runtime state, read-only (see `runtime-state.ts`). */
  stores: ReadableRuntime
  /** The reader opened the what's-new feed (drawn by the app): recorded as the built-in feed's opening is. */
  readFeed(): void
}
