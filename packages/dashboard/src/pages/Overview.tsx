import type { FlowKind, Overview } from '../api/types.ts'
import { useDashboard, useLocale } from '../components/context.ts'
import { Figure } from '../components/Figure.tsx'
import { HBars } from '../components/HBars.tsx'
import { Sparkline } from '../components/Lines.tsx'
import { PageHead } from '../components/PageHead.tsx'
import { Stat } from '../components/Stat.tsx'
import { Empty, Loaded } from '../components/States.tsx'
import { useResults } from '../components/use-results.ts'
import type { RouteName } from '../state/routes.ts'
import { text } from '../charts/table.ts'

const PAGE_OF: Partial<Record<FlowKind, RouteName>> = { tour: 'tour', checklist: 'checklist', survey: 'survey' }

/** The Monday view: the headline numbers, each linking to its page. */
export function OverviewView({ data }: { data: Overview }) {
  const l = useLocale()
  const { nav } = useDashboard()
  const period = l.t(data.period.kind === 'week' ? 'weekWord' : 'monthWord')
  const change = data.active.change
  if (data.active.now === 0 && data.active.previous === 0 && data.topFlows.length === 0) return <Empty>{l.t('noActivity')}</Empty>
  return (
    <>
      <div class="stats">
        <Stat label={l.t('activeUsers')} value={l.n(data.active.now)} href={nav.href('retention')}
          tone={change === null ? 'neutral' : change >= 0 ? 'good' : 'bad'}
          detail={change === null ? l.t('noPrevious', { period }) : <><span aria-hidden="true">{change >= 0 ? '▲ ' : '▼ '}</span>{l.t('changeVsPrevious', { change: l.change(change), period })}</>} />
        <Stat label={l.t('crr')} value={l.pct(data.crr)} href={nav.href('retention')} detail={`${l.t('churn')} ${l.pct(data.churn)}`}>
          <Sparkline values={data.crrSeries.map((p) => p.crr)} />
        </Stat>
        {data.nps
          ? <Stat label={l.t('npsNow')} value={data.nps.score === null ? l.t('none') : l.num(data.nps.score, 0)} href={nav.href('survey', data.nps.flowId)}
              detail={l.t('npsMargin', { margin: data.nps.margin === null ? l.t('none') : l.num(data.nps.margin, 1), n: data.nps.n })} />
          : <Stat label={l.t('npsNow')} value={l.t('none')} href={nav.href('surveys')} detail={l.t('noNps')} />}
        {data.pmf
          ? <Stat label={l.t('pmf')} value={l.pct(data.pmf.share, 0)} href={nav.href('survey', data.pmf.flowId)}
              tone={data.pmf.share !== null && data.pmf.share >= 0.4 ? 'good' : 'neutral'}
              detail={`${l.t('pmfShare')} · n = ${l.n(data.pmf.n)}`}>
              <HBars label={l.t('pmf')} max={1} refLine={{ value: 0.4, label: l.t('pmfBar') }}
                rows={[{ label: '', value: data.pmf.share ?? 0, low: data.pmf.low, high: data.pmf.high, shown: data.pmf.low === null || data.pmf.high === null ? '' : l.t('interval', { low: l.pct(data.pmf.low, 0), high: l.pct(data.pmf.high, 0) }) }]} />
            </Stat>
          : <Stat label={l.t('pmf')} value={l.t('none')} href={nav.href('surveys')} detail={l.t('noPmf')} />}
      </div>
      <div class="grid-2">
        <Figure title={l.t('newUsersMilestones')} table={{
          columns: [{ label: l.t('milestone') }, { label: l.t('newUsers'), numeric: true }, { label: l.t('reached'), numeric: true }, { label: l.t('share'), numeric: true }],
          rows: data.milestones.map((m) => [text(m.name), { value: m.newUsers, text: l.n(m.newUsers) }, { value: m.reached, text: l.n(m.reached) }, { value: m.share, text: l.pct(m.share) }]),
        }}>
          {data.milestones.length
            ? <HBars label={l.t('newUsersMilestones')} max={1} rows={data.milestones.map((m) => ({ label: m.name, value: m.share ?? 0, shown: l.pct(m.share), detail: `${l.n(m.reached)} / ${l.n(m.newUsers)}` }))} />
            : <Empty>{l.t('noMilestones')}</Empty>}
          <p class="more-link"><a href={nav.href('milestones')}>{l.t('open', { name: l.t('milestones') })}</a></p>
        </Figure>
        <Figure title={l.t('topFlows')} table={{
          columns: [{ label: l.t('kind') }, { label: 'id' }, { label: l.t('reach'), numeric: true }],
          rows: data.topFlows.map((f) => [{ value: f.kind, text: l.t(f.kind) }, text(f.id), { value: f.reach, text: l.n(f.reach) }]),
        }}>
          {data.topFlows.length ? (
            <ul class="flow-list">
              {data.topFlows.map((f) => {
                const page = PAGE_OF[f.kind]
                const max = data.topFlows[0]!.reach || 1
                return (
                  <li>
                    <span class={`kind-badge kind-${f.kind}`}>{l.t(f.kind)}</span>
                    {page ? <a href={nav.href(page, f.id)}><bdi>{f.id}</bdi></a> : <bdi>{f.id}</bdi>}
                    <meter min={0} max={max} value={f.reach} aria-label={l.t('reach')} />
                    <span class="num">{l.n(f.reach)}</span>
                  </li>
                )
              })}
            </ul>
          ) : <Empty>{l.t('noActivity')}</Empty>}
        </Figure>
      </div>
    </>
  )
}

export function OverviewPage() {
  const l = useLocale()
  const data = useResults<Overview>('/v1/results/overview', (p, f) => {
    p.set('period', f.period)
    p.set('tz', timeZone())
  })
  return (
    <>
      <PageHead title={l.t('overview')} />
      <Loaded resource={data}>{(d) => <OverviewView data={d} />}</Loaded>
    </>
  )
}

/** The reader's time zone, for period boundaries. */
export const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
