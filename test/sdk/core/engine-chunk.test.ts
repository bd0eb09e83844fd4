import { afterEach, describe, expect, it } from 'vitest'
import { browserEnv } from '../../../packages/sdk/src/core/engine-chunk.ts'

const realIdle = window.requestIdleCallback

/** Idle callbacks run when the test says. */
function holdIdle(): (() => void)[] {
  const idle: (() => void)[] = []
  window.requestIdleCallback = ((run: () => void) => (idle.push(run), idle.length)) as typeof window.requestIdleCallback
  return idle
}

const storageEvent = (key: string) => window.dispatchEvent(new StorageEvent('storage', { key }))

afterEach(() => {
  window.requestIdleCallback = realIdle
})

describe('browserEnv: the storage event', () => {
  it('is listened to once the page is idle, and then says null: any key may have changed meanwhile', () => {
    const idle = holdIdle()
    const heard: (string | null)[] = []
    const off = browserEnv(window).onStorage!((key) => heard.push(key))
    storageEvent('before')
    expect(heard).toEqual([])
    for (const run of idle) run()
    expect(heard).toEqual([null])
    storageEvent('after')
    expect(heard).toEqual([null, 'after'])
    off()
    storageEvent('gone')
    expect(heard).toEqual([null, 'after'])
  })

  it('is never listened to when unsubscribed before the page was idle', () => {
    const idle = holdIdle()
    const heard: (string | null)[] = []
    browserEnv(window).onStorage!((key) => heard.push(key))()
    for (const run of idle) run()
    storageEvent('late')
    expect(heard).toEqual([])
  })
})
