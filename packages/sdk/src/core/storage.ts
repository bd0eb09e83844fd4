/**
 * Where the SDK keeps its state (queue, identity, consent). A tiny synchronous key/value interface so
 * that tests pass a {@link memoryStorage} and the browser passes {@link webStorage}.
 */
export interface KeyValueStorage {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
  /** Every stored key that starts with `prefix`. */
  keys(prefix: string): string[]
}

/**
 * Storage held in memory only: the twin used in tests, during server-side rendering and when the
 * browser's storage is unusable.
 * @example createClient({ key: 'pk_test', storage: memoryStorage(), … })
 */
export function memoryStorage(entries: Iterable<[string, string]> = []): KeyValueStorage {
  const map = new Map(entries)
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
    keys: (prefix) => [...map.keys()].filter((key) => key.startsWith(prefix)),
  }
}

/**
 * Wraps a Web Storage area (normally `localStorage`). Reading the area itself can throw (sandboxed
 * iframes, disabled cookies), and so can any call (private mode, quota): on the first failure this
 * switches for good to memory. Every part of the SDK keeps its own state in memory and writes it
 * through, so the page goes on working with a queue that lives as long as the page.
 * @param open returns the storage area; called once, lazily
 * @param onFallback told once, when the switch happens
 */
export function webStorage(open: () => Storage | null | undefined, onFallback?: (error: unknown) => void): KeyValueStorage {
  let area: Storage | null | undefined
  let fallback: KeyValueStorage | undefined

  const attempt = <T>(run: (store: Storage) => T, otherwise: (memory: KeyValueStorage) => T): T => {
    if (!fallback) {
      try {
        area ??= open()
        if (area) return run(area)
        throw new Error('no storage')
      } catch (error) {
        fallback = memoryStorage()
        onFallback?.(error)
      }
    }
    return otherwise(fallback)
  }

  return {
    get: (key) => attempt((s) => s.getItem(key), (m) => m.get(key)),
    set: (key, value) => attempt((s) => s.setItem(key, value), (m) => m.set(key, value)),
    remove: (key) => attempt((s) => s.removeItem(key), (m) => m.remove(key)),
    keys: (prefix) => attempt((s) => Object.keys(s).filter((key) => key.startsWith(prefix)), (m) => m.keys(prefix)),
  }
}
