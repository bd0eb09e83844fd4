import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DataDirLockedError, openStorage } from '@cairn/collector'
import { holderAlive, lockText, parseLock } from '../../packages/collector/src/storage/data-dir-lock.ts'
import { processStatus } from '../../packages/collector/src/storage/process-identity.ts'
import { batch, track } from './helpers/events.ts'
import { spawnCollector } from './helpers/spawn.ts'

const BIN = fileURLToPath(new URL('../../packages/collector/bin/cairn-collector.js', import.meta.url))

describe('holderAlive: who still holds a lock', () => {
  const running = (start: string) => ({ kind: 'running' as const, start })
  const cases = [
    ['the process that wrote it, still running', { pid: 7, start: 'b/100' }, running('b/100'), true],
    ['a zombie: SIGKILLed, not yet reaped', { pid: 7, start: 'b/100' }, { kind: 'zombie' as const }, false],
    ['no such process', { pid: 7, start: 'b/100' }, { kind: 'none' as const }, false],
    ['the pid reused by a later process', { pid: 7, start: 'b/100' }, running('b/900'), false],
    ['the pid reused after a reboot', { pid: 7, start: 'b/100' }, running('c/100'), false],
    ['a lock without a start token, its pid running', { pid: 7, start: null }, running('b/100'), true],
  ] as const
  it.each(cases)('%s', (_, holder, status, alive) => {
    expect(holderAlive(holder, status, () => true)).toBe(alive)
  })
  it('falls back to "the pid exists" where there is no /proc', () => {
    expect(holderAlive({ pid: 7, start: 'b/100' }, undefined, () => true)).toBe(true)
    expect(holderAlive({ pid: 7, start: 'b/100' }, undefined, () => false)).toBe(false)
  })
  it('reads back what it writes, and the one-line locks of older collectors', () => {
    expect(parseLock(lockText(42, running('b/100')))).toEqual({ pid: 42, start: 'b/100' })
    expect(parseLock('42\n')).toEqual({ pid: 42, start: null })
    expect(parseLock('')).toBeNull()
    expect(parseLock('nope\n')).toBeNull()
  })
})

describe('the data-dir lock with real processes', () => {
  let dir: string
  let config: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-lock-'))
    config = join(dir, 'cairn.config.json')
    await writeFile(config, JSON.stringify({ projects: [{ id: 'test', writeKey: 'pk_test', secretKey: 'sk_test' }], rateLimit: false }))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('a collector restarted within a second of a SIGKILL starts, while the killed one is still an unreaped zombie', async () => {
    const data = join(dir, 'zombie')
    // The collector's parent is `sleep`, which never reaps a child: once killed, it stays a zombie.
    const parent = spawn('sh', ['-c', `"${process.execPath}" "${BIN}" --port 0 --data-dir "${data}" --config "${config}" & exec sleep 120`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      let out = ''
      const url = await new Promise<string>((resolve, reject) => {
        parent.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          const match = /listening on (http:\/\/\S+)/.exec(out)
          if (match?.[1]) resolve(match[1])
        })
        parent.once('exit', () => reject(new Error('the collector did not start')))
      })
      const e = track('before-kill')
      const body = JSON.stringify(batch([e]))
      expect((await fetch(`${url}/v1/batch`, { method: 'POST', body })).status).toBe(200)
      const pid = Number((await readFile(join(data, 'collector.lock'), 'utf8')).split('\n')[0])
      expect(processStatus(pid)?.kind).toBe('running')

      process.kill(pid, 'SIGKILL')
      const killedAt = Date.now()
      for (let i = 0; i < 100 && processStatus(pid)?.kind !== 'zombie'; i++) await new Promise((r) => setTimeout(r, 5))
      expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/^\d+ \(.*\) Z /)

      const spawnedAt = Date.now()
      const again = await spawnCollector(['--port', '0', '--data-dir', data, '--config', config])
      try {
        expect(spawnedAt - killedAt).toBeLessThan(1000)
        // Still a zombie: the lock was taken over although the pid "exists".
        expect(processStatus(pid)?.kind).toBe('zombie')
        const res = await fetch(`${again.url}/v1/batch`, { method: 'POST', body })
        expect(await res.json()).toEqual({ accepted: 0, duplicates: 1, rejected: [] })
      } finally {
        again.child.kill('SIGTERM')
        expect(await again.exited).toBe(0)
      }
    } finally {
      parent.kill('SIGKILL')
    }
  }, 90_000)

  it('takes over a lock whose pid now belongs to an unrelated process, and refuses one held by a live collector', async () => {
    const data = join(dir, 'reused')
    const unrelated = spawn('sleep', ['60'])
    try {
      await new Promise((resolve) => unrelated.once('spawn', resolve))
      const pid = unrelated.pid as number
      expect(processStatus(pid)?.kind).toBe('running')
      // What a collector that once ran with this pid left behind: another start token.
      await openStorage({ dataDir: data }).then((s) => s.close())
      await writeFile(join(data, 'collector.lock'), lockText(pid, { kind: 'running', start: 'an-earlier-boot/12345' }))
      const storage = await openStorage({ dataDir: data })
      try {
        expect(parseLock(await readFile(join(data, 'collector.lock'), 'utf8'))?.pid).toBe(process.pid)
        await expect(openStorage({ dataDir: data })).rejects.toThrow(DataDirLockedError)
      } finally {
        await storage.close()
      }
    } finally {
      unrelated.kill('SIGKILL')
    }
  }, 60_000)
})
