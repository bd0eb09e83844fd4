import { createHash, timingSafeEqual } from 'node:crypto'
import type { Project } from '../config/config.ts'

const digest = (text: string) => createHash('sha256').update(text).digest()

/**
 * The project whose secret key this is, compared in constant time: both sides are hashed to the same
 * length and every project is compared, so neither the time nor an early exit says how close a guess was.
 */
export function projectOfSecret(projects: readonly Project[], key: string): Project | undefined {
  const given = digest(key)
  let found: Project | undefined
  for (const project of projects) {
    if (timingSafeEqual(digest(project.secretKey), given) && !found) found = project
  }
  return found
}
