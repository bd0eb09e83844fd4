import { describe, expect, it } from 'vitest'
import { memoryStorage, storageKeys } from '../../../packages/sdk/src/index.ts'
import { setup } from './support.ts'

const HASH = 'a'.repeat(64)

describe('identity', () => {
  it('keeps one anonymous id per project across page loads', async () => {
    const storage = memoryStorage()
    const first = setup({ storage })
    first.sdk.track('a')
    await first.sdk.flush()
    const second = setup({ storage, clock: first.clock })
    second.sdk.track('b')
    await second.sdk.flush()
    expect(second.events()[0]!.anonymousId).toBe(first.events()[0]!.anonymousId)
    expect(storage.get(storageKeys('pk_test').anonymousId)).toBe(first.events()[0]!.anonymousId)
  })

  it('identify sends an identify event carrying both ids, the traits and the hash; later events carry the user id', async () => {
    const { sdk, events } = setup()
    sdk.identify('user-7', { firstName: 'سارا', plan: 'trial' }, { hash: HASH })
    sdk.track('project_created')
    await sdk.flush()
    const [identify, track] = events()
    expect(identify).toMatchObject({ type: 'identify', userId: 'user-7', traits: { firstName: 'سارا', plan: 'trial' }, hash: HASH })
    expect(identify!.anonymousId).toEqual(expect.any(String))
    expect(track).toMatchObject({ userId: 'user-7', anonymousId: identify!.anonymousId })
  })

  it('does not repeat an identify that changes nothing (every page load calls it), but sends new traits merged', async () => {
    const storage = memoryStorage()
    const first = setup({ storage })
    first.sdk.identify('u', { plan: 'trial' })
    await first.sdk.flush()
    const second = setup({ storage, clock: first.clock, deps: { user: { id: 'u', traits: { plan: 'trial' } } } })
    second.sdk.identify('u')
    await second.sdk.flush()
    expect(second.events()).toHaveLength(0)
    second.sdk.identify('u', { seats: 3 })
    await second.sdk.flush()
    expect(second.events()[0]).toMatchObject({ type: 'identify', traits: { plan: 'trial', seats: 3 } })
  })

  it('init({ user }) identifies at once', async () => {
    const { sdk, events } = setup({ deps: { user: { id: 'u1', traits: { name: 'Ali' } } } })
    await sdk.flush()
    expect(events()[0]).toMatchObject({ type: 'identify', userId: 'u1', traits: { name: 'Ali' } })
  })

  it('reset() starts a new anonymous id and forgets the user', async () => {
    const { sdk, events, storage } = setup()
    sdk.identify('u1', { name: 'Ali' })
    sdk.track('before')
    sdk.reset()
    sdk.track('after')
    await sdk.flush()
    const [, before, after] = events()
    expect(before).toMatchObject({ userId: 'u1' })
    expect(after!.userId).toBeUndefined()
    expect(after!.anonymousId).not.toBe(before!.anonymousId)
    expect(storage.get(storageKeys('pk_test').user)).toBeNull()
  })

  it('two instances with different keys keep separate identities, queues and storage keys', async () => {
    const storage = memoryStorage()
    const a = setup({ storage, key: 'pk_a', seed: 1 })
    const b = setup({ storage, key: 'pk_b', seed: 2, clock: a.clock })
    a.sdk.identify('alice')
    b.sdk.track('only_b')
    await a.sdk.flush()
    await b.sdk.flush()
    expect(a.events().map((e) => e.type)).toEqual(['identify'])
    expect(b.events()).toHaveLength(1)
    expect(b.events()[0]!.userId).toBeUndefined()
    expect(a.events()[0]!.anonymousId).not.toBe(b.events()[0]!.anonymousId)
    expect(a.transport.requests[0]!.batch.key).toBe('pk_a')
    expect(b.transport.requests[0]!.batch.key).toBe('pk_b')
    expect(storage.keys('cairn:v1:pk_a:').length).toBeGreaterThan(0)
    expect(storage.keys('cairn:v1:pk_b:').length).toBeGreaterThan(0)
  })
})
