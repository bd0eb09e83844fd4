import type { Scoped } from './audience-sql.ts'
import { at } from './milestones-sql.ts'
import { personOf } from './person-sql.ts'

/** Cairn's own tracked event (the SDK's error report), never a sign of use. */
export const SDK_ERROR_EVENT = 'sdk_error'

/**
 * The activity rows of project $1 that qualify (`activity` holds track and identify only), with their
 * person: the event names in $2, or when $2 is null every name but the SDK's own. A CTE body.
 */
export const QUALIFYING = `
  SELECT ${personOf('a')} AS person, a.first_at, a.last_at
  FROM activity a
  WHERE a.project_id = $1 AND CASE WHEN $2::text[] IS NULL THEN a.name <> '${SDK_ERROR_EVENT}' ELSE a.name = ANY($2::text[]) END`

/**
 * Per person of the audience active in [$5, $6) (epoch ms): the period (kind $4: week or month, in time zone $3) of
 * their first qualifying activity ever, the periods they were active in within the range, and the
 * numeric value of trait $7 (null when $7 is null or the trait is not a number). A row's activity
 * lies in the period of its first or of its last time (migrations/004_activity.sql).
 */
export const RETENTION_PEOPLE: Scoped = (inAudience) => `
WITH q AS (${QUALIFYING}),
firsts AS (SELECT person, min(first_at) AS first_at FROM q GROUP BY person),
spans AS (
  SELECT DISTINCT q.person, date_trunc($4, v.t AT TIME ZONE $3) AS period
  FROM q CROSS JOIN LATERAL (VALUES (q.first_at), (q.last_at)) AS v(t)
  WHERE v.t >= ${at('$5')} AND v.t < ${at('$6')}
)
SELECT to_char(date_trunc($4, f.first_at AT TIME ZONE $3), 'YYYY-MM-DD') AS first,
  array_agg(to_char(s.period, 'YYYY-MM-DD')) AS active,
  CASE WHEN jsonb_typeof(u.traits -> $7::text) = 'number' THEN (u.traits ->> $7::text)::float8 END AS revenue
FROM firsts f JOIN spans s USING (person)
LEFT JOIN users u ON u.project_id = $1 AND u.user_id = f.person
WHERE ${inAudience('f.person')}
GROUP BY f.person, f.first_at, u.traits`
