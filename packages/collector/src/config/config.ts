import type { RateLimit } from '../rate-limit.ts'

/** A project: its keys, where browsers may call from, identity verification, and its flows. */
export type Project = {
  id: string
  name?: string
  writeKey: string
  secretKey: string
  /** Allowed browser origins; empty means any. */
  origins: string[]
  /** Origins that may preview flows with the write key (lowercase); absent: only the secret key previews. */
  previewOrigins?: string[]
  identitySecret?: string
  /** The language of flows that declare no `locale`. */
  locale?: string
  /** Absolute path of the flows folder. */
  flowsDir?: string
  /** Declared activation milestones (tracked event names); absent when none are declared. */
  milestones?: string[]
  /** Tracked event names that count as activity for retention; absent: every tracked event and identify. */
  activeEvents?: string[]
  /** The numeric trait summed for revenue churn. */
  revenueTrait?: string
  /** Days raw events are kept; absent: forever. */
  keepEventsDays?: number
}

/** The collector's configuration, validated and with paths resolved. */
export type Config = {
  projects: Project[]
  rateLimit: RateLimit | false
  trustProxy: boolean
}

/** The token bucket used when the config file says nothing. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 50, burst: 200 }
