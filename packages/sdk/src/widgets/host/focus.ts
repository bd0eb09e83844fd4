const TABBABLE = 'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])'

/** Elements inside `container` reachable with Tab, in order. */
export function tabbables(container: Element): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(TABBABLE)]
}

/** The focused element, looking through open shadow roots (the page's and ours). */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
  return active
}

/**
 * Keeps Tab and Shift+Tab inside `container` (a modal widget). Call from its keydown handler.
 * @returns whether the key was handled
 */
export function trapTab(event: KeyboardEvent, container: HTMLElement): boolean {
  if (event.key !== 'Tab') return false
  const items = tabbables(container)
  const first = items[0]
  const last = items[items.length - 1]
  const active = (container.getRootNode() as ShadowRoot | Document).activeElement
  let target: HTMLElement | undefined
  if (!first || !last) target = container
  else if (event.shiftKey && (active === first || active === container)) target = last
  else if (!event.shiftKey && active === last) target = first
  if (!target) return false
  event.preventDefault()
  target.focus()
  return true
}

/** Moves focus into `container`: its `[data-autofocus]` element, else its first tabbable, else itself. */
export function focusInto(container: HTMLElement): void {
  const target = container.querySelector<HTMLElement>('[data-autofocus]') ?? tabbables(container)[0] ?? container
  target.focus({ preventScroll: true })
}

/**
 * Gives focus back to `previous` after a widget closes — unless the reader has moved on to something
 * else on the page meanwhile (focus is neither in our host nor nowhere).
 */
export function restoreFocus(previous: Element | null, host: Element): void {
  const doc = host.ownerDocument
  const now = doc.activeElement
  if (!previous?.isConnected || !('focus' in previous)) return
  if (now && now !== doc.body && now !== host) return
  ;(previous as HTMLElement).focus({ preventScroll: true })
}
