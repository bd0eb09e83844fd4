import type { ChecklistFlow, ChecklistItem, FlowEnvelope } from '@cairn/protocol'
import { dict, isObject, own } from './own.ts'
import { mergeState, type EngineState } from './state.ts'

/** The milestone recorded the first time every item of a checklist is done. */
export const CHECKLIST_COMPLETED = 'checklist_completed'

/** A checklist's items, defensively: the engine checks only the envelope, the widget checks the rest. */
const itemsOf = (f: FlowEnvelope): Partial<ChecklistItem>[] => {
  const items = f.kind == 'checklist' && (f as Partial<ChecklistFlow>).items
  return Array.isArray(items) ? items.filter(isObject) : []
}

/**
 * Whether an item's own condition holds for the user: its event tracked `count` times (default 1),
 * its milestone reached, or — for an item that only starts a tour — that tour completed. Items with
 * none of these are ticked by hand (the widget reports them).
 * @example itemDone({ id: 'a', title: 'A', completeOn: { event: 'board_created' } }, state)
 */
export function itemDone(item: Partial<ChecklistItem>, s: EngineState): boolean {
  // Unchecked JSON: any of these may be of another type; `own` and `>=` then simply say no.
  const on = item.completeOn as { event?: string; count?: number; milestone?: string } | undefined
  const tour = (item.action as { tour?: string } | undefined)?.tour
  return on?.event != null ? own(s.events, on.event)! >= (on.count ?? 1)
    : on?.milestone != null ? own(s.milestones, on.milestone) !== undefined
    : !on && tour != null && own(s.flows, tour)?.completedAt !== undefined
}

/**
 * Milestone names the flows declare: a trigger's `milestone`, a checklist item's
 * `completeOn.milestone`. Tracking an event of such a name reaches the milestone.
 */
export const flowMilestones = (flows: readonly FlowEnvelope[]): string[] =>
  flows.flatMap((f) => [f.trigger?.milestone, ...itemsOf(f).map((i) => (i.completeOn as { milestone?: string } | undefined)?.milestone)])
    .filter((m): m is string => typeof m == 'string')

/** What {@link progress} found: items to tick (flow, index, item id) and milestones reached. */
export type Progress = { state: EngineState; ticks: [FlowEnvelope, number, string][]; reached: string[] }

/**
 * Ticks, at `now`, the items of every checklist the user has been shown whose condition now holds,
 * and reaches `checklist_completed` (and the checklist's own `milestone`) once all its items are
 * ticked — repeatedly, since a milestone may complete another item. Pure; a second call on its
 * result finds nothing more.
 */
export function progress(s: EngineState, flows: readonly FlowEnvelope[], now: number): Progress {
  const out: Progress = { state: s, ticks: [], reached: [] }
  for (let round = 0, more = true; more && round < 4; round++) {
    more = false
    for (const f of flows) {
      const fs = own(out.state.flows, f.id)
      const items = itemsOf(f)
      if (!fs?.shownCount || !items.length) continue
      const fresh = dict<number>()
      items.forEach((item, i) => {
        if (typeof item.id == 'string' && own(fs.items ?? {}, item.id) === undefined && itemDone(item, out.state)) {
          fresh[item.id] = now
          out.ticks.push([f, i, item.id])
        }
      })
      if (Object.keys(fresh).length) out.state = mergeState(out.state, { flows: { [f.id]: { shownCount: 0, items: fresh } } })
      const all = own(out.state.flows, f.id)?.items ?? {}
      if (items.every((item) => own(all, item.id as string) !== undefined)) {
        for (const m of [CHECKLIST_COMPLETED, (f as Partial<ChecklistFlow>).milestone]) {
          if (typeof m == 'string' && own(out.state.milestones, m) === undefined) {
            out.state = mergeState(out.state, { milestones: { [m]: now } })
            out.reached.push(m)
            more = true
          }
        }
      }
    }
  }
  return out
}
