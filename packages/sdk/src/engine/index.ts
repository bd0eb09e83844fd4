/**
 * The flow engine: which flow to show, to whom, when — pure decisions (`decide` and its parts) and the
 * thin runtime that wires them to the SDK core (`createFlowEngine`). UI-free: no preact, no DOM.
 * See docs/flow-engine.md.
 */
export { createFlowEngine } from './engine.ts'
export type { FlowEngine, FlowEngineDeps, FlowEngineOptions, FlowControls, FeedView, FlowUser, WidgetHandle, StoredName, AnswerInput, EngineEventType, EnginePayload } from './deps.ts'
export { decide } from './decide.ts'
export type { Ask, Decision, DecideInput } from './decide.ts'
export { DEFAULT_LIMITS, isModal, capFails, cooldownFails } from './budget.ts'
export type { Limits } from './budget.ts'
export { frequencyFails } from './frequency.ts'
export { resumes } from './resume.ts'
export { LIVE_CHARS, LIVE_FLOWS, dropLive, keepLive, liveFlows } from './live.ts'
export { reaskDays, submission, surveyFails } from './survey.ts'
export { audienceFails, countEvents, traitAt, windowedEvents } from './rule.ts'
export type { RuleContext } from './rule.ts'
export { triggerFails, delayFails } from './trigger.ts'
export type { Block, TriggerContext } from './trigger.ts'
export { matchUrl, matchAnyUrl } from '@cairn/protocol'
export { bucket, heldOut, inShare } from './bucket.ts'
export { DAY, VISIT_GAP, HISTORY, emptyState, mergeState, mergeFlow, readState, touch, recordEvent } from './state.ts'
export type { EngineState } from './state.ts'
export { FEED, FEED_FLOW, feedFlows } from './feed.ts'
export { validateFlows } from './validate.ts'
export { checkEnvelope } from './envelope.ts'
export type { FlowEventPayload } from './validate.ts'
