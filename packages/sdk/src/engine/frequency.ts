import type { FlowState, Frequency } from '@cairn/protocol'
import type { Block } from './trigger.ts'
import { DAY } from './state.ts'

/**
 * Whether a flow's frequency lets it show again, given what the user did with it:
 * - `once` (the default): never after it was shown, completed or dismissed;
 * - `until_completed`: on later visits until completed or dismissed (a dismissal is an answer too);
 * - `{ everyDays: n }`: again n days after it was last shown, completed or dismissed.
 * Monotonic: more history never unblocks a flow, and for a given history, waiting never blocks one.
 */
export function frequencyFails(f: Frequency = 'once', s: FlowState | undefined, now: number, visitStart: number): Block | undefined {
  const last = Math.max(s?.shownAt ?? -1, s?.completedAt ?? -1, s?.dismissedAt ?? -1)
  if (last < 0) return
  if (f === 'once') return { why: 'frequency once: already shown' }
  if (f === 'until_completed') {
    if (s?.completedAt !== undefined || s?.dismissedAt !== undefined) return { why: `frequency until_completed: ${s.completedAt !== undefined ? 'completed' : 'dismissed'}` }
    return last >= visitStart ? { why: 'frequency until_completed: already shown this visit' } : undefined
  }
  const at = last + f.everyDays * DAY
  return at > now ? { why: `frequency every ${f.everyDays} days`, at } : undefined
}
