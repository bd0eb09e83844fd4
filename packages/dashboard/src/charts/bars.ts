import { max } from 'd3-array'
import { scaleLinear } from 'd3-scale'

/** One horizontal bar: a value, with an optional interval. */
export type BarDatum = { value: number; low?: number | null; high?: number | null }

export type BarGeometry = {
  bars: { x: number; width: number; lowX: number | null; highX: number | null; endX: number }[]
  ticks: { x: number; value: number }[]
  /** Where a reference value (e.g. the 40% PMF bar) falls, when given. */
  refX: number | null
  zeroX: number
}

/**
 * Horizontal bars from a zero baseline across `width`: lengths proportional to the values over a
 * nice domain (to `max` when given, e.g. 1 for shares). Right to left, the range is flipped — bars
 * grow from the right edge — and the data stays as it is.
 * @example barGeometry([{ value: 3 }, { value: 6 }], { width: 300, rtl: false }).bars[1].width // 300
 */
export function barGeometry(data: readonly BarDatum[], opts: { width: number; rtl: boolean; max?: number; ref?: number; ticks?: number }): BarGeometry {
  const top = opts.max ?? Math.max(1, max(data, (d) => Math.max(d.value, d.high ?? 0)) ?? 1)
  const x = scaleLinear().domain([0, top]).range(opts.rtl ? [opts.width, 0] : [0, opts.width])
  if (opts.max === undefined) x.nice(opts.ticks ?? 4)
  const zeroX = x(0)
  const at = (v: number | null | undefined) => (v === null || v === undefined ? null : x(v))
  return {
    bars: data.map((d) => {
      const endX = x(Math.max(0, d.value))
      return { x: Math.min(zeroX, endX), width: Math.abs(endX - zeroX), lowX: at(d.low), highX: at(d.high), endX }
    }),
    ticks: x.ticks(opts.ticks ?? 4).map((value) => ({ x: x(value), value })),
    refX: opts.ref === undefined ? null : x(opts.ref),
    zeroX,
  }
}

/**
 * Consecutive segments of one bar (promoters, passives, detractors) in reading order: from the left
 * edge, or from the right one right to left. Empty totals give zero-width segments.
 */
export function stackGeometry(values: readonly number[], opts: { width: number; rtl: boolean }): { x: number; width: number }[] {
  const total = values.reduce((a, b) => a + b, 0)
  const x = scaleLinear().domain([0, total || 1]).range(opts.rtl ? [opts.width, 0] : [0, opts.width])
  let sum = 0
  return values.map((v) => {
    const a = x(sum)
    sum += v
    const b = x(sum)
    return { x: Math.min(a, b), width: Math.abs(b - a) }
  })
}
