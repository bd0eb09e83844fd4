/** The period results cover when `from` is not given: the 90 days before `to`. */
export const DEFAULT_DAYS = 90

/** A half-open period [from, to) in epoch ms. */
export type Period = { from: number; to: number }

/** One bound: epoch milliseconds, or an ISO 8601 date (`2026-11-01`, UTC midnight) or date-time (UTC unless it says). */
function parseTime(text: string): number | undefined {
  const iso = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.exec(text)
  // A date-time without a zone would be read in the server's local time zone; results are in UTC.
  const ms = /^\d{1,15}$/.test(text) ? Number(text) : iso ? Date.parse(iso[1] && !iso[2] ? `${text}Z` : text) : NaN
  return Number.isFinite(ms) ? ms : undefined
}

/**
 * The period of a results request from its `from` and `to` query parameters; `to` defaults to
 * `now`, `from` to {@link DEFAULT_DAYS} days before `to`. A string is the problem to answer with 400.
 * @example parsePeriod({ from: '2026-11-01', to: '2026-12-01' }, Date.now()) // { from: 1793491200000, to: 1796083200000 }
 */
export function parsePeriod(query: { from?: string | undefined; to?: string | undefined }, now: number): Period | string {
  const to = query.to === undefined ? now : parseTime(query.to)
  if (to === undefined) return '"to": epoch milliseconds or an ISO 8601 date'
  const from = query.from === undefined ? to - DEFAULT_DAYS * 864e5 : parseTime(query.from)
  if (from === undefined) return '"from": epoch milliseconds or an ISO 8601 date'
  if (from >= to) return '"from" must be before "to"'
  return { from, to }
}
