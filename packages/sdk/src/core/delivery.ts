import { LIMITS, WIRE_VERSION } from '@cairn/protocol'
import type { BatchResult, CairnEvent } from '@cairn/protocol'
import { backoff, parseRetryAfter } from './backoff.ts'
import { takeBatch } from './batch.ts'
import type { Clock } from './clock.ts'
import type { StorageKeys } from './keys.ts'
import type { Locks } from './locks.ts'
import { classify } from './outcome.ts'
import type { Outcome } from './outcome.ts'
import type { Counters, Queue } from './queue.ts'
import type { KeyValueStorage } from './storage.ts'
import type { Transport, TransportResult } from './transport.ts'

/** Most events per batch. */
export const BATCH_EVENTS = 50
/** Longest an event waits for companions before its batch is sent, ms. */
export const BATCH_WINDOW = 2_000
/** What may be in flight while the page goes away (the browser's keepalive quota). */
export const KEEPALIVE_BYTES = 64 * 1024
/** Pause before trying again when another tab holds the flush lock, ms. */
export const BUSY_RETRY = 1_000
/** Most batches sent in one turn holding the lock (the rest waits for the next turn). */
const TURN_BATCHES = 20

/** What the delivery needs; every side effect is a seam. */
export type DeliveryDeps = {
  /** The collector's `POST /v1/batch` URL. */
  url: string
  key: string
  queue: Queue
  storage: KeyValueStorage
  keys: StorageKeys
  transport: Transport
  clock: Clock
  locks: Locks
  /** A number in [0, 1) for jitter. */
  unit: () => number
  /** Turns counted problems into the `sdk_error` event that reports them. */
  errorEvent: (counters: Counters) => CairnEvent
  isErrorEvent: (event: CairnEvent) => boolean
  online: () => boolean
  /** Told about unexpected failures (counted and logged by the client). */
  fail: (error: unknown) => void
}

/** Sends the queue to the collector (see docs/sdk-delivery.md). */
export interface Delivery {
  /** An event was queued: send at once when a full batch waits, else within the batch window. */
  queued(): void
  /** Sends what is queued; resolves when done or postponed (backoff, another tab flushing). */
  flush(): Promise<void>
  /** The page is being hidden: send what fits in the keepalive budget now. */
  hide(): void
  /** The page left (`pause`) or came back from the back/forward cache (`resume`). */
  pause(): void
  resume(): void
  /** The network is back: retry now, unless the collector asked for a later time. */
  online(): void
  stop(): void
}

