import { afterEach, describe, expect, it, vi } from 'vitest'
import { PLACEMENTS } from '@cairn/protocol'
import { physicalPlacement, warmPosition } from '../../packages/sdk/src/widgets/position.ts'

afterEach(() => vi.restoreAllMocks())

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

describe('warmPosition', () => {
  it('places a box once the page is idle, through the same anchor, with nothing added to the page', async () => {
    const idle: (() => void)[] = []
    const made: HTMLElement[] = []
    const create = document.createElement.bind(document)
    vi.spyOn(document, 'createElement').mockImplementation((tag: string) => {
      const element = create(tag)
      made.push(element)
      return element
    })
    const page = document.body.innerHTML
    warmPosition({ requestIdleCallback: (run) => idle.push(run), document })
    expect(made).toEqual([])
    for (const run of idle) run()
    await vi.waitFor(() => expect(made[0]?.style.getPropertyValue('position')).toBe('fixed'))
    expect(made.every((element) => !element.isConnected)).toBe(true)
    expect(document.body.innerHTML).toBe(page)
  })

  it('does nothing without idle callbacks or a document', () => {
    expect(() => warmPosition({})).not.toThrow()
    const idle: (() => void)[] = []
    warmPosition({ requestIdleCallback: (run) => idle.push(run) })
    expect(() => idle.forEach((run) => run())).not.toThrow()
  })
})
