import type { FlowEnvelope, FlowState } from '@cairn/protocol'
import { VISIT_GAP } from './state.ts'

/**
 * Whether a flow is in progress, so that it is shown again where it was (`state.step`) rather than
 * decided afresh: shown and neither completed, dismissed nor put off since, and either
 * - shown in this device's visit (a reload, a navigation), or
 * - a tour whose latest showing was stepped through within the last {@link VISIT_GAP}, on any device
 *   (the collector's user state says so): the reader goes on from another device. A step older than
 *   the showing belongs to an earlier one, so a restarted tour that was not stepped yet doesn't count.
 * @example resumes(tour, { shownCount: 1, shownAt: t, step: 2, stepAt: t + 5e3 }, t + 6e4, t + 3e4) // true
 */
export const resumes = (f: FlowEnvelope, fs: FlowState | undefined, now: number, visitStart: number): boolean =>
  // Absent times compare false.
  (fs?.shownAt! >= visitStart || (f.kind == 'tour' && fs?.stepAt! >= fs?.shownAt! && now - fs!.stepAt! < VISIT_GAP)) &&
  ![fs!.completedAt, fs!.dismissedAt, fs!.laterAt].some((t) => t! >= fs!.shownAt!)
