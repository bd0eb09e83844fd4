import { describe, expect, it } from 'vitest'
import { createWriteQueue, type WriteRequest } from '../../packages/collector/src/storage/write-queue.ts'
import type { StoredEvent } from '@cairn/collector'
import { track } from './helpers/events.ts'

const items = (...names: string[]): StoredEvent[] => names.map((name) => ({ event: { ...track(name), id: name }, ts: 0 }))

/** A fake database: each flush waits until released (oldest first), stores ids once per project. */
function fakeFlush() {
  const stored = new Map<string, Set<string>>()
  const flushes: WriteRequest[][] = []
  const waiting: (() => void)[] = []
  let failNext: Error | undefined
  const flush = async (requests: readonly WriteRequest[]) => {
    flushes.push([...requests])
    await new Promise<void>((resolve) => waiting.push(resolve))
    if (failNext) {
      const error = failNext
      failNext = undefined
      throw error
    }
    const inserted = new Map<string, Set<string>>()
    for (const r of requests) {
      const set = stored.get(r.projectId) ?? new Set()
      stored.set(r.projectId, set)
      const fresh = inserted.get(r.projectId) ?? new Set()
      inserted.set(r.projectId, fresh)
      for (const item of r.items) if (!set.has(item.event.id)) (set.add(item.event.id), fresh.add(item.event.id))
    }
    return inserted
  }
  const tick = () => new Promise((resolve) => setTimeout(() => setImmediate(resolve), 0))
  return { flush, flushes, release: async () => (waiting.shift()?.(), await tick()), fail: (e: Error) => (failNext = e), tick }
}

describe('write queue (group commit)', () => {
  it('writes at once when idle, and groups what arrives while a write runs', async () => {
    const db = fakeFlush()
    const write = createWriteQueue(db.flush, { writers: 1, maxEvents: 100 })
    const first = write('p', items('a'), 1, 0)
    await db.tick()
    expect(db.flushes).toHaveLength(1)
    const second = write('p', items('b', 'c'), 2, 0)
    const third = write('q', items('d'), 1, 0)
    await db.tick()
    expect(db.flushes).toHaveLength(1)
    await db.release()
    expect(await first).toEqual({ accepted: 1, duplicates: 0 })
    expect(db.flushes[1]?.map((r) => r.projectId)).toEqual(['p', 'q'])
    await db.release()
    expect(await second).toEqual({ accepted: 2, duplicates: 0 })
    expect(await third).toEqual({ accepted: 1, duplicates: 0 })
  })

  it('groups the requests that arrive in one turn of the event loop while no write runs', async () => {
    const db = fakeFlush()
    const write = createWriteQueue(db.flush, { writers: 1, maxEvents: 100 })
    const answers = [write('p', items('a'), 1, 0), write('p', items('b'), 1, 0), write('q', items('c'), 1, 0)]
    expect(db.flushes).toHaveLength(0)
    await db.tick()
    expect(db.flushes.map((group) => group.map((r) => r.items[0]?.event.id))).toEqual([['a', 'b', 'c']])
    await db.release()
    expect(await Promise.all(answers)).toEqual([1, 1, 1].map((accepted) => ({ accepted, duplicates: 0 })))
  })

  it('credits an id carried by two requests of one group to the first, and counts in-request repeats as duplicates', async () => {
    const db = fakeFlush()
    const write = createWriteQueue(db.flush, { writers: 1, maxEvents: 100 })
    const busy = write('p', items('x'), 1, 0)
    await db.tick()
    const a = write('p', items('a', 'b'), 3, 0)
    const b = write('p', items('b', 'c'), 2, 0)
    await db.release()
    await busy
    await db.release()
    expect(await a).toEqual({ accepted: 2, duplicates: 1 })
    expect(await b).toEqual({ accepted: 1, duplicates: 1 })
  })

  it('caps a group at maxEvents and runs up to `writers` groups at once', async () => {
    const db = fakeFlush()
    const write = createWriteQueue(db.flush, { writers: 2, maxEvents: 3 })
    const all = [write('p', items('a', 'b'), 2, 0), write('p', items('c', 'd'), 2, 0), write('p', items('e'), 1, 0), write('p', items('f', 'g'), 2, 0)]
    await db.tick()
    // Both writers start, each with as many whole requests as fit in maxEvents, in arrival order.
    expect(db.flushes.map((g) => g.map((r) => r.items.length))).toEqual([[2], [2, 1]])
    for (let i = 0; i < 3; i++) await db.release()
    await Promise.all(all)
    expect(db.flushes.map((g) => g.map((r) => r.items.length))).toEqual([[2], [2, 1], [2]])
  })

  it('fails every request of a failed group, and goes on with the next', async () => {
    const db = fakeFlush()
    const write = createWriteQueue(db.flush, { writers: 1, maxEvents: 100 })
    db.fail(new Error('connection lost'))
    const doomed = write('p', items('a'), 1, 0).catch((error: Error) => error)
    await db.tick()
    await db.release()
    expect(await doomed).toEqual(new Error('connection lost'))
    const next = write('p', items('a'), 1, 0)
    await db.tick()
    await db.release()
    expect(await next).toEqual({ accepted: 1, duplicates: 0 })
  })
})
