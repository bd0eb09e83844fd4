import type { ApiError, Session } from './types.ts'

/** A failed call: its HTTP status and the collector's `{ error, details }`. */
export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, details: string) {
    super(details)
  }
}

export type Api = {
  /** A results endpoint as JSON, for the given project (its session cookie goes along). */
  get<T>(project: string, path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<T>
  sessions(): Promise<Session[]>
  signIn(key: string): Promise<Session>
  signOut(project: string): Promise<Session[]>
}

async function failure(res: Response): Promise<ApiFailure> {
  const body = (await res.json().catch(() => null)) as ApiError | null
  return new ApiFailure(res.status, body?.error ?? 'http_error', body?.details ?? `HTTP ${res.status}`)
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  credentials: 'same-origin',
})

/**
 * The collector's API over `fetch`, same origin: the session cookie authenticates, and
 * `X-Cairn-Project` says which signed-in project a request is for.
 */
export function createApi(fetcher: typeof fetch, base = ''): Api {
  const json = async <T>(input: string, init: RequestInit): Promise<T> => {
    const res = await fetcher(base + input, init)
    if (!res.ok) throw await failure(res)
    return (await res.json()) as T
  }
  return {
    get: (project, path, params, signal) =>
      json(`${path}${params?.size ? `?${params}` : ''}`, { headers: { 'X-Cairn-Project': project, Accept: 'application/json' }, credentials: 'same-origin', ...(signal && { signal }) }),
    sessions: async () => (await json<{ projects: Session[] }>('/dashboard/session', { credentials: 'same-origin' })).projects,
    signIn: async (key) => {
      const answer = await json<{ project: { id: string; name: string }; expires: string }>('/dashboard/session', form({ key }))
      return { ...answer.project, expires: answer.expires }
    },
    signOut: async (project) => (await json<{ projects: Session[] }>('/dashboard/session/sign-out', form({ project }))).projects,
  }
}
