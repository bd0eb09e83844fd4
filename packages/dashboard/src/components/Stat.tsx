import type { ComponentChildren } from 'preact'

/** A headline number: its name, the value in large type, and a line of context under it. */
export function Stat({ label, value, detail, children, href, tone }: { label: string; value: string; detail?: ComponentChildren; children?: ComponentChildren; href?: string; tone?: 'good' | 'bad' | 'neutral' }) {
  const body = (
    <>
      <span class="stat-label">{label}</span>
      <span class="stat-value" data-stat={label}>{value}</span>
      {detail && <span class={`stat-detail ${tone ? `tone-${tone}` : ''}`}>{detail}</span>}
      {children}
    </>
  )
  return href ? <a class="card stat link-card" href={href}>{body}</a> : <div class="card stat">{body}</div>
}
