import { watch, type FSWatcher } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { check, FEED_FLOW_ID, flowSchema } from '@cairn/protocol'
import type { Flow } from '@cairn/protocol'

/** A flow file that could not be served: its name in the flows folder, the JSON path, what is wrong. */
export type FlowProblem = { file: string; path: string; message: string }
/** The valid flows of a folder (sorted by id) and the problems of the others. */
export type FlowSet = { flows: Flow[]; errors: FlowProblem[] }
/** A flows folder, re-read when it changes. */
export type FlowDir = { read(): Promise<FlowSet>; close(): void }

const MAX_FILE_BYTES = 1024 * 1024

async function signature(dir: string): Promise<string> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort()
  const stats = await Promise.all(names.map((name) => stat(join(dir, name)).then((s) => `${name}:${s.size}:${s.mtimeMs}`, () => name)))
  return stats.join('|')
}

async function load(dir: string): Promise<FlowSet> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => entry.name)
    .sort()
  const flows: Flow[] = []
  const errors: FlowProblem[] = []
  const seen = new Map<string, string>()
  for (const file of names) {
    const text = await readFile(join(dir, file), 'utf8').catch(() => null)
    if (text === null) {
      errors.push({ file, path: '$', message: 'could not read the file' })
      continue
    }
    if (text.length > MAX_FILE_BYTES) {
      errors.push({ file, path: '$', message: 'the file is larger than 1 MB' })
      continue
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      errors.push({ file, path: '$', message: `not valid JSON (${(error as Error).message})` })
      continue
    }
    const result = check(flowSchema, json)
    if (!result.ok) {
      for (const problem of result.problems) errors.push({ file, ...problem })
      continue
    }
    if (result.value.id === FEED_FLOW_ID) {
      errors.push({ file, path: '$.id', message: `the flow id "${FEED_FLOW_ID}" is reserved for the what's-new feed` })
      continue
    }
    const other = seen.get(result.value.id)
    if (other !== undefined) {
      errors.push({ file, path: '$.id', message: `the flow id "${result.value.id}" is already used by ${other}` })
      continue
    }
    seen.set(result.value.id, file)
    // "$schema" only helps editors; clients don't need it.
    const { $schema: _, ...flow } = result.value
    flows.push(flow as Flow)
  }
  flows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { flows, errors }
}

/**
 * Serves the flow files of `dir`, each validated with the protocol's `flowSchema`; an invalid file is
 * reported (and logged) while the others are still served. A change is noticed through `fs.watch`
 * at once, and by comparing names, sizes and mtimes at most every `recheckMs` where watching is
 * unreliable (network and container file systems).
 */
export function openFlowDir(dir: string, opts: { log: (line: string) => void; recheckMs?: number }): FlowDir {
  const recheckMs = opts.recheckMs ?? 1000
  let current: FlowSet = { flows: [], errors: [] }
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
      current = { flows: [], errors: [{ file: '.', path: '$', message: `the flows folder ${dir} does not exist or can't be read` }] }
      currentSignature = null
      return current
    }
    startWatching()
    if (sig === currentSignature) return current
    const next = await load(dir)
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
