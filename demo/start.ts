/**
 * `npm start`: the collector (embedded PGlite in ./.cairn-data, demo project `pk_demo`) and the demo
 * app, both on 127.0.0.1. Ctrl-C stops both. Ports: CAIRN_PORT (8787) and DEMO_PORT (5173), or free
 * ones when those are taken.
 */
import { existsSync } from 'node:fs'
import { startCollector } from '@cairn/collector'
import { DEMO_NAMES, dashboardHistory, sendHistory } from './history.ts'
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

const DATA_DIR = './.cairn-data'
const fresh = !existsSync(DATA_DIR)
const collector = await onPort(Number(process.env['CAIRN_PORT'] ?? 8787), (port) => startCollector({ port, host: '127.0.0.1', dataDir: DATA_DIR }))
const demo = await onPort(Number(process.env['DEMO_PORT'] ?? 5173), (port) => startDemoServer({ port, collectorUrl: collector.url }))

// A dashboard with nothing in it teaches nothing: a new data directory starts with 90 days of a
// made-up product's history (300 people), which the demo's own visits then add to.
if (fresh && process.env['CAIRN_DEMO_HISTORY'] !== '0') {
  await sendHistory(collector.url, 'pk_demo', dashboardHistory(Date.now(), { users: 300, weeks: 13, names: DEMO_NAMES }))
}

console.log(`
  Cairn collector  ${collector.url}   (demo project: write key pk_demo, secret key sk_demo)
  Demo app         ${demo.url}   ← open this
  Dashboard        ${collector.url}/dashboard/   (sign in with the secret key sk_demo)
${fresh && process.env['CAIRN_DEMO_HISTORY'] !== '0' ? '                   seeded with 90 days of made-up history (CAIRN_DEMO_HISTORY=0 to start empty)\n' : ''}
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
