import type { FlowEnvelope, FlowState } from '@cairn/protocol'
import { inShare } from './bucket.ts'
import { own } from './own.ts'
import { capFails, cooldownFails, isModal, type Limits } from './budget.ts'
import { frequencyFails } from './frequency.ts'
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
  /** Which trigger, rule, frequency, cap or holdout decided, in words. */
  reason: string
  at?: number
  /** Since when the trigger's conditions hold on this page; pass it back as `since` next time. */
  since?: number
  /** Asked for by `show*()` (see {@link Ask}). */
  manual?: boolean
  /** In progress in this visit (shown, not finished): shown again where it was, outside the caps. */
  resume?: boolean
  /** Held out for the first time: record it and send `flow_held_out`. */
  heldOut?: boolean
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

const inProgress = (s: FlowState | undefined, visitStart: number): boolean =>
  s?.shownAt !== undefined && s.shownAt >= visitStart && (s.completedAt ?? -1) < s.shownAt && (s.dismissedAt ?? -1) < s.shownAt

/**
 * Decides, for every flow and every pending `show*()` call, whether it shows now, later or not, and
 * why. Requests go first, then flows by `priority` (highest first) and by the time their trigger
 * began to hold. At most one modal-class widget is on screen at a time; automatic flows also pass the
 * per-session and per-day caps and, for surveys, the survey cooldown. Requests skip the trigger and
 * the caps, and with `force` the audience and frequency too. Held-out users never see a flow.
 * @example decide(input).filter((d) => d.verdict === 'now') // what to render
 */
export function decide(c: DecideInput): Decision[] {
  const visitStart = c.state.visit?.start ?? c.now
  const ctx: TriggerContext = {
    traits: c.traits, events: c.state.events, times: c.state.times, now: c.now, url: c.url,
    milestones: c.state.milestones, firstSeen: c.state.firstSeen, prevSeen: c.state.visit?.prev, visitStart,
  }
  const asked = new Set(c.asks.map((a) => a.flow.id))
  const all: [FlowEnvelope, Ask | undefined][] = [
    ...c.asks.map((a) => [a.flow, a] as [FlowEnvelope, Ask]),
    ...c.flows.filter((f) => !asked.has(f.id)).map((f) => [f, undefined] as [FlowEnvelope, undefined]),
  ]
  const out: Decision[] = []
  const ready: [Decision, FlowEnvelope, number][] = []
  for (const [f, ask] of all) {
    const id = f.id
    const s = own(c.state.flows, id)
    const d: Decision = { id, verdict: 'never', reason: '' }
    const manual = ask !== undefined
    let block: Block | undefined
    if (manual) d.manual = true
    if (own(c.screen, id) !== undefined) block = { why: 'on screen' }
    else if (!manual && own(c.failed, id)) block = { why: own(c.failed, id) as string }
    else if (!manual && inProgress(s, visitStart)) d.resume = true
    else if (!manual) block = autoFails(f, d, c, ctx)
    else if (!ask.force) block = targetingFails(f, c, ctx)
    if (!block && !d.resume && f.holdout && (s?.heldOutAt !== undefined || inShare(c.user, id, f.holdout))) {
      block = { why: `held out (holdout ${f.holdout})` }
      if (s?.heldOutAt === undefined) d.heldOut = true
    }
    out.push(d)
    if (block) setBlock(d, block)
    else ready.push([d, f, ask?.at ?? d.since ?? c.now])
  }
  ready.sort(([a, f, x], [b, g, y]) => Number(!!b.manual) - Number(!!a.manual) || (g.priority ?? 0) - (f.priority ?? 0) || x - y)
  let modal = Object.keys(c.screen).find((k) => own(c.screen, k))
  const auto = [...c.state.auto]
  for (const [d, f] of ready) {
    const byItself = !d.manual && !d.resume
    const cap = byItself
      ? capFails(auto, c.now, visitStart, c.limits) ?? (f.kind === 'survey' ? cooldownFails(c.state.surveyAt, c.now, c.limits.surveyCooldownDays) : undefined)
      : undefined
    if (cap || (isModal(f) && modal !== undefined)) {
      setBlock(d, cap ?? { why: `waiting: "${modal}" is on screen` }, cap ? 'never' : 'later')
      continue
    }
    d.verdict = 'now'
    d.reason = d.manual ? 'show*() call' : d.resume ? 'resumed: in progress this visit' : `trigger ${JSON.stringify(f.trigger)} holds`
    if (isModal(f)) modal = d.id
    if (byItself) auto.push(c.now)
  }
  return out
}

/** Frequency, then audience: who the flow is for and how often. */
function targetingFails(f: FlowEnvelope, c: DecideInput, ctx: TriggerContext): Block | undefined {
  const why = f.audience && audienceFails(f.audience, ctx)
  return frequencyFails(f.frequency, own(c.state.flows, f.id), c.now, ctx.visitStart) ?? (why ? { why: `audience ${why}` } : undefined)
}

/** Trigger presence, targeting, then the trigger's conditions and delay, for a flow that shows by itself. */
function autoFails(f: FlowEnvelope, d: Decision, c: DecideInput, ctx: TriggerContext): Block | undefined {
  const t = f.trigger
  if (!t) return { why: 'no trigger: shown only by show*()' }
  return targetingFails(f, c, ctx) ?? triggerFails(t, ctx) ?? delayFails(t, { ...ctx, since: (d.since = own(c.since, f.id) ?? c.now) })
}

function setBlock(d: Decision, b: Block, verdict: Decision['verdict'] = 'never'): void {
  d.reason = b.why
  d.verdict = b.at === undefined ? verdict : 'later'
  if (b.at !== undefined) d.at = b.at
}
