import { readFileSync } from 'node:fs'
import { cac } from 'cac'
import { checkCommand, type CheckOptions } from './check-command.ts'
import { initCommand, type InitOptions } from './init-command.ts'
import { selectorsCommand, type SelectorsOptions } from './selectors-command.ts'
import type { Io } from './io.ts'

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

/**
 * `cairn`, the command line for teams writing flows. Returns the exit code: 0 fine, 1 problems
 * found, 2 a usage error (unknown command or option, missing folder or config).
 */
export async function cairn(argv: readonly string[], io: Io): Promise<number> {
  const cli = cac('cairn')
  cli
    .command('check [flowsDir]', 'Check flow files as the collector does when it loads them')
    .option('--config <file>', 'config file naming the project (default: ./cairn.config.json when present)')
    .option('--project <id>', 'the config project whose milestones and locale apply')
    .option('--format <format>', 'text, json or github (workflow annotations)', { default: 'text' })
    .option('--strict', 'fail on warnings too')
    .example('cairn check flows --config cairn.config.json --format github')
    .action((flowsDir: string | undefined, opts: CheckOptions) => checkCommand(flowsDir, opts, io))
  cli
    .command('selectors [flowsDir]', "Open each tour step's and hotspot's page in Chromium and check its target")
    .option('--base-url <url>', 'where the app under test runs, e.g. http://localhost:5173')
    .option('--config <file>', 'config file naming the project (default: ./cairn.config.json when present)')
    .option('--project <id>', 'only this config project')
    .option('--url-sample <pattern=url>', 'a real URL for a step whose url is a pattern (repeatable)')
    .option('--login <script>', 'a module whose default export (page, { baseUrl }) signs in first')
    .option('--json', 'print JSON instead of a table')
    .example('cairn selectors --base-url http://localhost:5173 --url-sample "/boards/*=/boards/demo"')
    .action((flowsDir: string | undefined, opts: SelectorsOptions) => selectorsCommand(flowsDir, opts, io))
  cli
    .command('init [dir]', 'Write a starter cairn.config.json (fresh keys) and a flows folder with one flow of each kind')
    .option('--force', 'overwrite files that exist')
    .option('--collector-url <url>', "where flows' $schema points when @cairn/protocol is not installed here", { default: 'http://127.0.0.1:8787' })
    .action((dir: string | undefined, opts: InitOptions) => initCommand(dir, opts, io))
  cli.help()
  cli.version(VERSION)
  try {
    // cac skips the first two entries, as in process.argv.
    cli.parse(['node', 'cairn', ...argv], { run: false })
    if (cli.options['help'] || cli.options['version']) return 0
    if (!cli.matchedCommand) {
      io.err(argv.length ? `cairn: unknown command "${argv[0]}"` : 'cairn: name a command')
      cli.outputHelp()
      return 2
    }
    return (await cli.runMatchedCommand()) as number
  } catch (error) {
    if ((error as Error).name !== 'CACError') throw error
    io.err(`cairn: ${(error as Error).message}`)
    return 2
  }
}
