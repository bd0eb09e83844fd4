import type { Question, SurveyFlow } from '@cairn/protocol'
import type { EngineView, FlowControls } from '../engine/deps.ts'
import { at, objects } from './record.ts'
import type { SurveyValue } from './types.ts'

/** A headless showing the app has not reported as shown yet: it starts afresh unless it resumes. */
export type Pending = { controls: Pick<FlowControls, 'via'>; shown: boolean }

/**
 * `$survey(id)`: the question to ask now and the answers of this sitting with their submission id,
 * or the thank-you once every answer is in — what the built-in widget would show. The place and the
 * answers are the engine's (`step`, `answers`, `submissionId` of the flow state), so a survey taken
 * up on another tab or after a reload continues where it was. `null` when no known flow is a survey
 * of that id.
 * @example surveyValue('nps', engine.view())?.question?.type // 'nps'
 */
export function surveyValue(id: string, view: EngineView, pending?: Pending): SurveyValue | null {
  const flow = (at(view.showing, id) ?? view.flows.find((f) => f.id == id)) as SurveyFlow | undefined
  if (flow?.kind != 'survey') return null
  const questions = objects<Question>(flow.questions)
  const fs = at(view.state.flows, id)
  // This sitting's answers: given since it was last shown, unless a new showing has yet to start.
  const sitting = fs && fs.answeredAt! >= fs.shownAt! && !(pending && !pending.shown && pending.controls.via != 'resume') ? fs : undefined
  const index = Math.min(Math.max(Number(sitting?.step) || 0, 0), questions.length)
  const question = questions[index]
  return {
    id, flow, open: at(view.showing, id) !== undefined, stage: question ? 'question' : 'thanks', index,
    ...(question && { question }), answers: { ...sitting?.answers },
    ...(sitting?.submissionId && { submissionId: sitting.submissionId }),
    ...(flow.thankYou && { thankYou: flow.thankYou }),
  }
}
