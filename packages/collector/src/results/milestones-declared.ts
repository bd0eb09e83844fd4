import type { Flow } from '@cairn/protocol'

/** The milestone the SDK records when every item of a checklist is done. */
export const CHECKLIST_COMPLETED = 'checklist_completed'

/**
 * The milestones a project declares: those in its config, those its flows name (a trigger's
 * `milestone`, a checklist item's `completeOn.milestone`, a checklist's own `milestone`), and
 * `checklist_completed` when it has a checklist. The SDK records the same set.
 * @example declaredMilestones(['invited_teammate'], flows) // Set { 'invited_teammate', 'created_first_project', … }
 */
export function declaredMilestones(config: readonly string[] | undefined, flows: readonly Flow[]): Set<string> {
  const names = new Set(config)
  for (const flow of flows) {
    if (flow.trigger?.milestone !== undefined) names.add(flow.trigger.milestone)
    if (flow.kind !== 'checklist') continue
    names.add(CHECKLIST_COMPLETED)
    if (flow.milestone !== undefined) names.add(flow.milestone)
    for (const item of flow.items) if (item.completeOn && 'milestone' in item.completeOn) names.add(item.completeOn.milestone)
  }
  return names
}
