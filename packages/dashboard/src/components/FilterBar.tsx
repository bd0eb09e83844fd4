import { useStore } from '@nanostores/preact'
import { lastDays, type Filters } from '../state/filters.ts'
import { useDashboard, useLocale } from './context.ts'

/**
 * Date range, period and trait filters; every change goes into the URL. Active filters show as
 * chips, each removable with its own button.
 */
export function FilterBar({ showPeriod = true }: { showPeriod?: boolean }) {
  const l = useLocale()
  const { nav, now } = useDashboard()
  const filters = useStore(nav.$filters)
  // Handlers read the store, not the render's copy: two quick changes must not undo each other.
  const set = (change: (now: Filters) => Partial<Filters>) => {
    const now = nav.$filters.get()
    nav.setFilters({ ...now, ...change(now) })
  }
  const today = new Date(now()).toISOString().slice(0, 10)
  const presets = [
    { label: l.t('lastWeeks', { n: 4 }), days: 28 },
    { label: l.t('lastWeeks', { n: 12 }), days: 84 },
    { label: l.t('lastMonths', { n: 6 }), days: 182 },
  ]
  const addRule = (event: Event) => {
    event.preventDefault()
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('rule') as HTMLInputElement
    const rule = input.value.trim()
    if (rule) set((f) => ({ where: f.where.includes(rule) ? f.where : [...f.where, rule] }))
    input.value = ''
  }
  const chips = [
    ...filters.where.map((w) => ({ name: w, remove: () => set((f) => ({ where: f.where.filter((x) => x !== w) })) })),
    ...(filters.locale ? [{ name: `${l.t('localeFilter')}: ${filters.locale}`, remove: () => set(() => ({ locale: null })) }] : []),
    ...(filters.segment ? [{ name: `${l.t('segment')}: ${filters.segment}`, remove: () => set(() => ({ segment: null })) }] : []),
  ]
  return (
    <section class="filterbar" aria-label={l.t('filters')}>
      <div class="filter-row">
        <fieldset class="range">
          <legend>{l.t('range')}</legend>
          <div class="presets">
            {presets.map((p) => {
              const range = lastDays(today, p.days)
              const active = filters.from === range.from && filters.to === range.to
              return <button type="button" class={active ? 'chip-button active' : 'chip-button'} aria-pressed={active} onClick={() => set(() => range)}>{p.label}</button>
            })}
          </div>
          <label class="inline-field"><span>{l.t('from')}</span>
            <input type="date" name="from" value={filters.from ?? ''} max={filters.to ?? today} onChange={(e) => { const from = (e.currentTarget as HTMLInputElement).value || null; set(() => ({ from })) }} />
          </label>
          <label class="inline-field"><span>{l.t('to')}</span>
            <input type="date" name="to" value={filters.to ?? ''} min={filters.from ?? undefined} max={today} onChange={(e) => { const to = (e.currentTarget as HTMLInputElement).value || null; set(() => ({ to })) }} />
          </label>
          {!filters.from && !filters.to && <span class="muted">{l.t('defaultRange')}</span>}
        </fieldset>
        {showPeriod && (
          <label class="inline-field"><span>{l.t('period')}</span>
            <select name="period" value={filters.period} onChange={(e) => { const period = (e.currentTarget as HTMLSelectElement).value as Filters['period']; set(() => ({ period })) }}>
              <option value="week">{l.t('week')}</option>
              <option value="month">{l.t('month')}</option>
            </select>
          </label>
        )}
        <form class="add-filter" onSubmit={addRule}>
          <label class="inline-field"><span>{l.t('filterLabel')}</span>
            <input name="rule" type="text" dir="ltr" placeholder="plan:pro" aria-describedby="filter-help" autocomplete="off" />
          </label>
          <button type="submit">{l.t('addFilter')}</button>
          <span id="filter-help" class="muted small">{l.t('filterHelp')}</span>
        </form>
      </div>
      {chips.length > 0 && (
        <ul class="chips" aria-label={l.t('activeFilters')}>
          {chips.map((c) => (
            <li class="chip"><bdi dir="ltr">{c.name}</bdi>
              <button type="button" class="chip-remove" aria-label={l.t('removeFilter', { name: c.name })} onClick={c.remove}>×</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
