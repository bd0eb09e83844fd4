import type { Flow } from '@cairn/protocol'
import { checkPages } from '../runtime.ts'

/**
 * What the tour widget needs (the engine checked the envelope): steps with titles, a selector where a
 * step has a target, and a target on every step that advances when it is clicked.
 * @example checkTour({ id: 't', kind: 'tour', steps: [{ id: 'a', title: 'Hi', advanceOn: 'click' }] }) // '$.steps[0].advanceOn: …'
 */
export function checkTour(flow: Flow): string | undefined {
  const problem = checkPages(flow, 'steps', 'title')
  if (problem) return problem
  const steps = (flow as { steps: Record<string, unknown>[] }).steps
  const bad = steps.findIndex((s) => (s['target'] !== undefined && typeof s['target'] != 'string') || (s['advanceOn'] == 'click' && !s['target']))
  return bad < 0 ? undefined : `$.steps[${bad}]: a target must be a selector, and a step that advances on click needs one`
}
