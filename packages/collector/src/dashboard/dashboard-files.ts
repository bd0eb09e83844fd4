import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** The built dashboard (`packages/dashboard/dist`): `index.html` and the hashed files in `assets/`. */
export type DashboardFiles = {
  /** The bytes of a file by its path inside the build (`index.html`, `assets/index-3f9a.js`); undefined when absent. */
  read(path: string): Promise<Uint8Array | undefined>
}

/** Only plain file names inside the build: no `..`, no hidden files, no backslashes. */
const SAFE_PATH = /^(assets\/)?[A-Za-z0-9_-][A-Za-z0-9_.-]*$/

/**
 * The dashboard files of a build folder, read on request (a rebuild is served without a restart).
 * @example createApp({ …, dashboard: dashboardDir('packages/dashboard/dist') })
 */
export function dashboardDir(dir: string): DashboardFiles {
  return {
    async read(path) {
      if (!SAFE_PATH.test(path) || path.includes('..')) return undefined
      try {
        return await readFile(join(dir, path))
      } catch {
        return undefined
      }
    },
  }
}

/** In-memory files, for tests. */
export function memoryDashboardFiles(files: Record<string, string>): DashboardFiles {
  const encoder = new TextEncoder()
  return { read: async (path) => (path in files ? encoder.encode(files[path]) : undefined) }
}
