import type { ChecklistResults } from '../api/types.ts'
import { text } from '../charts/table.ts'
import { useLocale } from '../components/context.ts'
import { Figure } from '../components/Figure.tsx'
import { HBars } from '../components/HBars.tsx'
import { Stat } from '../components/Stat.tsx'
import { Empty } from '../components/States.tsx'
import { FlowPage } from './FlowPage.tsx'

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
  return <FlowPage<ChecklistResults> id={id} kind="checklist" route="checklist" path="/v1/results/checklists/" title="checklists" pick="pickChecklist" none="noChecklists" empty="noData" view={(d) => <ChecklistView data={d} />} />
}
