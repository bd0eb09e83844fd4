import type { ComponentChildren, FunctionComponent } from 'preact'
import type { Flow, FlowEnvelope, FlowKind, FlowState } from '@cairn/protocol'
import type { AnswerInput, FlowControls } from '../../engine/index.ts'
import type { StringTable } from '../../i18n/translate.ts'
import type { TokenUser } from '../../content/tokens.ts'
import type { HostRoot } from './host-root.ts'

/** Lifecycle moments a widget reports; the SDK maps `type` to the wire's `flow_${type}` events. */
export type WidgetEventType = 'shown' | 'step' | 'completed' | 'dismissed' | 'error' | 'answer' | 'warning'

/**
 * One lifecycle report. `stepIndex`/`stepId` say which step, question or item; `reason` says why
 * (`close`, `escape`, `chunk_failed`, `render_failed`, …); `error` carries the cause, for debug output.
 */
export interface WidgetEvent {
  type: WidgetEventType
  stepIndex?: number
  stepId?: string
  reason?: string
  error?: unknown
  /** With `answer`: a survey answer, as given (the engine adds the submission id). */
  answer?: AnswerInput
}

/** Design tokens, each written to the host element as `--cairn-<kebab-name>` (e.g. `accentText` → `--cairn-accent-text`). */
export type Theme = Readonly<Record<string, string | number>>

/** Fixed per SDK instance: where chunks come from and how the host looks. */
export interface RuntimeOptions {
  /** URL of the directory holding `cairn.js` and the widget chunks (`tour.js`, `survey.js`, …). */
  base?: string | URL | undefined
  /**
   * Loads a chunk by name (`tour`, `survey`, …) — the SDK core's own loader, so both agree on where
   * chunks live. @default `import()` of `<base><name>.js`
   */
  loadChunk?: ((name: string) => Promise<unknown>) | undefined
  /** `init({ theme })`: token → CSS value. */
  theme?: Theme | undefined
  /** `init({ nonce })`: used for the `<style>` fallback when constructable stylesheets are missing. */
  nonce?: string | undefined
  /** `init({ locale })`: wins over `<html lang>` and the browser's language. */
  locale?: string | undefined
  /** `init({ contentLocale })`: the language of flows that declare no `locale`. */
  contentLocale?: string | undefined
  /** Console explanations of failures. */
  debug?: boolean | undefined
  /** The document to render into. @default globalThis.document */
  document?: Document | undefined
  /** The host element to render into, shared with other UI (the preview bar). @default one of its own, made on the first show */
  host?: HostRoot | undefined
  /** The current user, read by `render` for each flow (tokens). */
  user?: (() => TokenUser | undefined) | undefined
  /**
   * Whether a URL pattern (a tour step's `url`) matches a URL: the engine's own `matchUrl`, handed in
   * so that it lives in the engine's chunk alone instead of a chunk of its own that a tour page waits for.
   */
  matchUrl(pattern: string, url: string): boolean
}

/** Per shown flow: who is reading and where lifecycle reports go. */
export interface MountContext {
  /** Overrides the runtime's locale for this flow (e.g. `showSurvey(id, { locale })`). */
  locale?: string | undefined
  /** Fills `{{user.…}}` tokens. */
  user?: TokenUser | undefined
  /** Receives every lifecycle report of this flow, in order; `error` is always the last one. */
  emit: (event: WidgetEvent) => void
  /** What this user did with the flow before (last step, answers, ticks), for widgets that resume. */
  state?: FlowState | undefined
  /** How the flow came: a `show*()` call, by itself, or resumed after a reload. */
  via?: 'manual' | 'auto' | 'resume' | undefined
  /** The flow engine's live side of this flow, when the engine shows it (see {@link WidgetLive}). */
  live?: WidgetLive | undefined
}

/**
 * What a widget shown by the flow engine can do besides reporting: follow its flow's state as it
 * changes (checklist ticks from this tab, other tabs and devices), start another flow, and keep a
 * small value on this device (a minimized checklist), count tracked events (a tour step that advances on one),
 * read the what's-new feed and the options it was shown with (the feed).
 */
