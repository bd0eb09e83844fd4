import { flowEngine, type EngineEnv } from './flow-engine-adapter.ts'
import type { EngineFactory } from './engine.ts'
import { navigation } from './navigation.ts'

/** When the page is idle (within `wait` ms), or on the next turn where it can't tell. */
const later = (win: Window, run: () => void, wait: number) => (win.requestIdleCallback ? win.requestIdleCallback(run, { timeout: wait }) : win.setTimeout(run, 1))

/**
 * The `engine` chunk: the flow engine with its browser wiring (collector reads, SPA navigation, the
 * storage event). `cairn.js` loads it only on a page that has flows to decide about (see
 * `lazy-engine.ts`), so a page that only tracks pays for neither.
 */
export function browserFlowEngine(win: Window): EngineFactory {
  return flowEngine(browserEnv(win))
}

/** The browser parts of the engine's wiring, from `win`. */
export function browserEnv(win: Window): EngineEnv {
  return {
    fetch: (url, request) => fetch(url, request),
    url: () => win.location.href,
    onNavigate: navigation(win),
    // Not on a connection the reader asked to spare (Save-Data).
    idle: (win.navigator as { connection?: { saveData?: boolean } }).connection?.saveData
      ? undefined
      : (run) => later(win, run, 5000),
    onReturn(listener) {
      const doc = win.document
      const back = () => listener(doc.visibilityState == 'hidden')
      win.addEventListener('focus', back)
      doc.addEventListener('visibilitychange', back)
      return () => {
        win.removeEventListener('focus', back)
        doc.removeEventListener('visibilitychange', back)
      }
    },
    // Chromium's first `storage` listener of a page costs ~10 ms: added once the page is idle, then told
    // `null` (anything may have changed meanwhile), so that the first widget does not wait for it.
    onStorage(listener) {
      const heard = (event: StorageEvent) => listener(event.key)
      let on = true
      later(win, () => on && (win.addEventListener('storage', heard), listener(null)), 2000)
      return () => {
        on = false
        win.removeEventListener('storage', heard)
      }
    },
  }
}
