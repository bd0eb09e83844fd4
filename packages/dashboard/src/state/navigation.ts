import { createRouter } from '@nanostores/router'
import { atom, computed, type ReadableAtom } from 'nanostores'
import { parseFilters, writeFilters, type Filters } from './filters.ts'
import { ROUTES, type RouteName } from './routes.ts'

/** The page shown: its route, its `:id`, and the query (filters, project, paging). */
export type Place = { route: RouteName; id: string | null; search: URLSearchParams }

export type Navigation = {
  $place: ReadableAtom<Place | null>
  $filters: ReadableAtom<Filters>
  /** Opens an app path (`/dashboard/…?…`), pushing it on the history (or replacing the current entry). */
  go(href: string, replace?: boolean): void
  /** The current page with changed filters (or query parameters), in place: the URL is the state. */
  setFilters(filters: Filters, replace?: boolean): void
  setParam(name: string, value: string | null, replace?: boolean): void
  /** The href of a page with the current filters and project kept. */
  href(route: RouteName, id?: string): string
  dispose(): void
}

/**
 * The URL as state: the router (from `@nanostores/router`) for the page, and the query for the
 * filters. Links are followed through {@link Navigation.go} (the Link component), so the query
 * store never lags the page store. `win` is the browser window (a happy-dom one in tests).
 */
export function createNavigation(win: Window): Navigation {
  const $router = createRouter(ROUTES, { links: false })
  const $search = atom(new URLSearchParams(win.location.search))
  const $place = computed([$router, $search], (page, search): Place | null =>
    page ? { route: page.route, id: 'id' in page.params ? page.params.id : null, search } : null)
  const $filters = computed($search, (search) => parseFilters(search))
  const onPop = () => $search.set(new URLSearchParams(win.location.search))
  win.addEventListener('popstate', onPop)
  const unbind = $router.listen(() => {})

  const go = (href: string, replace = false) => {
    const url = new URL(href, win.location.href)
    $search.set(url.searchParams)
    $router.open(url.pathname + url.search, replace)
  }
  const keep = () => {
    const kept = new URLSearchParams()
    const project = $search.get().get('project')
    if (project) kept.set('project', project)
    return writeFilters($filters.get(), kept)
  }
  const withQuery = (path: string, query: URLSearchParams) => (query.size ? `${path}?${query}` : path)
  return {
    $place,
    $filters,
    go,
    setFilters(filters, replace = false) {
      go(withQuery(win.location.pathname, writeFilters(filters, $search.get())), replace)
    },
    setParam(name, value, replace = false) {
      const query = new URLSearchParams($search.get())
      if (value === null) query.delete(name)
      else query.set(name, value)
      go(withQuery(win.location.pathname, query), replace)
    },
    href(route, id) {
      return withQuery(ROUTES[route].replace(':id', encodeURIComponent(id ?? '')), keep())
    },
    dispose() {
      win.removeEventListener('popstate', onPop)
      unbind()
    },
  }
}
