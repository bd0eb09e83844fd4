import type { FlowEnvelope } from '@cairn/protocol'
import type { FlowControls, WidgetHandle } from '../engine/deps.ts'

/** A headless flow on screen: its controls, and whether the app said it drew it (`sdk.flows.shown`). */
export type HeadlessShowing = { flow: FlowEnvelope; controls: FlowControls; shown: boolean; show(): void }

/** The flows the host app draws, while they are on screen. */
export type HeadlessFlows = {
  /** Whether the app draws `flow`: `headless: true` on it, or its kind (or every kind) in `init({ headless })`. */
  owns(flow: FlowEnvelope): boolean
  /**
   * The engine's `render` for a headless flow: nothing is drawn; it resolves when the app reports
   * the flow shown (the engine then records `flow_shown`, as when a widget is on screen).
   */
  render(flow: FlowEnvelope, controls: FlowControls): Promise<WidgetHandle>
  /** The headless flow of this id on screen, if there is one. */
  showing(id: string): HeadlessShowing | undefined
}

/**
 * The headless flows of one engine: `owns` tells which they are; `onScreen` whether the engine still
 * has a flow on screen (it ends a showing without telling its widget); `changed` that one is there now.
 */
export function headlessFlows(owns: (flow: FlowEnvelope) => boolean, onScreen: (id: string) => boolean, changed: () => void): HeadlessFlows {
  const open = new Map<string, HeadlessShowing>()
  return {
    owns,
    render: (flow, controls) =>
      new Promise((resolve) => {
        const handle = { close: () => void (open.get(flow.id) == entry && open.delete(flow.id)) }
        const entry: HeadlessShowing = {
          flow, controls, shown: false,
          show() {
            entry.shown = true
            resolve(handle)
          },
        }
        open.set(flow.id, entry)
        changed()
      }),
    showing: (id) => (onScreen(id) ? open.get(id) : undefined),
  }
}
