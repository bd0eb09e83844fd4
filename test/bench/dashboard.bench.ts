/**
 * `npm run bench:dashboard`: how long a product manager waits for the overview after signing in, on
 * the history `npm start` generates (300 people, 13 weeks, the demo's names). The real collector (a
 * child process on a fresh PGlite store, or PostgreSQL with `BENCH_DATABASE_URL`) and real Chromium:
 * from the click on "Sign in" to the overview's headline numbers and its top flows on screen. The
 * first sign-in is cold (nothing cached, the store just written), then 9 more in fresh browser
 * profiles; prints each, the median and the worst. Needs `npm run build` and Chromium.
 */
import { dashboardHistory, DEMO_NAMES, sendHistory } from '../../demo/history.ts'
import { launchChromium } from '../e2e/harness/chromium.ts'
import { startCollectorProcess } from '../e2e/harness/collector-process.ts'

const RUNS = 10
const GOAL_MS = 1000

const collector = await startCollectorProcess()
const browser = await launchChromium()
try {
  await sendHistory(collector.url, 'pk_demo', dashboardHistory(Date.now(), { users: 300, weeks: 13, names: DEMO_NAMES }))
  const times: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en' })
    const page = await context.newPage()
    await page.goto(`${collector.url}/dashboard/`)
    await page.getByLabel('Secret key').fill('sk_demo')
    const started = performance.now()
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.locator('.stats .stat').first().waitFor()
    await page.locator('.flow-list li').first().waitFor()
    times.push(performance.now() - started)
    console.log(`sign-in ${run + 1}${run === 0 ? ' (cold)' : ''}: overview on screen after ${Math.round(times.at(-1) as number)} ms`)
    await context.close()
  }
  const sorted = [...times].sort((a, b) => a - b)
  const median = ((sorted[4] as number) + (sorted[5] as number)) / 2
  console.log(`\nmedian ${Math.round(median)} ms, worst ${Math.round(sorted.at(-1) as number)} ms (cold ${Math.round(times[0] as number)} ms); goal < ${GOAL_MS} ms: ${sorted.at(-1)! < GOAL_MS ? 'met' : 'NOT met'}`)
} finally {
  await browser.close()
  await collector.stop()
}
