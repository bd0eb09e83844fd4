/** What every results page is filtered by; all of it lives in the URL so a view can be shared. */
export type Filters = {
  /** First day shown, `YYYY-MM-DD` (UTC); null: the collector's default (the last 90 days). */
  from: string | null
  /** Last day shown, included. */
  to: string | null
  period: 'week' | 'month'
  /** Trait rules, `plan:pro`, `company.size>50` (the audience-rule operators). */
  where: string[]
  locale: string | null
  segment: string | null
  /** Retention counted "on" period k, or "on or after" it. */
  mode: 'on' | 'unbounded'
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Reads the filters from a page's query; anything malformed is left at its default. */
export function parseFilters(search: URLSearchParams): Filters {
  const day = (name: string) => {
    const v = search.get(name)
    return v !== null && DAY.test(v) && !Number.isNaN(Date.parse(v)) ? v : null
  }
  const text = (name: string) => search.get(name)?.trim() || null
  return {
    from: day('from'),
    to: day('to'),
    period: search.get('period') === 'month' ? 'month' : 'week',
    where: search.getAll('where').map((w) => w.trim()).filter(Boolean),
    locale: text('locale'),
    segment: text('segment'),
    mode: search.get('mode') === 'unbounded' ? 'unbounded' : 'on',
  }
}

/** The query that {@link parseFilters} reads back to the same filters (defaults left out), other parameters kept. */
export function writeFilters(filters: Filters, rest: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams()
  for (const [k, v] of rest) if (!['from', 'to', 'period', 'where', 'locale', 'segment', 'mode'].includes(k)) out.append(k, v)
  if (filters.from) out.set('from', filters.from)
  if (filters.to) out.set('to', filters.to)
  if (filters.period !== 'week') out.set('period', filters.period)
  for (const w of filters.where) out.append('where', w)
  if (filters.locale) out.set('locale', filters.locale)
  if (filters.segment) out.set('segment', filters.segment)
  if (filters.mode !== 'on') out.set('mode', filters.mode)
  return out
}

const nextDay = (day: string) => new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10)

/**
 * The results API's parameters for these filters: `to` is exclusive there, so the last day shown
 * becomes the day after it.
 */
export function apiParams(filters: Filters, extra: Record<string, string> = {}): URLSearchParams {
  const out = new URLSearchParams()
  if (filters.from) out.set('from', filters.from)
  if (filters.to) out.set('to', nextDay(filters.to))
  for (const w of filters.where) out.append('where', w)
  if (filters.locale) out.set('locale', filters.locale)
  if (filters.segment) out.set('segment', filters.segment)
  for (const [k, v] of Object.entries(extra)) out.set(k, v)
  return out
}

/** The last `days` days up to `today` (both included), as `from`/`to`. */
export function lastDays(today: string, days: number): { from: string; to: string } {
  return { from: new Date(Date.parse(today) - (days - 1) * 86_400_000).toISOString().slice(0, 10), to: today }
}
