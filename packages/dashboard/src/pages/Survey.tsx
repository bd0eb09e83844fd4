import { useState } from 'preact/hooks'
import type { AnswerPage, QuestionStats, SurveyResults, TextPage } from '../api/types.ts'
import { wilson } from '../charts/interval.ts'
import { text } from '../charts/table.ts'
import { Columns } from '../components/Columns.tsx'
import { useDashboard, useLocale } from '../components/context.ts'
import { Figure } from '../components/Figure.tsx'
import { HBars } from '../components/HBars.tsx'
import { Lines } from '../components/Lines.tsx'
import { StackBar } from '../components/StackBar.tsx'
import { Stat } from '../components/Stat.tsx'
import { Empty } from '../components/States.tsx'
import { apiParams } from '../state/filters.ts'
import { FlowPage } from './FlowPage.tsx'

const PMF_ORDER = ['very', 'somewhat', 'not', 'not_using'] as const
const PMF_LABELS = { very: 'pmfVery', somewhat: 'pmfSomewhat', not: 'pmfNot', not_using: 'pmfNotUsing' } as const

/** 0–6 detractors, 7–8 passives, 9–10 promoters. */
const npsGroup = (score: number) => (score <= 6 ? 'detractors' : score <= 8 ? 'passives' : 'promoters')

function TextAnswers({ surveyId, question }: { surveyId: string; question: QuestionStats & { texts: TextPage } }) {
  const l = useLocale()
  const { api, nav, session } = useDashboard()
  const [pages, setPages] = useState<TextPage[]>([question.texts])
  const [busy, setBusy] = useState(false)
  const items = pages.flatMap((p) => p.items)
  const next = pages.at(-1)!.next
  const more = async () => {
    const project = session.$project.get()
    if (!project || !next) return
    setBusy(true)
    try {
      const params = apiParams(nav.$filters.get(), { cursor: next })
      const page = await api.get<AnswerPage>(project.id, `/v1/results/surveys/${encodeURIComponent(surveyId)}/answers/${encodeURIComponent(question.id)}`, params)
      setPages([...pages, page])
    } finally {
      setBusy(false)
    }
  }
  if (!items.length) return <p class="muted">{l.t('noTexts')}</p>
  return (
    <div class="texts">
      <ol class="text-answers">
        {items.map((item) => <li><blockquote><bdi>{item.text}</bdi></blockquote><time dateTime={new Date(item.at).toISOString()}>{l.time(item.at)}</time></li>)}
      </ol>
      {next && <button type="button" onClick={() => void more()} disabled={busy}>{busy ? l.t('loading') : l.t('more')}</button>}
    </div>
  )
}

