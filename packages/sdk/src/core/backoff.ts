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
  const window = Math.min(BACKOFF_CAP, BACKOFF_BASE * 2 ** clamp(Math.floor(attempt) - 1, 0, 30))
  return Math.max(Math.floor(clamp(unit, 0, 0.999_999) * window), clamp(retryAfter, 0, MAX_RETRY_AFTER))
}

/** `value` within [low, high]; NaN counts as `low`. */
const clamp = (value: number, low: number, high: number) => (value >= low ? Math.min(value, high) : low)

/**
 * A `Retry-After` header as milliseconds from `now`: delta-seconds or an HTTP date; 0 when absent or
 * unreadable.
 * @example parseRetryAfter('120', now) // 120000
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number {
  const text = value?.trim()
  return !text ? 0 : /^\d+$/.test(text) ? +text * 1000 : Math.max(0, Date.parse(text) - now) || 0
}
