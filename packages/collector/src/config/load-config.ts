import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { check } from '@cairn/protocol'
import type { Problem } from '@cairn/protocol'
import { configSchema, type ConfigFile } from './config-schema.ts'
import { DEFAULT_RATE_LIMIT, type Config, type Project } from './config.ts'

/** A config file that can't be used; the message names the file, each JSON path and what is wrong. */
export class ConfigError extends Error {
  override name = 'ConfigError'
  constructor(readonly file: string, readonly problems: readonly Problem[]) {
    super(`invalid config file ${file}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`)
  }
}

function duplicates(file: ConfigFile): Problem[] {
  const problems: Problem[] = []
  const ids = new Set<string>()
  const keys = new Set<string>()
  file.projects.forEach((project, i) => {
    if (ids.has(project.id)) problems.push({ path: `$.projects[${i}].id`, message: `the id "${project.id}" is used by another project` })
    ids.add(project.id)
    for (const field of ['writeKey', 'secretKey'] as const) {
      if (keys.has(project[field])) problems.push({ path: `$.projects[${i}].${field}`, message: 'this key is used elsewhere; every key must be unique' })
      keys.add(project[field])
    }
  })
  return problems
}

/** Validates parsed config JSON; relative `flowsDir`s resolve against `baseDir`. */
export function parseConfig(json: unknown, file: string, baseDir: string): Config {
  const result = check(configSchema, json)
  if (!result.ok) throw new ConfigError(file, result.problems)
  const problems = duplicates(result.value)
  if (problems.length > 0) throw new ConfigError(file, problems)
  const projects = result.value.projects.map((p): Project => {
    const project: Project = { id: p.id, writeKey: p.writeKey, secretKey: p.secretKey, origins: p.origins.map((o) => o.toLowerCase()) }
    if (p.name !== undefined) project.name = p.name
    if (p.previewOrigins.length > 0) project.previewOrigins = p.previewOrigins.map((o) => o.toLowerCase())
    if (p.identitySecret !== undefined) project.identitySecret = p.identitySecret
    if (p.locale !== undefined) project.locale = p.locale
    if (p.flowsDir !== undefined) project.flowsDir = resolve(baseDir, p.flowsDir)
    if (p.milestones.length > 0) project.milestones = p.milestones
    if (p.activeEvents !== undefined) project.activeEvents = p.activeEvents
    if (p.revenueTrait !== undefined) project.revenueTrait = p.revenueTrait
    if (p.keepEventsDays !== undefined) project.keepEventsDays = p.keepEventsDays
    return project
  })
  return { projects, rateLimit: result.value.rateLimit ?? DEFAULT_RATE_LIMIT, trustProxy: result.value.trustProxy ?? false }
}

/**
 * Reads and validates a config file.
 * @throws ConfigError naming the file, the JSON path and the problem; the fs error when unreadable.
 * @example const config = await loadConfig('./cairn.config.json')
 */
export async function loadConfig(path: string): Promise<Config> {
  const file = resolve(path)
  const text = await readFile(file, 'utf8')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new ConfigError(file, [{ path: '$', message: `not valid JSON (${(error as Error).message})` }])
  }
  return parseConfig(json, file, dirname(file))
}
