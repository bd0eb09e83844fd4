import type { FlowState } from '@cairn/protocol'
import { useStore } from '@nanostores/preact'
import type { ReadableAtom } from 'nanostores'
import type { EngineState } from '../../engine/index.ts'
import type { WidgetLive } from './types.ts'

/** What a widget follows when no engine shows it (mounted by hand, as in `runtime.mount`): nothing changes. */
const STILL = { get: () => undefined, listen: () => () => {} } as unknown as ReadableAtom<EngineState | undefined>

/**
 * The engine's state of this user as it changes (`live.$state`), subscribed with `@nanostores/preact`:
 * the one source the host app's stores are views of too. Without an engine, `undefined`.
 */
const useLiveState = (live: Pick<WidgetLive, '$state'> | undefined): EngineState | undefined => useStore(live?.$state ?? STILL)

/**
 * This flow's state as the engine has it now — ticked in this tab, another tab or on another device —
 * or, without an engine, the state it was mounted with.
 */
export function useFlowState(live: Pick<WidgetLive, '$state'> | undefined, id: string, mounted: FlowState | undefined): FlowState | undefined {
  const flows = useLiveState(live)?.flows
  // Only its own entries: a flow id may be `constructor` (no import of the engine's `own`: a module
  // shared with engine.js would be a chunk of its own, one more request for both).
  return live ? (flows && Object.hasOwn(flows, id) ? flows[id] : undefined) : mounted
}
