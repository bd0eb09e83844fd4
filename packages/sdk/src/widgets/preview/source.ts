/** How often an open preview asks the collector whether its flow changed (a `304` costs no body). */
export const POLL_MS = 500

/** Where a preview's flow comes from and where it goes. */
export type SourceOptions = {
  fetch: typeof fetch
  /** The collector's base URL. */
  endpoint: string
  key: string
  id: string
  setTimeout(run: () => void, ms: number): () => void
  /** The flow as the collector has it now: first, and after each change of its file. */
  onFlow(flow: unknown): void
  /** Why the flow could not be read; `final` when asking again cannot help (a refused key or origin). */
  onError(message: string, final: boolean): void
}

/**
 * Reads `GET /v1/flows/:id` and asks again every {@link POLL_MS} with `If-None-Match` until stopped,
 * so that an edit of the flow file shows within a second (the collector re-reads changed files).
 * A refusal (401, 403) ends it; a missing flow or an unreachable collector is said once and asked
 * again, since the file or the collector may be back any moment. Returns the function that stops it.
 */
export function watchFlow(options: SourceOptions): () => void {
  let etag: string | undefined
  let said: string | undefined
  let stopped = false
  let cancel = () => {}
  const problem = (message: string, final = false) => {
    if (message != said || final) options.onError((said = message), final)
  }
  const ask = async () => {
    const url = `${options.endpoint}/v1/flows/${encodeURIComponent(options.id)}?key=${encodeURIComponent(options.key)}`
    try {
      const response = await options.fetch(url, { credentials: 'omit', cache: 'no-store', headers: etag ? { 'If-None-Match': etag } : {} })
      if (stopped) return
      if (response.ok) {
        const body = (await response.json()) as { flow?: unknown }
        etag = response.headers.get('etag') ?? undefined
        said = undefined
        options.onFlow(body.flow)
      } else if (response.status != 304) {
        const body = (await response.json().catch(() => ({}))) as { details?: unknown }
        const why = typeof body.details == 'string' ? body.details : `GET /v1/flows/${options.id}: HTTP ${response.status}`
        if (response.status == 401 || response.status == 403) return problem(why, true)
        problem(why)
      }
    } catch (error) {
      if (stopped) return
      problem(`the collector at ${options.endpoint} did not answer (${String(error)})`)
    }
    if (!stopped) cancel = options.setTimeout(() => void ask(), POLL_MS)
  }
  void ask()
  return () => {
    stopped = true
    cancel()
  }
}
