import type { FlowEnvelope, FlowKind } from '@cairn/protocol'
import { atom, type ReadableAtom, type WritableAtom } from 'nanostores'
import type { Decision } from './decide.ts'
import { dict } from './own.ts'
import { emptyState, type EngineState } from './state.ts'

/** Every flow definition this page knows, by where it came from; by id, a later source replaces an earlier one. */
export type Sources = {
  /** Definitions kept for flows in progress, which this page may resume (live.ts). */
  live: FlowEnvelope[]
  /** `init({ flows })`. */
  inline: FlowEnvelope[]
  /** The collector's (`GET /v1/flows`), or its cached answer until that arrives. */
  remote: FlowEnvelope[]
  /** Definitions handed to `show*()` on this page. */
  given: FlowEnvelope[]
  /** Milestones the collector's config declares. */
  declared: string[]
}

/** What is on the screen, and on which page. */
export type Screen = {
  url: string
  /** Flows on screen or being rendered, by id (for `decide`: whether each is modal-class). */
  showing: Record<string, FlowEnvelope>
  /** Automatic flows being rendered, by id: when they were opened. They hold a place in the caps. */
  pending: Record<string, number>
  /** Flows that failed or were closed on this page, by id, with why: not shown automatically again here. */
  failed: Record<string, string>
}

/** A `show*()` call waiting for its decision. */
export type Request = { id: string; kind?: FlowKind | undefined; at: number; opts: unknown }

/** What the engine decided and what waits to be decided. */
export type Schedule = {
  requests: Request[]
  /** The latest decisions (none for automatic flows while the collector's user state is awaited). */
  decisions: Decision[]
  /** Since when each flow's delay has been counting, carried from one decision to the next. */
  since: Record<string, number>
}

/** What the engine still waits for before it decides about automatic flows, or about unknown ids. */
export type Awaiting = { flows: boolean; user: boolean }

/** How many times `showFeed({ open: true })` asked for the feed's panel, and where its launcher goes. */
export type FeedAsk = { asked: number; opts: object }

/**
 * The flow engine's runtime state, one named store per concern; the engine's handlers read them,
 * call the pure decisions and write them. Widgets follow `$state` and `$feed` (`@nanostores/preact`),
 * and the stores the host app reads (`stores/`) are views of them. Made per engine: two SDK instances
 * on one page keep theirs apart.
 */
export type RuntimeStores = {
  /** What this user did with every flow on this device, merged with other tabs and the collector's. */
  $state: WritableAtom<EngineState>
  $sources: WritableAtom<Sources>
  $screen: WritableAtom<Screen>
  $schedule: WritableAtom<Schedule>
  $awaiting: WritableAtom<Awaiting>
  $feed: WritableAtom<FeedAsk>
}

/** The stores as widgets may read them. */
export type ReadableRuntime = { readonly [K in keyof RuntimeStores]: ReadableAtom<ReturnType<RuntimeStores[K]['get']>> }

/** Fresh runtime stores for the page at `url`; `flows`: whether the collector's flows are still to come. */
export const runtimeStores = (url: string, flows: boolean): RuntimeStores => ({
  $state: atom(emptyState()),
  $sources: atom({ live: [], inline: [], remote: [], given: [], declared: [] }),
  $screen: atom({ url, showing: dict(), pending: dict(), failed: dict() }),
  $schedule: atom({ requests: [], decisions: [], since: dict() }),
  $awaiting: atom({ flows, user: false }),
  $feed: atom({ asked: 0, opts: {} }),
})

/** Writes some fields of an object store (a new object: listeners hear it). */
export const patch = <T extends object>($store: WritableAtom<T>, fields: Partial<T>): void => $store.set({ ...$store.get(), ...fields })

/** Every flow this page knows: by id, the collector's replace kept and inline ones, and a `show*()` definition replaces them all. */
export const known = ({ live, inline, remote, given }: Sources): FlowEnvelope[] => [...new Map([...live, ...inline, ...remote, ...given].map((f) => [f.id, f])).values()]
