import type { ComponentChildren } from 'preact'
import { FilterBar } from './FilterBar.tsx'

/** A page's title, an optional line under it, and the filter bar. */
export function PageHead({ title, lead, showPeriod, children }: { title: string; lead?: ComponentChildren; showPeriod?: boolean; children?: ComponentChildren }) {
  return (
    <header class="page-head">
      <div class="page-title">
        <h1>{title}</h1>
        {lead && <p class="lead">{lead}</p>}
        {children}
      </div>
      <FilterBar showPeriod={showPeriod ?? true} />
    </header>
  )
}
