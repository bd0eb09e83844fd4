import { FEED_FLOW_ID, LIMITS } from '@cairn/protocol'
import type { CairnEvent, FlowKind } from '@cairn/protocol'
import { systemClock } from './clock.ts'
import type { Clock } from './clock.ts'
import { ERROR_EVENT, createDelivery } from './delivery.ts'
import type { EngineFactory, EngineHost, EventInput, FlowEngine } from './engine.ts'
import { cryptoBytes, newId, unit } from './ids.ts'
import type { RandomBytes } from './ids.ts'
import { toJsonObject } from './json.ts'
import { storageKeys } from './keys.ts'
import type { Lifecycle } from './lifecycle.ts'
import type { Locks } from './locks.ts'
import { readJson } from './storage.ts'
import type { KeyValueStorage } from './storage.ts'
import type { Transport } from './transport.ts'
import type { Cairn, FeedOptions, InitOptions, ShowOptions, UserInput } from './types.ts'
import type { StoreHub, StoreHubFactory } from '../stores/types.ts'

/** Everything a client is made of: the options plus one seam per side effect. */
export type ClientDeps = InitOptions & {
  storage: KeyValueStorage
  /** Needed to send; without it (or without `endpoint`) the client is local-only. */
  transport?: Transport
  /** @default systemClock */
  clock?: Clock
  /** @default crypto.getRandomValues */
  random?: RandomBytes
  lifecycle?: Lifecycle
  /** @default no locking — fine for one page; `init` passes Web Locks */
  locks?: Locks
  /** `navigator.globalPrivacyControl` */
  gpc?: boolean
  /** The page the events happen on (path and query). */
  url?: () => string | undefined
  engine?: EngineFactory
  /** Makes `sdk.stores` when it is first read (the npm entry's); without it they come with the engine. */
  stores?: StoreHubFactory
  loadChunk?: (name: string) => Promise<unknown>
  /** Where debug messages go. @default globalThis.console */
  console?: Pick<Console, 'warn'>
}

const isText = (value: unknown, max: number): value is string => typeof value == 'string' && value.length > 0 && value.length <= max
// `preview` is the engine's too: it hands the flow to the `preview` chunk, past every rule (flow-engine-adapter.ts).
const SHOW = { showTour: 'tour', showSurvey: 'survey', showChecklist: 'checklist', showAnnouncement: 'announcement', preview: 'preview' } as const

/**
 * Builds an SDK instance from explicit seams; `init()` is this with the browser's. Use it in tests
 * with the twins (`memoryStorage`, `recordingTransport`, `manualClock`, `manualLifecycle`).
 * @example
 * const transport = recordingTransport()
 * const sdk = createClient({ key: 'pk_test', endpoint: 'https://c.example', storage: memoryStorage(), transport })
 * sdk.track('signed_up'); await sdk.flush() // transport.requests[0].batch.events[0].name === 'signed_up'
 */
