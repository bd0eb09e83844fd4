import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { contentLocale } from '../../packages/sdk/src/i18n/content-locale.ts'
import { direction } from '../../packages/sdk/src/i18n/locale.ts'
import { localizeFlow } from '../../packages/sdk/src/i18n/localize-flow.ts'

const tour = (title: string, more: object = {}) => ({ id: 't', kind: 'tour', steps: [{ id: 's', title, target: '#project-list-container' }], ...more })

describe('contentLocale: the language of a flow that declares none', () => {
  it.each([
    // [why, flow, page, fallback, expected]
    ['declared wins over the text', tour('گام اول', { locale: 'en' }), 'fa-IR', undefined, 'en'],
    ['declared wins over the default', tour('Hello', { locale: 'ar' }), 'en', 'fa', 'ar'],
    ["the project's default over the text", tour('Hello'), 'en', 'fa', 'fa'],
    ['Persian text on a Persian page: the page', tour('گام اول: پروژه بسازید'), 'fa-IR', undefined, 'fa-IR'],
    ['Arabic text on an Arabic page: the page', tour('مرحبا بك في لوحتك'), 'ar-EG', undefined, 'ar-EG'],
    ['Persian text on an Arabic page: the page', tour('گام اول'), 'ar', undefined, 'ar'],
    ['Urdu text on an Urdu page: the page', tour('خوش آمدید، پہلا قدم'), 'ur-PK', undefined, 'ur-PK'],
    ['Persian-only letters on an English page: Persian', tour('گزارش‌ها اینجا هستند'), 'en-US', undefined, 'fa'],
    ['each of پ چ ژ گ is enough', tour('چه خبر'), 'de', undefined, 'fa'],
    ['Arabic script without them on an English page: Arabic', tour('مرحبا بك'), 'en-US', undefined, 'ar'],
    ['English text on a Persian page stays English', tour('Create your first project'), 'fa-IR', undefined, 'en'],
    ['a brand name in Latin does not outweigh the prose', tour('به Acme خوش آمدید، اولین پروژه را بسازید'), 'en', undefined, 'fa'],
    ['more Latin than Arabic letters is not Arabic-script text', tour('Open the dashboard (داشبورد)'), 'fa', undefined, 'en'],
    ['tokens, link targets and selectors are not text', tour('{{user.firstName|friend}} [راهنما](https://docs.example.com/getting-started-guide)'), 'en', undefined, 'ar'],
    ['no letters at all: English', tour('123 — 456'), 'fa', undefined, 'en'],
    ['Persian digits are no letters', tour('۱۲۳ Go'), 'en', undefined, 'en'],
    ['translations are not the default text', tour('Welcome', { locales: { fa: { steps: [{ title: 'خوش آمدید' }] } } }), 'de', undefined, 'en'],
    ['a survey: its prompts and choices', { id: 'q', kind: 'survey', questions: [{ id: 'a', type: 'single', prompt: 'چطور ما را پیدا کردید؟', choices: [{ id: 'x', label: 'گوگل' }] }] }, 'en', undefined, 'fa'],
  ])('%s', (_, flow, page, fallback, expected) => {
    expect(contentLocale(flow, page, fallback)).toBe(expected)
  })

  it('ignores a default that is not a string', () => {
    expect(contentLocale(tour('Hi'), 'en', 7 as unknown as string)).toBe('en')
  })
})

const arabicLetters = fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'.split(''))
const persianOnly = fc.constantFrom(...'پچژگ'.split(''))
const latinLetters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''))
const word = (letters: fc.Arbitrary<string>) => fc.array(letters, { minLength: 1, maxLength: 8 }).map((l) => l.join(''))
const sentence = (letters: fc.Arbitrary<string>) => fc.array(word(letters), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '))
const page = fc.constantFrom('en', 'en-US', 'fa', 'fa-IR', 'ar', 'ar-EG', 'ur', 'de', 'fr-CA', 'he', 'ja')
const arabicScriptPage = fc.constantFrom('fa', 'fa-IR', 'ar', 'ar-SA', 'ur', 'ur-PK')
const otherPage = fc.constantFrom('en', 'en-GB', 'de', 'fr-CA', 'he', 'ja', 'tr')
const anyText = fc.oneof(sentence(arabicLetters), sentence(latinLetters), sentence(fc.oneof(arabicLetters, persianOnly)), fc.string())

describe('contentLocale properties', () => {
  it('a declared locale always wins, whatever the text, page and default', () => {
    fc.assert(fc.property(anyText, fc.constantFrom('en', 'fa', 'ar', 'de'), page, fc.option(fc.constantFrom('fa', 'ar'), { nil: undefined }), (text, locale, p, fallback) => {
      expect(contentLocale(tour(text, { locale }), p, fallback)).toBe(locale)
    }))
  })

  it('Latin text without a default is English on every page', () => {
    fc.assert(fc.property(sentence(latinLetters), page, (text, p) => {
      expect(contentLocale(tour(text), p)).toBe('en')
    }))
  })

  it("Arabic-script text on an fa, ar or ur page is that page's language, right to left", () => {
    fc.assert(fc.property(sentence(fc.oneof(arabicLetters, persianOnly)), arabicScriptPage, (text, p) => {
      const lang = localizeFlow(tour(text), p).lang
      expect(lang).toBe(p)
      expect(direction(lang)).toBe('rtl')
    }))
  })

  it('elsewhere it is Persian exactly when it has پ چ ژ گ, else Arabic; right to left either way', () => {
    fc.assert(fc.property(sentence(arabicLetters), fc.option(persianOnly, { nil: undefined }), otherPage, (text, extra, p) => {
      const lang = contentLocale(tour(extra ? `${text} ${extra}` : text), p)
      expect(lang).toBe(extra ? 'fa' : 'ar')
      expect(direction(lang)).toBe('rtl')
    }))
  })

  it('a Latin majority outweighs Arabic letters, and the other way round', () => {
    fc.assert(fc.property(sentence(latinLetters), sentence(arabicLetters), (latin, arabic) => {
      const count = (s: string) => s.replace(/ /g, '').length
      const lang = contentLocale(tour(`${latin} ${arabic}`), 'fa')
      expect(lang).toBe(count(arabic) > count(latin) ? 'fa' : 'en')
    }))
  })
})
