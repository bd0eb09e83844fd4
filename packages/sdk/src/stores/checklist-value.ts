import type { ChecklistFlow, ChecklistItem } from '@cairn/protocol'
import type { EngineView } from '../engine/deps.ts'
import { at, objects } from './record.ts'
import type { ChecklistValue } from './types.ts'

/**
 * `$checklist(id)`: the checklist's items with their ticks (`state.flows[id].items`: from events,
 * milestones, tours or by hand, on any tab or device), its progress, and whether it is on screen,
 * minimized on this device, dismissed or completed. `null` when no known flow is a checklist of that id.
 * @example checklistValue('getting-started', engine.view())?.progress // { done: 2, total: 5 }
 */
export function checklistValue(id: string, view: EngineView): ChecklistValue | null {
  const flow = (at(view.showing, id) ?? view.flows.find((f) => f.id == id)) as ChecklistFlow | undefined
  if (flow?.kind != 'checklist') return null
  const fs = at(view.state.flows, id)
  const items = objects<ChecklistItem>(flow.items).map((item) => {
    const t = at(fs?.items, item.id)
    return { ...item, done: t !== undefined, ...(t !== undefined && { doneAt: t }), manual: !item.completeOn && !(item.action && 'tour' in item.action) }
  })
  return {
    id, flow, open: at(view.showing, id) !== undefined, items,
    progress: { done: items.filter((i) => i.done).length, total: items.length },
    minimized: at(view.state.memo, id)?.[1] == 'min', dismissed: fs?.dismissedAt !== undefined, completed: fs?.completedAt !== undefined,
  }
}
