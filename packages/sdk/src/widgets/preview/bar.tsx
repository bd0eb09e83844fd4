import { direction } from '../../i18n/locale.ts'
import { numberFormatter } from '../../i18n/numbers.ts'
import { PREVIEW_STRINGS } from '../../i18n/preview-strings.ts'
import { translate } from '../../i18n/translate.ts'
import type { PreviewSession, PreviewState } from './session.ts'

/** The languages offered: the built-in ones, the flow's own and its translations, the one shown. */
export function previewLocales(state: PreviewState): string[] {
  const flow = state.flow as { locale?: unknown; locales?: unknown } | undefined
  const own = typeof flow?.locale == 'string' ? [flow.locale] : []
  const translated = flow?.locales && typeof flow.locales == 'object' ? Object.keys(flow.locales) : []
  return [...new Set(['en', 'fa', 'ar', ...own, ...translated, state.locale])]
}

/** A language's name in the bar's language (`fa` → "Persian"), else its tag. */
function languageName(tag: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(tag) ?? tag
  } catch {
    return tag
  }
}

/**
 * The "Preview · not recorded" bar: a labelled region in the language the flow is shown in (so it
 * mirrors with it), with the tour's step and Back/Next, the language, "show again" once the flow has
 * gone, Close, and why the flow cannot show. Native buttons and a select: keyboard operable as they are.
 */
export function PreviewBar({ state, session }: { state: PreviewState; session: PreviewSession }) {
  const { locale: lang, flow, step, problem } = state
  const t = (key: keyof (typeof PREVIEW_STRINGS)['en'], vars?: Record<string, string | number>) =>
    translate(PREVIEW_STRINGS, lang, key, vars, numberFormatter(lang))
  const total = flow?.kind == 'tour' ? flow.steps.length : 0
  return (
    <section class="preview" aria-label={t('title')} lang={lang} dir={direction(lang)}>
      <strong>{t('title')}</strong>
      <code>{state.id}</code>
      {total > 1 && (
        <>
          <button type="button" disabled={step == 0} onClick={() => session.move(-1)}>{t('back')}</button>
          <span aria-live="polite">{t('step', { n: step + 1, total })}</span>
          <button type="button" disabled={step == total - 1} onClick={() => session.move(1)}>{t('next')}</button>
        </>
      )}
      {flow && !state.showing && !state.failed && <button type="button" onClick={() => session.again()}>{t('again')}</button>}
      <label>
        {t('language')}{' '}
        <select value={lang} onChange={(event) => session.language((event.currentTarget as HTMLSelectElement).value)}>
          {previewLocales(state).map((tag) => <option key={tag} value={tag}>{languageName(tag, lang)}</option>)}
        </select>
      </label>
      <button type="button" onClick={() => session.close()}>{t('close')}</button>
      {problem && <p role="alert">{state.failed ? t('failed', { id: state.id, why: problem }) : t('problem', { why: problem })}</p>}
    </section>
  )
}
