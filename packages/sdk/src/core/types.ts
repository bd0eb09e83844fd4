import type {
  Answer, AnnouncementFlow, ChecklistFlow, Flow, FlowKind, JsonObject, SurveyFlow, TourFlow,
} from '@cairn/protocol'
import type { Limits } from '../engine/index.ts'
import type { CairnStores } from '../stores/types.ts'

/** User traits (`{ firstName: 'Sara', plan: 'trial' }`): any JSON object. */
export type Traits = JsonObject
/** Event properties: any JSON object. */
export type Props = JsonObject

/** The signed-in user, as given to `init({ user })`. */
export type UserInput = {
  id: string
  traits?: Traits
  /** HMAC-SHA256(identity secret, id) as hex, when the project verifies identities. */
  hash?: string
}

/** Theme overrides: CSS custom properties set on the widget host, e.g. `{ '--cairn-accent': '#0a7' }`. */
export type Theme = Record<string, string>

/** Options of `init()` (and of the script tag's `data-*` attributes). */
export type InitOptions = {
  /** The project's public write key (`pk_…`). */
  key: string
  /** The collector's base URL. Omit for local-only mode: flows come from `flows` and nothing is sent. */
  endpoint?: string
  /** Identify this user right away (same as calling `identify`). */
  user?: UserInput
  /** Flow definitions available without the collector. */
  flows?: Flow[]
  /** BCP 47 locale of the widgets, e.g. `fa`; defaults to the page's language. */
  locale?: string
  /**
   * The language your flows are written in when they declare no `locale` (e.g. `fa`), for flows
   * from `flows` and `show*()` (the collector sends its flows with the project's `locale`). Without
   * it, a flow's language comes from the script of its text (README "Languages").
   */
  contentLocale?: string
  theme?: Theme
  /** CSP nonce for the rare `<style>` element fallback. */
  nonce?: string
  /**
   * Explain on the console why calls are ignored and why each flow did or didn't show. Also on with
   * `?cairn_debug=1` in the page's URL. @default false
   */
  debug?: boolean
  /**
   * The attention budget for flows that show by themselves.
   * @default { perSession: 3, perDay: 5, surveyCooldownDays: 14 }
   */
  limits?: Partial<Limits>
  /**
   * The what's-new feed, on every page: `true` for a floating launcher with an unread badge, or
   * `{ selector }` to make one of your elements the launcher (it gets `aria-expanded` and
   * `data-cairn-unread`). Without it, `showFeed()` still opens the feed. @default false
   */
  feed?: boolean | FeedOptions
  /**
   * Flows your app draws itself: `true` for every flow, or the kinds (`['checklist', 'announcement']`;
   * a flow's own `headless: true` also does it). Cairn still decides, schedules (the one-modal rule
   * and the caps hold), tracks and syncs them, but draws nothing: your app renders them from
   * `sdk.stores` and reports what the user did (`sdk.flows`, `sdk.checklists`, `sdk.surveys`,
   * `sdk.feed`). See docs/headless.md. @default false
   */
  headless?: boolean | FlowKind[]
  /**
   * Treat `navigator.globalPrivacyControl` as an opt-out (nothing stored, nothing sent) unless the
   * user explicitly calls `optIn()`. @default true
   */
  respectGpc?: boolean
}

/** Where the what's-new feed's launcher is (`init({ feed })`). */
export type FeedOptions = {
  /** Your element that opens the feed, e.g. `#whats-new` (`>>>` reaches into open shadow roots). @default a floating launcher */
  selector?: string
}

/** Options of the `show*` methods. */
export type ShowOptions = {
  /** Show even when frequency caps or audience rules would hold the flow back. @default false */
  force?: boolean
}

/** Payload of the flow lifecycle events: the wire event's fields, plus the flow's kind. */
export type FlowEventPayload = {
  flowId: string
  /** Absent only on a `flow:error` for a definition too broken to tell (or an unknown id). */
  kind?: FlowKind
  /** The flow's `version`, when it has one. */
  flowVersion?: number
  stepIndex?: number
  stepId?: string
  /**
   * `flow:shown`: `manual` (a `show*()` call) or `auto`; `flow:dismissed`: how (`close`, `escape`, …);
   * `flow:error`: what failed (`invalid`, `unknown_flow`, `chunk_failed`, `render_failed`, `target_missing`, …).
   */
  reason?: string
  /**
   * `flow:shown`: `{ kind, steps }` (the ids of its tour steps, survey questions or checklist items,
   * as the collector gets them); `flow:error` with reason `invalid`: `{ path, message }` (the JSON
   * path in the definition and the problem); with reason `target_missing`: `{ selector }` (the step's
   * or hotspot's target that never appeared).
   */
  props?: JsonObject
}

