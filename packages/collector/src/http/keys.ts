import type { Project } from '../config/config.ts'

/** Which key a request used: the public write key or the private secret key. */
export type KeyRole = 'write' | 'secret'
export type KeyMatch = { project: Project; role: KeyRole }
export type KeyRing = (key: string) => KeyMatch | undefined

/** Looks keys up across all projects. */
export function keyRing(projects: readonly Project[]): KeyRing {
  const byKey = new Map<string, KeyMatch>()
  for (const project of projects) {
    byKey.set(project.writeKey, { project, role: 'write' })
    byKey.set(project.secretKey, { project, role: 'secret' })
  }
  return (key) => byKey.get(key)
}

/** True when a browser at `origin` may call this project (no Origin header: not a browser, allowed). */
export function originAllowed(project: Project, origin: string | undefined): boolean {
  return origin === undefined || project.origins.length === 0 || project.origins.includes(origin.toLowerCase())
}

/** True when a page at `origin` may preview this project's flows with the write key (`previewOrigins`). */
export function previewAllowed(project: Project, origin: string | undefined): boolean {
  return origin !== undefined && (project.previewOrigins ?? []).includes(origin.toLowerCase())
}
