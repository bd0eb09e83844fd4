import * as v from 'valibot'

// RFC 3339 (the profile of ISO 8601 JSON APIs use): date, `T`, time, optional fraction, and a zone —
// without one the instant would depend on the collector's time zone.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/

/**
 * Epoch milliseconds of an RFC 3339 date-time such as `2026-12-03T06:51:47.445Z` or
 * `2026-12-03T08:51:47+02:00`; null when it is not one or names no real instant (Feb 30, hour 24).
 * Digits past the millisecond are dropped.
 */
export function parseIsoTime(text: string): number | null {
  const m = ISO_DATE_TIME.exec(text)
  if (!m) return null
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3))
  const offset = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]))
  if (hour > 23 || minute > 59 || second > 59 || Number(m[10] ?? 0) > 23 || Number(m[11] ?? 0) > 59) return null
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  const check = new Date(local)
  // Date.UTC rolls Feb 30 over into March; a real date comes back unchanged.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  return local - offset * 60_000
}

const EXPECTED = 'must be epoch milliseconds or an ISO 8601 date-time with a zone, such as "2026-12-03T06:51:47.445Z"'

/**
 * A point in time on the wire: epoch milliseconds (what the SDK sends), or an ISO 8601 / RFC 3339
 * string (what server-side senders often have); either comes out as epoch milliseconds.
 */
export const timestampSchema = v.union([
  v.pipe(v.number(), v.integer(), v.minValue(0)),
  v.pipe(
    v.string(),
    v.regex(ISO_DATE_TIME, EXPECTED),
    v.transform((text) => parseIsoTime(text) ?? Number.NaN),
    v.check((ms) => Number.isFinite(ms) && ms >= 0, 'must be a real date-time, not before 1970'),
  ),
], EXPECTED)
