import { contentLocale } from './content-locale.ts'
import { FIXED } from './fixed-fields.ts'
import { baseLanguage } from './locale.ts'

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor'])

/** A flow's content fields as seen by one reader, and the language they are in. */
export interface Localized<F> {
  flow: F
  /** The language the content is in: the reader's when the flow has it, else the flow's own ({@link contentLocale}). */
  lang: string
}

/**
 * Picks the flow's content for the reader's locale: `locales[tag]`, else `locales[language]`
 * (`fa-IR` → `fa`), merged over the default content — strings replace strings, arrays merge item by
 * item, ids/selectors/rules never change. When the flow has no content in the reader's language the
 * widget shows the default content in the flow's own language — declared, else `fallback` (the
 * project's default, `init({ contentLocale })`), else inferred from its text — so UI strings,
 * direction and digits match it.
 * @example localizeFlow({ id: 'w', kind: 'tour', steps: [{ id: 's', title: 'Hi' }], locales: { fa: { steps: [{ title: 'سلام' }] } } }, 'fa-IR')
 */
export function localizeFlow<F extends object>(flow: F, tag: string, fallback?: string): Localized<F> {
  const { locales } = flow as { locales?: unknown }
  const table = isRecord(locales) ? locales : {}
  const wanted = [tag.toLowerCase(), baseLanguage(tag)]
  const key = Object.keys(table).find((k) => wanted.includes(k.toLowerCase()))
  if (key !== undefined) return { flow: merge(flow, table[key]) as F, lang: tag }
  const own = contentLocale(flow, tag, fallback)
  return { flow, lang: baseLanguage(own) === baseLanguage(tag) ? tag : own }
}

function merge(base: unknown, over: unknown): unknown {
  if (typeof over === 'string') return base === undefined || typeof base === 'string' ? over : base
  if (Array.isArray(base)) return Array.isArray(over) ? base.map((item, i) => merge(item, over[i])) : base
  if (!isRecord(base) || !isRecord(over)) return base
  const out: Record<string, unknown> = { ...base }
  for (const key of Object.keys(over)) {
    if (FIXED.has(key) || FORBIDDEN.has(key)) continue
    const value = merge(Object.hasOwn(base, key) ? base[key] : undefined, over[key])
    if (value !== undefined) out[key] = value
  }
  return out
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
