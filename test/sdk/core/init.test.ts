import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { init } from '../../../packages/sdk/src/index.ts'

type Sent = { url: string; init: RequestInit }

let sent: Sent[]
/** GETs the flow engine made (flows, user state). */
let reads: string[]
const originalFetch = globalThis.fetch
const originalStorage = Object.getOwnPropertyDescriptor(window, 'localStorage')

beforeEach(() => {
  sent = []
  reads = []
  localStorage.clear()
  globalThis.fetch = vi.fn(async (url: string | URL | Request, request?: RequestInit) => {
    if (request?.method !== 'POST') {
      reads.push(String(url))
      return new Response(String(url).includes('/v1/flows') ? '{"flows":[]}' : '{"userId":"u1","flows":{},"milestones":{},"events":{}}', { status: 200 })
    }
    sent.push({ url: String(url), init: request ?? {} })
    return new Response('{"accepted":1,"duplicates":0,"rejected":[]}', { status: 200 })
  }) as typeof fetch
})
afterEach(() => {
  globalThis.fetch = originalFetch
  if (originalStorage) Object.defineProperty(window, 'localStorage', originalStorage)
})

const events = () => sent.flatMap((s) => (JSON.parse(String(s.init.body)) as { events: { name?: string }[] }).events)

describe('init', () => {
  it('queues in localStorage under versioned, per-key names and sends with fetch', async () => {
    const sdk = init({ key: 'pk_live', endpoint: 'https://collector.example/' })
    sdk.track('project_created', { template: 'kanban' })
    const keys = Object.keys(localStorage)
    expect(keys).toContain('cairn:v1:pk_live:anon')
    expect(keys.some((k) => k.startsWith('cairn:v1:pk_live:q:'))).toBe(true)
    await sdk.flush()
    expect(sent[0]!.url).toBe('https://collector.example/v1/batch')
    expect(events().map((e) => e.name)).toEqual(['project_created'])
    expect(Object.keys(localStorage).some((k) => k.includes(':q:'))).toBe(false)
    sdk.destroy()
  })

  it('keeps working in memory when localStorage throws (sandboxed iframe, private mode)', async () => {
    Object.defineProperty(window, 'localStorage', { configurable: true, get: () => { throw new DOMException('denied', 'SecurityError') } })
    const sdk = init({ key: 'pk_live', endpoint: 'https://collector.example' })
    sdk.identify('u1')
    sdk.track('a')
    await sdk.flush()
    expect(events().map((e) => e.name ?? 'identify')).toEqual(['identify', 'a'])
    sdk.destroy()
  })

  it('without an endpoint, stores no events and sends nothing (local-only mode)', async () => {
    const sdk = init({ key: 'pk_local' })
    sdk.track('a')
    await sdk.flush()
    expect(sent).toEqual([])
    expect(Object.keys(localStorage).some((k) => k.includes(':q:'))).toBe(false)
    sdk.destroy()
  })

  it('with bad options, returns an SDK object that ignores every call, and says why', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (const options of [undefined, null, 42, {}, { key: '' }, { key: 7 }]) {
      const sdk = init(options as never)
      sdk.track('a')
      await sdk.flush()
    }
    expect(sent).toEqual([])
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('init() needs { key'))
    warn.mockRestore()
  })

  it('ignores seams smuggled in through the options', async () => {
    const transport = { send: vi.fn() }
    const sdk = init({ key: 'pk_live', endpoint: 'https://collector.example', transport } as never)
    sdk.track('a')
    await sdk.flush()
    expect(transport.send).not.toHaveBeenCalled()
    expect(sent).toHaveLength(1)
    sdk.destroy()
  })

  it('respects navigator.globalPrivacyControl', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { configurable: true, value: true })
    try {
      const sdk = init({ key: 'pk_gpc', endpoint: 'https://collector.example' })
      sdk.identify('u1')
      sdk.track('a')
      await sdk.flush()
      expect(sent).toEqual([])
      expect(Object.keys(localStorage)).toEqual([])
      // Onboarding goes on: the published flows are read (the project key only), nothing about the user.
      expect(reads).toEqual(['https://collector.example/v1/flows?key=pk_gpc'])
      sdk.destroy()
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl
    }
  })
})
