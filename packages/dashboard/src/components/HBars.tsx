import { barGeometry, type BarDatum } from '../charts/bars.ts'
import { useLocale } from './context.ts'
import { useWidth } from './use-width.ts'

export type HBarRow = BarDatum & { label: string; shown: string; detail?: string | undefined; tone?: 'accent' | 'muted' | 'warn' }

/**
 * Labelled horizontal bars, one per row, each with its value printed beside it (and an interval as
 * a whisker). `max` pins the scale (1 for shares); `ref` draws a dashed reference line with its label.
 */
export function HBars({ rows, max, refLine, label }: { rows: HBarRow[]; max?: number; refLine?: { value: number; label: string }; label: string }) {
  const l = useLocale()
  const [ref, measured] = useWidth<HTMLSpanElement>(360)
  const width = Math.max(80, measured)
  const g = barGeometry(rows, { width, rtl: l.dir === 'rtl', ...(max !== undefined && { max }), ...(refLine && { ref: refLine.value }) })
  return (
    <ul class="hbars" aria-label={label}>
      {rows.map((row, i) => {
        const bar = g.bars[i]!
        return (
          <li class="hbar">
            <span class="hbar-label">{row.label}{row.detail && <small>{row.detail}</small>}</span>
            <span class="hbar-track" {...(i === 0 && { ref })}>
              <svg width={width} height={20} aria-hidden="true" class={`hbar-svg tone-${row.tone ?? 'accent'}`}>
                <rect class="hbar-bg" x={0} y={4} width={width} height={12} rx={3} />
                <rect class="hbar-fill" x={bar.x} y={4} width={bar.width} height={12} rx={3} data-value={row.value} />
                {bar.lowX !== null && bar.highX !== null && (
                  <g class="whisker">
                    <line x1={bar.lowX} x2={bar.highX} y1={10} y2={10} />
                    <line x1={bar.lowX} x2={bar.lowX} y1={5} y2={15} />
                    <line x1={bar.highX} x2={bar.highX} y1={5} y2={15} />
                  </g>
                )}
                {g.refX !== null && <line class="ref-line" x1={g.refX} x2={g.refX} y1={0} y2={20} />}
              </svg>
            </span>
            <span class="hbar-value">{row.shown}</span>
          </li>
        )
      })}
      {refLine && g.refX !== null && <li class="hbar-ref-note"><span class="ref-swatch" aria-hidden="true" />{refLine.label}</li>}
    </ul>
  )
}
