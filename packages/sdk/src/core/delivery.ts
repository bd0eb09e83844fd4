import { LIMITS, WIRE_VERSION } from '@cairn/protocol'
import type { BatchResult, CairnEvent } from '@cairn/protocol'
import { backoff, parseRetryAfter } from './backoff.ts'
import { takeBatch } from './batch.ts'
import type { ClientDeps } from './client.ts'
import type { Clock } from './clock.ts'
import type { StorageKeys } from './keys.ts'
import { classify } from './outcome.ts'
import type { Outcome } from './outcome.ts'
import { createQueue } from './queue.ts'
import type { Counters } from './queue.ts'
import type { TransportResult } from './transport.ts'

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
/** The event that reports counted problems; its own losses are not counted (no feedback loop). */
export const ERROR_EVENT = 'sdk_error'

/** The queue of one SDK instance and its way to the collector (see docs/sdk-delivery.md). */
export type Delivery = {
  /** Queues an event and plans its batch; false, queuing nothing, for an event the collector would refuse. */
  push(event: CairnEvent): boolean
  /** Counts a problem for the next `sdk_error` event. */
  count(code: string): void
  /** Sends what is queued; resolves when done or postponed (backoff, another tab flushing). */
  flush(): Promise<void>
  /** Forgets everything queued (opt-out). */
  clear(): void
  /** Stops timers and listeners; what is queued stays for the next page. */
  stop(): void
}

/**
 * Creates the {@link Delivery} of one SDK instance: a queue segment named `segment`, sending to `url`
 * (`…/v1/batch`) with `deps.transport`, one tab at a time under `deps.locks`, following the page's
 * `deps.lifecycle`.
 * @param jitter a number in [0, 1)
 * @param report turns counted problems into the `sdk_error` event that reports them
 * @param fail told about unexpected failures
 */