export function createClient(deps: ClientDeps): Cairn {
  const { storage } = deps
  const clock = deps.clock ?? systemClock
  const random = deps.random ?? cryptoBytes
  const keys = storageKeys(deps.key)
  const makeId = () => newId(clock.now, random)
  const jitter = () => unit(random)
  const log = (...args: unknown[]) => deps.debug && (deps.console ?? console).warn('[cairn]', ...args)
  const endpoint = typeof deps.endpoint == 'string' ? deps.endpoint.replace(/\/+$/, '') : ''
  const locale = isText(deps.locale, 35) ? deps.locale : undefined
  const handlers = new Map<string, Set<(payload: unknown) => void>>()
  let destroyed = false
  let engine: FlowEngine | undefined
  let hub: StoreHub | undefined

  // Consent: an explicit choice wins; without one, Global Privacy Control (unless the site ignores it).
  // The choice is the one thing kept in storage while opted out, so that it lasts across pages.
  let choice = storage.get(keys.consent)
  const optedOut = () => choice == 'out' || (choice != 'in' && deps.gpc === true && deps.respectGpc !== false)
  const choose = (next: string) => storage.set(keys.consent, (choice = next))

  // Identity: an anonymous id per project and, once identified, the user; written through unless opted out.
  let persisting = !optedOut()
  let anonymousId = (persisting && storage.get(keys.anonymousId)) || makeId()
  let user = persisting ? (readJson(storage, keys.user) as UserInput | undefined) : undefined
  if (typeof user?.id != 'string') user = undefined
  const save = () => {
    if (!persisting) return
    storage.set(keys.anonymousId, anonymousId)
    if (user) storage.set(keys.user, JSON.stringify(user))
    else storage.remove(keys.user)
  }
  save()

  /** Counts a problem for the next `sdk_error` event and logs it in debug mode; never throws. */
  const fail = (code: string, detail?: unknown) => {
    log(code, detail ?? '')
    try {
      if (!optedOut()) delivery?.count(code)
    } catch {
      // Counting must never be what breaks.
    }
  }
  const invalid = (method: string, why: string) => fail('invalid_call', `${method}(): ${why}`)
  const attempt = (code: string, run: () => void) => {
    try {
      run()
    } catch (error) {
      fail(code, error)
    }
  }

  /** An event as sent: the input, stamped with a fresh id, the time, who and where (absent fields are dropped on the wire). */
  const build = (input: EventInput) => ({
    id: makeId(), ts: clock.now(), anonymousId, userId: user?.id, url: deps.url?.()?.slice(0, 2048) || undefined, locale, ...input,
  }) as CairnEvent
  const record = (input: EventInput) => {
    const event = build(input)
    attempt('engine', () => engine?.observe?.(event))
    if (delivery && !optedOut() && !delivery.push(event)) fail('too_large', event.type)
  }

  const delivery = endpoint && deps.transport
    ? createDelivery(
      deps, `${endpoint}/v1/batch`, clock, keys, makeId(), jitter,
      (props) => build({ type: 'track', name: ERROR_EVENT, props }),
      (error) => fail('internal', error),
    )
    : undefined

  const identify = (id: unknown, traits?: unknown, options?: unknown) => {
    if (!isText(id, LIMITS.id)) return invalid('identify', 'id: 1–128 characters')
    const json = toJsonObject(traits)
    const hash = (options as { hash?: unknown } | undefined)?.hash
    if (json === null) return invalid('identify', 'traits: a JSON object')
    if (hash !== undefined && !(typeof hash == 'string' && /^[0-9a-f]{64}$/i.test(hash))) return invalid('identify', 'hash: hex HMAC-SHA256')
    // The same id again merges traits and keeps the hash; a page load repeating the same identify sends nothing.
    const same = user?.id === id
    const next: UserInput = { id }
    const merged = same ? { ...user!.traits, ...json } : json
    if (merged && Object.keys(merged).length) next.traits = merged
    const proof = (hash as string | undefined) ?? (same ? user!.hash : undefined)
    if (proof) next.hash = proof
    const changed = JSON.stringify(next) !== JSON.stringify(user)
    user = next
    save()
    if (!changed) return
    record({ type: 'identify', userId: id, traits: next.traits, hash: next.hash } as EventInput)
    hub?.refresh()
    // New traits too: audience rules may decide differently now.
    engine?.identityChanged?.()
  }

  const api: Record<string, (...args: never[]) => unknown> = {
    identify,
    track(name: unknown, props?: unknown) {
      if (!isText(name, LIMITS.name)) return invalid('track', 'name: 1–200 characters')
      const json = toJsonObject(props)
      if (json === null) return invalid('track', 'props: a JSON object')
      record({ type: 'track', name, props: json } as EventInput)
    },
    on(name: unknown, handler: unknown) {
      if (typeof name != 'string' || typeof handler != 'function') return invalid('on', '(event name, function)'), () => {}
      const set = handlers.get(name) ?? new Set()
      handlers.set(name, set.add(handler as () => void))
      return () => void set.delete(handler as () => void)
    },
    async flush() {
      try {
        await delivery?.flush()
      } catch (error) {
        fail('internal', error)
      }
    },
    reset() {
      anonymousId = makeId()
      user = undefined
      save()
      hub?.refresh()
      engine?.identityChanged?.()
    },
    optOut() {
      choose('out')
      delivery?.clear()
      persisting = false
      for (const key of storage.keys(keys.base)) if (key != keys.consent) storage.remove(key)
    },
    optIn() {
      choose('in')
      persisting = true
      save()
    },
    destroy() {
      destroyed = true
      delivery?.stop()
      handlers.clear()
      engine?.destroy?.()
    },
  }
  // The feed is the engine's flow of that id (engine/feed.ts); `open` asks for its panel.
  const feed = (open?: boolean) => engine?.show('announcement', FEED_FLOW_ID, { open, selector: (deps.feed as FeedOptions | undefined)?.selector } as ShowOptions)
  api['showFeed'] = () => (engine ? feed(true) : fail('no_engine', 'feed'))
  for (const [name, kind] of Object.entries(SHOW)) {
    api[name] = (flow: unknown, options?: ShowOptions) => {
      if (!isText(flow, LIMITS.id) && !(flow && typeof flow == 'object' && !Array.isArray(flow))) return invalid(name, 'a flow id or definition')
      if (!engine) return fail('no_engine', kind)
      // Only the options we know, read once: the engine keeps them, and a getter must not run later.
      engine.show(kind as FlowKind | 'preview', flow as never, options?.force === true ? { force: true } : undefined)
    }
  }

  api['report'] = (method: string, args: unknown[]) => (engine ? engine.report?.(method, args) : fail('no_engine', method))

  // Every public method: nothing thrown inside ever reaches the host page, and after destroy() it does nothing.
  const sdk = {} as Record<string, unknown>
  for (const name in api) {
    sdk[name] = (...args: never[]) => {
      if (destroyed) log(name, 'after destroy()')
      else {
        try {
          return api[name]!(...args)
        } catch (error) {
          fail('internal', error)
        }
      }
      return name == 'on' ? () => {} : name == 'flush' ? Promise.resolve() : undefined
    }
  }

  // Guarded like the public methods, but reached only through the hub's `sdk.flows.shown`, ….
  const call = sdk['report'] as (method: string, args: unknown[]) => void
  delete sdk['report']

  const host: EngineHost = {
    options: deps, endpoint, keys, storage, clock,
    unit: jitter,
    anonymousId: () => anonymousId,
    user: () => user,
    optedOut,
    record: (event) => destroyed || record(event),
    emit(name, payload) {
      for (const handler of [...(handlers.get(name) ?? [])]) attempt('handler', () => handler(payload))
    },
    fail,
    loadChunk: async (name) => deps.loadChunk!(name),
    stores(make) {
      if (!hub && make) {
        hub = make(() => ({ id: user?.id, anonymousId, traits: user?.traits ?? {} }), call)
        host.emit('stores', hub.stores)
      }
      return hub
    },
    listens: (name) => !!handlers.get(name)?.size,
  }
  // The stores and the headless reports come with the hub: made here with npm, with the engine on the script tag.
  for (const name of ['stores', 'flows', 'checklists', 'surveys', 'feed']) {
    Object.defineProperty(sdk, name, { enumerable: true, get: () => host.stores(deps.stores)?.[name as 'feed'] })
  }
  // Before the engine starts, so that its first decisions (audience, holdout buckets) are about this user.
  if (deps.user !== undefined) attempt('internal', () => identify(deps.user?.id, deps.user?.traits, deps.user))
  attempt('engine', () => (engine = deps.engine?.(host)))
  if (deps.feed) attempt('engine', () => feed())
  return sdk as unknown as Cairn
}
