import type { Scoped } from './audience-sql.ts'
import { daysBetween, type ActivitySource } from './activity-source.ts'
import { at, ms } from './milestones-sql.ts'
import { personOf } from './person-sql.ts'

/**
 * Per person of the audience of project $1 (qualifying events $2, read from `source`) whose first
 * qualifying activity lies in [$3, $4): that time, when they first reached milestone $5 (null: never),
 * and whether they had qualifying activity in their week $6 — days 7·$6 to 7·$6 + 7 after the first
 * (epoch ms). As in retention, a row's activity lies at its first or its last time; only the days
 * that can fall in someone's week $6 are read. `IS TRUE` keeps the test a hashed subplan, built once
 * (see `filtered`): the planner guesses a single first-timer and would otherwise rescan per person.
 */
export const activationPeople = (source: ActivitySource): Scoped => (inAudience) => `
WITH firsts AS (
  SELECT p.person, p.first_at, p.first_at + make_interval(days => 7 * $6::int) AS week_at
  FROM (SELECT ${personOf('f')} AS person, min(f.first_at) AS first_at FROM ${source.firsts} f GROUP BY 1) p
  WHERE p.first_at >= ${at('$3')} AND p.first_at < ${at('$4')}
),
retained AS (
  SELECT f.person
  FROM ${source.days} a
  CROSS JOIN LATERAL (VALUES (a.first_at), (a.last_at)) AS v(t)
  JOIN firsts f ON f.person = ${personOf('a')}
  WHERE ${daysBetween('a', `${at('$3')} + make_interval(days => 7 * $6::int)`, `${at('$4')} + make_interval(days => 7 * $6::int + 7)`)}
    AND v.t >= f.week_at AND v.t < f.week_at + interval '7 days'
)
SELECT ${ms('f.first_at')} AS first,
  (SELECT ${ms('m.reached_at')} FROM user_milestones m WHERE m.project_id = $1 AND m.person = f.person AND m.name = $5) AS reached,
  (f.person IN (SELECT person FROM retained)) IS TRUE AS retained
FROM firsts f
WHERE ${inAudience('f.person')}`
