import { baseLanguage } from './locale.ts'

// Identity, selectors, targeting and branching: a translation must not change what a flow does.
const FIXED = new Set([
  'id', 'kind', 'type', 'target', 'goto', 'event', 'tour', 'style', 'display', 'locale', 'locales', '$schema',
  'trigger', 'audience', 'frequency', 'completeOn', 'advanceOn', 'next',
])
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor'])

/** A flow's content fields as seen by one reader, and the language they are in. */
export interface Localized<F> {
  flow: F
  /** The language the content is in: the reader's when the flow has it, else the flow's own `locale`. */
  lang: string
}

/**
 * Picks the flow's content for the reader's locale: `locales[tag]`, else `locales[language]`
 * (`fa-IR` → `fa`), merged over the default content — strings replace strings, arrays merge item by
 * item, ids/selectors/rules never change. When the flow has no content in the reader's language the
 * widget shows the default content in the flow's own language, so UI strings and direction match it.
 * @example localizeFlow({ id: 'w', kind: 'tour', steps: [{ id: 's', title: 'Hi' }], locales: { fa: { steps: [{ title: 'سلام' }] } } }, 'fa-IR')
 */
export function localizeFlow<F extends object>(flow: F, tag: string): Localized<F> {
  const { locale, locales } = flow as { locale?: unknown; locales?: unknown }
  const own = typeof locale === 'string' ? locale : 'en'
  const table = isRecord(locales) ? locales : {}
  const wanted = [tag.toLowerCase(), baseLanguage(tag)]
  const key = Object.keys(table).find((k) => wanted.includes(k.toLowerCase()))
  if (key !== undefined) return { flow: merge(flow, table[key]) as F, lang: tag }
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
