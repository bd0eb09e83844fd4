import { matchUrl, type FlowEnvelope } from '@cairn/protocol'
import { atom } from 'nanostores'
import { createFlowEngine } from '../engine/index.ts'
import type { FlowEngineDeps, StoredName } from '../engine/index.ts'
import type { RuntimeOptions, WidgetRuntime } from '../widgets/runtime.ts'
import type { EngineFactory, EventInput } from './engine.ts'
import type { StoreSide } from './store-side.ts'
import type { PreviewModule } from '../widgets/preview.tsx'

import { chunkDeps } from './chunk-deps.ts'
import { refreshDue } from './refresh.ts'
import { readJson } from './storage.ts'
import type { CairnEventMap } from './types.ts'

type StoreModule = typeof import('./store-side.ts')

/** Longest a read from the collector may take; a hung one counts as failed and the engine goes on with what it has. */
const READ_TIMEOUT = 10_000
/** The waits before the second and third try of a read that failed on the way (network, 429, 5xx): one blip must not cost a page its flows. */
const RETRIES = [1_000, 4_000]

/** What the lazily loaded `runtime` chunk exports, as far as the core uses it. */
type RuntimeModule = { createRuntime(options: RuntimeOptions): WidgetRuntime }

/** The browser parts the flow engine needs besides what the client hands it; tests pass twins. */
export type EngineEnv = {
  /** For the collector's flows and user state. */
  fetch: typeof fetch
  /** The page's full URL now. */
  url(): string
  /** SPA navigations (`navigation(window)`). */
  onNavigate?: ((listener: (url: string) => void) => () => void) | undefined
  /** Another tab wrote a storage key (the `storage` event), or `null`: any key may have changed (cleared, or not heard); returns an unsubscribe function. */
  onStorage?: ((listener: (key: string | null) => void) => () => void) | undefined
  /**
   * Runs `run` when the page is idle: where widget chunks are fetched ahead for flows that may show
   * soon. Absent, nothing is fetched ahead (a chunk loads when its first flow shows).
   */
  idle?: ((run: () => void) => void) | undefined
  /**
   * The page became visible again or regained focus; `hidden` says whether it is hidden now. Returns
   * an unsubscribe function. Absent, the user's state is read only on start and identify.
   */
  onReturn?: ((listener: (hidden: boolean) => void) => () => void) | undefined
  /** Where debug explanations go. @default globalThis.console */
  console?: Pick<Console, 'info'> | undefined
}

/**
 * The {@link EngineFactory} that connects the flow engine (`engine/`) to the client: time, user,
 * URL, storage and the collector's reads go in; lifecycle events come out to the queue and to
 * `sdk.on()`; widgets render through the widget runtime, whose chunk loads the first time a flow
 * shows. One runtime per client, destroyed with it. See docs/flow-engine.md ("Wiring").
 * @example createClient({ …, engine: flowEngine({ fetch, url: () => location.href, onNavigate: navigation(window) }) })
 */