export type WidgetLive = Pick<FlowControls, '$state' | 'start' | 'memo' | 'remember'> & Partial<Pick<FlowControls, '$feed' | 'events' | 'feed' | 'opts'>>

/** A shown widget. `close()` removes it without reporting anything (the caller decided). */
export interface WidgetHandle {
  close(): void
}

/** The widget runtime of one SDK instance: one host element, any number of widgets inside it. */
export interface WidgetRuntime {
  /** Loads the kind's chunk, renders the flow, reports `shown`. Never rejects: failures arrive as an `error` event. */
  mount(kind: FlowKind, flow: Flow, ctx: MountContext): Promise<WidgetHandle>
  /**
   * The flow engine's `render(flow, controls)`: `mount` with the reports mapped onto the controls —
   * `step` → `step()`, `answer` → `answer()`, `completed` → `complete()`, `dismissed` → `dismiss()`, `error` → `error()` then
   * `close()` (so `chunk_failed` and `invalid` keep their reason and free the screen).
   */
  render(flow: FlowEnvelope, controls: FlowControls): Promise<WidgetHandle>
  /** Closes every widget and removes the host element. */
  destroy(): void
}

/** What the host gives a widget component: the reader's language, content rendering and lifecycle. */
export interface WidgetEnv {
  /** Language of the content (a BCP 47 tag). */
  lang: string
  dir: 'ltr' | 'rtl'
  /** A built-in UI string in `lang` with `{placeholders}` filled. */
  t<K extends string>(table: StringTable<K>, key: K, vars?: Readonly<Record<string, string | number>>): string
  /** A number with the locale's digits. */
  num(n: number): string
  /** Body text: markdown subset + tokens → nodes. */
  blocks(source: string | undefined): ComponentChildren
  /**
   * Title or label: inline markdown + tokens → nodes. Links to another site open in a new tab;
   * `newTab` decides that for every link instead (`true` even this site, `false` even another).
   */
  inline(source: string | undefined, newTab?: boolean): ComponentChildren
  /** Tokens filled, markup dropped: for `aria-label` and other attributes. */
  plain(source: string | undefined): string
  /** Says `message` through the polite live region. */
  announce(message: string): void
  /** Reports a step change (or any non-final event). */
  emit(event: WidgetEvent): void
  /** Reports `completed` or `dismissed` and removes the widget. */
  end(type: 'completed' | 'dismissed', detail?: Omit<WidgetEvent, 'type'>): void
  /** Reports the widget as failed (`error` with reason `render_failed`) and removes it: e.g. a chunk it needs did not load. */
  fail(error: unknown): void
  /** Wraps an event handler so a throw becomes an `error` report (see `fail`) instead of reaching the host page. */
  guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void
  /** An id unique within the shadow root, for `aria-labelledby` and friends. */
  id(name: string): string
  /** {@link RuntimeOptions.matchUrl}. */
  matchUrl(pattern: string, url: string): boolean
}

/** Props of a widget kind's root component. */
export interface WidgetProps<F extends Flow = Flow> {
  /** The flow, already localized for `env.lang`. */
  flow: F
  env: WidgetEnv
  /** What this user did with the flow before, to resume from (`MountContext.state`). */
  state?: FlowState | undefined
  via?: MountContext['via']
  live?: WidgetLive | undefined
}

/** What a kind chunk (`tour.tsx`, `survey.tsx`, …) exports. */
export interface WidgetModule {
  /** The root component. */
  default: FunctionComponent<WidgetProps<never>>
  /**
   * Checks the kind's own fields (the engine checked the envelope): a problem such as
   * `$.steps: must be a non-empty list`, or undefined. A problem is reported as `error` `invalid`.
   */
  check?: ((flow: Flow) => string | undefined) | undefined
  /** The kind's own stylesheet, added to the shadow root the first time the kind shows. */
  css?: string | undefined
}
