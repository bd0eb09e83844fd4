import type { ComponentChildren } from 'preact'
import type { FlowKind, FlowList } from '../api/types.ts'
import { useLocale } from '../components/context.ts'
import { PageHead } from '../components/PageHead.tsx'
import { Empty, Loaded } from '../components/States.tsx'
import { useResults } from '../components/use-results.ts'
import type { MessageKey } from '../i18n/en.ts'
import type { RouteName } from '../state/routes.ts'
import { FlowPicker } from './FlowPicker.tsx'

type Props<T> = {
  id: string | null
  kind: FlowKind
  route: RouteName
  /** The results of the flow `id`, e.g. `/v1/results/surveys/`: the id is appended. */
  path: string
  title: MessageKey
  pick: MessageKey
  none: MessageKey
  empty: MessageKey
  view: (data: T) => ComponentChildren
}

/** A page of one kind of flow: the flows of that kind to pick from, then the results of the one picked. */
export function FlowPage<T>({ id, kind, route, path, title, pick, none, empty, view }: Props<T>) {
  const l = useLocale()
  const flows = useResults<FlowList>('/v1/results/flows')
  const data = useResults<T>(id ? `${path}${encodeURIComponent(id)}` : null, () => {}, [id])
  return (
    <>
      <PageHead title={(id && flows.state === 'ready' && flows.data.flows.find((x) => x.id === id)?.name) || id || l.t(title)} showPeriod={false} />
      <Loaded resource={flows}>{(f) => (f.flows.some((x) => x.kind === kind)
        ? <FlowPicker flows={f.flows} kind={kind} route={route} current={id} label={pick} />
        : <Empty>{l.t(none)}</Empty>)}
      </Loaded>
      {id && <Loaded resource={data} empty={l.t(empty)}>{view}</Loaded>}
    </>
  )
}