export function flowEngine(env: EngineEnv): EngineFactory {
  return (host, early) => {
    const { options, storage, endpoint } = host
    const stored = (name: StoredName | 'user') => `${host.keys.base}engine:${name}`
    const save = (name: StoredName | 'user', value: string) => host.optedOut() || storage.set(stored(name), value)
    const { onStorage, idle } = env
    const ahead = new Set<string>()
    const { headless } = options
    // A flow's own `headless` wins over its kind's.
    const owns = (flow: FlowEnvelope) => flow.headless ?? (headless === true || (Array.isArray(headless) && headless.includes(flow.kind)))
    /** A chunk with every chunk it imports, all asked for at once (see `chunk-deps.ts`). */
    const load = (name: string) => {
      for (const dep of chunkDeps(name)) host.loadChunk(dep).catch(() => {})
      return host.loadChunk(name)
    }
    /** Shows `flow` past every rule of the engine, kept nowhere: the `preview` chunk (widgets/preview.tsx). */
    const preview = (flow: unknown) => void load('preview').then((m) => (m as PreviewModule).preview(host, flow, env.fetch)).catch((e) => host.fail('preview', e))
    // A preview page (`?cairn_preview=<flowId>`) runs no other flow, and the engine keeps nothing of it.
    const asked = /[?&]cairn_preview=([^&#]+)/.exec(env.url())
    if (asked) {
      preview(asked[1])
      return { show: (kind, flow) => kind == 'preview' && preview(flow) }
    }
    let side: Promise<StoreSide> | undefined
    let loaded: StoreSide | undefined
    /** The stores' and headless flows' side, loaded once; after a failure the next call tries again. */
    const stores = () => {
      const loading = (side ??= load('stores').then((m) => (loaded = (m as StoreModule).storeSide(host, engine, owns, atom))))
      loading.catch((error) => side === loading && ((side = undefined), host.fail('stores_chunk', error)))
      return loading
    }
    let runtime: Promise<WidgetRuntime> | undefined
    let dead = false
    /** When the user's state was last asked for (see `onReturn`). */
    let synced: number | undefined
    // Listeners hear about events one microtask later, so that `on()` right after `init()` also hears
    // what the engine said while starting (an invalid inline flow).
    const tell = <E extends keyof CairnEventMap>(name: E, payload: CairnEventMap[E]) =>
      queueMicrotask(() => host.emit(name, payload))
    /**
     * A GET from the collector with the project's write key; rejects on failure (the engine logs it).
     * A "simple" CORS request — no custom header, so no preflight before each page's first flow: the
     * browser's HTTP cache does the conditional `If-None-Match` itself (the collector answers
     * `Cache-Control: no-cache` with an ETag, so every read is revalidated and a 304 costs no body).
     * Default credentials ('same-origin', so no cookies to another origin), as a page's
     * `<link rel="preload" as="fetch" crossorigin>` of the flows asks, so that the browser can hand that over.
     */
    const read = async (path: string, tries = 0): Promise<Response> => {
      let response: Response | undefined
      let failure: unknown
      try {
        response = await env.fetch(`${endpoint}/v1/${path}key=${encodeURIComponent(options.key)}`, {
          signal: AbortSignal.timeout?.(READ_TIMEOUT),
        })
      } catch (error) {
        failure = error
      }
      if (response && (response.ok || response.status == 304)) return response
      const status = response?.status ?? 0
      if (response) failure = new Error(`GET /v1/${path} HTTP ${status}`)
      if (dead || tries >= RETRIES.length || (status && status < 500 && status != 429)) throw failure
      await new Promise((again) => host.clock.setTimeout(again as () => void, RETRIES[tries]!))
      return read(path, tries + 1)
    }

    /** The widget runtime, made once; after a failure the next call tries again (the network may be back). */
    const widgets = () => {
      // The runtime takes what it knows of init's options (locale, contentLocale, theme, nonce, debug).
      const loading = (runtime ??= load('runtime').then((m) => (m as RuntimeModule).createRuntime({ ...options, loadChunk: host.loadChunk, matchUrl, user: host.user })))
      loading.catch(() => runtime === loading && (runtime = undefined))
      return loading
    }

    const deps: FlowEngineDeps = {
      now: () => host.clock.now(),
      setTimeout: (run, ms) => host.clock.setTimeout(run, ms),
      clearTimeout: (cancel) => (cancel as () => void)(),
      getUser: () => ({ userId: host.user()?.id, anonymousId: host.anonymousId(), traits: host.user()?.traits }),
      getUrl: () => env.url(),
      load: (name) => readJson(storage, stored(name)),
      save: (name, value) => void save(name, JSON.stringify(value)),
      emit(type, payload, kind) {
        host.record({ type, ...payload } as EventInput)
        const message = payload.props?.['message']
        tell((type == 'survey_answer' ? 'survey:answered' : `flow:${type.slice(5)}`) as 'flow:error', {
          ...payload, ...(kind && { kind }), ...(typeof message == 'string' && { message }),
        } as CairnEventMap['flow:error'])
      },
      // The kind's chunk is asked for beside the runtime, which would otherwise ask for it only once it has loaded.
      render: (flow, controls) => owns(flow) ? (loaded ? loaded.render(flow, controls) : stores().then((s) => s.render(flow, controls))) : (load(flow.kind).catch(() => {}), widgets()).then(
        (r) => (dead ? undefined : r.render(flow, controls)),
        () => {
          controls.error('chunk_failed')
          controls.close()
        },
      ),
      // Once per kind: the runtime (made, not only fetched) and the kind's chunk, so that the flow shows
      // without a fetch when its trigger holds. A failure here is the render's to report, if the flow shows.
      prefetch: idle && ((kind) => owns({ kind } as FlowEnvelope) || ahead.has(kind) || (ahead.add(kind), idle(() => void Promise.all([widgets(), load(kind)]).catch(() => {})))),
      milestone(name) {
        host.record({ type: 'milestone', name })
        tell('milestone', { name })
      },
      onNavigate: env.onNavigate,
      onStored: onStorage && ((listener) => onStorage((key) => (key === null || key == stored('state')) && listener())),
      log: options.debug ? (message) => (env.console ?? console).info('[cairn]', message) : undefined,
      changed() {
        host.stores()?.refresh()
        if (!side && (headless !== undefined || host.stores() || host.listens('stores'))) void stores().catch(() => {})
      },
      // Only with an endpoint: `GET /v1/flows?key=…` (the same ETag as the cached list means "not modified").
      fetchFlows: endpoint
        ? async (etag) => {
          const first = early
          early = undefined
          // The early read is the lazy loader's, made without retries: if it failed, this one tries again.
          const [response, answer] = (await first?.then((f) => (f[0].ok ? f : undefined), () => undefined)) ?? [await read('flows?')]
          const tag = response.headers.get('etag')
          if (response.status == 304 || (tag && tag == etag)) return undefined
          const { flows, milestones } = (answer ?? (await response.json())) as { flows?: unknown; milestones?: unknown }
          if (!Array.isArray(flows)) throw new Error('GET /v1/flows: no list of flows')
          return { flows, etag: tag, milestones }
        }
        : undefined,
      // `GET /v1/users/:id/state?key=…[&hash=…]`: what this user did on every device (nothing while opted out).
      fetchUserState: endpoint
        ? async () => {
          const user = host.user()
          synced = host.clock.now()
          return user && !host.optedOut() ? (await read(`users/${encodeURIComponent(user.id)}/state?${user.hash ? `hash=${user.hash}&` : ''}`)).json() : undefined
        }
        : undefined,
    } as FlowEngineDeps

    // The stored state belongs to the user who was signed in when it was saved ('' when anonymous):
    // a page that starts with another user (or none) starts afresh, as `identityChanged` does later.
    let last = host.user()?.id
    const owner = host.storage.get(stored('user'))
    if (owner && owner !== last) host.storage.remove(stored('state'))
    save('user', last ?? '')
    const engine = createFlowEngine(deps, { flows: options.flows, ...(options.limits && { limits: options.limits }) })
    // Back on this page: what the user did on another device meanwhile (ticks, completions) shows here.
    const unreturn = endpoint && env.onReturn?.((hidden) => host.user() && refreshDue(host.clock.now(), synced, hidden) && engine.identify())
    return {
      show: (kind, flow, opts) => (kind == 'preview' ? preview(flow) : engine.show(flow, kind, opts)),
      observe(event) {
        if (event.type === 'track') engine.track(event.name)
        else if (event.type === 'milestone' && engine.milestone(event.name)) tell('milestone', { name: event.name })
      },
      // In order with what the page tracks, once the side is here.
      report: (method, args) => (loaded ? loaded.report(method, args) : void stores().then((s) => s.report(method, args), () => {})),
      identityChanged() {
        // Anonymous → known keeps this device's history; logout or another user starts afresh.
        const id = host.user()?.id
        if (id === undefined || (last !== undefined && id !== last)) engine.reset()
        else engine.identify()
        save('user', (last = id) ?? '')
      },
      destroy() {
        dead = true
        if (unreturn) unreturn()
        engine.destroy()
        runtime?.then((r) => r.destroy()).catch(() => {})
      },
    }
  }
}
