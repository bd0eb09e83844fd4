/** How retention groups time: ISO weeks (Monday 00:00) or calendar months, both in a time zone. */
export type PeriodKind = 'week' | 'month'
export const PERIOD_KINDS: readonly PeriodKind[] = ['week', 'month']

const DAY = 864e5
const formatters = new Map<string, Intl.DateTimeFormat>()

/** A (cached) formatter of wall-clock parts in `tz`; throws a RangeError for an unknown zone. */
function wallClock(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    })
    formatters.set(tz, f)
  }
  return f
}

/**
 * Whether `tz` is an IANA time zone name this runtime knows (`UTC`, `Asia/Tehran`).
 * @example validTimeZone('Asia/Tehran') // true
 */
export function validTimeZone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(tz)) return false
  try {
    wallClock(tz)
    return true
  } catch {
    return false
  }
}

/** The wall-clock time in `tz` at instant `ms`, read as if it were UTC (epoch ms). */
function wallMs(ms: number, tz: string): number {
  const parts: Record<string, number> = {}
  for (const p of wallClock(tz).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts
  return Date.UTC(year, month - 1, day, hour, minute, second) + (((ms % 1000) + 1000) % 1000)
}

/** `YYYY-MM-DD` of a UTC-read epoch ms. */
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * The calendar date in `tz` at instant `ms`.
 * @example localDate(Date.parse('2026-11-01T21:00:00Z'), 'Asia/Tehran') // '2026-11-02' (00:30 there)
 */
export const localDate = (ms: number, tz: string): string => iso(wallMs(ms, tz))

/**
 * The instant the day `date` begins in `tz`: its local 00:00, or — where a daylight-saving change
 * skips midnight (Tehran until 2022, Santiago) — the first instant of that day that exists.
 * @example dayStart('2026-11-02', 'Asia/Tehran') // Date.parse('2026-11-01T20:30:00Z')
 */
export function dayStart(date: string, tz: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`)
  // Two rounds of "subtract the offset there" land on the instant; a third candidate covers a gap.
  const offset = (t: number) => wallMs(t, tz) - t
  const first = wall - offset(wall)
  const second = wall - offset(first)
  if (wallMs(second, tz) === wall) return second
  if (wallMs(first, tz) === wall) return first
  // Midnight does not exist that day: the day starts when the clock jumps, at the later candidate.
  return Math.max(first, second)
}

/** The date `n` days after `date`. */
export const addDays = (date: string, n: number): string => iso(Date.parse(`${date}T00:00:00Z`) + n * DAY)

/**
 * The first day of the period holding `date`: its ISO week's Monday, or the 1st of its month.
 * @example periodOf('2026-11-08', 'week') // '2026-11-02'
 */
export function periodOf(date: string, kind: PeriodKind): string {
  if (kind === 'month') return `${date.slice(0, 7)}-01`
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return addDays(date, -((day + 6) % 7))
}

/**
 * The start of the period `n` periods after the one starting at `start` (n may be negative).
 * @example shiftPeriod('2026-12-01', 'month', 1) // '2027-01-01'
 */
export function shiftPeriod(start: string, kind: PeriodKind, n: number): string {
  if (kind === 'week') return addDays(start, 7 * n)
  const [y, m] = start.split('-').map(Number) as [number, number]
  const months = y * 12 + (m - 1) + n
  return `${String(Math.floor(months / 12)).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}-01`
}

/** The instant the period starting at `start` begins in `tz`. */
export const periodStartMs = (start: string, tz: string): number => dayStart(start, tz)

/** The instant the period starting at `start` ends in `tz` (the next one's start). */
export const periodEndMs = (start: string, kind: PeriodKind, tz: string): number => dayStart(shiftPeriod(start, kind, 1), tz)

/** Most periods one answer holds (ten years of weeks). */
export const MAX_PERIODS = 520

/**
 * The starts of every period (in `tz`) that overlaps the half-open time range [from, to), oldest
 * first, at most {@link MAX_PERIODS} (the newest ones).
 * @example periodsBetween(Date.parse('2026-11-04'), Date.parse('2026-11-17'), 'week', 'UTC') // ['2026-11-02', '2026-11-09', '2026-11-16']
 */
export function periodsBetween(from: number, to: number, kind: PeriodKind, tz: string): string[] {
  const last = periodOf(localDate(to - 1, tz), kind)
  const starts: string[] = []
  for (let p = last; starts.length < MAX_PERIODS; p = shiftPeriod(p, kind, -1)) {
    starts.push(p)
    if (periodStartMs(p, tz) <= from) break
  }
  return starts.reverse()
}
