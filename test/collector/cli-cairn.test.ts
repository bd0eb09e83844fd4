import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFlowSource } from '@cairn/collector'
import { cairn } from '../../packages/collector/src/cli/cairn.ts'
import { testApp } from './helpers/app.ts'

const NOW = Date.parse('2026-12-01T00:00:00Z')

/** A survey with a mistyped question type on line 7, column 15. */
const BROKEN = `{
  "id": "nps",
  "kind": "survey",
  "questions": [
    {
      "id": "score",
      "type": "singel",
      "prompt": "How likely?"
    }
  ]
}
`
const EXPIRED = { id: 'old-news', kind: 'announcement', style: 'modal', title: 'Old news', expireAt: '2026-01-01T00:00:00Z' }
const CHECKLIST = { id: 'start', kind: 'checklist', title: 'Get started', items: [{ id: 'a', title: 'Make a board', completeOn: { milestone: 'board_creatd' } }] }

describe('cairn check', () => {
  let cwd: string
  let out: string[]
  let err: string[]
  const run = (...argv: string[]) => cairn(argv, { cwd, out: (t) => out.push(t), err: (t) => err.push(t), now: () => NOW })
  const write = async (path: string, json: unknown) => {
    await mkdir(join(cwd, path, '..'), { recursive: true })
    await writeFile(join(cwd, path), typeof json === 'string' ? json : JSON.stringify(json, null, 2))
  }

  beforeEach(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'cairn-check-'))
    out = []
    err = []
  })
  afterEach(() => rm(cwd, { recursive: true, force: true }))

  it('text: file:line:column, severity, JSON path, the problem and the closest valid value; exit 1 on an error', async () => {
    await write('flows/nps.json', BROKEN)
    await write('flows/old.json', EXPIRED)
    expect(await run('check', 'flows')).toBe(1)
    const [report] = out
    const lines = (report as string).split('\n')
    expect(lines[0]).toMatch(/^flows\/nps\.json:7:15 {2}error {4}\$\.questions\[0\]\.type {2}must be one of nps, .* \(got "singel"\) \(did you mean "single"\?\)$/)
    expect(lines[1]).toMatch(/^flows\/old\.json:6:15 {2}warning {2}\$\.expireAt {11}expired on 2026-01-01T00:00:00Z/)
    expect(lines.at(-1)).toBe('1 error, 1 warning in 2 files')
    expect(err).toEqual(['cairn check: no cairn.config.json here (or --config): milestone names are not checked'])
  })

  it('warnings alone exit 0; --strict makes them fail', async () => {
    await write('flows/old.json', EXPIRED)
    expect(await run('check', 'flows')).toBe(0)
    expect(await run('check', 'flows', '--strict')).toBe(1)
  })

  it('a clean folder says so, and ./flows is the folder when none is named', async () => {
    await write('flows/news.json', { ...EXPIRED, expireAt: '2027-01-01T00:00:00Z' })
    expect(await run('check')).toBe(0)
    expect(out).toEqual(['1 file checked: no problems'])
  })

  it('json: counts and every finding, for tools', async () => {
    await write('flows/nps.json', BROKEN)
    await run('check', 'flows', '--format', 'json')
    expect(JSON.parse(out[0] as string)).toEqual({
      files: 1, errors: 1, warnings: 0,
      findings: [{ file: 'flows/nps.json', line: 7, column: 15, path: '$.questions[0].type', severity: 'error', message: expect.stringMatching(/^must be one of/), suggestion: 'single' }],
    })
  })

  it('github: one workflow annotation a finding, with `:` `,` and `%` escaped in properties', async () => {
    await write('flows/nps.json', BROKEN)
    await write('flows/old,news.json', EXPIRED)
    await run('check', 'flows', '--format', 'github')
    const [annotations] = out
    expect((annotations as string).split('\n')).toEqual([
      expect.stringMatching(/^::error file=flows\/nps\.json,line=7,col=15,title=\$\.questions\[0\]\.type::must be one of nps, .*\(did you mean "single"\?\)$/),
      '::warning file=flows/old%2Cnews.json,line=6,col=15,title=$.expireAt::expired on 2026-01-01T00:00:00Z: the announcement no longer shows',
    ])
  })

  describe('with a config', () => {
    const config = (projects: object[]) => write('cairn.config.json', { projects })
    const project = (id: string, extra: object = {}) => ({ id, writeKey: `pk_${id}`, secretKey: `sk_${id}`, ...extra })

    it("checks the milestones against the config's list, found at ./cairn.config.json", async () => {
      await config([project('acme', { flowsDir: './flows', milestones: ['board_created'] })])
      await write('flows/start.json', CHECKLIST)
      expect(await run('check', 'flows')).toBe(1)
      expect(out[0]).toContain('$.items[0].completeOn.milestone  the milestone "board_creatd" is not declared in the config (it declares board_created) (did you mean "board_created"?)')
      expect(err).toEqual([])
    })

    it("without a folder, every project's flowsDir, each with its own milestones", async () => {
      await config([project('acme', { flowsDir: './acme', milestones: ['board_created'] }), project('beta', { flowsDir: './beta', milestones: ['board_creatd'] }), project('bare')])
      await write('acme/start.json', CHECKLIST)
      await write('beta/start.json', CHECKLIST)
      expect(await run('check', '--format', 'json')).toBe(1)
      expect(JSON.parse(out[0] as string).findings.map((f: { file: string }) => f.file)).toEqual(['acme/start.json'])
    })

    it('a folder is matched to the project whose flowsDir it is; --project picks one by id', async () => {
      await config([project('acme', { flowsDir: './acme', milestones: ['board_created'] }), project('beta', { flowsDir: './beta', milestones: ['board_creatd'] })])
      await write('acme/start.json', CHECKLIST)
      expect(await run('check', 'acme')).toBe(1)
      expect(await run('check', 'acme', '--project', 'beta')).toBe(0)
    })

    it('usage errors exit 2 and name what to fix: no matching project, an unknown --project, a missing or invalid config', async () => {
      await config([project('acme', { flowsDir: './acme' }), project('beta', { flowsDir: './beta' })])
      await write('other/x.json', EXPIRED)
      expect(await run('check', 'other')).toBe(2)
      expect(await run('check', '--project', 'gamma')).toBe(2)
      expect(await run('check', 'other', '--config', 'missing.json')).toBe(2)
      await write('bad.json', { projects: [{ id: 'x' }] })
      expect(await run('check', 'other', '--config', 'bad.json')).toBe(2)
      expect(err).toEqual([
        expect.stringMatching(/^cairn check: no project in .*cairn\.config\.json has .*other as its flowsDir: name one with --project \(it has acme, beta\)$/),
        expect.stringMatching(/^cairn check: no project "gamma" in .*cairn\.config\.json \(it has acme, beta\)$/),
        expect.stringMatching(/^cairn check: the config file .*missing\.json does not exist$/),
        expect.stringMatching(/^cairn check: invalid config file .*bad\.json:\n {2}\$\.projects\[0\]\.writeKey: /),
      ])
      expect(out).toEqual([])
    })
  })

  it('usage errors: a missing folder, an unknown format, command or option', async () => {
    expect(await run('check', 'nowhere')).toBe(2)
    expect(await run('check', 'flows', '--format', 'xml')).toBe(2)
    expect(await run('chek')).toBe(2)
    expect(await run('check', '--stirct')).toBe(2)
    expect(err.filter((line) => !line.includes('milestone names'))).toEqual([
      expect.stringMatching(/^cairn check: the flows folder .*nowhere does not exist or can't be read$/),
      'cairn check: --format must be one of text, json, github (got "xml")',
      'cairn: unknown command "chek"',
      'cairn: Unknown option `--stirct`',
    ])
  })

  it('finds what the collector serves to secret-key callers for the same folder', async () => {
    await write('cairn.config.json', { projects: [{ id: 'acme', writeKey: 'pk_acme', secretKey: 'sk_acme', flowsDir: './flows', milestones: ['board_created'] }] })
    await write('flows/nps.json', BROKEN)
    await write('flows/old.json', { ...EXPIRED, expireAt: '2026-01-01T00:00:00Z' })
    await write('flows/start.json', CHECKLIST)
    await write('flows/twin.json', { ...EXPIRED, title: 'Hi {{name}}' })
    const source = createFlowSource([{ id: 'test', writeKey: 'pk_test', secretKey: 'sk_test', origins: [], flowsDir: join(cwd, 'flows'), milestones: ['board_created'] }], { log: () => {} })
    try {
      const served = await (await testApp({ flows: source }).app.request('/v1/flows', { headers: { 'x-cairn-key': 'sk_test' } })).json()
      expect(served.findings.length).toBeGreaterThan(3)
      await run('check', 'flows', '--format', 'json', '--project', 'acme')
      // The CLI names files from where it runs, the collector within the folder.
      const cli = JSON.parse((out[0] as string).replaceAll('flows/', '')).findings
      expect(cli).toEqual(served.findings)
    } finally {
      source.close()
    }
  }, 20_000)

  it('the installed bin runs the same command (a real process)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(process.cwd(), 'packages/collector/bin/cairn.js'), 'check', 'demo/flows'], { cwd: process.cwd() })
    expect(stdout.trim()).toMatch(/^\d+ files checked: no problems$/)
  }, 30_000)
})
