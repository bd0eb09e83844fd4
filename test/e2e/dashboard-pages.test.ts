import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from './harness/axe.ts'
import { chromiumAvailable } from './harness/chromium.ts'
import { SECRET_KEY, SHOTS, useDashboardStack } from './harness/dashboard-stack.ts'

type Json = Record<string, any>
/** Each figure's data table as the raw values its cells carry (`data-value`), row by row. */
type Tables = string[][][]
const raw = (v: unknown) => (v === null || v === undefined ? '' : String(v))
/** What one figure's table must hold: its place on the page, and its rows (without the label column where `values`). */
type Expected = { figure: number; values?: true; rows: unknown[][] }

/**
 * Every page, what it reads from the API (with the parameters the dashboard sends for the reader's
 * time zone, UTC here) and what its figures' tables must hold for that answer.
 */
const PAGES: { name: string; path: string; api: string; expect(api: Json): Expected[] }[] = [
  {
    name: 'retention', path: 'retention', api: '/v1/results/retention?period=week&mode=on&tz=UTC',
    expect: (r) => [
      { figure: 0, rows: r.periods.map((p: Json) => [p.start, p.S, p.E, p.N, p.crr, p.churn]) },
      { figure: 1, rows: r.lifecycle.map((p: Json) => [p.start, p.new, p.returning, p.resurrected, p.dormant]) },
      {
        figure: 2, values: true,
        rows: [...r.cohorts.rows.map((row: Json) => [row.size, ...r.cohorts.average.map((a: Json) => row.cells.find((c: Json) => c.k === a.k)?.share)]), [null, ...r.cohorts.average.map((a: Json) => a.share)]],
      },
    ],
  },
  {
    // The same page's activation figure: week-4 retention by how soon people reached the first milestone.
    name: 'activation', path: 'retention', api: '/v1/results/activation?milestone=activated&week=4',
    expect: (a) => [{ figure: 3, rows: a.buckets.map((b: Json) => [b.bucket, b.n, b.retained, b.share, b.low, b.high]) }],
  },
  {
    name: 'overview', path: '', api: '/v1/results/overview?period=week&tz=UTC',
    expect: (o) => [
      { figure: 0, rows: o.milestones.map((m: Json) => [m.name, m.newUsers, m.reached, m.share]) },
      { figure: 1, rows: o.topFlows.map((f: Json) => [f.kind, f.id, f.reach]) },
    ],
  },
  {
    name: 'nps', path: 'surveys/nps', api: '/v1/results/surveys/nps',
    expect: (s) => {
      const dist = s.questions.find((q: Json) => q.nps).distribution as Record<string, number>
      return [
        { figure: 0, rows: ['promoters', 'passives', 'detractors'].map((k) => [k, s.nps[k], s.nps[k] / s.nps.responses]) },
        { figure: 1, rows: Array.from({ length: 11 }, (_, k) => [k, dist[k] ?? 0]) },
        { figure: 2, rows: s.npsTrend.map((w: Json) => [w.week, w.score, w.marginOfError, w.responses]) },
        { figure: 3, rows: [['shown', s.shown], ['answered', s.responses], ['completed', s.completed], ['dismissed', s.dismissed], ['askedLater', s.askedLater]] },
      ]
    },
  },
  {
    name: 'pmf', path: 'surveys/pmf', api: '/v1/results/surveys/pmf',
    expect: (s) => [
      { figure: 1, rows: [['shown', s.shown], ['answered', s.responses], ['completed', s.completed], ['dismissed', s.dismissed], ['askedLater', s.askedLater]] },
      { figure: 2, rows: ['very', 'somewhat', 'not', 'not_using'].map((k) => [k, s.questions[0].counts[k] ?? 0]) },
    ],
  },
  {
    name: 'tour', path: 'tours/welcome-tour', api: '/v1/results/flows/welcome-tour',
    expect: (f) => [{ figure: 0, values: true, rows: f.steps.map((s: Json) => [s.reached, s.dropOff, s.dismissed, s.targetMissing]) }],
  },
  {
    name: 'checklist', path: 'checklists/getting-started', api: '/v1/results/checklists/getting-started',
    expect: (c) => [
      { figure: 0, rows: c.items.map((i: Json) => [i.title, i.completed, i.rate]) },
      { figure: 1, rows: c.stalls.map((s: Json) => [s.title, s.users, s.share]) },
    ],
  },
  {
    name: 'milestones', path: 'milestones', api: '/v1/results/milestones',
    expect: (m) => m.milestones.filter((x: Json) => x.newUsersReached > 0).flatMap((x: Json, i: number) => [
      { figure: 2 * i, rows: x.weekly.map((w: Json) => [w.week, w.newUsers, w.medianMs, w.p75Ms]) },
      { figure: 2 * i + 1, rows: x.weekly.map((w: Json) => [w.week, w.newUsers, w.reached, w.share]) },
    ]),
  },
  {
    name: 'experiments', path: 'experiments', api: '/v1/results/holdout/invite-banner',
    expect: (h) => h.milestones.map((m: Json, i: number) => ({
      figure: i, values: true, rows: [[m.shown.users, m.shown.reached, m.shown.rate], [m.heldOut.users, m.heldOut.reached, m.heldOut.rate], [null, null, m.difference]],
    })),
  },
]

