import type { Answer, FlowEnvelope, FlowEventType } from '@cairn/protocol'
import { DEFAULT_LIMITS, isModal, pageFails } from './budget.ts'
import { decide, type Ask, type Decision } from './decide.ts'
import type { EngineEventType, EnginePayload, FlowControls, FlowEngine, FlowEngineDeps, FlowEngineOptions, WidgetHandle } from './deps.ts'
import { flowMilestones, progress } from './checklist.ts'
import { dropLive, keepLive, liveFlows } from './live.ts'
import { FEED, FEED_FLOW, feedFlows } from './feed.ts'
import { dict, drop, isObject, own, put } from './own.ts'
import { windowedEvents } from './rule.ts'
import { known, patch, runtimeStores } from './runtime-state.ts'
import { emptyState, mergeState, readState, recordEvent, touch, type EngineState } from './state.ts'
import { submission } from './survey.ts'
import { validateFlows, type FlowEventPayload } from './validate.ts'

/** How long auto flows wait for the collector's user state before deciding without it. */
const USER_STATE_WAIT = 3000
/** A tour step, survey question or checklist item, as far as a showing names it. */
type Step = { id: string }

type Extra = { [K in keyof EnginePayload]?: EnginePayload[K] | undefined }

/**
 * The flow engine's runtime: loads flows, asks {@link decide} what to show whenever something changes
 * (start, track, milestone, navigation, identify, a timer, a widget closing), and renders, records and
 * reports. Its state is in named stores (`runtime-state.ts`) that the handlers read and write; all
 * decisions are in the pure functions it calls. What stays here are resources: widget handles,
 * timers, and the counters that tell a late answer from a current one.
 * @example const engine = createFlowEngine({ now: Date.now, render: host.render, … }, { flows })
 */
