import { FLOW_KINDS, type Flow, type FlowKind } from '@cairn/protocol'
import type { Project } from '../config/config.ts'
import type { Storage } from '../storage/storage.ts'
import { wilson } from './holdout-stats.ts'
import { queryScoped } from './audience-sql.ts'
import type { Scope } from './audience.ts'
import { milestoneResults } from './milestones.ts'
import { ANSWERED_SURVEYS, TOP_FLOWS } from './overview-sql.ts'
import { localDate, periodEndMs, periodOf, periodStartMs, shiftPeriod } from './periods.ts'
import { retentionResults } from './retention.ts'
import type { RetentionOptions } from './retention-options.ts'
import { surveyHeadline } from './survey-headline.ts'

/** How many periods the CRR sparkline covers, the last complete one included. */
const SERIES = 8
/** How many flows the overview lists. */
const TOP = 5

/** The answer of `GET /v1/results/overview` (a contract the dashboard draws). */
export type OverviewResults = {
  /** The last complete week or month (in the time zone): the one the headline numbers are of. */
  period: { kind: RetentionOptions['kind']; start: string; end: string }
  active: { now: number; previous: number; change: number | null }
  crr: number | null
  churn: number | null
  crrSeries: { start: string; crr: number | null }[]
  nps: { flowId: string; score: number | null; margin: number | null; n: number } | null
  pmf: { flowId: string; share: number | null; low: number | null; high: number | null; n: number } | null
  milestones: { name: string; newUsers: number; reached: number; share: number | null }[]
  topFlows: { id: string; kind: FlowKind; reach: number }[]
}

/**
 * The Monday view of one project (for an audience): active users, CRR and churn of the last complete period (with the
 * change from the one before and a series of {@link SERIES}), and over `range` the NPS and PMF of the
 * survey with most answers of each, the share of new users reaching each milestone, and the flows that
 * reached most people. Each number is what its own results endpoint gives for the same input.
 */
export async function overviewResults(
  storage: Storage, project: Project, flows: readonly Flow[], range: Scope, options: Omit<RetentionOptions, 'mode'>, now: number,
): Promise<OverviewResults> {
  const last = shiftPeriod(periodOf(localDate(now, options.tz), options.kind), options.kind, -1)
  const first = shiftPeriod(last, options.kind, 1 - SERIES)
  const span = { from: periodStartMs(first, options.tz), to: periodEndMs(last, options.kind, options.tz), audience: range.audience }
  const params = [project.id, range.from, range.to]
  const [retention, milestones, top, answered] = await Promise.all([
    retentionResults(storage, project, span, { ...options, mode: 'on' }, now),
    milestoneResults(storage, project, flows, range),
    queryScoped<{ id: string; kind: string | null; reach: number }>(storage, range.audience, TOP_FLOWS, [...params, TOP]),
    queryScoped<{ id: string }>(storage, range.audience, ANSWERED_SURVEYS, params),
  ])
  const surveyIds = [...new Set([...flows.filter((f) => f.kind === 'survey').map((f) => f.id), ...answered.map((a) => a.id)])]
  const surveys = (await Promise.all(surveyIds.map(async (id) => {
    const headline = await surveyHeadline(storage, project.id, flows, id, range)
    return headline && { flowId: id, ...headline }
  }))).filter((s) => s !== undefined)
  /** The survey whose `pick` has most responses (the first of a tie), or none when none has any. */
  const mostAnswered = <T extends { responses: number }>(pick: (s: (typeof surveys)[number]) => T | null) => {
    let best: { flowId: string; stats: T } | undefined
    for (const s of surveys) {
      const stats = pick(s)
      if (stats && stats.responses > (best?.stats.responses ?? 0)) best = { flowId: s.flowId, stats }
    }
    return best
  }
  const nps = mostAnswered((s) => s.nps)
  const pmf = mostAnswered((s) => s.pmf)
  const pmfInterval = pmf && wilson(pmf.stats.veryDisappointed, pmf.stats.responses)
  const periods = retention.periods
  const latest = periods.at(-1)
  const before = periods.at(-2)
  const kindOf = (id: string, named: string | null) => flows.find((f) => f.id === id)?.kind ?? named
  return {
    period: { kind: options.kind, start: last, end: shiftPeriod(last, options.kind, 1) },
    active: {
      now: latest?.E ?? 0,
      previous: before?.E ?? 0,
      change: latest && before?.E ? (latest.E - before.E) / before.E : null,
    },
    crr: latest?.crr ?? null,
    churn: latest?.churn ?? null,
    crrSeries: periods.map((p) => ({ start: p.start, crr: p.crr })),
    nps: nps ? { flowId: nps.flowId, score: nps.stats.score, margin: nps.stats.marginOfError, n: nps.stats.responses } : null,
    pmf: pmf ? { flowId: pmf.flowId, share: pmf.stats.share, low: pmfInterval?.[0] ?? null, high: pmfInterval?.[1] ?? null, n: pmf.stats.responses } : null,
    milestones: milestones.milestones.map((m) => ({ name: m.name, newUsers: milestones.newUsers, reached: m.newUsersReached, share: m.share })),
    topFlows: top.flatMap((f) => {
      const kind = kindOf(f.id, f.kind)
      return kind && (FLOW_KINDS as readonly string[]).includes(kind) ? [{ id: f.id, kind: kind as FlowKind, reach: f.reach }] : []
    }),
  }
}
