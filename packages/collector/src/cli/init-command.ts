import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import type { Io } from './io.ts'
import { STARTER_FLOWS, STARTER_MILESTONES } from './starter-flows.ts'

export type InitOptions = { force?: boolean; collectorUrl?: string }

const DEFAULT_COLLECTOR = 'http://127.0.0.1:8787'
const PROTOCOL_SCHEMA = join('node_modules', '@cairn', 'protocol', 'schema', 'flow.json')

/** A key no one else has: the prefix and 128 (write) or 192 (secret) random bits. */
const key = (prefix: 'pk' | 'sk', bytes: number) => `${prefix}_${randomBytes(bytes).toString('base64url')}`

/** A project id from the folder's name, as the config allows it (lowercase, digits, `_ -`). */
const projectId = (dir: string) => basename(dir).toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+/, '').slice(0, 64) || 'app'

/**
 * Where the flows' `$schema` points: the installed `@cairn/protocol` schema when there is one in this
 * folder or above (editors read it offline), else the collector's `GET /v1/schema/flow.json`.
 */
function schemaFor(flowsDir: string, collectorUrl: string): string {
  for (let dir = flowsDir; ; dir = dirname(dir)) {
    const file = join(dir, PROTOCOL_SCHEMA)
    if (existsSync(file)) return relative(flowsDir, file).split('\\').join('/')
    if (dirname(dir) === dir) return `${collectorUrl}/v1/schema/flow.json`
  }
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/**
 * `cairn init [dir]`: a starter `cairn.config.json` with fresh keys and a `flows/` folder with one
 * flow of each kind, each with `$schema` set. Refuses to overwrite anything unless `--force`.
 */
/** A development server's usual origin (Vite's): where a new project previews its flows. */
const DEV_ORIGIN = 'http://localhost:5173'

export async function initCommand(target: string | undefined, opts: InitOptions, io: Io): Promise<number> {
  const dir = resolve(io.cwd, target ?? '.')
  const flowsDir = join(dir, 'flows')
  const files = [
    { path: join(dir, 'cairn.config.json'), text: '' },
    ...STARTER_FLOWS.map((f) => ({ path: join(flowsDir, `${f.id}.json`), text: '' })),
  ]
  const taken = files.filter((f) => existsSync(f.path)).map((f) => relative(io.cwd, f.path))
  if (taken.length && !opts.force) {
    io.err(`cairn init: ${taken.join(', ')} already exist${taken.length === 1 ? 's' : ''}; nothing was written (--force overwrites)`)
    return 2
  }
  const id = projectId(dir)
  const writeKey = key('pk', 16)
  const collectorUrl = (opts.collectorUrl ?? DEFAULT_COLLECTOR).replace(/\/+$/, '')
  const schema = schemaFor(flowsDir, collectorUrl)
  ;(files[0] as { text: string }).text = json({
    projects: [{ id, name: basename(dir), writeKey, secretKey: key('sk', 24), origins: [], previewOrigins: [DEV_ORIGIN], flowsDir: './flows', milestones: STARTER_MILESTONES }],
  })
  STARTER_FLOWS.forEach((flow, i) => {
    (files[i + 1] as { text: string }).text = json({ $schema: schema, ...flow })
  })
  await mkdir(flowsDir, { recursive: true })
  for (const f of files) await writeFile(f.path, f.text)
  const config = relative(io.cwd, files[0]!.path) || 'cairn.config.json'
  io.out([
    `Wrote ${config} (project "${id}", fresh keys) and ${files.length - 1} flows in ${relative(io.cwd, flowsDir) || '.'}/`,
    '',
    'Next:',
    `  npx cairn-collector --config ${config}      start the collector`,
    `  <script async src="…/cairn.js" data-key="${writeKey}" data-endpoint="${collectorUrl}"></script>`,
    `  npx cairn check --config ${config}           check the flows after each edit`,
    '',
    `${config} holds the secretKey, which reads results: never put it in a page or a public repository.`,
    '"origins": [] lets any site send events with the writeKey; list your own before going live.',
    `"previewOrigins" may show any flow with ?cairn_preview=<flowId> (${DEV_ORIGIN} for now): list your dev and staging sites.`,
  ].join('\n'))
  return 0
}
