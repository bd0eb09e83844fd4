import { mkdir, open, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'

/** Thrown when another live collector holds the data directory. */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function holder(file: string): Promise<number | null> {
  const text = await readFile(file, 'utf8').catch(() => '')
  const pid = Number.parseInt(text, 10)
  return Number.isInteger(pid) && pid > 0 ? pid : null
}

/**
 * Takes `<dataDir>/collector.lock` for this process: PGlite is one process's database, and two
 * collectors writing one data directory would corrupt it. A lock left by a process that no longer
 * exists (a crash, `kill -9`) is taken over.
 * @returns a function that releases the lock.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true })
  const file = join(dataDir, 'collector.lock')
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx')
      await handle.writeFile(`${process.pid}\n`)
      await handle.close()
      return async () => {
        if ((await holder(file)) === process.pid) await unlink(file).catch(() => {})
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const pid = await holder(file)
    if (pid !== null && alive(pid)) {
      throw new DataDirLockedError(
        `the data directory ${dataDir} is in use by another Cairn collector (pid ${pid}). ` +
        'Stop that collector, or start this one with another --data-dir.',
      )
    }
    // Stale: its owner is gone. Remove it and race for it again (O_EXCL makes one winner).
    await unlink(file).catch(() => {})
  }
  throw new DataDirLockedError(`could not take the lock ${file}; another collector is starting on the same data directory`)
}
