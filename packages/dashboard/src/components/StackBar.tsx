import { stackGeometry } from '../charts/bars.ts'
import { useLocale } from './context.ts'
import { Legend } from './Legend.tsx'
import { useWidth } from './use-width.ts'

/** One bar split into parts (promoters, passives, detractors), in reading order, each with its count and share in the legend. */
export function StackBar({ parts }: { parts: { key: string; label: string; value: number }[] }) {
  const l = useLocale()
  const [ref, width] = useWidth<HTMLDivElement>()
  const total = parts.reduce((a, p) => a + p.value, 0)
  const g = stackGeometry(parts.map((p) => p.value), { width, rtl: l.dir === 'rtl' })
  return (
    <div ref={ref} class="chart">
      <svg width={width} height={28} aria-hidden="true" class="stackbar">
        {parts.map((p, i) => g[i]!.width > 0 && <g class={`series-${p.key}`}><rect class="series-fill" x={g[i]!.x} y={2} width={g[i]!.width} height={24} data-value={p.value} /></g>)}
      </svg>
      <Legend kind="fill" items={parts.map((p) => ({ key: p.key, label: p.label, value: ` ${l.n(p.value)} · ${l.pct(total ? p.value / total : null, 0)}` }))} />
    </div>
  )
}
