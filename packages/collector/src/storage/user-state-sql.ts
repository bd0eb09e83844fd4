/** Epoch milliseconds of a timestamptz, as a JSON number. */
const ms = (column: string) => `round(extract(epoch from ${column}) * 1000)`

/**
 * One statement, one snapshot: the actors attributed to user $2 of project $1, then every projection
 * folded over them. An actor belongs to the user when it carried the user id (and, with $3 true —
 * identity verification on — its anonymous id was linked to the user by a verified identify), or when
 * it is anonymous and the user is the first one its anonymous id was linked to.
 */
export const USER_STATE = `
WITH linked AS (
  SELECT anonymous_id, linked_at FROM identities WHERE project_id = $1 AND user_id = $2
), owned AS (
  SELECT l.anonymous_id FROM linked l
  WHERE NOT EXISTS (
    SELECT 1 FROM identities o
    WHERE o.project_id = $1 AND o.anonymous_id = l.anonymous_id
      AND (o.linked_at < l.linked_at OR (o.linked_at = l.linked_at AND o.user_id < $2)))
), who AS (
  SELECT anonymous_id, user_id FROM actors
  WHERE project_id = $1 AND user_id = $2 AND (NOT $3::boolean OR anonymous_id IN (SELECT anonymous_id FROM linked))
  UNION
  SELECT anonymous_id, '' FROM owned
), latest AS (
  SELECT DISTINCT ON (r.flow_id) r.flow_id, r.submission_id
  FROM survey_responses r JOIN who USING (anonymous_id, user_id)
  WHERE r.project_id = $1
  ORDER BY r.flow_id, r.answered_at DESC, r.submission_id DESC
)
SELECT
  (SELECT jsonb_build_object('first', ${ms('min(a.first_seen)')}, 'last', ${ms('max(a.last_seen)')})
    FROM actors a JOIN who USING (anonymous_id, user_id) WHERE a.project_id = $1) AS seen,
  (SELECT COALESCE(jsonb_agg(x), '[]'::jsonb) FROM (
    SELECT f.flow_id AS "flowId", sum(f.shown_count)::integer AS "shownCount",
      ${ms('max(f.shown_at)')} AS "shownAt", ${ms('max(f.completed_at)')} AS "completedAt",
      ${ms('max(f.dismissed_at)')} AS "dismissedAt", ${ms('min(f.held_out_at)')} AS "heldOutAt",
      (array_agg(f.step ORDER BY f.step_at DESC, f.step DESC) FILTER (WHERE f.step_at IS NOT NULL))[1] AS step,
      ${ms('max(f.step_at)')} AS "stepAt"
    FROM flow_states f JOIN who USING (anonymous_id, user_id) WHERE f.project_id = $1 GROUP BY f.flow_id) x) AS flows,
  (SELECT COALESCE(jsonb_agg(x), '[]'::jsonb) FROM (
    SELECT s.flow_id AS "flowId", s.step_id AS "stepId", ${ms('min(s.reached_at)')} AS "at"
    FROM flow_steps s JOIN who USING (anonymous_id, user_id) WHERE s.project_id = $1 GROUP BY s.flow_id, s.step_id) x) AS steps,
  (SELECT COALESCE(jsonb_agg(x), '[]'::jsonb) FROM (
    SELECT r.flow_id AS "flowId", r.submission_id AS "submissionId", r.question_id AS "questionId", r.answer, ${ms('r.answered_at')} AS "at"
    FROM survey_responses r JOIN latest USING (flow_id, submission_id) WHERE r.project_id = $1) x) AS answers,
  (SELECT COALESCE(jsonb_object_agg(name, "at"), '{}'::jsonb) FROM (
    SELECT m.name, ${ms('min(m.reached_at)')} AS "at"
    FROM milestones m JOIN who USING (anonymous_id, user_id) WHERE m.project_id = $1 GROUP BY m.name) x) AS milestones,
  (SELECT COALESCE(jsonb_object_agg(name, n), '{}'::jsonb) FROM (
    SELECT c.name, sum(c.count)::integer AS n
    FROM event_counts c JOIN who USING (anonymous_id, user_id) WHERE c.project_id = $1 GROUP BY c.name) x) AS events`
