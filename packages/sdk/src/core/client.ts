import { LIMITS } from '@cairn/protocol'
import type { CairnEvent, FlowKind } from '@cairn/protocol'
import { systemClock } from './clock.ts'
import type { Clock } from './clock.ts'
import { createConsent } from './consent.ts'
import { createDelivery } from './delivery.ts'
import { createEmitter } from './emitter.ts'
import type { EngineFactory, EngineHost, EventInput, FlowEngine } from './engine.ts'
import { createIdentity } from './identity.ts'
import { cryptoBytes, newId, unit } from './ids.ts'
import type { RandomBytes } from './ids.ts'
import { toJsonObject } from './json.ts'
import { storageKeys } from './keys.ts'
import type { Lifecycle } from './lifecycle.ts'
import type { Locks } from './locks.ts'
import { createQueue } from './queue.ts'
import type { KeyValueStorage } from './storage.ts'
import type { Transport } from './transport.ts'
import type { Cairn, CairnEventMap, InitOptions, ShowOptions, UserInput } from './types.ts'

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
  loadChunk?: (name: string) => Promise<unknown>
  /** Where debug messages go. @default globalThis.console */
  console?: Pick<Console, 'warn'>
}

const ERROR_EVENT = 'sdk_error'
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max

/**
 * Builds an SDK instance from explicit seams; `init()` is this with the browser's. Use it in tests
 * with the twins (`memoryStorage`, `recordingTransport`, `manualClock`, `manualLifecycle`).
 * @example
 * const transport = recordingTransport()
 * const sdk = createClient({ key: 'pk_test', endpoint: 'https://c.example', storage: memoryStorage(), transport })
 * sdk.track('signed_up'); await sdk.flush() // transport.requests[0].batch.events[0].name === 'signed_up'
 */
