import { afterEach, describe, expect, it } from 'vitest'
import { createRef, render } from 'preact'
import { drawSpotlight, Spotlight, type SpotlightOpen } from '../../packages/sdk/src/widgets/tour/spotlight.tsx'

afterEach(() => document.body.replaceChildren())

/** The spotlight for `open`, drawn around a 100×40 target at (50, 30); its boxes as numbers. */
const drawn = (open: SpotlightOpen) => {
  const box = createRef<HTMLDivElement>()
  const host = document.createElement('div')
  document.body.append(host)
  render(<Spotlight open={open} box={box} />, host)
  drawSpotlight(box.current as HTMLDivElement, { left: 50, top: 30, width: 100, height: 40 }, open)
  return [...(box.current as HTMLDivElement).children].map((el) => {
    const style = (el as HTMLElement).style
    const n = (name: string) => Number.parseFloat(style.getPropertyValue(name))
    return { class: el.className, left: n('left'), top: n('top'), width: n('width'), height: n('height') }
  })
}

describe('the spotlight', () => {
  it('cuts a padded hole around the target, and a click step is blocked everywhere but the hole', () => {
    const [hole, ...blockers] = drawn('target')
    expect(hole).toEqual({ class: 'spot', left: 44, top: 24, width: 112, height: 52 })
    expect(blockers.map((b) => b.class)).toEqual(['block', 'block', 'block', 'block'])
    const covered = (x: number, y: number) => blockers.some((b) => x >= b.left && x < b.left + b.width && y >= b.top && y < b.top + b.height)
    // Inside the hole: open; just outside it on each side, and far away: blocked.
    expect(covered(100, 50)).toBe(false)
    for (const [x, y] of [[100, 23], [100, 76], [43, 50], [156, 50], [5000, 5000], [0, 0]] as const) expect(covered(x, y), `${x},${y}`).toBe(true)
  })

  it('blocks the whole page on a Next step and nothing on a step waiting for an event', () => {
    expect(drawn('none').map((b) => b.class)).toEqual(['spot', 'block'])
    expect(drawn('none')[1]).toMatchObject({ left: 0, top: 0 })
    expect(drawn('all')).toEqual([{ class: 'spot', left: 44, top: 24, width: 112, height: 52 }])
  })

  it('never draws a negative size (a target above the viewport)', () => {
    const box = createRef<HTMLDivElement>()
    const host = document.createElement('div')
    document.body.append(host)
    render(<Spotlight open="target" box={box} />, host)
    drawSpotlight(box.current as HTMLDivElement, { left: -30, top: -100, width: 20, height: 10 }, 'target')
    for (const el of (box.current as HTMLDivElement).children) {
      const style = (el as HTMLElement).style
      expect(Number.parseFloat(style.getPropertyValue('width'))).toBeGreaterThanOrEqual(0)
      expect(Number.parseFloat(style.getPropertyValue('height'))).toBeGreaterThanOrEqual(0)
    }
  })
})
