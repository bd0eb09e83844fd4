import type { Scoped } from './audience-sql.ts'
import { personOf } from './person-sql.ts'

/** Epoch milliseconds of a timestamptz, as a JSON number. */
export const ms = (column: string) => `round(extract(epoch from ${column}) * 1000)::float8`
/** A query parameter holding epoch milliseconds, as a timestamptz. */
export const at = (param: string) => `to_timestamp(${param}::float8 / 1000)`

/**
 * Every person of project $1 (as the actor_people view counts them) with the earliest first-seen
 * time of their actors. A CTE body for the results queries.
 */
export const PEOPLE = `
  SELECT ${personOf('a')} AS person, min(a.first_seen) AS first_seen
  FROM actors a
  WHERE a.project_id = $1 GROUP BY 1`

/** People of the audience of project $1 first seen in [$2, $3), with the milestones they reached (name → epoch ms). */
export const NEW_PEOPLE: Scoped = (inAudience) => `
WITH people AS (${PEOPLE})
SELECT ${ms('c.first_seen')} AS "firstSeen",
  COALESCE((SELECT jsonb_object_agg(m.name, ${ms('m.reached_at')}) FROM user_milestones m
    WHERE m.project_id = $1 AND m.person = c.person), '{}'::jsonb) AS reached
FROM people c
WHERE c.first_seen >= ${at('$2')} AND c.first_seen < ${at('$3')} AND ${inAudience('c.person')}`

/** How many people of the audience of project $1 reached each milestone in [$2, $3). */
export const REACHED_IN_PERIOD: Scoped = (inAudience) => `
SELECT name, count(*)::int AS n FROM user_milestones
WHERE project_id = $1 AND reached_at >= ${at('$2')} AND reached_at < ${at('$3')} AND ${inAudience('person')}
GROUP BY name`
