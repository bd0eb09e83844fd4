import type { Answer, CairnEvent, JsonObject } from '@cairn/protocol'

/** An event ready to store: validated, sanitized, with its corrected server time (epoch ms). */
export type StoredEvent = { event: CairnEvent; ts: number }

type Actor = { a: string; u: string }
export type ActorRow = Actor & { first: number; last: number }
/** `traitTimes`: when each trait key was last set, so rows from different batches merge key by key. */
export type UserRow = { u: string; first: number; last: number; traits: JsonObject; traitTimes: Record<string, number> }
export type IdentityRow = Actor & { at: number }
export type FlowStateRow = Actor & {
  f: string
  shown: number
  shownAt: number | null
  completedAt: number | null
  dismissedAt: number | null
  heldOutAt: number | null
  step: number | null
  stepAt: number | null
}
export type FlowStepRow = Actor & { f: string; s: string; at: number }
export type AnswerRow = Actor & {
  f: string; sub: string; q: string; id: string; answer: Answer; other: string | null; final: boolean; at: number
  /** The question's type and a rating's scale, as the SDK sent them (null from an older SDK). */
  qt: string | null; scale: number | null
}
export type MilestoneRow = Actor & { n: string; at: number }
export type CountRow = Actor & { n: string; c: number; last: number }

/** Rows to upsert, one per key, so a single multi-row upsert never touches a key twice. */
export type Projections = {
  actors: ActorRow[]
  users: UserRow[]
  identities: IdentityRow[]
  flowStates: FlowStateRow[]
  flowSteps: FlowStepRow[]
  answers: AnswerRow[]
  milestones: MilestoneRow[]
  counts: CountRow[]
}

const later = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b))

function table<R>() {
  const rows = new Map<string, R>()
  return {
    rows,
    upsert(key: unknown[], make: () => R, merge: (row: R) => void) {
      const id = JSON.stringify(key)
      const row = rows.get(id)
      if (row) merge(row)
      else rows.set(id, make())
    },
    get(key: unknown[], make: () => R): R {
      const id = JSON.stringify(key)
      let row = rows.get(id)
      if (!row) rows.set(id, (row = make()))
      return row
    },
  }
}

/**
 * Folds newly stored events into per-key rows for the projection tables. Pure: the store merges the
 * rows into the tables with upserts whose merge rules match these (earliest first, latest last, sums).
 * Events must be new (already deduped), or counts would double.
 */
export function project(events: readonly StoredEvent[]): Projections {
  const actors = table<ActorRow>()
  const users = table<UserRow>()
  const identities = table<IdentityRow>()
  const flowStates = table<FlowStateRow>()
  const flowSteps = table<FlowStepRow>()
  const answers = table<AnswerRow>()
  const milestones = table<MilestoneRow>()
  const counts = table<CountRow>()

  // Traits merge in time order, so sort once; every other rule is order-independent, ties included:
  // steps of one millisecond (a headless tour's step and complete) keep the highest step, answers the
  // greatest event id, whichever batch brought them first.
  const sorted = [...events].sort((x, y) => x.ts - y.ts)
  for (const { event: e, ts } of sorted) {
    const actor = { a: e.anonymousId, u: e.userId ?? '' }
    actors.upsert([actor.a, actor.u], () => ({ ...actor, first: ts, last: ts }), (row) => {
      row.first = Math.min(row.first, ts)
      row.last = Math.max(row.last, ts)
    })
    if (e.userId !== undefined) {
      const traits = e.type === 'identify' ? e.traits ?? {} : {}
      // Null-prototype maps: a trait named `__proto__` stays a trait.
      const row = users.get([e.userId], () => ({ u: actor.u, first: ts, last: ts, traits: Object.create(null), traitTimes: Object.create(null) }))
      row.first = Math.min(row.first, ts)
      row.last = Math.max(row.last, ts)
      // Events are in time order, so a later value simply overwrites.
      for (const [key, value] of Object.entries(traits)) {
        row.traits[key] = value
        row.traitTimes[key] = ts
      }
    }
    switch (e.type) {
      case 'identify':
        identities.upsert([actor.a, actor.u], () => ({ ...actor, at: ts }), (row) => {
          row.at = Math.min(row.at, ts)
        })
        break
      case 'track':
        counts.upsert([actor.a, actor.u, e.name], () => ({ ...actor, n: e.name, c: 1, last: ts }), (row) => {
          row.c += 1
          row.last = Math.max(row.last, ts)
        })
        break
      case 'milestone':
        milestones.upsert([actor.a, actor.u, e.name], () => ({ ...actor, n: e.name, at: ts }), (row) => {
          row.at = Math.min(row.at, ts)
        })
        break
      case 'survey_answer':
        answers.upsert([e.flowId, e.submissionId, e.questionId], () => ({
          ...actor, f: e.flowId, sub: e.submissionId, q: e.questionId, id: e.id,
          answer: e.answer, other: e.other ?? null, final: e.final ?? false, at: ts, qt: e.questionType ?? null, scale: e.scale ?? null,
        }), (row) => {
          if (ts < row.at || (ts === row.at && e.id.toLowerCase() < row.id.toLowerCase())) return
          Object.assign(row, { ...actor, id: e.id, answer: e.answer, other: e.other ?? null, final: e.final ?? false, at: ts, qt: e.questionType ?? null, scale: e.scale ?? null })
        })
        break
      case 'flow_error':
        break
      default: {
        const blank = (): FlowStateRow => ({
          ...actor, f: e.flowId, shown: 0, shownAt: null, completedAt: null, dismissedAt: null, heldOutAt: null, step: null, stepAt: null,
        })
        const apply = (row: FlowStateRow) => {
          if (e.type === 'flow_shown') {
            row.shown += 1
            row.shownAt = later(row.shownAt, ts)
          } else if (e.type === 'flow_completed') row.completedAt = later(row.completedAt, ts)
          // "Ask me later" puts a survey off; it does not turn it down.
          else if (e.type === 'flow_dismissed' && e.reason !== 'later') row.dismissedAt = later(row.dismissedAt, ts)
          else if (e.type === 'flow_held_out') row.heldOutAt = Math.min(row.heldOutAt ?? ts, ts)
          else if (e.stepIndex !== undefined && (row.stepAt === null || ts > row.stepAt || (ts === row.stepAt && e.stepIndex > row.step!))) {
            row.step = e.stepIndex
            row.stepAt = ts
          }
        }
        flowStates.upsert([actor.a, actor.u, e.flowId], () => {
          const row = blank()
          apply(row)
          return row
        }, apply)
        if (e.type === 'flow_step' && e.stepId !== undefined) {
          const stepId = e.stepId
          flowSteps.upsert([actor.a, actor.u, e.flowId, stepId], () => ({ ...actor, f: e.flowId, s: stepId, at: ts }), (row) => {
            row.at = Math.min(row.at, ts)
          })
        }
      }
    }
  }
  const list = <R>(t: { rows: Map<string, R> }) => [...t.rows.values()]
  return {
    actors: list(actors),
    users: list(users),
    identities: list(identities),
    flowStates: list(flowStates),
    flowSteps: list(flowSteps),
    answers: list(answers),
    milestones: list(milestones),
    counts: list(counts),
  }
}
