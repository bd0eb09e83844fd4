/** Nesting deeper than this is refused before anything recursive (JSON.stringify, validation) runs. */
export const MAX_NESTING = 32

/** Thrown by {@link sanitize} on input nested deeper than {@link MAX_NESTING}. */
export class TooDeepError extends Error {
  override name = 'TooDeepError'
}

const SUSPECT = /[\u0000\uD800-\uDFFF]/
const BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Replaces what PostgreSQL text and jsonb refuse — U+0000 and lone surrogates — with U+FFFD. */
export function cleanString(text: string): string {
  return SUSPECT.test(text) ? text.replace(BAD, '\uFFFD') : text
}

/**
 * A copy of parsed JSON whose strings (keys too) PostgreSQL accepts. Keys such as `__proto__` stay
 * plain own properties.
 * @throws TooDeepError when nested deeper than {@link MAX_NESTING}.
 */
export function sanitize(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanString(value)
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_NESTING) throw new TooDeepError(`nesting is deeper than ${MAX_NESTING} levels`)
  if (Array.isArray(value)) return value.map((item) => sanitize(item, depth + 1))
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [cleanString(key), sanitize(item, depth + 1)]))
}
