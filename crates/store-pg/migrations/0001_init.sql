-- sitrep PostgreSQL schema, version 1.
-- Applied by sitrep-store-pg in one transaction under an advisory lock, so that
-- N workers starting at once migrate exactly once.

-- Articles as read. `text_hash` is the hash of the whitespace-normalised text:
-- the same text under another id is "unchanged", the same id or URL with another
-- hash is a correction that replaces the earlier version.
CREATE TABLE articles (
    id          text PRIMARY KEY,
    input       text NOT NULL,
    url         text,
    title       text,
    published   text,
    dateline    text,
    publisher   text,
    summary     jsonb NOT NULL DEFAULT '[]'::jsonb,
    body        text NOT NULL,
    text_hash   text NOT NULL,
    ingested_at timestamptz NOT NULL DEFAULT now(),
    tsv         tsvector GENERATED ALWAYS AS
                (to_tsvector('simple', coalesce(title, '') || ' ' || body)) STORED
);
CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
CREATE INDEX articles_hash ON articles (text_hash);
CREATE INDEX articles_tsv ON articles USING gin (tsv);

-- One row per event report (an event as `sitrep extract` gives it, one source).
-- `event_id` is the fused event it belongs to (the smallest report id of its
-- connected component). `day`/`day_end`: day numbers (days from 0001-01-01) of
-- the report's date and last day; `country`: ISO2 upper case, '' when unknown
-- (the fusion window of sitrep_store::plan).
CREATE TABLE reports (
    id         text COLLATE "C" PRIMARY KEY,
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    event_id   text COLLATE "C" NOT NULL,
    day        integer,
    day_end    integer,
    country    text NOT NULL DEFAULT '',
    report     jsonb NOT NULL
);
CREATE INDEX reports_article ON reports (article_id);
CREATE INDEX reports_event ON reports (event_id);
CREATE INDEX reports_day ON reports (day, country) WHERE day IS NOT NULL;
-- Multi-day reports, found from their end by windows after their first day.
CREATE INDEX reports_span ON reports (day) WHERE day_end > day;

-- Fused events, with the filter columns of EventQuery (admin1_lc, actor1_lc,
-- actor2_lc: lower-cased for the case-insensitive filters). Ids and keys use
-- the "C" collation: byte order, as the SQLite backend and sitrep_fuse order them.
CREATE TABLE events (
    id              text COLLATE "C" PRIMARY KEY,
    event_date      date,
    country_code    text,
    admin1          text COLLATE "C",
    admin1_lc       text,
    event_type      text COLLATE "C",
    actor1          text COLLATE "C",
    actor1_lc       text,
    actor2_lc       text,
    lat             double precision,
    lon             double precision,
    fatalities_best integer,
    n_reports       integer NOT NULL,
    event           jsonb NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_page ON events (event_date DESC NULLS LAST, id);
CREATE INDEX events_country_page ON events (country_code, event_date DESC NULLS LAST, id);
CREATE INDEX events_admin1 ON events (admin1_lc, event_date DESC NULLS LAST);
CREATE INDEX events_type ON events (event_type, event_date DESC NULLS LAST);
CREATE INDEX events_lonlat ON events (lon, lat) WHERE lon IS NOT NULL;

-- The shared work queue of `sitrep queue add` / `sitrep worker`.
CREATE TABLE work_items (
    id          bigserial PRIMARY KEY,
    path        text NOT NULL UNIQUE,
    state       text NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'leased', 'done', 'failed')),
    attempts    integer NOT NULL DEFAULT 0,
    lease_token bigint,
    leased_by   text,
    lease_until timestamptz,
    added_at    timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    articles    integer,
    rejected    integer,
    error       text
);
CREATE INDEX work_items_open ON work_items (id) WHERE state IN ('pending', 'leased');
