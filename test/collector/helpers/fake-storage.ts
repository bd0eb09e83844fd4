import type { Storage, StoredEvent } from '@cairn/collector'

/**
 * An in-memory stand-in for HTTP-level tests: remembers what was ingested, dedupes by id like the
 * real store, and can be switched "down" to make every call fail like an unreachable database.
 */
export function fakeStorage() {
  const ids = new Set<string>()
  const stored: (StoredEvent & { projectId: string; receivedAt: number })[] = []
  const state = { down: false }
  const guard = () => {
    if (state.down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432')
  }
  const storage: Storage = {
    kind: 'pglite',
    async ingest(projectId, events, receivedAt) {
      guard()
      let accepted = 0
      for (const item of events) {
        const key = `${projectId}/${item.event.id.toLowerCase()}`
        if (ids.has(key)) continue
        ids.add(key)
        stored.push({ ...item, projectId, receivedAt })
        accepted++
      }
      return { accepted, duplicates: events.length - accepted }
    },
    async userState(_projectId, userId) {
      guard()
      return { userId, flows: {}, milestones: {}, events: {} }
    },
    async expireEvents(projectId, before, limit) {
      guard()
      const gone = stored.filter((e) => e.projectId === projectId && e.ts < before).sort((x, y) => x.ts - y.ts).slice(0, limit)
      for (const e of gone) {
        ids.delete(`${projectId}/${e.event.id.toLowerCase()}`)
        stored.splice(stored.indexOf(e), 1)
      }
      return gone.length
    },
    async query() {
      guard()
      return []
    },
    async ping() {
      guard()
    },
    async close() {},
  }
  return { storage, stored, state }
}
