// Shared by the SDK's tour and hotspot widgets and by \`cairn selectors\`, which runs these very
// functions in the page it checks: each must stay self-contained (no imports, no outer names but
// \`findTarget\`), since the checker sends their source to the browser.

/**
 * The element a step points at: a CSS selector, where `>>>` steps into an element's open shadow root
 * (`app-shell >>> #new-project`). Undefined when any part finds nothing, or the selector is invalid.
 * @example findTarget(document, 'acme-board >>> button.add')
 */
export function findTarget(doc: Document, selector: string): Element | undefined {
  let scope: Document | ShadowRoot | null = doc
  let found: Element | null = null
  try {
    for (const part of selector.split('>>>')) {
      if (!scope) return undefined
      found = scope.querySelector(part.trim())
      scope = found?.shadowRoot ?? null
    }
  } catch {
    return undefined
  }
  return found ?? undefined
}

/**
 * Waits up to `ms` for the target to be in the page: `found` with it (at once if it is already
 * there), else `missing` once. Watches the document with a MutationObserver (and checks again at the
 * deadline, for targets inside shadow roots, which the observer does not see). Returns a cancel.
 */
export function waitForTarget(doc: Document, selector: string, ms: number, found: (el: Element) => void, missing: () => void): () => void {
  const now = findTarget(doc, selector)
  if (now) {
    found(now)
    return () => {}
  }
  const view = doc.defaultView ?? globalThis
  const done = () => {
    observer.disconnect()
    view.clearTimeout(timer)
  }
  const observer = new view.MutationObserver(() => {
    const el = findTarget(doc, selector)
    if (el) {
      done()
      found(el)
    }
  })
  observer.observe(doc, { childList: true, subtree: true, attributes: true })
  const timer = view.setTimeout(() => {
    done()
    const el = findTarget(doc, selector)
    if (el) found(el)
    else missing()
  }, ms)
  return done
}
