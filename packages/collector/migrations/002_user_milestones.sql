-- Milestones once per person, whatever the number of tabs, devices and anonymous sessions that report
-- them (docs/milestones.md). `milestones` (001) stays the per-actor record the user state is read from;
-- this table is derived from it by triggers, so every write path (ingest, backfills, hand fixes) keeps
-- it right, and its primary key makes "once per user" a storage guarantee rather than a query habit.

-- Who an actor is, as in the actor_people view: its user id, else the first user its anonymous id was
-- linked to, else 'anon:' || anonymous id.
CREATE FUNCTION cairn_person(p text, a text, u text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT COALESCE(
    NULLIF(u, ''),
    (SELECT i.user_id FROM identities i WHERE i.project_id = p AND i.anonymous_id = a ORDER BY i.linked_at, i.user_id LIMIT 1),
    'anon:' || a)
$$;

CREATE TABLE user_milestones (
  project_id text        NOT NULL,
  person     text        NOT NULL,
  name       text        NOT NULL,
  -- The earliest time any of the person's actors reached it.
  reached_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, person, name)
);
CREATE INDEX user_milestones_by_time ON user_milestones (project_id, name, reached_at);

INSERT INTO user_milestones (project_id, person, name, reached_at)
SELECT project_id, cairn_person(project_id, anonymous_id, user_id), name, min(reached_at)
FROM milestones GROUP BY 1, 2, 3;

CREATE FUNCTION cairn_milestone_per_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO user_milestones AS m (project_id, person, name, reached_at)
  VALUES (NEW.project_id, cairn_person(NEW.project_id, NEW.anonymous_id, NEW.user_id), NEW.name, NEW.reached_at)
  ON CONFLICT (project_id, person, name) DO UPDATE SET reached_at = excluded.reached_at
  WHERE excluded.reached_at < m.reached_at;
  RETURN NULL;
END $$;
CREATE TRIGGER milestones_per_person AFTER INSERT OR UPDATE ON milestones
  FOR EACH ROW EXECUTE FUNCTION cairn_milestone_per_person();

-- An identify links an anonymous id to a user: what it reached while anonymous now belongs to that
-- id's first user, merged with what the user reached elsewhere (the earliest time wins).
CREATE FUNCTION cairn_milestones_follow_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  anon text := 'anon:' || NEW.anonymous_id;
  who text := cairn_person(NEW.project_id, NEW.anonymous_id, '');
BEGIN
  IF who = anon THEN RETURN NULL; END IF;
  INSERT INTO user_milestones AS m (project_id, person, name, reached_at)
  SELECT project_id, who, name, reached_at FROM user_milestones WHERE project_id = NEW.project_id AND person = anon
  ON CONFLICT (project_id, person, name) DO UPDATE SET reached_at = LEAST(m.reached_at, excluded.reached_at);
  DELETE FROM user_milestones WHERE project_id = NEW.project_id AND person = anon;
  RETURN NULL;
END $$;
CREATE TRIGGER identities_move_milestones AFTER INSERT ON identities
  FOR EACH ROW EXECUTE FUNCTION cairn_milestones_follow_link();

-- Results read a flow's events (first showing, holdout) by flow; flow events are a small share of all.
CREATE INDEX events_by_flow ON events (project_id, flow_id, type) WHERE flow_id IS NOT NULL;
