import { atom, onMount, type ReadableAtom } from 'nanostores'

export type Resource<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'error'; error: Error }

/**
 * Data that follows its inputs: `load` runs whenever `$key` changes (a new page, filter or project),
 * the previous request is aborted, and only the latest answer is kept. Null key: nothing to load.
 */
export function resource<K, T>($key: ReadableAtom<K | null>, load: (key: K, signal: AbortSignal) => Promise<T>, same: (a: K, b: K) => boolean = (a, b) => JSON.stringify(a) === JSON.stringify(b)): ReadableAtom<Resource<T>> {
  const $data = atom<Resource<T>>({ state: 'loading' })
  onMount($data, () => {
    let controller: AbortController | undefined
    let last: K | null = null
    const run = (key: K | null) => {
      if (key === null || (last !== null && same(last, key))) return
      last = key
      controller?.abort()
      const current = (controller = new AbortController())
      $data.set({ state: 'loading' })
      load(key, current.signal).then(
        (data) => { if (controller === current) $data.set({ state: 'ready', data }) },
        (error: Error) => { if (controller === current && error.name !== 'AbortError') $data.set({ state: 'error', error }) },
      )
    }
    const unbind = $key.subscribe(run)
    return () => {
      unbind()
      controller?.abort()
    }
  })
  return $data
}
