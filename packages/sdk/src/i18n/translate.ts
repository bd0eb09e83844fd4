import { baseLanguage } from './locale.ts'

/** Languages with built-in UI strings. */
export type BuiltInLanguage = 'en' | 'fa' | 'ar'

/** A table of UI strings: every built-in language has every key. `{name}` marks a placeholder. */
export type StringTable<K extends string> = Readonly<Record<BuiltInLanguage, Readonly<Record<K, string>>>>

/**
 * Looks `key` up for `tag` (exact language, else English) and fills `{placeholders}`; numbers are
 * formatted with `num`, so "2 of 5" reads "۲ از ۵" in Persian.
 * @example translate(COMMON, 'fa', 'progress', { n: 2, total: 5 }, numberFormatter('fa')) // '۲ از ۵'
 */
export function translate<K extends string>(
  table: StringTable<K>,
  tag: string,
  key: K,
  vars: Readonly<Record<string, string | number>> = {},
  num: (n: number) => string = String,
): string {
  const lang = baseLanguage(tag)
  const strings = Object.hasOwn(table, lang) ? table[lang as BuiltInLanguage] : table.en
  return strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined
    return value === undefined ? whole : typeof value === 'number' ? num(value) : value
  })
}
