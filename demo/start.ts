/**
 * `npm start`: the collector (embedded PGlite in ./.cairn-data, demo project `pk_demo`) and the demo
 * app, both on 127.0.0.1. Ctrl-C stops both. Ports: CAIRN_PORT (8787) and DEMO_PORT (5173), or free
 * ones when those are taken.
 */
import { startCollector } from '@cairn/collector'
import { startDemoServer } from './server.ts'

/** Starts on the preferred port, or on any free one when it is taken. */
async function onPort<T>(preferred: number, start: (port: number) => Promise<T>): Promise<T> {
  try {
    return await start(preferred)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    return start(0)
  }
}

const collector = await onPort(Number(process.env['CAIRN_PORT'] ?? 8787), (port) => startCollector({ port, host: '127.0.0.1', dataDir: './.cairn-data' }))
const demo = await onPort(Number(process.env['DEMO_PORT'] ?? 5173), (port) => startDemoServer({ port, collectorUrl: collector.url }))

console.log(`
  Cairn collector  ${collector.url}   (demo project: write key pk_demo, secret key sk_demo)
  Demo app         ${demo.url}   ← open this
  Dashboard        ${collector.url}/dashboard/   (sign in with the secret key sk_demo)

  Ctrl-C to stop.
`)

let stopping = false
const stop = async () => {
  if (stopping) process.exit(1)
  stopping = true
  console.log('\nStopping the demo and the collector…')
  await demo.close()
  await collector.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
