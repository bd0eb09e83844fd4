/** What came back from one POST. `status` 0 means the request never got an HTTP answer. */
export type TransportResult = {
  status: number
  /** The raw `Retry-After` header, when there was one. */
  retryAfter?: string | null
  /** The parsed JSON body of a 2xx answer, when there was one. */
  body?: unknown
}

/** How batches leave the page. */
export interface Transport {
  /**
   * POSTs `body` (a JSON string, sent as `text/plain` so that no CORS preflight is needed).
   * `keepalive` is set while the page is going away: the request must outlive the page, and the
   * browser limits such requests to 64 KB in flight. Never rejects.
   */
  send(url: string, body: string, options: { keepalive: boolean }): Promise<TransportResult>
}

/** Longest a normal request may take before it counts as a network failure. */
const TIMEOUT = 20_000


/**
 * The browser transport: `fetch`, with `keepalive` on page hide; where `fetch` has no `keepalive`,
 * `navigator.sendBeacon` on page hide. A beacon's fate is unknown, so it reports status 0 and the
 * events stay queued until a later answer confirms them (the collector dedupes ids).
 */
export function fetchTransport(
  fetchImpl: typeof fetch = (url, init) => fetch(url, init),
  beacon: ((url: string, data: Blob) => boolean) | undefined = globalThis.navigator?.sendBeacon?.bind(globalThis.navigator),
  // Whether this browser's `fetch` supports `keepalive` (Firefox before 133 does not).
  keepaliveFetch = typeof Request == 'function' && 'keepalive' in Request.prototype,
): Transport {
  return {
    async send(url, body, { keepalive }) {
      try {
        if (keepalive && !keepaliveFetch && beacon) {
          beacon(url, new Blob([body], { type: 'text/plain' }))
          return { status: 0 }
        }
        const response = await fetchImpl(url, {
          method: 'POST', body, keepalive, credentials: 'omit', headers: { 'content-type': 'text/plain' },
          // A hung request counts as a network failure (Safari < 16 has no AbortSignal.timeout: no limit there).
          signal: keepalive ? undefined : AbortSignal.timeout?.(TIMEOUT),
        } as RequestInit)
        return {
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          body: response.ok ? await response.json().catch(() => undefined) : undefined,
        }
      } catch {
        return { status: 0 }
      }
    },
  }
}
