import { ar } from './ar.ts'
import { en, type MessageKey, type Messages } from './en.ts'
import { fa } from './fa.ts'

export const LANGS = ['en', 'fa', 'ar'] as const
export type Lang = (typeof LANGS)[number]

const MESSAGES: Record<Lang, Messages> = { en, fa, ar }
/** Gregorian calendar with the language's own digits (Persian defaults to its solar calendar). */
const TAGS: Record<Lang, string> = { en: 'en', fa: 'fa-u-ca-gregory-nu-arabext', ar: 'ar-u-ca-gregory-nu-arab' }
/** Each language's name in itself, for the switch. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', fa: 'فارسی', ar: 'العربية' }

/** The first of the reader's languages the dashboard speaks; English otherwise. */
export function pickLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] as Lang
    if (LANGS.includes(base)) return base
  }
  return 'en'
}

/** Everything language-dependent: direction, strings and number/date formats. */
export type Locale = {
  lang: Lang
  dir: 'ltr' | 'rtl'
  t(key: MessageKey, vars?: Record<string, string | number>): string
  /** A count: 1,234 / ۱٬۲۳۴. */
  n(value: number): string
  /** A number with up to `digits` decimals. */
  num(value: number, digits?: number): string
  /** A fraction as a percentage: 0.833 → 83.3%. */
  pct(value: number | null, digits?: number): string
  /** A change as a signed percentage: +8.3%. */
  change(value: number | null): string
  /** A signed difference in percentage points: +4.2 pp → "+4.2%" of the rate. */
  signed(value: number, digits?: number): string
  /** An ISO date `YYYY-MM-DD` (UTC) as "2 Nov" / "۲ نوامبر". */
  day(iso: string, withYear?: boolean): string
  /** A time as date and hour. */
  time(ms: number): string
  /** A duration: minutes, hours or days. */
  duration(ms: number | null): string
}

export function createLocale(lang: Lang): Locale {
  const tag = TAGS[lang]
  const messages = MESSAGES[lang]
  const count = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 })
  const nums = new Map<number, Intl.NumberFormat>()
  const numberWith = (digits: number) => {
    let f = nums.get(digits)
    if (!f) nums.set(digits, (f = new Intl.NumberFormat(tag, { maximumFractionDigits: digits })))
    return f
  }
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 })
  const percent0 = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 })
  const signedPercent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' })
  const signedNumber = new Intl.NumberFormat(tag, { maximumFractionDigits: 1, signDisplay: 'exceptZero' })
  const dayFormat = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' })
  const dayYearFormat = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
  const timeFormat = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' })
  const t = (key: MessageKey, vars: Record<string, string | number> = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = vars[name]
      return v === undefined ? `{${name}}` : typeof v === 'number' ? count.format(v) : v
    })
  return {
    lang,
    dir: lang === 'en' ? 'ltr' : 'rtl',
    t,
    n: (v) => count.format(v),
    num: (v, digits = 1) => numberWith(digits).format(v),
    pct: (v, digits = 1) => (v === null ? messages.none : (digits === 0 ? percent0 : percent).format(v)),
    change: (v) => (v === null ? messages.none : signedPercent.format(v)),
    signed: (v, digits = 1) => (digits === 1 ? signedNumber : numberWith(digits)).format(v),
    day: (iso, withYear = false) => (withYear ? dayYearFormat : dayFormat).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    time: (ms) => timeFormat.format(new Date(ms)),
    duration(ms) {
      if (ms === null) return messages.none
      const minutes = ms / 60_000
      if (minutes < 90) return t('minutes', { n: Math.round(minutes) })
      const hours = minutes / 60
      if (hours < 48) return t('hours', { n: numberWith(1).format(Math.round(hours * 10) / 10) })
      return t('days', { n: numberWith(1).format(Math.round((hours / 24) * 10) / 10) })
    },
  }
}
