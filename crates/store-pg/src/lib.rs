//! sitrep-store-pg: the PostgreSQL backend of the [`Store`] interface, and the
//! shared work queue that lets many `sitrep worker` processes on many machines
//! ingest into one database.
//!
//! * [`PgStore::open`] parses a `postgres://` URL, connects (a small pool of
//!   blocking connections), and applies the versioned migrations of
//!   `migrations/` once, under an advisory lock, refusing a database whose
//!   schema is newer than this build ([`StoreError::NewerSchema`]).
//! * TLS ([`tls`]): libpq's `sslmode=disable|prefer|require|verify-ca|
//!   verify-full`, `sslrootcert`, `sslcert` and `sslkey` URL options, on rustls.
//! * Ingest is idempotent and each article is one transaction. Fusion uses
//!   the same pure functions as the SQLite backend (`sitrep_fuse`), and stays
//!   correct with concurrent writers: a transaction takes advisory locks keyed
//!   on (country, 8-day date bucket) for the candidate window of each new report
//!   and for every member of each component it rewrites, then re-reads under
//!   those locks (see [`ingest`]). Deadlocks between such lock sets are
//!   detected by PostgreSQL and the article is retried.
//! * The queue ([`queue`]): inputs registered once, claimed with
//!   `FOR UPDATE SKIP LOCKED`, leases that expire so that a dead worker's
//!   input is retried, a fencing token so that a late worker cannot complete an
//!   input that was handed to another.

pub mod conn;
pub mod ingest;
pub mod query;
pub mod queue;
pub mod tls;

use conn::{map_err, parse_url, redact, Pool, PooledConn};
use sitrep_model::{Article, Event};
use sitrep_store::{
    ArticleReports, EventPage, EventQuery, IngestReport, StatsGroup, StatsRow, Store, StoreCounts,
    StoreError,
};

pub use queue::{Claim, QueueStatus};

/// The PostgreSQL client crate this backend uses (for tools and tests that
/// need a raw connection, e.g. to create a schema or a role).
pub use postgres;

/// The migrations, in order: (version, name, SQL).
const MIGRATIONS: &[(i32, &str, &str)] =
    &[(1, "init", include_str!("../migrations/0001_init.sql"))];

/// The highest schema version this build knows.
pub const SCHEMA_VERSION: i64 = 1;

/// Advisory lock key that serialises migrations.
const MIGRATION_LOCK: i64 = 0x5173_7265_7000_0001;

/// Options of [`PgStore::open_with`].
#[derive(Debug, Clone)]
pub struct PgOptions {
    /// Most connections the pool opens (default 4).
    pub pool_size: usize,
    /// Apply pending migrations (default true). When false, a database without
    /// the current schema is refused.
    pub migrate: bool,
}

impl Default for PgOptions {
    fn default() -> Self {
        PgOptions {
            pool_size: 4,
            migrate: true,
        }
    }
}

/// The PostgreSQL store.
pub struct PgStore {
    pool: Pool,
}

/// Whether `url` names a PostgreSQL store.
pub fn is_pg_url(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

impl PgStore {
    /// Opens (and migrates) the store at `url` with default options.
    pub fn open(url: &str) -> Result<Self, StoreError> {
        Self::open_with(url, &PgOptions::default())
    }

    /// Opens the store at `url`.
    pub fn open_with(url: &str, opts: &PgOptions) -> Result<Self, StoreError> {
        let (cfg, tls) = parse_url(url)?;
        let tls = tls.connector().map_err(|e| StoreError::Open {
            db: redact(url),
            reason: format!("TLS options: {e}"),
        })?;
        let pool = Pool::new(cfg, tls, redact(url), opts.pool_size);
        let store = PgStore { pool };
        {
            let mut c = store.pool.get()?;
            store.check_schema(&mut c, opts.migrate)?;
        }
        Ok(store)
    }

    /// The redacted URL (for messages).
    pub fn db(&self) -> &str {
        self.pool.db()
    }

    pub(crate) fn conn(&self) -> Result<PooledConn<'_>, StoreError> {
        self.pool.get()
    }

    pub(crate) fn err(&self, e: postgres::Error) -> StoreError {
        map_err(self.db(), &e)
    }

    /// How a connection of this store is secured, as the server sees it:
    /// `Some("TLSv1.3 TLS_AES_256_GCM_SHA384")` over TLS, `None` in plain text.
    pub fn connection_security(&self) -> Result<Option<String>, StoreError> {
        let mut c = self.conn()?;
        let row = c
            .query_opt(
                "SELECT version || ' ' || cipher FROM pg_stat_ssl
                 WHERE pid = pg_backend_pid() AND ssl",
                &[],
            )
            .map_err(|e| self.err(e))?;
        Ok(row.map(|r| r.get(0)))
    }

    /// The schema version recorded in the database (0 when none).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        let mut c = self.conn()?;
        read_version(&mut c).map_err(|e| self.err(e))
    }

    fn check_schema(&self, c: &mut postgres::Client, migrate: bool) -> Result<(), StoreError> {
        let db = self.db().to_string();
        // Fast path, no lock: already current (also works for read-only roles).
        let found = read_version(c).map_err(|e| map_err(&db, &e))?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                db,
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found == SCHEMA_VERSION {
            return Ok(());
        }
        if !migrate {
            return Err(StoreError::NotAStore {
                db,
                reason: format!("schema version {found}, this build needs {SCHEMA_VERSION}"),
            });
        }
        if found == 0 {
            // A database that holds tables of ours but no version table is not ours.
            let foreign: bool = c
                .query_one(
                    "SELECT to_regclass('events') IS NOT NULL OR to_regclass('reports') IS NOT NULL",
                    &[],
                )
                .map_err(|e| map_err(&db, &e))?
                .get(0);
            if foreign {
                return Err(StoreError::NotAStore {
                    db,
                    reason: "it has `events`/`reports` tables but no sitrep_schema table".into(),
                });
            }
        }
        // A session-level lock taken *before* the transaction starts: the
        // transaction's catalog view then includes the tables another process
        // created while we waited (an advisory lock taken inside a transaction
        // does not refresh PostgreSQL's catalog caches).
        c.execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])
            .map_err(|e| map_err(&db, &e))?;
        let res = apply_migrations(c, &db);
        let unlock = c.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK]);
        res?;
        unlock.map_err(|e| map_err(&db, &e))?;
        Ok(())
    }
}

