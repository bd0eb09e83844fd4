import type { Flow, Question, SurveyFlow } from '@cairn/protocol'
import { useContext } from 'preact/hooks'
import { SURVEY_STRINGS } from '../i18n/survey-strings.ts'
import { checkPages, EnvContext, type WidgetEnv, type WidgetProps } from './runtime.ts'
import { StepCard } from './ui/step-card.tsx'

/**
 * Placeholder survey chunk: each question's prompt in a corner card (centered for `display: 'modal'`),
 * with the scale's end labels, then the thank-you page. The survey issue replaces it with real inputs.
 */
export default function Survey({ flow, env }: WidgetProps<SurveyFlow>) {
  const pages = flow.questions.map((q) => ({ id: q.id, title: q.prompt, body: q.description, extra: <Scale question={q} /> }))
  const thanks = { title: flow.thankYou?.title ?? env.t(SURVEY_STRINGS, 'thanks'), body: flow.thankYou?.body }
  return <StepCard pages={[...pages, thanks]} placement={flow.display === 'modal' ? 'center' : 'corner'} />
}

function Scale({ question }: { question: Question }) {
  const env = useContext(EnvContext) as WidgetEnv
  if (question.type !== 'nps') return null
  const label = (n: number, text: string | undefined, fallback: 'npsLow' | 'npsHigh') =>
    `${env.num(n)}: ${text ? env.plain(text) : env.t(SURVEY_STRINGS, fallback)}`
  return (
    <p class="progress">
      {label(0, question.lowLabel, 'npsLow')} · {label(10, question.highLabel, 'npsHigh')}
    </p>
  )
}

/** Questions with prompts: what this placeholder renders. */
export function check(flow: Flow): string | undefined {
  return checkPages(flow, 'questions', 'prompt')
}
