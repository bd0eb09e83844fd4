/** A legend entry: the swatch shows the series' colour and its pattern or line style, so colour is not the only cue. */
export type LegendItem = { key: string; label: string; value?: string }

export function Legend({ items, kind }: { items: LegendItem[]; kind: 'fill' | 'line' }) {
  return (
    <ul class="legend">
      {items.map((item) => (
        <li>
          <svg width={kind === 'line' ? 24 : 14} height={14} aria-hidden="true" class={`series-${item.key}`}>
            {kind === 'line'
              ? <g><line class="series-line" x1={1} x2={23} y1={7} y2={7} /><circle class="series-dot" cx={12} cy={7} r={3} /></g>
              : <rect class="series-fill" x={1} y={1} width={12} height={12} rx={2} />}
          </svg>
          {item.label}{item.value && <strong>{item.value}</strong>}
        </li>
      ))}
    </ul>
  )
}