export function createDelivery(
  deps: ClientDeps, url: string, clock: Clock, keys: StorageKeys, segment: string,
  jitter: () => number, report: (counters: Counters) => CairnEvent, fail: (error: unknown) => void,
): Delivery {
  const { storage, lifecycle } = deps
  const locks = deps.locks ?? { run: (_, task) => task().then(() => true) }
  const queue = createQueue(storage, keys.queue, segment, clock.now)
  const inFlight = new Set<string>()
  const body = (events: CairnEvent[]) => JSON.stringify({ v: WIRE_VERSION, key: deps.key, sentAt: clock.now(), events })
  const overhead = body([]).length + 8
  let attempt = 0
  let notBefore = 0
  // When the planned turn runs (0: none planned), and how to call it off.
  let due = 0
  let cancelTimer = () => {}
  let running: Promise<boolean> | undefined
  // 1 while the page is away (maybe in the back/forward cache), 2 once stopped.
  let halt = 0

  const now = () => clock.now()
  const retryAt = () => Number(storage.get(keys.retryAt)) || 0
  const earliest = () => Math.max(notBefore, retryAt())
  const cancel = () => {
    cancelTimer()
    due = 0
  }
  const plan = (at: number) => {
    at = Math.max(at, earliest())
    if (halt || (due && due <= at)) return
    cancel()
    due = at
    cancelTimer = clock.setTimeout(() => {
      due = 0
      void run()
    }, at - now())
  }
  const waiting = () => queue.events.filter((event) => !inFlight.has(event.id)).length

  /** Sends one batch and applies the answer to the queue and the retry state. */
  const send = async (batch: CairnEvent[], keepalive: boolean): Promise<Outcome['kind']> => {
    const ids = new Set(batch.map((event) => event.id))
    ids.forEach((id) => inFlight.add(id))
    let result: TransportResult
    try {
      result = await deps.transport!.send(url, body(batch), { keepalive })
    } catch {
      result = { status: 0 }
    }
    ids.forEach((id) => inFlight.delete(id))
    let outcome = classify(result.status, parseRetryAfter(result.retryAfter, now()))
    // 413 for a single event: it can never be sent (a page hide leaves it to the next turn).
    if (outcome.kind == 'split' && !keepalive && !batch[1]) outcome = { kind: 'drop', reason: 'too_large' }
    const reportable = new Set(batch.filter((event) => !(event.type == 'track' && event.name == ERROR_EVENT)).map((event) => event.id))
    if (outcome.kind == 'retry') {
      notBefore = now() + backoff(++attempt, jitter(), outcome.retryAfter)
      if (outcome.retryAfter) storage.set(keys.retryAt, String(now() + outcome.retryAfter))
      plan(notBefore)
    } else if (outcome.kind != 'split') {
      queue.remove(ids)
      if (outcome.kind == 'drop') {
        if (reportable.size) queue.count(outcome.reason, reportable.size)
      } else {
        attempt = 0
        if (retryAt() <= now()) storage.remove(keys.retryAt)
        const rejected = (result.body as Partial<BatchResult> | undefined)?.rejected
        const lost = Array.isArray(rejected) ? rejected.filter((r) => reportable.has(r?.id as string)).length : 0
        if (lost) queue.count('rejected', lost)
      }
    }
    return outcome.kind
  }

  const turn = async () => {
    if (halt) return
    queue.touch()
    queue.adopt()
    const counters = queue.takeCounters()
    if (counters) queue.push(report(counters))
    for (let i = 0, limit = BATCH_EVENTS; i < TURN_BATCHES; i++) {
      if (halt || earliest() > now()) return plan(earliest())
      const { batch } = takeBatch(queue.events, inFlight, limit, LIMITS.batchBytes, overhead)
      if (!batch.length) return
      const kind = await send(batch, false)
      if (kind == 'retry') return
      if (kind == 'split') limit = Math.ceil(batch.length / 2)
    }
    if (waiting()) plan(now())
  }

  const run = () => (running ??= locks.run(keys.flushLock, turn).then((ran) => {
    if (!ran) plan(now() + BUSY_RETRY)
    return ran
  }, (error: unknown) => {
    fail(error)
    return true
  }).finally(() => {
    running = undefined
  }))

  /** The page is being hidden: send what fits in the keepalive budget now. */
  const hide = () => {
    if (!lifecycle!.online() || earliest() > now()) return
    for (let i = 0, budget = KEEPALIVE_BYTES; i < TURN_BATCHES; i++) {
      const { batch, bytes } = takeBatch(queue.events, inFlight, BATCH_EVENTS, budget, overhead)
      if (!batch.length) return
      budget -= bytes
      void send(batch, true)
    }
  }

  const unsubscribe = lifecycle?.subscribe((moment) => {
    try {
      if (moment == 'hide') hide()
      else if (moment == 'unload') {
        queue.release()
        halt = 1
        cancel()
      } else {
        // Back from the back/forward cache, or back online: try now, unless the collector asked for later.
        if (moment == 'show') {
          queue.touch()
          halt = 0
        } else attempt = notBefore = 0
        if (queue.events.length) plan(now())
      }
    } catch (error) {
      fail(error)
    }
  })

  const delivery: Delivery = {
    push(event) {
      if (!queue.push(event)) return false
      plan(now() + (waiting() < BATCH_EVENTS ? BATCH_WINDOW : 0))
      return true
    },
    count: (code) => queue.count(code),
    async flush() {
      cancel()
      for (let i = 0; i < 10 && !halt; i++) {
        if (await run()) return
        await new Promise<void>((resolve) => clock.setTimeout(resolve, BUSY_RETRY))
      }
    },
    clear: () => queue.clear(),
    stop() {
      halt = 2
      cancel()
      unsubscribe?.()
      queue.release()
    },
  }
  // A first turn soon after start delivers what earlier pages left behind.
  plan(now() + BATCH_WINDOW)
  return delivery
}
