/** First retry window, ms. */
export const BACKOFF_BASE = 1_000
/** Longest exponential window, ms (5 minutes). */
export const BACKOFF_CAP = 300_000
/** A `Retry-After` longer than a day is cut to a day: a typo on the server must not mute clients for ever. */
export const MAX_RETRY_AFTER = 86_400_000

/**
 * Retry timing: how long to wait before retry number `attempt` (1 for the first retry): a uniformly random delay in
 * `[0, min(cap, base·2^(attempt−1)))` ("full jitter"), raised to `retryAfter` when the server sent one.
 * Pure: `unit` is a number in [0, 1).
 * @example backoff(3, 0.5) // 2000 (window 4 s)
 * @example backoff(1, 0, 30_000) // 30000: Retry-After wins
 */
export function backoff(attempt: number, unit: number, retryAfter = 0): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt) - 1), 30)
  const window = Math.min(BACKOFF_CAP, BACKOFF_BASE * 2 ** exponent)
  const jittered = Math.floor(Math.min(Math.max(unit, 0), 0.999_999) * window)
  return Math.max(jittered, Math.min(Math.max(0, retryAfter), MAX_RETRY_AFTER))
}

/**
 * A `Retry-After` header as milliseconds from `now`: delta-seconds or an HTTP date; 0 when absent or
 * unreadable.
 * @example parseRetryAfter('120', now) // 120000
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number {
  if (!value) return 0
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  return Number.isNaN(date) ? 0 : Math.max(0, date - now)
}
