const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k)

/**
 * `record[key]`, but only the record's own entries: flow ids and event names such as `constructor`
 * or `toString` are valid and must not read `Object.prototype`.
 */
export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (has(record, key) ? record[key] : undefined)

/** A plain object's own property (for dotted trait paths), `undefined` for anything else. */
export const prop = (o: unknown, key: string): unknown => (typeof o === 'object' && o !== null && has(o, key) ? (o as Record<string, unknown>)[key] : undefined)

/** An empty record without a prototype, so that any key (even `__proto__`) is an ordinary entry. */
export const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>
