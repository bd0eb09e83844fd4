import * as v from 'valibot'
import { LIMITS } from '../limits.ts'

/** Short text: titles, labels, prompts. Plain text with the markdown subset and `{{tokens}}`. */
export const shortText = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name * 2))
/** Body text: the markdown subset (bold, italic, links, line breaks, lists) and `{{tokens}}`. */
export const longText = v.pipe(v.string(), v.maxLength(5000))
export const itemId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 letters, digits, "_", "-" or "."'))
/** http(s), mailto or a relative URL; never `javascript:` and friends. */
export const safeUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.regex(/^(https?:\/\/|mailto:|\/(?!\/)|\.{1,2}\/|[?#])/i, 'must be an http(s), mailto or relative URL'),
)
export const cssSelector = v.pipe(v.string(), v.minLength(1), v.maxLength(1000))
export const media = v.strictObject({
  src: safeUrl,
  /** Required: describe the image for screen-reader users ("" only for pure decoration). */
  alt: v.pipe(v.string(), v.maxLength(500)),
})
/** A call to action: open a URL or start a tour. */
export const cta = v.union([
  v.strictObject({ label: shortText, url: safeUrl, newTab: v.optional(v.boolean()) }),
  v.strictObject({ label: shortText, tour: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id)) }),
])

/** Lists of things addressed by id must not repeat an id. */
export function uniqueIds(items: readonly { id: string }[]): boolean {
  return new Set(items.map((item) => item.id)).size === items.length
}
