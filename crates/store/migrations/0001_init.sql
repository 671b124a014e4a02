-- sitrep store, schema version 1.
-- articles: each article as read, with its text (evidence display) and FTS5 over title + text.
-- reports: one row per per-article extracted event (as `sitrep extract` gives it); `fkey` is the
--   same event without sources, evidence and notes: enough for the fusion predicate, cheap to read.
-- events: the fused events, with the filter columns indexed.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('app', 'sitrep');

CREATE TABLE articles (
    rid        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    url        TEXT,
    text_hash  TEXT NOT NULL,
    title      TEXT,
    published  TEXT,
    publisher  TEXT,
    text       TEXT NOT NULL,
    json       TEXT NOT NULL
);
CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
CREATE INDEX articles_hash ON articles (text_hash);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'rid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rid, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rid, coalesce(old.title, ''), old.text);
END;

CREATE TABLE reports (
    rid          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    article_rid  INTEGER NOT NULL REFERENCES articles (rid) ON DELETE CASCADE,
    event_id     TEXT NOT NULL,
    day          INTEGER,
    span         INTEGER NOT NULL DEFAULT 0,
    country      TEXT NOT NULL DEFAULT '',
    fkey         TEXT NOT NULL,
    json         TEXT NOT NULL
);
CREATE INDEX reports_day ON reports (day, country) WHERE day IS NOT NULL;
CREATE INDEX reports_span ON reports (day) WHERE span > 0;
CREATE INDEX reports_event ON reports (event_id);
CREATE INDEX reports_article ON reports (article_rid);

CREATE TABLE events (
    rid        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    sort_date  TEXT NOT NULL,
    week       TEXT,
    month      TEXT,
    country    TEXT,
    admin1     TEXT,
    admin1_name TEXT,
    event_type TEXT,
    actor1_name TEXT,
    actor1     TEXT,
    actor2     TEXT,
    lat        REAL,
    lon        REAL,
    fatalities INTEGER,
    json       TEXT NOT NULL
);
CREATE INDEX events_date ON events (sort_date DESC, id);
CREATE INDEX events_country_date ON events (country, sort_date DESC, id);
CREATE INDEX events_type_date ON events (event_type, sort_date DESC, id);
CREATE INDEX events_week ON events (week, event_type, fatalities);
