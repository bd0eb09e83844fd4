import * as v from 'valibot'
import { LIMITS } from './limits.ts'
import type { CairnEvent } from './events.ts'
import { timestampSchema } from './time.ts'

/** Wire format version; bump with a migration note in docs/wire-format.md. */
export const WIRE_VERSION = 1

/**
 * The batch envelope. Events are checked one by one (see `eventSchema`) so that one bad event is
 * rejected alone and the rest of the batch is still stored.
 */
export const batchSchema = v.strictObject({
  v: v.literal(WIRE_VERSION),
  key: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.id))),
  /** Client clock when this attempt was sent (epoch ms or ISO 8601, normalized to epoch ms); refreshed on every retry. */
  sentAt: timestampSchema,
  events: v.pipe(v.array(v.unknown()), v.maxLength(LIMITS.batchEvents)),
})

export type BatchEnvelope = v.InferOutput<typeof batchSchema>
export type Batch = Omit<BatchEnvelope, 'events'> & { events: CairnEvent[] }

/** `200` answer of `POST /v1/batch`. */
export type BatchResult = {
  accepted: number
  duplicates: number
  rejected: { id: string | null; reason: string }[]
}
