import { request } from 'node:http'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LIMITS } from '@cairn/protocol'
import { DataDirLockedError, openStorage, startCollector, type RunningCollector } from '@cairn/collector'
import { batch, track } from './helpers/events.ts'

const CONFIG = { projects: [{ id: 'test', writeKey: 'pk_test', secretKey: 'sk_test' }], rateLimit: false }

describe('startCollector over real HTTP', () => {
  let dir: string
  let config: string
  let collector: RunningCollector
  const logs: string[] = []
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-server-'))
    config = join(dir, 'cairn.config.json')
    await writeFile(config, JSON.stringify(CONFIG))
    collector = await startCollector({ port: 0, dataDir: join(dir, 'data'), config, log: (line) => logs.push(line) })
  }, 60_000)
  afterAll(async () => {
    await collector?.close()
    await rm(dir, { recursive: true, force: true })
  }, 30_000)

  const post = (body: unknown) => fetch(`${collector.url}/v1/batch`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'text/plain' } })

  it('listens on the real port of 127.0.0.1 and answers /health', async () => {
    expect(collector.url).toBe(`http://127.0.0.1:${collector.port}`)
    expect(collector.port).toBeGreaterThan(0)
    expect(await (await fetch(`${collector.url}/health`)).json()).toEqual({ status: 'ok', storage: 'pglite' })
  })

  it('refuses a second collector on the same data directory, naming the holder', async () => {
    const error = await openStorage({ dataDir: join(dir, 'data') }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DataDirLockedError)
    expect((error as Error).message).toContain(`pid ${process.pid}`)
    expect((error as Error).message).toContain('--data-dir')
  })

  it('answers 413 to a streamed body past 512 KB without reading it all', async () => {
    const url = new URL(`${collector.url}/v1/batch`)
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'x-cairn-key': 'pk_test', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      const chunk = Buffer.alloc(64 * 1024, 32)
      let sent = 0
      // Keep sending until the server answers; it must answer well before 8 MB.
      const pump = () => {
        while (sent < 8 * 1024 * 1024) {
          sent += chunk.length
          if (!req.write(chunk)) return req.once('drain', pump)
        }
        req.end()
      }
      pump()
    })
    expect(status).toBe(413)
  })

  it('answers 413 to a declared Content-Length past 512 KB', async () => {
    const res = await fetch(`${collector.url}/v1/batch`, { method: 'POST', body: 'x'.repeat(LIMITS.batchBytes + 1), headers: { 'x-cairn-key': 'pk_test' } })
    expect(res.status).toBe(413)
  })

  it('drains in-flight requests on close, then stops accepting', async () => {
    const other = await startCollector({ port: 0, dataDir: join(dir, 'drain'), config, log: () => {} })
    const e = track('slow')
    const body = JSON.stringify(batch([e]))
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${other.url}/v1/batch`, { method: 'POST', headers: { 'x-cairn-key': 'pk_test', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      })
      req.on('error', reject)
      // Half now, half after shutdown began: the request is in flight when close() is called.
      req.write(body.slice(0, 20))
      setTimeout(() => req.end(body.slice(20)), 300)
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    const closed = other.close()
    const result = await answered
    expect(result.status).toBe(200)
    expect(JSON.parse(result.text)).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    await closed
    await expect(fetch(`${other.url}/health`)).rejects.toThrow()
    // Committed, checkpointed and unlocked: a new collector reads it back.
    expect(existsSync(join(dir, 'drain', 'collector.lock'))).toBe(false)
    const storage = await openStorage({ dataDir: join(dir, 'drain') })
    expect(await storage.query('SELECT event_id::text AS id FROM events')).toEqual([{ id: e.id }])
    await storage.close()
  }, 60_000)

  it('keeps data across a restart', async () => {
    const e = track('persisted')
    expect((await post(batch([e]))).status).toBe(200)
    await collector.close()
    collector = await startCollector({ port: 0, dataDir: join(dir, 'data'), config, log: () => {} })
    const again = await post(batch([e]))
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 1, rejected: [] })
  }, 60_000)

  it('takes over a lock left by a process that is gone', async () => {
    const dead = spawn(process.execPath, ['-e', ''])
    const pid = dead.pid
    await new Promise((resolve) => dead.once('exit', resolve))
    const lockDir = join(dir, 'stale')
    await openStorage({ dataDir: lockDir }).then((s) => s.close())
    await writeFile(join(lockDir, 'collector.lock'), `${pid}\n`)
    const storage = await openStorage({ dataDir: lockDir })
    expect((await readFile(join(lockDir, 'collector.lock'), 'utf8')).split('\n')[0]).toBe(String(process.pid))
    await storage.close()
    expect(existsSync(join(lockDir, 'collector.lock'))).toBe(false)
  }, 60_000)

  it('starts the demo project, loudly, without a config file', async () => {
    const lines: string[] = []
    const demo = await startCollector({ port: 0, dataDir: 'memory://', log: (line) => lines.push(line) })
    try {
      expect(lines.join('\n')).toMatch(/DEMO MODE[\s\S]*pk_demo[\s\S]*sk_demo/)
      const flows = await (await fetch(`${demo.url}/v1/flows?key=pk_demo`)).json()
      expect(flows.flows.map((f: { id: string }) => f.id)).toEqual([
        'announcement-invite-banner', 'announcement-invite-hotspot', 'getting-started', 'nps-quarterly', 'pmf-check', 'welcome-tour', 'whats-new-csv-export', 'whats-new-dark-mode',
      ])
    } finally {
      await demo.close()
    }
  }, 60_000)

  it('refuses a config file that was named but is missing', async () => {
    await expect(startCollector({ port: 0, dataDir: 'memory://', config: join(dir, 'nope.json'), log: () => {} })).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
