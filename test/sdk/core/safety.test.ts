import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createClient, memoryStorage } from '../../../packages/sdk/src/index.ts'
import { settle, setup } from './support.ts'

/** Every public method with hostile arguments. */
const HOSTILE: unknown[][] = [
  [], [undefined], [null], [42], [{}], [[]], [() => {}], [Symbol('x')], [''], ['x'.repeat(10_000)],
  ['ok', { toJSON() { throw new Error('boom') } }], ['ok', 'not-an-object'], ['ok', [1, 2]], ['ok', { n: 10n }],
  ['ok', (() => { const o: Record<string, unknown> = {}; o.self = o; return o })()], ['ok', {}, { hash: 'nope' }], ['ok', {}, 7],
]
const METHODS = [
  'identify', 'track', 'showTour', 'showSurvey', 'showChecklist', 'showAnnouncement', 'showFeed', 'on', 'flush', 'reset', 'optOut', 'optIn', 'destroy',
] as const

let unhandled: unknown[] = []
const onUnhandled = (event: PromiseRejectionEvent | unknown) => unhandled.push(event)
beforeEach(() => {
  unhandled = []
  process.on('unhandledRejection', onUnhandled)
})
afterEach(() => {
  process.off('unhandledRejection', onUnhandled)
})

describe('never breaks the host', () => {
  it('every method takes any arguments, in any order, without throwing or rejecting', async () => {
    const { sdk, warnings } = setup({ deps: { debug: true } })
    for (const args of HOSTILE) {
      for (const method of METHODS.filter((m) => m !== 'destroy' && m !== 'optOut')) {
        const result = (sdk[method] as (...a: unknown[]) => unknown)(...args)
        if (result instanceof Promise) await result
      }
    }
    await settle()
    expect(unhandled).toEqual([])
    expect(warnings.length).toBeGreaterThan(0)
    expect(warnings.every((w) => w[0] === '[cairn]')).toBe(true)
  })

  it('wrong argument types are counted as sdk_error (invalid_call) and nothing bad is queued', async () => {
    const { sdk, events } = setup()
    sdk.track(42 as never)
    sdk.track('ok', 'props' as never)
    sdk.identify({} as never)
    sdk.track('fine')
    await sdk.flush()
    expect(events().map((e) => 'name' in e && e.name)).toEqual(['fine', 'sdk_error'])
    expect(events()[1]).toMatchObject({ props: { invalid_call: 3 } })
  })

  it('says nothing on the console unless debug is on', () => {
    const { sdk, warnings } = setup()
    sdk.track(undefined as never)
    expect(warnings).toEqual([])
  })

  it('after destroy(), every method is a harmless no-op', async () => {
    const { sdk, transport } = setup()
    sdk.destroy()
    for (const method of METHODS) {
      const result = (sdk[method] as (...a: unknown[]) => unknown)('x', {})
      if (result instanceof Promise) await result
    }
    expect(typeof sdk.on('milestone', () => {})).toBe('function')
    expect(transport.requests).toEqual([])
  })

  it('a transport that throws is treated as a network failure and retried', async () => {
    let calls = 0
    const { sdk, advance } = setup({ deps: { transport: { send: () => { calls++; throw new Error('no network stack') } } } })
    sdk.track('a')
    await advance(2_000)
    await advance(3_000)
    expect(calls).toBeGreaterThanOrEqual(2)
    await sdk.flush()
    expect(unhandled).toEqual([])
  })

  it('an event handler that throws is isolated from the others and from the SDK', () => {
    const seen: string[] = []
    const engine = { show: () => {} }
    let host: Parameters<NonNullable<Parameters<typeof createClient>[0]['engine']>>[0] | undefined
    const sdk = createClient({ key: 'pk', storage: memoryStorage(), engine: (h) => ((host = h), engine) })
    sdk.on('milestone', () => { throw new Error('host bug') })
    const off = sdk.on('milestone', ({ name }) => seen.push(name))
    host!.emit('milestone', { name: 'first_project' })
    off()
    host!.emit('milestone', { name: 'second' })
    expect(seen).toEqual(['first_project'])
  })
})
