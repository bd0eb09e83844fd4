import type { Flow } from '@cairn/protocol'
import { checkPages } from '../runtime.ts'

const TYPES = ['nps', 'pmf', 'csat', 'ces', 'rating', 'single', 'multi', 'text']
const text = (x: unknown) => typeof x == 'string'

/**
 * What the survey widget needs to render a flow (the engine checked the envelope): questions with an
 * id, a known type and a prompt; options with ids and labels for choices; a rating scale of 2–10.
 * Returns the first problem as `$.path: message`. Hand-written: valibot would weigh more than the widget.
 * @example checkSurvey({ id: 's', kind: 'survey', questions: [{ id: 'q', type: 'stars', prompt: '?' }] }) // '$.questions[0].type: …'
 */
export function checkSurvey(flow: Flow): string | undefined {
  const problem = checkPages(flow, 'questions', 'prompt')
  if (problem) return problem
  const questions = (flow as { questions: Record<string, unknown>[] }).questions
  for (const [i, q] of questions.entries()) {
    const at = `$.questions[${i}]`
    if (!text(q['id'])) return `${at}.id: must be text`
    if (!TYPES.includes(q['type'] as string)) return `${at}.type: must be one of ${TYPES.join(', ')}`
    const scale = q['scale']
    if (scale !== undefined && !(Number.isInteger(scale) && (scale as number) >= 2 && (scale as number) <= 10)) return `${at}.scale: must be a whole number from 2 to 10`
    const next = q['next']
    if (next !== undefined && !(Array.isArray(next) && next.every((b: Record<string, unknown> | null) => text(b?.['goto'])))) return `${at}.next: must be a list of branches with a goto`
    if (q['type'] == 'single' || q['type'] == 'multi') {
      const options = q['options']
      if (!Array.isArray(options) || !options.length) return `${at}.options: must be a non-empty list`
      const bad = options.findIndex((o: Record<string, unknown> | null) => !text(o?.['id']) || !text(o?.['label']))
      if (bad >= 0) return `${at}.options[${bad}]: must have an id and a label`
    }
  }
  return undefined
}
