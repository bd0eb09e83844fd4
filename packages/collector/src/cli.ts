import { startCollector } from './server.ts'
import { optionsFrom, USAGE } from './cli-options.ts'

async function main() {
  const opts = optionsFrom(process.argv.slice(2), process.env)
  if (opts === 'help') {
    console.log(USAGE)
    return
  }
  if (typeof opts === 'string') {
    console.error(`cairn-collector: ${opts}\n\n${USAGE}`)
    process.exit(2)
  }
  let collector
  try {
    collector = await startCollector(opts)
  } catch (error) {
    console.error(`cairn-collector: ${(error as Error).message}`)
    process.exit(1)
  }
  const running = collector
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) {
      console.error(`cairn-collector: ${signal} again, exiting without waiting`)
      process.exit(1)
    }
    stopping = true
    console.error(`Cairn collector: ${signal}: finishing in-flight requests, then closing storage`)
    running.close().then(() => process.exit(0), (error: Error) => {
      console.error(`cairn-collector: shutdown failed: ${error.message}`)
      process.exit(1)
    })
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  // Handlers first: whoever waits for the line below may signal at once.
  const store = opts.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${opts.dataDir}`
  console.error(`Cairn collector: storing events in ${store}`)
  console.log(`Cairn collector listening on ${collector.url}`)
}

await main()
