import { uuidv7 } from '@cairn/protocol'

/** A small deterministic PRNG (mulberry32), so a seed always makes the same history. */
export function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DAY = 86_400_000
const TEXTS = ['Fast and simple', 'Needs a calendar view', 'Love the keyboard shortcuts', '=cmd|calc', 'Search is slow on big boards', 'Dark mode please', 'خیلی خوب است', 'Great for our team']

/** The flow, step, question and milestone ids a history is made of. */
export type HistoryNames = {
  tour: string; tourSteps: [string, string]; checklist: string; items: [string, string, string]
  banner: string; milestone: string; nps: string; npsQuestions: [string, string]; pmf: string
  /**
   * The milestones of a checklist that declares them, as the SDK records them: the one behind each of
   * `items` (its `completeOn`), and those reached once every item is done, the tour's own item
   * (`tourItem`, ticked when the tour completes) included.
   */
  checklistMilestones?: { tourItem: string; items: (string | undefined)[]; completed: string[] }
}

/** The ids of test/e2e/fixtures/dashboard. */
export const FIXTURE_NAMES: HistoryNames = {
  tour: 'welcome-tour', tourSteps: ['new-board', 'first-card'], checklist: 'getting-started', items: ['board', 'cards', 'invite'],
  banner: 'invite-banner', milestone: 'activated', nps: 'nps', npsQuestions: ['score', 'why'], pmf: 'pmf',
}

/** The ids of the demo's own flows (demo/flows). */
export const DEMO_NAMES: HistoryNames = {
  tour: 'welcome-tour', tourSteps: ['new-board', 'name-board'], checklist: 'getting-started', items: ['create-board', 'add-cards', 'invite'],
  banner: 'announcement-invite-banner', milestone: 'board_created', nps: 'nps-quarterly', npsQuestions: ['score', 'love'], pmf: 'pmf-check',
  checklistMilestones: { tourItem: 'tour', items: ['board_created', undefined, 'teammate_invited'], completed: ['checklist_completed', 'activated'] },
}

/**
 * Events for `users` people over the last `weeks` weeks before `now`, for the flows `names` names
 * (test/e2e/fixtures/dashboard's by default): activity, the welcome tour (a target goes missing on step 3), the
 * checklist (and, for names that declare them, its milestones), the `milestone` that the invite banner's
 * holdout is measured by, NPS and PMF answers, and the banner with its holdout.
 */
