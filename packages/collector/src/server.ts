import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Server } from 'node:http'
import { createAdaptorServer } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { createApp } from './app.ts'
import type { Config } from './config/config.ts'
import { demoConfig } from './config/demo-config.ts'
import { dashboardDir } from './dashboard/dashboard-files.ts'
import { loadConfig } from './config/load-config.ts'
import { createFlowSource } from './flows/flow-source.ts'
import { openStorage } from './storage/open-storage.ts'
import { startEventExpiry } from './expiry/expiry-job.ts'

/** How to run a collector. Nothing is read from the environment here; the CLI does that. */
export type StartOptions = {
  /** @default 8787; 0 picks a free port */
  port?: number
  /** @default '127.0.0.1' */
  host?: string
  /** PGlite data directory (ignored with `databaseUrl`). @default './.cairn-data' */
  dataDir?: string
  /** Config file. A missing file at the default path starts the demo project; a missing file named here is an error. @default './cairn.config.json' */
  config?: string
  /** PostgreSQL instead of PGlite. */
  databaseUrl?: string
  /** Operational messages (storage, demo notice, flow file errors). @default writes to stderr */
  log?: (line: string) => void
  /** The built dashboard served at `/dashboard/`. @default the copy of `@cairn/dashboard`'s build inside this package */
  dashboardDir?: string
}

/** A running collector. */
export type RunningCollector = {
  /** `http://HOST:PORT`, with the real port. */
  url: string
  port: number
  /** Stops accepting, lets in-flight requests finish, then checkpoints and closes storage. */
  close(): Promise<void>
}

const DEFAULT_CONFIG = './cairn.config.json'
/** How long shutdown waits for in-flight requests before cutting connections. */
const DRAIN_MS = 10_000

async function resolveConfig(path: string | undefined, log: (line: string) => void): Promise<Config> {
  if (path !== undefined || existsSync(DEFAULT_CONFIG)) return loadConfig(path ?? DEFAULT_CONFIG)
  const config = demoConfig()
  const flowsDir = config.projects[0]?.flowsDir ?? ''
  log([
    '',
    '  ************************************************************************',
    `  *  DEMO MODE: no ${DEFAULT_CONFIG} found.`,
    '  *  Running one demo project: write key pk_demo, secret key sk_demo,',
    `  *  any origin, flows from ${flowsDir}`,
    '  *  Anyone who knows sk_demo can read its data. Write a config file',
    '  *  (see "Collector" in the README) before real use.',
    '  ************************************************************************',
    '',
  ].join('\n'))
  return config
}

/** The dashboard's build, copied into this package by `npm run build` (same place from `src/` and `dist/`). */
const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../dashboard/', import.meta.url))

function clientIp(trustProxy: boolean) {
  return (c: Context): string => {
    if (trustProxy) {
      const hop = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
      if (hop) return hop
    }
    return getConnInfo(c).remote.address ?? 'unknown'
  }
}

/**
 * Loads the config, opens storage (PGlite in `dataDir`, or PostgreSQL), watches the flow folders and
 * serves the API on `host:port`.
 * @example
 * const collector = await startCollector({ port: 0, dataDir: tmp })
 * await fetch(`${collector.url}/health`)
 * await collector.close()
 */
export async function startCollector(opts: StartOptions = {}): Promise<RunningCollector> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const host = opts.host ?? '127.0.0.1'
  const config = await resolveConfig(opts.config, log)
  const storage = await openStorage(opts.databaseUrl !== undefined ? { databaseUrl: opts.databaseUrl } : { dataDir: opts.dataDir ?? './.cairn-data' })
  const flows = createFlowSource(config.projects, { log })
  await Promise.all(config.projects.map((p) => flows.flowsFor(p.id)))
  const dashboard = dashboardDir(opts.dashboardDir ?? DEFAULT_DASHBOARD_DIR)
  const app = createApp({ config, storage, flows, clientIp: clientIp(config.trustProxy), log, dashboard })
  const expiry = startEventExpiry(storage, config.projects, { log })

  let inflight = 0
  const server = createAdaptorServer({
    hostname: host,
    fetch: async (request, env) => {
      inflight++
      try {
        return await app.fetch(request, env)
      } finally {
        inflight--
      }
    },
  })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(opts.port ?? 8787, host, () => resolve())
    })
  } catch (error) {
    flows.close()
    await expiry.stop()
    await storage.close()
    throw error
  }
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 8787)
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`

  let closing: Promise<void> | undefined
  // createAdaptorServer without createServer options makes a node:http server.
  const http = server as Server
  return {
    url,
    port,
    close: () => (closing ??= (async () => {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()))
      http.closeIdleConnections()
      for (const deadline = Date.now() + DRAIN_MS; inflight > 0 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      http.closeAllConnections()
      await closed
      flows.close()
      await expiry.stop()
      await storage.close()
    })()),
  }
}
