/**
 * The person of a row `alias` with project_id, anonymous_id and user_id (events carry no user id as
 * NULL): its user id, else the first user its anonymous id was linked to, else 'anon:' || anonymous
 * id — as the actor_people view and cairn_person (migrations/002) count them. Written out on the row
 * rather than joining the view, whose two correlated join columns make the planner guess a few dozen
 * rows where there are millions and pick nested loops that take minutes, or calling the function,
 * which costs a call per row (bench:results).
 */
export const personOf = (alias: string) => `COALESCE(NULLIF(${alias}.user_id, ''),
    (SELECT i.user_id FROM identities i WHERE i.project_id = ${alias}.project_id AND i.anonymous_id = ${alias}.anonymous_id ORDER BY i.linked_at, i.user_id LIMIT 1),
    'anon:' || ${alias}.anonymous_id)`
