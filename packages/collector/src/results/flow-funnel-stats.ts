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
  /** Steps whose target never appeared for this person, with the selector looked for (null when the SDK sent none). */
  missing: readonly { step: number; selector: string | null }[]
}

/** A step as the funnel names it; `target` is its selector in the published definition. */
export type FunnelStepDefinition = { id: string; title: string; target?: string | undefined }

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
  /**
   * Which selectors were missing on this step, and for how many people, most first: the selector the
   * SDK reported, else (older SDKs) the step's target in the published definition, else null.
   */
  missingTargets: { selector: string | null; people: number }[]
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
export function funnelStats(steps: readonly FunnelStepDefinition[], people: readonly FunnelPerson[]): FunnelStats {
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
    steps: steps.map(({ id, title, target }, index) => ({
      index,
      id,
      title,
      reached: people.filter((p) => furthest(p) >= index).length,
      dropOff: people.filter((p) => p.completedAt === null && furthest(p) === index).length,
      dismissed: people.filter((p) => p.dismissed && p.dismissedStep === index).length,
      targetMissing: people.filter((p) => p.missing.some((m) => m.step === index)).length,
      missingTargets: missingTargets(people, index, target),
    })),
  }
}

/** Per selector missing on step `index`: how many people it was missing for (a person counts once per selector). */
function missingTargets(people: readonly FunnelPerson[], index: number, target: string | undefined): FunnelStep['missingTargets'] {
  const counts = new Map<string | null, number>()
  for (const p of people) {
    const seen = new Set(p.missing.filter((m) => m.step === index).map((m) => m.selector ?? target ?? null))
    for (const selector of seen) counts.set(selector, (counts.get(selector) ?? 0) + 1)
  }
  // Ties in code-point order, the same on every server whatever its locale.
  return [...counts].map(([selector, n]) => ({ selector, people: n })).sort((a, b) => b.people - a.people || (String(a.selector) < String(b.selector) ? -1 : 1))
}
