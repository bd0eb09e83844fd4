import type { Clock } from './clock.ts'
import { readJson } from './storage.ts'
import type { KeyValueStorage } from './storage.ts'

/** Mutual exclusion between tabs, so that one tab at a time sends. */
export interface Locks {
  /** Runs `task` holding `name` if nobody holds it; resolves whether it ran. */
  run(name: string, task: () => Promise<void>): Promise<boolean>
}

/** The parts of `navigator.locks` used here. */
type WebLockManager = {
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<boolean>): Promise<boolean>
}

/**
 * Web Locks (`navigator.locks`): released by the browser when the holder's tab dies. Where a request
 * itself fails (opaque origins throw `SecurityError`), switches for good to `fallback`.
 */
export function webLocks(manager: WebLockManager, fallback: Locks): Locks {
  let broken = false
  return {
    async run(name, task) {
      let started = false
      if (!broken) {
        try {
          return await manager.request(name, { ifAvailable: true }, async (lock) => {
            if (!lock) return false
            started = true
            await task()
            return true
          })
        } catch (error) {
          if (started) throw error
          broken = true
        }
      }
      return fallback.run(name, task)
    },
  }
}

/** How long a storage lease lasts without renewal, ms. */
export const LEASE_TTL = 30_000

/**
 * A lease in storage for browsers without Web Locks: `{ owner, until }` under the lock's name,
 * taken when absent or expired, confirmed after a short pause (two tabs that wrote at once: the
 * last write wins and the other backs off), renewed while held, removed when done. A tab that dies
 * holding it blocks the others for at most {@link LEASE_TTL}.
 */
export function storageLease(storage: KeyValueStorage, clock: Clock, owner: string): Locks {
  return {
    async run(name, task) {
      const key = `${name}:lease`
      const holder = () => readJson(storage, key) as { o?: string; u?: number } | undefined
      let cancel = () => {}
      // Claims (and later renews) the lease.
      const claim = () => {
        cancel()
        storage.set(key, JSON.stringify({ o: owner, u: clock.now() + LEASE_TTL }))
        cancel = clock.setTimeout(claim, LEASE_TTL / 3)
      }
      const current = holder()
      if (current && current.o !== owner && current.u! > clock.now()) return false
      claim()
      await new Promise<void>((resolve) => clock.setTimeout(resolve, 30))
      if (holder()?.o !== owner) {
        cancel()
        return false
      }
      try {
        await task()
      } finally {
        cancel()
        if (holder()?.o === owner) storage.remove(key)
      }
      return true
    },
  }
}

/**
 * In-process locks: the twin for tests. Clients given the same instance exclude each other, like
 * tabs sharing one browser.
 */
export function memoryLocks(): Locks {
  const held = new Set<string>()
  return {
    async run(name, task) {
      if (held.has(name)) return false
      held.add(name)
      try {
        await task()
      } finally {
        held.delete(name)
      }
      return true
    },
  }
}
