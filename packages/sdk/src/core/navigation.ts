/** The parts of `window` that SPA navigations are read from. */
export type NavigationWindow = Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'> & {
  /** The Navigation API, where the browser has one. */
  navigation?: EventTarget | undefined
}

/** The shared patch: who listens, our wrappers, and what was there before them. */
type Hub = { listeners: Set<() => void>; wrappers: Function[]; before: (PropertyDescriptor | undefined)[] }
type Patched = History & { [HUB]?: Hub }

/**
 * Where the patch lives: on the page's `history` itself, under a global symbol, so every Cairn
 * instance — also from another copy of the SDK (script tag and npm build on one page) — shares one
 * patch instead of wrapping `pushState` once per instance.
 */
const HUB = Symbol.for('cairn.history.v1')
const METHODS = ['pushState', 'replaceState'] as const

/**
 * SPA navigations of `win`, for the flow engine's URL triggers: calls the listener with the new URL
 * whenever it changes without a page load. With the Navigation API that is one
 * `currententrychange` listener (it covers `pushState`, `replaceState`, back/forward and fragment
 * changes) and the page's `history` is left alone; without it, `popstate`, `hashchange` and a shared,
 * removable patch of `pushState`/`replaceState`. The returned function stops listening.
 * @example const stop = navigation(window)((url) => engine.navigate(url))
 */
export function navigation(win: NavigationWindow): (listener: (url: string) => void) => () => void {
  return (listener) => {
    let last = win.location.href
    const check = () => {
      const url = win.location.href
      if (url !== last) listener((last = url))
    }
    const nav = win.navigation
    const target = nav ?? win
    const types = nav ? ['currententrychange'] : ['popstate', 'hashchange']
    const each = (method: 'addEventListener' | 'removeEventListener') => types.forEach((type) => target[method](type, check))
    each('addEventListener')
    if (nav) return () => each('removeEventListener')
    const history = win.history as Patched
    // Wraps `pushState`/`replaceState` once per page; the wrappers call every listener in the hub.
    let hub = history[HUB]
    if (!hub) {
      const listeners = new Set<() => void>()
      hub = history[HUB] = { listeners, wrappers: [], before: [] }
      for (const name of METHODS) {
        const original = history[name]
        hub.before.push(Object.getOwnPropertyDescriptor(history, name))
        hub.wrappers.push(history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
          const result = original.apply(this, args)
          listeners.forEach((run) => {
            try {
              run()
            } catch {
              // The page's navigation must go on whatever a listener does.
            }
          })
          return result
        })
      }
    }
    const { listeners, wrappers, before } = hub
    listeners.add(check)
    return () => {
      listeners.delete(check)
      each('removeEventListener')
      // Undone once no instance listens; when the page (or a router) wrapped a method again after us,
      // everything stays: our wrapper inside its chain just has nobody to call.
      if (listeners.size || METHODS.some((name, i) => history[name] !== wrappers[i])) return
      METHODS.forEach((name, i) => {
        if (before[i]) Object.defineProperty(history, name, before[i])
        else delete (history as Partial<History>)[name]
      })
      delete history[HUB]
    }
  }
}
