import { uuidv7, type CairnEvent } from '@cairn/protocol'
import { random } from '../../demo/history.ts'

const DAY = 86_400_000
/** How likely a retained person is to come back on each weekday (Monday first): busy midweek, quiet weekends. */
const WEEKDAY = [0.8, 0.9, 0.9, 0.85, 0.7, 0.25, 0.2]
const NAMES = ['board_opened', 'card_created', 'card_moved', 'comment_added', 'search_used', 'page_view']
const LOCALES = ['en', 'en-US', 'fa', 'fa-IR', 'ar', 'de']

/**
 * A realistic project for the results benchmark: `users` people signing up over `days` days before
 * `now` (more of them lately), each with a plan, a company size, a segment and a language, who come
 * back with weekly seasonality until they churn (a daily hazard that falls for those who activated),
 * tracking events on the days they are active — about `events` in all. Along the way: the welcome
 * tour, the checklist, the invite banner with its holdout, the `activated` milestone, NPS and PMF.
 * Flow ids are those of test/e2e/fixtures/dashboard. Yields batches in time order, as they would arrive.
 */
export function* benchHistory(now: number, opts: { users: number; events: number; days: number; seed?: number }): Generator<CairnEvent[]> {
  const rnd = random(opts.seed ?? 11)
  const start = now - opts.days * DAY
  // Tracks per active day, tuned so the total lands near `opts.events` (about 10 active days per person).
  const perDay = Math.max(1, Math.round(opts.events / opts.users / 10))
  const all: CairnEvent[] = []
  let n = 0
  const id = (ts: number) => {
    n++
    const bytes = new Uint8Array(10)
    for (let i = 0; i < 6; i++) bytes[i] = (n / 256 ** i) & 0xff
    bytes[6] = (rnd() * 256) | 0
    return uuidv7(ts, bytes)
  }
  for (let u = 0; u < opts.users; u++) {
    const userId = `user-${u}`
    const anonymousId = `anon-${u}`
    const locale = LOCALES[Math.floor(rnd() * LOCALES.length)] as string
    // Growth: sign-ups weighted toward recent days.
    const joined = start + Math.floor(Math.sqrt(rnd()) * (opts.days - 1) * DAY) + Math.floor(rnd() * 12) * 3_600_000
    const push = (ts: number, fields: Record<string, unknown>) => {
      if (ts < now) all.push({ id: id(ts), ts, anonymousId, userId, locale, ...fields } as CairnEvent)
    }
    push(joined, { type: 'identify', traits: { plan: rnd() < 0.3 ? 'pro' : 'free', company: { size: Math.floor(2 ** (rnd() * 9)) }, segments: [rnd() < 0.5 ? 'eu' : 'us'], mrr: Math.floor(rnd() * 200) } })
    const tour = rnd()
    push(joined + 60_000, { type: 'flow_shown', flowId: 'welcome-tour', stepIndex: 0 })
    if (tour > 0.15) push(joined + 90_000, { type: 'flow_step', flowId: 'welcome-tour', stepIndex: 1, stepId: 'new-board' })
    if (tour > 0.4) push(joined + 120_000, { type: 'flow_step', flowId: 'welcome-tour', stepIndex: 2, stepId: 'first-card' })
    if (tour > 0.5) push(joined + 180_000, { type: 'flow_completed', flowId: 'welcome-tour' })
    push(joined + 200_000, { type: 'flow_shown', flowId: 'getting-started' })
    const heldOut = rnd() < 0.3
    push(joined + 400_000, heldOut ? { type: 'flow_held_out', flowId: 'invite-banner' } : { type: 'flow_shown', flowId: 'invite-banner' })
    const activated = tour > 0.5 || rnd() < (heldOut ? 0.2 : 0.4)
    const activatedAt = joined + Math.floor(rnd() * 3 * DAY) + 500_000
    if (activated) push(activatedAt, { type: 'milestone', name: 'activated' })
    const hazard = activated ? 0.02 : 0.08
    let items = 0
    for (let day = 0, t = joined; t < now; day++, t += DAY) {
      if (day > 0 && rnd() < hazard) break
      if (day > 0 && rnd() > (WEEKDAY[(new Date(t).getUTCDay() + 6) % 7] as number) * 0.55) continue
      const count = 1 + Math.floor(rnd() * perDay * 2)
      for (let i = 0; i < count; i++) push(t + 3_600_000 + i * 90_000, { type: 'track', name: NAMES[Math.floor(rnd() * NAMES.length)] })
      if (items < 3 && rnd() < 0.3) push(t + 3_600_000 + count * 90_000, { type: 'flow_step', flowId: 'getting-started', stepIndex: items, stepId: ['board', 'cards', 'invite'][items++] })
      if (day === 10 && rnd() < 0.6) {
        const score = Math.min(10, Math.floor(rnd() * 6) + (activated ? 5 : 2))
        push(t + 7_200_000, { type: 'flow_shown', flowId: 'nps' })
        push(t + 7_210_000, { type: 'survey_answer', flowId: 'nps', submissionId: `nps-${u}`, questionId: 'score', answer: score, final: true })
      }
      if (day === 20 && rnd() < 0.5) {
        const r = rnd()
        push(t + 7_200_000, { type: 'flow_shown', flowId: 'pmf' })
        push(t + 7_208_000, { type: 'survey_answer', flowId: 'pmf', submissionId: `pmf-${u}`, questionId: 'disappointed', answer: r < 0.4 ? 'very' : r < 0.8 ? 'somewhat' : 'not', final: true })
      }
    }
  }
  all.sort((a, b) => a.ts - b.ts)
  for (let i = 0; i < all.length; i += 2000) yield all.slice(i, i + 2000)
}
