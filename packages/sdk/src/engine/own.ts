/**
 * `record[key]`, but only the record's own entries: flow ids and event names such as `constructor`
 * or `toString` are valid and must not read `Object.prototype`.
 */
export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined)

/** An empty record without a prototype, so that any key (even `__proto__`) is an ordinary entry. */
export const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>

export const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x == 'object'

/** A copy of `record` (without a prototype) with `key` set to `value`. */
export const put = <T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> => Object.assign(dict<T>(), record, { [key]: value })

/** A copy of `record` (without a prototype) without `key`. */
export function drop<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const copy = Object.assign(dict<T>(), record)
  delete copy[key]
  return copy
}
