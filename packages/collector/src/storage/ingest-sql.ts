/**
 * The statements of one ingest transaction. Each takes the project id as $1 and its rows as one JSON
 * array in $2 (one round trip per table, whatever the batch size). Rows are ordered by key so two
 * concurrent batches lock shared rows in the same order and cannot deadlock each other.
 */
const at = (column: string) => `to_timestamp(${column} / 1000.0)`

export const INSERT_EVENTS = `
INSERT INTO events (project_id, event_id, id_time, type, name, flow_id, anonymous_id, user_id, session_id,
  ts, client_ts, received_at, data)
SELECT $1, r.id::uuid, ${at('r."idTime"')}, r.type, r.name, r.flow, r.anon, r.uid, r.sid,
  ${at('r.ts')}, r."clientTs", ${at('r."receivedAt"')}, r.data
FROM jsonb_to_recordset($2::jsonb) AS r(id text, "idTime" float8, type text, name text, flow text, anon text,
  uid text, sid text, ts float8, "clientTs" bigint, "receivedAt" float8, data jsonb)
ORDER BY r.id
ON CONFLICT (project_id, event_id) DO NOTHING
RETURNING event_id::text AS id`

export const UPSERT_ACTORS = `
INSERT INTO actors (project_id, anonymous_id, user_id, first_seen, last_seen)
SELECT $1, r.a, r.u, ${at('r."first"')}, ${at('r."last"')}
FROM jsonb_to_recordset($2::jsonb) AS r(a text, u text, "first" float8, "last" float8)
ORDER BY r.a, r.u
ON CONFLICT (project_id, anonymous_id, user_id) DO UPDATE SET
  first_seen = LEAST(actors.first_seen, excluded.first_seen),
  last_seen = GREATEST(actors.last_seen, excluded.last_seen)
WHERE excluded.first_seen < actors.first_seen OR excluded.last_seen > actors.last_seen`

/** Newest value per key: `side` of whichever of users / excluded has the later time for key k. */
const newer = (side: 'traits' | 'trait_times') => `COALESCE((
    SELECT jsonb_object_agg(k, CASE
      WHEN COALESCE((excluded.trait_times ->> k)::float8, -1) >= COALESCE((users.trait_times ->> k)::float8, -1)
      THEN excluded.${side} -> k ELSE users.${side} -> k END)
    FROM jsonb_object_keys(users.traits || excluded.traits) AS k), '{}'::jsonb)`

export const UPSERT_USERS = `
INSERT INTO users (project_id, user_id, first_seen, last_seen, traits, trait_times)
SELECT $1, r.u, ${at('r."first"')}, ${at('r."last"')}, r.traits, r."traitTimes"
FROM jsonb_to_recordset($2::jsonb) AS r(u text, "first" float8, "last" float8, traits jsonb, "traitTimes" jsonb)
ORDER BY r.u
ON CONFLICT (project_id, user_id) DO UPDATE SET
  first_seen = LEAST(users.first_seen, excluded.first_seen),
  last_seen = GREATEST(users.last_seen, excluded.last_seen),
  -- Most rows come from events that carry a user id but no traits: nothing to merge for them.
  traits = CASE WHEN excluded.traits = '{}'::jsonb THEN users.traits ELSE ${newer('traits')} END,
  trait_times = CASE WHEN excluded.traits = '{}'::jsonb THEN users.trait_times ELSE ${newer('trait_times')} END
WHERE excluded.first_seen < users.first_seen OR excluded.last_seen > users.last_seen OR excluded.traits <> '{}'::jsonb`

export const UPSERT_IDENTITIES = `
INSERT INTO identities (project_id, anonymous_id, user_id, linked_at)
SELECT $1, r.a, r.u, ${at('r."at"')}
FROM jsonb_to_recordset($2::jsonb) AS r(a text, u text, "at" float8)
ORDER BY r.a, r.u
ON CONFLICT (project_id, anonymous_id, user_id) DO UPDATE SET linked_at = excluded.linked_at
WHERE excluded.linked_at < identities.linked_at`

