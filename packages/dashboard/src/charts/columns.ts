import { max, min } from 'd3-array'
import { scaleBand, scaleLinear } from 'd3-scale'

export type ColumnSeries = { key: string; values: readonly number[] }

export type ColumnGeometry = {
  /** Per series, per category: the rectangle (height 0 for 0). */
  rects: { key: string; cells: { x: number; y: number; width: number; height: number; value: number }[] }[]
  /** Category label positions (centres), thinned so labels don't overlap. */
  labels: { x: number; index: number }[]
  ticks: { y: number; value: number }[]
  zeroY: number
  bandwidth: number
}

/**
 * Vertical columns per category, series stacked (positive ones upwards from zero, negative ones —
 * dormant users — downwards). Categories run in reading order: left to right, or right to left
 * (the x range flipped, the data untouched).
 * @example columnGeometry(['w1', 'w2'], [{ key: 'new', values: [2, 4] }], { width: 200, height: 100, rtl: false })
 */
export function columnGeometry(categories: readonly string[], series: readonly ColumnSeries[], opts: { width: number; height: number; rtl: boolean; labelWidth?: number }): ColumnGeometry {
  const x = scaleBand<number>().domain(categories.map((_, i) => i)).range(opts.rtl ? [opts.width, 0] : [0, opts.width]).paddingInner(0.25).paddingOuter(0.1)
  const up = categories.map((_, i) => series.reduce((s, ser) => s + Math.max(0, ser.values[i] ?? 0), 0))
  const down = categories.map((_, i) => series.reduce((s, ser) => s + Math.min(0, ser.values[i] ?? 0), 0))
  const y = scaleLinear().domain([Math.min(0, min(down) ?? 0), Math.max(1, max(up) ?? 1)]).range([opts.height, 0]).nice(4)
  const posBase = categories.map(() => 0)
  const negBase = categories.map(() => 0)
  const rects = series.map((ser) => ({
    key: ser.key,
    cells: categories.map((_, i) => {
      const value = ser.values[i] ?? 0
      const base = value >= 0 ? posBase : negBase
      const from = base[i]!
      const to = from + value
      base[i] = to
      return { x: x(i) ?? 0, y: Math.min(y(from), y(to)), width: x.bandwidth(), height: Math.abs(y(to) - y(from)), value }
    }),
  }))
  const every = Math.max(1, Math.ceil((categories.length * (opts.labelWidth ?? 44)) / opts.width))
  return {
    rects,
    labels: categories.map((_, index) => ({ x: (x(index) ?? 0) + x.bandwidth() / 2, index })).filter((l) => l.index % every === 0),
    ticks: y.ticks(4).map((value) => ({ y: y(value), value })),
    zeroY: y(0),
    bandwidth: x.bandwidth(),
  }
}
