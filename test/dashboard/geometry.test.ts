import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { barGeometry, stackGeometry } from '../../packages/dashboard/src/charts/bars.ts'
import { columnGeometry } from '../../packages/dashboard/src/charts/columns.ts'
import { heatLevel } from '../../packages/dashboard/src/charts/heat.ts'
import { intervalGeometry, verdict, wilson } from '../../packages/dashboard/src/charts/interval.ts'
import { lineGeometry } from '../../packages/dashboard/src/charts/lines.ts'

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6
const values = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 30 })

describe('barGeometry', () => {
  it('draws lengths proportional to the values on a pinned scale', () => {
    const g = barGeometry([{ value: 0.25 }, { value: 1 }, { value: 0 }], { width: 200, rtl: false, max: 1, ref: 0.4 })
    expect(g.bars.map((b) => [b.x, b.width])).toEqual([[0, 50], [0, 200], [0, 0]])
    expect(g.refX).toBe(80)
  })

  it('puts intervals where their ends are', () => {
    const [bar] = barGeometry([{ value: 0.5, low: 0.4, high: 0.6 }], { width: 100, rtl: false, max: 1 }).bars
    expect([bar!.lowX, bar!.highX]).toEqual([40, 60])
  })

  it('right to left mirrors every bar in the width, data untouched', () => {
    fc.assert(fc.property(values, fc.integer({ min: 50, max: 1000 }), (vs, width) => {
      const data = vs.map((value) => ({ value }))
      const ltr = barGeometry(data, { width, rtl: false })
      const rtl = barGeometry(data, { width, rtl: true })
      ltr.bars.forEach((b, i) => {
        expect(close(rtl.bars[i]!.width, b.width)).toBe(true)
        expect(close(rtl.bars[i]!.x, width - b.x - b.width)).toBe(true)
      })
      expect(rtl.zeroX).toBe(width)
    }))
  })

  it('the longest bar never passes the width, and bar order keeps value order', () => {
    fc.assert(fc.property(values, (vs) => {
      const g = barGeometry(vs.map((value) => ({ value })), { width: 300, rtl: false })
      for (const b of g.bars) expect(b.x + b.width).toBeLessThanOrEqual(300 + 1e-9)
      for (let i = 1; i < vs.length; i++) if (vs[i]! > vs[i - 1]!) expect(g.bars[i]!.width).toBeGreaterThan(g.bars[i - 1]!.width)
    }))
  })
})

describe('stackGeometry', () => {
  it('fills the width in reading order, or from the right edge right to left', () => {
    const round = (segments: { x: number; width: number }[]) => segments.map((g) => [Math.round(g.x * 1e6) / 1e6, Math.round(g.width * 1e6) / 1e6])
    expect(round(stackGeometry([5, 2, 3], { width: 100, rtl: false }))).toEqual([[0, 50], [50, 20], [70, 30]])
    expect(round(stackGeometry([5, 2, 3], { width: 100, rtl: true }))).toEqual([[50, 50], [30, 20], [0, 30]])
    expect(stackGeometry([0, 0], { width: 100, rtl: false }).every((s) => s.width === 0)).toBe(true)
  })
})

describe('columnGeometry', () => {
  const series = [{ key: 'new', values: [2, 4] }, { key: 'returning', values: [8, 6] }, { key: 'dormant', values: [-3, -5] }]

  it('stacks positives upwards from zero and negatives below it', () => {
    const g = columnGeometry(['a', 'b'], series, { width: 200, height: 100, rtl: false })
    const [nu, ret, dormant] = g.rects.map((r) => r.cells[0]!)
    expect(close(nu!.y + nu!.height, g.zeroY)).toBe(true)
    expect(close(ret!.y + ret!.height, nu!.y)).toBe(true)
    expect(close(dormant!.y, g.zeroY)).toBe(true)
    // Heights are proportional: 8 returning is four times 2 new.
    expect(close(ret!.height, 4 * nu!.height)).toBe(true)
  })

  it('right to left puts the first category on the right', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 20 }), (vs) => {
      const cats = vs.map(String)
      const ltr = columnGeometry(cats, [{ key: 's', values: vs }], { width: 400, height: 100, rtl: false })
      const rtl = columnGeometry(cats, [{ key: 's', values: vs }], { width: 400, height: 100, rtl: true })
      ltr.rects[0]!.cells.forEach((c, i) => {
        const m = rtl.rects[0]!.cells[i]!
        expect(close(m.x, 400 - c.x - c.width)).toBe(true)
        expect([m.y, m.height]).toEqual([c.y, c.height])
      })
    }))
  })

  it('thins category labels so they fit', () => {
    const g = columnGeometry(Array.from({ length: 40 }, String), [{ key: 's', values: [] }], { width: 400, height: 100, rtl: false })
    expect(g.labels.length).toBeLessThanOrEqual(400 / 44 + 1)
    expect(g.labels[0]!.index).toBe(0)
  })
})

