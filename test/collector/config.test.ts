import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, DEFAULT_RATE_LIMIT, demoConfig, loadConfig } from '@cairn/collector'
import { optionsFrom } from '../../packages/collector/src/cli-options.ts'

describe('loadConfig', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-config-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))
  const file = async (name: string, json: unknown) => {
    const path = join(dir, name)
    await writeFile(path, typeof json === 'string' ? json : JSON.stringify(json))
    return path
  }
  const project = { id: 'acme', writeKey: 'pk_live_1', secretKey: 'sk_live_1' }

  it('reads projects, resolves flowsDir against the file, and fills defaults', async () => {
    const config = await loadConfig(await file('ok.json', {
      $schema: './config.schema.json',
      projects: [{ ...project, name: 'Acme', origins: ['https://App.acme.com'], identitySecret: 'x'.repeat(16), locale: 'fa', flowsDir: 'flows', keepEventsDays: 90 }],
    }))
    expect(config).toEqual({
      projects: [{ ...project, name: 'Acme', origins: ['https://app.acme.com'], identitySecret: 'x'.repeat(16), locale: 'fa', flowsDir: join(dir, 'flows'), keepEventsDays: 90 }],
      rateLimit: DEFAULT_RATE_LIMIT,
      trustProxy: false,
    })
  })

  it('takes a rate limit, or false to turn it off', async () => {
    expect((await loadConfig(await file('rl.json', { projects: [project], rateLimit: { perSecond: 5, burst: 10 } }))).rateLimit).toEqual({ perSecond: 5, burst: 10 })
    expect((await loadConfig(await file('off.json', { projects: [project], rateLimit: false, trustProxy: true }))).rateLimit).toBe(false)
  })

  it.each([
    ['a key without its prefix', { projects: [{ ...project, writeKey: 'live_1' }] }, '$.projects[0].writeKey', 'pk_'],
    ['a secret key in the write key slot', { projects: [{ ...project, writeKey: 'sk_x' }] }, '$.projects[0].writeKey', 'pk_'],
    ['an origin with a path', { projects: [{ ...project, origins: ['https://a.com/app'] }] }, '$.projects[0].origins[0]', 'origin'],
    ['a short identity secret', { projects: [{ ...project, identitySecret: 'short' }] }, '$.projects[0].identitySecret', '16'],
    ['a locale that is no language tag', { projects: [{ ...project, locale: 'Persian' }] }, '$.projects[0].locale', 'BCP 47'],
    ['no projects', { projects: [] }, '$.projects', 'at least one'],
    ['a fraction of a day to keep events', { projects: [{ ...project, keepEventsDays: 0.5 }] }, '$.projects[0].keepEventsDays', 'whole number'],
    ['no day to keep events', { projects: [{ ...project, keepEventsDays: 0 }] }, '$.projects[0].keepEventsDays', '1'],
    ['an unknown field', { projects: [project], colour: 'red' }, '$.colour', ''],
    ['a duplicate project id', { projects: [project, { ...project, writeKey: 'pk_2', secretKey: 'sk_2' }] }, '$.projects[1].id', 'acme'],
    ['a key used twice', { projects: [project, { id: 'b', writeKey: 'pk_live_1', secretKey: 'sk_b' }] }, '$.projects[1].writeKey', 'unique'],
  ])('refuses %s, naming the file, the path and the problem', async (name, json, path, words) => {
    const where = await file(`${name.replaceAll(' ', '-')}.json`, json)
    const error = await loadConfig(where).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigError)
    const message = (error as Error).message
    expect(message).toContain(where)
    expect(message).toContain(`${path}:`)
    expect(message).toContain(words)
  })

  it('refuses a file that is not JSON', async () => {
    await expect(loadConfig(await file('broken.json', '{ "projects": '))).rejects.toThrow(/broken\.json:\n {2}\$: not valid JSON/)
  })

  it('fails plainly on a missing file', async () => {
    await expect(loadConfig(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('has a demo project with public demo keys and any origin, previewed from the demo app', () => {
    expect(demoConfig('/flows').projects).toEqual([{
      id: 'demo', name: 'Demo', writeKey: 'pk_demo', secretKey: 'sk_demo', origins: [],
      previewOrigins: ['http://127.0.0.1:5173', 'http://localhost:5173'], flowsDir: '/flows',
    }])
  })
})

describe('CLI options', () => {
  it('has the documented defaults', () => {
    expect(optionsFrom([], {})).toEqual({ port: 8787, host: '127.0.0.1', dataDir: './.cairn-data' })
  })

  it('reads the flags, PORT and DATABASE_URL', () => {
    expect(optionsFrom(['--port', '0', '--host', '0.0.0.0', '--data-dir', '/d', '--config', 'c.json'], { DATABASE_URL: 'postgres://x/y' })).toEqual({
      port: 0, host: '0.0.0.0', dataDir: '/d', config: 'c.json', databaseUrl: 'postgres://x/y',
    })
    expect(optionsFrom([], { PORT: '9000' })).toMatchObject({ port: 9000 })
  })

  it('answers help and usage errors', () => {
    expect(optionsFrom(['-h'], {})).toBe('help')
    expect(optionsFrom(['--port', 'abc'], {})).toMatch(/--port/)
    expect(optionsFrom(['--port', '70000'], {})).toMatch(/--port/)
    expect(optionsFrom(['--nope'], {})).toMatch(/nope/)
  })
})
