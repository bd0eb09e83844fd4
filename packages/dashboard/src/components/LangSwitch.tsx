import { LANG_NAMES, LANGS, type Lang } from '../i18n/locale.ts'
import { useDashboard, useLocale } from './context.ts'

/** The language switch; the choice is kept in the URL (`lang`), so a shared link opens in it. */
export function LangSwitch() {
  const l = useLocale()
  const { setLang } = useDashboard()
  return (
    <label class="inline-field">
      <span>{l.t('language')}</span>
      <select value={l.lang} onChange={(e) => setLang((e.currentTarget as HTMLSelectElement).value as Lang)}>
        {LANGS.map((lang) => <option value={lang} lang={lang}>{LANG_NAMES[lang]}</option>)}
      </select>
    </label>
  )
}
