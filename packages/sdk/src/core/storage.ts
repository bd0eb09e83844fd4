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

/** The JSON stored under `key`, parsed; `undefined` when there is none or it is unreadable. */
export function readJson(storage: KeyValueStorage, key: string): unknown {
  try {
    return JSON.parse(storage.get(key)!) ?? undefined
  } catch {
    return undefined
  }
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
  /** `name` on the area (no area at all throws too), or on the memory twin once anything has failed. */
  const use = <K extends keyof KeyValueStorage>(name: K, run: (area: Storage, a: string, b: string) => ReturnType<KeyValueStorage[K]>) =>
    ((a: string, b: string) => {
      if (!fallback) {
        try {
          return run((area ??= open())!, a, b)
        } catch (error) {
          fallback = memoryStorage()
          onFallback?.(error)
        }
      }
      return fallback[name](a, b)
    }) as KeyValueStorage[K]
  return {
    get: use('get', (s, key) => s.getItem(key)),
    set: use('set', (s, key, value) => s.setItem(key, value)),
    remove: use('remove', (s, key) => s.removeItem(key)),
    keys: use('keys', (s, prefix) => Object.keys(s).filter((key) => key.startsWith(prefix))),
  }
}
