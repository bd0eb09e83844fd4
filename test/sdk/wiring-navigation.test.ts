import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { navigation } from '../../packages/sdk/src/core/navigation.ts'
import type { NavigationWindow } from '../../packages/sdk/src/core/navigation.ts'

const own = (name: 'pushState' | 'replaceState') => Object.hasOwn(history, name)

beforeEach(() => {
  history.replaceState(null, '', '/start')
})
afterEach(() => {
  // A failed test must not leave a patch behind for the next one.
  delete (history as Partial<History>).pushState
  delete (history as Partial<History>).replaceState
  delete (history as unknown as Record<symbol, unknown>)[Symbol.for('cairn.history.v1')]
})

describe('SPA navigations, without the Navigation API (history patch, popstate, hashchange)', () => {
  it('tells every instance each new URL once, and restores history when the last one stops', () => {
    const a: string[] = []
    const b: string[] = []
    const stopA = navigation(window)((url) => a.push(new URL(url).pathname + new URL(url).hash))
    const stopB = navigation(window)((url) => b.push(new URL(url).pathname + new URL(url).hash))
    expect(own('pushState') && own('replaceState')).toBe(true)

    history.pushState({ n: 1 }, '', '/projects/1')
    history.replaceState({ n: 1 }, '', '/projects/1') // same URL: nothing new
    history.replaceState(null, '', '/projects/2')
    location.hash = '#board'
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    history.pushState(null, '', '/back')
    window.dispatchEvent(new PopStateEvent('popstate'))

    expect(a).toEqual(['/projects/1', '/projects/2', '/projects/2#board', '/back'])
    expect(b).toEqual(a)
    expect(history.state).toBeNull()

    stopA()
    history.pushState(null, '', '/only-b')
    expect(a).toHaveLength(4)
    expect(b.at(-1)).toBe('/only-b')
    expect(own('pushState')).toBe(true)
    stopB()
    expect(own('pushState') || own('replaceState')).toBe(false)
    expect(Object.getOwnPropertySymbols(history)).toEqual([])
  })

  it('keeps a wrapper the page installed before, and gives it back on stop', () => {
    const calls: string[] = []
    const original = History.prototype.pushState
    history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
      calls.push('host')
      return original.apply(this, args)
    }
    const hostWrapper = history.pushState
    const seen: string[] = []
    const stop = navigation(window)((url) => seen.push(new URL(url).pathname))
    history.pushState(null, '', '/x')
    expect([calls, seen]).toEqual([['host'], ['/x']])
    stop()
    expect(history.pushState).toBe(hostWrapper)
    history.pushState(null, '', '/y')
    expect([calls, seen]).toEqual([['host', 'host'], ['/x']])
  })

  it('leaves a router that wrapped history after it working when it stops', () => {
    const seen: string[] = []
    const stop = navigation(window)((url) => seen.push(new URL(url).pathname))
    const ours = history.pushState
    const routed: string[] = []
    history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
      routed.push(String(args[2]))
      return ours.apply(this, args)
    }
    stop()
    history.pushState(null, '', '/after')
    expect(routed).toEqual(['/after'])
    expect(seen).toEqual([])
    expect(location.pathname).toBe('/after')
    // Listening again reuses the patch inside the router's chain.
    const again: string[] = []
    const stopAgain = navigation(window)((url) => again.push(new URL(url).pathname))
    history.pushState(null, '', '/again')
    expect(again).toEqual(['/again'])
    stopAgain()
  })

  it('a listener that throws never breaks the page\'s navigation or the other listeners', () => {
    const seen: string[] = []
    const stopA = navigation(window)(() => {
      throw new Error('boom')
    })
    const stopB = navigation(window)((url) => seen.push(new URL(url).pathname))
    expect(() => history.pushState(null, '', '/ok')).not.toThrow()
    expect(location.pathname).toBe('/ok')
    expect(seen).toEqual(['/ok'])
    stopA()
    stopB()
  })
})

describe('SPA navigations with the Navigation API', () => {
  it('listens to currententrychange and leaves history alone', () => {
    const nav = new EventTarget()
    const win = { location: { href: 'https://app.test/a' }, history, addEventListener: vi.fn(), removeEventListener: vi.fn(), navigation: nav }
    const seen: string[] = []
    const stop = navigation(win as unknown as NavigationWindow)((url) => seen.push(url))
    expect(own('pushState')).toBe(false)
    expect(win.addEventListener).not.toHaveBeenCalled()
    nav.dispatchEvent(new Event('currententrychange'))
    win.location.href = 'https://app.test/b'
    nav.dispatchEvent(new Event('currententrychange'))
    stop()
    win.location.href = 'https://app.test/c'
    nav.dispatchEvent(new Event('currententrychange'))
    expect(seen).toEqual(['https://app.test/b'])
  })
})