/// Applies the pending migrations in one transaction (the caller holds the migration lock).
fn apply_migrations(c: &mut postgres::Client, db: &str) -> Result<(), StoreError> {
    let me = |e: postgres::Error| map_err(db, &e);
    let mut tx = c.transaction().map_err(me)?;
    let exists: bool = tx
        .query_one("SELECT to_regclass('sitrep_schema') IS NOT NULL", &[])
        .map_err(me)?
        .get(0);
    if !exists {
        tx.batch_execute(
            "CREATE TABLE sitrep_schema (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())",
        )
        .map_err(me)?;
    }
    let found = read_version_tx(&mut tx).map_err(me)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            db: db.to_string(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for (v, name, sql) in MIGRATIONS {
        if i64::from(*v) <= found {
            continue;
        }
        tx.batch_execute(sql).map_err(me)?;
        tx.execute(
            "INSERT INTO sitrep_schema (version, name) VALUES ($1, $2)",
            &[v, name],
        )
        .map_err(me)?;
    }
    tx.commit().map_err(me)
}

fn read_version(c: &mut postgres::Client) -> Result<i64, postgres::Error> {
    let exists: bool = c
        .query_one("SELECT to_regclass('sitrep_schema') IS NOT NULL", &[])?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let v: Option<i32> = c
        .query_one("SELECT max(version) FROM sitrep_schema", &[])?
        .get(0);
    Ok(i64::from(v.unwrap_or(0)))
}

fn read_version_tx(c: &mut postgres::Transaction<'_>) -> Result<i64, postgres::Error> {
    let v: Option<i32> = c
        .query_one("SELECT max(version) FROM sitrep_schema", &[])?
        .get(0);
    Ok(i64::from(v.unwrap_or(0)))
}

impl Store for PgStore {
    fn ingest(&self, batch: &[ArticleReports]) -> Result<IngestReport, StoreError> {
        ingest::ingest(self, batch)
    }

    fn events(&self, q: &EventQuery) -> Result<EventPage, StoreError> {
        query::events(self, q)
    }

    fn event(&self, id: &str) -> Result<Option<Event>, StoreError> {
        if id.contains('\0') {
            return Ok(None);
        }
        let mut c = self.conn()?;
        let mut row = c
            .query_opt("SELECT event FROM events WHERE id = $1", &[&id])
            .map_err(|e| self.err(e))?;
        if row.is_none() {
            // An id that was a report's (or an event's before it merged):
            // answer with the event that report belongs to now.
            row = c
                .query_opt(
                    "SELECT e.event FROM reports r JOIN events e ON e.id = r.event_id
                     WHERE r.id = $1",
                    &[&id],
                )
                .map_err(|e| self.err(e))?;
        }
        row.map(|r| query::decode_event(self.db(), &r, 0))
            .transpose()
    }

    fn article(&self, id: &str) -> Result<Option<Article>, StoreError> {
        if id.contains('\0') {
            return Ok(None);
        }
        let mut c = self.conn()?;
        let row = c
            .query_opt(
                "SELECT id, input, title, published, dateline, url, publisher, summary, body
                 FROM articles WHERE id = $1",
                &[&id],
            )
            .map_err(|e| self.err(e))?;
        let Some(r) = row else { return Ok(None) };
        let summary: serde_json::Value = r.get(7);
        let summary: Vec<String> = serde_json::from_value(summary).unwrap_or_default();
        Ok(Some(Article {
            id: r.get(0),
            input: r.get(1),
            title: r.get(2),
            published: r.get(3),
            dateline: r.get(4),
            url: r.get(5),
            publisher: r.get(6),
            summary,
            text: r.get(8),
        }))
    }

    fn stats(&self, q: &EventQuery, group: StatsGroup) -> Result<Vec<StatsRow>, StoreError> {
        query::stats(self, q, group)
    }

    fn counts(&self) -> Result<StoreCounts, StoreError> {
        let mut c = self.conn()?;
        let r = c
            .query_one(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM reports),
                        (SELECT count(*) FROM events)",
                &[],
            )
            .map_err(|e| self.err(e))?;
        let n = |i: usize| r.get::<_, i64>(i).max(0) as u64;
        Ok(StoreCounts {
            articles: n(0),
            reports: n(1),
            events: n(2),
        })
    }
}
