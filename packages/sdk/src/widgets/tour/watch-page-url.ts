/** How often the URL is read for SPA navigations that neither pop nor change the hash, ms. */
const POLL_MS = 250

/**
 * Calls `read` whenever the page's URL may have changed across SPA navigations: `popstate`,
 * `hashchange`, and a light poll for `history.pushState` (which fires no event, and which the widget
 * chunk does not patch — the core's navigation dispatcher is not reachable from it). Returns a stop.
 */
export function watchPageUrl(view: Window, read: () => void): () => void {
  view.addEventListener('popstate', read)
  view.addEventListener('hashchange', read)
  const timer = view.setInterval(read, POLL_MS)
  return () => {
    view.removeEventListener('popstate', read)
    view.removeEventListener('hashchange', read)
    view.clearInterval(timer)
  }
}
