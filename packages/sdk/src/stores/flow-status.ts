import type { FlowEnvelope } from '@cairn/protocol'
import type { EngineView } from '../engine/deps.ts'
import { FEED_ID, at } from './record.ts'
import type { ActiveValue, FlowStatus } from './types.ts'

/** Whether the host app draws a flow (`headless: true`, or its kind in `init({ headless })`). */
export type IsHeadless = (flow: FlowEnvelope) => boolean

/**
 * `$flows`: every flow the engine knows, in definition order, with its latest decision. A flow with
 * no decision yet (automatic flows wait up to 3 s for the collector's user state) is `later`.
 * @example flowStatuses(engine.view(), () => false)[0] // { id: 'welcome', verdict: 'never', reason: 'frequency "once"', … }
 */
export function flowStatuses(view: EngineView, headless: IsHeadless): FlowStatus[] {
  return view.flows.map((flow) => {
    const d = view.decisions.find((x) => x.id == flow.id)
    return {
      id: flow.id, kind: flow.kind, flow, verdict: d?.verdict ?? 'later', reason: d?.reason ?? 'user state',
      ...(d?.at !== undefined && { at: d.at }), headless: headless(flow),
    }
  })
}

/**
 * `$active`: the flow on screen — the modal-class one when there is one (there is at most one),
 * else the one shown last; never the feed's launcher. Its step is the user's latest in this showing.
 */
export function activeFlow(view: EngineView, headless: IsHeadless): ActiveValue | null {
  const ids = Object.keys(view.showing).filter((id) => id != FEED_ID)
  const id = view.modal ?? ids[ids.length - 1]
  if (id === undefined) return null
  const flow = view.showing[id] as FlowEnvelope
  const step = at(view.state.flows, id)?.step
  return { flowId: id, kind: flow.kind, stepIndex: Number.isInteger(step) ? (step as number) : 0, headless: headless(flow) }
}
