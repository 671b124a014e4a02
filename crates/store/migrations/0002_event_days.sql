-- sitrep store, schema version 2: a daily rollup of the fused events by country and type,
-- kept by triggers, so that the dashboard's time lines (stats by day/week/month, filtered by
-- date range, country and type) read a few thousand rows instead of every event.
CREATE TABLE event_days (
    day        TEXT NOT NULL,
    week       TEXT NOT NULL,
    month      TEXT NOT NULL,
    country    TEXT NOT NULL,
    event_type TEXT NOT NULL,
    events     INTEGER NOT NULL,
    fatalities INTEGER NOT NULL,
    PRIMARY KEY (day, country, event_type)
) WITHOUT ROWID;
CREATE INDEX event_days_week ON event_days (week, event_type, events, fatalities);
CREATE INDEX event_days_country ON event_days (country, week, event_type, events, fatalities);

CREATE TRIGGER events_days_ai AFTER INSERT ON events WHEN new.sort_date <> '' BEGIN
    INSERT INTO event_days (day, week, month, country, event_type, events, fatalities)
    VALUES (new.sort_date, new.week, new.month, coalesce(new.country, ''),
            coalesce(new.event_type, ''), 1, coalesce(new.fatalities, 0))
    ON CONFLICT (day, country, event_type) DO UPDATE
        SET events = events + 1, fatalities = fatalities + excluded.fatalities;
END;
CREATE TRIGGER events_days_ad AFTER DELETE ON events WHEN old.sort_date <> '' BEGIN
    UPDATE event_days SET events = events - 1, fatalities = fatalities - coalesce(old.fatalities, 0)
    WHERE day = old.sort_date AND country = coalesce(old.country, '')
      AND event_type = coalesce(old.event_type, '');
    DELETE FROM event_days
    WHERE day = old.sort_date AND country = coalesce(old.country, '')
      AND event_type = coalesce(old.event_type, '') AND events <= 0;
END;

INSERT INTO event_days (day, week, month, country, event_type, events, fatalities)
SELECT sort_date, week, month, coalesce(country, ''), coalesce(event_type, ''), count(*),
       coalesce(sum(fatalities), 0)
FROM events WHERE sort_date <> ''
GROUP BY sort_date, coalesce(country, ''), coalesce(event_type, '');
