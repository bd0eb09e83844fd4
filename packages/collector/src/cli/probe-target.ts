import { findTarget, waitForTarget } from '@cairn/protocol'

/** What the page says of a target: how many elements match, and of the one the SDK would use, whether it can be pointed at. */
export type Measure = { count: number; visible: boolean; inside: boolean; coveredBy?: string }

/**
 * Runs in the checked page (sent as source, so self-contained). Counts the matches of the selector's
 * last part in the scope the SDK would search, scrolls the element into view as a tour does, and
 * asks the page whether the element is visible, inside the page, and what is at its centre. Cairn's
 * own host element does not count as covering: a tour the app shows by itself is not a broken target.
 */
function measureTarget(el: Element, selector: string): Measure {
  const parts = selector.split('>>>')
  let scope: Document | ShadowRoot | null | undefined = document
  let count = 0
  parts.forEach((part, i) => {
    if (!scope) return
    if (i === parts.length - 1) count = scope.querySelectorAll(part.trim()).length
    else scope = scope.querySelector(part.trim())?.shadowRoot
  })
  el.scrollIntoView({ block: 'center', inline: 'center' })
  const box = el.getBoundingClientRect()
  const visible = box.width > 0 && box.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
  const page = document.documentElement
  const left = box.left + scrollX
  const top = box.top + scrollY
  const inside = left >= 0 && top >= 0 && left + box.width <= Math.max(page.scrollWidth, innerWidth) && top + box.height <= Math.max(page.scrollHeight, innerHeight)
  const root = el.getRootNode() as Document | ShadowRoot
  const hit = visible ? root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) : null
  const covering = hit && hit !== el && !el.contains(hit) && !hit.closest('cairn-root') ? hit : null
  const name = (e: Element) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + [...e.classList].slice(0, 2).map((c) => `.${c}`).join('')
  return { count, visible, inside, ...(covering && { coveredBy: name(covering) }) }
}

/**
 * The expression `page.evaluate` runs for one target: the SDK's own `waitForTarget` (the same wait,
 * MutationObserver and deadline) and then {@link measureTarget}; `null` when it never appears.
 * `__name` stands in for the helper a TypeScript transpiler may put inside a function's source.
 */
export function probeExpression(selector: string, waitMs: number): string {
  const s = JSON.stringify(selector)
  return `(() => { var __name = (f) => f; const findTarget = ${findTarget}; const waitForTarget = ${waitForTarget}; const measure = ${measureTarget};
  return new Promise((done) => waitForTarget(document, ${s}, ${waitMs}, (el) => done(measure(el, ${s})), () => done(null))) })()`
}

/** The expression that clicks the target, found as the SDK finds it (a tour step advanced by a click). */
export function clickExpression(selector: string): string {
  return `(() => { var __name = (f) => f; const findTarget = ${findTarget}; findTarget(document, ${JSON.stringify(selector)})?.click() })()`
}
