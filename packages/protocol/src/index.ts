/**
 * @cairn/protocol — the wire format and flow definitions shared by the SDK, the collector and the docs.
 * Schemas are valibot (see docs/schema-library.md); types are inferred from them; JSON Schema files for
 * flow authors are generated into `schema/` by `npm run schema -w @cairn/protocol`.
 */
export { LIMITS } from './limits.ts'
export { UUID_V7, uuidv7, uuidv7Time } from './uuid.ts'
export type { Json, JsonObject } from './json.ts'
export {
  eventSchema, trackEvent, identifyEvent, flowEvent, surveyAnswerEvent, milestoneEvent, FLOW_EVENT_TYPES,
} from './events.ts'
export type {
  CairnEvent, EventType, TrackEvent, IdentifyEvent, FlowEvent, FlowEventType, SurveyAnswerEvent, MilestoneEvent, Answer,
} from './events.ts'
export { WIRE_VERSION, batchSchema } from './batch.ts'
export { timestampSchema, parseIsoTime } from './time.ts'
export type { Batch, BatchEnvelope, BatchResult } from './batch.ts'
export { check, describe } from './validate.ts'
export type { Checked, Problem } from './validate.ts'
export { ruleSchema, TRAIT_OPS, COUNT_OPS } from './flows/rule.ts'
export type { Rule } from './flows/rule.ts'
export { triggerSchema } from './flows/trigger.ts'
export type { Trigger } from './flows/trigger.ts'
export { envelopeSchema, frequencySchema, localeTag, FLOW_KINDS } from './flows/envelope.ts'
export type { FlowEnvelope, FlowKind, Frequency } from './flows/envelope.ts'
export { tourSchema, tourStepSchema, PLACEMENTS } from './flows/tour.ts'
export type { TourFlow, TourStep } from './flows/tour.ts'
export { checklistSchema, checklistItemSchema } from './flows/checklist.ts'
export type { ChecklistFlow, ChecklistItem } from './flows/checklist.ts'
export { surveySchema, questionSchema, QUESTION_TYPES, PMF_ANSWERS } from './flows/survey.ts'
export type { SurveyFlow, Question, QuestionType } from './flows/survey.ts'
export { announcementSchema, ANNOUNCEMENT_STYLES } from './flows/announcement.ts'
export { FEED_FLOW_ID } from './flows/reserved.ts'
export type { AnnouncementFlow } from './flows/announcement.ts'
export { flowSchema } from './flows/flow.ts'
export type { Flow, FlowOf } from './flows/flow.ts'
export type { UserState, FlowState } from './user-state.ts'
export { matchUrl, matchAnyUrl } from './url-pattern.ts'
export { findTarget, waitForTarget } from './dom-target.ts'
export { jsonSchemas } from './json-schema.ts'
