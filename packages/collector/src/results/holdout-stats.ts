import { share } from './milestones-stats.ts'

/** The normal quantile for a two-sided 95% interval. */
export const Z95 = 1.959963984540054

/**
 * The Wilson score interval for a proportion of `k` in `n` (Wilson 1927): unlike the textbook
 * p ± z·√(p(1−p)/n) it stays inside [0, 1] and keeps its coverage for small n and for p near 0 or 1.
 * `null` for n = 0.
 * @example wilson(81, 263) // [0.2553, 0.3662] (rounded)
 */
export function wilson(k: number, n: number, z = Z95): [number, number] | null {
  if (n === 0) return null
  const p = k / n
  const z2 = z * z
  const scale = 1 + z2 / n
  const center = (p + z2 / (2 * n)) / scale
  const half = (z / scale) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return [Math.max(0, center - half), Math.min(1, center + half)]
}

/**
 * The difference p1 − p2 of two independent proportions with Newcombe's hybrid score interval
 * (Newcombe 1998, method 10): built from each proportion's Wilson interval, it behaves well with small
 * groups and rates near 0 or 1, where the normal approximation (Wald) is too narrow or leaves [−1, 1].
 * `null` when either group is empty.
 * @example newcombe(56, 70, 48, 80) // { difference: 0.2, ci95: [0.0524, 0.3339] } (rounded)
 */
export function newcombe(k1: number, n1: number, k2: number, n2: number, z = Z95): { difference: number; ci95: [number, number] } | null {
  const a = wilson(k1, n1, z)
  const b = wilson(k2, n2, z)
  if (!a || !b) return null
  const p1 = k1 / n1
  const p2 = k2 / n2
  const d = p1 - p2
  return {
    difference: d,
    ci95: [d - Math.hypot(p1 - a[0], b[1] - p2), d + Math.hypot(a[1] - p1, p2 - b[0])],
  }
}

/** One side of a holdout comparison. */
export type HoldoutGroup = { users: number; reached: number; rate: number | null }

/** A milestone's rate with the flow (shown) and without it (held out). */
export type HoldoutComparison = {
  name: string
  shown: HoldoutGroup
  heldOut: HoldoutGroup
  /** shown.rate − heldOut.rate, with its 95% interval (Newcombe); `null` while a group is empty. */
  difference: number | null
  ci95: [number, number] | null
}

/** A person assigned to a side, with the milestones they reached after being assigned. */
export type HoldoutPerson = { heldOut: boolean; reached: Readonly<Record<string, unknown>> }

/** Compares each milestone's rate between the shown and the held-out people. Pure. */
export function holdoutComparison(names: readonly string[], people: readonly HoldoutPerson[]): HoldoutComparison[] {
  const group = (held: boolean, name: string): HoldoutGroup => {
    const members = people.filter((p) => p.heldOut === held)
    const reached = members.filter((p) => Object.hasOwn(p.reached, name)).length
    return { users: members.length, reached, rate: share(reached, members.length) }
  }
  return [...new Set(names)].map((name) => {
    const shown = group(false, name)
    const heldOut = group(true, name)
    const diff = newcombe(shown.reached, shown.users, heldOut.reached, heldOut.users)
    return { name, shown, heldOut, difference: diff?.difference ?? null, ci95: diff?.ci95 ?? null }
  })
}
