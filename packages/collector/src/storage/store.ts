import { uuidv7Time } from '@cairn/protocol'
import type { Answer, FlowState, UserState } from '@cairn/protocol'
import type { SqlDriver } from './sql.ts'
import type { IngestResult, Storage } from './storage.ts'
import { project, type StoredEvent } from './projections.ts'
import * as sql from './ingest-sql.ts'
import { USER_STATE } from './user-state-sql.ts'

/** Postgres codes worth retrying the whole transaction for: deadlock, serialization failure. */
const RETRYABLE = new Set(['40P01', '40001'])
const ATTEMPTS = 3

async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      const code = (error as { code?: unknown }).code
      if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error
    }
  }
}

function eventRow({ event, ts }: StoredEvent) {
  const { hash: _, ...data } = event as typeof event & { hash?: string }
  return {
    id: event.id,
    idTime: uuidv7Time(event.id),
    type: event.type,
    name: 'name' in event ? event.name : null,
    flow: 'flowId' in event ? event.flowId : null,
    anon: event.anonymousId,
    uid: event.userId ?? null,
    sid: event.sessionId ?? null,
    ts,
    clientTs: event.ts,
    data,
  }
}

type StateRow = {
  seen: { first: number | null; last: number | null }
  flows: ({ flowId: string; shownCount: number } & Record<'shownAt' | 'completedAt' | 'dismissedAt' | 'heldOutAt' | 'step', number | null>)[]
  steps: { flowId: string; stepId: string; at: number }[]
  answers: { flowId: string; questionId: string; answer: Answer; at: number }[]
  milestones: Record<string, number>
  events: Record<string, number>
}

function toUserState(userId: string, row: StateRow): UserState {
  const flows: Record<string, FlowState> = {}
  const flowOf = (id: string): FlowState => (flows[id] ??= { shownCount: 0 })
  for (const f of row.flows) {
    const state = flowOf(f.flowId)
    state.shownCount = f.shownCount
    for (const key of ['shownAt', 'completedAt', 'dismissedAt', 'heldOutAt', 'step'] as const) {
      const value = f[key]
      if (value !== null) state[key] = value
    }
  }
  for (const s of row.steps) (flowOf(s.flowId).items ??= {})[s.stepId] = s.at
  for (const a of row.answers) {
    const state = flowOf(a.flowId)
    ;(state.answers ??= {})[a.questionId] = a.answer
    state.answeredAt = Math.max(state.answeredAt ?? 0, a.at)
  }
  const state: UserState = { userId, flows, milestones: row.milestones, events: row.events }
  if (row.seen.first !== null) state.firstSeen = row.seen.first
  if (row.seen.last !== null) state.lastSeen = row.seen.last
  return state
}

/** The storage logic on top of a SQL driver; identical for PGlite and PostgreSQL. */
export function createStore(db: SqlDriver): Storage {
  return {
    kind: db.kind,
    async ingest(projectId, events, receivedAt): Promise<IngestResult> {
      const unique = new Map<string, StoredEvent>()
      for (const item of events) {
        const id = item.event.id.toLowerCase()
        if (!unique.has(id)) unique.set(id, { ...item, event: { ...item.event, id } })
      }
      if (unique.size === 0) return { accepted: 0, duplicates: events.length }
      const rows = JSON.stringify([...unique.values()].map(eventRow))
      return withRetry(() => db.transaction(async (tx) => {
        const inserted = await tx.query<{ id: string }>(sql.INSERT_EVENTS, [projectId, rows, receivedAt])
        const fresh = new Set(inserted.map((row) => row.id))
        const p = project([...unique.values()].filter((item) => fresh.has(item.event.id)))
        const upserts: [string, unknown[]][] = [
          [sql.UPSERT_ACTORS, p.actors],
          [sql.UPSERT_USERS, p.users],
          [sql.UPSERT_IDENTITIES, p.identities],
          [sql.UPSERT_FLOW_STATES, p.flowStates],
          [sql.UPSERT_FLOW_STEPS, p.flowSteps],
          [sql.UPSERT_ANSWERS, p.answers],
          [sql.UPSERT_MILESTONES, p.milestones],
          [sql.UPSERT_COUNTS, p.counts],
        ]
        for (const [statement, list] of upserts) {
          if (list.length > 0) await tx.query(statement, [projectId, JSON.stringify(list)])
        }
        return { accepted: fresh.size, duplicates: events.length - fresh.size }
      }))
    },
    async userState(projectId, userId, { linkedOnly }) {
      const [row] = await db.query<StateRow>(USER_STATE, [projectId, userId, linkedOnly])
      if (!row) throw new Error('the user state query returned no row')
      return toUserState(userId, row)
    },
    query: (text, params) => db.query(text, params),
    async ping() {
      await db.query('SELECT 1')
    },
    close: () => db.close(),
  }
}
