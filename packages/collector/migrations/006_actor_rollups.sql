-- Two rollups beside `activity` (004) for what results read most, sized by actors rather than by
-- event names (docs/storage.md, "Rollups"): at 20,000 users and 2 million events `activity` holds
-- 860,000 rows, these 187,000 and 20,000.
--
-- `activity_days`: per actor and UTC day, the first and last time of qualifying activity by the
-- default rule (every track and identify but the SDK's own `sdk_error`). Retention and activation
-- read it when a project names no `activeEvents`; keyed by day first, so a range reads only its days.
CREATE TABLE activity_days (
  project_id   text        NOT NULL,
  day          date        NOT NULL,
  anonymous_id text        NOT NULL,
  user_id      text        NOT NULL,
  first_at     timestamptz NOT NULL,
  last_at      timestamptz NOT NULL,
  PRIMARY KEY (project_id, day, anonymous_id, user_id)
);

-- `actor_activity`: per actor, the first qualifying time ever by the default rule (null when the
-- actor only ever reported errors), and the locale of its latest track or identify that carried one.
CREATE TABLE actor_activity (
  project_id   text        NOT NULL,
  anonymous_id text        NOT NULL,
  user_id      text        NOT NULL,
  first_at     timestamptz,
  locale       text,
  locale_at    timestamptz,
  PRIMARY KEY (project_id, anonymous_id, user_id)
);

-- The overview's "flows that reached most people" reads every showing in a range: showings are a
-- few percent of events, and without this it reads the whole table; with it, only the index (where
-- the table is vacuumed) — hence the columns it carries.
CREATE INDEX events_shown_by_time ON events (project_id, ts) INCLUDE (flow_id, anonymous_id, user_id) WHERE type = 'flow_shown';

-- Same guarantees as 004: only rows the insert really added reach the transition table, the merges
-- (earliest, latest) give the same rows whatever the order events arrive in, and rows are written in
-- key order so concurrent ingests lock them in the same order.
CREATE FUNCTION cairn_actor_rollups_from_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO activity_days AS a (project_id, day, anonymous_id, user_id, first_at, last_at)
  SELECT project_id, (ts AT TIME ZONE 'UTC')::date, anonymous_id, COALESCE(user_id, ''), min(ts), max(ts)
  FROM fresh WHERE type = 'identify' OR (type = 'track' AND name <> 'sdk_error')
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (project_id, day, anonymous_id, user_id) DO UPDATE SET
    first_at = LEAST(a.first_at, excluded.first_at),
    last_at = GREATEST(a.last_at, excluded.last_at)
  WHERE excluded.first_at < a.first_at OR excluded.last_at > a.last_at;

  INSERT INTO actor_activity AS a (project_id, anonymous_id, user_id, first_at, locale, locale_at)
  SELECT project_id, anonymous_id, COALESCE(user_id, ''),
    min(ts) FILTER (WHERE type = 'identify' OR name <> 'sdk_error'),
    (array_agg(data->>'locale' ORDER BY ts DESC) FILTER (WHERE data->>'locale' IS NOT NULL))[1],
    max(ts) FILTER (WHERE data->>'locale' IS NOT NULL)
  FROM fresh WHERE type IN ('track', 'identify')
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (project_id, anonymous_id, user_id) DO UPDATE SET
    -- LEAST ignores a NULL, so an actor's first error-only batch never hides a later real first time.
    first_at = LEAST(a.first_at, excluded.first_at),
    locale = CASE WHEN excluded.locale_at > COALESCE(a.locale_at, '-infinity') THEN excluded.locale ELSE a.locale END,
    locale_at = GREATEST(a.locale_at, excluded.locale_at)
  WHERE excluded.first_at < COALESCE(a.first_at, 'infinity') OR excluded.locale_at > COALESCE(a.locale_at, '-infinity');
  RETURN NULL;
END $$;
CREATE TRIGGER events_to_actor_rollups AFTER INSERT ON events
  REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT EXECUTE FUNCTION cairn_actor_rollups_from_events();

-- From `activity`, which already holds every qualifying day; a row's `last_at` stands for the time of
-- its locale, as the locale filter read it before this table.
INSERT INTO activity_days (project_id, day, anonymous_id, user_id, first_at, last_at)
SELECT project_id, day, anonymous_id, user_id, min(first_at), max(last_at)
FROM activity WHERE name <> 'sdk_error'
GROUP BY 1, 2, 3, 4;

INSERT INTO actor_activity (project_id, anonymous_id, user_id, first_at, locale, locale_at)
SELECT project_id, anonymous_id, user_id,
  min(first_at) FILTER (WHERE name <> 'sdk_error'),
  (array_agg(locale ORDER BY last_at DESC) FILTER (WHERE locale IS NOT NULL))[1],
  max(last_at) FILTER (WHERE locale IS NOT NULL)
FROM activity
GROUP BY 1, 2, 3;
