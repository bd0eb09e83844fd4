-- No query filters on the whole `data` document (results read `data->>'…'`, whose estimates never
-- come from column statistics), yet ANALYZE spends most of its time on events sampling it: on
-- PGlite, where ANALYZE holds the only connection, that time is a pause in ingest
-- (docs/storage.md, "PGlite upkeep"). Statistics target 0: ANALYZE leaves the column out.
ALTER TABLE events ALTER COLUMN data SET STATISTICS 0;
