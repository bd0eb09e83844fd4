/** Time as the SDK sees it: a reading in epoch milliseconds and one-shot timers. */
export interface Clock {
  now(): number
  /** Runs `run` after `ms`; returns a function that cancels it. */
  setTimeout(run: () => void, ms: number): () => void
}

/** The real clock (`Date.now`, `globalThis.setTimeout`). */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(run, ms) {
    const handle = setTimeout(run, ms)
    return () => clearTimeout(handle)
  },
}

/** A {@link Clock} that only moves when told to: the twin for tests. */
export interface ManualClock extends Clock {
  /** Moves time forward, running every timer that falls due, in order. */
  advance(ms: number): void
  /** Timers not yet run. */
  pending(): number
}

/**
 * Creates a {@link ManualClock}.
 * @example const clock = manualClock(Date.UTC(2026, 0, 1)); clock.advance(2_000)
 */
export function manualClock(start = 1_767_225_600_000): ManualClock {
  let time = start
  let seq = 0
  const timers = new Map<number, { at: number; run: () => void }>()
  return {
    now: () => time,
    setTimeout(run, ms) {
      const id = ++seq
      timers.set(id, { at: time + Math.max(0, ms), run })
      return () => void timers.delete(id)
    },
    advance(ms) {
      const end = time + ms
      // Bounded: a timer that keeps re-arming itself at zero delay cannot spin forever.
      for (let guard = 0; guard < 10_000; guard++) {
        let next: [number, { at: number; run: () => void }] | undefined
        for (const entry of timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry
        if (!next) break
        timers.delete(next[0])
        time = Math.max(time, next[1].at)
        next[1].run()
      }
      time = end
    },
    pending: () => timers.size,
  }
}
