import type { FlowEnvelope, FlowEvent } from '@cairn/protocol'
import { checkEnvelope } from './envelope.ts'
import { FEED } from './feed.ts'
import { dict } from './own.ts'

/** What a lifecycle event carries besides the fields the core adds (id, ts, user ids, url). */
export type FlowEventPayload = Partial<Pick<FlowEvent, 'flowVersion' | 'stepIndex' | 'stepId' | 'reason' | 'props'>> &
  Pick<FlowEvent, 'flowId'>

/**
 * Checks flow definitions (inline, from the collector, or given to `show*()`) against the protocol's
 * envelope — id (not `cairn-feed`, reserved for the what's-new feed), kind, trigger, audience,
 * frequency, priority, holdout, locales. The kind's own fields are checked by its widget chunk when it
 * loads. Never throws: each invalid or duplicate definition becomes a `flow_error` payload
 * (`reason: 'invalid'`, `props: { path, message }`) and the rest are kept.
 * @example validateFlows([{ id: 'a', kind: 'tour' }, { id: 'b', kind: 'popup' }])
 * // { flows: [{ id: 'a', … }], errors: [{ flowId: 'b', reason: 'invalid', props: { path: '$.kind', message: '…' } }] }
 */
export function validateFlows(list: unknown): { flows: FlowEnvelope[]; errors: FlowEventPayload[] } {
  const flows: FlowEnvelope[] = []
  const errors: FlowEventPayload[] = []
  const seen = dict<true>()
  for (const raw of Array.isArray(list) ? list : [list]) {
    const id = (raw as { id?: unknown } | null)?.id
    const flowId = typeof id === 'string' && id ? id.slice(0, 128) : '?'
    const problem = checkEnvelope(raw) ??
      (flowId == FEED ? { path: '$.id', message: `the flow id "${FEED}" is reserved for the what's-new feed` }
        : seen[flowId] ? { path: '$.id', message: `duplicate flow id "${flowId}"` } : undefined)
    if (problem) errors.push({ flowId, reason: 'invalid', props: problem })
    else flows.push(raw as FlowEnvelope)
    seen[flowId] = true
  }
  return { flows, errors }
}
