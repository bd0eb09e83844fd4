import { describe, expect, it } from 'vitest'
import { PLACEMENTS } from '@cairn/protocol'
import { physicalPlacement } from '../../packages/sdk/src/widgets/position.ts'

describe('physicalPlacement', () => {
  it.each([
    ['auto', 'ltr', 'bottom'], ['auto', 'rtl', 'bottom'],
    ['right', 'ltr', 'right'], ['right', 'rtl', 'left'], ['left', 'rtl', 'right'],
    ['right-start', 'rtl', 'left-start'], ['left-end', 'rtl', 'right-end'],
    ['top', 'rtl', 'top'], ['bottom-start', 'ltr', 'bottom-start'],
    // floating-ui mirrors the alignment of top/bottom itself for a right-to-left box: not mirrored twice.
    ['bottom-start', 'rtl', 'bottom-start'], ['top-end', 'rtl', 'top-end'],
  ] as const)('%s in %s is %s', (logical, dir, physical) => {
    expect(physicalPlacement(logical, dir)).toBe(physical)
  })

  it('mirroring twice is the identity, and every placement maps to a floating-ui placement', () => {
    for (const placement of PLACEMENTS.filter((p) => p !== 'auto')) {
      expect(physicalPlacement(physicalPlacement(placement, 'rtl'), 'rtl')).toBe(placement)
      expect(physicalPlacement(placement, 'ltr')).toBe(placement)
    }
  })
})
