import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../../..')
const CLI = join(ROOT, 'packages/collector/bin/cairn-collector.js')

/** A collector running as a child process, as users run it. */
export type CollectorProcess = {
  /** `http://127.0.0.1:PORT` */
  url: string
  pid: number
  /** Everything it wrote to stderr (for failure messages). */
  stderr(): string
  /** Stops it by PID (SIGTERM, SIGKILL after a grace period) and removes its data directory. */
  stop(): Promise<void>
}

/**
 * Starts `cairn-collector --port 0` on 127.0.0.1 with a fresh temporary data directory; without a
 * config file it serves the demo project (write key `pk_demo`, secret key `sk_demo`, any origin).
 * Resolves once it prints `Cairn collector listening on …`.
 */
export async function startCollectorProcess(args: string[] = []): Promise<CollectorProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-e2e-data-'))
  const child = spawn(process.execPath, [CLI, '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, ...args], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' },
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))

  const url = await new Promise<string>((found, failed) => {
    let stdout = ''
    const timer = setTimeout(() => failed(new Error(`collector did not start within 60 s:\n${stderr}`)), 60_000)
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /Cairn collector listening on (http:\/\/\S+)/.exec(stdout)
      if (match) {
        clearTimeout(timer)
        found(match[1]!)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      failed(new Error(`collector exited with ${code} before listening:\n${stderr}`))
    })
  })

  return {
    url,
    pid: child.pid!,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) {
        process.kill(child.pid!, 'SIGTERM')
        const killer = setTimeout(() => child.exitCode === null && process.kill(child.pid!, 'SIGKILL'), 15_000)
        await exited
        clearTimeout(killer)
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
