import { uuidv7 } from '@cairn/protocol'
import type { CairnEvent } from '@cairn/protocol'

let counter = 0

/** A fresh UUIDv7; unique within the test run. */
export function newId(ms = Date.now()): string {
  const random = crypto.getRandomValues(new Uint8Array(10))
  counter = (counter + 1) % 65536
  random[8] = counter >> 8
  random[9] = counter & 0xff
  return uuidv7(ms, random)
}

type Loose<T> = T extends unknown ? Omit<T, 'id' | 'ts' | 'anonymousId'> & { id?: string; ts?: number; anonymousId?: string } : never

/** An event with a fresh id, `ts` now and anonymous id `anon-1` unless given. */
export function event(fields: Loose<CairnEvent>): CairnEvent {
  return { id: newId(), ts: Date.now(), anonymousId: 'anon-1', ...fields } as CairnEvent
}

/** A tracked event. */
export const track = (name: string, more: Partial<CairnEvent> = {}) => event({ type: 'track', name, ...more } as Loose<CairnEvent>)

/** A batch envelope around events, sent now with the demo write key. */
export function batch(events: unknown[], more: Record<string, unknown> = {}) {
  return { v: 1, key: 'pk_test', sentAt: Date.now(), events, ...more }
}
