import { useStore } from '@nanostores/preact'
import type { Activation, FlowList, Retention } from '../api/types.ts'
import { heatLevel } from '../charts/heat.ts'
import { text, type Table } from '../charts/table.ts'
import { Columns } from '../components/Columns.tsx'
import { useDashboard, useLocale } from '../components/context.ts'
import { Figure } from '../components/Figure.tsx'
import { HBars } from '../components/HBars.tsx'
import { Lines } from '../components/Lines.tsx'
import { PageHead } from '../components/PageHead.tsx'
import { Empty, Loaded } from '../components/States.tsx'
import { useResults } from '../components/use-results.ts'
import type { Locale } from '../i18n/locale.ts'
import { timeZone } from './Overview.tsx'

const LIFECYCLE = [['new', 'lifeNew'], ['returning', 'lifeReturning'], ['resurrected', 'lifeResurrected'], ['dormant', 'lifeDormant']] as const

function cohortTable(l: Locale, data: Retention): Table {
  const ks = data.cohorts.average.map((a) => a.k)
  return {
    columns: [{ label: l.t('cohort') }, { label: l.t('size'), numeric: true }, ...ks.map((k) => ({ label: `${l.t(data.period)} ${l.n(k)}`, numeric: true }))],
    rows: [
      ...data.cohorts.rows.map((r) => [
        { value: r.start, text: l.day(r.start) }, { value: r.size, text: l.n(r.size) },
        ...ks.map((k) => {
          const cell = r.cells.find((c) => c.k === k)
          return cell ? { value: cell.share, text: l.pct(cell.share, 0) } : { value: null, text: '' }
        }),
      ]),
      [text(l.t('average')), { value: null, text: '' }, ...data.cohorts.average.map((a) => ({ value: a.share, text: l.pct(a.share, 0) }))],
    ],
  }
}