describe.runIf(chromiumAvailable())('every dashboard page in Chromium against a real collector seeded with a known history', () => {
  const stack = useDashboardStack()
  const api = (path: string) => stack.api<Json>(path)

  /** A signed-in browser that records CSP / Trusted Types violations and page errors. */
  async function signedIn(locale: string): Promise<{ page: Page; problems: string[] }> {
    const { context, page, problems } = await stack.open(locale)
    await stack.signIn(page, SECRET_KEY)
    await expect.poll(async () => (await context.cookies()).length).toBe(1)
    return { page, problems }
  }

  /** The page's figures' tables once it has loaded (no "loading" left), as raw cell values. */
  const tables = async (page: Page): Promise<Tables> => {
    await page.locator('figure').first().waitFor()
    await expect.poll(() => page.locator('[aria-busy="true"], .loading').count()).toBe(0)
    return page.locator('figure table.data').evaluateAll((all) => all.map((t) =>
      [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.getAttribute('data-value') ?? ''))))
  }
  const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])

  it.each(['en', 'fa'])('in %s, each page holds the numbers the API returns; axe finds nothing; no CSP or Trusted Types violation', async (locale) => {
    const { page, problems } = await signedIn(locale)
    for (const p of PAGES) {
      await page.goto(`${stack.collector.url}/dashboard/${p.path}`)
      const answer = await api(p.api)
      const shown = await tables(page)
      for (const e of p.expect(answer)) {
        const table = shown[e.figure]?.map((row) => (e.values ? row.slice(1) : row))
        expect(table, `${p.name}, figure ${e.figure}`).toEqual(e.rows.map((row) => row.map(raw)))
      }
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'fa' ? 'rtl' : 'ltr')
      expect(await axeViolations(page), `${p.name} ${locale}`).toEqual([])
      await page.screenshot({ path: `${SHOTS}/${p.name}-${locale}.png`, fullPage: true })
    }
    expect(await cspViolations(page)).toEqual([])
    expect(problems).toEqual([])
  })

  it('the date range and period change the numbers and survive a reload through the URL', async () => {
    const { page } = await signedIn('en')
    await page.goto(`${stack.collector.url}/dashboard/retention`)
    await tables(page)
    const period = page.getByRole('combobox', { name: 'Period', exact: true })
    await period.selectOption('month')
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('month')
    await page.reload()
    expect(await period.inputValue()).toBe('month')
    const monthly = await api('/v1/results/retention?period=month&mode=on&tz=UTC')
    await expect.poll(async () => (await tables(page))[0]!.map((r) => r[0])).toEqual(monthly['periods'].map((p: Json) => p.start))

    await page.goto(`${stack.collector.url}/dashboard/checklists/getting-started`)
    await tables(page)
    await page.getByRole('button', { name: '4 weeks' }).click()
    const url = new URL(page.url())
    const [from, to] = [url.searchParams.get('from')!, url.searchParams.get('to')!]
    expect(Date.parse(to) - Date.parse(from)).toBe(27 * 86_400_000)
    await page.reload()
    expect(await page.getByRole('button', { name: '4 weeks' }).getAttribute('aria-pressed')).toBe('true')
    const dayAfter = new Date(Date.parse(to) + 86_400_000).toISOString().slice(0, 10)
    const recent = await api(`/v1/results/checklists/getting-started?from=${from}&to=${dayAfter}`)
    const all = await api('/v1/results/checklists/getting-started')
    expect(recent['shown']).toBeLessThan(all['shown'])
    await expect.poll(() => page.locator('.stat-value').first().textContent()).toBe(String(recent['shown']))
  })

  it('a trait filter narrows the numbers to its audience, shows as a removable chip, and a bad one says what is wrong', async () => {
    const { page } = await signedIn('en')
    await page.goto(`${stack.collector.url}/dashboard/retention`)
    const everyone = (await tables(page))[0]!
    await page.getByLabel('Trait rule').fill('plan:pro')
    await page.getByLabel('Trait rule').press('Enter')
    await expect.poll(() => new URL(page.url()).searchParams.getAll('where')).toEqual(['plan:pro'])
    const pro = await api('/v1/results/retention?period=week&mode=on&tz=UTC&where=plan:pro')
    const rows = pro['periods'].map((p: Json) => [p.start, p.S, p.E, p.N, p.crr, p.churn].map(raw))
    await expect.poll(async () => (await tables(page))[0]).toEqual(rows)
    expect(rows).not.toEqual(everyone)
    await page.getByRole('button', { name: 'Remove filter plan:pro' }).click()
    await expect.poll(async () => (await tables(page))[0]).toEqual(everyone)

    await page.getByLabel('Trait rule').fill('seats>true')
    await page.getByLabel('Trait rule').press('Enter')
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('"where": "seats>true": ">" compares with a number')
  })

  it('each "Download CSV" saves the table shown beside its chart', async () => {
    const { page } = await signedIn('fa')
    for (const path of ['retention', 'checklists/getting-started', 'surveys/nps']) {
      await page.goto(`${stack.collector.url}/dashboard/${path}`)
      const shown = await tables(page)
      const buttons = page.getByRole('button', { name: 'دریافت CSV' })
      expect(await buttons.count()).toBe(shown.length)
      for (let i = 0; i < shown.length; i++) {
        const [download] = await Promise.all([page.waitForEvent('download'), buttons.nth(i).click()])
        const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '')
        const lines = csv.trimEnd().split('\r\n').slice(1).map((line) => line.split(',').map((f) => f.replace(/^"|"$/g, '')))
        expect(lines, `${path} #${i}`).toEqual(shown[i])
      }
    }
  })

  it('keyboard only: from the sign-in form to the retention table and the period, every focused control visibly marked', async () => {
    const { page } = await stack.open('en')
    await page.goto(`${stack.collector.url}/dashboard/`)
    await page.getByLabel('Secret key').waitFor()
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement
      const style = getComputedStyle(el)
      const label = el.getAttribute('aria-label') || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || ''
      return { name: label.trim(), tag: el.tagName, ring: style.outlineStyle !== 'none' && style.outlineWidth !== '0px', how: `${style.outlineStyle} ${style.outlineWidth} ${el.matches(':focus-visible')}` }
    })
    /** Tabs until `match` has focus (at most 60 presses), checking every stop shows its focus. */
    const tabTo = async (match: RegExp) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab')
        // A date field moves focus into its inner segment a moment after the key press.
        await expect.poll(async () => (await focused()).ring, { timeout: 2_000 }).toBe(true).catch(async () => {
          const f = await focused()
          throw new Error(`${f.tag} "${f.name}" has no visible focus (${f.how})`)
        })
        const f = await focused()
        if (match.test(f.name)) return
      }
      throw new Error(`never reached ${match}`)
    }
    await tabTo(/^Secret key/)
    await page.keyboard.type('sk_acme_dashboard')
    await page.keyboard.press('Enter')
    await page.getByRole('navigation').waitFor()
    await tabTo(/^Retention$/)
    await page.keyboard.press('Enter')
    await expect.poll(() => new URL(page.url()).pathname).toBe('/dashboard/retention')
    await page.locator('figure').first().waitFor()
    await tabTo(/^Show table$/)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('figure table.data').first().isVisible()).toBe(true)
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    // Back up to the period select, then choose "Month" with the arrow keys.
    for (let i = 0; i < 20 && (await focused()).tag !== 'SELECT'; i++) await page.keyboard.press('Shift+Tab')
    expect((await focused()).tag).toBe('SELECT')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('month')
  })
})
