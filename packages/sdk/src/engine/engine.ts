import type { FlowEnvelope, FlowEventType, FlowKind, FlowState } from '@cairn/protocol'
import { DEFAULT_LIMITS, isModal, type Limits } from './budget.ts'
import { decide, type Ask, type Decision } from './decide.ts'
import type { FlowControls, FlowEngine, FlowEngineDeps, FlowEngineOptions, WidgetHandle } from './deps.ts'
import { dict, own } from './own.ts'
import { windowedEvents } from './rule.ts'
import { emptyState, mergeState, readState, recordEvent, touch, type EngineState } from './state.ts'
import { validateFlows, type FlowEventPayload } from './validate.ts'

/** How long auto flows wait for the collector's user state before deciding without it. */
const USER_STATE_WAIT = 3000
const MAX_TIMER = 2 ** 31 - 1

type Request = { id: string; flow?: FlowEnvelope; kind?: FlowKind | undefined; at: number; opts: unknown }

/**
 * The flow engine's runtime: keeps state, loads flows, asks {@link decide} what to show whenever
 * something changes (start, track, milestone, navigation, identify, a timer, a widget closing), and
 * renders, records and reports. All decisions are in the pure functions it calls.
 * @example const engine = createFlowEngine({ now: Date.now, render: host.render, … }, { flows })
 */
