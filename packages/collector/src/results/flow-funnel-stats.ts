import { share, spread, type Spread } from './milestones-stats.ts'

/** One person a flow was shown to (epoch ms; step indexes). */
export type FunnelPerson = {
  shownAt: number
  /** Step indexes reached by moving on (`flow_step`); the first step is reached by being shown. */
  reached: readonly number[]
  completedAt: number | null
  dismissed: boolean
  /** The step of the first dismissal (0 when it carried none). */
  dismissedStep: number | null
  /** Steps whose target never appeared for this person. */
  missing: readonly number[]
}

/** One step of the funnel. */
export type FunnelStep = {
  index: number
  id: string
  title: string
  /** People who got at least this far. */
  reached: number
  /** People whose furthest step this was and who did not complete: where the funnel leaks. */
  dropOff: number
  /** People who closed the flow on this step. */
  dismissed: number
  /** People for whom this step's target never appeared (not dismissals). */
  targetMissing: number
}

/** What `GET /v1/results/flows/:id` says about a flow's funnel. An object, so other kinds can add fields. */
export type FunnelStats = {
  /** People first shown the flow in the period. */
  shown: number
  /** People who moved past the first step (or completed a one-step flow). */
  started: number
  completed: number
  completionRate: number | null
  /** People who closed it (at which step: see `steps`). */
  dismissed: number
  /** From first shown to first completed, for those who completed. */
  timeToComplete: Spread
  steps: FunnelStep[]
}

/**
 * A flow's funnel from the people it was shown to. Pure. A person's furthest step is the last one
 * when they completed, else the highest step they reached; reports of steps the flow no longer has
 * are ignored.
 */
export function funnelStats(steps: readonly { id: string; title: string }[], people: readonly FunnelPerson[]): FunnelStats {
  const last = steps.length - 1
  const furthest = (p: FunnelPerson) => (p.completedAt !== null ? last : Math.max(0, ...p.reached.filter((i) => i <= last)))
  const done = people.filter((p) => p.completedAt !== null)
  return {
    shown: people.length,
    started: people.filter((p) => p.completedAt !== null || p.reached.some((i) => i > 0)).length,
    completed: done.length,
    completionRate: share(done.length, people.length),
    dismissed: people.filter((p) => p.dismissed).length,
    timeToComplete: spread(done.map((p) => Math.max(0, (p.completedAt as number) - p.shownAt))),
    steps: steps.map(({ id, title }, index) => ({
      index,
      id,
      title,
      reached: people.filter((p) => furthest(p) >= index).length,
      dropOff: people.filter((p) => p.completedAt === null && furthest(p) === index).length,
      dismissed: people.filter((p) => p.dismissed && p.dismissedStep === index).length,
      targetMissing: people.filter((p) => p.missing.includes(index)).length,
    })),
  }
}
