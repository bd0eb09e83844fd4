import { COHORT_MODES, type CohortMode } from './cohorts.ts'
import { PERIOD_KINDS, validTimeZone, type PeriodKind } from './periods.ts'

/** How a retention-style request groups time. */
export type RetentionOptions = { kind: PeriodKind; tz: string; mode: CohortMode }

/**
 * `period` (week, the default, or month), `tz` (an IANA zone, UTC by default) and `mode` (on, the
 * default, or unbounded) of a request; a string is the problem to answer with 400.
 * @example retentionOptions({ period: 'month', tz: 'Asia/Tehran' }) // { kind: 'month', tz: 'Asia/Tehran', mode: 'on' }
 */
export function retentionOptions(query: { period?: string | undefined; tz?: string | undefined; mode?: string | undefined }): RetentionOptions | string {
  const kind = query.period ?? 'week'
  if (!(PERIOD_KINDS as readonly string[]).includes(kind)) return `"period": "week" or "month", not ${JSON.stringify(kind)}`
  const tz = query.tz ?? 'UTC'
  if (!validTimeZone(tz)) return `"tz": ${JSON.stringify(tz.slice(0, 80))} is not a known IANA time zone (e.g. "Asia/Tehran", "UTC")`
  const mode = query.mode ?? 'on'
  if (!(COHORT_MODES as readonly string[]).includes(mode)) return `"mode": "on" or "unbounded", not ${JSON.stringify(mode.slice(0, 80))}`
  return { kind: kind as PeriodKind, tz, mode: mode as CohortMode }
}
