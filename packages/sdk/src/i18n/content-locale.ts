import { FIXED } from './fixed-fields.ts'

// Fields that hold no prose a reader sees: those a translation leaves alone, links, media files.
const NOT_TEXT = new Set([...FIXED, 'url', 'src', 'milestone', 'placement'])

/** The prose of a flow: its content strings, without `{{tokens}}` and link targets. */
function prose(value: unknown, key = ''): string {
  if (NOT_TEXT.has(key)) return ''
  if (typeof value == 'string') return value.replace(/\{\{[^}]*\}\}|\]\([^)]*\)/g, ' ')
  if (typeof value != 'object' || !value) return ''
  return Object.entries(value).map(([k, v]) => prose(v, Array.isArray(value) ? key : k)).join(' ')
}

/**
 * The language a flow's content is written in, for one reader's page: the flow's declared `locale`;
 * else `fallback` (the project's default, `init({ contentLocale })`); else what the script of its
 * text says. Text mostly in the Arabic script (more of its letters than Latin ones) is the page's
 * language on an `fa`, `ar` or `ur` page; elsewhere it is Persian (`fa`) when it has one of the
 * letters Arabic does not write (پ چ ژ گ), else Arabic (`ar`). Any other text is English (`en`).
 * Pure.
 * @example contentLocale({ kind: 'tour', steps: [{ title: 'سلام' }] }, 'fa-IR') // 'fa-IR'
 * @example contentLocale({ kind: 'tour', steps: [{ title: 'گام اول' }] }, 'en-US') // 'fa'
 */
export function contentLocale(flow: object, page: string, fallback?: string): string {
  const declared = (flow as { locale?: unknown }).locale
  if (typeof declared == 'string' && declared) return declared
  if (typeof fallback == 'string' && fallback) return fallback
  const text = prose(flow)
  // Pieces between letters of a script: one more than its letters (Arabic-Indic digits are no letters).
  if (text.split(/(?=\p{L})\p{Script=Arabic}/u).length <= text.split(/\p{Script=Latin}/u).length) return 'en'
  // Pages in languages written in the Arabic script take Arabic-script content as their own.
  if (/^(fa|ar|ur)(-|$)/i.test(page)) return page
  return /[پچژگ]/.test(text) ? 'fa' : 'ar'
}
