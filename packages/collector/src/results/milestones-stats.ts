/** One week in milliseconds. */
const WEEK = 7 * 864e5
/** 1970-01-01 was a Thursday: weeks start on Monday, 3 days later (ISO 8601). */
const MONDAY = 4 * 864e5

/**
 * The q-quantile of ascending numbers, interpolating linearly between the two nearest ranks
 * (Hyndman & Fan type 7, what spreadsheets and numpy use): the median of [1, 2, 3, 4] is 2.5, its
 * p75 is 3.25. `null` for no numbers.
 * @example quantile([10, 20, 30, 40], 0.5) // 25
 */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null
  const h = (sorted.length - 1) * q
  const lo = Math.floor(h)
  const below = sorted[lo] as number
  return below + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] as number) - below)
}

/** Median and 75th percentile of durations (ms), with how many there were. */
export type Spread = { n: number; medianMs: number | null; p75Ms: number | null }

/** {@link Spread} of unsorted durations. */
export function spread(durations: readonly number[]): Spread {
  const sorted = [...durations].sort((a, b) => a - b)
  return { n: sorted.length, medianMs: quantile(sorted, 0.5), p75Ms: quantile(sorted, 0.75) }
}

/** The UTC Monday 00:00 starting the ISO week that holds `ms`. */
export const weekStart = (ms: number): number => Math.floor((ms - MONDAY) / WEEK) * WEEK + MONDAY

/** `reached / of`, or `null` when there is nobody to divide by. */
export const share = (reached: number, of: number): number | null => (of > 0 ? reached / of : null)

/** A person first seen in the period, with when they reached each milestone (epoch ms). */
export type NewPerson = { firstSeen: number; reached: Readonly<Record<string, number>> }

/**
 * One weekly cohort of new users: who was first seen that week, how many of them reached the milestone,
 * and how long it took them (median, p75).
 */
export type WeeklyCohort = { week: string; newUsers: number; reached: number; share: number | null; medianMs: number | null; p75Ms: number | null }

/** What `GET /v1/results/milestones` says about one milestone. */
export type MilestoneStats = {
  name: string
  /** Declared in the config or named by a flow (otherwise only seen in the data). */
  declared: boolean
  /** People who reached it during the period, whenever they were first seen. */
  reached: number
  /** People first seen during the period who reached it (by now). */
  newUsersReached: number
  /** `newUsersReached / newUsers`. */
  share: number | null
  /** Time from first seen to the milestone ("time to aha") of those new users. */
  timeToReach: Spread
  weekly: WeeklyCohort[]
}

/**
 * The per-milestone report from its inputs: new people of the period (`cohort`), how many people
 * reached each milestone during the period, and which names are declared. Pure; milestones come
 * declared first, then by name. A milestone stamped before its person's first-seen time (clock skew
 * between the actor rows) counts as reached at once.
 */
export function milestoneStats(input: {
  names: readonly string[]
  declared: ReadonlySet<string>
  cohort: readonly NewPerson[]
  reachedInPeriod: Readonly<Record<string, number>>
}): MilestoneStats[] {
  const weeks = new Map<number, NewPerson[]>()
  for (const person of input.cohort) {
    const week = weekStart(person.firstSeen)
    weeks.set(week, [...(weeks.get(week) ?? []), person])
  }
  const ordered = [...weeks.keys()].sort((a, b) => a - b)
  const durations = (people: readonly NewPerson[], name: string) =>
    people.flatMap((p) => (Object.hasOwn(p.reached, name) ? [Math.max(0, (p.reached[name] as number) - p.firstSeen)] : []))
  const names = [...new Set(input.names)].sort((a, b) => +input.declared.has(b) - +input.declared.has(a) || (a < b ? -1 : a > b ? 1 : 0))
  return names.map((name) => {
    const times = durations(input.cohort, name)
    return {
      name,
      declared: input.declared.has(name),
      reached: Object.hasOwn(input.reachedInPeriod, name) ? (input.reachedInPeriod[name] as number) : 0,
      newUsersReached: times.length,
      share: share(times.length, input.cohort.length),
      timeToReach: spread(times),
      weekly: ordered.map((week) => {
        const people = weeks.get(week) as NewPerson[]
        const inWeek = durations(people, name)
        const { medianMs, p75Ms } = spread(inWeek)
        return {
          week: new Date(week).toISOString().slice(0, 10),
          newUsers: people.length,
          reached: inWeek.length,
          share: share(inWeek.length, people.length),
          medianMs,
          p75Ms,
        }
      }),
    }
  })
}
