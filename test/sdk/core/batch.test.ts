import type { CairnEvent } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { takeBatch, wireSize } from '../../../packages/sdk/src/core/batch.ts'

const event = (n: number, pad = 0): CairnEvent => ({
  type: 'track', name: `e${n}`, id: `id-${n}`, ts: n, anonymousId: 'a', ...(pad ? { props: { pad: 'x'.repeat(pad) } } : {}),
})

describe('takeBatch', () => {
  const events = Array.from({ length: 120 }, (_, i) => event(i))

  it('takes the oldest events up to the count limit', () => {
    expect(takeBatch(events, new Set(), 50, Infinity).batch).toEqual(events.slice(0, 50))
  })

  it('skips events already in flight', () => {
    const { batch } = takeBatch(events, new Set(['id-0', 'id-2']), 3, Infinity)
    expect(batch.map((e) => e.id)).toEqual(['id-1', 'id-3', 'id-4'])
  })

  it('stops before the byte limit, envelope included, and never reorders', () => {
    const big = [event(0, 100), event(1, 100), event(2, 10)]
    const size = wireSize(big[0]!)
    const { batch, bytes } = takeBatch(big, new Set(), 50, 50 + size * 2, 50)
    expect(batch.map((e) => e.id)).toEqual(['id-0'])
    expect(bytes).toBe(50 + size)
  })

  it('is empty when even the first event does not fit', () => {
    expect(takeBatch([event(0, 1000)], new Set(), 50, 500)).toEqual({ batch: [], bytes: 0 })
  })

  it('counts bytes as UTF-8 (Persian text is two bytes a letter)', () => {
    const fa: CairnEvent = { type: 'track', name: 'سلام', id: 'i', ts: 1, anonymousId: 'a' }
    expect(wireSize(fa)).toBe(JSON.stringify(fa).length + 4)
  })
})
