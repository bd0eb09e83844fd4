import type { SurveyFlow } from '@cairn/protocol'
import { useContext } from 'preact/hooks'
import { SURVEY_STRINGS } from '../../i18n/survey-strings.ts'
import { Button, COMMON_STRINGS, EnvContext, type WidgetEnv, type WidgetLive } from '../runtime.ts'

export interface ThanksProps {
  thankYou: SurveyFlow['thankYou']
  ids: { title: string; body: string }
  /** The engine's side of the survey: a CTA that starts a tour needs it (without it, no such button). */
  live?: WidgetLive | undefined
  /** Leaves the survey, completed (`reason: 'cta'` when the call to action was followed). */
  done(reason?: string): void
}

/**
 * The survey's last step: its thank-you title and body (or a built-in "Thank you!") and the call to
 * action: a link, checked like links in content (http(s), mailto, relative), or a button starting a
 * tour once the survey has left the screen.
 */
export function Thanks({ thankYou, ids, live, done }: ThanksProps) {
  const env = useContext(EnvContext) as WidgetEnv
  const cta = thankYou?.cta
  const tour = cta && 'tour' in cta && live ? cta.tour : ''
  // Composed as content, so the URL is judged like any link in a body; `(`, `)` and spaces encoded to keep it one.
  const link = cta && 'url' in cta ? `[${cta.label.replace(/[[\]\\]/g, '\\$&')}](${cta.url.replace(/[()\s]/g, encodeURIComponent)})` : ''
  return (
    <div>
      <h2 id={ids.title} class="title" tabIndex={-1}>{thankYou?.title ? env.inline(thankYou.title) : env.t(SURVEY_STRINGS, 'thanks')}</h2>
      {thankYou?.body ? <div id={ids.body} class="body">{env.blocks(thankYou.body)}</div> : null}
      <div class="actions">
        <Button primary={!link && !tour} autofocus onClick={() => done()}>{env.t(COMMON_STRINGS, 'done')}</Button>
        {link ? <span class="cta" onClick={env.guard(() => done('cta'))}>{env.inline(link)}</span> : null}
        {tour ? <Button primary onClick={() => (live?.start(tour, 'tour'), done('cta'))}>{env.inline(cta?.label)}</Button> : null}
      </div>
    </div>
  )
}
