import { atom, computed, type ReadableAtom } from 'nanostores'
import { ApiFailure, type Api } from '../api/client.ts'
import type { Session } from '../api/types.ts'

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; projects: Session[] }

export type SessionStore = {
  $session: ReadableAtom<SessionState>
  /** The project shown: the one the URL names if signed in to it, else the first. */
  $project: ReadableAtom<Session | null>
  load(): Promise<void>
  /** Signs in with a secret key; resolves to the signed-in project, or rejects with the collector's error. */
  signIn(key: string): Promise<Session>
  signOut(project: string): Promise<void>
  /** A results call answered 401: the session ended (expired, or the key was rotated). */
  lost(): void
}

/** Who is signed in, read from the collector (the cookie itself is HttpOnly). */
export function createSession(api: Api, $wanted: ReadableAtom<string | null>): SessionStore {
  const $session = atom<SessionState>({ status: 'loading' })
  const $project = computed([$session, $wanted], (s, wanted) =>
    s.status === 'signed-in' ? (s.projects.find((p) => p.id === wanted) ?? s.projects[0] ?? null) : null)
  const show = (projects: Session[], expired = false) =>
    $session.set(projects.length ? { status: 'signed-in', projects } : { status: 'signed-out', expired })
  return {
    $session,
    $project,
    async load() {
      show(await api.sessions().catch(() => []))
    },
    async signIn(key) {
      const project = await api.signIn(key)
      const current = $session.get()
      const others = current.status === 'signed-in' ? current.projects.filter((p) => p.id !== project.id) : []
      show([...others, project].sort((a, b) => a.id.localeCompare(b.id)))
      return project
    },
    async signOut(project) {
      show(await api.signOut(project))
    },
    lost() {
      void api.sessions().then((projects) => show(projects, true), () => show([], true))
    },
  }
}

export const isSignedOut = (error: unknown) => error instanceof ApiFailure && error.status === 401
