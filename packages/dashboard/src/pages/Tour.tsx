import type { FlowFunnel } from '../api/types.ts'
import { text } from '../charts/table.ts'
import { useLocale } from '../components/context.ts'
import { Figure } from '../components/Figure.tsx'
import { HBars } from '../components/HBars.tsx'
import { Stat } from '../components/Stat.tsx'
import { Empty } from '../components/States.tsx'
import { FlowPage } from './FlowPage.tsx'

export function TourView({ data }: { data: FlowFunnel }) {
  const l = useLocale()
  if (data.shown === 0) return <Empty>{l.t('noData')}</Empty>
  const missing = data.steps.flatMap((s) => s.missingTargets.map((m) => ({ step: s, ...m })))
  return (
    <>
      {missing.length > 0 && (
        <section class="card alert" aria-labelledby="missing-title">
          <h2 id="missing-title"><span aria-hidden="true">⚠ </span>{l.t('missingTargets')}</h2>
          <p>{l.t('missingLead')}</p>
          <div class="table-wrap">
            <table class="data">
              <thead><tr><th scope="col">{l.t('selector')}</th><th scope="col">{l.t('step')}</th><th scope="col" class="num">{l.t('people')}</th></tr></thead>
              <tbody>{missing.map((m) => <tr><th scope="row"><code dir="ltr">{m.selector ?? l.t('none')}</code></th><td>{l.n(m.step.index + 1)}. <bdi>{m.step.title}</bdi></td><td class="num" data-value={m.people}>{l.n(m.people)}</td></tr>)}</tbody>
            </table>
          </div>
        </section>
      )}
      <div class="stats">
        <Stat label={l.t('shown')} value={l.n(data.shown)} detail={`${l.t('started')} ${l.n(data.started)}`} />
        <Stat label={l.t('completed')} value={l.n(data.completed)} detail={`${l.t('completionRate')} ${l.pct(data.completionRate, 0)}`} />
        <Stat label={l.t('dismissed')} value={l.n(data.dismissed)} />
        <Stat label={l.t('medianTime')} value={l.duration(data.timeToComplete.medianMs)} detail={`${l.t('p75')} ${l.duration(data.timeToComplete.p75Ms)}`} />
      </div>
      <Figure wide title={l.t('stepFunnel')} table={{
        columns: [{ label: l.t('step') }, { label: l.t('reached'), numeric: true }, { label: l.t('dropOff'), numeric: true }, { label: l.t('dismissed'), numeric: true }, { label: l.t('targetMissing'), numeric: true }],
        rows: data.steps.map((s) => [text(`${s.index + 1}. ${s.title}`), { value: s.reached, text: l.n(s.reached) }, { value: s.dropOff, text: l.n(s.dropOff) }, { value: s.dismissed, text: l.n(s.dismissed) }, { value: s.targetMissing, text: l.n(s.targetMissing) }]),
      }}>
        <HBars label={l.t('stepFunnel')} max={Math.max(1, data.shown)} rows={data.steps.map((s) => ({
          label: `${l.n(s.index + 1)}. ${s.title}`, value: s.reached, shown: l.n(s.reached), tone: s.targetMissing > 0 ? 'warn' : 'accent',
          detail: [s.dropOff > 0 ? `${l.t('dropOff')} ${l.n(s.dropOff)}` : '', s.targetMissing > 0 ? `⚠ ${l.t('targetMissing')} ${l.n(s.targetMissing)}` : ''].filter(Boolean).join(' · ') || undefined,
        }))} />
      </Figure>
    </>
  )
}

export function ToursPage({ id }: { id: string | null }) {
  return <FlowPage<FlowFunnel> id={id} kind="tour" route="tour" path="/v1/results/flows/" title="tours" pick="pickTour" none="noTours" empty="noData" view={(d) => <TourView data={d} />} />
}
