import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../../packages/collector/bin/cairn-collector.js', import.meta.url))
const READY = /^Cairn collector listening on (http:\/\/\S+)$/m

export type SpawnedCollector = {
  child: ChildProcess
  url: string
  stdout(): string
  stderr(): string
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>
}

/**
 * Runs the `cairn-collector` CLI as a child process and waits for its "listening" line.
 * Rejects with the output if it exits first.
 */
export function spawnCollector(args: string[], env: Record<string, string> = {}, timeoutMs = 45_000): Promise<SpawnedCollector> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the collector did not start within ${timeoutMs} ms\n${err}`))
    }, timeoutMs)
    child.stdout.on('data', () => {
      const match = READY.exec(out)
      if (!match?.[1]) return
      clearTimeout(timer)
      resolve({ child, url: match[1], stdout: () => out, stderr: () => err, exited })
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`the collector exited (${code}) before listening\n${err}`))
    })
  })
}

/** Runs the CLI to completion (for runs expected to fail at start). */
export async function runCollector(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)))
  return { code, stdout: out, stderr: err }
}