export function createClient(deps: ClientDeps): Cairn {
  const clock = deps.clock ?? systemClock
  const random = deps.random ?? cryptoBytes
  const { storage } = deps
  const keys = storageKeys(deps.key)
  const makeId = () => newId(clock.now, random)
  const log = (...args: unknown[]) => {
    if (deps.debug) (deps.console ?? globalThis.console)?.warn('[cairn]', ...args)
  }
  const consent = createConsent(storage, keys, deps.gpc === true, deps.respectGpc !== false)
  const identity = createIdentity(storage, keys, makeId, !consent.optedOut())
  const queue = createQueue(storage, keys.queue, makeId(), clock.now)
  const emitter = createEmitter<CairnEventMap>()
  const endpoint = typeof deps.endpoint === 'string' ? deps.endpoint.replace(/\/+$/, '') : ''
  const sending = Boolean(endpoint && deps.transport)
  let destroyed = false
  let engine: FlowEngine | undefined

  /** Counts a problem for the next `sdk_error` event and logs it in debug mode. */
  const fail = (code: string, detail?: unknown) => {
    log(code, detail ?? '')
    try {
      if (sending && !consent.optedOut()) queue.count(code)
    } catch {
      // Counting must never be what breaks.
    }
  }
  const invalid = (method: string, why: string) => fail('invalid_call', `${method}(): ${why}`)

  const delivery = sending
    ? createDelivery({
      url: `${endpoint}/v1/batch`, key: deps.key, queue, storage, keys, transport: deps.transport!, clock,
      locks: deps.locks ?? { run: (_, task) => task().then(() => true) },
      unit: () => unit(random),
      errorEvent: (counters) => build({ type: 'track', name: ERROR_EVENT, props: counters }),
      isErrorEvent: (event) => event.type === 'track' && event.name === ERROR_EVENT,
      online: () => deps.lifecycle?.online() ?? true,
      fail: (error) => fail('internal', error),
    })
    : undefined

  const build = (input: EventInput): CairnEvent => {
    const event = { id: makeId(), ts: clock.now(), anonymousId: identity.anonymousId() } as Record<string, unknown>
    const user = identity.user()
    if (user) event.userId = user.id
    const url = deps.url?.()
    if (url) event.url = url.slice(0, 2048)
    if (isText(deps.locale, 35)) event.locale = deps.locale
    return Object.assign(event, input) as CairnEvent
  }

  const record = (input: EventInput) => {
    const event = build(input)
    try {
      engine?.observe?.(event)
    } catch (error) {
      fail('engine', error)
    }
    if (!delivery || consent.optedOut()) return
    if (!queue.push(event)) return fail('too_large', event.type)
    delivery.queued()
  }

  /** Wraps a public method: nothing thrown inside ever reaches the host page. */
  function guard<A extends unknown[], R>(method: string, run: (...args: A) => R, otherwise?: R): (...args: A) => R {
    return (...args) => {
      if (destroyed) {
        log(method, 'after destroy()')
        return otherwise as R
      }
      try {
        return run(...args)
      } catch (error) {
        fail('internal', error)
        return otherwise as R
      }
    }
  }

  const identify = (id: unknown, traits?: unknown, options?: unknown) => {
    if (!isText(id, LIMITS.id)) return invalid('identify', 'id: 1–128 characters')
    const json = toJsonObject(traits)
    if (json === null) return invalid('identify', 'traits: a JSON object')
    const hash = (options as { hash?: unknown } | undefined)?.hash
    if (hash !== undefined && !(typeof hash === 'string' && /^[0-9a-f]{64}$/i.test(hash))) {
      return invalid('identify', 'hash: hex HMAC-SHA256')
    }
    const input: UserInput = { id }
    if (json) input.traits = json
    if (hash) input.hash = hash
    const changed = identity.identify(input)
    if (!changed) return
    const event: Extract<EventInput, { type: 'identify' }> = { type: 'identify', userId: id }
    if (changed.traits) event.traits = changed.traits
    if (changed.hash) event.hash = changed.hash
    record(event)
    // New traits too: audience rules may decide differently now.
    engine?.identityChanged?.()
  }

  const show = (kind: FlowKind) => guard(kind, (flow: unknown, options?: unknown) => {
    const ok = isText(flow, LIMITS.id) || (typeof flow === 'object' && flow !== null && !Array.isArray(flow))
    if (!ok) return invalid(kind, 'a flow id or definition')
    if (!engine) return fail('no_engine', kind)
    // Only the options we know, read once: the engine keeps them, and a getter must not run later.
    engine.show(kind, flow as never, (options as ShowOptions | undefined)?.force === true ? { force: true } : undefined)
  })

  const sdk: Cairn = {
    identify: guard('identify', identify),
    track: guard('track', (name: unknown, props?: unknown) => {
      if (!isText(name, LIMITS.name)) return invalid('track', 'name: 1–200 characters')
      const json = toJsonObject(props)
      if (json === null) return invalid('track', 'props: a JSON object')
      record(json ? { type: 'track', name, props: json } : { type: 'track', name })
    }),
    showTour: show('tour'),
    showSurvey: show('survey'),
    showChecklist: show('checklist'),
    showAnnouncement: show('announcement'),
    on: guard('on', (name: unknown, handler: unknown) => {
      if (typeof name !== 'string' || typeof handler !== 'function') {
        invalid('on', '(event name, function)')
        return () => {}
      }
      return emitter.on(name as keyof CairnEventMap, handler as () => void)
    }, () => {}),
    flush: guard('flush', () => (delivery?.flush() ?? Promise.resolve()).catch((error: unknown) => fail('internal', error)), Promise.resolve()),
    reset: guard('reset', () => {
      identity.reset()
      engine?.identityChanged?.()
    }),
    optOut: guard('optOut', () => {
      consent.choose('out')
      queue.clear()
      identity.persist(false)
      for (const key of storage.keys(keys.base)) if (key !== keys.consent) storage.remove(key)
    }),
    optIn: guard('optIn', () => {
      consent.choose('in')
      identity.persist(true)
    }),
    destroy: guard('destroy', () => {
      destroyed = true
      unsubscribe?.()
      delivery?.stop()
      queue.release()
      emitter.clear()
      engine?.destroy?.()
    }),
  }

  const unsubscribe = deps.lifecycle?.subscribe((moment) => {
    try {
      if (moment === 'hide') delivery?.hide()
      else if (moment === 'unload') {
        queue.release()
        delivery?.pause()
      } else if (moment === 'show') {
        queue.touch()
        delivery?.resume()
      } else delivery?.online()
    } catch (error) {
      fail('internal', error)
    }
  })

  const host: EngineHost = {
    options: deps, endpoint, keys, storage, clock,
    unit: () => unit(random),
    anonymousId: () => identity.anonymousId(),
    user: () => identity.user(),
    optedOut: () => consent.optedOut(),
    record: (event) => {
      if (!destroyed) record(event)
    },
    emit: (name, payload) => emitter.emit(name, payload, (error) => fail('handler', error)),
    fail,
    loadChunk: (name) => deps.loadChunk?.(name) ?? Promise.reject(new Error(`no chunk loader for ${name}`)),
  }
  try {
    // Before the engine starts, so that its first decisions (audience, holdout buckets) are about this user.
    if (deps.user !== undefined) identify(deps.user?.id, deps.user?.traits, deps.user)
    // A first turn soon after start delivers what earlier pages left behind.
    delivery?.queued()
  } catch (error) {
    fail('internal', error)
  }
  try {
    engine = deps.engine?.(host)
  } catch (error) {
    fail('engine', error)
  }
  return sdk
}
