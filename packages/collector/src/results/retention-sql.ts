import type { Scoped } from './audience-sql.ts'
import { at } from './milestones-sql.ts'
import { personOf } from './person-sql.ts'

/** Cairn's own tracked event (the SDK's error report), never a sign of use. */
export const SDK_ERROR_EVENT = 'sdk_error'

/**
 * Per actor and UTC day of project $1, the first and last time of qualifying activity
 * (`activity` holds track and identify only), with its person: the event names in $2, or when $2 is
 * null every name but the SDK's own. A day's events lie in the period of its first or its last
 * (migrations/004_activity.sql), so a day is one row whatever the number of names. A CTE body.
 */
export const QUALIFYING = `
  SELECT ${personOf('d')} AS person, d.first_at, d.last_at
  FROM (
    SELECT a.project_id, a.anonymous_id, a.user_id, min(a.first_at) AS first_at, max(a.last_at) AS last_at
    FROM activity a
    WHERE a.project_id = $1 AND CASE WHEN $2::text[] IS NULL THEN a.name <> '${SDK_ERROR_EVENT}' ELSE a.name = ANY($2::text[]) END
    GROUP BY a.project_id, a.anonymous_id, a.user_id, a.day
  ) d`

/**
 * Per person of the audience active in [$5, $6) (epoch ms): the period (kind $4: week or month, in
 * time zone $3) of their first qualifying activity ever, the periods they were active in within the
 * range, and the numeric value of trait $7 (null when $7 is null or the trait is not a number). One
 * pass over the person's days: a day counts in the period of its first or its last time.
 */
export const RETENTION_PEOPLE: Scoped = (inAudience) => `
WITH q AS (${QUALIFYING}),
people AS (
  SELECT q.person, min(q.first_at) AS first_at,
    array_agg(DISTINCT to_char(date_trunc($4, v.t AT TIME ZONE $3), 'YYYY-MM-DD')) FILTER (WHERE v.t >= ${at('$5')} AND v.t < ${at('$6')}) AS active
  FROM q CROSS JOIN LATERAL (VALUES (q.first_at), (q.last_at)) AS v(t)
  WHERE ${inAudience('q.person')}
  GROUP BY q.person
)
SELECT to_char(date_trunc($4, p.first_at AT TIME ZONE $3), 'YYYY-MM-DD') AS first, p.active,
  CASE WHEN jsonb_typeof(u.traits -> $7::text) = 'number' THEN (u.traits ->> $7::text)::float8 END AS revenue
FROM people p
LEFT JOIN users u ON u.project_id = $1 AND u.user_id = p.person
WHERE p.active IS NOT NULL`
