import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCollector, spawnCollector } from './helpers/spawn.ts'
import { describePostgres, freshSchema } from './helpers/postgres.ts'

let dir: string
let config: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-cli-'))
  config = join(dir, 'cairn.config.json')
  await writeFile(config, JSON.stringify({ projects: [{ id: 'test', writeKey: 'pk_test', secretKey: 'sk_test' }] }))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('cairn-collector (PGlite)', () => {
  it('prints exactly one "listening" line with the real port, refuses a second collector, exits 0 on SIGTERM', async () => {
    const data = join(dir, 'data')
    const collector = await spawnCollector(['--port', '0', '--data-dir', data, '--config', config])
    try {
      expect(collector.stdout()).toBe(`Cairn collector listening on ${collector.url}\n`)
      expect(collector.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(collector.stderr()).toContain(`PGlite in ${data}`)
      expect(await (await fetch(`${collector.url}/health`)).json()).toEqual({ status: 'ok', storage: 'pglite' })

      const second = await runCollector(['--port', '0', '--data-dir', data, '--config', config])
      expect(second.code).toBe(1)
      expect(second.stderr).toContain(`in use by another Cairn collector (pid ${collector.child.pid})`)
      expect(second.stdout).toBe('')
    } finally {
      collector.child.kill('SIGTERM')
    }
    expect(await collector.exited).toBe(0)
    expect(existsSync(join(data, 'collector.lock'))).toBe(false)
  }, 90_000)

  it('exits 0 on SIGINT too', async () => {
    const collector = await spawnCollector(['--port', '0', '--data-dir', join(dir, 'data'), '--config', config])
    collector.child.kill('SIGINT')
    expect(await collector.exited).toBe(0)
  }, 90_000)

  it('explains a bad config file and bad flags', async () => {
    const bad = join(dir, 'bad.json')
    await writeFile(bad, JSON.stringify({ projects: [{ id: 'x', writeKey: 'nope', secretKey: 'sk_x' }] }))
    const result = await runCollector(['--port', '0', '--data-dir', join(dir, 'bad'), '--config', bad])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(bad)
    expect(result.stderr).toContain('$.projects[0].writeKey')
    const usage = await runCollector(['--port', 'many'])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('Usage: cairn-collector')
  }, 90_000)
})

describePostgres('cairn-collector (PostgreSQL via DATABASE_URL)', () => {
  it('stores in PostgreSQL when DATABASE_URL is set', async () => {
    const schema = await freshSchema()
    try {
      const collector = await spawnCollector(['--port', '0', '--config', config], { DATABASE_URL: schema.url })
      expect(collector.stderr()).toContain('PostgreSQL')
      expect(await (await fetch(`${collector.url}/health`)).json()).toEqual({ status: 'ok', storage: 'postgres' })
      collector.child.kill('SIGTERM')
      expect(await collector.exited).toBe(0)
    } finally {
      await schema.drop()
    }
  }, 90_000)
})