export function dashboardHistory(now: number, opts: { users?: number; weeks?: number; seed?: number; names?: HistoryNames } = {}) {
  const n = opts.names ?? FIXTURE_NAMES
  const rnd = random(opts.seed ?? 7)
  const users = opts.users ?? 120
  const weeks = opts.weeks ?? 10
  const events: Record<string, unknown>[] = []
  let counter = 0
  for (let u = 0; u < users; u++) {
    const userId = `user-${u}`
    const anonymousId = `anon-${u}`
    const first = now - Math.floor(rnd() * weeks * 7 * DAY) - DAY
    const at = (offset: number) => Math.min(now - 60_000, first + offset)
    const push = (ts: number, fields: Record<string, unknown>) => {
      counter++
      const bytes = new Uint8Array(10)
      bytes[0] = u & 0xff; bytes[1] = (u >> 8) & 0xff; bytes[2] = counter & 0xff; bytes[3] = (counter >> 8) & 0xff; bytes[4] = (counter >> 16) & 0xff
      events.push({ id: uuidv7(ts, bytes), ts, anonymousId, userId, ...fields })
    }
    push(at(0), { type: 'identify', traits: { plan: u % 3 === 0 ? 'pro' : 'free' } })
    // Activity: a visit most weeks while engaged, fading out.
    const stay = rnd()
    for (let w = 0; w * 7 * DAY + first < now; w++) {
      if (rnd() < stay * Math.pow(0.9, w) + (w === 0 ? 1 : 0)) push(at(w * 7 * DAY + Math.floor(rnd() * 5) * DAY + 3_600_000), { type: 'track', name: 'board_opened' })
    }
    // The welcome tour.
    push(at(60_000), { type: 'flow_shown', flowId: n.tour, stepIndex: 0 })
    const tour = rnd()
    if (tour > 0.15) push(at(90_000), { type: 'flow_step', flowId: n.tour, stepIndex: 1, stepId: n.tourSteps[0] })
    if (tour > 0.35 && tour < 0.5) push(at(100_000), { type: 'flow_error', flowId: n.tour, stepIndex: 2, stepId: n.tourSteps[1], reason: 'target_missing', props: { selector: '#add-card' } })
    else if (tour > 0.35) push(at(120_000), { type: 'flow_step', flowId: n.tour, stepIndex: 2, stepId: n.tourSteps[1] })
    const tourDone = tour > 0.5 ? at(180_000 + Math.floor(rnd() * 600_000)) : undefined
    if (tourDone !== undefined) push(tourDone, { type: 'flow_completed', flowId: n.tour })
    else if (tour > 0.15 && tour < 0.3) push(at(150_000), { type: 'flow_dismissed', flowId: n.tour, stepIndex: 1 })
    // The checklist.
    push(at(200_000), { type: 'flow_shown', flowId: n.checklist })
    const done = rnd()
    const items = done > 0.2 ? (done > 0.5 ? (done > 0.75 ? 3 : 2) : 1) : 0
    const m = n.checklistMilestones
    // The demo's people work through it at their own pace (1–5× three hours an item), so its time to
    // complete has a spread; without a random draw, so the fixture's history stays as its tests know it.
    const pace = m ? 1 + (u % 9) / 2 : 1
    let lastTick = 0
    for (let i = 0; i < items; i++) {
      lastTick = at(300_000 + Math.round(i * pace * 3 * 3_600_000))
      const reached = m?.items[i]
      if (reached) push(lastTick - 1_000, { type: 'milestone', name: reached })
      push(lastTick, { type: 'flow_step', flowId: n.checklist, stepId: n.items[i] })
    }
    if (m && tourDone !== undefined) push(tourDone + 1_000, { type: 'flow_step', flowId: n.checklist, stepId: m.tourItem })
    if (m && tourDone !== undefined && items === n.items.length) {
      const doneAt = Math.max(tourDone + 1_000, lastTick) + 1_000
      push(doneAt, { type: 'flow_completed', flowId: n.checklist })
      for (const name of m.completed) push(doneAt, { type: 'milestone', name })
    }
    // The banner and its holdout: those shown activate more often.
    const heldOut = rnd() < 0.3
    push(at(400_000), heldOut ? { type: 'flow_held_out', flowId: n.banner } : { type: 'flow_shown', flowId: n.banner })
    if (items >= 2 || rnd() < (heldOut ? 0.2 : 0.45)) push(at(Math.floor(rnd() * 5 * DAY) + 500_000), { type: 'milestone', name: n.milestone })
    // Surveys.
    if (rnd() < 0.6) {
      const shownAt = at(2 * DAY + Math.floor(rnd() * 10 * DAY))
      push(shownAt, { type: 'flow_shown', flowId: n.nps })
      const r = rnd()
      if (r < 0.12) push(shownAt + 5_000, { type: 'flow_dismissed', flowId: n.nps })
      else {
        const score = Math.min(10, Math.floor(rnd() * 6) + (r > 0.5 ? 5 : 2))
        const submissionId = `nps-${u}`
        const withText = rnd() < 0.5
        push(shownAt + 10_000, { type: 'survey_answer', flowId: n.nps, submissionId, questionId: n.npsQuestions[0], answer: score, ...(withText ? {} : { final: true }) })
        if (withText) push(shownAt + 30_000, { type: 'survey_answer', flowId: n.nps, submissionId, questionId: n.npsQuestions[1], answer: TEXTS[u % TEXTS.length]!, final: true })
      }
    }
    if (rnd() < 0.45) {
      const shownAt = at(3 * DAY + Math.floor(rnd() * 10 * DAY))
      push(shownAt, { type: 'flow_shown', flowId: n.pmf })
      const r = rnd()
      push(shownAt + 8_000, { type: 'survey_answer', flowId: n.pmf, submissionId: `pmf-${u}`, questionId: 'disappointed', answer: r < 0.42 ? 'very' : r < 0.8 ? 'somewhat' : r < 0.95 ? 'not' : 'not_using', final: true })
    }
  }
  return events.sort((a, b) => (a['ts'] as number) - (b['ts'] as number))
}

/** Posts events to a collector in batches of 500 with a write key; sent "now", so each keeps its `ts` as server time. */
export async function sendHistory(collectorUrl: string, writeKey: string, events: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < events.length; i += 500) {
    const res = await fetch(`${collectorUrl}/v1/batch`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ v: 1, key: writeKey, sentAt: Date.now(), events: events.slice(i, i + 500) }),
    })
    const body = (await res.json()) as { accepted: number; rejected: unknown[] }
    if (!res.ok || body.rejected.length) throw new Error(`seeding: HTTP ${res.status} ${JSON.stringify(body).slice(0, 500)}`)
  }
}
