import { describe, expect, it } from 'vitest'
import { memoryStorage, storageKeys } from '../../../packages/sdk/src/index.ts'
import { setup } from './support.ts'

const keys = storageKeys('pk_test')

describe('opt-out and Global Privacy Control', () => {
  it('optOut(): nothing is sent and nothing is stored but the choice, which lasts across pages', async () => {
    const storage = memoryStorage()
    const first = setup({ storage })
    first.sdk.identify('u')
    first.sdk.track('queued_before')
    first.sdk.optOut()
    first.sdk.track('after')
    first.lifecycle.emit('hide')
    await first.sdk.flush()
    expect(first.transport.requests).toHaveLength(0)
    expect(storage.keys('')).toEqual([keys.consent])

    const next = setup({ storage, clock: first.clock })
    next.sdk.identify('u')
    next.sdk.track('next_page')
    await next.sdk.flush()
    await next.advance(5_000)
    expect(next.transport.requests).toHaveLength(0)
    expect(storage.keys('')).toEqual([keys.consent])
  })

  it('with navigator.globalPrivacyControl, stores and sends nothing at all', async () => {
    const storage = memoryStorage()
    const { sdk, transport, advance } = setup({ storage, deps: { gpc: true } })
    sdk.identify('u')
    sdk.track('a')
    await advance(3_000)
    expect(transport.requests).toHaveLength(0)
    expect(storage.keys('')).toEqual([])
  })

  it('respectGpc: false ignores the signal', async () => {
    const { sdk, transport } = setup({ deps: { gpc: true, respectGpc: false } })
    sdk.track('a')
    await sdk.flush()
    expect(transport.requests).toHaveLength(1)
  })

  it('optIn() resumes tracking, even over Global Privacy Control, with a new anonymous id', async () => {
    const { sdk, transport, events } = setup({ deps: { gpc: true } })
    sdk.track('ignored')
    sdk.optIn()
    sdk.track('counted')
    await sdk.flush()
    expect(transport.requests).toHaveLength(1)
    expect(events().map((e) => 'name' in e && e.name)).toEqual(['counted'])
  })
})
