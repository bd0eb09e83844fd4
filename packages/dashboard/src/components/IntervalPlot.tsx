import { intervalGeometry } from '../charts/interval.ts'
import { useLocale } from './context.ts'
import { useWidth } from './use-width.ts'

/** A difference as a dot with its 95% interval as a whisker, against a zero line. */
export function IntervalPlot({ difference, ci }: { difference: number; ci: [number, number] }) {
  const l = useLocale()
  const [ref, width] = useWidth<HTMLDivElement>()
  const g = intervalGeometry(difference, ci, { width: Math.max(120, width - 48), rtl: l.dir === 'rtl' })
  return (
    <div ref={ref} class="chart">
      <svg width={width} height={56} aria-hidden="true" class="plot interval">
        <g transform="translate(24,6)">
          {g.ticks.map((t) => (
            <g class="axis">
              <line class="grid" x1={t.x} x2={t.x} y1={0} y2={28} />
              <text x={t.x} y={44} text-anchor="middle">{l.change(t.value)}</text>
            </g>
          ))}
          <line class="zero" x1={g.zeroX} x2={g.zeroX} y1={0} y2={28} />
          <g class="whisker series-diff">
            <line x1={g.lowX} x2={g.highX} y1={14} y2={14} />
            <line x1={g.lowX} x2={g.lowX} y1={7} y2={21} />
            <line x1={g.highX} x2={g.highX} y1={7} y2={21} />
            <circle class="series-dot" cx={g.pointX} cy={14} r={5} data-value={difference} />
          </g>
        </g>
      </svg>
    </div>
  )
}
