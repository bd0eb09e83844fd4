import type { Flow, SurveyFlow } from '@cairn/protocol'
import { useEffect, useRef, useState } from 'preact/hooks'
import { SURVEY_STRINGS } from '../i18n/survey-strings.ts'
import { Button, COMMON_STRINGS, Surface, type WidgetProps } from './runtime.ts'
import { nextIndex } from './survey/branching.ts'
import { checkSurvey } from './survey/check.ts'
import { Choices } from './survey/choices.tsx'
import { draftsOf, otherText, toAnswer, type Draft } from './survey/draft.ts'
import { scaleOf } from './survey/scales.ts'
import { Scale } from './survey/scale.tsx'
import { SURVEY_CSS } from './survey/styles.ts'
import { TextAnswer } from './survey/text-answer.tsx'
import { Thanks } from './survey/thanks.tsx'

/**
 * The survey widget: a corner pop-up (or a centered modal with `display: 'modal'`) asking one
 * question at a time — NPS, PMF, CSAT, CES, rating, single or multiple choice, text — following the
 * branches chosen by each answer, then a thank-you step. Each answer is reported as it is given
 * (`answer`, then `step`); the engine sends it under the showing's submission id. × or Esc dismisses,
 * "Ask me later" (before any answer) puts the survey off, Enter sends the current answer. A survey
 * resumed in the visit it was answered in starts where the reader left it, with their answers.
 */
export default function Survey({ flow, env, state, via, live }: WidgetProps<SurveyFlow>) {
  const qs = flow.questions
  // Resumed after a reload, with answers from this showing: same place, same answers.
  const resumed = via == 'resume' && state && state.answeredAt! >= state.shownAt! ? state : undefined
  const [index, setIndex] = useState(() => Math.min(Math.max(Number(resumed?.step) || 0, 0), qs.length))
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => draftsOf(resumed?.answers))
  const [ids] = useState(() => ({ title: env.id('title'), body: env.id('body'), group: env.id('q') }))
  const [answered, setAnswered] = useState(!!resumed)
  const box = useRef<HTMLDivElement>(null)
  const q = qs[index]
  const at = q ? { stepIndex: index, stepId: q.id } : { stepIndex: index }
  const draft = q && drafts[q.id]
  const answer = q && toAnswer(q, draft)
  const to = q ? nextIndex(qs, index, answer ?? undefined) : index
  const modal = flow.display == 'modal'

  useEffect(() => {
    const title = q ? env.plain(q.prompt) : env.plain(flow.thankYou?.title) || env.t(SURVEY_STRINGS, 'thanks')
    // A modal took focus and is read out already; a pop-up announces itself, and every step after the first.
    if (answered || !modal) env.announce(title)
    // After an answer, the reader continues on the new step: its chosen option, first field or button.
    if (answered) box.current?.querySelector<HTMLElement>('input:checked,input,textarea,[data-autofocus]')?.focus()
  }, [index])

  const send = env.guard((event: Event) => {
    event.preventDefault()
    if (!q || (q.required && answer === null)) return
    const other = otherText(draft)
    env.emit({
      type: 'answer', ...at,
      // Its type and scale go with it: results are the same whether or not the collector has the definition.
      answer: {
        questionId: q.id, questionType: q.type, ...(q.type == 'rating' && { scale: q.scale ?? 5 }),
        answer: answer as NonNullable<typeof answer>, ...(other && { other }), ...(to >= qs.length && { final: true }),
      },
    })
    setAnswered(true)
    setIndex(to)
    env.emit({ type: 'step', stepIndex: to, ...(qs[to] && { stepId: qs[to].id }) })
  })
  const set = (d: Draft) => q && setDrafts({ ...drafts, [q.id]: d })
  const name = `${ids.group}-${index}`
  const values = q && scaleOf(q)

  return (
    <Surface
      placement={modal ? 'center' : 'corner'}
      labelledBy={ids.title}
      describedBy={(q ? q.description : flow.thankYou?.body) ? ids.body : undefined}
      onDismiss={(reason) => env.end(q ? 'dismissed' : 'completed', { ...at, reason })}
    >
      {/* The second click of a double-click lands on whatever the first one brought (the next step's
          button, the thank-you's link): it is dropped, so a double-click acts once. */}
      <div ref={box} class="sv" onClickCapture={(e) => e.detail > 1 && (e.preventDefault(), e.stopPropagation())}>
      {q ? (
        <form
          key={q.id}
          onSubmit={send}
          // Enter on a choice sends it too (browsers only submit from text fields).
          onKeyDown={(e) => e.key == 'Enter' && (e.target as HTMLInputElement).type in { radio: 1, checkbox: 1 } && send(e)}
        >
          <h2 id={ids.title} class="title">{env.inline(q.prompt)}</h2>
          {q.description ? <div id={ids.body} class="body">{env.blocks(q.description)}</div> : null}
          {values ? <Scale q={q} values={values} draft={draft} set={set} name={name} labelledBy={ids.title} />
            : q.type == 'text' ? <TextAnswer q={q} draft={draft} set={set} labelledBy={ids.title} />
            : <Choices q={q} draft={draft} set={set} name={name} labelledBy={ids.title} />}
          <div class="actions">
            {answered ? null : <Button onClick={() => env.end('dismissed', { ...at, reason: 'later' })}>{env.t(SURVEY_STRINGS, 'askLater')}</Button>}
            <button
              type="submit"
              class="btn primary"
              disabled={!!q.required && answer === null}
            >
              {to >= qs.length ? env.t(SURVEY_STRINGS, 'submit') : env.t(COMMON_STRINGS, 'next')}
            </button>
          </div>
        </form>
      ) : (
        <Thanks thankYou={flow.thankYou} ids={ids} live={live} done={(reason) => env.end('completed', { ...at, ...(reason && { reason }) })} />
      )}
      </div>
    </Surface>
  )
}

/** Checks the survey's own fields before it renders (see `survey/check.ts`). */
export function check(flow: Flow): string | undefined {
  return checkSurvey(flow)
}

/** The survey's stylesheet, added once to the shadow root. */
export const css = SURVEY_CSS
