import type { Question } from '@cairn/protocol'
import { useContext } from 'preact/hooks'
import { SURVEY_STRINGS } from '../../i18n/survey-strings.ts'
import { EnvContext, type WidgetEnv } from '../runtime.ts'
import type { Draft } from './draft.ts'

/** The wire's limit for one string (`LIMITS.string`), written out so the chunk doesn't import the protocol. */
const MAX = 8192

/** A text question: one line (Enter sends it) or several (`multiline`), at most `maxLength` characters. */
export function TextAnswer({ q, draft, set, labelledBy }: { q: Question; draft: Draft | undefined; set(d: Draft): void; labelledBy: string }) {
  const env = useContext(EnvContext) as WidgetEnv
  const t = q.type == 'text' ? q : undefined
  const Field = t?.multiline ? 'textarea' : 'input'
  return (
    <div class="q">
      <Field
        class="text"
        aria-labelledby={labelledBy}
        aria-required={q.required ? 'true' : undefined}
        maxLength={Math.min(t?.maxLength ?? MAX, MAX)}
        placeholder={t?.placeholder ? env.plain(t.placeholder) : env.t(SURVEY_STRINGS, 'textPlaceholder')}
        value={typeof draft?.value == 'string' ? draft.value : ''}
        onInput={(e) => set({ value: (e.currentTarget as HTMLInputElement).value })}
      />
    </div>
  )
}
