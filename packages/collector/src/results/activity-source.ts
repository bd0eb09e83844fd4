/** Cairn's own tracked event (the SDK's error report), never a sign of use. */
export const SDK_ERROR_EVENT = 'sdk_error'

/**
 * Where the qualifying activity of project $1 is read from, as row sources (subqueries) with
 * project_id, anonymous_id and user_id: `days`, rows of at most one UTC `day` each with its
 * `first_at` and `last_at`; `firsts`, per actor its first qualifying time ever (`first_at`).
 */
export type ActivitySource = { days: string; firsts: string }

/**
 * The sources for qualifying events $2: the actor rollups of migration 006 for the default rule
 * (every tracked event but {@link SDK_ERROR_EVENT}, and identify), read when $2 is null, or the
 * `activity` rows of the names in $2 — a project's own `activeEvents`.
 */
export function activitySource(named: boolean): ActivitySource {
  if (named) {
    const rows = `FROM activity WHERE project_id = $1 AND name = ANY($2::text[])`
    return {
      days: `(SELECT project_id, anonymous_id, user_id, day, first_at, last_at ${rows})`,
      firsts: `(SELECT project_id, anonymous_id, user_id, min(first_at) AS first_at ${rows} GROUP BY 1, 2, 3)`,
    }
  }
  // `$2 IS NULL` holds whenever this source is read; it keeps $2 typed in a query that reads no names.
  return {
    days: `(SELECT project_id, anonymous_id, user_id, day, first_at, last_at FROM activity_days WHERE project_id = $1 AND $2::text[] IS NULL)`,
    firsts: `(SELECT project_id, anonymous_id, user_id, first_at FROM actor_activity WHERE project_id = $1 AND first_at IS NOT NULL AND $2::text[] IS NULL)`,
  }
}

/** The rows of `days` (aliased `alias`) whose UTC day can hold a time in [`from`, `to`) (timestamptz expressions). */
export const daysBetween = (alias: string, from: string, to: string) =>
  `${alias}.day >= ((${from}) AT TIME ZONE 'UTC')::date AND ${alias}.day <= ((${to}) AT TIME ZONE 'UTC')::date`
