import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFlowSource, loadConfig } from '@cairn/collector'
import { cairn } from '../../packages/collector/src/cli/cairn.ts'
import { testApp } from './helpers/app.ts'

describe('cairn init', () => {
  let cwd: string
  let out: string[]
  let err: string[]
  const run = (...argv: string[]) => cairn(argv, { cwd, out: (t) => out.push(t), err: (t) => err.push(t), now: () => Date.now() })
  const read = async (path: string) => JSON.parse(await readFile(join(cwd, path), 'utf8'))

  beforeEach(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'cairn-init-'))
    out = []
    err = []
  })
  afterEach(() => rm(cwd, { recursive: true, force: true }))

  it('writes a config with fresh keys and one flow of each kind, which cairn check finds clean', async () => {
    expect(await run('init', 'My App')).toBe(0)
    const config = await read('My App/cairn.config.json')
    const [project] = config.projects
    expect(project).toMatchObject({ id: 'my-app', name: 'My App', flowsDir: './flows', origins: [], previewOrigins: ['http://localhost:5173'], milestones: ['created_first_project', 'invited_teammate'] })
    expect(project.writeKey).toMatch(/^pk_[A-Za-z0-9_-]{22}$/)
    expect(project.secretKey).toMatch(/^sk_[A-Za-z0-9_-]{32}$/)
    expect([project.writeKey, project.secretKey]).not.toContain('pk_demo')
    expect((await readdir(join(cwd, 'My App/flows'))).sort()).toEqual(['getting-started.json', 'invite-teammates.json', 'nps.json', 'welcome-tour.json'])
    const kinds = await Promise.all(['getting-started', 'invite-teammates', 'nps', 'welcome-tour'].map((id) => read(`My App/flows/${id}.json`)))
    expect(kinds.map((f) => f.kind).sort()).toEqual(['announcement', 'checklist', 'survey', 'tour'])
    expect(new Set(kinds.map((f) => f.$schema))).toEqual(new Set(['http://127.0.0.1:8787/v1/schema/flow.json']))
    expect(out[0]).toContain(`data-key="${project.writeKey}"`)
    expect(out[0]).not.toContain(project.secretKey)

    out = []
    expect(await run('check', 'My App/flows', '--config', 'My App/cairn.config.json', '--strict')).toBe(0)
    expect(out).toEqual(['4 files checked: no problems'])
  })

  it('the collector loads what it wrote and serves every flow', async () => {
    await run('init')
    const config = await loadConfig(join(cwd, 'cairn.config.json'))
    const project = config.projects[0]!
    const source = createFlowSource(config.projects, { log: () => {} })
    try {
      const app = testApp({ flows: source, config: await read('cairn.config.json') }).app
      const body = await (await app.request('/v1/flows', { headers: { 'x-cairn-key': project.secretKey } })).json()
      expect(body.flows.map((f: { id: string }) => f.id)).toEqual(['getting-started', 'invite-teammates', 'nps', 'welcome-tour'])
      expect(body).toMatchObject({ errors: [], findings: [], milestones: ['created_first_project', 'invited_teammate'] })
    } finally {
      source.close()
    }
  })

  it('two runs give different keys', async () => {
    await run('init', 'a')
    await run('init', 'b')
    const [a, b] = [(await read('a/cairn.config.json')).projects[0], (await read('b/cairn.config.json')).projects[0]]
    expect(a.writeKey).not.toBe(b.writeKey)
    expect(a.secretKey).not.toBe(b.secretKey)
  })

  it('points $schema at the installed @cairn/protocol when there is one, for editors offline', async () => {
    await mkdir(join(cwd, 'node_modules/@cairn/protocol/schema'), { recursive: true })
    await writeFile(join(cwd, 'node_modules/@cairn/protocol/schema/flow.json'), '{}')
    await run('init', 'app')
    expect((await read('app/flows/nps.json')).$schema).toBe('../../node_modules/@cairn/protocol/schema/flow.json')
  })

  it('--collector-url sets where $schema and the script tag point', async () => {
    await run('init', '--collector-url', 'https://cairn.example.com/')
    expect((await read('flows/nps.json')).$schema).toBe('https://cairn.example.com/v1/schema/flow.json')
    expect(out[0]).toContain('data-endpoint="https://cairn.example.com"')
  })

  it('overwrites nothing without --force, and says what exists', async () => {
    await writeFile(join(cwd, 'cairn.config.json'), '{"mine":true}')
    expect(await run('init')).toBe(2)
    expect(err).toEqual(['cairn init: cairn.config.json already exists; nothing was written (--force overwrites)'])
    expect(await readFile(join(cwd, 'cairn.config.json'), 'utf8')).toBe('{"mine":true}')
    await expect(readdir(join(cwd, 'flows'))).rejects.toThrow()
    expect(await run('init', '--force')).toBe(0)
    expect((await read('cairn.config.json')).projects).toHaveLength(1)
  })
})

describe('GET /v1/schema/:file', () => {
  it('serves each published JSON Schema, public and cached, with an ETag', async () => {
    const { app } = testApp()
    const res = await app.request('/v1/schema/flow.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/schema+json; charset=UTF-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600')
    const schema = await res.json()
    expect(schema).toEqual(JSON.parse(await readFile('packages/protocol/schema/flow.json', 'utf8')))
    const again = await app.request('/v1/schema/flow.json', { headers: { 'if-none-match': res.headers.get('etag')! } })
    expect(again.status).toBe(304)
    for (const kind of ['tour', 'checklist', 'survey', 'announcement']) {
      expect((await (await app.request(`/v1/schema/${kind}.json`)).json()).title).toBe(kind)
    }
  })

  it('answers 404 naming the schemas there are', async () => {
    const res = await testApp().app.request('/v1/schema/flows.json')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: 'not_found', details: expect.stringMatching(/^no schema "flows\.json": there are flow\.json, tour\.json, .*batch\.json/) })
  })
})