export const UPSERT_FLOW_STATES = `
INSERT INTO flow_states (project_id, anonymous_id, user_id, flow_id, shown_count, shown_at, completed_at,
  dismissed_at, held_out_at, step, step_at)
SELECT $1, r.a, r.u, r.f, r.shown, ${at('r."shownAt"')}, ${at('r."completedAt"')}, ${at('r."dismissedAt"')},
  ${at('r."heldOutAt"')}, r.step, ${at('r."stepAt"')}
FROM jsonb_to_recordset($2::jsonb) AS r(a text, u text, f text, shown integer, "shownAt" float8,
  "completedAt" float8, "dismissedAt" float8, "heldOutAt" float8, step integer, "stepAt" float8)
ORDER BY r.a, r.u, r.f
ON CONFLICT (project_id, anonymous_id, user_id, flow_id) DO UPDATE SET
  shown_count = flow_states.shown_count + excluded.shown_count,
  shown_at = GREATEST(flow_states.shown_at, excluded.shown_at),
  completed_at = GREATEST(flow_states.completed_at, excluded.completed_at),
  dismissed_at = GREATEST(flow_states.dismissed_at, excluded.dismissed_at),
  held_out_at = LEAST(flow_states.held_out_at, excluded.held_out_at),
  step = CASE WHEN excluded.step_at IS NOT NULL AND (flow_states.step_at IS NULL OR excluded.step_at > flow_states.step_at
      OR (excluded.step_at = flow_states.step_at AND excluded.step > flow_states.step))
    THEN excluded.step ELSE flow_states.step END,
  step_at = GREATEST(flow_states.step_at, excluded.step_at)`

export const UPSERT_FLOW_STEPS = `
INSERT INTO flow_steps (project_id, anonymous_id, user_id, flow_id, step_id, reached_at)
SELECT $1, r.a, r.u, r.f, r.s, ${at('r."at"')}
FROM jsonb_to_recordset($2::jsonb) AS r(a text, u text, f text, s text, "at" float8)
ORDER BY r.a, r.u, r.f, r.s
ON CONFLICT (project_id, anonymous_id, user_id, flow_id, step_id) DO UPDATE SET reached_at = excluded.reached_at
WHERE excluded.reached_at < flow_steps.reached_at`

export const UPSERT_ANSWERS = `
INSERT INTO survey_responses (project_id, flow_id, submission_id, question_id, anonymous_id, user_id, event_id,
  answer, other, final, answered_at, question_type, scale)
SELECT $1, r.f, r.sub, r.q, r.a, r.u, r.id::uuid, r.answer, r.other, r.final, ${at('r."at"')}, r.qt, r.scale
FROM jsonb_to_recordset($2::jsonb) AS r(f text, sub text, q text, a text, u text, id text, answer jsonb,
  other text, final boolean, "at" float8, qt text, scale integer)
ORDER BY r.f, r.sub, r.q
ON CONFLICT (project_id, flow_id, submission_id, question_id) DO UPDATE SET
  anonymous_id = excluded.anonymous_id, user_id = excluded.user_id, event_id = excluded.event_id,
  answer = excluded.answer, other = excluded.other, final = excluded.final, answered_at = excluded.answered_at,
  question_type = excluded.question_type, scale = excluded.scale
WHERE (excluded.answered_at, excluded.event_id) > (survey_responses.answered_at, survey_responses.event_id)`

export const UPSERT_MILESTONES = `
INSERT INTO milestones (project_id, anonymous_id, user_id, name, reached_at)
SELECT $1, r.a, r.u, r.n, ${at('r."at"')}
FROM jsonb_to_recordset($2::jsonb) AS r(a text, u text, n text, "at" float8)
ORDER BY r.a, r.u, r.n
ON CONFLICT (project_id, anonymous_id, user_id, name) DO UPDATE SET reached_at = excluded.reached_at
WHERE excluded.reached_at < milestones.reached_at`

export const UPSERT_COUNTS = `
INSERT INTO event_counts (project_id, anonymous_id, user_id, name, count, last_at)
SELECT $1, r.a, r.u, r.n, r.c, ${at('r."last"')}
FROM jsonb_to_recordset($2::jsonb) AS r(a text, u text, n text, c integer, "last" float8)
ORDER BY r.a, r.u, r.n
ON CONFLICT (project_id, anonymous_id, user_id, name) DO UPDATE SET
  count = event_counts.count + excluded.count,
  last_at = GREATEST(event_counts.last_at, excluded.last_at)`

/**
 * Serializes, per anonymous id, the writes that decide whose milestone an anonymous one is: an
 * identify that links the id and an anonymous milestone on it. Without it, two transactions (two
 * collectors, or two writers of one) each miss the other's uncommitted row, and the milestone stays
 * with the anonymous person after the link (test/collector/two-collectors.test.ts). Locks are taken
 * in sorted order, so they can't deadlock each other; they are released at commit.
 */
export const LOCK_ANONYMOUS_IDS = `
SELECT count(*)::int AS n FROM (
  SELECT pg_advisory_xact_lock(hashtextextended($1 || '/' || a, 0))
  FROM (SELECT DISTINCT a FROM jsonb_array_elements_text($2::jsonb) AS a ORDER BY a) AS sorted
) AS locked`
