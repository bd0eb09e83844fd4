import { mkdir, open, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { processStatus, type ProcessStatus } from './process-identity.ts'

/** Thrown when another live collector holds the data directory. */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
}

/** What a lock file records: the pid, and the start token of that process (null in a lock without one). */
export type LockHolder = { pid: number; start: string | null }

/**
 * Whether the collector that wrote a lock still runs. With /proc: only a running process whose start
 * token matches — a zombie (SIGKILLed, not yet reaped) or a later process that got the same pid counts
 * as gone. Without /proc (macOS), whether the pid exists.
 */
export function holderAlive(holder: LockHolder, status: ProcessStatus | undefined, exists: () => boolean): boolean {
  if (status === undefined) return exists()
  if (status.kind !== 'running') return false
  return holder.start === null || holder.start === status.start
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The lock file's text: the pid on the first line (what people read), the start token on the second. */
export function lockText(pid: number, status: ProcessStatus | undefined): string {
  return status?.kind === 'running' ? `${pid}\n${status.start}\n` : `${pid}\n`
}

export function parseLock(text: string): LockHolder | null {
  const [first, second] = text.split('\n')
  const pid = Number(first)
  if (!Number.isInteger(pid) || pid <= 0) return null
  return { pid, start: second ? second : null }
}

async function holder(file: string): Promise<LockHolder | null> {
  return parseLock(await readFile(file, 'utf8').catch(() => ''))
}

/**
 * Takes `<dataDir>/collector.lock` for this process: PGlite is one process's database, and two
 * collectors writing one data directory would corrupt it. A lock left by a process that is gone (a
 * crash, `kill -9`, even before its parent reaped it) is taken over.
 * @returns a function that releases the lock.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true })
  const file = join(dataDir, 'collector.lock')
  const mine = lockText(process.pid, processStatus(process.pid))
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx')
      await handle.writeFile(mine)
      await handle.close()
      return async () => {
        if ((await readFile(file, 'utf8').catch(() => '')) === mine) await unlink(file).catch(() => {})
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const found = await holder(file)
    if (found !== null && holderAlive(found, processStatus(found.pid), () => exists(found.pid))) {
      throw new DataDirLockedError(
        `the data directory ${dataDir} is in use by another Cairn collector (pid ${found.pid}). ` +
        'Stop that collector, or start this one with another --data-dir.',
      )
    }
    // Stale: its owner is gone. Remove it and race for it again (O_EXCL makes one winner).
    await unlink(file).catch(() => {})
  }
  throw new DataDirLockedError(`could not take the lock ${file}; another collector is starting on the same data directory`)
}
