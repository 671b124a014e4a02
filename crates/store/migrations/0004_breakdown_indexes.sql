-- sitrep store, schema version 4: breakdowns by admin1 and by actor within a country read a
-- covering index instead of every event row. Over 1,000,000 generated events, the admin1
-- breakdown of one country (about 300k events) took 5.9 s as a table scan and 0.1-0.25 s
-- with the index (bench/RESULTS.md). Indexes only: a store of schema 2 or 3 still reads as is.
CREATE INDEX IF NOT EXISTS events_country_admin1 ON events (country, admin1_name, fatalities);
CREATE INDEX IF NOT EXISTS events_country_actor1 ON events (country, actor1_name, fatalities);
