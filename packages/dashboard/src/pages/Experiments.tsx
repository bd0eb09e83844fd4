import type { FlowList, HoldoutResults } from '../api/types.ts'
import { verdict } from '../charts/interval.ts'
import { text } from '../charts/table.ts'
import { useLocale } from '../components/context.ts'
import { Figure } from '../components/Figure.tsx'
import { HBars } from '../components/HBars.tsx'
import { IntervalPlot } from '../components/IntervalPlot.tsx'
import { PageHead } from '../components/PageHead.tsx'
import { Empty, Loaded } from '../components/States.tsx'
import { useResults } from '../components/use-results.ts'
import type { MessageKey } from '../i18n/en.ts'

const VERDICT: Record<ReturnType<typeof verdict>, MessageKey> = { up: 'verdictUp', down: 'verdictDown', not_yet: 'verdictNotYet', empty: 'verdictEmpty' }

export function ExperimentView({ data, name }: { data: HoldoutResults; name: string }) {
  const l = useLocale()
  return (
    <section class="experiment" aria-labelledby={`x-${data.flowId}`}>
      <h2 id={`x-${data.flowId}`}><bdi>{name}</bdi> <small class="muted">{l.t('holdoutOf', { share: l.pct(data.holdout, 0) })}</small></h2>
      {!data.milestones.length && <Empty>{l.t('noMilestones')}</Empty>}
      <div class="grid-2">
        {data.milestones.map((m) => {
          const v = verdict(m.ci95)
          const n = m.shown.users + m.heldOut.users
          return (
            <Figure title={l.t('differenceChart', { milestone: m.name })} table={{
              columns: [{ label: l.t('kind') }, { label: l.t('people'), numeric: true }, { label: l.t('reached'), numeric: true }, { label: l.t('rate'), numeric: true }],
              rows: [
                [text(l.t('withFlow')), { value: m.shown.users, text: l.n(m.shown.users) }, { value: m.shown.reached, text: l.n(m.shown.reached) }, { value: m.shown.rate, text: l.pct(m.shown.rate) }],
                [text(l.t('heldOut')), { value: m.heldOut.users, text: l.n(m.heldOut.users) }, { value: m.heldOut.reached, text: l.n(m.heldOut.reached) }, { value: m.heldOut.rate, text: l.pct(m.heldOut.rate) }],
                [text(l.t('difference')), { value: null, text: '' }, { value: null, text: '' }, { value: m.difference, text: `${l.change(m.difference)}${m.ci95 ? ` (${l.change(m.ci95[0])} … ${l.change(m.ci95[1])})` : ''}` }],
              ],
            }}>
              <p class={`verdict verdict-${v}`}><span aria-hidden="true">{v === 'up' ? '▲ ' : v === 'down' ? '▼ ' : '● '}</span>{l.t(VERDICT[v], { n })}</p>
              <HBars label={m.name} max={1} rows={[
                { label: l.t('withFlow'), value: m.shown.rate ?? 0, shown: l.pct(m.shown.rate, 1), detail: `${l.n(m.shown.reached)} / ${l.n(m.shown.users)}` },
                { label: l.t('heldOut'), value: m.heldOut.rate ?? 0, shown: l.pct(m.heldOut.rate, 1), detail: `${l.n(m.heldOut.reached)} / ${l.n(m.heldOut.users)}`, tone: 'muted' },
              ]} />
              {m.difference !== null && m.ci95 && <IntervalPlot difference={m.difference} ci={m.ci95} />}
            </Figure>
          )
        })}
      </div>
    </section>
  )
}

function Experiment({ id, name }: { id: string; name: string }) {
  const data = useResults<HoldoutResults>(`/v1/results/holdout/${encodeURIComponent(id)}`, () => {}, [id])
  return <Loaded resource={data}>{(d) => <ExperimentView data={d} name={name} />}</Loaded>
}

export function ExperimentsPage() {
  const l = useLocale()
  const flows = useResults<FlowList>('/v1/results/flows')
  return (
    <>
      <PageHead title={l.t('experiments')} showPeriod={false} />
      <Loaded resource={flows}>{(f) => {
        const withHoldout = f.flows.filter((x) => x.holdout > 0)
        return withHoldout.length ? withHoldout.map((x) => <Experiment id={x.id} name={x.name} />) : <Empty>{l.t('noExperiments')}</Empty>
      }}</Loaded>
    </>
  )
}
