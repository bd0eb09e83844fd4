/**
 * Whether two JSON-like values are equal, deeply. The stores' equality: a refresh that computes the
 * same value again (a fresh object) must not wake every component that reads it.
 * @example same({ a: [1, 2] }, { a: [1, 2] }) // true
 */
export function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (!a || !b || typeof a != 'object' || typeof b != 'object' || Array.isArray(a) != Array.isArray(b)) return false
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  const keys = Object.keys(x)
  return keys.length == Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && same(x[k], y[k]))
}
