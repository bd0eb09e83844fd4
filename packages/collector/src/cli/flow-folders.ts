import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { CheckContext } from '../check/flow-rules.ts'
import type { Project } from '../config/config.ts'
import { loadConfig } from '../config/load-config.ts'
import type { Io } from './io.ts'

/** The options every command that reads a flows folder takes. */
export type FolderOptions = { config?: string; project?: string }

/** A flows folder and what the checks know of its project. */
export type Target = { dir: string; context: Omit<CheckContext, 'now'> }

/** Thrown for what the user must fix before anything can be done (exit 2). */
export class UsageError extends Error {}

const UNCONFIGURED = { configured: false }
const contextOf = (p: Project): Target['context'] => ({ milestones: p.milestones, locale: p.locale, configured: true })

/**
 * The flows folders a command works on: the one given (with the config project whose `flowsDir` it
 * is, or the config's only project), or, when none is given, every configured project's flows
 * folder. Without a config file, the folder given or `./flows`, with no project (`configured: false`).
 */
export async function flowFolders(flowsDir: string | undefined, opts: FolderOptions, io: Io): Promise<Target[]> {
  const configPath = opts.config ?? (existsSync(join(io.cwd, 'cairn.config.json')) ? 'cairn.config.json' : undefined)
  if (configPath === undefined) {
    if (opts.project !== undefined) throw new UsageError('--project needs a config file (--config, or cairn.config.json here)')
    return [{ dir: resolve(io.cwd, flowsDir ?? 'flows'), context: UNCONFIGURED }]
  }
  const file = resolve(io.cwd, configPath)
  const config = await loadConfig(file).catch((error: Error) => {
    throw new UsageError((error as NodeJS.ErrnoException).code === 'ENOENT' ? `the config file ${file} does not exist` : error.message)
  })
  const ids = config.projects.map((p) => p.id).join(', ')
  const named = opts.project === undefined ? config.projects : config.projects.filter((p) => p.id === opts.project)
  if (named.length === 0) throw new UsageError(`no project "${opts.project}" in ${file} (it has ${ids})`)
  if (flowsDir === undefined) {
    const configured = named.filter((p) => p.flowsDir !== undefined)
    if (configured.length === 0) throw new UsageError(`no project in ${file} names a flowsDir: give the folder, cairn check <flowsDir>`)
    return configured.map((p) => ({ dir: p.flowsDir as string, context: contextOf(p) }))
  }
  const dir = resolve(io.cwd, flowsDir)
  const project = named.find((p) => p.flowsDir === dir) ?? (named.length === 1 ? named[0] : undefined)
  if (!project) throw new UsageError(`no project in ${file} has ${dir} as its flowsDir: name one with --project (it has ${ids})`)
  return [{ dir, context: contextOf(project) }]
}