/** Creates the {@link Delivery} of one SDK instance. */
export function createDelivery(deps: DeliveryDeps): Delivery {
  const { queue, clock, storage, keys } = deps
  const inFlight = new Set<string>()
  const overhead = JSON.stringify({ v: WIRE_VERSION, key: deps.key, sentAt: clock.now(), events: [] }).length + 8
  let attempt = 0
  let notBefore = 0
  let timer: { at: number; cancel: () => void } | null = null
  let running: Promise<boolean> | null = null
  let paused = false
  let stopped = false

  const retryAt = () => Number(storage.get(keys.retryAt)) || 0
  const earliest = () => Math.max(notBefore, retryAt())

  const plan = (at: number) => {
    if (stopped || paused) return
    const due = Math.max(at, earliest())
    if (timer && timer.at <= due) return
    timer?.cancel()
    timer = {
      at: due,
      cancel: clock.setTimeout(() => {
        timer = null
        void run()
      }, due - clock.now()),
    }
  }

  const send = async (batch: CairnEvent[], keepalive: boolean): Promise<Outcome> => {
    const ids = new Set(batch.map((event) => event.id))
    ids.forEach((id) => inFlight.add(id))
    try {
      const body = JSON.stringify({ v: WIRE_VERSION, key: deps.key, sentAt: clock.now(), events: batch })
      let result: TransportResult
      try {
        result = await deps.transport.send(deps.url, body, { keepalive })
      } catch {
        result = { status: 0 }
      }
      return settle(batch, ids, classify(result.status, parseRetryAfter(result.retryAfter, clock.now())), result.body)
    } finally {
      ids.forEach((id) => inFlight.delete(id))
    }
  }

  /** Applies an outcome to the queue and the retry state; `split` is left to the caller. */
  const settle = (batch: CairnEvent[], ids: Set<string>, outcome: Outcome, body: unknown): Outcome => {
    const reportable = batch.filter((event) => !deps.isErrorEvent(event))
    if (outcome.kind === 'delivered') {
      attempt = 0
      queue.remove(ids)
      if (storage.get(keys.retryAt) !== null && retryAt() <= clock.now()) storage.remove(keys.retryAt)
      const rejected = (body as Partial<BatchResult> | undefined)?.rejected
      const lost = Array.isArray(rejected) ? rejected.filter((r) => reportable.some((e) => e.id === r?.id)).length : 0
      if (lost) queue.count('rejected', lost)
    } else if (outcome.kind === 'drop') {
      queue.remove(ids)
      if (reportable.length) queue.count(outcome.reason, reportable.length)
    } else if (outcome.kind === 'retry') {
      attempt++
      notBefore = clock.now() + backoff(attempt, deps.unit(), outcome.retryAfter)
      if (outcome.retryAfter) storage.set(keys.retryAt, String(clock.now() + outcome.retryAfter))
      plan(notBefore)
    }
    return outcome
  }

  const turn = async () => {
    if (stopped || paused) return
    queue.touch()
    queue.adopt()
    const counters = queue.takeCounters()
    if (counters) queue.push(deps.errorEvent(counters))
    let limit = BATCH_EVENTS
    for (let i = 0; i < TURN_BATCHES; i++) {
      if (stopped || paused || earliest() > clock.now()) return plan(earliest())
      const { batch } = takeBatch(queue.events, inFlight, limit, LIMITS.batchBytes, overhead)
      if (!batch.length) return
      const outcome = await send(batch, false)
      if (outcome.kind === 'retry') return
      if (outcome.kind === 'split') {
        if (batch.length > 1) limit = Math.ceil(batch.length / 2)
        else settle(batch, new Set([batch[0]?.id ?? '']), { kind: 'drop', reason: 'too_large' }, undefined)
      }
    }
    if (queue.events.some((event) => !inFlight.has(event.id))) plan(clock.now())
  }

  const run = (): Promise<boolean> => {
    running ??= deps.locks.run(keys.flushLock, turn).then((ran) => {
      if (!ran) plan(clock.now() + BUSY_RETRY)
      return ran
    }, (error: unknown) => {
      deps.fail(error)
      return true
    }).finally(() => {
      running = null
    })
    return running
  }

  const cancelTimer = () => {
    timer?.cancel()
    timer = null
  }

  return {
    queued() {
      const waiting = queue.events.filter((event) => !inFlight.has(event.id)).length
      plan(clock.now() + (waiting >= BATCH_EVENTS ? 0 : BATCH_WINDOW))
    },
    async flush() {
      cancelTimer()
      for (let i = 0; i < 10 && !stopped && !paused; i++) {
        if (await run()) return
        await new Promise<void>((resolve) => clock.setTimeout(resolve, BUSY_RETRY))
      }
    },
    hide() {
      if (stopped || !deps.online() || earliest() > clock.now()) return
      let budget = KEEPALIVE_BYTES
      for (let i = 0; i < TURN_BATCHES; i++) {
        const { batch, bytes } = takeBatch(queue.events, inFlight, BATCH_EVENTS, budget, overhead)
        if (!batch.length) return
        budget -= bytes
        void send(batch, true)
      }
    },
    pause() {
      paused = true
      cancelTimer()
    },
    resume() {
      paused = false
      if (queue.events.length) plan(clock.now())
    },
    online() {
      attempt = 0
      notBefore = 0
      if (queue.events.length) plan(clock.now())
    },
    stop() {
      stopped = true
      cancelTimer()
    },
  }
}
