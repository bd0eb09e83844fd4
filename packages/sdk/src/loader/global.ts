import type { Cairn, InitOptions } from '../core/types.ts'

/** `window.cairn`: the SDK object, plus `init` for pages that start it from code or the snippet. */
export type CairnGlobal = Cairn & { init(options: InitOptions): Cairn }

/**
 * A call recorded before the SDK was running: `[method, args, cancelled?, off?]`. The snippet pushes
 * these onto `window.cairn._q`; `cancelled` is set when the page unsubscribes a queued `on()` early.
 */
export type QueuedCall = [string, unknown[], (0 | 1)?, (() => void)?]

/** Calls kept while waiting for `init`; a page that never calls it must not grow memory for ever. */
const MAX_PENDING = 200

const METHODS = 'identify track showTour showSurvey showChecklist showAnnouncement showFeed preview on flush reset optOut optIn destroy'.split(' ') as (keyof Cairn)[]

/**
 * Builds `window.cairn`. Before `init`, calls are kept and replayed in order once it runs; after it,
 * they go straight to the instance. A second `init` with the same key returns this object; with
 * another key it starts a separate instance (which does not become `window.cairn`).
 * @param start `init` with the script's extras (chunk loading)
 */
export function createGlobal(start: (options: InitOptions) => Cairn, defaults: Partial<InitOptions>): CairnGlobal {
  let instance: Cairn | undefined
  let key: string | undefined
  const pending: QueuedCall[] = []

  const call = (entry: QueuedCall): unknown => {
    const [method, args] = entry
    if (!instance) {
      if (pending.length < MAX_PENDING) pending.push(entry)
      return method == 'on'
        ? () => {
          entry[2] = 1
          entry[3]?.()
        }
        : method == 'flush' ? Promise.resolve() : undefined
    }
    if (entry[2]) return undefined
    const result = (instance[method as keyof Cairn] as (...a: unknown[]) => unknown)(...args)
    if (method == 'on') entry[3] = result as () => void
    return result
  }

  const global = { init } as CairnGlobal
  for (const method of METHODS) (global as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => call([method, args])
  // The stores and the headless reports: the instance's own, once there is one.
  for (const name of ['stores', 'flows', 'checklists', 'surveys', 'feed'] as const) Object.defineProperty(global, name, { enumerable: true, get: () => instance?.[name] })

  function init(options: InitOptions): Cairn {
    // Whatever `options` is, `init` copies only the option names it knows.
    const merged = { ...defaults, ...options }
    if (instance) {
      if (merged.key === key) return global
      return start(merged)
    }
    instance = start(merged)
    key = merged.key
    for (const entry of pending.splice(0)) call(entry)
    return global
  }

  return global
}

/** Replays calls the snippet recorded (`window.cairn._q`), in order, on the real global. */
export function replay(global: CairnGlobal, queued: unknown): void {
  if (!Array.isArray(queued)) return
  for (const entry of queued as QueuedCall[]) {
    const [method, args] = Array.isArray(entry) ? entry : []
    if (typeof method != 'string' || entry[2] || !Object.hasOwn(global, method)) continue
    const result = (global[method as keyof CairnGlobal] as (...args: unknown[]) => unknown)(...(Array.isArray(args) ? args : []))
    if (method == 'on') entry[3] = result as () => void
  }
}
