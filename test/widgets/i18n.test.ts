import { describe, expect, it } from 'vitest'
import { baseLanguage, direction, resolveLocale } from '../../packages/sdk/src/i18n/locale.ts'
import { numberFormatter } from '../../packages/sdk/src/i18n/numbers.ts'
import { translate, type StringTable } from '../../packages/sdk/src/i18n/translate.ts'
import { COMMON_STRINGS } from '../../packages/sdk/src/i18n/common-strings.ts'
import { SURVEY_STRINGS } from '../../packages/sdk/src/i18n/survey-strings.ts'
import { CHECKLIST_STRINGS } from '../../packages/sdk/src/i18n/checklist-strings.ts'
import { ANNOUNCEMENT_STRINGS } from '../../packages/sdk/src/i18n/announcement-strings.ts'
import { PREVIEW_STRINGS } from '../../packages/sdk/src/i18n/preview-strings.ts'

describe('resolveLocale', () => {
  it.each<[(string | null | undefined)[], string]>([
    [['fa', 'en', 'de'], 'fa'],
    [[undefined, 'ar-eg', 'en'], 'ar-EG'],
    [[undefined, '', 'fa_IR'], 'fa-IR'],
    [[null, 'not a tag!', 'he'], 'he'],
    [['iw'], 'he'],
    [[undefined, undefined], 'en'],
    [[], 'en'],
    [['  pt-br '], 'pt-BR'],
  ])('%j → %s', (candidates, expected) => {
    expect(resolveLocale(candidates)).toBe(expected)
  })
})

describe('direction and base language', () => {
  it.each([
    ['fa', 'rtl'], ['fa-IR', 'rtl'], ['ar', 'rtl'], ['ar-EG', 'rtl'], ['he', 'rtl'], ['ur-PK', 'rtl'], ['ckb', 'rtl'],
    ['en', 'ltr'], ['en-US', 'ltr'], ['de', 'ltr'], ['zh-Hant-TW', 'ltr'],
  ])('%s is %s', (tag, dir) => {
    expect(direction(tag)).toBe(dir)
  })

  it('takes the language subtag', () => {
    expect(baseLanguage('fa-IR')).toBe('fa')
    expect(baseLanguage('EN')).toBe('en')
  })
})

describe('numberFormatter', () => {
  const zeroToTen = (tag: string) => Array.from({ length: 11 }, (_, n) => numberFormatter(tag)(n)).join(' ')

  it('uses the locale digits', () => {
    expect(zeroToTen('fa')).toBe('۰ ۱ ۲ ۳ ۴ ۵ ۶ ۷ ۸ ۹ ۱۰')
    expect(zeroToTen('ar')).toBe('٠ ١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩ ١٠')
    expect(zeroToTen('en')).toBe('0 1 2 3 4 5 6 7 8 9 10')
    expect(numberFormatter('ar-u-nu-latn')(10)).toBe('10')
  })

  it('falls back to English digits for an unusable tag', () => {
    expect(numberFormatter('x-invalid-')(5)).toBe('5')
  })
})

describe('translate', () => {
  it('fills placeholders with localized numbers and falls back to English', () => {
    expect(translate(COMMON_STRINGS, 'fa-IR', 'progress', { n: 2, total: 5 }, numberFormatter('fa-IR'))).toBe('۲ از ۵')
    expect(translate(COMMON_STRINGS, 'ar', 'progress', { n: 2, total: 5 }, numberFormatter('ar'))).toBe('٢ من ٥')
    expect(translate(COMMON_STRINGS, 'en', 'progress', { n: 2, total: 5 })).toBe('2 of 5')
    expect(translate(COMMON_STRINGS, 'de', 'next')).toBe('Next')
    expect(translate(COMMON_STRINGS, 'en', 'progress', { n: 1 })).toBe('1 of {total}')
    expect(translate(CHECKLIST_STRINGS, 'fa', 'progress', { n: 1, total: 4 }, numberFormatter('fa'))).toBe('۱ از ۴ انجام شد')
    expect(translate(PREVIEW_STRINGS, 'ar', 'step', { n: 2, total: 3 }, numberFormatter('ar'))).toBe('الخطوة ٢ من ٣')
    expect(translate(PREVIEW_STRINGS, 'fa', 'failed', { id: 'welcome', why: '403' })).toBe('پیش‌نمایش «welcome» ممکن نیست: 403')
  })

  const tables: [string, StringTable<string>][] = [
    ['common', COMMON_STRINGS], ['survey', SURVEY_STRINGS], ['checklist', CHECKLIST_STRINGS], ['announcement', ANNOUNCEMENT_STRINGS],
  ]
  const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort()

  it.each(tables)('the %s table has every key, translated, with the same placeholders, in fa and ar', (_, table) => {
    for (const lang of ['fa', 'ar'] as const) {
      expect(Object.keys(table[lang]).sort()).toEqual(Object.keys(table.en).sort())
      for (const [key, english] of Object.entries(table.en)) {
        const text = table[lang][key] as string
        expect(placeholders(text), `${lang}.${key}`).toEqual(placeholders(english))
        expect(text.replace(/\{\w+\}/g, ''), `${lang}.${key} is untranslated`).not.toMatch(/[A-Za-z]{2}/)
      }
    }
  })
})
