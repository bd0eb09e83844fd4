import { columnGeometry, type ColumnSeries } from '../charts/columns.ts'
import { margins, XLabels, YAxis } from './Axis.tsx'
import { useLocale } from './context.ts'
import { Legend, type LegendItem } from './Legend.tsx'
import { useWidth } from './use-width.ts'

/**
 * Vertical columns over categories, series stacked (negative values below the zero line). The
 * drawing is hidden from screen readers; the figure's table carries the same numbers.
 */
export function Columns({ categories, series, legend, label, height = 200, yFormat }: { categories: string[]; series: ColumnSeries[]; legend?: LegendItem[]; label: (i: number) => string; height?: number; yFormat?: (v: number) => string }) {
  const l = useLocale()
  const rtl = l.dir === 'rtl'
  const [ref, outer] = useWidth<HTMLDivElement>()
  const m = margins(rtl)
  const width = Math.max(120, outer - m.left - m.right)
  const g = columnGeometry(categories, series, { width, height, rtl })
  return (
    <div ref={ref} class="chart">
      {legend && <Legend items={legend} kind="fill" />}
      <svg width={outer} height={height + m.top + m.bottom} aria-hidden="true" class="plot">
        <g transform={`translate(${m.left},${m.top})`}>
          <YAxis ticks={g.ticks} width={width} format={yFormat ?? l.n} rtl={rtl} />
          {g.rects.map((s) => (
            <g class={`series-${s.key}`}>
              {s.cells.map((c) => c.height > 0 && <rect class="series-fill" x={c.x} y={c.y} width={c.width} height={c.height} data-value={c.value} />)}
            </g>
          ))}
          <line class="zero" x1={0} x2={width} y1={g.zeroY} y2={g.zeroY} />
          <XLabels labels={g.labels} y={height + 18} text={label} />
        </g>
      </svg>
    </div>
  )
}
