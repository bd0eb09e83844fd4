import type { CairnEvent, Flow, FlowKind } from '@cairn/protocol'
import type { Clock } from './clock.ts'
import type { StorageKeys } from './keys.ts'
import type { KeyValueStorage } from './storage.ts'
import type { StoreHub, StoreHubFactory } from '../stores/types.ts'
import type { CairnEventMap, CairnEventName, InitOptions, ShowOptions, UserInput } from './types.ts'

/** Fields the client fills in on every event (and `userId`, unless given). */
type Filled = 'id' | 'ts' | 'anonymousId' | 'sessionId' | 'url' | 'locale'
/** An event as the flow engine hands it to the client: the client adds ids, time, page and locale. */
export type EventInput = CairnEvent extends infer E ? (E extends CairnEvent ? Omit<E, Filled> : never) : never

/** What the client offers the flow engine. */
export interface EngineHost {
  readonly options: Readonly<InitOptions>
  /** The collector's base URL without a trailing slash; empty in local-only mode (nothing is sent). */
  readonly endpoint: string
  /** The project's storage keys; the engine keeps its own state under `keys.base`. */
  readonly keys: StorageKeys
  readonly storage: KeyValueStorage
  readonly clock: Clock
  /** A number in [0, 1) (sampling, holdouts of anonymous users). */
  unit(): number
  anonymousId(): string
  user(): UserInput | undefined
  /** True while this browser is opted out: nothing may be stored or sent about the user. */
  optedOut(): boolean
  /** Queues an event (flow_*, survey_answer, milestone, track). */
  record(event: EventInput): void
  emit<E extends CairnEventName>(name: E, payload: CairnEventMap[E]): void
  /** Counts and (in debug mode) logs a failure, as `sdk_error` with this code. */
  fail(code: string, error?: unknown): void
  /** Loads a lazily built chunk (`runtime`, `tour`, …) and resolves its module. */
  loadChunk(name: string): Promise<unknown>
  /** The client's stores (`sdk.stores`) and report methods, made with `make` when the client has none yet. */
  stores(make?: StoreHubFactory): StoreHub | undefined
  /** Whether anyone listens to `sdk.on(name)`. */
  listens(name: string): boolean
}

/** The flow engine, as the client drives it. */
export interface FlowEngine {
  /** `show*()`; `preview` is `sdk.preview()`, handed to the `preview` chunk past every rule. */
  show(kind: FlowKind | 'preview', flow: string | Flow, options?: ShowOptions): void
  /** Every event the page records, for triggers and checklist progress. */
  observe?(event: CairnEvent): void
  /** A report of the host app about a headless flow (`flows.shown`, `surveys.answer`, …; see core/report.ts). */
  report?(method: string, args: unknown[]): void
  /** The user changed (`identify` with another id, `reset`). */
  identityChanged?(): void
  destroy?(): void
}

/** A read of `GET /v1/flows`, with its body already parsed when the answer is ok (a pair: fewer bytes in `cairn.js`). */
export type FlowsRead = [response: Response, answer?: unknown]

/**
 * Builds the flow engine for one client; passed to `createClient({ engine })`. `flows`: a read of
 * `GET /v1/flows` already under way (the lazy loader's), which the engine takes instead of its own first read.
 */
export type EngineFactory = (host: EngineHost, flows?: Promise<FlowsRead>) => FlowEngine
