import type { StoredEvent } from './projections.ts'
import type { IngestResult } from './storage.ts'

/** One ingest call waiting for its write. Items are unique by (lowercased) event id. */
export type WriteRequest = { projectId: string; items: StoredEvent[]; receivedAt: number }
/** Writes requests in one transaction; answers the ids newly stored, by project. */
export type Flush = (requests: readonly WriteRequest[]) => Promise<Map<string, Set<string>>>

type Pending = WriteRequest & { total: number; resolve(result: IngestResult): void; reject(error: unknown): void }

/**
 * Group commit: ingest calls that arrive while the database is busy wait here and are written
 * together, in one transaction of a few multi-row statements, when a writer is free. A busy
 * collector pays per-statement costs once per group instead of once per batch. Each caller still
 * hears back only after the commit that holds its events.
 *
 * A free writer starts on the next turn of the event loop (`setImmediate`), not at once: the clients
 * a commit answered send their next batches together, and written at once the first of them would
 * make a group of one while the rest wait behind it for a whole transaction (bench:collector: p99
 * near twice the median). An idle collector's lone batch waits one turn, microseconds.
 */
export function createWriteQueue(flush: Flush, opts: { writers: number; maxEvents: number }) {
  const queue: Pending[] = []
  let running = 0
  let planned = false

  const settle = (group: Pending[], inserted: Map<string, Set<string>>) => {
    for (const request of group) {
      const fresh = inserted.get(request.projectId)
      let accepted = 0
      for (const item of request.items) {
        // The first request in the group to carry an id is the one that stored it.
        if (fresh?.delete(item.event.id)) accepted++
      }
      request.resolve({ accepted, duplicates: request.total - accepted })
    }
  }

  const pump = () => {
    while (running < opts.writers && queue.length > 0) {
      const group: Pending[] = []
      let size = 0
      while (queue.length > 0 && (group.length === 0 || size + (queue[0]?.items.length ?? 0) <= opts.maxEvents)) {
        const next = queue.shift() as Pending
        group.push(next)
        size += next.items.length
      }
      running++
      flush(group).then(
        (inserted) => settle(group, inserted),
        (error: unknown) => {
          for (const request of group) request.reject(error)
        },
      ).finally(() => {
        running--
        pump()
      })
    }
  }

  return (projectId: string, items: StoredEvent[], total: number, receivedAt: number) =>
    new Promise<IngestResult>((resolve, reject) => {
      queue.push({ projectId, items, total, receivedAt, resolve, reject })
      if (planned || running >= opts.writers) return
      planned = true
      setImmediate(() => {
        planned = false
        pump()
      })
    })
}
