import { describe, expect, it } from 'vitest'
import { browserLifecycle } from '../../../packages/sdk/src/index.ts'
import type { PageMoment } from '../../../packages/sdk/src/index.ts'

describe('browserLifecycle', () => {
  it('turns visibilitychange, pagehide, pageshow and online into page moments, until unsubscribed', () => {
    const moments: PageMoment[] = []
    const lifecycle = browserLifecycle(window)
    const stop = lifecycle.subscribe((moment) => moments.push(moment))
    let visibility: DocumentVisibilityState = 'hidden'
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
    document.dispatchEvent(new Event('visibilitychange'))
    visibility = 'visible'
    document.dispatchEvent(new Event('visibilitychange'))
    window.dispatchEvent(new Event('pagehide'))
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }))
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }))
    window.dispatchEvent(new Event('online'))
    stop()
    window.dispatchEvent(new Event('online'))
    expect(moments).toEqual(['hide', 'hide', 'unload', 'show', 'online'])
    expect(lifecycle.online()).toBe(true)
  })
})
