const DAY_MS = 86_400_000
/**
 * How long an event past the window stays before it is deleted. Ingest refuses events older than the
 * window, the expiry job deletes only those older than the window plus this: so a retry of an event
 * that was already deleted is always refused rather than stored (and counted) a second time, as long
 * as the retry's server time is within this of the first one's and the collectors' clocks agree to it.
 */
export const EXPIRY_GRACE_MS = 3_600_000

/** The oldest server time (epoch ms) a project keeping events `keepEventsDays` days stores at `now`. */
export const oldestKept = (now: number, keepEventsDays: number) => now - keepEventsDays * DAY_MS

/** Events with a server time before this (epoch ms) are deleted at `now`. */
export const deleteBefore = (now: number, keepEventsDays: number) => oldestKept(now, keepEventsDays) - EXPIRY_GRACE_MS
