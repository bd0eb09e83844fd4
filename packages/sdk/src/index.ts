/**
 * @cairn/sdk — in-app onboarding tours, checklists, surveys and announcements, plus event tracking.
 * `init()` for pages; `createClient()` with the in-memory twins for tests.
 */
export { init } from './core/init.ts'
export type { InitExtras } from './core/init.ts'
export { createClient } from './core/client.ts'
export type { ClientDeps } from './core/client.ts'
export type {
  Cairn, CairnEventMap, CairnEventName, FlowEventPayload, InitOptions, Props, ShowOptions, Theme, Traits, UserInput,
} from './core/types.ts'
export type { EngineFactory, EngineHost, EventInput, FlowEngine } from './core/engine.ts'
export { memoryStorage, webStorage } from './core/storage.ts'
export type { KeyValueStorage } from './core/storage.ts'
export { fetchTransport } from './core/transport.ts'
export type { Transport, TransportResult } from './core/transport.ts'
export { recordingTransport } from './core/recording-transport.ts'
export type { RecordedRequest, RecordingTransport } from './core/recording-transport.ts'
export { manualClock, systemClock } from './core/clock.ts'
export type { Clock, ManualClock } from './core/clock.ts'
export { browserLifecycle, manualLifecycle } from './core/lifecycle.ts'
export type { Lifecycle, ManualLifecycle, PageMoment } from './core/lifecycle.ts'
export { memoryLocks, storageLease, webLocks } from './core/locks.ts'
export type { Locks } from './core/locks.ts'
export { seededBytes } from './core/ids.ts'
export type { RandomBytes } from './core/ids.ts'
export { storageKeys } from './core/keys.ts'
