import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cairn } from '../../packages/collector/src/cli/cairn.ts'
import type { SelectorRow } from '../../packages/collector/src/cli/selectors-command.ts'
import { chromiumAvailable } from './harness/chromium.ts'
import { useDemoStack } from './harness/demo-stack.ts'
import { startStaticServer, type StaticServer } from './harness/static-server.ts'

type Report = { targets: number; failed: number; rows: SelectorRow[] }

/** Runs `cairn selectors … --json` in this process; the exit code, the report and what went to stderr. */
async function selectors(cwd: string, ...argv: string[]): Promise<{ code: number; report: Report; err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const code = await cairn(['selectors', ...argv, '--json'], { cwd, out: (t) => out.push(t), err: (t) => err.push(t), now: Date.now })
  return { code, report: out.length ? JSON.parse(out[0] as string) as Report : { targets: 0, failed: 0, rows: [] }, err }
}
const results = (report: Report) => Object.fromEntries(report.rows.map((r) => [r.step, r.status === 'ok' ? 'ok' : `${r.status}: ${r.detail}`]))

describe.skipIf(!chromiumAvailable())('cairn selectors in real Chromium', () => {
  describe('the demo app', () => {
    const stack = useDemoStack()
    let dir: string
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'cairn-selectors-'))
      await cp('demo/flows', join(dir, 'flows'), { recursive: true })
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))

    it("walks the welcome tour as a user would (clicking what advances it) and finds every target; the hotspot's too", async () => {
      const { code, report } = await selectors(dir, 'flows', '--base-url', stack.demo.url, '--url-sample', '/boards/*=/boards/demo')
      expect(results(report)).toEqual({ 'hotspot': 'ok', 'new-board': 'ok', 'name-board': 'ok', 'open-board': 'ok', 'first-card': 'ok' })
      expect(report.rows.find((r) => r.step === 'first-card')?.page).toMatch(/\/boards\/[\w-]+$/)
      expect(code).toBe(0)
    }, 60_000)

    it('a renamed selector fails the run, and the step after it (only shown once it is clicked) too', async () => {
      const file = join(dir, 'flows/welcome-tour.json')
      const tour = JSON.parse(await readFile(file, 'utf8'))
      tour.steps[1] = { ...tour.steps[1], target: '#new-bord', waitMs: 300 }
      await writeFile(file, JSON.stringify(tour))
      const { code, report } = await selectors(dir, 'flows', '--base-url', stack.demo.url, '--url-sample', '/boards/*=/boards/demo')
      expect(code).toBe(1)
      expect(results(report)).toMatchObject({ 'new-board': 'failed: not found after 300 ms', 'name-board': 'failed: not visible' })
      expect(report.failed).toBeGreaterThanOrEqual(2)
    }, 60_000)
  })

  describe('what can be wrong with a target', () => {
    let site: StaticServer
    let dir: string
    const step = (id: string, target: string, extra: object = {}) => ({ id, target, title: id, waitMs: 600, ...extra })
    beforeAll(async () => {
      site = await startStaticServer({ '/': 'test/e2e/fixtures/selectors' })
      dir = await mkdtemp(join(tmpdir(), 'cairn-selectors-'))
      const flows = join(dir, 'flows')
      await mkdir(flows)
      await writeFile(join(flows, 'tour.json'), JSON.stringify({
        id: 'tour', kind: 'tour', trigger: { url: '/index.html' },
        steps: [
          step('plain', '#plain'), step('dup', '.dup'), step('hidden', '#hidden'), step('faded', '#faded'),
          step('away', '#away'), step('covered', '#under'), step('missing', '#nowhere'), step('late', '#late'),
          step('shadow', 'acme-shell >>> #inner'), step('reveal', '#reveal', { advanceOn: 'click' }), step('revealed', '#later-form input'),
          step('signed-in', '#secret'),
        ],
      }))
      await writeFile(join(flows, 'elsewhere.json'), JSON.stringify({
        id: 'elsewhere', kind: 'tour', steps: [step('gone', '#plain', { url: '/gone.html' }), step('pattern', '#plain', { url: '/projects/*' })],
      }))
      await writeFile(join(dir, 'login.mjs'), `export default async (page, { baseUrl }) => {
        await page.goto(new URL('/index.html', baseUrl).href)
        await page.evaluate(() => { document.cookie = 'session=1; path=/' })
      }\n`)
    })
    afterAll(async () => {
      await site.close()
      await rm(dir, { recursive: true, force: true })
    })

    it('reports each failure the way a tour would suffer it, and exits 1', async () => {
      const { code, report, err } = await selectors(dir, 'flows', '--base-url', site.url)
      expect(results(report)).toEqual({
        'plain': 'ok',
        'dup': 'failed: matches 2 elements (the first is used)',
        'hidden': 'failed: not visible',
        'faded': 'failed: not visible',
        'away': 'failed: outside the page',
        'covered': 'failed: covered by div#overlay',
        'missing': 'failed: not found after 600 ms',
        'late': 'ok',
        'shadow': 'ok',
        'reveal': 'ok',
        'revealed': 'ok',
        'signed-in': 'failed: not found after 600 ms',
        'gone': 'failed: the page answered HTTP 404',
        'pattern': 'skipped: cannot visit a pattern: give --url-sample "/projects/*=/a/real/path"',
      })
      expect(code).toBe(1)
      expect(err).toEqual([])
    }, 90_000)

    it('--login signs in first; --url-sample visits a pattern', async () => {
      const { report } = await selectors(dir, 'flows', '--base-url', site.url, '--login', 'login.mjs', '--url-sample', '/projects/*=/projects/7')
      expect(results(report)['signed-in']).toBe('ok')
      // The fixture site answers any path without an extension with its page.
      expect(report.rows.find((r) => r.step === 'pattern')).toMatchObject({ page: `${site.url}/projects/7`, status: 'ok' })
    }, 90_000)

    it('usage errors exit 2 and say what to fix', async () => {
      expect((await selectors(dir, 'flows')).err).toEqual(['cairn selectors: --base-url is required: where the app under test runs, e.g. http://localhost:5173'])
      expect((await selectors(dir, 'flows', '--base-url', site.url, '--url-sample', '/projects/*=/other')).err).toEqual([
        'cairn selectors: --url-sample "/projects/*=/other": "/other" does not match the pattern',
      ])
      const broken = await selectors(dir, 'flows', '--base-url', site.url, '--login', 'nowhere.mjs')
      expect(broken.code).toBe(2)
      expect(broken.err[0]).toMatch(/^cairn selectors: could not load the login script .*nowhere\.mjs/)
    })
  })
})
