import type { Scoped } from './audience-sql.ts'
import { at } from './milestones-sql.ts'
import { personOf } from './person-sql.ts'

/** The flows of project $1 shown to most people of the audience in [$2, $3): id, the kind its showing named, people. */
export const TOP_FLOWS: Scoped = (inAudience) => `
WITH e AS (
  SELECT e.flow_id, e.data -> 'props' ->> 'kind' AS kind, ${personOf('e')} AS person
  FROM events e
  WHERE e.project_id = $1 AND e.type = 'flow_shown' AND e.ts >= ${at('$2')} AND e.ts < ${at('$3')}
)
SELECT flow_id AS id, max(kind) AS kind, count(DISTINCT person)::int AS reach
FROM e WHERE ${inAudience('person')}
GROUP BY flow_id ORDER BY reach DESC, id LIMIT $4`

/** The surveys of project $1 answered by the audience in [$2, $3). */
export const ANSWERED_SURVEYS: Scoped = (inAudience) => `
SELECT DISTINCT flow_id AS id FROM survey_responses
WHERE project_id = $1 AND answered_at >= ${at('$2')} AND answered_at < ${at('$3')}
  AND ${inAudience('cairn_person($1, anonymous_id, user_id)')}`
