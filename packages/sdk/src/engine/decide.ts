import type { FlowEnvelope } from '@cairn/protocol'
import { heldOut } from './bucket.ts'
import { own } from './own.ts'
import { capFails, cooldownFails, isModal, pageFails, type Limits } from './budget.ts'
import { frequencyFails } from './frequency.ts'
import { resumes } from './resume.ts'
import { surveyFails } from './survey.ts'
import { scheduleFails } from './schedule.ts'
import { audienceFails } from './rule.ts'
import type { EngineState } from './state.ts'
import { delayFails, triggerFails, type Block, type TriggerContext } from './trigger.ts'

/**
 * A `show*()` request waiting for the screen. It skips the trigger and the caps; with `force` also the
 * audience and frequency (never the holdout or the one-modal rule).
 */
export type Ask = { flow: FlowEnvelope; at: number; force?: boolean | undefined }

/**
 * What to do with one flow now. `now`: render it. `later`: not yet — at `at` if given, else when the
 * screen frees up. `never`: not under the current state (it is decided again when something changes).
 */
export type Decision = {
  id: string
  verdict: 'now' | 'later' | 'never'
  /**
   * What decided, as a short code and the JSON it is about: `trigger {…}` (holds), `show*()`,
   * `resume`, `on screen`, `no trigger`, `frequency "once"`, `audience {…}` (the part that failed),
   * `trigger url "/x" does not match …`, `trigger delayMs 2000`, `holdout 0.1`, `cap perSession 3`,
   * `waiting "tour-id"` (the modal on screen), `step 2 url "/board"` (a tour's step lives on another
   * page), or why the flow failed on this page.
   */
  reason: string
  at?: number
  /** Since when the trigger's conditions hold on this page; pass it back as `since` next time. */
  since?: number
  /** Asked for by `show*()` (see {@link Ask}). */
  manual?: boolean
  /**
   * In progress (shown, not finished; see `resumes`): shown again where it was, without a new
   * `flow_shown`; outside the caps when it was shown in this visit.
   */
  resume?: boolean
  /** Held out for the first time: record it and send `flow_held_out`. */
  heldOut?: boolean
  /**
   * On this page (its trigger's and a tour's first step's), held back only by what its trigger waits
   * for (an event, a milestone, its delay), for a user who is not held out: it may show any moment, so
   * its widget's code is worth having at hand.
   */
  soon?: boolean
}

/** Everything a decision depends on. Nothing else is read: no clock, no DOM, no storage. */
export type DecideInput = {
  /** Flows that may show by themselves, in definition order. */
  flows: readonly FlowEnvelope[]
  asks: readonly Ask[]
  state: EngineState
  /** The user's id for holdouts: user id once known, else the anonymous id. */
  user: string
  traits: Readonly<Record<string, unknown>>
  url: string
  now: number
  /** `since` of the previous decisions on this page (cleared on navigation). */
  since: Readonly<Record<string, number>>
  /** Flows on screen (or being rendered), by id: whether each is modal-class. */
  screen: Readonly<Record<string, boolean>>
  /** Flows that failed or were closed on this page, with why; not shown automatically again here. */
  failed: Readonly<Record<string, string>>
  limits: Limits
}

/**
 * Decides, for every flow and every pending `show*()` call, whether it shows now, later or not, and
 * why. Requests go first, then flows by `priority` (highest first) and by the time their trigger
 * began to hold. At most one modal-class widget is on screen at a time; automatic flows also pass the
 * per-session and per-day caps and, for surveys, the survey cooldown. Surveys are also sampled and
 * not asked again once answered (`surveyFails`) — a targeting rule. Requests skip the trigger and
 * the caps, and with `force` the audience and frequency too. Held-out users never see a flow.
 * @example decide(input).filter((d) => d.verdict === 'now') // what to render
 */
