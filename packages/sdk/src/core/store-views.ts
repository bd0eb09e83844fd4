import type { FlowEnvelope } from '@cairn/protocol'
import type { EngineView } from '../engine/deps.ts'
import { checklistValue } from '../stores/checklist-value.ts'
import { feedValue } from '../stores/feed-value.ts'
import { activeFlow, flowStatuses } from '../stores/flow-status.ts'
import { surveyValue } from '../stores/survey-value.ts'
import type { StoreViews } from '../stores/types.ts'
import type { HeadlessFlows } from './headless.ts'

/**
 * The stores' values as the engine's pure views of what it knows now (see `stores/`). A headless flow
 * is on screen for the app once the app can report about it (its showing is registered).
 */
export function storeViews(engine: () => EngineView, headless: HeadlessFlows): StoreViews {
  const view = (): EngineView => {
    const v = engine()
    const showing: Record<string, FlowEnvelope> = {}
    for (const id in v.showing) if (!headless.owns(v.showing[id] as FlowEnvelope) || headless.showing(id)) showing[id] = v.showing[id] as FlowEnvelope
    return { ...v, showing, modal: v.modal !== undefined && Object.hasOwn(showing, v.modal) ? v.modal : undefined }
  }
  return {
    flows: () => flowStatuses(view(), headless.owns),
    active: () => activeFlow(view(), headless.owns),
    checklist: (id) => checklistValue(id, view()),
    feed: () => feedValue(view()),
    milestones: () => ({ ...view().state.milestones }),
    survey: (id) => surveyValue(id, view(), headless.showing(id)),
  }
}
