import type { Scoped } from './audience-sql.ts'
import { at } from './milestones-sql.ts'
import { personOf } from './person-sql.ts'

/**
 * The flows of project $1 shown to most people of the audience in [$2, $3): id, people, and the kind a
 * showing of it named (for a flow no longer in the config). The showings are read from index
 * `events_shown_by_time` alone (migration 006); the kind, which that index cannot hold, from one
 * showing of each of the $4 flows kept.
 */
export const TOP_FLOWS: Scoped = (inAudience) => `
WITH e AS (
  SELECT e.flow_id, ${personOf('e')} AS person
  FROM events e
  WHERE e.project_id = $1 AND e.type = 'flow_shown' AND e.ts >= ${at('$2')} AND e.ts < ${at('$3')}
),
top AS (
  SELECT flow_id AS id, count(DISTINCT person)::int AS reach
  FROM e WHERE ${inAudience('person')}
  GROUP BY flow_id ORDER BY reach DESC, id LIMIT $4
)
SELECT t.id, t.reach,
  (SELECT s.data -> 'props' ->> 'kind' FROM events s WHERE s.project_id = $1 AND s.flow_id = t.id AND s.type = 'flow_shown' LIMIT 1) AS kind
FROM top t ORDER BY t.reach DESC, t.id`

/** The surveys of project $1 answered by the audience in [$2, $3). */
export const ANSWERED_SURVEYS: Scoped = (inAudience) => `
SELECT DISTINCT flow_id AS id FROM survey_responses
WHERE project_id = $1 AND answered_at >= ${at('$2')} AND answered_at < ${at('$3')}
  AND ${inAudience('cairn_person($1, anonymous_id, user_id)')}`
