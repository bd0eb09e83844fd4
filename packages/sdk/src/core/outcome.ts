/** What to do with a batch after one attempt to send it. */
export type Outcome =
  | { kind: 'delivered' }
  /** Keep the batch and try again later (5xx, 408, 429, network). */
  | { kind: 'retry'; retryAfter: number }
  /** 413: send it again in halves; a single event that is too large is dropped. */
  | { kind: 'split' }
  /** Any other 4xx: the collector will never take this batch. */
  | { kind: 'drop'; reason: string }

/**
 * Decides from an HTTP status (0 for a network failure) what happens to a batch. Pure.
 * @example classify(429, 30_000) // { kind: 'retry', retryAfter: 30000 }
 */
export function classify(status: number, retryAfter = 0): Outcome {
  if (status >= 200 && status < 300) return { kind: 'delivered' }
  if (status === 413) return { kind: 'split' }
  if (status === 0 || status === 408 || status === 429 || status >= 500) return { kind: 'retry', retryAfter }
  return { kind: 'drop', reason: `http_${status}` }
}
