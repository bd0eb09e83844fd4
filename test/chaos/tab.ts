import type { Page } from 'playwright-core'
import { TRACK_NAME, type Round } from './plan.ts'

type Cairn = {
  identify(id: string): void
  track(name: string, props: object): void
  showTour(flow: object, options: object): void
  showSurvey(flow: object, options: object): void
  on(event: 'stores', handler: (stores: Stores) => void): () => void
  stores?: Stores
  flows: { shown(id: string): void; step(id: string, index: number): void; complete(id: string): void; dismiss(id: string): void }
  surveys: { answer(id: string, questionId: string, answer: number | string): void }
}
type Stores = { $active: { subscribe(listener: (value: { flowId: string } | null) => void): () => void } }

/** Opens the script-tag page and waits for the real SDK (not the snippet's stub). */
export async function openTab(page: Page): Promise<Page> {
  await page.goto('/pages/script-tag.html')
  await page.waitForFunction(() => {
    const cairn = (window as unknown as { cairn?: { track?: unknown; _q?: unknown } }).cairn
    return typeof cairn?.track === 'function' && cairn._q === undefined
  })
  return page
}

/**
 * Plays one round in the page, as a user of a host app that draws its own tour and survey would:
 * the tracks, then the tour through to the end, then the survey answered and its thank-you closed.
 */
export function playRound(page: Page, round: Round): Promise<void> {
  return page.evaluate(async (r) => {
    const cairn = (window as unknown as { cairn: Cairn }).cairn
    for (let i = 0; i < r.tracks; i++) cairn.track(r.name, { tab: r.tab, round: r.round, i })
    // The script tag's stores come with the engine, which the first show loads.
    const stores = () => cairn.stores ?? new Promise<Stores>((resolve) => cairn.on('stores', resolve))
    const onScreen = async (id: string) => {
      const { $active } = await stores()
      return new Promise<void>((resolve) => {
        const off = $active.subscribe((active) => {
          if (active?.flowId !== id) return
          queueMicrotask(() => off())
          resolve()
        })
      })
    }
    const steps = ['start', 'middle', 'end'].map((id) => ({ id, title: id }))
    cairn.showTour({ id: r.tourId, kind: 'tour', headless: true, steps }, { force: true })
    await onScreen(r.tourId)
    cairn.flows.shown(r.tourId)
    cairn.flows.step(r.tourId, 1)
    cairn.flows.step(r.tourId, 2)
    cairn.flows.complete(r.tourId)
    const questions = [{ id: 'score', type: 'nps', prompt: 'How likely?', required: true }, { id: 'why', type: 'text', prompt: 'Why?' }]
    cairn.showSurvey({ id: r.surveyId, kind: 'survey', headless: true, questions }, { force: true })
    await onScreen(r.surveyId)
    cairn.flows.shown(r.surveyId)
    cairn.surveys.answer(r.surveyId, 'score', r.score)
    cairn.surveys.answer(r.surveyId, 'why', `round ${r.round}`)
    cairn.flows.dismiss(r.surveyId)
  }, { ...round, name: TRACK_NAME })
}

export const identify = (page: Page, user: string) => page.evaluate((id) => (window as unknown as { cairn: Cairn }).cairn.identify(id), user)

/** How many events this browser profile has queued in localStorage (every tab's segment). */
export const queued = (page: Page) => page.evaluate(() => Object.keys(localStorage)
  .filter((key) => key.includes(':q:'))
  .reduce((sum, key) => sum + ((JSON.parse(localStorage.getItem(key)!) as { e?: unknown[] }).e?.length ?? 0), 0))
