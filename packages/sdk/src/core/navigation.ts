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
const EVENTS = ['popstate', 'hashchange']

/** Wraps `pushState`/`replaceState` once per page; the wrappers call every listener in the hub. */
function patch(history: Patched): Hub {
  let hub = history[HUB]
  if (!hub) {
    const listeners = new Set<() => void>()
    hub = { listeners, wrappers: [], before: [] }
    for (const name of METHODS) {
      const original = history[name]
      const wrapper = function (this: History, ...args: Parameters<History['pushState']>) {
        const result = original.apply(this, args)
        for (const listener of listeners) {
          try {
            listener()
          } catch {
            // The page's navigation must go on whatever a listener does.
          }
        }
        return result
      }
      hub.before.push(Object.getOwnPropertyDescriptor(history, name))
      hub.wrappers.push(wrapper)
      history[name] = wrapper
    }
    Object.defineProperty(history, HUB, { value: hub, configurable: true })
  }
  return hub
}

/**
 * Undoes the patch once no instance listens. When the page (or a router) wrapped a method again after
 * us, everything stays: our wrapper inside its chain just has nobody to call.
 */
function unpatch(history: Patched, hub: Hub): void {
  if (hub.listeners.size || METHODS.some((name, i) => history[name] !== hub.wrappers[i])) return
  METHODS.forEach((name, i) => {
    const before = hub.before[i]
    if (before) Object.defineProperty(history, name, before)
    else delete (history as Partial<History>)[name]
  })
  delete history[HUB]
}

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
    if (nav) {
      nav.addEventListener('currententrychange', check)
      return () => nav.removeEventListener('currententrychange', check)
    }
    const history = win.history as Patched
    const hub = patch(history)
    hub.listeners.add(check)
    for (const type of EVENTS) win.addEventListener(type, check)
    return () => {
      hub.listeners.delete(check)
      for (const type of EVENTS) win.removeEventListener(type, check)
      unpatch(history, hub)
    }
  }
}
