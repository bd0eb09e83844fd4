import type { StorageKeys } from './keys.ts'
import type { KeyValueStorage } from './storage.ts'

/** Whether this browser may be tracked: an explicit choice wins; without one, Global Privacy Control. */
export interface Consent {
  optedOut(): boolean
  choose(choice: 'in' | 'out'): void
}

/**
 * Creates the {@link Consent} of one project. The choice itself is the one thing kept in storage while
 * opted out, so that it lasts across pages.
 * @param gpc `navigator.globalPrivacyControl`
 * @param respectGpc `init({ respectGpc })`, true by default
 */
export function createConsent(storage: KeyValueStorage, keys: StorageKeys, gpc: boolean, respectGpc: boolean): Consent {
  let choice = storage.get(keys.consent)
  return {
    optedOut: () => choice === 'out' || (choice !== 'in' && gpc && respectGpc),
    choose(next) {
      choice = next
      storage.set(keys.consent, next)
    },
  }
}