/** The cohort table as a heat map: each cell prints its share, incomplete periods are outlined dotted and say so. */
export function CohortHeatmap({ data }: { data: Retention }) {
  const l = useLocale()
  const ks = data.cohorts.average.map((a) => a.k)
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={l.t('cohorts', { mode: '' })}>
      <table class="heatmap">
        <thead><tr><th scope="col">{l.t('cohort')}</th><th scope="col" class="num">{l.t('size')}</th>{ks.map((k) => <th scope="col" class="num">{l.n(k)}</th>)}</tr></thead>
        <tbody>
          {data.cohorts.rows.map((r) => (
            <tr>
              <th scope="row">{l.day(r.start)}</th>
              <td class="num">{l.n(r.size)}</td>
              {ks.map((k) => {
                const cell = r.cells.find((c) => c.k === k)
                if (!cell) return <td class="heat-none" />
                const level = heatLevel(cell.share)
                return (
                  <td class={`heat heat-${level ?? 'none'}${cell.complete ? '' : ' incomplete'}`} data-value={cell.share ?? ''} title={cell.complete ? undefined : l.t('incomplete')}>
                    {l.pct(cell.share, 0)}{!cell.complete && <span class="sr-only"> ({l.t('incomplete')})</span>}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th scope="row">{l.t('average')}</th><td />{data.cohorts.average.map((a) => <td class={`heat heat-${heatLevel(a.share) ?? 'none'}`} data-value={a.share ?? ''}>{l.pct(a.share, 0)}</td>)}</tr>
        </tfoot>
      </table>
    </div>
  )
}

export function RetentionView({ data }: { data: Retention }) {
  const l = useLocale()
  const { nav } = useDashboard()
  const filters = useStore(nav.$filters)
  const period = l.t(data.period === 'week' ? 'weekWord' : 'monthWord')
  if (!data.periods.length) return <Empty>{l.t('noActivity')}</Empty>
  const starts = data.periods.map((p) => p.start)
  const lifeStarts = data.lifecycle.map((p) => p.start)
  return (
    <>
      <Figure wide title={l.t('crrChurnOverTime', { period })} table={{
        columns: [{ label: l.t('periodStart') }, { label: 'S', numeric: true }, { label: 'E', numeric: true }, { label: 'N', numeric: true }, { label: l.t('crr'), numeric: true }, { label: l.t('churn'), numeric: true }],
        rows: data.periods.map((p) => [{ value: p.start, text: l.day(p.start) }, { value: p.S, text: l.n(p.S) }, { value: p.E, text: l.n(p.E) }, { value: p.N, text: l.n(p.N) }, { value: p.crr, text: l.pct(p.crr) }, { value: p.churn, text: l.pct(p.churn) }]),
      }}>
        <Lines categories={starts} label={(i) => l.day(starts[i]!)} domain={[0, 1]} yFormat={(v) => l.pct(v, 0)}
          legend={[{ key: 'crr', label: l.t('crr') }, { key: 'churn', label: l.t('churn') }]}
          series={[{ key: 'crr', values: data.periods.map((p) => p.crr) }, { key: 'churn', values: data.periods.map((p) => p.churn) }]} />
      </Figure>
      <Figure wide title={l.t('lifecycle', { period })} table={{
        columns: [{ label: l.t('periodStart') }, ...LIFECYCLE.map(([, key]) => ({ label: l.t(key), numeric: true }))],
        rows: data.lifecycle.map((p) => [{ value: p.start, text: l.day(p.start) }, ...LIFECYCLE.map(([field]) => ({ value: p[field], text: l.n(p[field]) }))]),
      }}>
        <Columns categories={lifeStarts} label={(i) => l.day(lifeStarts[i]!)}
          legend={LIFECYCLE.map(([key, label]) => ({ key, label: l.t(label) }))}
          series={LIFECYCLE.map(([key]) => ({ key, values: data.lifecycle.map((p) => p[key]) }))} />
      </Figure>
      <Figure wide title={l.t('cohorts', { mode: l.t(filters.mode === 'on' ? 'modeOnLong' : 'modeUnboundedLong') })} note={l.t('incompleteMark')} table={cohortTable(l, data)}>
        <fieldset class="segmented">
          <legend>{l.t('countMode')}</legend>
          {(['on', 'unbounded'] as const).map((mode) => (
            <label><input type="radio" name="mode" value={mode} checked={filters.mode === mode} onChange={() => nav.setFilters({ ...filters, mode })} />{l.t(mode === 'on' ? 'modeOn' : 'modeUnbounded')}</label>
          ))}
        </fieldset>
        <CohortHeatmap data={data} />
      </Figure>
    </>
  )
}

export function ActivationView({ data }: { data: Activation }) {
  const l = useLocale()
  const title = l.t('activation', { week: data.week, milestone: data.milestone })
  return (
    <Figure wide title={title} note={l.t('activationNote')} table={{
      columns: [{ label: l.t('bucket') }, { label: l.t('people'), numeric: true }, { label: l.t('retained'), numeric: true }, { label: l.t('share'), numeric: true }, { label: l.t('low'), numeric: true }, { label: l.t('high'), numeric: true }],
      rows: data.buckets.map((b) => [{ value: b.bucket, text: l.t(b.bucket) }, { value: b.n ?? 0, text: l.n(b.n ?? 0) }, { value: b.retained ?? 0, text: l.n(b.retained ?? 0) }, { value: b.share ?? null, text: l.pct(b.share ?? null) }, { value: b.low ?? null, text: l.pct(b.low ?? null) }, { value: b.high ?? null, text: l.pct(b.high ?? null) }]),
    }}>
      <HBars label={title} max={1} rows={data.buckets.map((b) => ({
        label: l.t(b.bucket), value: b.share ?? 0, low: b.low ?? null, high: b.high ?? null,
        shown: l.pct(b.share ?? null, 0), detail: `n = ${l.n(b.n ?? 0)}`,
      }))} />
    </Figure>
  )
}

function ActivationPart({ milestones }: { milestones: string[] }) {
  const l = useLocale()
  const { nav } = useDashboard()
  const place = useStore(nav.$place)
  const chosen = place?.search.get('milestone')
  const milestone = chosen && milestones.includes(chosen) ? chosen : milestones[0] ?? null
  const data = useResults<Activation>(milestone ? '/v1/results/activation' : null, (p) => {
    p.set('milestone', milestone!)
    p.set('week', '4')
  }, [milestone])
  if (!milestone) return <Empty>{l.t('noMilestones')}</Empty>
  return (
    <section class="stack">
      {milestones.length > 1 && (
        <label class="inline-field"><span>{l.t('milestone')}</span>
          <select value={milestone} onChange={(e) => nav.setParam('milestone', (e.currentTarget as HTMLSelectElement).value)}>
            {milestones.map((m) => <option value={m}>{m}</option>)}
          </select>
        </label>
      )}
      <Loaded resource={data}>{(d) => <ActivationView data={d} />}</Loaded>
    </section>
  )
}

export function RetentionPage() {
  const l = useLocale()
  const data = useResults<Retention>('/v1/results/retention', (p, f) => {
    p.set('period', f.period)
    p.set('mode', f.mode)
    p.set('tz', timeZone())
  })
  const flows = useResults<FlowList>('/v1/results/flows')
  return (
    <>
      <PageHead title={l.t('retention')} />
      <Loaded resource={data}>{(d) => <RetentionView data={d} />}</Loaded>
      <Loaded resource={flows}>{(f) => <ActivationPart milestones={f.milestones} />}</Loaded>
    </>
  )
}
