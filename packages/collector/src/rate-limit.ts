/** A token bucket: `burst` requests at once, refilled at `perSecond`. */
export type RateLimit = { perSecond: number; burst: number }
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number }
export type RateLimiter = { take(key: string): RateDecision }

/** Past this many buckets, full ones (clients gone quiet) are forgotten. */
const SWEEP_AT = 10_000

/**
 * Token buckets by key (the collector uses project + client IP). One request takes one token.
 * `now` is injectable so tests control time.
 * @example const limiter = createRateLimiter({ perSecond: 50, burst: 200 }, Date.now)
 */
export function createRateLimiter(limit: RateLimit, now: () => number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>()
  const refill = (bucket: { tokens: number; at: number }, t: number) => {
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond)
    bucket.at = t
  }
  return {
    take(key) {
      const t = now()
      if (buckets.size >= SWEEP_AT) {
        for (const [k, bucket] of buckets) {
          refill(bucket, t)
          if (bucket.tokens >= limit.burst) buckets.delete(k)
        }
      }
      let bucket = buckets.get(key)
      if (!bucket) buckets.set(key, (bucket = { tokens: limit.burst, at: t }))
      else refill(bucket, t)
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        return { ok: true }
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond)) }
    },
  }
}
