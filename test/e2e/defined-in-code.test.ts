import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { AnnouncementFlow, ChecklistFlow, Flow, SurveyFlow, TourFlow } from '@cairn/protocol'
import { chromiumAvailable } from './harness/chromium.ts'
import { uniqueUser, until } from './harness/stack.ts'
import { useFlowsFixture, watchedPage } from './flows-harness.ts'

/** The flows fixture's project secret key (results need it). */
const SECRET_KEY = 'sk_flows'

const TOUR: TourFlow = {
  id: 'same-tour', kind: 'tour',
  steps: [{ id: 'hello', title: 'Hello' }, { id: 'button', title: 'This button', target: '#page-button' }, { id: 'bye', title: 'That is all' }],
}
const SURVEY: SurveyFlow = {
  id: 'same-survey', kind: 'survey',
  questions: [
    { id: 'score', type: 'nps', prompt: 'How likely are you to recommend Acme?', required: true },
    { id: 'ease', type: 'rating', scale: 5, prompt: 'How easy was it?' },
  ],
}
const CHECKLIST: ChecklistFlow = {
  id: 'same-checklist', kind: 'checklist', title: 'Get started',
  items: [
    { id: 'board', title: 'Create a board', completeOn: { event: 'board_created' } },
    { id: 'cards', title: 'Add two cards', completeOn: { event: 'card_created', count: 2 } },
    { id: 'invite', title: 'Invite a teammate', completeOn: { event: 'teammate_invited' } },
  ],
}
const NEWS: AnnouncementFlow = { id: 'same-news', kind: 'announcement', style: 'modal', title: 'Dark mode is here', body: 'Switch it on in Settings.' }

const shadow = (page: Page) => page.locator('cairn-root')
const dialog = (page: Page, name: string) => shadow(page).getByRole('dialog', { name, exact: true })
const call = (page: Page, method: string, arg: unknown) =>
  page.evaluate(([m, a]) => (window as unknown as Record<string, Record<string, (x: unknown) => unknown>>)['cairn']![m as string]!(a), [method, arg] as const)

/** The same user actions, whichever way the flow came; `show` puts it on screen. */
const SCENARIOS: { kind: Flow['kind']; flow: Flow; show: string; results: string; play(page: Page): Promise<void>; settled(r: Record<string, unknown>): boolean }[] = [
  {
    kind: 'tour', flow: TOUR, show: 'showTour', results: 'flows',
    async play(page) {
      await dialog(page, 'Hello').getByRole('button', { name: 'Next', exact: true }).click()
      await dialog(page, 'This button').getByRole('button', { name: 'Next', exact: true }).click()
      await dialog(page, 'That is all').getByRole('button', { name: 'Done', exact: true }).click()
    },
    settled: (r) => r['completed'] === 1,
  },
  {
    kind: 'survey', flow: SURVEY, show: 'showSurvey', results: 'surveys',
    async play(page) {
      const first = dialog(page, 'How likely are you to recommend Acme?')
      await first.getByRole('radio', { name: '9', exact: true }).click()
      await first.getByRole('button', { name: 'Next', exact: true }).click()
      const second = dialog(page, 'How easy was it?')
      await second.getByRole('radio', { name: '4 of 5', exact: true }).click()
      await second.getByRole('button', { name: 'Submit', exact: true }).click()
    },
    settled: (r) => r['completed'] === 1,
  },
  {
    kind: 'checklist', flow: CHECKLIST, show: 'showChecklist', results: 'checklists',
    async play(page) {
      await dialog(page, 'Get started').waitFor()
      for (const name of ['board_created', 'card_created', 'card_created', 'teammate_invited']) await call(page, 'track', name)
      await dialog(page, 'Get started').getByText('3 of 3 done').waitFor()
    },
    settled: (r) => r['completed'] === 1,
  },
  {
    kind: 'announcement', flow: NEWS, show: 'showAnnouncement', results: 'flows',
    async play(page) {
      await dialog(page, 'Dark mode is here').getByRole('button', { name: 'Done', exact: true }).click()
    },
    settled: (r) => r['completed'] === 1,
  },
]

/**
 * What results say, without which flow id, which period and how many milliseconds it took (two runs
 * never take the same time), and without titles: the collector has no text of a flow defined in code,
 * so its steps and items are titled by their ids (README "Flows defined in code").
 */
function numbers(value: unknown, id: string): unknown {
  if (value === id) return '<id>'
  if (Array.isArray(value)) return value.map((v) => numbers(v, id))
  if (typeof value != 'object' || value === null) return value
  return Object.fromEntries(Object.entries(value)
    .filter(([k]) => !['flowId', 'checklistId', 'surveyId', 'from', 'to', 'title', 'prompt'].includes(k))
    .map(([k, v]) => [k, k.endsWith('Ms') && typeof v == 'number' ? 'ms' : numbers(v, id)]))
}

/** What an event says, without who, when and which flow id. */
const IDENTITY = new Set(['id', 'ts', 'anonymousId', 'userId', 'sessionId', 'url', 'locale', 'flowId', 'submissionId'])
const what = (event: Record<string, unknown>) => Object.fromEntries(Object.entries(event).filter(([k]) => !IDENTITY.has(k)))

describe.skipIf(!chromiumAvailable())('a flow defined in code is the same flow as a published one, in real Chromium with the real collector', () => {
  const fixture = useFlowsFixture([TOUR, SURVEY, CHECKLIST, NEWS])
  const results = async (kind: string, id: string) => {
    const response = await fetch(`${fixture.collector.url}/v1/results/${kind}/${id}`, { headers: { authorization: `Bearer ${SECRET_KEY}` } })
    return response.ok ? ((await response.json()) as Record<string, unknown>) : { status: response.status }
  }

  /** Plays the scenario with the flow handed over as `given`; the events sent for flow `id` and its results. */
  const run = async (scenario: (typeof SCENARIOS)[number], id: string, given: unknown) => {
    const { page, watched } = await watchedPage(await fixture.context())
    const sent: Record<string, unknown>[] = []
    page.on('request', (request) => {
      if (request.method() == 'POST' && request.url().includes('/v1/batch')) sent.push(...(JSON.parse(request.postData() ?? '{}').events ?? []))
    })
    await page.goto(`/app/projects/1?user=${uniqueUser(`same-${scenario.kind}`)}`)
    await page.waitForFunction(() => 'cairn' in window)
    await call(page, scenario.show, given)
    await scenario.play(page)
    await page.evaluate(() => (window as unknown as { cairn: { flush(): Promise<void> } }).cairn.flush())
    const answer = await until(`the ${scenario.kind} ${id} in the results`, async () => {
      const r = await results(scenario.results, id)
      return scenario.settled(r) && r
    })
    expect(watched.errors).toEqual([])
    await page.close()
    return { events: sent.filter((e) => e['flowId'] == id).map(what), results: numbers(answer, id) }
  }

  it.each(SCENARIOS.map((s) => [s.kind, s] as const))('%s: published and passed to show*(), the same events and the same results', async (_, scenario) => {
    const published = await run(scenario, scenario.flow.id, scenario.flow.id)
    const codeId = `code-${scenario.kind}`
    const inCode = await run(scenario, codeId, { ...scenario.flow, id: codeId })
    expect(published.events[0]).toMatchObject({ type: 'flow_shown', reason: 'manual', props: { kind: scenario.kind } })
    expect(published.events.length).toBeGreaterThan(1)
    expect(inCode.events).toEqual(published.events)
    expect(inCode.results).toEqual(published.results)
  })
})
