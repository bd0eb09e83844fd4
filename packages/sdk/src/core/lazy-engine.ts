import type { EngineFactory, EngineHost, FlowEngine, FlowsRead } from './engine.ts'
import { readJson } from './storage.ts'

/** Calls made while the engine chunk loads; past this many the oldest tracked events are not counted. */
const PENDING = 500

/**
 * Keeps the flow engine out of `cairn.js`: the real engine (`load`, the `engine` chunk) starts only
 * when this page has something to decide about — inline flows, flows or milestones the collector
 * served to an earlier page (cached) or serves now, a flow in progress to resume, or a `show*()` call. Until it has loaded, calls
 * wait in order; on a page with nothing to decide, tracked events are not buffered at all.
 */
export function lazyEngine(load: (host: EngineHost) => Promise<EngineFactory>, read: typeof fetch = (url, init) => fetch(url, init)): EngineFactory {
  return (host) => {
    const { options, endpoint } = host
    let engine: FlowEngine | undefined
    let loading: Promise<unknown> | undefined
    let dead: boolean | undefined
    /** This page's first read of the flows, handed to the engine (parsed) so that it does not ask again. */
    let early: Promise<FlowsRead> | undefined
    const pending: ((e: FlowEngine) => void)[] = []
    const start = () => {
      loading ??= load(host).then(
        (factory) => {
          if (dead) return
          engine = factory(host, early)
          for (const call of pending.splice(0)) call(engine)
        },
        (error) => {
          loading = undefined
          pending.length = 0
          host.fail('engine_chunk', error)
        },
      )
    }
    const use = (call: (e: FlowEngine) => void, needed?: boolean) => {
      if (engine) return call(engine)
      if (needed) start()
      if (loading && pending.push(call) > PENDING) pending.shift()
    }
    const some = (x: unknown) => Array.isArray(x) && x.length > 0
    const worth = (answer: unknown) => some((answer as { flows?: unknown })?.flows) || some((answer as { milestones?: unknown })?.milestones)

    const stored = (name: string) => readJson(host.storage, `${host.keys.base}engine:${name}`)
    // `live`: definitions of flows in progress that this page may resume (engine/live.ts).
    if (some(options.flows) || worth(stored('flows')) || some(stored('live'))) start()
    else if (endpoint) {
      // The browser's default credentials ('same-origin': no cookies to another origin), the same request
      // as the README's `<link rel="preload" as="fetch" crossorigin>`, which the browser then hands over.
      early = read(`${endpoint}/v1/flows?key=${encodeURIComponent(options.key)}`)
        .then(async (r): Promise<FlowsRead> => [r, r.ok ? await r.json() : undefined])
      early.then(([, answer]) => worth(answer) && start(), () => {})
    }
    return {
      show: (kind, flow, opts) => use((e) => e.show(kind, flow, opts), true),
      observe: (event) => use((e) => e.observe?.(event)),
      // Starts the engine: a report about a flow that is not on screen is explained by it.
      report: (method, args) => use((e) => e.report?.(method, args), true),
      identityChanged: () => use((e) => e.identityChanged?.()),
      destroy() {
        dead = true
        engine?.destroy?.()
      },
    }
  }
}
