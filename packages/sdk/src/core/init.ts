import { createClient } from './client.ts'
import type { ClientDeps } from './client.ts'
import { systemClock } from './clock.ts'
import { cryptoBytes, newId } from './ids.ts'
import { browserLifecycle } from './lifecycle.ts'
import { storageLease, webLocks } from './locks.ts'
import { lazyEngine } from './lazy-engine.ts'
import { memoryStorage, webStorage } from './storage.ts'
import { fetchTransport } from './transport.ts'
import type { Cairn, InitOptions } from './types.ts'

/** Option names copied from `init()`'s argument; anything else in it is ignored. */
const OPTION_NAMES = 'key endpoint user flows locale contentLocale theme nonce debug respectGpc limits feed headless'.split(' ') as (keyof InitOptions)[]

/** Extra seams the script-tag and npm entries can give `init` (the flow engine is built in). */
export type InitExtras = Pick<ClientDeps, 'engine' | 'loadChunk' | 'stores'>

/**
 * Starts Cairn in the browser with the real seams (localStorage, fetch/sendBeacon, Web Locks, page
 * lifecycle). Safe anywhere: during server-side rendering it returns an instance that stores nothing
 * and sends nothing; with bad options it returns one that ignores every call (and says why in debug mode).
 * @example
 * import { init } from '@cairn/sdk'
 * const sdk = init({ key: 'pk_live_…', endpoint: 'https://cairn.example.com', user: { id: 'u_42' } })
 * sdk.track('project_created', { template: 'kanban' })
 */
export function init(options: InitOptions, extras: InitExtras = {}): Cairn {
  const given = {} as Record<string, unknown> & InitOptions
  for (const name of OPTION_NAMES) if (options?.[name] !== undefined) given[name] = options[name] as never
  // Undefined during server-side rendering.
  const win = globalThis.window as Window | undefined
  if (/[?&]cairn_debug=1\b/.test(win?.location.search as string)) given.debug = true
  const valid = typeof given.key == 'string' && given.key
  if (!valid || !win) {
    if (!valid && given.debug !== false) console.warn('[cairn] init() needs { key: "pk_…" }: nothing is recorded')
    return createClient({ ...given, endpoint: '', storage: memoryStorage() })
  }
  const nav = win.navigator as Navigator & { globalPrivacyControl?: boolean }
  const storage = webStorage(() => win.localStorage, (error) => given.debug && console.warn('[cairn] localStorage failed: the queue lives in memory', error))
  const lease = storageLease(storage, systemClock, newId(systemClock.now, cryptoBytes))
  return createClient({
    ...given,
    engine: lazyEngine((host) => host.loadChunk('engine').then((m) => (m as typeof import('./engine-chunk.ts')).browserFlowEngine(win))),
    ...extras,
    storage,
    transport: fetchTransport(),
    lifecycle: browserLifecycle(win),
    locks: nav.locks ? webLocks(nav.locks, lease) : lease,
    gpc: nav.globalPrivacyControl === true,
    url: () => win.location.pathname + win.location.search,
  })
}
