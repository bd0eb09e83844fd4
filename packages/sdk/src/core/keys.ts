/** Version of everything the SDK stores; bump it (and migrate or drop old keys) when a stored shape changes. */
export const STORAGE_VERSION = 'v1'

/**
 * Storage keys of one project: `cairn:v1:<key>:…`, so that two SDK instances with different keys on
 * one page never read each other's state.
 */
export function storageKeys(projectKey: string) {
  const base = `cairn:${STORAGE_VERSION}:${encodeURIComponent(projectKey)}:`
  return {
    base,
    /** Prefix of queue segments, one per page that queued events: `…:q:<segment id>`. */
    queue: `${base}q:`,
    anonymousId: `${base}anon`,
    user: `${base}user`,
    consent: `${base}consent`,
    /** Earliest time any tab may send again (a `Retry-After` from the collector). */
    retryAt: `${base}retry`,
    /** Web Lock / storage lease name of the single flusher. */
    flushLock: `${base}flush`,
  }
}

export type StorageKeys = ReturnType<typeof storageKeys>
