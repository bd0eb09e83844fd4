import type { UserState } from '@cairn/protocol'

/** Longest a read may take; a hung one counts as failed and the engine goes on with what it has. */
const TIMEOUT = 10_000

/** The two GETs the flow engine makes to the collector. Both reject on failure (the engine logs it). */
export type CollectorReads = {
  /**
   * `GET /v1/flows?key=…`: the published flows, the declared milestones and their ETag, or
   * `undefined` when they are the ones tagged `etag` (a 304, or the same ETag again).
   */
  flows(etag: string | undefined): Promise<{ flows: unknown; etag?: string | undefined; milestones?: unknown } | undefined>
  /** `GET /v1/users/:id/state?key=…[&hash=…]`: what this user did on every device. */
  userState(userId: string, hash: string | undefined): Promise<UserState>
}

/**
 * Reads from the collector at `endpoint` with the project's write key. Requests are "simple" CORS
 * requests — no custom header, so no preflight round trip before each page's first flow: the
 * browser's HTTP cache does the conditional `If-None-Match` itself (the collector answers
 * `Cache-Control: no-cache` with an ETag, so every read is revalidated and a 304 costs no body), and
 * an unchanged ETag is reported as "not modified".
 * @example const reads = collectorReads(fetch, 'https://c.example', 'pk_live'); await reads.flows(undefined)
 */
export function collectorReads(fetchImpl: typeof fetch, endpoint: string, key: string): CollectorReads {
  const get = async (path: string) => {
    const response = await fetchImpl(`${endpoint}/v1/${path}key=${encodeURIComponent(key)}`, {
      credentials: 'omit',
      signal: AbortSignal.timeout?.(TIMEOUT),
    })
    if (!response.ok && response.status !== 304) throw new Error(`GET /v1/${path.slice(0, -1)}: HTTP ${response.status}`)
    return response
  }
  return {
    async flows(etag) {
      const response = await get('flows?')
      const tag = response.headers.get('etag') ?? undefined
      if (response.status === 304 || (tag && tag === etag)) return undefined
      const { flows, milestones } = (await response.json()) as { flows?: unknown; milestones?: unknown }
      if (!Array.isArray(flows)) throw new Error('GET /v1/flows: no list of flows')
      return { flows, etag: tag, milestones }
    },
    async userState(userId, hash) {
      const response = await get(`users/${encodeURIComponent(userId)}/state?${hash ? `hash=${hash}&` : ''}`)
      return (await response.json()) as UserState
    },
  }
}
