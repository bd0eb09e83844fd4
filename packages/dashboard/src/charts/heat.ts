/** Steps of the cohort heat map; each cell also prints its percentage, so colour is never the only cue. */
export const HEAT_LEVELS = 6

/** The heat step (0 … HEAT_LEVELS − 1) of a share 0–1; null (no one to count) has none. */
export function heatLevel(share: number | null): number | null {
  if (share === null || Number.isNaN(share)) return null
  return Math.min(HEAT_LEVELS - 1, Math.max(0, Math.floor(share * HEAT_LEVELS)))
}
