// Scripts written right to left: Arabic, Persian, Hebrew, Urdu, Pashto, Sindhi, Sorani, Dhivehi, Yiddish, Uyghur.
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ckb', 'dv', 'yi', 'ug'])

/**
 * The first usable BCP 47 tag among the candidates, canonicalized (`fa-ir` → `fa-IR`), else `en`.
 * Callers pass them in priority order: `init({ locale })`, `<html lang>`, `navigator.languages`.
 * @example resolveLocale([undefined, '', 'fa-IR', 'en-US']) // 'fa-IR'
 */
export function resolveLocale(candidates: readonly (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    if (!candidate) continue
    try {
      const tag = Intl.getCanonicalLocales(candidate.trim().replace(/_/g, '-'))[0]
      if (tag && tag !== 'und') return tag
    } catch {
      // Not a valid tag (e.g. `<html lang="x y">`): try the next source.
    }
  }
  return 'en'
}

/** The language subtag: `fa-IR` → `fa`. */
export function baseLanguage(tag: string): string {
  return (tag.split('-')[0] as string).toLowerCase()
}

/** Text direction of a locale. */
export function direction(tag: string): 'rtl' | 'ltr' {
  return RTL.has(baseLanguage(tag)) ? 'rtl' : 'ltr'
}
