/** The y gridlines with their labels, on the reading side's start (left, or right right to left). */
export function YAxis({ ticks, width, format, rtl }: { ticks: { y: number; value: number }[]; width: number; format: (v: number) => string; rtl: boolean }) {
  return (
    <g class="axis y-axis">
      {ticks.map((t) => (
        <g>
          <line class="grid" x1={0} x2={width} y1={t.y} y2={t.y} />
          <text x={rtl ? width + 6 : -6} y={t.y} dy="0.32em" text-anchor={rtl ? 'start' : 'end'}>{format(t.value)}</text>
        </g>
      ))}
    </g>
  )
}

/** Category labels below the plot. */
export function XLabels({ labels, y, text }: { labels: { x: number; index: number }[]; y: number; text: (index: number) => string }) {
  return (
    <g class="axis x-axis">
      {labels.map((l) => <text x={l.x} y={y} text-anchor="middle">{text(l.index)}</text>)}
    </g>
  )
}

/** Room around a plot for the axes; the y labels sit on the start side. */
export const margins = (rtl: boolean, yLabel = 48, end = 22) => ({ top: 10, bottom: 24, left: rtl ? end : yLabel, right: rtl ? yLabel : end })
