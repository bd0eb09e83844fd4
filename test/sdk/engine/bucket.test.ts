import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bucket, inShare } from '../../../packages/sdk/src/engine/index.ts'

describe('bucket', () => {
  it('is deterministic and in [0, 1)', () => {
    fc.assert(
      fc.property(fc.string(), (key) => {
        const b = bucket(key)
        expect(b).toBe(bucket(key))
        expect(b >= 0 && b < 1).toBe(true)
      }),
    )
  })

  it('pins known values (FNV-1a + murmur3 fmix32, checked by hand) so every device and release agrees', () => {
    expect(bucket('')).toBe(0.6689221884589642)
    expect(bucket('welcome:user-1')).toBe(0.49960418650880456)
    expect(bucket('welcome:user-2')).toBe(0.5775805320590734)
  })

  it.each([0.05, 0.1, 0.5, 0.9])('puts about %s of 20,000 sequential user ids in the share', (share) => {
    let n = 0
    for (let i = 0; i < 20_000; i++) if (inShare(`user-${i}`, 'welcome', share)) n++
    expect(Math.abs(n / 20_000 - share)).toBeLessThan(0.015)
  })

  it('draws independently per flow and per salt', () => {
    let both = 0
    let salted = 0
    for (let i = 0; i < 20_000; i++) {
      const a = inShare(`u${i}`, 'a', 0.5)
      if (a && inShare(`u${i}`, 'b', 0.5)) both++
      if (a && inShare(`u${i}`, 'a', 0.5, 'sample:')) salted++
    }
    expect(Math.abs(both / 20_000 - 0.25)).toBeLessThan(0.015)
    expect(Math.abs(salted / 20_000 - 0.25)).toBeLessThan(0.015)
  })

  it('a share of 0 holds nobody out and a larger share holds out a superset', () => {
    fc.assert(
      fc.property(fc.string(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (user, x, y) => {
        expect(inShare(user, 'f', 0)).toBe(false)
        if (inShare(user, 'f', Math.min(x, y))) expect(inShare(user, 'f', Math.max(x, y))).toBe(true)
      }),
    )
  })
})
