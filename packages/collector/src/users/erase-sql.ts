/**
 * The anonymous ids of user $2 in project $1: those an identify linked to them and those their own
 * events came from. A CTE body.
 */
const LINKED = `
  SELECT anonymous_id FROM identities WHERE project_id = $1 AND user_id = $2
  UNION SELECT anonymous_id FROM actors WHERE project_id = $1 AND user_id = $2`

/** Every table that holds something about a user, in the order they are erased and exported. */
export const USER_TABLES = ['events', 'identities', 'actors', 'flow_states', 'flow_steps', 'survey_responses', 'milestones', 'event_counts', 'activity', 'activity_days', 'actor_activity', 'users', 'user_milestones'] as const
export type UserTable = (typeof USER_TABLES)[number]

/**
 * The rows of `table` (alias-free) that are user $2's. Rows keyed by actor: carrying their id, or
 * carrying none and one of their anonymous ids — a row of another user on a shared device is theirs,
 * not this user's. Links and the user row: by id. Milestones per person: the user, or one of their
 * anonymous ids before they signed in.
 */
function whose(table: UserTable): string {
  if (table === 'identities' || table === 'users') return 'user_id = $2'
  if (table === 'user_milestones') return `(person = $2 OR person IN (SELECT 'anon:' || anonymous_id FROM linked))`
  return `(COALESCE(user_id, '') = $2 OR (COALESCE(user_id, '') = '' AND anonymous_id IN (SELECT anonymous_id FROM linked)))`
}

/**
 * Deletes everything project $1 holds about user $2 and their anonymous ids, in one statement (so in
 * one transaction), and counts what each table lost.
 */
export const ERASE_USER = `
WITH linked AS (${LINKED}),
${USER_TABLES.map((t) => `d_${t} AS (DELETE FROM ${t} WHERE project_id = $1 AND ${whose(t)} RETURNING 1)`).join(',\n')}
SELECT ${USER_TABLES.map((t) => `(SELECT count(*) FROM d_${t})::int AS ${t}`).join(', ')}`

/** Every row of `table` that is user $2's in project $1, as JSON objects. */
export const exportRows = (table: UserTable) => `
WITH linked AS (${LINKED})
SELECT to_jsonb(t) - 'project_id' AS row FROM ${table} t WHERE project_id = $1 AND ${whose(table)}`
