/**
 * `record[key]`, own entries only (flow ids and event names such as `constructor` are valid) — the
 * engine's `own`, written again: a module the stores' chunk shared with `engine.js` would split a
 * chunk of its own off `engine.js`, one more request on every page with flows.
 */
export const at = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined

/** The feed's reserved flow id (the protocol's FEED_FLOW_ID, written out for the same reason). */
export const FEED_ID = 'cairn-feed'

/** The objects of a list from unchecked JSON (a widget chunk checks a kind's fields; a headless flow has none). */
export const objects = <T>(list: unknown): T[] => (Array.isArray(list) ? list.filter((x) => !!x && typeof x == 'object') : [])
