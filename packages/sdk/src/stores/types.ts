import type { Answer, AnnouncementFlow, ChecklistFlow, ChecklistItem, FlowEnvelope, FlowKind, JsonObject, Question, SurveyFlow } from '@cairn/protocol'
import type { ReadableAtom } from 'nanostores'
import type { Cairn } from '../core/types.ts'

/** `$user`: who Cairn thinks the reader is. */
export type UserValue = {
  /** The id given to `identify` (or `init({ user })`), until `reset()`. */
  id: string | undefined
  /** This browser's anonymous id for the project. */
  anonymousId: string
  traits: JsonObject
}

/** One entry of `$flows`: a flow the engine knows, with its current decision. */
export type FlowStatus = {
  id: string
  kind: FlowKind
  /** The definition, as the collector (or `init({ flows })`) gave it. */
  flow: FlowEnvelope
  /**
   * `now`: on screen (or being put there); `later`: not yet — at `at` when it is a matter of time,
   * else when the screen frees up; `never`: not under the current state.
   */
  verdict: 'now' | 'later' | 'never'
  /** Epoch ms of the next decision, with `later` when the engine knows it. */
  at?: number
  /** Why, as debug mode prints it: `frequency "once"`, `audience {…}`, `cap perDay 5`, `waiting "welcome"`, … */
  reason: string
  /** Drawn by the host app (`headless: true`, or its kind in `init({ headless })`). */
  headless: boolean
}

/** `$active`: the flow on screen now — the modal-class one when there is one, else the latest. */
export type ActiveValue = { flowId: string; kind: FlowKind; stepIndex: number; headless: boolean }

/** One item of a checklist as `$checklist(id)` gives it: the definition, with whether and when it was ticked. */
export type ChecklistItemValue = ChecklistItem & {
  done: boolean
  /** Epoch ms of the tick (from an event, a milestone, a tour or by hand, on any tab or device). */
  doneAt?: number
  /** Ticked by hand (`sdk.checklists.tick`): no event, milestone or tour ticks it. */
  manual: boolean
}

/** `$checklist(id)`. */
export type ChecklistValue = {
  id: string
  flow: ChecklistFlow
  /** On screen now: a headless app draws it while this is true. */
  open: boolean
  items: ChecklistItemValue[]
  progress: { done: number; total: number }
  /** Minimized on this device (`sdk.checklists.minimize`, or the built-in launcher). */
  minimized: boolean
  dismissed: boolean
  completed: boolean
}

/** One announcement in `$feed`. */
export type FeedEntry = {
  id: string
  flow: AnnouncementFlow
  /** Epoch ms of `publishAt` (0 without one). */
  publishedAt: number
  /** Published since the reader last opened the feed, on any device (or never opened it). */
  unread: boolean
}

/** `$feed`: the what's-new entries this reader may read now, newest first. */
export type FeedValue = {
  entries: FeedEntry[]
  unread: number
  /** Epoch ms the reader last opened the feed (this device, another tab or another device). */
  lastOpened?: number
}

/** `$survey(id)`: where a survey is, for an app that draws it itself. */
export type SurveyValue = {
  id: string
  flow: SurveyFlow
  /** On screen now: a headless app draws it while this is true. */
  open: boolean
  /** `question`: ask `question`; `thanks`: every answer is in, show the thank-you (`thankYou`, or your own). */
  stage: 'question' | 'thanks'
  /** Index of the current question in `flow.questions` (`questions.length` at the thank-you). */
  index: number
  question?: Question
  /** The answers given in this sitting, by question id. */
  answers: Record<string, Answer>
  /** The submission the answers of this sitting go under (the same on every tab and device), from the first answer on. */
  submissionId?: string
  thankYou?: SurveyFlow['thankYou']
}

/**
 * `sdk.stores`: Cairn's state as nanostores stores, read-only. Each is created the first time it is
 * read, and follows the engine from then on (tracked events, other tabs, the collector's user state).
 * @example
 * import { useStore } from '@nanostores/react'
 * const { entries, unread } = useStore(sdk.stores.$feed)
 */
export type CairnStores = {
  readonly $user: ReadableAtom<UserValue>
  readonly $flows: ReadableAtom<FlowStatus[]>
  readonly $active: ReadableAtom<ActiveValue | null>
  /** The same store for the same id; `null` while no checklist has that id. */
  $checklist(id: string): ReadableAtom<ChecklistValue | null>
  readonly $feed: ReadableAtom<FeedValue>
  /** Milestones reached, name → epoch ms of the first time. */
  readonly $milestones: ReadableAtom<Record<string, number>>
  /** The same store for the same id; `null` while no survey has that id. */
  $survey(id: string): ReadableAtom<SurveyValue | null>
}

/** What the engine computes the stores from, once it has loaded (see `core/store-views.ts`). */
export type StoreViews = {
  flows(): FlowStatus[]
  active(): ActiveValue | null
  checklist(id: string): ChecklistValue | null
  feed(): FeedValue
  milestones(): Record<string, number>
  survey(id: string): SurveyValue | null
}

/** One SDK instance's stores, its report methods and the hooks that keep the stores current. */
export type StoreHub = Pick<Cairn, 'stores' | 'flows' | 'checklists' | 'surveys' | 'feed'> & {
  /** The engine's side: from now on the stores are what `views` compute. */
  attach(views: StoreViews): void
  /** Recomputes every store made so far; a store whose value did not change tells no one. */
  refresh(): void
}

/**
 * Makes a {@link StoreHub}; `user` reads the client's identity, `call` takes the reports (`flows.shown`,
 * …, and `$feed.set` for a write the host app attempted) to the engine.
 */
export type StoreHubFactory = (user: () => UserValue, call: (method: string, args: unknown[]) => void) => StoreHub
