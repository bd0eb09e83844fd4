import { share, spread, type Spread } from './milestones-stats.ts'

/** One person the checklist was shown to: when first, and when each item was ticked (epoch ms). */
export type ChecklistPerson = { shownAt: number; ticks: Readonly<Record<string, number>> }

/** What `GET /v1/results/checklists/:id` says about a checklist's items and the people who saw it. */
export type ChecklistStats = {
  /** People first shown the checklist in the period. */
  shown: number
  /** Per item, in the checklist's order: how many of them ticked it. */
  items: { id: string; title: string; completed: number; rate: number | null }[]
  /** People who ticked every item. */
  completed: number
  completionRate: number | null
  /** From first shown to the last item ticked, for those who finished. */
  timeToComplete: Spread
  /**
   * Where the others stopped: the first item (in order) they have not ticked, with how many people
   * stopped there and their share of everyone shown.
   */
  stalls: { id: string; title: string; users: number; share: number | null }[]
}

/**
 * Checklist completion from the people it was shown to and their ticks. Pure. Ticks of ids that are
 * no longer items of the checklist are ignored; a tick stamped before the first showing (the item was
 * done before the checklist appeared) counts as done at once. Without items nobody has completed it.
 */
export function checklistStats(items: readonly { id: string; title: string }[], people: readonly ChecklistPerson[]): ChecklistStats {
  const ticked = (p: ChecklistPerson, id: string) => Object.hasOwn(p.ticks, id)
  // No items known (a checklist shown with `showChecklist({ … })` by SDKs that did not send its item ids,
  // and ticked by nobody) means nothing is known done, not everything.
  const done = items.length ? people.filter((p) => items.every((item) => ticked(p, item.id))) : []
  const stalled = new Map<string, number>()
  for (const p of people) {
    const first = items.find((item) => !ticked(p, item.id))
    if (first) stalled.set(first.id, (stalled.get(first.id) ?? 0) + 1)
  }
  return {
    shown: people.length,
    items: items.map(({ id, title }) => {
      const completed = people.filter((p) => ticked(p, id)).length
      return { id, title, completed, rate: share(completed, people.length) }
    }),
    completed: done.length,
    completionRate: share(done.length, people.length),
    timeToComplete: spread(done.map((p) => Math.max(0, ...items.map((item) => (p.ticks[item.id] as number) - p.shownAt)))),
    stalls: items.flatMap(({ id, title }) => {
      const users = stalled.get(id) ?? 0
      return users > 0 ? [{ id, title, users, share: share(users, people.length) }] : []
    }),
  }
}