/** What `sdk.on(name, handler)` can listen to, and what each handler receives. */
export type CairnEventMap = {
  'flow:shown': FlowEventPayload
  'flow:step': FlowEventPayload
  'flow:completed': FlowEventPayload
  'flow:dismissed': FlowEventPayload
  'flow:error': FlowEventPayload & { message?: string }
  /** The user is in the flow's holdout group: it is never shown to them. */
  'flow:held_out': FlowEventPayload
  /** A survey answer, as given; every answer of one sitting has the same `submissionId`. */
  'survey:answered': { flowId: string; kind: 'survey'; submissionId: string; questionId: string; answer: Answer; other?: string; final?: boolean }
  milestone: { name: string }
  /** `sdk.stores` is there (on the script tag, once `engine.js` has loaded); a late listener is called at once. */
  stores: CairnStores
}
export type CairnEventName = keyof CairnEventMap

/**
 * The SDK object returned by `init()` and set as `window.cairn` by the script tag. Every method is
 * safe to call at any time with any arguments: it never throws and never rejects.
 */
export interface Cairn {
  /** Links this browser's anonymous id to your user id, with optional traits and identity hash. */
  identify(id: string, traits?: Traits, options?: { hash?: string }): void
  /** Records that something happened: `track('project_created', { template: 'kanban' })`. */
  track(name: string, props?: Props): void
  /** Starts a tour by id (from the collector or `init({ flows })`) or from an inline definition. */
  showTour(flow: string | TourFlow, options?: ShowOptions): void
  showSurvey(flow: string | SurveyFlow, options?: ShowOptions): void
  showChecklist(flow: string | ChecklistFlow, options?: ShowOptions): void
  showAnnouncement(flow: string | AnnouncementFlow, options?: ShowOptions): void
  /**
   * Opens the what's-new feed: the announcements with `feed: true` this user may read, newest first,
   * those published since they last opened it (on any device) marked as new. Shows the launcher of
   * `init({ feed })` first if it is not on screen. Each opening is a `flow:shown` of `cairn-feed`.
   */
  showFeed(): void
  /**
   * Shows a flow at once for its author, by id (the collector's, from one of the project's
   * `previewOrigins`: README "Preview on the real page"; or one of `init({ flows })`) or from a
   * definition — whatever its trigger, audience, frequency, caps or holdout — under a "Preview · not
   * recorded" bar that steps a tour, switches the language and closes. Nothing of it is stored on this
   * device or counted in results. `?cairn_preview=<flowId>` in the page's URL does the same, and runs
   * no other flow on that page.
   * @example sdk.preview('welcome-tour')
   */
  preview(flow: string | Flow): void
  /** Listens to flow events; returns the function that stops listening. */
  on<E extends CairnEventName>(event: E, handler: (payload: CairnEventMap[E]) => void): () => void
  /** Sends what is queued now; resolves when sent or postponed (offline, backoff). */
  flush(): Promise<void>
  /** On logout: a new anonymous id, user id and traits forgotten. */
  reset(): void
  /** Stops storing and sending anything for this browser, and forgets what was stored. */
  optOut(): void
  /** Undoes `optOut()` (and overrides Global Privacy Control). */
  optIn(): void
  /** Stops timers and listeners; queued events stay for the next page. Later calls do nothing. */
  destroy(): void
  /**
   * Cairn's state as read-only nanostores stores, for apps that draw flows themselves (docs/headless.md).
   * With npm it is always there; on the script tag, once `engine.js` has loaded (`on('stores')`).
   */
  readonly stores: CairnStores
  /** Reports about a headless flow your app draws; each records what the built-in widget would. */
  readonly flows: FlowReports
  readonly checklists: ChecklistReports
  readonly surveys: SurveyReports
  readonly feed: FeedReports
}

/** `sdk.flows`: what the user did with a headless flow on screen (`$active`, `$flows`, `$checklist`, `$survey`). */
export interface FlowReports {
  /** Your app put it on screen: its `flow_shown` (until then it holds its place in the caps). */
  shown(id: string): void
  /** The user reached step `index` of a tour (an announcement's step 0: its call to action followed). */
  step(id: string, index: number): void
  complete(id: string): void
  /** Closed by the user (`close`, `escape`; a survey's `later` puts it off). @default reason 'close' */
  dismiss(id: string, reason?: string): void
}

/** `sdk.checklists`. */
export interface ChecklistReports {
  /** Ticks an item by hand: one without `completeOn` or a tour (`$checklist(id).items[i].manual`). */
  tick(id: string, itemId: string): void
  /** Remembers on this device that the user minimized (or opened) the checklist (`minimized`). */
  minimize(id: string, minimized: boolean): void
}

/** `sdk.surveys`. */
export interface SurveyReports {
  /**
   * Answers the current question of `$survey(id)` (its `question.id`): a number on its scale, an
   * option id (a list for `multi`; `_other` with `other` text), text, or `null` to skip one that is
   * not required. Branching, the submission id and the thank-you follow in `$survey(id)`.
   */
  answer(id: string, questionId: string, answer: Answer, other?: string): void
}

/** `sdk.feed`. */
export interface FeedReports {
  /** The user opened your what's-new menu: every entry is read now (on every device), as the built-in feed's opening. */
  markRead(): void
}
