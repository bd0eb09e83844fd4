import { uuidv7Time } from '@cairn/protocol'
import type { Answer, FlowState, UserState } from '@cairn/protocol'
import type { Sql, SqlDriver } from './sql.ts'
import type { Storage } from './storage.ts'
import { createWriteQueue, type WriteRequest } from './write-queue.ts'
import { project, type StoredEvent } from './projections.ts'
import * as sql from './ingest-sql.ts'
import { USER_STATE } from './user-state-sql.ts'
import { EXPIRE_EVENTS } from './expire-sql.ts'

/** Postgres codes worth retrying the whole transaction for: deadlock, serialization failure. */
const RETRYABLE = new Set(['40P01', '40001'])
const ATTEMPTS = 3
/** Most events one group commit writes (ten full batches). */
const MAX_GROUP_EVENTS = 5000

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

function eventRow({ event, ts }: StoredEvent, receivedAt: number) {
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
    receivedAt,
    data,
  }
}

/** Stores one project's events (unique ids) and folds the new ones into the projections; returns the new ids. */
async function writeProject(tx: Sql, projectId: string, requests: readonly WriteRequest[]): Promise<Set<string>> {
  const seen = new Set<string>()
  const rows: ReturnType<typeof eventRow>[] = []
  const items: StoredEvent[] = []
  for (const request of requests) {
    for (const item of request.items) {
      if (seen.has(item.event.id)) continue
      seen.add(item.event.id)
      items.push(item)
      rows.push(eventRow(item, request.receivedAt))
    }
  }
  const inserted = await tx.query<{ id: string }>(sql.INSERT_EVENTS, [projectId, JSON.stringify(rows)])
  const fresh = new Set(inserted.map((row) => row.id))
  const p = project(items.filter((item) => fresh.has(item.event.id)))
  const linking = [...p.identities.map((row) => row.a), ...p.milestones.filter((row) => row.u === '').map((row) => row.a)]
  if (linking.length > 0) await tx.query(sql.LOCK_ANONYMOUS_IDS, [projectId, JSON.stringify(linking)])
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
  return fresh
}

type StateRow = {
  seen: { first: number | null; last: number | null }
  flows: ({ flowId: string; shownCount: number } & Record<'shownAt' | 'completedAt' | 'dismissedAt' | 'heldOutAt' | 'step' | 'stepAt', number | null>)[]
  steps: { flowId: string; stepId: string; at: number }[]
  answers: { flowId: string; submissionId: string; questionId: string; answer: Answer; at: number }[]
  milestones: Record<string, number>
  events: Record<string, number>
}

function toUserState(userId: string, row: StateRow): UserState {
  const flows: Record<string, FlowState> = {}
  const flowOf = (id: string): FlowState => (flows[id] ??= { shownCount: 0 })
  for (const f of row.flows) {
    const state = flowOf(f.flowId)
    state.shownCount = f.shownCount
    for (const key of ['shownAt', 'completedAt', 'dismissedAt', 'heldOutAt', 'step', 'stepAt'] as const) {
      const value = f[key]
      if (value !== null) state[key] = value
    }
  }
  for (const s of row.steps) (flowOf(s.flowId).items ??= {})[s.stepId] = s.at
  for (const a of row.answers) {
    const state = flowOf(a.flowId)
    ;(state.answers ??= {})[a.questionId] = a.answer
    state.answeredAt = Math.max(state.answeredAt ?? 0, a.at)
    state.submissionId = a.submissionId
  }
  const state: UserState = { userId, flows, milestones: row.milestones, events: row.events }
  if (row.seen.first !== null) state.firstSeen = row.seen.first
  if (row.seen.last !== null) state.lastSeen = row.seen.last
  return state
}

/**
 * The storage logic on top of a SQL driver; identical for PGlite and PostgreSQL. `writers` is how
 * many write transactions may run at once (1 for PGlite's single connection).
 */
export function createStore(db: SqlDriver, opts: { writers: number } = { writers: 1 }): Storage {
  const write = createWriteQueue(
    (requests) => withRetry(() => db.transaction(async (tx) => {
      const byProject = new Map<string, WriteRequest[]>()
      for (const request of requests) byProject.set(request.projectId, [...(byProject.get(request.projectId) ?? []), request])
      const inserted = new Map<string, Set<string>>()
      // Sorted, so concurrent groups touching several projects lock them in the same order.
      for (const projectId of [...byProject.keys()].sort()) {
        inserted.set(projectId, await writeProject(tx, projectId, byProject.get(projectId) ?? []))
      }
      return inserted
    })),
    { writers: opts.writers, maxEvents: MAX_GROUP_EVENTS },
  )
  return {
    kind: db.kind,
    ingest(projectId, events, receivedAt) {
      const unique = new Map<string, StoredEvent>()
      for (const item of events) {
        const id = item.event.id.toLowerCase()
        if (!unique.has(id)) unique.set(id, { ...item, event: { ...item.event, id } })
      }
      if (unique.size === 0) return Promise.resolve({ accepted: 0, duplicates: events.length })
      return write(projectId, [...unique.values()], events.length, receivedAt)
    },
    async userState(projectId, userId, { linkedOnly }) {
      const [row] = await db.query<StateRow>(USER_STATE, [projectId, userId, linkedOnly])
      if (!row) throw new Error('the user state query returned no row')
      return toUserState(userId, row)
    },
    async expireEvents(projectId, before, limit) {
      const [row] = await db.query<{ n: number }>(EXPIRE_EVENTS, [projectId, before, limit])
      return row?.n ?? 0
    },
    query: (text, params) => db.query(text, params),
    async ping() {
      await db.query('SELECT 1')
    },
    close: () => db.close(),
  }
}
