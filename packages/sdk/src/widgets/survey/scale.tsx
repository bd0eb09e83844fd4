import type { Question } from '@cairn/protocol'
import { useContext } from 'preact/hooks'
import { SURVEY_STRINGS } from '../../i18n/survey-strings.ts'
import { COMMON_STRINGS, EnvContext, type WidgetEnv } from '../runtime.ts'
import type { Draft } from './draft.ts'

const ENDS = { nps: ['npsLow', 'npsHigh'], csat: ['csatLow', 'csatHigh'], ces: ['cesLow', 'cesHigh'] } as const

export interface ScaleProps {
  q: Question
  values: number[]
  draft: Draft | undefined
  set(d: Draft): void
  /** Radio group name, unique in the shadow root. */
  name: string
  labelledBy: string
}

/**
 * A numeric scale (NPS 0–10, CSAT, CES, rating) as a native radio group: arrow keys move and choose
 * (mirrored in right-to-left text by the browser), digits in the reader's script, and the end labels
 * read with their numbers ("0, Not at all likely"). Ratings shown as stars read "3 of 5".
 */
export function Scale({ q, values, draft, set, name, labelledBy }: ScaleProps) {
  const env = useContext(EnvContext) as WidgetEnv
  const stars = q.type == 'rating' && q.display != 'numbers'
  const ends = ENDS[q.type as keyof typeof ENDS]
  const label = (own: string | undefined, i: 0 | 1) => (own ? env.plain(own) : ends ? env.t(SURVEY_STRINGS, ends[i]) : '')
  const [low, high] = [label((q as { lowLabel?: string }).lowLabel, 0), label((q as { highLabel?: string }).highLabel, 1)]
  const top = values.length - 1
  const chosen = draft?.value
  return (
    <div class="q">
      <div role="radiogroup" aria-labelledby={labelledBy} aria-required={q.required ? 'true' : undefined} class={stars ? 'scale stars' : 'scale'}>
        {values.map((n, i) => {
          const end = i == 0 ? low : i == top ? high : ''
          const text = stars ? env.t(COMMON_STRINGS, 'progress', { n, total: values[top] as number }) : env.num(n)
          return (
            <label key={n}>
              <input type="radio" name={name} checked={chosen === n} aria-label={end ? `${text}, ${end}` : stars ? text : undefined} onChange={() => set({ value: n })} />
              <span aria-hidden={stars ? 'true' : undefined} class={stars && (chosen as number) >= n ? 'on' : undefined}>{stars ? '★' : env.num(n)}</span>
            </label>
          )
        })}
      </div>
      {low || high ? <div class="ends" aria-hidden="true"><span>{low}</span><span>{high}</span></div> : null}
    </div>
  )
}
