import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toCsv } from '../../packages/dashboard/src/charts/table.ts'
import { apiParams, lastDays, parseFilters, writeFilters, type Filters } from '../../packages/dashboard/src/state/filters.ts'
import { createLocale, pickLang } from '../../packages/dashboard/src/i18n/locale.ts'
import { ar } from '../../packages/dashboard/src/i18n/ar.ts'
import { en } from '../../packages/dashboard/src/i18n/en.ts'
import { fa } from '../../packages/dashboard/src/i18n/fa.ts'

const day = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
const filters: fc.Arbitrary<Filters> = fc.record({
  from: fc.option(day), to: fc.option(day), period: fc.constantFrom('week', 'month'),
  where: fc.uniqueArray(fc.string({ minLength: 1 }).map((s) => s.trim()).filter(Boolean)),
  locale: fc.option(fc.constantFrom('fa', 'en-GB')), segment: fc.option(fc.constantFrom('beta', 'enterprise')),
  mode: fc.constantFrom('on', 'unbounded'),
})

describe('filters in the URL', () => {
  it('read back what was written, whatever the filters', () => {
    fc.assert(fc.property(filters, (f) => {
      expect(parseFilters(new URLSearchParams(writeFilters(f).toString()))).toEqual(f)
    }))
  })

  it('keep the other parameters and leave defaults out', () => {
    const query = writeFilters({ ...parseFilters(new URLSearchParams()), where: ['plan:pro', 'company.size>50'] }, new URLSearchParams('project=acme&lang=fa&from=2020-01-01'))
    expect(query.toString()).toBe('project=acme&lang=fa&where=plan%3Apro&where=company.size%3E50')
  })

  it('ignore malformed values', () => {
    expect(parseFilters(new URLSearchParams('from=yesterday&to=2026-13-45&period=year&mode=x&where=%20'))).toEqual({
      from: null, to: null, period: 'week', where: [], locale: null, segment: null, mode: 'on',
    })
  })

  it('become API parameters with an exclusive `to`', () => {
    const f = { ...parseFilters(new URLSearchParams()), from: '2026-11-01', to: '2026-11-30', where: ['plan:pro'], locale: 'fa' }
    expect(apiParams(f, { period: 'week' }).toString()).toBe('from=2026-11-01&to=2026-12-01&where=plan%3Apro&locale=fa&period=week')
    expect(lastDays('2026-12-03', 28)).toEqual({ from: '2026-11-06', to: '2026-12-03' })
  })
})

describe('CSV of a table', () => {
  it('has the header, raw values, quoting and neutralized formulas', () => {
    const csv = toCsv({
      columns: [{ label: 'Answer' }, { label: 'Share, of all', numeric: true }],
      rows: [[{ value: '=HYPERLINK("x")', text: '=HYPERLINK("x")' }, { value: 0.5, text: '50%' }], [{ value: 'a\nb', text: 'a b' }, { value: null, text: '—' }]],
    })
    expect(csv).toBe('Answer,"Share, of all"\r\n"\'=HYPERLINK(""x"")",0.5\r\n"a\nb",\r\n')
  })
})

describe('languages', () => {
  it('every language has every string, with the same placeholders', () => {
    for (const messages of [fa, ar]) {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort())
      for (const [key, value] of Object.entries(en)) {
        expect(((messages as Record<string, string>)[key]!.match(/\{\w+\}/g) ?? []).sort(), key).toEqual((value.match(/\{\w+\}/g) ?? []).sort())
      }
    }
  })

  it('follows the browser, English otherwise', () => {
    expect(pickLang(['fa-IR', 'en'])).toBe('fa')
    expect(pickLang(['de-DE', 'ar-EG'])).toBe('ar')
    expect(pickLang(['de'])).toBe('en')
  })

  it('localizes digits and writes Gregorian dates', () => {
    const f = createLocale('fa')
    expect(f.n(1234)).toBe('۱٬۲۳۴')
    expect(f.pct(0.425)).toMatch(/^۴۲٫۵\s?٪$/)
    expect(f.day('2026-11-02', true)).toContain('۲۰۲۶')
    expect(f.dir).toBe('rtl')
    const a = createLocale('ar')
    expect(a.n(1234)).toBe('١٬٢٣٤')
    expect(a.day('2026-11-02', true)).toContain('٢٠٢٦')
    const e = createLocale('en')
    expect(e.pct(0.8333)).toBe('83.3%')
    expect(e.change(0.0833)).toBe('+8.3%')
    expect(e.day('2026-11-02')).toBe('Nov 2')
    expect(e.duration(5_340_000)).toBe('89 min')
    expect(e.duration(5_400_000)).toBe('1.5 h')
    expect(e.duration(86_400_000 * 3)).toBe('3 d')
    expect(e.t('npsMargin', { margin: '8.1', n: 140 })).toBe('± 8.1 points, n = 140')
  })
})
