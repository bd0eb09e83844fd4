/**
 * Page moments the delivery cares about: `hide` (tab hidden, `pagehide`), `unload` (`pagehide`: this
 * document is leaving, maybe into the back/forward cache), `show` (`pageshow` from that cache) and
 * `online`.
 */
export type PageMoment = 'hide' | 'unload' | 'show' | 'online'

/** Page lifecycle as a subscription. */
export interface Lifecycle {
  /** Calls `listener` on each moment; returns the unsubscribe. */
  subscribe(listener: (moment: PageMoment) => void): () => void
  /** False when the browser knows it is offline. */
  online(): boolean
}

/**
 * The browser's lifecycle: `visibilitychange` to hidden and `pagehide` become `hide` (then `unload`
 * for `pagehide`), `pageshow` after a back/forward-cache restore becomes `show`, `online` stays.
 */
export function browserLifecycle(win: Window): Lifecycle {
  return {
    subscribe(listener) {
      const doc = win.document
      const stop = new AbortController()
      const signal = { signal: stop.signal }
      doc.addEventListener('visibilitychange', () => doc.visibilityState === 'hidden' && listener('hide'), signal)
      win.addEventListener('pagehide', () => {
        listener('hide')
        listener('unload')
      }, signal)
      win.addEventListener('pageshow', (event) => event.persisted && listener('show'), signal)
      win.addEventListener('online', () => listener('online'), signal)
      return () => stop.abort()
    },
    online: () => win.navigator.onLine !== false,
  }
}

/** A {@link Lifecycle} twin driven by hand. */
export interface ManualLifecycle extends Lifecycle {
  emit(moment: PageMoment): void
  setOnline(online: boolean): void
}

/**
 * Creates a {@link ManualLifecycle}.
 * @example lifecycle.emit('hide'); lifecycle.setOnline(true); lifecycle.emit('online')
 */
export function manualLifecycle(): ManualLifecycle {
  const listeners = new Set<(moment: PageMoment) => void>()
  let isOnline = true
  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    online: () => isOnline,
    emit: (moment) => [...listeners].forEach((listener) => listener(moment)),
    setOnline(online) {
      isOnline = online
    },
  }
}
