import type { Flow } from '@cairn/protocol'
import type { Storage } from '../storage/storage.ts'
import { queryScoped } from './audience-sql.ts'
import type { Scope } from './audience.ts'
import { announcementNumbers, type AnnouncementNumbers } from './announcement.ts'
import { FUNNEL_PEOPLE } from './flow-funnel-sql.ts'
import { shownParts } from './shown-parts.ts'
import { funnelStats, type FunnelPerson, type FunnelStats, type FunnelStepDefinition } from './flow-funnel-stats.ts'

/** The answer of `GET /v1/results/flows/:id`. */
export type FlowFunnel = FunnelStats & { flowId: string; kind: string | null; from: string; to: string; announcement?: AnnouncementNumbers }

/** A flow's steps as the funnel names them: tour steps (with their targets), survey questions, checklist items; one step otherwise. */
function stepsOf(flow: Flow): FunnelStepDefinition[] {
  if (flow.kind === 'tour') return flow.steps.map(({ id, title, target }) => ({ id, title, target }))
  if (flow.kind === 'survey') return flow.questions.map(({ id, prompt }) => ({ id, title: prompt }))
  if (flow.kind === 'checklist') return flow.items.map(({ id, title }) => ({ id, title }))
  return [{ id: flow.id, title: flow.id, target: flow.kind === 'announcement' ? flow.target : undefined }]
}

/**
 * A flow's funnel over a period and audience, counted per person across devices. Steps come from the published
 * definition; a flow without one (shown with `show*({ … })`, or no longer published) has the kind and
 * step ids its newest showing names (titled by id), else the step indexes its data names.
 * `undefined` when the id is neither published nor found in the data.
 */
export async function flowFunnel(storage: Storage, projectId: string, flows: readonly Flow[], id: string, scope: Scope): Promise<FlowFunnel | undefined> {
  const flow = flows.find((f) => f.id === id)
  const people = await queryScoped<FunnelPerson>(storage, scope.audience, FUNNEL_PEOPLE, [projectId, id, scope.from, scope.to])
  if (!flow && people.length === 0) return undefined
  const known = Math.max(0, ...people.flatMap((p) => [...p.reached, ...p.missing.map((m) => m.step), p.dismissedStep ?? 0]))
  const shown = flow ? {} : await shownParts(storage, projectId, id)
  const kind = flow?.kind ?? shown.kind ?? null
  const steps = flow ? stepsOf(flow)
    : shown.steps?.length ? shown.steps.map((step) => ({ id: step, title: step }))
    : kind && kind != 'tour' && kind != 'survey' && kind != 'checklist' ? [{ id, title: id }]
    : Array.from({ length: known + 1 }, (_, i) => ({ id: String(i), title: String(i) }))
  return {
    flowId: id,
    kind,
    from: new Date(scope.from).toISOString(),
    to: new Date(scope.to).toISOString(),
    ...funnelStats(steps, people),
    ...(kind === 'announcement' && { announcement: await announcementNumbers(storage, projectId, id, scope) }),
  }
}
