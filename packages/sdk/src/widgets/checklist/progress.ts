import type { ChecklistFlow, FlowState } from '@cairn/protocol'

/**
 * Ids of the items shown as done, in the checklist's order: those the engine ticked (from events,
 * milestones and tours, on any tab or device — `state.items`) and those ticked by hand here.
 * @example doneIds(flow, { shownCount: 1, items: { board: 1 } }, new Set(['guide'])) // ['board', 'guide']
 */
export function doneIds(flow: ChecklistFlow, state: FlowState | undefined, mine: ReadonlySet<string>): string[] {
  const ticked = state?.items ?? {}
  return flow.items.map((i) => i.id).filter((id) => mine.has(id) || Object.hasOwn(ticked, id))
}

/** Ids in `next` that are not in `before`, in order: what to announce. */
export const newlyDone = (before: readonly string[], next: readonly string[]): string[] => next.filter((id) => !before.includes(id))

/** How much of the progress ring to fill, out of 100 (the circle's `pathLength`). */
export const ringFill = (done: number, total: number): number => (total > 0 ? Math.round((Math.min(done, total) / total) * 100) : 0)

/** What clicking an item does: start its tour, follow its link, tick it by hand, or nothing (it ticks itself). */
export type ItemUse = 'tour' | 'url' | 'tick' | 'none'

/** How an item is used: by its action, else by hand when nothing else can tick it. */
export function itemUse(item: ChecklistFlow['items'][number]): ItemUse {
  if (item.action) return 'tour' in item.action ? 'tour' : 'url'
  return item.completeOn ? 'none' : 'tick'
}
