import type { FlowKind, FlowList } from '../api/types.ts'
import { useDashboard, useLocale } from '../components/context.ts'
import type { MessageKey } from '../i18n/en.ts'
import type { RouteName } from '../state/routes.ts'

/** The flows of one kind as links to their pages; the current one marked. */
export function FlowPicker({ flows, kind, route, current, label }: { flows: FlowList['flows']; kind: FlowKind; route: RouteName; current: string | null; label: MessageKey }) {
  const l = useLocale()
  const { nav } = useDashboard()
  const mine = flows.filter((f) => f.kind === kind)
  return (
    <nav class="flow-picker" aria-label={l.t(label)}>
      <ul>
        {mine.map((f) => (
          <li><a href={nav.href(route, f.id)} aria-current={f.id === current ? 'page' : undefined}><bdi>{f.name}</bdi><small dir="ltr">{f.id}</small></a></li>
        ))}
      </ul>
    </nav>
  )
}
