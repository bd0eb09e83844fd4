import { computed } from 'nanostores'
import { createApi } from './api/client.ts'
import type { Dashboard } from './components/context.ts'
import { createNavigation } from './state/navigation.ts'
import { createSession } from './state/session.ts'

/**
 * The dashboard's stores for one window: URL state, session, API. Nothing is module-level, so
 * tests build as many as they like (with their own `fetch`).
 */
export function createDashboard(win: Window, fetcher: typeof fetch = win.fetch.bind(win), now: () => number = Date.now): Dashboard {
  const nav = createNavigation(win)
  const api = createApi(fetcher)
  const session = createSession(api, computed(nav.$place, (place) => place?.search.get('project') ?? null))
  return {
    api, nav, session, now, doc: win.document,
    setLang: (lang) => nav.setParam('lang', lang, true),
  }
}
