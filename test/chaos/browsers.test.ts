import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { UserState } from '@cairn/protocol'
import { describePostgres } from '../collector/helpers/postgres.ts'
import { expectProjectionsMatchEvents } from '../collector/helpers/projection-check.ts'
import { chromiumAvailable, launchChromium } from '../e2e/harness/chromium.ts'
import { until } from '../e2e/harness/stack.ts'
import { startStaticServer } from '../e2e/harness/static-server.ts'
import { PROJECT, pgliteStore, postgresStore, startRestartable, type ChaosStore } from './collector.ts'
import { ROUNDS, SURVEY_EVENTS, TABS, TOTAL, TOUR_EVENTS, TRACK_NAME, USERS, chaosPlan } from './plan.ts'
import { identify, openTab, playRound, queued } from './tab.ts'

const KILLS = 5
/** A round waits until its browser profile has fewer events queued than this (see the queue's bound). */
const ROOM = 400
const ROOT = resolve(import.meta.dirname, '../..')

/**
 * The issue's chaos test: real Chromium, three tabs of one user and a tab of another track
 * {@link TOTAL} events (tracks, a headless tour and survey per round) while the collector is
 * SIGKILLed and restarted {@link KILLS} times on the same store and port, and each browser profile
 * goes offline and back. Then exactly those events are stored, once each, and every projection,
 * the users' state and the results agree with them.
 */
async function chaosRun(store: ChaosStore) {
  const began = Date.now()
  const collector = await startRestartable(store).catch(async (error: unknown) => {
    await store.drop()
    throw error
  })
  const site = await startStaticServer(
    { '/pages/': resolve(ROOT, 'test/e2e/pages'), '/sdk/': resolve(ROOT, 'packages/sdk/dist') },
    () => ({ collector: collector.url }),
  )
  const browser = await launchChromium()
  const stopped = { collector: false }
  try {
    const profiles: Record<string, BrowserContext> = {}
    for (const user of USERS) profiles[user] = await browser.newContext({ baseURL: site.url })
    const pages: Page[] = []
    // The first tab of a user identifies before the others open, so they start identified.
    for (const { user } of TABS) {
      const page = await openTab(await profiles[user]!.newPage())
      if (!pages.some((_, tab) => TABS[tab]!.user === user)) await identify(page, user)
      pages.push(page)
    }
    const firstTab = (user: string) => pages[TABS.findIndex((t) => t.user === user)]!

    const plan = chaosPlan()
    let tracked = 0
    // Events waiting in the browsers at each kill: what has to survive the outage.
    const queuedAtKill: number[] = []
    const tabs = plan.map(async (rounds, tab) => {
      for (const round of rounds) {
        // A user does not queue a thousand events in a moment: the bound would drop the oldest.
        await until(`room in tab ${tab}'s queue`, async () => (await queued(pages[tab]!)) < ROOM, 120_000)
        await playRound(pages[tab]!, round)
        tracked += round.tracks + TOUR_EVENTS + SURVEY_EVENTS
      }
    })
    const chaos = (async () => {
      for (let kill = 1; kill <= KILLS; kill++) {
        // Spread over the run, so that every kill lands in traffic.
        await until(`${kill}/${KILLS + 1} of the events tracked`, () => tracked >= (kill * TOTAL) / (KILLS + 1), 120_000)
        const offline = profiles[USERS[kill % USERS.length]!]!
        await offline.setOffline(true)
        queuedAtKill.push((await Promise.all(USERS.map((u) => queued(firstTab(u))))).reduce((a, b) => a + b, 0))
        await collector.crash()
        await offline.setOffline(false)
      }
    })()
    await Promise.all([...tabs, chaos])
    await until('every queue delivered', async () => (await Promise.all(USERS.map((u) => queued(firstTab(u))))).every((n) => n === 0), 180_000)
    const delivered = Date.now()
    expect(queuedAtKill.some((n) => n > 0)).toBe(true)

    await expectStateAndResults(collector.url, plan)
    stopped.collector = true
    expect(await collector.stop()).toBe(0)
    const storage = await store.open()
    try {
      await expectEventsOnce(storage.query.bind(storage), plan)
      expect(await expectProjectionsMatchEvents(storage.query.bind(storage), PROJECT.id)).toBe(TOTAL)
    } finally {
      await storage.close()
    }
    console.info(`chaos on ${store.name}: ${TOTAL} events, ${KILLS} kills (events queued in the browsers at each: ${queuedAtKill.join(', ')}), delivered in ${((delivered - began) / 1000).toFixed(1)} s`)
  } catch (error) {
    throw new Error(`${String(error)}\ncollector stderr:\n${collector.stderr().slice(-4000)}`, { cause: error })
  } finally {
    await browser.close().catch(() => {})
    await site.close()
    if (!stopped.collector) await collector.stop()
    await store.drop()
  }
}

