import type { Scoped } from './audience-sql.ts'
import { firstEvent } from './checklists-sql.ts'
import { at, ms } from './milestones-sql.ts'
import { personOf } from './person-sql.ts'

/**
 * People of the audience first shown flow $2 of project $1 in [$3, $4), across their devices: the step indexes they
 * reached (`flow_step`), when they first completed it, whether and at which step they first dismissed
 * it, and the steps whose target was missing for them (`flow_error` `target_missing`), each with the
 * selector the SDK looked for (`props.selector`; null from SDKs that did not send it).
 */
export const FUNNEL_PEOPLE: Scoped = (inAudience) => `
WITH shown AS (${firstEvent('flow_shown')}),
acts AS (
  SELECT ${personOf('e')} AS person, e.type, e.ts, (e.data->>'stepIndex')::int AS step, e.data->>'reason' AS reason,
    e.data->'props'->>'selector' AS selector
  FROM events e
  WHERE e.project_id = $1 AND e.flow_id = $2 AND e.type IN ('flow_step', 'flow_completed', 'flow_dismissed', 'flow_error')
)
SELECT ${ms('s.at')} AS "shownAt",
  COALESCE(array_agg(DISTINCT a.step) FILTER (WHERE a.type = 'flow_step' AND a.step IS NOT NULL), '{}') AS reached,
  ${ms("min(a.ts) FILTER (WHERE a.type = 'flow_completed')")} AS "completedAt",
  COALESCE(bool_or(a.type = 'flow_dismissed'), false) AS dismissed,
  (array_agg(COALESCE(a.step, 0) ORDER BY a.ts) FILTER (WHERE a.type = 'flow_dismissed'))[1] AS "dismissedStep",
  COALESCE(jsonb_agg(DISTINCT jsonb_build_object('step', a.step, 'selector', a.selector))
    FILTER (WHERE a.type = 'flow_error' AND a.reason = 'target_missing' AND a.step IS NOT NULL), '[]'::jsonb) AS missing
FROM shown s LEFT JOIN acts a USING (person)
WHERE s.at >= ${at('$3')} AND s.at < ${at('$4')} AND ${inAudience('s.person')}
GROUP BY s.person, s.at`
