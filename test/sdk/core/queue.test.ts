import type { CairnEvent } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { STALE_AFTER, createQueue } from '../../../packages/sdk/src/core/queue.ts'
import { memoryStorage } from '../../../packages/sdk/src/index.ts'

const PREFIX = 'cairn:v1:pk:q:'
const event = (n: number, pad = 0): CairnEvent => ({
  type: 'track', name: `e${n}`, id: `id-${n}`, ts: 1000 + n, anonymousId: 'a', ...(pad ? { props: { pad: 'x'.repeat(pad) } } : {}),
})

describe('queue', () => {
  it('writes its segment through on every change and removes it when empty', () => {
    const storage = memoryStorage()
    const queue = createQueue(storage, PREFIX, 's1', () => 5)
    queue.push(event(1))
    expect(JSON.parse(storage.get(`${PREFIX}s1`)!)).toEqual({ t: 5, e: [event(1)] })
    queue.remove(new Set(['id-1']))
    expect(storage.get(`${PREFIX}s1`)).toBeNull()
  })

  it('drops the oldest events past 1,000 and counts them', () => {
    const queue = createQueue(memoryStorage(), PREFIX, 's', () => 0)
    for (let i = 0; i < 1005; i++) queue.push(event(i))
    expect(queue.events).toHaveLength(1000)
    expect(queue.events[0]?.id).toBe('id-5')
    // No report while full: queuing it would drop one more event.
    expect(queue.takeCounters()).toBeUndefined()
    queue.remove(new Set(['id-5']))
    expect(queue.takeCounters()).toEqual({ queue_full: 5 })
    expect(queue.takeCounters()).toBeUndefined()
  })

  it('drops the oldest events past the byte bound', () => {
    const queue = createQueue(memoryStorage(), PREFIX, 's', () => 0, { events: 1000, bytes: 2500, event: 1000 })
    for (let i = 0; i < 5; i++) queue.push(event(i, 600))
    expect(queue.events.map((e) => e.id)).toEqual(['id-2', 'id-3', 'id-4'])
    queue.remove(new Set(['id-2']))
    expect(queue.takeCounters()).toEqual({ queue_full: 2 })
  })

  it('refuses an event larger than the collector accepts', () => {
    const queue = createQueue(memoryStorage(), PREFIX, 's', () => 0)
    expect(queue.push(event(1, 40_000))).toBe(false)
    expect(queue.push(event(2))).toBe(true)
    expect(queue.events.map((e) => e.id)).toEqual(['id-2'])
  })

  it('adopts the segment of a page that left, at once, and deletes it', () => {
    const storage = memoryStorage()
    const gone = createQueue(storage, PREFIX, 'old', () => 100)
    gone.push(event(1))
    gone.count('invalid_call', 2)
    gone.release()
    const next = createQueue(storage, PREFIX, 'new', () => 200)
    next.push(event(2))
    expect(next.adopt()).toBe(1)
    expect(next.events.map((e) => e.id)).toEqual(['id-1', 'id-2'])
    expect(storage.get(`${PREFIX}old`)).toBeNull()
    expect(next.takeCounters()).toEqual({ invalid_call: 2 })
  })

  it('leaves a live page alone and adopts a silent (crashed) one after the stale period', () => {
    const storage = memoryStorage()
    let now = 1_000
    const crashed = createQueue(storage, PREFIX, 'crashed', () => now)
    crashed.push(event(1))
    const other = createQueue(storage, PREFIX, 'other', () => now)
    now = 1_000 + STALE_AFTER - 1
    expect(other.adopt()).toBe(0)
    now = 1_000 + STALE_AFTER
    expect(other.adopt()).toBe(1)
  })

  it('adopts an event it already holds only once, and ignores unreadable segments', () => {
    const storage = memoryStorage([[`${PREFIX}bad`, '{not json']])
    const queue = createQueue(storage, PREFIX, 'me', () => 0)
    queue.push(event(1))
    storage.set(`${PREFIX}twin`, JSON.stringify({ t: 0, e: [event(1), event(2)] }))
    expect(queue.adopt()).toBe(1)
    expect(queue.events.map((e) => e.id)).toEqual(['id-1', 'id-2'])
    expect(storage.keys(PREFIX)).toEqual([`${PREFIX}me`])
  })

  it('marks itself released, and alive again on touch', () => {
    const storage = memoryStorage()
    const queue = createQueue(storage, PREFIX, 's', () => 42)
    queue.push(event(1))
    queue.release()
    queue.push(event(2))
    expect(JSON.parse(storage.get(`${PREFIX}s`)!).t).toBe(0)
    queue.touch()
    expect(JSON.parse(storage.get(`${PREFIX}s`)!).t).toBe(42)
  })

  it('clear() forgets everything and removes the segment', () => {
    const storage = memoryStorage()
    const queue = createQueue(storage, PREFIX, 's', () => 1)
    queue.push(event(1))
    queue.count('x')
    queue.clear()
    expect(queue.events).toEqual([])
    expect(queue.takeCounters()).toBeUndefined()
    expect(storage.keys('')).toEqual([])
  })
})
