/**
 * The anonymous ids of user $2 in project $1: those an identify linked to them and those their own
 * events came from. A CTE body.
 */
const LINKED = `
  SELECT anonymous_id FROM identities WHERE project_id = $1 AND user_id = $2
  UNION SELECT anonymous_id FROM actors WHERE project_id = $1 AND user_id = $2`

/**
 * The rows of a table (alias-free) that are user $2's: carrying their id, or carrying none and one of
 * their anonymous ids. A row of another user on a shared device is theirs, not this user's.
 */
const MINE = `(COALESCE(user_id, '') = $2 OR (COALESCE(user_id, '') = '' AND anonymous_id IN (SELECT anonymous_id FROM linked)))`

/** The tables keyed by actor, in the order they are erased and exported. */
export const ACTOR_TABLES = ['events', 'identities', 'actors', 'flow_states', 'flow_steps', 'survey_responses', 'milestones', 'event_counts', 'activity'] as const

/**
 * Deletes everything project $1 holds about user $2 and their anonymous ids, in one statement (so in
 * one transaction), and counts what each table lost.
 */
export const ERASE_USER = `
WITH linked AS (${LINKED}),
${ACTOR_TABLES.map((t) => `d_${t} AS (DELETE FROM ${t} WHERE project_id = $1 AND ${t === 'identities' ? 'user_id = $2' : MINE} RETURNING 1)`).join(',\n')},
d_users AS (DELETE FROM users WHERE project_id = $1 AND user_id = $2 RETURNING 1),
d_user_milestones AS (DELETE FROM user_milestones WHERE project_id = $1
  AND (person = $2 OR person IN (SELECT 'anon:' || anonymous_id FROM linked)) RETURNING 1)
SELECT ${[...ACTOR_TABLES, 'users', 'user_milestones'].map((t) => `(SELECT count(*) FROM d_${t})::int AS ${t}`).join(', ')}`

/** Every row of `table` that is user $2's in project $1, as JSON objects. */
export const exportRows = (table: (typeof ACTOR_TABLES)[number] | 'users' | 'user_milestones') => `
WITH linked AS (${LINKED})
SELECT to_jsonb(t) - 'project_id' AS row FROM ${table} t WHERE project_id = $1 AND ${
  table === 'identities' || table === 'users' ? 'user_id = $2'
  : table === 'user_milestones' ? "(person = $2 OR person IN (SELECT 'anon:' || anonymous_id FROM linked))"
  : MINE}`