export function createFlowEngine(deps: FlowEngineDeps, options: FlowEngineOptions = {}): FlowEngine {
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const log = (m: unknown): void => deps.log?.(String(m))
  const safe = (f: () => void): void => {
    try {
      f()
    } catch (e) {
      log(e)
    }
  }
  const stores = runtimeStores(deps.getUrl(), !!deps.fetchFlows)
  const { $state, $sources, $screen, $schedule, $awaiting, $feed } = stores
  let handles = dict<WidgetHandle>()
  /** Flows on screen, by id: takes a tour off the screen (and out of the modal slot) while its step lives on another page. */
  let elsewhere = dict<() => void>()
  /** The debug line last printed per flow. */
  const said = dict<string>()
  let timer: unknown
  let userWait: unknown
  /** Which fetch of the user state is current, and which generation of widgets (`closeAll` ends one). */
  let userGen = 0
  let epoch = 0
  let dead = false
  /** Within a decision pass, and whether another was asked for meanwhile. */
  let busy = false
  let again = false

  const flows = (): FlowEnvelope[] => known($sources.get())
  /** Changes the kept definitions as stored, which other tabs change too. */
  const keep = (f: (list: FlowEnvelope[]) => FlowEnvelope[]): void =>
    safe(() => deps.save('live', f(((l) => (Array.isArray(l) ? l : []))(deps.load('live')))))
  const emit = (f: FlowEnvelope | string, type: EngineEventType, extra?: Extra): void => {
    const { id = f as string, version, kind } = f as Partial<FlowEnvelope>
    const p: Extra = { flowId: id, flowVersion: version, ...extra }
    for (const k in p) if (p[k as keyof Extra] === undefined) delete p[k as keyof Extra]
    if (type == 'flow_error') log(`${id}: error ${p.reason} ${JSON.stringify(p.props ?? '')}`)
    deps.emit(type, p as FlowEventPayload, kind)
  }
  const invalid = (errors: FlowEventPayload[]): void => errors.forEach((e) => emit(e.flowId, 'flow_error', e))
  /**
   * Merges `p` and what another tab may have saved meanwhile into the state (`active`: the user did
   * something, which keeps the visit going), reaches the milestones in `reach`, ticks what that
   * completes (checklist items, checklist milestones) and saves it all at once — so another tab never
   * sees an event without its tick — then reports the ticks and the milestones reached for the first
   * time. `quiet`: save only when something followed (another tab's save, merged here).
   */
  const change = (p: Partial<EngineState>, active?: boolean, reach: string[] = [], quiet?: boolean): void => {
    const now = deps.now()
    let before = $state.get()
    safe(() => (before = mergeState(readState(deps.load('state')), before)))
    let state = mergeState(before, p)
    for (const m of reach) state = mergeState(state, { milestones: { [m]: now } })
    if (active) state = touch(state, now)
    const next = progress(state, flows(), now)
    state = next.state
    // The widgets following it hear it here.
    $state.set(state)
    if (!quiet || next.ticks.length || reach.length) safe(() => deps.save('state', state))
    for (const [f, stepIndex, stepId] of next.ticks) emit(f, 'flow_step', { stepIndex, stepId })
    for (const m of new Set([...reach, ...next.reached])) if (own(before.milestones, m) === undefined) deps.milestone?.(m)
    // A pass tells the host app's stores once, at its end.
    if (!busy) safe(() => deps.changed?.())
  }
  /** Runs an async dependency without letting a throw or rejection escape; `then` learns which it was. */
  const task = <T>(start: () => Promise<T>, then: (value: T | undefined, error?: unknown) => void): void => {
    Promise.resolve()
      .then(start)
      .then(then, (e: unknown) => {
        log(e)
        then(undefined, e ?? 'rejected')
      })
      .catch(log)
  }
  const stop = (t: unknown): unknown => t !== undefined && deps.clearTimeout(t)

  function run(): void {
    if (busy) again = true
    else if (!dead) {
      busy = again = true
      // A listener reacting to an event emitted during a pass asks for another pass; a few suffice.
      for (let i = 0; i < 4 && again; i++) {
        again = false
        safe(pass)
      }
      busy = false
      safe(() => deps.changed?.())
    }
  }

  function pass(): void {
    for (const id in elsewhere) elsewhere[id]?.()
    const now = deps.now()
    const user = deps.getUser()
    const all = flows()
    const state = $state.get()
    const awaiting = $awaiting.get()
    const asks: (Ask & { opts: unknown })[] = []
    const requests = $schedule.get().requests.filter((r) => {
      const flow = all.find((f) => f.id == r.id) ?? (r.id == FEED ? FEED_FLOW : undefined)
      if (!flow) {
        if (!awaiting.flows) emit(r.id, 'flow_error', { reason: 'unknown_flow' })
        return awaiting.flows
      }
      if (r.kind && flow.kind != r.kind) {
        emit(flow, 'flow_error', { reason: 'invalid', props: { path: '$.kind', message: `expected a ${r.kind}` } })
        return false
      }
      const force = (r.opts as { force?: unknown } | undefined)?.force === true
      // Frequency and audience need the collector's view of the user (answered on another device?).
      // The feed has no frequency or audience of its own (its entries have theirs).
      if (!awaiting.user || force) asks.push({ flow, at: r.at, opts: r.opts, force: force || r.id == FEED })
      return true
    })
    const { url, showing, pending, failed } = $screen.get()
    const screen = dict<boolean>()
    for (const id in showing) screen[id] = isModal(showing[id] as FlowEnvelope)
    const decisions = decide({
      flows: awaiting.user ? [] : all, asks, state: { ...state, auto: [...state.auto, ...Object.values(pending)] },
      user: user.userId ?? user.anonymousId, traits: user.traits ?? {}, url, now, since: $schedule.get().since, screen, failed, limits,
    })
    const since = dict<number>()
    for (const d of decisions) if (d.since !== undefined) since[d.id] = d.since
    $schedule.set({ requests, decisions, since })
    let next = Infinity
    for (const d of decisions) {
      const ask = asks.find((a) => a.flow.id == d.id)
      const flow = ask?.flow ?? (all.find((f) => f.id == d.id) as FlowEnvelope)
      if (deps.log) {
        const line = `${d.verdict}${d.at === undefined ? '' : ` at ${new Date(d.at).toISOString()}`}: ${d.reason}`
        if (said[d.id] != line) log(`${d.id}: ${(said[d.id] = line)}`)
      }
      if (d.heldOut) {
        change({ flows: { [d.id]: { shownCount: 0, heldOutAt: now } } })
        emit(flow, 'flow_held_out')
      }
      next = Math.min(next, d.at ?? next)
      if (ask && d.verdict != 'later') patch($schedule, { requests: $schedule.get().requests.filter((r) => r.id != d.id) })
      if (d.verdict == 'now') open(flow, d, ask?.opts, now)
      else if (d.soon) deps.prefetch?.(flow.kind)
    }
    stop(timer)
    // Decisions only ever give a later `at`; a timer longer than 2^31 - 1 ms would fire at once.
    timer = next < Infinity ? deps.setTimeout(() => ((timer = undefined), run()), Math.min(next - now, 2 ** 31 - 1)) : undefined
  }

  function open(flow: FlowEnvelope, d: Decision, opts: unknown, now: number): void {
    const id = flow.id
    const mine = epoch
    const counted = !d.manual && !d.resume
    // The feed's launcher on screen is not a showing: each opening of its panel is (see FEED).
    let shown = d.resume || id == FEED
    let done = false
    /** The step this showing is on (a tour starts afresh unless it resumes). */
    let at = d.resume ? own($state.get().flows, id)?.step : 0
    const { showing, pending } = $screen.get()
    patch($screen, { showing: put(showing, id, flow), ...(counted && { pending: put(pending, id, now) }) })
    const gone = (): boolean => done || dead || mine != epoch
    let sub: [string, Record<string, Answer>] | undefined
    const mark = (): void => {
      if (shown) return
      shown = true
      const t = deps.now()
      const state = $state.get()
      patch($screen, { pending: drop($screen.get().pending, id) })
      change({
        auto: counted ? [...state.auto, t] : [],
        flows: { [id]: { shownAt: t, shownCount: (own(state.flows, id)?.shownCount ?? 0) + 1 } },
        ...(flow.kind == 'survey' && { surveyAt: t }),
      })
      // Its kind and step ids (tour steps, questions, items): the collector has no definition of a flow
      // shown with show*({ … }), and results need them.
      const parts = (flow as { steps?: Step[]; questions?: Step[]; items?: Step[] })
      emit(flow, 'flow_shown', { reason: d.manual ? 'manual' : 'auto', props: { kind: flow.kind, steps: (parts.steps ?? parts.questions ?? parts.items ?? []).map((s) => s.id) } })
      if (id != FEED && !$sources.get().remote.some((f) => f.id == id)) keep((l) => keepLive(l, flow))
    }
    /** Leaves the screen; with `type`, the user decided (completed or dismissed), which means they saw it. */
    const end = (p?: object, type?: FlowEventType, extra?: Extra): void => {
      if (gone()) return
      done = true
      delete elsewhere[id]
      delete handles[id]
      const { showing, pending } = $screen.get()
      patch($screen, { showing: drop(showing, id), pending: drop(pending, id) })
      if (type) {
        mark()
        change({ flows: { [id]: { shownCount: 0, ...p } } }, true)
        emit(flow, type, extra)
        keep((l) => dropLive(l, id))
      }
      run()
    }
    /** Leaves the screen without a user decision; not shown automatically again on this page. */
    const fail = (why: string): void => {
      if (!gone()) patch($screen, { failed: put($screen.get().failed, id, why) })
      end()
    }
    const controls: FlowControls = {
      state: own($state.get().flows, id),
      via: d.resume ? 'resume' : d.manual ? 'manual' : 'auto',
      opts,
      step(stepIndex, stepId) {
        if (gone()) return
        if (id == FEED) {
          // Step 1 is an entry's call to action followed in the panel: that announcement's own CTA click.
          if (stepIndex) {
            const entry = feedFlows(flows(), $state.get(), deps.getUser(), deps.now()).find((f) => f.id == stepId)
            return entry && emit(entry, 'flow_step', { stepIndex: 0, stepId: 'cta', props: { via: 'feed' } })
          }
          return readFeed()
        }
        mark()
        // The same showing; its newest step wins when states merge. A checklist's step is a tick by hand.
        const items = flow.kind == 'checklist' && stepId ? { items: { [stepId]: deps.now() } } : {}
        emit(flow, 'flow_step', { stepIndex, stepId })
        change({ flows: { [id]: { shownCount: 0, shownAt: own($state.get().flows, id)?.shownAt as number, step: stepIndex, stepAt: deps.now(), ...items } } }, true)
        // A tour whose next step's page is elsewhere leaves the screen — decided in a later task, once
        // the click that moved it has reached the page too (which may route there at once).
        if (pageFails(flow, (at = stepIndex), $screen.get().url)) deps.setTimeout(run, 0)
      },
      complete: () => end({ completedAt: deps.now() }, 'flow_completed'),
      // "Ask me later" puts a survey off (survey.ts) instead of turning it down.
      dismiss: (stepIndex, reason) => end({ [reason == 'later' ? 'laterAt' : 'dismissedAt']: deps.now() }, 'flow_dismissed', { stepIndex, reason }),
      answer(a) {
        if (gone()) return
        mark()
        const u = deps.getUser()
        // Derived from the state this showing started with, so another tab showing it derives the same.
        sub ??= submission(u.userId ?? u.anonymousId, id, controls.state, !!d.resume)
        sub[1] = { ...sub[1], [a.questionId]: a.answer }
        change({ flows: { [id]: { shownCount: 0, answers: sub[1], answeredAt: deps.now(), submissionId: sub[0] } } }, true)
        emit(flow, 'survey_answer', { submissionId: sub[0], ...a })
      },
      error(reason, stepIndex, props) {
        // A missing target names its selector: the step's (a tour) or the flow's own (a hotspot).
        const selector = reason == 'target_missing' && (((flow as { steps?: object[] }).steps?.[stepIndex ?? 0] ?? flow) as { target?: unknown }).target
        if (!gone()) emit(flow, 'flow_error', { reason, stepIndex, props: props ?? (typeof selector == 'string' ? { selector } : undefined) })
      },
      close: () => fail('closed'),
      $state,
      $feed,
      start: (flowId, kind) => engine.show(flowId, kind, { force: true }),
      memo: ((m) => (typeof m?.[1] == 'string' ? m[1] : undefined))(own($state.get().memo ?? {}, id)),
      remember(value) {
        if (!gone()) change({ memo: { [id]: [deps.now(), value] } })
      },
      events: (name) => own($state.get().events, name) ?? 0,
      feed(now = deps.now()) {
        const state = $state.get()
        return { flows: feedFlows(flows(), state, deps.getUser(), now), asked: $feed.get().asked, away: state.visit?.prev, now }
      },
    }
    // Quietly, without a user decision: it resumes (outside the caps) once its step's page is here.
    elsewhere[id] = () => pageFails(flow, at, $screen.get().url) && (handles[id]?.close(), end())
    task(
      () => deps.render(flow, controls),
      (handle, e) => {
        if (e !== undefined) {
          // A chunk that failed to load or threw: report it, free the screen, let the others run.
          if (!gone()) emit(flow, 'flow_error', { reason: 'render_failed', props: { message: String(e).slice(0, 500) } })
          fail('render failed')
        } else if (gone()) handle?.close()
        else {
          if (handle) handles[id] = handle
          mark()
        }
      },
    )
  }

  function closeAll(): void {
    epoch++
    for (const id in handles) safe(() => handles[id]?.close())
    handles = dict()
    elsewhere = dict()
    patch($screen, { showing: dict(), pending: dict(), failed: dict() })
    patch($schedule, { requests: [], since: dict() })
  }

  function syncUser(): void {
    const fetch = deps.fetchUserState
    if (!fetch) return
    const gen = ++userGen
    patch($awaiting, { user: true })
    const ready = (): void => {
      if (gen == userGen) patch($awaiting, { user: false })
      run()
    }
    stop(userWait)
    const wait = (userWait = deps.setTimeout(ready, USER_STATE_WAIT))
    task(fetch, (remote) => {
      deps.clearTimeout(wait)
      if (remote && !dead && gen == userGen) change(remote)
      ready()
    })
  }

  /** An opening of the feed's panel: its `flow_shown` (see FEED). */
  function readFeed(): void {
    if (dead) return
    change({ flows: { [FEED]: { shownCount: (own($state.get().flows, FEED)?.shownCount ?? 0) + 1, shownAt: deps.now() } } }, true)
    emit(FEED_FLOW, 'flow_shown', { reason: 'manual' })
  }

  /** Something the user did: it keeps the visit going, and may make a flow due. */
  const act = (p: Partial<EngineState> = {}, reach?: string[]): void => {
    if (dead) return
    change(p, true, reach)
    run()
  }

  const engine: FlowEngine = {
    show(flow, kind, opts) {
      if (dead) return
      let id = flow as string
      let def: FlowEnvelope | undefined
      if (typeof flow != 'string') {
        const v = validateFlows([kind && isObject(flow) && !('kind' in flow) ? { ...flow, kind } : flow])
        if (!(def = v.flows[0])) return invalid(v.errors)
        id = def.id
        // Known from now on (its ticks, milestones, resuming), but it shows only when asked.
        const given = $sources.get().given.filter((f) => f.id != id)
        patch($sources, { given: [...given, { ...def, trigger: undefined }] })
      }
      if (id == FEED) {
        const o = opts as { selector?: unknown; open?: unknown } | undefined
        // An open asks for the panel: the feed on screen hears it.
        $feed.set({ asked: $feed.get().asked + (o?.open ? 1 : 0), opts: { selector: o?.selector } })
      }
      const { requests } = $schedule.get()
      patch($schedule, { requests: [...requests.filter((r) => r.id != id), { id, kind, at: deps.now(), opts }] })
      run()
    },
    track: (name) => act(
      recordEvent($state.get(), name, deps.now(), windowedEvents(flows()).has(name)),
      [...$sources.get().declared, ...flowMilestones(flows())].includes(name) ? [name] : [],
    ),
    milestone(name) {
      const first = !dead && own($state.get().milestones, name) === undefined
      act({ milestones: { [name]: deps.now() } })
      return first
    },
    navigate(url) {
      patch($screen, { url, failed: dict() })
      patch($schedule, { since: dict() })
      act()
    },
    identify() {
      syncUser()
      run()
    },
    reset() {
      if (dead) return
      // The feed's launcher is part of the page, not of the user: it stays, for the next one.
      const feed = own($screen.get().showing, FEED) !== undefined
      closeAll()
      if (feed) patch($schedule, { requests: [{ id: FEED, at: deps.now(), opts: $feed.get().opts }] })
      const state = touch(emptyState(), deps.now())
      $state.set(state)
      patch($sources, { live: [] })
      safe(() => deps.save('state', state))
      keep(() => [])
      syncUser()
      run()
    },
    destroy() {
      if (dead) return
      closeAll()
      dead = true
      stop(timer)
      stop(userWait)
      userGen++
      unsubscribe?.()
      unstore?.()
    },
    decisions: () => $schedule.get().decisions,
    view() {
      const [state, all, { showing }] = [$state.get(), flows(), $screen.get()]
      return {
        state, flows: all, decisions: $schedule.get().decisions, showing, modal: Object.keys(showing).find((id) => isModal(showing[id] as FlowEnvelope)),
        feed: () => feedFlows(all, state, deps.getUser(), deps.now()), user: deps.getUser(), now: deps.now(),
      }
    },
    stores,
    readFeed,
  }

  safe(() => $state.set(readState(deps.load('state'))))
  safe(() => patch($sources, { live: liveFlows(validateFlows(deps.load('live') ?? []).flows, $state.get(), deps.now()) }))
  if (options.flows !== undefined) {
    const v = validateFlows(options.flows)
    patch($sources, { inline: v.flows })
    invalid(v.errors)
  }
  safe(() => {
    const cached = deps.load('flows') as { etag?: unknown; flows?: unknown; milestones?: unknown } | undefined
    const fetchFlows = deps.fetchFlows
    const names = (x: unknown): string[] => (Array.isArray(x) ? x.filter((m) => typeof m == 'string') : [])
    patch($sources, { remote: cached?.flows ? validateFlows(cached.flows).flows : [], declared: names(cached?.milestones) })
    if (fetchFlows) {
      task(
        () => fetchFlows(typeof cached?.etag == 'string' ? cached.etag : undefined),
        (fresh) => {
          if (fresh && !dead) {
            const v = validateFlows(fresh.flows)
            const declared = names(fresh.milestones)
            patch($sources, { remote: v.flows, declared })
            invalid(v.errors)
            deps.save('flows', { etag: fresh.etag, flows: fresh.flows, ...(declared[0] && { milestones: declared }) })
          }
          patch($awaiting, { flows: false })
          run()
        },
      )
    }
  })
  const unsubscribe = deps.onNavigate?.((u) => engine.navigate(u))
  // Another tab's save: its ticks and milestones reach the widgets here (merged, saved only when something
  // follows). No decisions: a flow that tab is showing would "resume" here too; the next activity decides.
  const unstore = deps.onStored?.(() => dead || change({}, false, [], true))
  syncUser()
  act()

  return engine
}
