import type { UserState } from '@cairn/protocol'
import type { StoredEvent } from './projections.ts'

/** What one ingest did: newly stored events, and events that were already stored (or repeated in the batch). */
export type IngestResult = { accepted: number; duplicates: number }

/**
 * The collector's storage, the same on PGlite and PostgreSQL. Every method may reject when the
 * database is unreachable; callers answer 503 then, since no input can make a valid call fail.
 */
export type Storage = {
  readonly kind: 'pglite' | 'postgres'
  /**
   * Stores events once per (project, event id) and folds the new ones into the projections, in one
   * transaction: when the promise resolves, everything is committed.
   */
  ingest(projectId: string, events: readonly StoredEvent[], receivedAt: number): Promise<IngestResult>
  /**
   * A user's state across devices and their anonymous sessions. With `linkedOnly`, events that carried
   * the user id count only from anonymous ids a verified identify linked to the user.
   */
  userState(projectId: string, userId: string, opts: { linkedOnly: boolean }): Promise<UserState>
  /**
   * Deletes at most `limit` raw events of the project with a server time before `before` (epoch ms),
   * oldest first, and answers how many; projections and rollups keep what they hold.
   */
  expireEvents(projectId: string, before: number, limit: number): Promise<number>
  /** Read access for reports and tests. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>
  /** Resolves when the database answers. */
  ping(): Promise<void>
  /** Flushes and closes; waits for running statements. */
  close(): Promise<void>
}
