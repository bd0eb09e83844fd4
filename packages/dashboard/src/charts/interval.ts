import { scaleLinear } from 'd3-scale'

/**
 * A difference and its interval on a scale symmetric around zero, so "does the interval cross
 * zero?" is read off the picture. Right to left the range flips (positive grows leftwards).
 */
export function intervalGeometry(difference: number, ci: [number, number], opts: { width: number; rtl: boolean }) {
  const reach = Math.max(0.05, Math.abs(ci[0]), Math.abs(ci[1]), Math.abs(difference)) * 1.15
  const x = scaleLinear().domain([-reach, reach]).range(opts.rtl ? [opts.width, 0] : [0, opts.width]).nice(4)
  return {
    zeroX: x(0),
    pointX: x(difference),
    lowX: x(ci[0]),
    highX: x(ci[1]),
    ticks: x.ticks(4).map((value) => ({ x: x(value), value })),
  }
}

export type Verdict = 'up' | 'down' | 'not_yet' | 'empty'

/** What the interval says: above zero, below zero, or not yet significant; empty while a group has no one. */
export function verdict(ci: [number, number] | null): Verdict {
  if (!ci) return 'empty'
  if (ci[0] > 0) return 'up'
  if (ci[1] < 0) return 'down'
  return 'not_yet'
}

/** Wilson's 95% score interval of a proportion k/n (null for n = 0). */
export function wilson(k: number, n: number): [number, number] | null {
  if (n <= 0) return null
  const z = 1.959964
  const p = k / n
  const denominator = 1 + (z * z) / n
  const centre = p + (z * z) / (2 * n)
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))
  return [Math.max(0, (centre - spread) / denominator), Math.min(1, (centre + spread) / denominator)]
}
