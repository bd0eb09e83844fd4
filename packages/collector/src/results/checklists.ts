import type { ChecklistFlow, Flow } from '@cairn/protocol'
import type { Storage } from '../storage/storage.ts'
import { queryScoped } from './audience-sql.ts'
import type { Scope } from './audience.ts'
import { checklistStats, type ChecklistPerson, type ChecklistStats } from './checklists-stats.ts'
import { CHECKLIST_PEOPLE } from './checklists-sql.ts'
import { shownParts } from './shown-parts.ts'

/** The answer of `GET /v1/results/checklists/:id`. */
export type ChecklistResults = ChecklistStats & { checklistId: string; from: string; to: string }

/**
 * A checklist's results over a period and audience, counted per person across devices. Items come from the
 * published definition; a checklist not published (shown with `showChecklist({ … })`, or no longer
 * published) is reported with the item ids its newest showing sent, else those its ticks name.
 * `undefined` when the id is neither a published checklist nor found in the data.
 */
export async function checklistResults(storage: Storage, projectId: string, flows: readonly Flow[], id: string, scope: Scope): Promise<ChecklistResults | undefined> {
  const flow = flows.find((f): f is ChecklistFlow => f.id === id && f.kind === 'checklist')
  if (!flow && flows.some((f) => f.id === id)) return undefined
  const people = await queryScoped<ChecklistPerson>(storage, scope.audience, CHECKLIST_PEOPLE, [projectId, id, scope.from, scope.to])
  if (!flow && people.length === 0) return undefined
  const items = flow?.items.map(({ id, title }) => ({ id, title }))
    ?? dataItems((await shownParts(storage, projectId, id)).steps, people)
  return {
    checklistId: id,
    from: new Date(scope.from).toISOString(),
    to: new Date(scope.to).toISOString(),
    ...checklistStats(items, people),
  }
}

/** The items of a checklist without a definition: as shown (ids in order), else as ticked (sorted). */
function dataItems(shown: string[] | undefined, people: readonly ChecklistPerson[]): { id: string; title: string }[] {
  const ids = shown?.length ? shown : [...new Set(people.flatMap((p) => Object.keys(p.ticks)))].sort()
  return ids.map((item) => ({ id: item, title: item }))
}
