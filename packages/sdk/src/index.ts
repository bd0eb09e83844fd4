/**
 * @cairn/sdk — in-app onboarding tours, checklists, surveys and announcements, plus event tracking.
 * `init()` for pages; `createClient()` with the in-memory twins for tests.
 */
import { init as start } from './core/init.ts'
import type { InitExtras } from './core/init.ts'
import type { Cairn, InitOptions } from './core/types.ts'
import { loadNpmChunk } from './loader/npm-chunks.ts'
import { atom } from 'nanostores'
import { storeHubFactory } from './stores/hub.ts'

export type { InitExtras }
/**
 * Starts Cairn in the browser (see `init` in core/init.ts): identity, tracking, delivery and the flow
 * engine; widgets load as separate chunks of this package the first time a flow shows.
 * @example
 * import { init } from '@cairn/sdk'
 * const sdk = init({ key: 'pk_live_…', endpoint: 'https://cairn.example.com', user: { id: 'u_42' } })
 * sdk.showTour('welcome')
 */
export function init(options: InitOptions, extras: InitExtras = {}): Cairn {
  // The stores are made here, not with the engine chunk, so that `sdk.stores` is there at once.
  return start(options, { loadChunk: loadNpmChunk, stores: storeHubFactory(atom), ...extras })
}
export { createClient } from './core/client.ts'
export type { ClientDeps } from './core/client.ts'
export { checklistStore, surveyStore } from './stores/helpers.ts'
export type {
  ActiveValue, CairnStores, ChecklistItemValue, ChecklistValue, FeedEntry, FeedValue, FlowStatus, SurveyValue, UserValue,
} from './stores/types.ts'
export type {
  ChecklistReports, FeedReports, FlowReports, SurveyReports,
  Cairn, CairnEventMap, CairnEventName, FeedOptions, FlowEventPayload, InitOptions, Props, ShowOptions, Theme, Traits, UserInput,
} from './core/types.ts'
export type { EngineFactory, EngineHost, EventInput, FlowEngine, FlowsRead } from './core/engine.ts'
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
