/** A typed event emitter whose listeners cannot break the emitter or each other. */
export interface Emitter<M> {
  on<E extends keyof M>(name: E, handler: (payload: M[E]) => void): () => void
  /** Calls every handler of `name`; a handler that throws is reported to `onError` and skipped. */
  emit<E extends keyof M>(name: E, payload: M[E], onError: (error: unknown) => void): void
  clear(): void
}

/** Creates an {@link Emitter}. */
export function createEmitter<M>(): Emitter<M> {
  const handlers = new Map<keyof M, Set<(payload: never) => void>>()
  return {
    on(name, handler) {
      const set = handlers.get(name) ?? new Set()
      handlers.set(name, set)
      set.add(handler)
      return () => void set.delete(handler)
    },
    emit(name, payload, onError) {
      for (const handler of [...(handlers.get(name) ?? [])]) {
        try {
          ;(handler as (payload: M[typeof name]) => void)(payload)
        } catch (error) {
          onError(error)
        }
      }
    },
    clear: () => handlers.clear(),
  }
}
