import { flowEngine } from './flow-engine-adapter.ts'
import type { EngineFactory } from './engine.ts'
import { navigation } from './navigation.ts'

/**
 * The `engine` chunk: the flow engine with its browser wiring (collector reads, SPA navigation, the
 * storage event). `cairn.js` loads it only on a page that has flows to decide about (see
 * `lazy-engine.ts`), so a page that only tracks pays for neither.
 */
export function browserFlowEngine(win: Window): EngineFactory {
  return flowEngine({
    fetch: (url, request) => fetch(url, request),
    url: () => win.location.href,
    onNavigate: navigation(win),
    // Not on a connection the reader asked to spare (Save-Data).
    idle: (win.navigator as { connection?: { saveData?: boolean } }).connection?.saveData
      ? undefined
      : (run) => (win.requestIdleCallback ? win.requestIdleCallback(run, { timeout: 5000 }) : win.setTimeout(run, 1)),
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
    onStorage(listener) {
      const heard = (event: StorageEvent) => listener(event.key)
      win.addEventListener('storage', heard)
      return () => win.removeEventListener('storage', heard)
    },
  })
}
