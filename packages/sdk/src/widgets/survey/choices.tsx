import type { Question } from '@cairn/protocol'
import { useContext } from 'preact/hooks'
import { SURVEY_STRINGS } from '../../i18n/survey-strings.ts'
import { EnvContext, type WidgetEnv } from '../runtime.ts'
import type { Draft } from './draft.ts'
import { OTHER } from './scales.ts'
import { shuffled } from './shuffle.ts'

const PMF = [['very', 'pmfVery'], ['somewhat', 'pmfSomewhat'], ['not', 'pmfNot'], ['not_using', 'pmfNotUsing']] as const

export interface ChoicesProps {
  q: Question
  draft: Draft | undefined
  set(d: Draft): void
  name: string
  labelledBy: string
}

/**
 * The PMF question (very / somewhat / not disappointed / no longer using it) and single or multiple
 * choice questions: native radio buttons or checkboxes, an optional "Other" with its text field, and
 * options shuffled per user when the question asks for it (the same order on every visit).
 */
export function Choices({ q, draft, set, name, labelledBy }: ChoicesProps) {
  const env = useContext(EnvContext) as WidgetEnv
  const multi = q.type == 'multi'
  let options: { id: string; label: string }[] = q.type == 'pmf'
    ? PMF.map(([id, key]) => ({ id, label: env.t(SURVEY_STRINGS, key) }))
    : 'options' in q ? q.options.map((o) => ({ id: o.id, label: env.plain(o.label) })) : []
  if ('shuffle' in q && q.shuffle) options = shuffled(options, env.plain('{{user.id}}'))
  if ('other' in q && q.other) options.push({ id: OTHER, label: env.t(SURVEY_STRINGS, 'other') })
  const value = draft?.value
  const list = Array.isArray(value) ? value : []
  const has = (id: string) => (multi ? list.includes(id) : value === id)
  const pick = (id: string) => set({ ...draft, value: multi ? (has(id) ? list.filter((x) => x != id) : [...list, id]) : id })
  return (
    <div class="q opts" role={multi ? 'group' : 'radiogroup'} aria-labelledby={labelledBy} aria-required={q.required && !multi ? 'true' : undefined}>
      {options.map((o) => (
        <label key={o.id}>
          <input type={multi ? 'checkbox' : 'radio'} name={name} checked={has(o.id)} onChange={() => pick(o.id)} />
          {o.label}
        </label>
      ))}
      {has(OTHER) ? (
        <input
          class="text"
          aria-label={env.t(SURVEY_STRINGS, 'other')}
          placeholder={env.t(SURVEY_STRINGS, 'otherPlaceholder')}
          maxLength={8192}
          value={draft?.other ?? ''}
          onInput={(e) => set({ ...draft, other: e.currentTarget.value })}
        />
      ) : null}
    </div>
  )
}
