import type { StorageKeys } from './keys.ts'
import type { KeyValueStorage } from './storage.ts'
import type { UserInput } from './types.ts'

/** Who this browser is: an anonymous id per project and, once identified, the user. */
export interface Identity {
  anonymousId(): string
  user(): UserInput | undefined
  /**
   * Sets the user (traits merge when the id is unchanged). Returns the user to announce in an
   * identify event, or undefined when nothing changed (a page load repeating the same identify).
   */
  identify(user: UserInput): UserInput | undefined
  /** A new anonymous id, no user. */
  reset(): void
  /** Whether the identity is written to storage (off while opted out). */
  persist(on: boolean): void
}

/**
 * Creates the {@link Identity} of one project, reading what an earlier page stored.
 * @param newId makes anonymous ids (UUIDv7)
 */
export function createIdentity(storage: KeyValueStorage, keys: StorageKeys, newId: () => string, persisting: boolean): Identity {
  const read = (): UserInput | undefined => {
    try {
      const user = JSON.parse(storage.get(keys.user) ?? 'null') as UserInput | null
      return user && typeof user.id === 'string' ? user : undefined
    } catch {
      return undefined
    }
  }
  let anonymousId = (persisting && storage.get(keys.anonymousId)) || newId()
  let user = persisting ? read() : undefined

  const save = () => {
    if (!persisting) return
    storage.set(keys.anonymousId, anonymousId)
    if (user) storage.set(keys.user, JSON.stringify(user))
    else storage.remove(keys.user)
  }
  save()

  return {
    anonymousId: () => anonymousId,
    user: () => user,
    identify(next) {
      const same = user?.id === next.id
      const merged: UserInput = { id: next.id }
      const traits = same ? { ...user?.traits, ...next.traits } : next.traits
      if (traits && Object.keys(traits).length) merged.traits = traits
      const hash = next.hash ?? (same ? user?.hash : undefined)
      if (hash) merged.hash = hash
      const changed = JSON.stringify(merged) !== JSON.stringify(user)
      user = merged
      save()
      return changed ? merged : undefined
    },
    reset() {
      anonymousId = newId()
      user = undefined
      save()
    },
    persist(on) {
      persisting = on
      if (on) save()
      else {
        storage.remove(keys.anonymousId)
        storage.remove(keys.user)
      }
    },
  }
}
