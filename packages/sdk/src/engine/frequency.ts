import type { FlowState, Frequency } from '@cairn/protocol'
import { until, type Block } from './trigger.ts'
import { DAY } from './state.ts'

/**
 * Whether a flow's frequency lets it show again, given what the user did with it (reason:
 * `frequency <the frequency as JSON>`):
 * - `once` (the default): never after it was shown, completed or dismissed;
 * - `until_completed`: on later visits until completed or dismissed (a dismissal is an answer too);
 * - `{ everyDays: n }`: again n days after it was last shown, completed or dismissed.
 * Monotonic: more history never unblocks a flow, and for a given history, waiting never blocks one.
 */
export function frequencyFails(f: Frequency = 'once', s: FlowState | undefined, now: number, visitStart: number): Block | undefined {
  const last = Math.max(s?.shownAt ?? -1, s?.completedAt ?? -1, s?.dismissedAt ?? -1)
  const why = `frequency ${JSON.stringify(f)}`
  if (last < 0) return
  if (typeof f == 'object') return until(last + f.everyDays * DAY, now, why)
  if (f == 'once' || (s?.completedAt ?? s?.dismissedAt) !== undefined || last >= visitStart) return { why }
}
