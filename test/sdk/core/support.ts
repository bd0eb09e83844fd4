import type { TransportResult } from '../../../packages/sdk/src/core/transport.ts'
import {
  createClient, manualClock, manualLifecycle, memoryLocks, memoryStorage, recordingTransport, seededBytes,
} from '../../../packages/sdk/src/index.ts'
import type { ClientDeps, KeyValueStorage, Locks, RecordedRequest } from '../../../packages/sdk/src/index.ts'

export const ENDPOINT = 'https://collector.test'

/** Lets every pending promise chain run (the delivery hops through several awaits). */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * A client on twins, with a programmable collector: `answer` decides each response (default 200,
 * everything accepted). Returns the client and every twin, plus helpers to move time.
 */
export function setup(options: {
  answer?: (request: RecordedRequest) => TransportResult | Promise<TransportResult>
  storage?: KeyValueStorage
  locks?: Locks
  clock?: ReturnType<typeof manualClock>
  key?: string
  seed?: number
  deps?: Partial<ClientDeps>
} = {}) {
  const clock = options.clock ?? manualClock()
  const storage = options.storage ?? memoryStorage()
  const lifecycle = manualLifecycle()
  const transport = recordingTransport(options.answer)
  const warnings: unknown[][] = []
  const sdk = createClient({
    key: options.key ?? 'pk_test', endpoint: ENDPOINT, storage, transport, clock, lifecycle,
    locks: options.locks ?? memoryLocks(), random: seededBytes(options.seed ?? 7),
    console: { warn: (...args: unknown[]) => void warnings.push(args) },
    ...options.deps,
  })
  /** Moves the clock in steps, letting async work run between them. */
  const advance = async (ms: number, step = 250) => {
    await settle()
    for (let left = ms; left > 0; left -= step) {
      clock.advance(Math.min(step, left))
      await settle()
    }
  }
  const events = () => transport.requests.flatMap((r) => r.batch.events)
  return { sdk, clock, storage, lifecycle, transport, warnings, advance, events }
}

/** A 200 answer accepting the whole batch. */
export const accepted = ({ batch }: RecordedRequest): TransportResult => ({
  status: 200, body: { accepted: batch.events.length, duplicates: 0, rejected: [] },
})