export function decide(c: DecideInput): Decision[] {
  const { state: s, now } = c
  const visitStart = s.visit?.start ?? now
  const ctx: TriggerContext = { ...s, ...c, since: undefined, prevSeen: s.visit?.prev, visitStart }
  const asked = c.asks.map((a) => a.flow.id)
  const out: Decision[] = []
  const ready: [Decision, FlowEnvelope, number][] = []
  for (const [f, ask] of [...c.asks.map((a) => [a.flow, a] as const), ...c.flows.filter((f) => !asked.includes(f.id)).map((f) => [f] as const)]) {
    const id = f.id
    const fs = own(s.flows, id)
    const d: Decision = { id, verdict: 'never', reason: '' }
    const t = f.trigger
    const targeting = (): Block | undefined => {
      const why = f.audience && audienceFails(f.audience, ctx)
      return (f.kind == 'survey' ? surveyFails(f, fs, now, visitStart, c.user) : frequencyFails(f.frequency, fs, now, visitStart)) ??
        (why ? { why: `audience ${why}` } : undefined) ?? scheduleFails(f, now)
    }
    let b: Block | undefined
    if (ask) d.manual = true
    if (own(c.screen, id) !== undefined) b = { why: 'on screen' }
    // In progress: a `show*()` of it resumes it too, where it was (not refused by its frequency, nor restarted).
    else if ((ask || !own(c.failed, id)) && resumes(f, fs, now, visitStart)) d.resume = true
    else if (ask) b = ask.force ? undefined : targeting()
    else if (own(c.failed, id)) b = { why: own(c.failed, id) as string }
    else if (!t) b = { why: 'no trigger' }
    else if (!(b = targeting())) {
      const waits = triggerFails(t, ctx)
      b = waits ?? delayFails(t, { ...ctx, since: (d.since = own(c.since, id) ?? now) })
      if (b && (!waits || waits.soon) && !heldOut(f, fs, c.user) && !pageFails(f, 0, c.url)) d.soon = true
    }
    // A tour waits for its step's page: a `show*()` request keeps waiting, a resume is decided again on navigation.
    const away = !b && pageFails(f, d.resume ? fs?.step : 0, c.url)
    if (away) b = away
    if (!b && !d.resume && heldOut(f, fs, c.user)) {
      b = { why: `holdout ${f.holdout}` }
      if (fs?.heldOutAt === undefined) d.heldOut = true
    }
    out.push(d)
    if (b) block(d, b, away && ask ? 'later' : 'never')
    else ready.push([d, f, ask?.at ?? d.since ?? now])
  }
  ready.sort(([a, f, x], [b, g, y]) => +!!b.manual - +!!a.manual || (g.priority ?? 0) - (f.priority ?? 0) || x - y)
  let modal = Object.keys(c.screen).find((k) => c.screen[k])
  const auto = [...s.auto]
  for (const [d, f] of ready) {
    const byItself = !d.manual && !d.resume
    // A tour taken up from another device is new to this visit: the caps may hold it back, but it
    // doesn't count against them (it is the same showing, and a reload would count it again).
    const cap = !d.manual && !(d.resume && own(s.flows, d.id)!.shownAt! >= visitStart) ? capFails(auto, now, visitStart, c.limits) ?? (f.kind == 'survey' ? cooldownFails(s.surveyAt, now, c.limits.surveyCooldownDays) : undefined) : undefined
    if (cap) block(d, cap)
    else if (isModal(f) && modal !== undefined) block(d, { why: `waiting ${JSON.stringify(modal)}` }, 'later')
    else {
      d.verdict = 'now'
      d.reason = d.resume ? 'resume' : d.manual ? 'show*()' : `trigger ${JSON.stringify(f.trigger)}`
      if (isModal(f)) modal = d.id
      if (byItself) auto.push(now)
    }
  }
  return out
}

function block(d: Decision, b: Block, verdict: Decision['verdict'] = 'never'): void {
  d.reason = b.why
  d.verdict = b.at === undefined ? verdict : 'later'
  if (b.at !== undefined) d.at = b.at
}
