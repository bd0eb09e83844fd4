import { parseArgs } from 'node:util'
import type { StartOptions } from './server.ts'

/** The CLI's help text. */
export const USAGE = `Usage: cairn-collector [options]

  --port <n>        port to listen on (default 8787, or $PORT; 0 picks a free port)
  --host <addr>     address to bind (default 127.0.0.1)
  --data-dir <dir>  PGlite data directory (default ./.cairn-data)
  --config <file>   config file (default ./cairn.config.json; without one, a demo project)
  -h, --help        show this help

Environment: DATABASE_URL=postgres://… stores in PostgreSQL instead of PGlite.`

/** Turns argv and the environment into start options; a string is a usage error. */
export function optionsFrom(argv: string[], env: NodeJS.ProcessEnv): StartOptions | 'help' | string {
  let values
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    return (error as Error).message
  }
  if (values.help) return 'help'
  const portText = values.port ?? env.PORT ?? '8787'
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535) return `--port must be a number from 0 to 65535`
  const opts: StartOptions = { port, host: values.host ?? '127.0.0.1', dataDir: values['data-dir'] ?? './.cairn-data' }
  if (values.config !== undefined) opts.config = values.config
  if (env.DATABASE_URL) opts.databaseUrl = env.DATABASE_URL
  return opts
}
