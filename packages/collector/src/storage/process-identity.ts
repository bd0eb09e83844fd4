import { readFileSync } from 'node:fs'

/** What the system says about a pid: no such process, a live one started at `start`, or a zombie. */
export type ProcessStatus = { kind: 'none' } | { kind: 'zombie' } | { kind: 'running'; start: string }

/**
 * The kernel's view of `pid` from `/proc/<pid>/stat`: state `Z`/`X` (killed, not yet reaped by its
 * parent) is a zombie, and `start` is boot id plus start time in clock ticks since boot — unique per
 * process, so a pid reused later reads differently. `undefined` where there is no /proc (macOS).
 */
export function processStatus(pid: number): ProcessStatus | undefined {
  let stat: string
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined
    return hasProc() ? { kind: 'none' } : undefined
  }
  // `pid (comm) state …`: comm may hold spaces and parentheses, so fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const state = fields[0]
  if (state === 'Z' || state === 'X' || state === 'x') return { kind: 'zombie' }
  return { kind: 'running', start: `${bootId()}/${fields[19] ?? ''}` }
}

function hasProc(): boolean {
  try {
    readFileSync('/proc/self/stat')
    return true
  } catch {
    return false
  }
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  } catch {
    return ''
  }
}
