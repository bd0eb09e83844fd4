import type { ChecklistResults, FlowList } from '../api/types.ts'
import { text } from '../charts/table.ts'
import { useLocale } from '../components/context.ts'
import { Figure } from '../components/Figure.tsx'
import { HBars } from '../components/HBars.tsx'
import { PageHead } from '../components/PageHead.tsx'
import { Stat } from '../components/Stat.tsx'
import { Empty, Loaded } from '../components/States.tsx'
import { useResults } from '../components/use-results.ts'
import { FlowPicker } from './FlowPicker.tsx'

export function ChecklistView({ data }: { data: ChecklistResults }) {
  const l = useLocale()
  if (data.shown === 0) return <Empty>{l.t('noData')}</Empty>
  return (
    <>
      <div class="stats">
        <Stat label={l.t('shown')} value={l.n(data.shown)} />
        <Stat label={l.t('fullCompletion')} value={l.pct(data.completionRate, 0)} detail={`${l.n(data.completed)} / ${l.n(data.shown)}`} />
        <Stat label={l.t('medianTime')} value={l.duration(data.timeToComplete.medianMs)} detail={`${l.t('p75')} ${l.duration(data.timeToComplete.p75Ms)}`} />
      </div>
      <div class="grid-2">
        <Figure title={l.t('itemCompletion')} table={{
          columns: [{ label: l.t('item') }, { label: l.t('completed'), numeric: true }, { label: l.t('share'), numeric: true }],
          rows: data.items.map((i) => [text(i.title), { value: i.completed, text: l.n(i.completed) }, { value: i.rate, text: l.pct(i.rate) }]),
        }}>
          <HBars label={l.t('itemCompletion')} max={1} rows={data.items.map((i) => ({ label: i.title, value: i.rate ?? 0, shown: l.pct(i.rate, 0), detail: `${l.n(i.completed)} / ${l.n(data.shown)}` }))} />
        </Figure>
        <Figure title={l.t('stalls')} table={{
          columns: [{ label: l.t('item') }, { label: l.t('stalledHere'), numeric: true }, { label: l.t('share'), numeric: true }],
          rows: data.stalls.map((s) => [text(s.title), { value: s.users, text: l.n(s.users) }, { value: s.share, text: l.pct(s.share) }]),
        }}>
          {data.stalls.length
            ? <HBars label={l.t('stalls')} max={1} rows={data.stalls.map((s) => ({ label: s.title, value: s.share ?? 0, shown: l.pct(s.share, 0), detail: l.n(s.users), tone: 'warn' }))} />
            : <p class="muted">{l.t('none')}</p>}
        </Figure>
      </div>
    </>
  )
}

export function ChecklistsPage({ id }: { id: string | null }) {
  const l = useLocale()
  const flows = useResults<FlowList>('/v1/results/flows')
  const data = useResults<ChecklistResults>(id ? `/v1/results/checklists/${encodeURIComponent(id)}` : null, () => {}, [id])
  return (
    <>
      <PageHead title={(id && flows.state === 'ready' && flows.data.flows.find((x) => x.id === id)?.name) || id || l.t('checklists')} showPeriod={false} />
      <Loaded resource={flows}>{(f) => (f.flows.some((x) => x.kind === 'checklist')
        ? <FlowPicker flows={f.flows} kind="checklist" route="checklist" current={id} label="pickChecklist" />
        : <Empty>{l.t('noChecklists')}</Empty>)}
      </Loaded>
      {id && <Loaded resource={data} empty={l.t('noData')}>{(d) => <ChecklistView data={d} />}</Loaded>}
    </>
  )
}
