import { max, min } from 'd3-array'
import { scalePoint, scaleLinear } from 'd3-scale'
import { line } from 'd3-shape'

export type LineSeries = { key: string; values: readonly (number | null)[]; low?: readonly (number | null)[]; high?: readonly (number | null)[] }

export type LineGeometry = {
  series: { key: string; path: string; points: { x: number; y: number; value: number; index: number }[]; whiskers: { x: number; y1: number; y2: number; index: number }[] }[]
  labels: { x: number; index: number }[]
  ticks: { y: number; value: number }[]
  refY: number | null
}

/**
 * Lines over categories (periods), gaps where a value is null, with optional whiskers (an interval
 * per point). The x range runs in reading order (flipped right to left). `domain` fixes the y
 * domain (e.g. [0, 1] for rates, [-100, 100] for NPS); otherwise it is the data's, made nice.
 * @example lineGeometry(['a', 'b'], [{ key: 'crr', values: [0.8, 0.9] }], { width: 200, height: 100, rtl: false, domain: [0, 1] })
 */
export function lineGeometry(categories: readonly string[], series: readonly LineSeries[], opts: { width: number; height: number; rtl: boolean; domain?: [number, number]; ref?: number; labelWidth?: number; ticks?: number }): LineGeometry {
  const x = scalePoint<number>().domain(categories.map((_, i) => i)).range(opts.rtl ? [opts.width, 0] : [0, opts.width]).padding(categories.length > 1 ? 0.1 : 0.5)
  const all = series.flatMap((s) => [...s.values, ...(s.low ?? []), ...(s.high ?? [])]).filter((v): v is number => v !== null)
  const y = scaleLinear().range([opts.height, 0])
  if (opts.domain) y.domain(opts.domain)
  else y.domain([Math.min(0, min(all) ?? 0), Math.max(1, max(all) ?? 1)]).nice(opts.ticks ?? 4)
  const draw = line<{ x: number; y: number }>().x((p) => p.x).y((p) => p.y)
  const every = Math.max(1, Math.ceil((categories.length * (opts.labelWidth ?? 44)) / opts.width))
  return {
    series: series.map((s) => {
      const points = s.values.flatMap((value, index) => (value === null ? [] : [{ x: x(index) ?? 0, y: y(value), value, index }]))
      // A break in the data is a break in the line: consecutive points only.
      const runs: { x: number; y: number }[][] = []
      let previous = -2
      for (const p of points) {
        if (p.index !== previous + 1) runs.push([])
        runs[runs.length - 1]!.push(p)
        previous = p.index
      }
      const whiskers = s.values.flatMap((_, index) => {
        const lo = s.low?.[index]
        const hi = s.high?.[index]
        return lo === null || lo === undefined || hi === null || hi === undefined ? [] : [{ x: x(index) ?? 0, y1: y(lo), y2: y(hi), index }]
      })
      return { key: s.key, path: runs.map((r) => draw(r) ?? '').join(''), points, whiskers }
    }),
    labels: categories.map((_, index) => ({ x: x(index) ?? 0, index })).filter((l) => l.index % every === 0),
    ticks: y.ticks(opts.ticks ?? 4).map((value) => ({ y: y(value), value })),
    refY: opts.ref === undefined ? null : y(opts.ref),
  }
}
