import type { Scoped } from './audience-sql.ts'
import { firstEvent } from './checklists-sql.ts'
import { at } from './milestones-sql.ts'

/**
 * People of the audience of project $1 assigned to a side of flow $2's holdout in [$3, $4) — held out (first
 * `flow_held_out`) or shown (first `flow_shown`, never held out) — with the milestones they reached
 * at or after that moment (name → true).
 */
export const HOLDOUT_PEOPLE: Scoped = (inAudience) => `
WITH held AS (${firstEvent('flow_held_out')}),
shown AS (${firstEvent('flow_shown')}),
assigned AS (
  SELECT person, at, true AS held FROM held
  UNION ALL
  SELECT s.person, s.at, false FROM shown s WHERE NOT EXISTS (SELECT 1 FROM held h WHERE h.person = s.person)
)
SELECT a.held AS "heldOut",
  COALESCE(jsonb_object_agg(m.name, true) FILTER (WHERE m.name IS NOT NULL), '{}'::jsonb) AS reached
FROM assigned a LEFT JOIN user_milestones m ON m.project_id = $1 AND m.person = a.person AND m.reached_at >= a.at
WHERE a.at >= ${at('$3')} AND a.at < ${at('$4')} AND ${inAudience('a.person')}
GROUP BY a.person, a.held`
