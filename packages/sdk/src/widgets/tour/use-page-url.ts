import type { RefObject } from 'preact'
import { useLayoutEffect, useState } from 'preact/hooks'

/** How often the URL is read for SPA navigations that neither pop nor change the hash, ms. */
const POLL_MS = 250

/**
 * The document the widget is rendered in (from `ref`'s element) and its URL, kept current across SPA
 * navigations: `popstate`, `hashchange`, and a light poll for `history.pushState` (which fires no event,
 * and which the widget chunk does not patch — the core's navigation dispatcher is not reachable from it).
 */
export function usePageUrl(ref: RefObject<Element>): [Document | undefined, string | undefined] {
  const [doc, setDoc] = useState<Document>()
  const [url, setUrl] = useState<string>()
  useLayoutEffect(() => {
    const found = ref.current?.ownerDocument
    const view = found?.defaultView
    if (!found || !view) return
    setDoc(found)
    const read = () => setUrl(found.location.href)
    read()
    view.addEventListener('popstate', read)
    view.addEventListener('hashchange', read)
    const timer = view.setInterval(read, POLL_MS)
    return () => {
      view.removeEventListener('popstate', read)
      view.removeEventListener('hashchange', read)
      view.clearInterval(timer)
    }
  }, [])
  return [doc, url]
}