function QuestionFigure({ surveyId, q, n }: { surveyId: string; q: QuestionStats; n: number }) {
  const l = useLocale()
  const title = l.t('question', { n, prompt: q.prompt ?? q.id })
  if (q.nps && q.distribution) return null
  if (q.pmf && q.counts) {
    const counts = q.counts
    return (
      <Figure title={title} table={{ columns: [{ label: l.t('choice') }, { label: l.t('answers'), numeric: true }], rows: PMF_ORDER.map((k) => [{ value: k, text: l.t(PMF_LABELS[k]) }, { value: counts[k] ?? 0, text: l.n(counts[k] ?? 0) }]) }}>
        <HBars label={title} rows={PMF_ORDER.map((k) => ({ label: l.t(PMF_LABELS[k]), value: counts[k] ?? 0, shown: l.n(counts[k] ?? 0) }))} />
      </Figure>
    )
  }
  if (q.distribution) {
    const keys = Object.keys(q.distribution).sort((a, b) => Number(a) - Number(b))
    const dist = q.distribution
    return (
      <Figure title={title} note={q.average === null || q.average === undefined ? undefined : `${l.t('averageOf', { value: l.num(q.average, 2) })}${q.satisfied !== undefined && q.satisfied !== null ? ` · ${l.t('satisfied', { share: l.pct(q.satisfied, 0) })}` : ''} · n = ${l.n(q.responses)}`}
        table={{ columns: [{ label: l.t('score') }, { label: l.t('answers'), numeric: true }], rows: keys.map((k) => [{ value: Number(k), text: l.n(Number(k)) }, { value: dist[k]!, text: l.n(dist[k]!) }]) }}>
        <Columns height={140} categories={keys} label={(i) => l.n(Number(keys[i]))} series={[{ key: 'answers', values: keys.map((k) => dist[k]!) }]} />
      </Figure>
    )
  }
  if (q.counts) {
    const counts = q.counts
    const keys = Object.keys(counts).sort((a, b) => counts[b]! - counts[a]!)
    return (
      <Figure title={title} table={{ columns: [{ label: l.t('choice') }, { label: l.t('answers'), numeric: true }], rows: keys.map((k) => [text(k), { value: counts[k]!, text: l.n(counts[k]!) }]) }}>
        <HBars label={title} rows={keys.map((k) => ({ label: k, value: counts[k]!, shown: `${l.n(counts[k]!)} · ${l.pct(q.responses ? counts[k]! / q.responses : null, 0)}` }))} />
        {q.texts && <TextAnswers surveyId={surveyId} question={{ ...q, texts: q.texts }} />}
      </Figure>
    )
  }
  if (q.texts) {
    const texts = q.texts
    return (
      <section class="card figure" aria-labelledby={`q-${q.id}`}>
        <h2 class="figure-title" id={`q-${q.id}`}>{title}</h2>
        <p class="figure-note">{l.t('textAnswers')} · n = {l.n(q.responses)}</p>
        <TextAnswers surveyId={surveyId} question={{ ...q, texts }} />
      </section>
    )
  }
  return null
}

