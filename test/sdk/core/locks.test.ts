import { describe, expect, it } from 'vitest'
import { LEASE_TTL } from '../../../packages/sdk/src/core/locks.ts'
import { manualClock, memoryLocks, memoryStorage, storageLease, webLocks } from '../../../packages/sdk/src/index.ts'
import { settle } from './support.ts'

const deferred = () => {
  let resolve = () => {}
  const promise = new Promise<void>((r) => { resolve = r })
  return { promise, resolve }
}

describe('memoryLocks', () => {
  it('lets one holder at a time run', async () => {
    const locks = memoryLocks()
    const gate = deferred()
    const first = locks.run('x', () => gate.promise)
    expect(await locks.run('x', async () => {})).toBe(false)
    expect(await locks.run('other', async () => {})).toBe(true)
    gate.resolve()
    expect(await first).toBe(true)
    expect(await locks.run('x', async () => {})).toBe(true)
  })
})

describe('storageLease (browsers without Web Locks)', () => {
  it('excludes a second tab while held, and frees the lease when done', async () => {
    const storage = memoryStorage()
    const clock = manualClock()
    const a = storageLease(storage, clock, 'tab-a')
    const b = storageLease(storage, clock, 'tab-b')
    const gate = deferred()
    const first = a.run('lock', () => gate.promise)
    clock.advance(30)
    await settle()
    expect(await b.run('lock', async () => {})).toBe(false)
    gate.resolve()
    expect(await first).toBe(true)
    expect(storage.get('lock:lease')).toBeNull()
  })

  it('two tabs claiming at once: the last write wins, the other backs off', async () => {
    const storage = memoryStorage()
    const clock = manualClock()
    let ran = false
    const claim = storageLease(storage, clock, 'tab-a').run('lock', async () => { ran = true })
    // Tab b read the lease before a's write reached it, and wrote its own claim over a's.
    storage.set('lock:lease', JSON.stringify({ o: 'tab-b', u: clock.now() + LEASE_TTL }))
    clock.advance(30)
    expect(await claim).toBe(false)
    expect(ran).toBe(false)
  })

  it('a lease left by a dead tab expires, and a live holder renews it', async () => {
    const storage = memoryStorage()
    const clock = manualClock()
    storage.set('lock:lease', JSON.stringify({ o: 'dead', u: clock.now() + LEASE_TTL }))
    const tab = storageLease(storage, clock, 'tab')
    expect(await tab.run('lock', async () => {})).toBe(false)
    clock.advance(LEASE_TTL + 1)
    const gate = deferred()
    const held = tab.run('lock', () => gate.promise)
    clock.advance(30)
    await settle()
    clock.advance(LEASE_TTL * 2)
    expect(JSON.parse(storage.get('lock:lease')!).u).toBeGreaterThan(clock.now())
    gate.resolve()
    expect(await held).toBe(true)
  })
})

describe('webLocks', () => {
  it('runs the task under navigator.locks with ifAvailable', async () => {
    const requests: unknown[] = []
    const manager = {
      request: (name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<boolean>) => {
        requests.push([name, options])
        return callback({ name })
      },
    }
    let ran = false
    expect(await webLocks(manager, memoryLocks()).run('n', async () => { ran = true })).toBe(true)
    expect(ran).toBe(true)
    expect(requests).toEqual([['n', { ifAvailable: true }]])
  })

  it('reports a busy lock', async () => {
    const manager = { request: (_: string, __: unknown, callback: (lock: unknown) => Promise<boolean>) => callback(null) }
    expect(await webLocks(manager, memoryLocks()).run('n', async () => {})).toBe(false)
  })

  it('switches to the fallback for good when the lock manager itself fails (opaque origins)', async () => {
    let calls = 0
    const manager = {
      request: () => {
        calls++
        return Promise.reject(new DOMException('opaque origin', 'SecurityError'))
      },
    }
    const locks = webLocks(manager, memoryLocks())
    expect(await locks.run('n', async () => {})).toBe(true)
    expect(await locks.run('n', async () => {})).toBe(true)
    expect(calls).toBe(1)
  })
})
