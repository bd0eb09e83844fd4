import type { MilestoneResults } from '../api/types.ts'
import { Columns } from '../components/Columns.tsx'
import { useLocale } from '../components/context.ts'
import { Figure } from '../components/Figure.tsx'
import { Lines } from '../components/Lines.tsx'
import { PageHead } from '../components/PageHead.tsx'
import { Stat } from '../components/Stat.tsx'
import { Empty, Loaded } from '../components/States.tsx'
import { useResults } from '../components/use-results.ts'

/** The unit the time-to-milestone chart counts in: the one its longest time reads best in. */
function unitFor(maxMs: number): { ms: number; key: 'minutes' | 'hours' | 'days' } {
  if (maxMs > 72 * 3_600_000) return { ms: 86_400_000, key: 'days' }
  if (maxMs > 90 * 60_000) return { ms: 3_600_000, key: 'hours' }
  return { ms: 60_000, key: 'minutes' }
}

export function MilestonesView({ data }: { data: MilestoneResults }) {
  const l = useLocale()
  if (!data.milestones.length) return <Empty>{l.t('noMilestones')}</Empty>
  return (
    <>
      {data.milestones.map((m) => {
        const weeks = m.weekly.map((w) => w.week)
        const unit = unitFor(Math.max(0, ...m.weekly.map((w) => w.p75Ms ?? w.medianMs ?? 0)))
        const inUnit = (ms: number | null) => (ms === null ? null : ms / unit.ms)
        return (
          <section class="milestone" aria-labelledby={`m-${m.name}`}>
            <h2 id={`m-${m.name}`}><bdi>{m.name}</bdi></h2>
            <div class="stats">
              <Stat label={l.t('shareOfNewUsers')} value={l.pct(m.share, 0)} detail={`${l.n(m.newUsersReached)} / ${l.n(data.newUsers)}`} />
              <Stat label={l.t('median')} value={l.duration(m.timeToReach.medianMs)} detail={`n = ${l.n(m.timeToReach.n)}`} />
              <Stat label={l.t('p75')} value={l.duration(m.timeToReach.p75Ms)} />
            </div>
            {m.newUsersReached === 0 ? <Empty>{l.t('noneReached')}</Empty> : weeks.length > 0 && (
              <div class="grid-2">
                <Figure title={l.t('timeTo', { milestone: m.name })} table={{
                  columns: [{ label: l.t('weekStart') }, { label: l.t('newUsers'), numeric: true }, { label: l.t('median'), numeric: true }, { label: l.t('p75'), numeric: true }],
                  rows: m.weekly.map((w) => [{ value: w.week, text: l.day(w.week) }, { value: w.newUsers, text: l.n(w.newUsers) }, { value: w.medianMs, text: l.duration(w.medianMs) }, { value: w.p75Ms, text: l.duration(w.p75Ms) }]),
                }}>
                  <Lines categories={weeks} label={(i) => l.day(weeks[i]!)} yFormat={(v) => l.t(unit.key, { n: l.num(v, 1) })}
                    legend={[{ key: 'median', label: l.t('median') }, { key: 'p75', label: l.t('p75') }]}
                    series={[{ key: 'median', values: m.weekly.map((w) => inUnit(w.medianMs)) }, { key: 'p75', values: m.weekly.map((w) => inUnit(w.p75Ms)) }]} />
                </Figure>
                <Figure title={l.t('shareReaching', { milestone: m.name })} table={{
                  columns: [{ label: l.t('weekStart') }, { label: l.t('newUsers'), numeric: true }, { label: l.t('reached'), numeric: true }, { label: l.t('share'), numeric: true }],
                  rows: m.weekly.map((w) => [{ value: w.week, text: l.day(w.week) }, { value: w.newUsers, text: l.n(w.newUsers) }, { value: w.reached, text: l.n(w.reached) }, { value: w.share, text: l.pct(w.share) }]),
                }}>
                  <Columns height={160} categories={weeks} label={(i) => l.day(weeks[i]!)} yFormat={(v) => l.pct(v, 0)} series={[{ key: 'share', values: m.weekly.map((w) => w.share ?? 0) }]} />
                </Figure>
              </div>
            )}
          </section>
        )
      })}
    </>
  )
}

export function MilestonesPage() {
  const l = useLocale()
  const data = useResults<MilestoneResults>('/v1/results/milestones')
  return (
    <>
      <PageHead title={l.t('milestones')} showPeriod={false} />
      <Loaded resource={data}>{(d) => <MilestonesView data={d} />}</Loaded>
    </>
  )
}