export function createFlowEngine(deps: FlowEngineDeps, options: FlowEngineOptions = {}): FlowEngine {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits }
  const log = (m: string): void => deps.log?.(m)
  let state = emptyState()
  let inline: FlowEnvelope[] = []
  let remote: FlowEnvelope[] = []
  let windowed = new Set<string>()
  let requests: Request[] = []
  let url = deps.getUrl()
  let since = dict<number>()
  let screen = dict<boolean>()
  let failed = dict<string>()
  let handles = dict<WidgetHandle>()
  /** Automatic flows being rendered, by id: when they were opened. They hold a place in the caps. */
  let pending = dict<number>()
  const said = dict<string>()
  let latest: Decision[] = []
  let timer: unknown
  let userWait: unknown
  let flowsPending = !!deps.fetchFlows
  let userReady = true
  let userGen = 0
  let epoch = 0
  let dead = false
  let busy = false
  let again = false

  const flows = (): FlowEnvelope[] => {
    const byId = new Map<string, FlowEnvelope>()
    for (const f of [...inline, ...remote]) byId.set(f.id, f)
    return [...byId.values()]
  }
  const setFlows = (): void => {
    windowed = windowedEvents(flows())
  }
  const emit = (f: FlowEnvelope | string, type: FlowEventType, extra: Omit<FlowEventPayload, 'flowId'> = {}): void => {
    const p: FlowEventPayload = { flowId: typeof f === 'string' ? f : f.id, ...extra }
    if (typeof f !== 'string' && f.version !== undefined) p.flowVersion = f.version
    if (type === 'flow_error') log(`${p.flowId}: error ${p.reason ?? ''} ${JSON.stringify(p.props ?? '')}`)
    deps.emit(type, p, typeof f === 'string' ? undefined : f.kind)
  }
  const invalid = (errors: FlowEventPayload[]): void => errors.forEach((e) => emit(e.flowId, 'flow_error', e))
  /** Saves merged with what another tab may have saved meanwhile, and keeps that merge. */
  const persist = (): void => {
    try {
      state = mergeState(readState(deps.load('state')), state)
      deps.save('state', state)
    } catch (e) {
      log(`could not save state: ${String(e)}`)
    }
  }
  const change = (f: (s: EngineState) => EngineState): void => {
    state = f(state)
    persist()
  }
  /** Updates one flow's state; `active` when the user did it (keeps the visit going). */
  const patch = (id: string, p: Partial<FlowState>, active?: boolean): void =>
    change((s) => {
      const next = { ...s, flows: { ...s.flows, [id]: { ...(own(s.flows, id) ?? { shownCount: 0 }), ...p } } }
      return active ? touch(next, deps.now()) : next
    })
  /** Runs an async dependency without letting a throw or rejection escape; `then` gets `undefined` on failure. */
  const task = <T>(start: () => Promise<T>, then: (value: T | undefined) => void): void => {
    Promise.resolve()
      .then(start)
      .then(then, (e: unknown) => {
        log(String(e))
        then(undefined)
      })
      .catch((e: unknown) => log(String(e)))
  }

  function run(): void {
    if (dead) return
    if (busy) {
      again = true
      return
    }
    busy = true
    try {
      // A listener reacting to an event emitted during a pass asks for another pass; a few suffice.
      for (let i = 0; i < 4; i++) {
        again = false
        pass()
        if (!again) break
      }
    } catch (e) {
      log(`engine error: ${String(e)}`)
    }
    busy = false
  }

  function pass(): void {
    const now = deps.now()
    const user = deps.getUser()
    const known = flows()
    const asks: (Ask & { opts: unknown })[] = []
    requests = requests.filter((r) => {
      const flow = r.flow ?? known.find((f) => f.id === r.id)
      if (!flow) {
        if (!flowsPending) emit(r.id, 'flow_error', { reason: 'unknown_flow' })
        return flowsPending
      }
      if (r.kind && flow.kind !== r.kind) {
        emit(flow, 'flow_error', { reason: 'invalid', props: { path: '$.kind', message: `show*() expected a ${r.kind}, "${flow.id}" is a ${flow.kind}` } })
        return false
      }
      asks.push({ flow, at: r.at, opts: r.opts, force: (r.opts as { force?: unknown } | undefined)?.force === true })
      return true
    })
    const held = Object.values(pending)
    latest = decide({
      flows: userReady ? known : [], asks, state: held.length ? { ...state, auto: [...state.auto, ...held] } : state, user: user.userId ?? user.anonymousId, traits: user.traits ?? {},
      url, now, since, screen, failed, limits,
    })
    since = dict()
    let next = Infinity
    for (const d of latest) {
      const ask = d.manual ? asks.find((a) => a.flow.id === d.id) : undefined
      const flow = ask?.flow ?? (known.find((f) => f.id === d.id) as FlowEnvelope)
      if (d.since !== undefined) since[d.id] = d.since
      const line = `${d.verdict}${d.at === undefined ? '' : ` at ${new Date(d.at).toISOString()}`}: ${d.reason}`
      if (said[d.id] !== line) log(`${d.id}: ${(said[d.id] = line)}`)
      if (d.heldOut) {
        patch(d.id, { heldOutAt: now })
        emit(flow, 'flow_held_out')
      }
      if (d.at !== undefined) next = Math.min(next, d.at)
      if (ask && d.verdict !== 'later') requests = requests.filter((r) => r.id !== d.id)
      if (d.verdict === 'now') open(flow, d, ask?.opts, now)
    }
    if (timer !== undefined) deps.clearTimeout(timer)
    timer = undefined
    if (next < Infinity) {
      timer = deps.setTimeout(() => {
        timer = undefined
        run()
      }, Math.min(Math.max(next - now, 0), MAX_TIMER))
    }
  }

  function open(flow: FlowEnvelope, d: Decision, opts: unknown, now: number): void {
    const id = flow.id
    const mine = epoch
    let shown = !!d.resume
    let done = false
    const counted = !d.manual && !d.resume
    screen[id] = isModal(flow)
    if (counted) pending[id] = now
    const gone = (): boolean => done || dead || mine !== epoch
    const mark = (): void => {
      if (shown) return
      shown = true
      const t = deps.now()
      delete pending[id]
      if (counted) change((s) => ({ ...s, auto: [...s.auto, t] }))
      patch(id, { shownAt: t, shownCount: (own(state.flows, id)?.shownCount ?? 0) + 1 })
      if (flow.kind === 'survey') change((s) => ({ ...s, surveyAt: t }))
      emit(flow, 'flow_shown', { reason: d.manual ? 'manual' : 'auto' })
    }
    const end = (p: Partial<FlowState>, type?: FlowEventType, extra?: Omit<FlowEventPayload, 'flowId'>): void => {
      if (gone()) return
      done = true
      delete screen[id]
      delete handles[id]
      delete pending[id]
      // Completing or dismissing means the user saw it; closing (e.g. its target never appeared) does not.
      if (type) {
        mark()
        patch(id, p, true)
        emit(flow, type, extra)
      }
      run()
    }
    const controls: FlowControls = {
      state: own(state.flows, id),
      via: d.manual ? 'manual' : d.resume ? 'resume' : 'auto',
      opts,
      step(stepIndex, stepId) {
        if (gone()) return
        mark()
        patch(id, { step: stepIndex }, true)
        emit(flow, 'flow_step', stepId === undefined ? { stepIndex } : { stepIndex, stepId })
      },
      complete: () => end({ completedAt: deps.now() }, 'flow_completed'),
      dismiss: (stepIndex, reason) =>
        end({ dismissedAt: deps.now() }, 'flow_dismissed', { ...(stepIndex !== undefined && { stepIndex }), ...(reason !== undefined && { reason }) }),
      error(reason, stepIndex) {
        if (!gone()) emit(flow, 'flow_error', stepIndex === undefined ? { reason } : { reason, stepIndex })
      },
      close() {
        if (!gone()) failed[id] = 'closed by its widget on this page'
        end({})
      },
    }
    Promise.resolve()
      .then(() => deps.render(flow, controls))
      .then(
        (handle) => {
          if (gone()) handle?.close()
          else {
            if (handle) handles[id] = handle
            mark()
          }
        },
        (e: unknown) => {
          if (gone()) return
          // A chunk that failed to load or threw: report it, free the screen, let the others run.
          failed[id] = 'failed to render on this page'
          emit(flow, 'flow_error', { reason: 'render_failed', props: { message: String(e).slice(0, 500) } })
          done = true
          delete screen[id]
          delete pending[id]
          run()
        },
      )
      .catch((e: unknown) => log(String(e)))
  }

  function closeAll(): void {
    epoch++
    for (const id in handles) {
      try {
        handles[id]?.close()
      } catch (e) {
        log(String(e))
      }
    }
    handles = dict()
    pending = dict()
    screen = dict()
    failed = dict()
    since = dict()
    requests = []
  }

  function syncUser(): void {
    const fetch = deps.fetchUserState
    if (!fetch) return
    const gen = ++userGen
    userReady = false
    const ready = (): void => {
      if (gen === userGen) userReady = true
      run()
    }
    if (userWait !== undefined) deps.clearTimeout(userWait)
    const wait = (userWait = deps.setTimeout(ready, USER_STATE_WAIT))
    task(
      () => fetch(),
      (remote) => {
        deps.clearTimeout(wait)
        if (remote && !dead && gen === userGen) change((s) => mergeState(s, remote))
        ready()
      },
    )
  }

  const touched = (f: (s: EngineState, now: number) => EngineState): void => {
    if (dead) return
    const now = deps.now()
    change((s) => touch(f(s, now), now))
    run()
  }

  const engine: FlowEngine = {
    show(flow, kind, opts) {
      if (dead) return
      const at = deps.now()
      let request: Request
      if (typeof flow === 'string') request = { id: flow, kind, at, opts }
      else {
        const def = kind && typeof flow === 'object' && flow !== null && !('kind' in flow) ? { ...flow, kind } : flow
        const v = validateFlows([def])
        const valid = v.flows[0]
        if (!valid) return invalid(v.errors)
        request = { id: valid.id, flow: valid, kind, at, opts }
      }
      requests = [...requests.filter((r) => r.id !== request.id), request]
      run()
    },
    track: (name) => touched((s, now) => recordEvent(s, name, now, windowed.has(name))),
    milestone(name) {
      const first = !dead && own(state.milestones, name) === undefined
      touched((s, now) => (own(s.milestones, name) === undefined ? { ...s, milestones: { ...s.milestones, [name]: now } } : s))
      return first
    },
    navigate(next) {
      url = next
      since = dict()
      failed = dict()
      touched((s) => s)
    },
    identify() {
      syncUser()
      run()
    },
    reset() {
      if (dead) return
      closeAll()
      state = touch(emptyState(), deps.now())
      try {
        deps.save('state', state)
      } catch (e) {
        log(String(e))
      }
      syncUser()
      run()
    },
    destroy() {
      if (dead) return
      closeAll()
      dead = true
      for (const t of [timer, userWait]) if (t !== undefined) deps.clearTimeout(t)
      userGen++
      unsubscribe?.()
    },
    decisions: () => latest,
  }

  try {
    state = readState(deps.load('state'))
  } catch (e) {
    log(`could not read state: ${String(e)}`)
  }
  if (options.flows !== undefined) {
    const v = validateFlows(options.flows)
    inline = v.flows
    invalid(v.errors)
  }
  try {
    const cached = deps.load('flows') as { etag?: unknown; flows?: unknown } | undefined
    if (cached?.flows) remote = validateFlows(cached.flows).flows
    if (deps.fetchFlows) {
      const fetchFlows = deps.fetchFlows
      task(
        () => fetchFlows(typeof cached?.etag === 'string' ? cached.etag : undefined),
        (fresh) => {
          if (fresh && !dead) {
            const v = validateFlows(fresh.flows)
            remote = v.flows
            invalid(v.errors)
            setFlows()
            deps.save('flows', { etag: fresh.etag, flows: fresh.flows })
          }
          flowsPending = false
          run()
        },
      )
    }
  } catch (e) {
    log(`could not read cached flows: ${String(e)}`)
  }
  setFlows()
  const unsubscribe = deps.onNavigate?.((u) => engine.navigate(u))
  syncUser()
  touched((s) => s)

  return engine
}
