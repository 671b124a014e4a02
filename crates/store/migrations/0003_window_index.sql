-- sitrep store, schema version 3: the fusion window reads its candidates from the index alone.
-- Ingest looks up every stored report of the same country within a day of each new report and
-- tests the fusion predicate on its compact key (`fkey`). With `fkey` only in the table, each
-- candidate cost a random read of a wide row (the report JSON sits beside it); over a store of
-- 600k reports, ingest spent its time in those page reads. Covering the window (day, country)
-- with id, event id and fusion key makes it one contiguous index range.
DROP INDEX IF EXISTS reports_day;
CREATE INDEX IF NOT EXISTS reports_window ON reports (day, country, id, event_id, fkey) WHERE day IS NOT NULL;
