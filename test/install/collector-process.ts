import { spawn } from 'node:child_process'
import { cleanEnv } from './project.ts'

/** A collector started with `npx cairn-collector` in the installed project. */
export type NpxCollector = { url: string; stderr(): string; stop(): Promise<void> }

/**
 * Runs `npx cairn-collector --port 0 …` in `cwd` as a new user would and waits for its "listening"
 * line. npx starts the collector as its own child, so both run in a process group of their own and
 * `stop()` signals that group (by the id of the process started here), never anything else.
 */
export function startNpxCollector(cwd: string, args: string[]): Promise<NpxCollector> {
  const child = spawn('npx', ['--no-install', 'cairn-collector', '--port', '0', '--host', '127.0.0.1', ...args], {
    cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {
      // The group is gone already.
    }
  }
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      signal('SIGTERM')
      const killer = setTimeout(() => signal('SIGKILL'), 15_000)
      await exited
      clearTimeout(killer)
    }
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`npx cairn-collector did not start within 60 s:\n${stderr}`))
    }, 60_000)
    child.stdout.on('data', () => {
      const match = /Cairn collector listening on (http:\/\/\S+)/.exec(stdout)
      if (!match) return
      clearTimeout(timer)
      resolve({ url: match[1]!, stderr: () => stderr, stop })
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npx cairn-collector exited (${code}) before listening:\n${stderr}`))
    })
  })
}
