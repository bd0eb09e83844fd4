import { LIMITS } from '@cairn/protocol'
import type { CairnEvent } from '@cairn/protocol'
import { readJson } from './storage.ts'
import type { KeyValueStorage } from './storage.ts'
import { wireSize } from './batch.ts'

/**
 * Bounds of one page's queue (at most 1,000 events / 512 KB, oldest dropped first) and of one event
 * (the collector's limit).
 */
export const QUEUE_LIMITS = { events: 1_000, bytes: 512 * 1024, event: LIMITS.eventBytes }

/** A segment whose page showed no sign of life for this long is orphaned (crashed tab) and adopted. */
export const STALE_AFTER = 15 * 60_000

/** Problems counted until they can be reported in an `sdk_error` event, by code. */
export type Counters = Record<string, number>

/** What a segment holds in storage: last sign of life (0 once its page has left), events, counters. */
type Stored = { t: number; e: CairnEvent[]; c?: Counters }

/**
 * The persisted event queue of one page.
 *
 * localStorage has no transactions between tabs, so a read-modify-write of one shared key can lose
 * another tab's write. Each page therefore writes only its own segment (`…:q:<segment>`), keeps it in
 * memory as the source of truth, and writes it through on every change. Segments whose page left
 * (`release()` on pagehide) or went silent for {@link STALE_AFTER} are adopted by whichever page holds
 * the flush lock next, so nothing queued is lost with its tab.
 */
export interface Queue {
  readonly events: readonly CairnEvent[]
  /**
   * Appends an event, dropping (and counting) the oldest past the bounds. Returns false, queuing
   * nothing, for an event larger than the collector accepts.
   */
  push(event: CairnEvent): boolean
  remove(ids: ReadonlySet<string>): void
  count(code: string, by?: number): void
  /**
   * Returns the counters and clears them, when there is room to queue their report without dropping
   * an event for it (else they wait, still counted).
   */
  takeCounters(): Counters | undefined
  /** Moves orphaned segments of the project into this one; returns how many events came. */
  adopt(): number
  /** Marks this page alive (called on delivery attempts and when the page comes back). */
  touch(): void
  /** Marks this page gone, so the next page adopts the segment at once. */
  release(): void
  /** Forgets everything and removes the segment. */
  clear(): void
}

/**
 * Creates the {@link Queue} of one page.
 * @param prefix the project's queue prefix (see `storageKeys`)
 * @param segment this page's random segment id
 */
export function createQueue(
  storage: KeyValueStorage, prefix: string, segment: string, now: () => number, limits = QUEUE_LIMITS,
): Queue {
  const own = prefix + segment
  let events: CairnEvent[] = []
  // The wire size of each event, in step with `events`.
  let sizes: number[] = []
  let bytes = 0
  let counters: Counters = {}
  let released = false

  const persist = () => {
    const counted = Object.keys(counters).length
    if (events.length || counted) {
      const stored: Stored = { t: released ? 0 : now(), e: events }
      if (counted) stored.c = counters
      storage.set(own, JSON.stringify(stored))
    } else storage.remove(own)
  }
  const count = (code: string, by = 1) => {
    counters[code] = (counters[code] ?? 0) + by
  }
  /** Keeps the events `test` accepts, drops the oldest past the bounds (counting them), writes through. */
  const keep = (test: (event: CairnEvent) => unknown = () => 1) => {
    const kept = events.map(test)
    events = events.filter((_, i) => kept[i])
    sizes = sizes.filter((_, i) => kept[i])
    bytes = sizes.reduce((sum, size) => sum + size, 0)
    let dropped = 0
    for (; events.length > limits.events || bytes > limits.bytes; dropped++) {
      events.shift()
      bytes -= sizes.shift()!
    }
    if (dropped) count('queue_full', dropped)
    persist()
  }

  return {
    get events() {
      return events
    },
    push(event) {
      const size = wireSize(event)
      if (size > limits.event) return false
      events.push(event)
      sizes.push(size)
      keep()
      return true
    },
    remove: (ids) => keep((event) => !ids.has(event.id)),
    count(code, by) {
      count(code, by)
      persist()
    },
    takeCounters() {
      const taken = counters
      if (!Object.keys(taken).length || events.length >= limits.events || bytes + 1024 > limits.bytes) return undefined
      counters = {}
      persist()
      return taken
    },
    adopt() {
      const known = new Set(events.map((event) => event.id))
      const adopted: CairnEvent[] = []
      for (const key of storage.keys(prefix)) {
        if (key === own) continue
        // An unreadable segment has nothing to deliver.
        const found = readJson(storage, key) as Stored | undefined
        if (found && found.t !== 0 && now() - found.t < STALE_AFTER) continue
        storage.remove(key)
        for (const event of Array.isArray(found?.e) ? found.e : []) {
          if (known.has(event.id)) continue
          known.add(event.id)
          adopted.push(event)
        }
        for (const code in found?.c) count(code, found.c[code]!)
      }
      if (adopted.length) {
        // The whole queue in time order, so that the bounds drop the oldest events of all pages.
        events = [...adopted, ...events].sort((a, b) => a.ts - b.ts)
        sizes = events.map(wireSize)
      }
      keep()
      return adopted.length
    },
    touch() {
      released = false
      persist()
    },
    release() {
      released = true
      persist()
    },
    clear() {
      counters = {}
      keep(() => 0)
    },
  }
}
