import { watch, type FSWatcher } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Flow } from '@cairn/protocol'
import { checkFlows } from '../check/check-flows.ts'
import type { Finding } from '../check/finding.ts'
import type { Project } from '../config/config.ts'
import { readFlowFiles } from './read-flow-files.ts'

/** A flow file that could not be served: its name in the flows folder, the JSON path, what is wrong. */
export type FlowProblem = { file: string; path: string; message: string }
/**
 * The valid flows of a folder (sorted by id), the problems of the files refused, and everything
 * `cairn check` finds in the folder, served flows included.
 */
export type FlowSet = { flows: Flow[]; errors: FlowProblem[]; findings: Finding[] }
/** What the checks know of the folder's project. */
export type FlowProject = Pick<Project, 'milestones' | 'locale'>
/** A flows folder, re-read when it changes. */
export type FlowDir = { read(): Promise<FlowSet>; close(): void }

async function signature(dir: string): Promise<string> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort()
  const stats = await Promise.all(names.map((name) => stat(join(dir, name)).then((s) => `${name}:${s.size}:${s.mtimeMs}`, () => name)))
  return stats.join('|')
}

async function load(dir: string, project: FlowProject): Promise<FlowSet> {
  const { files, unreadable } = await readFlowFiles(dir)
  const checked = checkFlows(files, { milestones: project.milestones, locale: project.locale, now: Date.now(), configured: true })
  const refusals = checked.findings.filter((f) => f.severity === 'error' && checked.refused.has(f.file))
  return {
    flows: checked.flows,
    errors: [...unreadable.map((file) => ({ file, path: '$', message: 'could not read the file' })), ...refusals.map(({ file, path, message }) => ({ file, path, message }))],
    findings: checked.findings,
  }
}

/**
 * Serves the flow files of `dir`, checked as `cairn check` checks them (check/check-flows.ts); a refused file is
 * reported (and logged) while the others are still served. A change is noticed through `fs.watch`
 * at once, and by comparing names, sizes and mtimes at most every `recheckMs` where watching is
 * unreliable (network and container file systems).
 */
export function openFlowDir(dir: string, opts: { log: (line: string) => void; recheckMs?: number; project?: FlowProject }): FlowDir {
  const recheckMs = opts.recheckMs ?? 1000
  let current: FlowSet = { flows: [], errors: [], findings: [] }
  let currentSignature: string | null = null
  let checkedAt = -Infinity
  let dirty = true
  let pending: Promise<FlowSet> | null = null
  let watcher: FSWatcher | null = null

  const startWatching = () => {
    if (watcher) return
    try {
      watcher = watch(dir, () => {
        dirty = true
      })
      watcher.on('error', () => {
        watcher?.close()
        watcher = null
      })
      watcher.unref()
    } catch {
      // The folder may not exist yet; the next recheck tries again.
    }
  }

  const refresh = async (): Promise<FlowSet> => {
    dirty = false
    checkedAt = Date.now()
    let sig: string
    try {
      sig = await signature(dir)
    } catch {
      current = { flows: [], errors: [{ file: '.', path: '$', message: `the flows folder ${dir} does not exist or can't be read` }], findings: [] }
      currentSignature = null
      return current
    }
    startWatching()
    if (sig === currentSignature) return current
    const next = await load(dir, opts.project ?? {})
    for (const e of next.errors) opts.log(`Cairn flows: ${join(dir, e.file)} ${e.path}: ${e.message} (the other flows are still served)`)
    current = next
    currentSignature = sig
    return current
  }

  return {
    read() {
      if (!dirty && Date.now() - checkedAt < recheckMs) return Promise.resolve(current)
      pending ??= refresh().finally(() => {
        pending = null
      })
      return pending
    },
    close() {
      watcher?.close()
      watcher = null
    },
  }
}
