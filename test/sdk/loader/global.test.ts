import { describe, expect, it } from 'vitest'
import { createGlobal, replay } from '../../../packages/sdk/src/loader/global.ts'
import type { Cairn, InitOptions } from '../../../packages/sdk/src/index.ts'

/** A fake SDK instance that logs calls. */
function fakeStart() {
  const calls: unknown[][] = []
  const started: InitOptions[] = []
  const offs: string[] = []
  const start = (options: InitOptions): Cairn => {
    started.push(options)
    const log = (method: string) => (...args: unknown[]) => {
      calls.push([options.key, method, ...args])
      if (method === 'on') return () => offs.push(String(args[0]))
      return method === 'flush' ? Promise.resolve() : undefined
    }
    return Object.fromEntries([
      'identify', 'track', 'showTour', 'showSurvey', 'showChecklist', 'showAnnouncement', 'showFeed', 'preview', 'on', 'flush', 'reset', 'optOut', 'optIn', 'destroy',
    ].map((m) => [m, log(m)])) as unknown as Cairn
  }
  return { start, calls, started, offs }
}

describe('window.cairn', () => {
  it('keeps calls made before init and replays them in order once init runs', async () => {
    const fake = fakeStart()
    const cairn = createGlobal(fake.start, { endpoint: 'https://from-data-attribute' })
    cairn.track('early', { n: 1 })
    cairn.identify('u1')
    await cairn.flush()
    expect(fake.calls).toEqual([])
    expect(cairn.init({ key: 'pk' })).toBe(cairn)
    expect(fake.started).toEqual([{ key: 'pk', endpoint: 'https://from-data-attribute' }])
    cairn.track('late')
    expect(fake.calls).toEqual([['pk', 'track', 'early', { n: 1 }], ['pk', 'identify', 'u1'], ['pk', 'flush'], ['pk', 'track', 'late']])
  })

  it('a second init with the same key is the same SDK; with another key, a separate one', () => {
    const fake = fakeStart()
    const cairn = createGlobal(fake.start, {})
    cairn.init({ key: 'pk_a' })
    expect(cairn.init({ key: 'pk_a' })).toBe(cairn)
    const other = cairn.init({ key: 'pk_b' })
    expect(other).not.toBe(cairn)
    other.track('b')
    cairn.track('a')
    expect(fake.calls).toEqual([['pk_b', 'track', 'b'], ['pk_a', 'track', 'a']])
  })

  it('on() before init returns an unsubscribe that works before and after init', () => {
    const fake = fakeStart()
    const cairn = createGlobal(fake.start, {})
    const cancelled = cairn.on('milestone', () => {})
    const kept = cairn.on('flow:shown', () => {})
    cancelled()
    cairn.init({ key: 'pk' })
    expect(fake.calls.map((c) => c[2])).toEqual(['flow:shown'])
    kept()
    expect(fake.offs).toEqual(['flow:shown'])
  })

  it('does not grow for ever when init never comes', () => {
    const fake = fakeStart()
    const cairn = createGlobal(fake.start, {})
    for (let i = 0; i < 10_000; i++) cairn.track(`e${i}`)
    cairn.init({ key: 'pk' })
    expect(fake.calls).toHaveLength(200)
  })
})

describe('replay', () => {
  it('replays snippet calls in order, skips junk and cancelled listeners, and hands back unsubscribes', () => {
    const fake = fakeStart()
    const cairn = createGlobal(fake.start, {})
    const listening: [string, unknown[], (0 | 1)?, (() => void)?] = ['on', ['milestone', () => {}]]
    replay(cairn, [
      ['init', [{ key: 'pk' }]], ['track', ['a']], 'junk', [42], ['constructor', []], ['hasOwnProperty', ['x']],
      ['on', ['flow:shown', () => {}], 1], listening, ['track', ['b']],
    ])
    expect(fake.calls.map((c) => c.slice(1, 3))).toEqual([['track', 'a'], ['on', 'milestone'], ['track', 'b']])
    listening[3]!()
    expect(fake.offs).toEqual(['milestone'])
    replay(cairn, undefined)
  })
})
