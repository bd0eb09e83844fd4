import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStorage, type Storage } from '@cairn/collector'
import { freshSchema } from '../collector/helpers/postgres.ts'
import { spawnCollector, type SpawnedCollector } from '../collector/helpers/spawn.ts'
import { freePort } from '../collector/helpers/free-port.ts'

/** The project the chaos pages send to (the script-tag page's key), without rate limit or published flows. */
export const PROJECT = { id: 'chaos', writeKey: 'pk_demo', secretKey: 'sk_chaos' }

const START_MS = 120_000

/** Where the collector keeps its data: a PGlite data directory or a PostgreSQL schema. */
export type ChaosStore = {
  name: string
  args: string[]
  env: Record<string, string>
  /** Opens the store in this process (once no collector holds it, for PGlite). */
  open(): Promise<Storage>
  drop(): Promise<void>
}

export async function pgliteStore(): Promise<ChaosStore> {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-chaos-data-'))
  return {
    name: 'PGlite', args: ['--data-dir', dir], env: { DATABASE_URL: '' },
    open: () => openStorage({ dataDir: dir }),
    drop: () => rm(dir, { recursive: true, force: true }),
  }
}

export async function postgresStore(): Promise<ChaosStore> {
  const schema = await freshSchema('cairn_chaos')
  return {
    name: 'PostgreSQL', args: [], env: { DATABASE_URL: schema.url },
    open: () => openStorage({ databaseUrl: schema.url }),
    drop: () => schema.drop(),
  }
}


/** A `cairn-collector` child process that can be SIGKILLed and started again on the same port and store. */
export type Restartable = {
  url: string
  /** SIGKILL, then start again at once on the same store and port; resolves once it listens. */
  crash(): Promise<void>
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | string>
  stderr(): string
}

export async function startRestartable(store: ChaosStore): Promise<Restartable> {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-chaos-'))
  const config = join(dir, 'cairn.config.json')
  await writeFile(config, JSON.stringify({ projects: [{ ...PROJECT, origins: [] }], rateLimit: false }))
  const port = await freePort()
  // A fresh PGlite data directory runs initdb first: on a busy machine that has taken over 45 s.
  const start = () => spawnCollector(['--port', String(port), '--host', '127.0.0.1', '--config', config, ...store.args], store.env, START_MS)
  let current: SpawnedCollector
  try {
    current = await start()
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  let log = ''
  return {
    url: `http://127.0.0.1:${port}`,
    async crash() {
      log += current.stderr()
      current.child.kill('SIGKILL')
      const how = await current.exited
      if (how !== 'SIGKILL') throw new Error(`the collector ended with ${how}, not SIGKILL:\n${current.stderr()}`)
      current = await start()
    },
    async stop() {
      current.child.kill('SIGTERM')
      const code = await current.exited
      await rm(dir, { recursive: true, force: true })
      return code
    },
    stderr: () => log + current.stderr(),
  }
}
