import type { CairnEvent } from '@cairn/protocol'

const encoder = new TextEncoder()

/** Bytes of an event on the wire (UTF-8 JSON). */
export const wireSize = (event: CairnEvent): number => encoder.encode(JSON.stringify(event)).length

/**
 * The next batch: the oldest events not already in flight, at most `maxEvents` of them and at most
 * `maxBytes` of body including an `overhead` for the envelope, with the body's size. Empty when even
 * the first event does not fit. Pure.
 * @example takeBatch(queue.events, inFlight, 50, 64 * 1024, 100) // { batch: [...], bytes: 5120 }
 */
export function takeBatch(
  events: readonly CairnEvent[], skip: ReadonlySet<string>, maxEvents: number, maxBytes: number, overhead = 0,
): { batch: CairnEvent[]; bytes: number } {
  const batch: CairnEvent[] = []
  let bytes = overhead
  for (const event of events) {
    if (batch.length >= maxEvents) break
    if (skip.has(event.id)) continue
    const size = wireSize(event) + (batch.length ? 1 : 0)
    if (bytes + size > maxBytes) break
    bytes += size
    batch.push(event)
  }
  return { batch, bytes }
}
