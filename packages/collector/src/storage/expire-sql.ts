/**
 * Deletes at most $3 events of project $1 with a server time before $2 (epoch ms), oldest first;
 * answers how many. SKIP LOCKED: two collectors expiring one database at once take different
 * rows instead of waiting on each other. No projection or rollup reads deletions (their triggers are
 * AFTER INSERT), so what they hold stays (docs/storage.md, "Expiry").
 */
export const EXPIRE_EVENTS = `
WITH gone AS (
  DELETE FROM events WHERE project_id = $1 AND event_id IN (
    SELECT event_id FROM events
    WHERE project_id = $1 AND ts < to_timestamp($2 / 1000.0)
    ORDER BY ts LIMIT $3
    FOR UPDATE SKIP LOCKED
  )
  RETURNING 1
)
SELECT count(*)::int AS n FROM gone`