describe('lineGeometry', () => {
  it('breaks the line where a value is missing and maps values on the domain', () => {
    const g = lineGeometry(['a', 'b', 'c', 'd'], [{ key: 'crr', values: [0.5, null, 1, 0] }], { width: 300, height: 100, rtl: false, domain: [0, 1] })
    const s = g.series[0]!
    expect(s.points.map((p) => [p.index, p.y])).toEqual([[0, 50], [2, 0], [3, 100]])
    expect(s.path.match(/M/g)).toHaveLength(2)
  })

  it('draws whiskers from low to high', () => {
    const g = lineGeometry(['a'], [{ key: 'nps', values: [20], low: [-30], high: [70] }], { width: 100, height: 200, rtl: false, domain: [-100, 100] })
    const [w] = g.series[0]!.whiskers
    expect([w!.x, w!.y1, w!.y2.toFixed(6), w!.index]).toEqual([50, 130, '30.000000', 0])
  })

  it('right to left mirrors x and keeps y', () => {
    fc.assert(fc.property(fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 2, maxLength: 20 }), (vs) => {
      const cats = vs.map((_, i) => String(i))
      const ltr = lineGeometry(cats, [{ key: 's', values: vs }], { width: 500, height: 100, rtl: false, domain: [0, 1] })
      const rtl = lineGeometry(cats, [{ key: 's', values: vs }], { width: 500, height: 100, rtl: true, domain: [0, 1] })
      ltr.series[0]!.points.forEach((p, i) => {
        const m = rtl.series[0]!.points[i]!
        expect(close(m.x, 500 - p.x)).toBe(true)
        expect(m.y).toBe(p.y)
      })
    }))
  })
})

describe('heat, intervals and verdicts', () => {
  it.each([[0, 0], [0.16, 0], [0.17, 1], [0.5, 3], [0.99, 5], [1, 5], [null, null]] as const)('heatLevel(%s) = %s', (share, level) => {
    expect(heatLevel(share)).toBe(level)
  })

  it.each([[[0.01, 0.2], 'up'], [[-0.3, -0.01], 'down'], [[-0.1, 0.2], 'not_yet'], [[0, 0.2], 'not_yet'], [null, 'empty']] as const)('verdict(%j) = %s', (ci, expected) => {
    expect(verdict(ci as [number, number] | null)).toBe(expected)
  })

  it('wilson: the interval holds the proportion and stays in 0–1', () => {
    expect(wilson(0, 0)).toBeNull()
    const [lo, hi] = wilson(42, 100)!
    expect(lo).toBeCloseTo(0.328, 3)
    expect(hi).toBeCloseTo(0.5179, 3)
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
      const k = Math.round(f * n)
      const [a, b] = wilson(k, n)!
      expect(a).toBeGreaterThanOrEqual(0)
      expect(b).toBeLessThanOrEqual(1)
      expect(a - 1e-9).toBeLessThanOrEqual(k / n)
      expect(b + 1e-9).toBeGreaterThanOrEqual(k / n)
    }))
  })

  it('intervalGeometry centres zero and mirrors right to left', () => {
    const ltr = intervalGeometry(0.2, [0.1, 0.3], { width: 200, rtl: false })
    const rtl = intervalGeometry(0.2, [0.1, 0.3], { width: 200, rtl: true })
    expect(ltr.zeroX).toBe(100)
    expect(ltr.pointX).toBeGreaterThan(100)
    expect(rtl.pointX).toBeCloseTo(200 - ltr.pointX)
  })
})
