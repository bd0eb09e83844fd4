/**
 * @cairn/collector — the thin self-hosted collector: ingest, storage (PGlite or PostgreSQL), flows and
 * user state over HTTP. `createApp` is the API without I/O; `startCollector` serves it; the
 * `cairn-collector` CLI wraps `startCollector`.
 */
export { createApp } from './app.ts'
export type { AppDeps } from './app-context.ts'
export { startCollector } from './server.ts'
export type { StartOptions, RunningCollector } from './server.ts'
export { openStorage } from './storage/open-storage.ts'
export type { StorageOptions } from './storage/open-storage.ts'
export type { Storage, IngestResult } from './storage/storage.ts'
export type { StoredEvent } from './storage/projections.ts'
export { DataDirLockedError } from './storage/data-dir-lock.ts'
export { loadConfig, parseConfig, ConfigError } from './config/load-config.ts'
export { demoConfig } from './config/demo-config.ts'
export { DEFAULT_RATE_LIMIT } from './config/config.ts'
export type { Config, Project } from './config/config.ts'
export { createFlowSource } from './flows/flow-source.ts'
export type { FlowSource } from './flows/flow-source.ts'
export type { FlowSet, FlowProblem } from './flows/flow-dir.ts'
export { identityHash } from './ingest/identity-hash.ts'
export { createRateLimiter } from './rate-limit.ts'
export { dashboardDir, memoryDashboardFiles } from './dashboard/dashboard-files.ts'
export type { DashboardFiles } from './dashboard/dashboard-files.ts'
export type { RateLimit, RateLimiter } from './rate-limit.ts'
export type { ErrorBody, ErrorCode } from './http/errors.ts'
