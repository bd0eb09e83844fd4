import { lineGeometry, type LineSeries } from '../charts/lines.ts'
import { margins, XLabels, YAxis } from './Axis.tsx'
import { useLocale } from './context.ts'
import { Legend, type LegendItem } from './Legend.tsx'
import { useWidth } from './use-width.ts'

/** Lines over periods with dots at each value, whiskers for intervals and an optional reference line. */
export function Lines({ categories, series, legend, label, domain, refLine, height = 200, yFormat }: { categories: string[]; series: LineSeries[]; legend?: LegendItem[]; label: (i: number) => string; domain?: [number, number]; refLine?: number; height?: number; yFormat: (v: number) => string }) {
  const l = useLocale()
  const rtl = l.dir === 'rtl'
  const [ref, outer] = useWidth<HTMLDivElement>()
  const m = margins(rtl)
  const width = Math.max(120, outer - m.left - m.right)
  const g = lineGeometry(categories, series, { width, height, rtl, ...(domain && { domain }), ...(refLine !== undefined && { ref: refLine }) })
  return (
    <div ref={ref} class="chart">
      {legend && <Legend items={legend} kind="line" />}
      <svg width={outer} height={height + m.top + m.bottom} aria-hidden="true" class="plot">
        <g transform={`translate(${m.left},${m.top})`}>
          <YAxis ticks={g.ticks} width={width} format={yFormat} rtl={rtl} />
          {g.refY !== null && <line class="ref-line" x1={0} x2={width} y1={g.refY} y2={g.refY} />}
          {g.series.map((s) => (
            <g class={`series-${s.key}`}>
              {s.whiskers.map((w) => (
                <g class="whisker">
                  <line x1={w.x} x2={w.x} y1={w.y1} y2={w.y2} />
                  <line x1={w.x - 4} x2={w.x + 4} y1={w.y1} y2={w.y1} />
                  <line x1={w.x - 4} x2={w.x + 4} y1={w.y2} y2={w.y2} />
                </g>
              ))}
              <path class="series-line" d={s.path} />
              {s.points.map((p) => <circle class="series-dot" cx={p.x} cy={p.y} r={3.5} data-value={p.value} />)}
            </g>
          ))}
          <XLabels labels={g.labels} y={height + 18} text={label} />
        </g>
      </svg>
    </div>
  )
}

/** A small line without axes, beside a headline number. */
export function Sparkline({ values, width = 120, height = 32 }: { values: (number | null)[]; width?: number; height?: number }) {
  const l = useLocale()
  const g = lineGeometry(values.map(String), [{ key: 'spark', values }], { width, height: height - 4, rtl: l.dir === 'rtl', domain: [0, 1] })
  const last = g.series[0]!.points.at(-1)
  return (
    <svg class="sparkline" width={width} height={height} aria-hidden="true">
      <g transform="translate(0,2)">
        <path class="series-line" d={g.series[0]!.path} />
        {last && <circle class="series-dot" cx={last.x} cy={last.y} r={3} />}
      </g>
    </svg>
  )
}
