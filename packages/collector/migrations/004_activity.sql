-- Retention reads who was active when (docs/retention.md). Scanning every event for that is too slow
-- at millions of events, so `activity` keeps, per actor, UTC day and event name, the first and last
-- time of a track or identify event (identify as name ''). It is derived from `events` by a
-- statement trigger, so every write path keeps it right, and its merge rules (earliest, latest) give
-- the same rows whatever the order events arrive in; retried events never reach it, since only rows
-- the insert really added are in the transition table (docs/storage.md, "Rollups").
--
-- Why first and last are enough for any time zone: a period boundary (a local Monday 00:00, a 1st)
-- falls at most once in a UTC day, so a day's events lie in the period of its first or of its last one.
CREATE TABLE activity (
  project_id   text        NOT NULL,
  anonymous_id text        NOT NULL,
  user_id      text        NOT NULL,
  day          date        NOT NULL,
  name         text        NOT NULL,
  first_at     timestamptz NOT NULL,
  last_at      timestamptz NOT NULL,
  -- The `locale` of the row's latest event that carried one: what the locale filter reads.
  locale       text,
  PRIMARY KEY (project_id, anonymous_id, user_id, day, name)
);

CREATE FUNCTION cairn_activity_from_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO activity AS a (project_id, anonymous_id, user_id, day, name, first_at, last_at, locale)
  SELECT project_id, anonymous_id, COALESCE(user_id, ''), (ts AT TIME ZONE 'UTC')::date,
    CASE WHEN type = 'identify' THEN '' ELSE name END, min(ts), max(ts),
    (array_agg(data->>'locale' ORDER BY ts DESC) FILTER (WHERE data->>'locale' IS NOT NULL))[1]
  FROM fresh WHERE type IN ('track', 'identify')
  GROUP BY 1, 2, 3, 4, 5
  -- Key order, so concurrent ingests lock shared rows in the same order (as the projections do).
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (project_id, anonymous_id, user_id, day, name) DO UPDATE SET
    first_at = LEAST(a.first_at, excluded.first_at),
    last_at = GREATEST(a.last_at, excluded.last_at),
    locale = CASE WHEN excluded.last_at >= a.last_at THEN COALESCE(excluded.locale, a.locale) ELSE COALESCE(a.locale, excluded.locale) END
  WHERE excluded.first_at < a.first_at OR excluded.last_at > a.last_at OR (a.locale IS NULL AND excluded.locale IS NOT NULL);
  RETURN NULL;
END $$;
CREATE TRIGGER events_to_activity AFTER INSERT ON events
  REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT EXECUTE FUNCTION cairn_activity_from_events();

INSERT INTO activity (project_id, anonymous_id, user_id, day, name, first_at, last_at, locale)
SELECT project_id, anonymous_id, COALESCE(user_id, ''), (ts AT TIME ZONE 'UTC')::date,
  CASE WHEN type = 'identify' THEN '' ELSE name END, min(ts), max(ts),
  (array_agg(data->>'locale' ORDER BY ts DESC) FILTER (WHERE data->>'locale' IS NOT NULL))[1]
FROM events WHERE type IN ('track', 'identify')
GROUP BY 1, 2, 3, 4, 5;