type Query = <T>(text: string, params?: readonly unknown[]) => Promise<T[]>

/** Exactly the planned events, each once: counted by type, and every track by its tab, round and index. */
async function expectEventsOnce(query: Query, plan: ReturnType<typeof chaosPlan>) {
  const [all] = await query<{ n: number; ids: number }>('SELECT count(*)::int n, count(DISTINCT event_id)::int ids FROM events WHERE project_id = $1', [PROJECT.id])
  expect(all).toEqual({ n: TOTAL, ids: TOTAL })
  const types = await query<{ type: string; n: number }>('SELECT data->>\'type\' AS type, count(*)::int n FROM events WHERE project_id = $1 GROUP BY 1 ORDER BY 1', [PROJECT.id])
  const rounds = TABS.length * ROUNDS
  const tracks = plan.flat().reduce((sum, r) => sum + r.tracks, 0)
  expect(Object.fromEntries(types.map((t) => [t.type, t.n]))).toEqual({
    flow_completed: rounds * 2, flow_shown: rounds * 2, flow_step: rounds * 4, identify: USERS.length, survey_answer: rounds * 2, track: tracks,
  })
  const stepped = await query<{ key: string }>(
    "SELECT concat_ws('/', data->'props'->>'tab', data->'props'->>'round', data->'props'->>'i') AS key FROM events WHERE project_id = $1 AND data->>'type' = 'track'", [PROJECT.id])
  const planned = plan.flat().flatMap((r) => Array.from({ length: r.tracks }, (_, i) => `${r.tab}/${r.round}/${i}`))
  expect(stepped.map((s) => s.key).sort()).toEqual(planned.sort())
}

/** What the collector answers about each user and each flow matches what the tabs did. */
async function expectStateAndResults(url: string, plan: ReturnType<typeof chaosPlan>) {
  const get = async <T>(path: string) => {
    const response = await fetch(`${url}${path}${path.includes('?') ? '&' : '?'}key=${PROJECT.secretKey}`)
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status} ${await response.text()}`)
    return (await response.json()) as T
  }
  for (const user of USERS) {
    const state = await get<UserState>(`/v1/users/${user}/state`)
    const mine = plan.flat().filter((r) => TABS[r.tab]!.user === user)
    expect(state.events[TRACK_NAME]).toBe(mine.reduce((sum, r) => sum + r.tracks, 0))
    for (const r of mine) {
      expect(state.flows[r.tourId]).toMatchObject({ shownCount: ROUNDS, step: 2 })
      expect(state.flows[r.tourId]?.completedAt).toBeGreaterThan(0)
      expect(state.flows[r.surveyId]).toMatchObject({ shownCount: 1, answers: { score: r.score, why: `round ${r.round}` } })
    }
  }
  for (const r of plan.flat()) {
    const survey = await get<{ responses: number; completed: number; questions: { id: string; distribution?: Record<string, number> }[] }>(`/v1/results/surveys/${r.surveyId}`)
    expect(survey).toMatchObject({ responses: 1, completed: 1 })
    expect(survey.questions[0]?.distribution?.[String(r.score)]).toBe(1)
  }
  for (const tab of TABS.keys()) {
    const tour = await get<{ shown: number; completed: number }>(`/v1/results/flows/chaos-tour-${tab}`)
    expect(tour).toMatchObject({ shown: 1, completed: 1 })
  }
}

describe.skipIf(!chromiumAvailable())('chaos from real browsers: collector SIGKILLed and restarted under four tabs', () => {
  it('PGlite: every event stored once, projections and results agree', async () => chaosRun(await pgliteStore()), 600_000)
  describePostgres('on PostgreSQL', () => {
    it('PostgreSQL: every event stored once, projections and results agree', async () => chaosRun(await postgresStore()), 600_000)
  })
})
