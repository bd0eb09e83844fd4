import type { Scoped } from './audience-sql.ts'
import { daysBetween, type ActivitySource } from './activity-source.ts'
import { at } from './milestones-sql.ts'
import { personOf } from './person-sql.ts'

/**
 * Per person of the audience active in [$5, $6) (epoch ms) in project $1 (qualifying events $2, read
 * from `source`): the period (kind $4: week or month, in time zone $3) of their first qualifying
 * activity ever, the periods they were active in within the range, and the numeric value of trait $7
 * (null when $7 is null or the trait is not a number). A day's activity lies in the period of its
 * first or its last time (a period boundary falls at most once in a day), so each row counts twice at
 * most; rows are folded by actor and period before the person is looked up.
 */
export const retentionPeople = (source: ActivitySource): Scoped => (inAudience) => `
WITH d AS (
  SELECT a.project_id, a.anonymous_id, a.user_id, date_trunc($4, v.t AT TIME ZONE $3) AS period
  FROM ${source.days} a CROSS JOIN LATERAL (VALUES (a.first_at), (a.last_at)) AS v(t)
  WHERE ${daysBetween('a', at('$5'), at('$6'))} AND v.t >= ${at('$5')} AND v.t < ${at('$6')}
  GROUP BY 1, 2, 3, 4
),
active AS (
  SELECT ${personOf('d')} AS person, array_agg(DISTINCT to_char(d.period, 'YYYY-MM-DD')) AS active
  FROM d GROUP BY 1
),
firsts AS (
  SELECT ${personOf('f')} AS person, min(f.first_at) AS first_at FROM ${source.firsts} f GROUP BY 1
)
SELECT to_char(date_trunc($4, f.first_at AT TIME ZONE $3), 'YYYY-MM-DD') AS first, a.active,
  CASE WHEN jsonb_typeof(u.traits -> $7::text) = 'number' THEN (u.traits ->> $7::text)::float8 END AS revenue
FROM active a
JOIN firsts f ON f.person = a.person
LEFT JOIN users u ON u.project_id = $1 AND u.user_id = a.person
WHERE ${inAudience('a.person')}`
