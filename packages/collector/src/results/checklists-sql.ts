import type { Scoped } from './audience-sql.ts'
import { at, ms } from './milestones-sql.ts'
import { personOf } from './person-sql.ts'

/** Each person's first `type` event (`flow_shown`, `flow_held_out`) for flow $2 of project $1. A CTE body. */
export const firstEvent = (type: 'flow_shown' | 'flow_held_out') => `
  SELECT ${personOf('e')} AS person, min(e.ts) AS at
  FROM events e
  WHERE e.project_id = $1 AND e.flow_id = $2 AND e.type = '${type}'
  GROUP BY 1`

/**
 * People of the audience first shown checklist $2 of project $1 in [$3, $4), with when they ticked each item (the
 * earliest `flow_step` per item id, across their devices).
 */
export const CHECKLIST_PEOPLE: Scoped = (inAudience) => `
WITH shown AS (${firstEvent('flow_shown')}),
ticks AS (
  SELECT ${personOf('f')} AS person, f.step_id, min(f.reached_at) AS at
  FROM flow_steps f
  WHERE f.project_id = $1 AND f.flow_id = $2
  GROUP BY 1, f.step_id
)
SELECT ${ms('s.at')} AS "shownAt",
  COALESCE(jsonb_object_agg(t.step_id, ${ms('t.at')}) FILTER (WHERE t.step_id IS NOT NULL), '{}'::jsonb) AS ticks
FROM shown s LEFT JOIN ticks t USING (person)
WHERE s.at >= ${at('$3')} AND s.at < ${at('$4')} AND ${inAudience('s.person')}
GROUP BY s.person, s.at`
