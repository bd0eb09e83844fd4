import type { ChecklistFlow, FlowEnvelope, FlowKind, SurveyFlow, TourFlow } from '@cairn/protocol'
import type { EngineView, FlowControls } from '../engine/deps.ts'
import { at } from '../stores/record.ts'
import { checklistValue } from '../stores/checklist-value.ts'
import { surveyValue } from '../stores/survey-value.ts'
import { nextIndex } from '../widgets/survey/branching.ts'
import type { HeadlessFlows, HeadlessShowing } from './headless.ts'
import { answerFails, asSent } from './survey-answer.ts'

/** What the report methods need from the engine and the client. */
export type ReportContext = {
  view(): EngineView
  headless: HeadlessFlows
  /** Ignores the call: an `sdk_error` `invalid_call`, and `method(): why` on the debug console. */
  invalid(method: string, why: string): void
  readFeed(): void
}

const text = (x: unknown, max: number): x is string => typeof x == 'string' && x.length > 0 && x.length <= max

/**
 * The host app's reports about the headless flows it draws (`sdk.flows.*`, `sdk.checklists.*`,
 * `sdk.surveys.answer`, `sdk.feed.markRead`), turned into the same calls on the flow's controls that
 * the built-in widget makes — so the engine records the same events, and results do not care who
 * drew the flow. A call that the widget could not have made (an unknown or not headless flow, one
 * not on screen, a step out of range, an answer of the wrong type) changes nothing and says why.
 */
export function report(ctx: ReportContext, method: string, args: unknown[]): void {
  const [id, a, b] = args
  const no = (why: string): void => ctx.invalid(method, why)
  if (method == 'feed.markRead') return ctx.readFeed()
  const kind = ({ checklists: 'checklist', surveys: 'survey' } as Record<string, FlowKind>)[method.split('.')[0] as string]
  if (!text(id, 128)) return no('a flow id')
  const view = ctx.view()
  const flow: FlowEnvelope | undefined = at(view.showing, id) ?? view.flows.find((f) => f.id == id)
  if (!flow) return no(`no flow "${id}"`)
  if (kind && flow.kind != kind) return no(`"${id}" is a ${flow.kind}, not a ${kind}`)
  if (!ctx.headless.owns(flow)) return no(`"${id}" is drawn by Cairn: give it headless: true, or its kind in init({ headless })`)
  const showing = ctx.headless.showing(id)
  if (!showing) return no(`"${id}" is not on screen now (why: sdk.stores.$flows)`)
  // Whatever the user did with it, they saw it: the engine records `flow_shown` first, as for a widget.
  const raw = showing.controls
  const seen = <A extends unknown[]>(f: (...x: A) => void) => (...x: A): void => (showing.show(), f(...x))
  const controls = { step: seen(raw.step), complete: seen(raw.complete), dismiss: seen(raw.dismiss), answer: seen(raw.answer) }
  const step = (): number => {
    const s = at(view.state.flows, id)?.step
    return Number.isInteger(s) ? (s as number) : 0
  }

  if (method == 'flows.shown') showing.show()
  else if (method == 'flows.complete') controls.complete()
  else if (method == 'flows.step') {
    // A tour's steps; an announcement's only step is its call to action followed (then `complete`).
    const steps = flow.kind == 'tour' ? (flow as TourFlow).steps : flow.kind == 'announcement' ? [{ id: 'cta' }] : undefined
    if (!steps) return no(flow.kind == 'survey' ? 'a survey steps with sdk.surveys.answer' : 'a checklist ticks with sdk.checklists.tick')
    if (!(Number.isInteger(a) && (a as number) >= 0 && (a as number) < steps.length)) return no(`a step index 0–${steps.length - 1}`)
    controls.step(a as number, steps[a as number]?.id)
  } else if (method == 'flows.dismiss') dismiss(ctx, showing, controls, a === undefined ? 'close' : a, step, no)
  else if (method == 'checklists.tick') {
    const value = checklistValue(id, view)
    const index = value?.items.findIndex((i) => i.id === a) ?? -1
    const item = value?.items[index]
    if (!item) return no(`"${id}" has no item ${JSON.stringify(a)}`)
    if (!item.manual) return no(`item "${item.id}" ticks itself (${JSON.stringify(item.completeOn ?? item.action)})`)
    if (!item.done) controls.step(index, item.id)
  } else if (method == 'checklists.minimize') {
    if (typeof a != 'boolean') return no('(id, true or false)')
    raw.remember(a ? 'min' : 'open')
  } else if (method == 'surveys.answer') {
    const value = surveyValue(id, view, showing)
    const q = value?.question
    if (!value || !q) return no(`"${id}" has every answer: show the thank-you, then sdk.flows.complete`)
    if (a !== q.id) return no(`the current question of "${id}" is "${q.id}"`)
    const problem = answerFails(q, b)
    if (problem) return no(`"${q.id}" takes ${problem}`)
    const answer = asSent(q, b as never)
    const other = typeof args[3] == 'string' && args[3].trim() && (answer == '_other' || (Array.isArray(answer) && answer.includes('_other'))) ? args[3].trim() : ''
    const questions = (flow as SurveyFlow).questions
    const to = nextIndex(questions, value.index, answer ?? undefined)
    controls.answer({ questionId: q.id, questionType: q.type, ...(q.type == 'rating' && { scale: q.scale ?? 5 }), answer, ...(other && { other }), ...(to >= questions.length && { final: true }) })
    controls.step(to, questions[to]?.id)
  } else no('no such method')
}

/** `sdk.flows.dismiss(id, reason)`: where the widget of the flow's kind would say it was closed. */
function dismiss(
  ctx: ReportContext, showing: HeadlessShowing, controls: Pick<FlowControls, 'complete' | 'dismiss'>, reason: unknown, step: () => number, no: (why: string) => void,
): void {
  const { flow } = showing
  if (!text(reason, 64)) return no('(id, reason?): a reason of 1–64 characters')
  if (flow.kind == 'survey') {
    const value = surveyValue(flow.id, ctx.view(), showing)
    // Closing the thank-you finishes the survey; "ask me later" is offered only before the first answer.
    if (value?.stage == 'thanks') return controls.complete()
    if (reason == 'later' && Object.keys(value?.answers ?? {}).length) return no('"later" only before the first answer')
    return controls.dismiss(value?.index, reason)
  }
  if (flow.kind == 'checklist') {
    const value = checklistValue(flow.id, ctx.view())
    if ((flow as ChecklistFlow).dismissible === false) return no(`"${flow.id}" is not dismissible: minimize it`)
    return value && value.progress.done == value.progress.total ? controls.complete() : controls.dismiss(undefined, reason)
  }
  controls.dismiss(flow.kind == 'tour' ? step() : 0, reason)
}
