/** Largest epoch-millisecond time a JavaScript Date can hold; later times are refused. */
export const MAX_TIME = 8.64e15

/**
 * The event's time on the collector's clock: `receivedAt − (sentAt − clientTs)` removes the client's
 * clock skew (both client times come from the same clock). Clamped to `[0, receivedAt]`: an event
 * can't have happened after it arrived, whatever the client's clock says.
 */
export function serverTime(clientTs: number, sentAt: number, receivedAt: number): number {
  return Math.min(receivedAt, Math.max(0, receivedAt - (sentAt - clientTs)))
}
