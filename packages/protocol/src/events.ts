import * as v from 'valibot'
import { LIMITS } from './limits.ts'
import { UUID_V7 } from './uuid.ts'
import { jsonObject } from './json.ts'
import { timestampSchema } from './time.ts'
import { QUESTION_TYPES } from './flows/survey.ts'

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id))
const name = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name))

/** Fields every event carries. */
const common = {
  /** Client-made UUIDv7; the collector dedupes on (project, id). */
  id: v.pipe(v.string(), v.regex(UUID_V7, 'must be a UUIDv7')),
  /** Client clock: epoch milliseconds, or an ISO 8601 date-time (normalized to epoch ms). */
  ts: timestampSchema,
  anonymousId: id,
  userId: v.optional(id),
  sessionId: v.optional(id),
  /** Page URL the event happened on (path and query; no fragment needed). */
  url: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  locale: v.optional(v.pipe(v.string(), v.maxLength(35))),
  props: v.optional(jsonObject),
}

const flowCommon = {
  ...common,
  flowId: id,
  /** Which version of the flow definition was shown, when the flow carries one. */
  flowVersion: v.optional(v.pipe(v.number(), v.integer())),
  /**
   * Shown by a preview (`?cairn_preview=…`, `sdk.preview()`): the collector acknowledges the event
   * and stores nothing of it, so no result ever counts it.
   */
  preview: v.optional(v.literal(true)),
}

/** The lifecycle moments of a flow (tour, checklist, survey, announcement). */
export const FLOW_EVENT_TYPES = [
  'flow_shown', 'flow_step', 'flow_completed', 'flow_dismissed', 'flow_error', 'flow_held_out',
] as const

/** Answer values a survey question can produce. */
const answer = v.union([
  v.number(),
  v.pipe(v.string(), v.maxLength(LIMITS.string)),
  v.pipe(v.array(v.pipe(v.string(), v.maxLength(LIMITS.name))), v.maxLength(100)),
  v.null(),
])

export const trackEvent = v.strictObject({ ...common, type: v.literal('track'), name })
/** Links the anonymous id to a user id; `hash` is HMAC-SHA256(identitySecret, userId) when verification is on. */
export const identifyEvent = v.strictObject({
  ...common,
  type: v.literal('identify'),
  userId: id,
  traits: v.optional(jsonObject),
  hash: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/i, 'must be a hex HMAC-SHA256'))),
})
export const flowEvent = v.strictObject({
  ...flowCommon,
  type: v.picklist(FLOW_EVENT_TYPES),
  /** Zero-based step (tour step, survey question, checklist item) the event is about. */
  stepIndex: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))),
  stepId: v.optional(id),
  /** Why: `target_missing`, `chunk_failed`, `invalid`, `dismissed`, `cta`, …  */
  reason: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.name))),
})
/** One answer to one question; all answers of one sitting share `submissionId`. */
export const surveyAnswerEvent = v.strictObject({
  ...flowCommon,
  type: v.literal('survey_answer'),
  submissionId: id,
  questionId: id,
  answer,
  /** Free text given with a choice ("Other: …"). */
  other: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.string))),
  /** True on the last answer of the submission. */
  final: v.optional(v.boolean()),
  /**
   * The question's type and, for a rating, its scale, as the reader saw them: results need them for a
   * survey the collector has no definition of (one shown with `showSurvey({ … })`).
   */
  questionType: v.optional(v.picklist(QUESTION_TYPES)),
  scale: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(10))),
})
/** An activation milestone reached; the collector keeps the first one per user and name. */
export const milestoneEvent = v.strictObject({ ...common, type: v.literal('milestone'), name })

/** Any event on the wire, discriminated by `type`. */
export const eventSchema = v.variant('type', [trackEvent, identifyEvent, flowEvent, surveyAnswerEvent, milestoneEvent])

export type TrackEvent = v.InferOutput<typeof trackEvent>
export type IdentifyEvent = v.InferOutput<typeof identifyEvent>
export type FlowEvent = v.InferOutput<typeof flowEvent>
export type FlowEventType = (typeof FLOW_EVENT_TYPES)[number]
export type SurveyAnswerEvent = v.InferOutput<typeof surveyAnswerEvent>
export type MilestoneEvent = v.InferOutput<typeof milestoneEvent>
export type CairnEvent = v.InferOutput<typeof eventSchema>
export type EventType = CairnEvent['type']
export type Answer = v.InferOutput<typeof answer>
