import type { FlowEnvelope, FlowState, UserState } from '@cairn/protocol'
import type { EngineEventType, EnginePayload, FlowControls, FlowEngineDeps, FlowUser } from '../../../packages/sdk/src/engine/index.ts'

export type Rendered = { flow: FlowEnvelope; controls: FlowControls; open: boolean }

/** Lets pending promise callbacks run (render, fetches). */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * In-memory twins of everything the engine needs: a manual clock with timers, JSON storage (shared
 * between engines to stand for reloads and tabs), a render that records widgets, recorded events and logs.
 */
export function fakeDeps(init: { now?: number; url?: string; user?: FlowUser; store?: Map<string, string> } = {}) {
  let now = init.now ?? 1_700_000_000_000
  let nextId = 0
  let timers: { id: number; at: number; fn: () => void }[] = []
  const navigation = new Set<(url: string) => void>()
  const fake = {
    store: init.store ?? new Map<string, string>(),
    user: init.user ?? ({ anonymousId: 'anon-1', traits: {} } as FlowUser),
    events: [] as [EngineEventType, EnginePayload][],
    /** The kind given with each event, for `sdk.on` listeners. */
    kinds: [] as (string | undefined)[],
    rendered: [] as Rendered[],
    logs: [] as string[],
    /** What render does: resolve (default) or reject, per flow. */
    renderFails: new Set<string>(),
    get open() {
      return fake.rendered.filter((r) => r.open)
    },
    /** Moves the clock, firing due timers in order. */
    async advance(ms: number) {
      const end = now + ms
      for (let i = 0; i < 1000; i++) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0]
        if (!due) break
        now = Math.max(now, due.at)
        timers = timers.filter((t) => t !== due)
        due.fn()
        await settle()
      }
      now = end
      await settle()
    },
    navigateTo(url: string) {
      for (const l of navigation) l(url)
    },
    typesOf: (flowId?: string) => fake.events.filter(([, p]) => flowId === undefined || p.flowId === flowId).map(([t]) => t),
    get timerCount() {
      return timers.length
    },
  }
  const deps: FlowEngineDeps = {
    now: () => now,
    setTimeout(fn, ms) {
      timers.push({ id: ++nextId, at: now + ms, fn })
      return nextId
    },
    clearTimeout(id) {
      timers = timers.filter((t) => t.id !== id)
    },
    getUser: () => fake.user,
    getUrl: () => init.url ?? 'https://app.example.com/home',
    load: (name) => {
      const raw = fake.store.get(name)
      return raw === undefined ? undefined : JSON.parse(raw)
    },
    save: (name, value) => void fake.store.set(name, JSON.stringify(value)),
    emit(type, payload, kind) {
      fake.events.push([type, payload])
      fake.kinds.push(kind)
    },
    render(flow, controls) {
      if (fake.renderFails.has(flow.id)) return Promise.reject(new Error(`chunk for ${flow.kind} failed to load`))
      const r: Rendered = { flow, controls, open: true }
      fake.rendered.push(r)
      // A widget leaves the screen when it reports an end, or when the engine closes it.
      const end = () => void (r.open = false)
      for (const k of ['complete', 'dismiss', 'close'] as const) {
        const original = controls[k]
        ;(controls as Record<string, unknown>)[k] = (...args: unknown[]) => {
          end()
          ;(original as (...a: unknown[]) => void)(...args)
        }
      }
      return Promise.resolve({ close: end })
    },
    onNavigate(listener) {
      navigation.add(listener)
      return () => void navigation.delete(listener)
    },
    log: (m) => void fake.logs.push(m),
  }
  return { deps, fake }
}

/** A collector that answers flows with an ETag and a user state. */
export function fakeCollector(flows: unknown[], etag = '"v1"', userState?: UserState) {
  const calls: (string | undefined)[] = []
  return {
    calls,
    fetchFlows: async (sent: string | undefined) => {
      calls.push(sent)
      return sent === etag ? undefined : { flows, etag }
    },
    fetchUserState: async () => userState,
  }
}

/** Follows one flow's state in the engine's `$state`, as a widget does: now, and after every change. */
export const follow = (controls: FlowControls, id: string, listener: (state: FlowState | undefined) => void): (() => void) =>
  controls.$state.subscribe((state) => listener(Object.hasOwn(state.flows, id) ? state.flows[id] : undefined))
