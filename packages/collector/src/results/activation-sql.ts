import type { Scoped } from './audience-sql.ts'
import { QUALIFYING } from './retention-sql.ts'
import { at, ms } from './milestones-sql.ts'

/**
 * Per person of the audience of project $1 (qualifying events: $2, as in retention) whose first qualifying activity
 * lies in [$3, $4): that time, when they first reached milestone $5 (null: never), and whether they
 * had qualifying activity in their week $6 — days 7·$6 to 7·$6 + 7 after the first (epoch ms). As in
 * retention, a row's activity lies at its first or its last time.
 */
export const ACTIVATION_PEOPLE: Scoped = (inAudience) => `
WITH q AS (${QUALIFYING}),
firsts AS (
  SELECT person, min(first_at) AS first_at, min(first_at) + make_interval(days => 7 * $6::int) AS week_at
  FROM q GROUP BY person HAVING min(first_at) >= ${at('$3')} AND min(first_at) < ${at('$4')}
)
SELECT ${ms('f.first_at')} AS first,
  (SELECT ${ms('m.reached_at')} FROM user_milestones m WHERE m.project_id = $1 AND m.person = f.person AND m.name = $5) AS reached,
  EXISTS (SELECT 1 FROM q CROSS JOIN LATERAL (VALUES (q.first_at), (q.last_at)) AS v(t)
    WHERE q.person = f.person AND v.t >= f.week_at AND v.t < f.week_at + interval '7 days') AS retained
FROM firsts f
WHERE ${inAudience('f.person')}`
