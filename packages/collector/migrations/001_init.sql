-- Cairn collector schema, version 1. Runs unchanged on PGlite and PostgreSQL (see docs/storage.md).
-- Every table starts with project_id: the distribution column if the tables ever move to Citus.

-- The source of truth: every accepted event, once.
CREATE TABLE events (
  project_id   text        NOT NULL,
  event_id     uuid        NOT NULL,
  -- The time inside the UUIDv7. A retried event carries the same id, so this is deterministic and can
  -- become the monthly partition key without breaking dedupe (docs/storage.md).
  id_time      timestamptz NOT NULL,
  type         text        NOT NULL,
  name         text,
  flow_id      text,
  anonymous_id text        NOT NULL,
  user_id      text,
  session_id   text,
  -- Server time: received_at - (sentAt - client ts), clamped to received_at.
  ts           timestamptz NOT NULL,
  client_ts    bigint      NOT NULL,
  received_at  timestamptz NOT NULL,
  data         jsonb       NOT NULL,
  PRIMARY KEY (project_id, event_id)
);
CREATE INDEX events_by_time ON events (project_id, ts);
CREATE INDEX events_by_anonymous_id ON events (project_id, anonymous_id);

-- The projections below are keyed by actor = (anonymous_id, user_id), user_id '' for anonymous events.
-- A user's state is read across the actors attributed to them (docs/storage.md, "Who is who").

-- anonymous_id -> user_id links made by identify events (verified ones when identity verification is on).
CREATE TABLE identities (
  project_id   text        NOT NULL,
  anonymous_id text        NOT NULL,
  user_id      text        NOT NULL,
  linked_at    timestamptz NOT NULL,
  PRIMARY KEY (project_id, anonymous_id, user_id)
);
CREATE INDEX identities_by_user ON identities (project_id, user_id);

CREATE TABLE actors (
  project_id   text        NOT NULL,
  anonymous_id text        NOT NULL,
  user_id      text        NOT NULL,
  first_seen   timestamptz NOT NULL,
  last_seen    timestamptz NOT NULL,
  PRIMARY KEY (project_id, anonymous_id, user_id)
);
CREATE INDEX actors_by_user ON actors (project_id, user_id) WHERE user_id <> '';

-- Identified users: seen times of events that carried the user id, and traits from identify events.
-- Traits merge key by key, the newest value winning; trait_times holds each key's time (epoch ms) so
-- identifies that arrive out of order still merge right.
CREATE TABLE users (
  project_id   text        NOT NULL,
  user_id      text        NOT NULL,
  first_seen   timestamptz NOT NULL,
  last_seen    timestamptz NOT NULL,
  traits       jsonb       NOT NULL DEFAULT '{}',
  trait_times  jsonb       NOT NULL DEFAULT '{}',
  PRIMARY KEY (project_id, user_id)
);

CREATE TABLE flow_states (
  project_id   text        NOT NULL,
  anonymous_id text        NOT NULL,
  user_id      text        NOT NULL,
  flow_id      text        NOT NULL,
  shown_count  integer     NOT NULL DEFAULT 0,
  shown_at     timestamptz,
  completed_at timestamptz,
  dismissed_at timestamptz,
  held_out_at  timestamptz,
  step         integer,
  step_at      timestamptz,
  PRIMARY KEY (project_id, anonymous_id, user_id, flow_id)
);

-- First time each step / checklist item (flow_step with a stepId) was reached.
CREATE TABLE flow_steps (
  project_id   text        NOT NULL,
  anonymous_id text        NOT NULL,
  user_id      text        NOT NULL,
  flow_id      text        NOT NULL,
  step_id      text        NOT NULL,
  reached_at   timestamptz NOT NULL,
  PRIMARY KEY (project_id, anonymous_id, user_id, flow_id, step_id)
);

-- One row per answered question of a submission; a re-answer replaces it when newer.
CREATE TABLE survey_responses (
  project_id    text        NOT NULL,
  flow_id       text        NOT NULL,
  submission_id text        NOT NULL,
  question_id   text        NOT NULL,
  anonymous_id  text        NOT NULL,
  user_id       text        NOT NULL,
  event_id      uuid        NOT NULL,
  answer        jsonb,
  other         text,
  final         boolean     NOT NULL DEFAULT false,
  answered_at   timestamptz NOT NULL,
  PRIMARY KEY (project_id, flow_id, submission_id, question_id)
);
CREATE INDEX survey_responses_by_actor ON survey_responses (project_id, anonymous_id, user_id);

-- First time an actor reached a milestone; "once per user" is the earliest across the user's actors.
CREATE TABLE milestones (
  project_id   text        NOT NULL,
  anonymous_id text        NOT NULL,
  user_id      text        NOT NULL,
  name         text        NOT NULL,
  reached_at   timestamptz NOT NULL,
  PRIMARY KEY (project_id, anonymous_id, user_id, name)
);

-- Tracked events counted by name, for audience rules evaluated on another device.
CREATE TABLE event_counts (
  project_id   text        NOT NULL,
  anonymous_id text        NOT NULL,
  user_id      text        NOT NULL,
  name         text        NOT NULL,
  count        integer     NOT NULL,
  last_at      timestamptz NOT NULL,
  PRIMARY KEY (project_id, anonymous_id, user_id, name)
);

-- Who an actor is: the user id it carried, else the first user its anonymous id was linked to, else
-- the anonymous id itself. Results count people through this view.
CREATE VIEW actor_people AS
SELECT a.project_id, a.anonymous_id, a.user_id,
  COALESCE(
    NULLIF(a.user_id, ''),
    (SELECT i.user_id FROM identities i
      WHERE i.project_id = a.project_id AND i.anonymous_id = a.anonymous_id
      ORDER BY i.linked_at, i.user_id LIMIT 1),
    'anon:' || a.anonymous_id
  ) AS person
FROM actors a;