export function SurveyView({ data }: { data: SurveyResults }) {
  const l = useLocale()
  if (data.responses === 0 && data.shown === 0) return <Empty>{l.t('noSurveyAnswers')}</Empty>
  const nps = data.nps
  const npsQuestion = data.questions.find((q) => q.nps && q.distribution)
  const weeks = data.npsTrend.map((w) => w.week)
  const pmfInterval = data.pmf ? wilson(data.pmf.veryDisappointed, data.pmf.responses) : null
  const funnel = [['shown', data.shown], ['answered', data.responses], ['completed', data.completed], ['dismissed', data.dismissed], ['askedLater', data.askedLater]] as const
  return (
    <>
      <div class="stats">
        {nps && <Stat label={l.t('npsNow')} value={nps.score === null ? l.t('none') : l.num(nps.score, 0)} detail={l.t('npsMargin', { margin: nps.marginOfError === null ? l.t('none') : l.num(nps.marginOfError, 1), n: nps.responses })} />}
        {data.pmf && <Stat label={l.t('pmf')} value={l.pct(data.pmf.share, 0)} tone={data.pmf.meetsBar ? 'good' : 'neutral'} detail={`${l.t('pmfShare')} · n = ${l.n(data.pmf.responses)}`} />}
        <Stat label={l.t('responses')} value={l.n(data.responses)} detail={`${l.t('shown')} ${l.n(data.shown)}`} />
        <Stat label={l.t('completionRate')} value={l.pct(data.completionRate, 0)} detail={`${l.t('completed')} ${l.n(data.completed)}`} />
      </div>
      {nps && (
        <div class="grid-2">
          <Figure title={l.t('npsSplit')} table={{ columns: [{ label: l.t('kind') }, { label: l.t('people'), numeric: true }, { label: l.t('share'), numeric: true }], rows: (['promoters', 'passives', 'detractors'] as const).map((k) => [{ value: k, text: l.t(k) }, { value: nps[k], text: l.n(nps[k]) }, { value: nps.responses ? nps[k] / nps.responses : null, text: l.pct(nps.responses ? nps[k] / nps.responses : null, 0) }]) }}>
            <StackBar parts={(['promoters', 'passives', 'detractors'] as const).map((k) => ({ key: k, label: l.t(k), value: nps[k] }))} />
          </Figure>
          {npsQuestion?.distribution && (
            <Figure title={l.t('scoreDistribution')} table={{ columns: [{ label: l.t('score') }, { label: l.t('answers'), numeric: true }], rows: Array.from({ length: 11 }, (_, s) => [{ value: s, text: l.n(s) }, { value: npsQuestion.distribution![String(s)] ?? 0, text: l.n(npsQuestion.distribution![String(s)] ?? 0) }]) }}>
              <Columns height={150} categories={Array.from({ length: 11 }, (_, s) => String(s))} label={(i) => l.n(i)}
                legend={(['detractors', 'passives', 'promoters'] as const).map((k) => ({ key: k, label: l.t(k) }))}
                series={(['detractors', 'passives', 'promoters'] as const).map((k) => ({ key: k, values: Array.from({ length: 11 }, (_, s) => (npsGroup(s) === k ? npsQuestion.distribution![String(s)] ?? 0 : 0)) }))} />
            </Figure>
          )}
        </div>
      )}
      {nps && weeks.length > 0 && (
        <Figure wide title={l.t('weeklyNps')} table={{ columns: [{ label: l.t('weekStart') }, { label: 'NPS', numeric: true }, { label: l.t('margin'), numeric: true }, { label: l.t('responses'), numeric: true }], rows: data.npsTrend.map((w) => [{ value: w.week, text: l.day(w.week) }, { value: w.score, text: w.score === null ? l.t('none') : l.num(w.score, 1) }, { value: w.marginOfError, text: w.marginOfError === null ? l.t('none') : `± ${l.num(w.marginOfError, 1)}` }, { value: w.responses, text: l.n(w.responses) }]) }}>
          <Lines categories={weeks} label={(i) => l.day(weeks[i]!)} domain={[-100, 100]} refLine={0} yFormat={(v) => l.num(v, 0)}
            series={[{ key: 'nps', values: data.npsTrend.map((w) => w.score), low: data.npsTrend.map((w) => (w.score === null || w.marginOfError === null ? null : Math.max(-100, w.score - w.marginOfError))), high: data.npsTrend.map((w) => (w.score === null || w.marginOfError === null ? null : Math.min(100, w.score + w.marginOfError))) }]} />
        </Figure>
      )}
      {data.pmf && (
        <Figure title={l.t('pmfChart')} table={{ columns: [{ label: l.t('share'), numeric: true }, { label: l.t('low'), numeric: true }, { label: l.t('high'), numeric: true }, { label: 'n', numeric: true }], rows: [[{ value: data.pmf.share, text: l.pct(data.pmf.share) }, { value: pmfInterval?.[0] ?? null, text: l.pct(pmfInterval?.[0] ?? null) }, { value: pmfInterval?.[1] ?? null, text: l.pct(pmfInterval?.[1] ?? null) }, { value: data.pmf.responses, text: l.n(data.pmf.responses) }]] }}>
          <HBars label={l.t('pmfChart')} max={1} refLine={{ value: 0.4, label: l.t('pmfBar') }} rows={[{ label: l.t('pmfShare'), value: data.pmf.share ?? 0, low: pmfInterval?.[0] ?? null, high: pmfInterval?.[1] ?? null, shown: l.pct(data.pmf.share, 0), ...(pmfInterval && { detail: l.t('interval', { low: l.pct(pmfInterval[0], 0), high: l.pct(pmfInterval[1], 0) }) }) }]} />
        </Figure>
      )}
      <Figure title={l.t('responseFunnel')} table={{ columns: [{ label: l.t('step') }, { label: l.t('people'), numeric: true }], rows: funnel.map(([k, v]) => [{ value: k, text: l.t(k) }, { value: v, text: l.n(v) }]) }}>
        <HBars label={l.t('responseFunnel')} rows={funnel.map(([k, v]) => ({ label: l.t(k), value: v, shown: l.n(v), tone: k === 'dismissed' || k === 'askedLater' ? 'muted' : 'accent' }))} />
      </Figure>
      <div class="grid-2">
        {data.questions.map((q, i) => <QuestionFigure surveyId={data.surveyId} q={q} n={i + 1} />)}
      </div>
    </>
  )
}

export function SurveysPage({ id }: { id: string | null }) {
  return <FlowPage<SurveyResults> id={id} kind="survey" route="survey" path="/v1/results/surveys/" title="surveys" pick="pickSurvey" none="noSurveys" empty="noSurveyAnswers" view={(d) => <SurveyView data={d} />} />
}
