//! The embedded SQLite backend (the default store, `./sitrep.db`).
//!
//! * WAL mode, so `serve` reads while `ingest` writes; `busy_timeout` so two
//!   writers wait for each other instead of failing.
//! * One write transaction per [`Store::ingest`] batch: each article (and its
//!   fused events) is committed whole or not at all, so a `kill -9` leaves only
//!   whole articles and a rerun adds exactly what is missing.
//! * Versioned migrations (`migrations/*.sql`, embedded) tracked in
//!   `PRAGMA user_version`; a store of a newer schema is refused with
//!   [`StoreError::NewerSchema`], a foreign or corrupt file with
//!   [`StoreError::NotAStore`].
//! * All SQL parameters are bound, never spliced.

use crate::plan::{self, ReportLookup, StoredReport};
use crate::{
    country_key, day_number, decode_cursor, decode_fusion_key, encode_cursor, encode_fusion_key,
    end_day_number, report_rows, text_hash, week_key, ArticleReports, EventJsonPage, EventPage,
    EventQuery, IngestReport, StatsGroup, StatsRow, Store, StoreCounts, StoreError,
};
use rusqlite::types::Value;
use rusqlite::{params, Connection, ErrorCode, OptionalExtension, TransactionBehavior};
use sitrep_model::{Article, Event};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// The migrations, in order; migration `i` (0-based) brings the store to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_init.sql"),
    include_str!("../migrations/0002_event_days.sql"),
    include_str!("../migrations/0003_window_index.sql"),
    include_str!("../migrations/0004_breakdown_indexes.sql"),
];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The oldest schema a read-only store may have: later migrations only add
/// indexes, so this build reads such a store as it is (it cannot upgrade it).
pub const MIN_READ_VERSION: i64 = 2;

/// How a connection opens the database file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Read and write (creating the file when absent).
    ReadWrite,
    /// Read only, with SQLite's usual locking (WAL needs its `-shm` file).
    ReadOnly,
    /// Read only, as `immutable=1`: no locks and no `-shm`, for a file that
    /// nobody can change (read-only media, a snapshot).
    Immutable,
}

/// What [`SqliteStore::integrity`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Integrity {
    /// Broken invariants, empty when the store is sound.
    pub problems: Vec<String>,
    /// Every article id with its report ids (sorted).
    pub reports_by_article: std::collections::BTreeMap<String, Vec<String>>,
}

/// Idle read connections kept for reuse.
const POOL_SIZE: usize = 8;

/// The SQLite store. `Send + Sync`: one write connection behind a mutex and a
/// small pool of read connections (WAL readers do not block the writer).
pub struct SqliteStore {
    path: Option<PathBuf>,
    name: String,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
    access: Access,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("db", &self.name)
            .finish()
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Maps a SQLite error to a [`StoreError`] naming the database.
fn map_err(db: &str, e: rusqlite::Error) -> StoreError {
    let reason = e.to_string();
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotAStore {
            db: db.to_string(),
            reason,
        },
        Some(
            ErrorCode::ReadOnly
            | ErrorCode::DiskFull
            | ErrorCode::CannotOpen
            | ErrorCode::PermissionDenied
            | ErrorCode::SystemIoFailure,
        ) => StoreError::Write {
            db: db.to_string(),
            reason,
        },
        _ => StoreError::Backend {
            db: db.to_string(),
            reason,
        },
    }
}

impl SqliteStore {
    /// Opens (creating when absent) the store at `path` and brings its schema
    /// up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref().to_path_buf();
        let name = path.display().to_string();
        if path.is_dir() {
            return Err(StoreError::Open {
                db: name,
                reason: "is a directory".into(),
            });
        }
        let conn = Self::connect(&path, &name, Access::ReadWrite)?;
        let store = SqliteStore {
            path: Some(path),
            name,
            writer: Mutex::new(conn),
            readers: Mutex::new(Vec::new()),
            access: Access::ReadWrite,
        };
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing store for queries, wherever it lies: writable as by
    /// [`SqliteStore::open`] when it can be, else read-only
    /// ([`SqliteStore::open_read_only`]: a read-only mount, a directory or file
    /// the process may not write). A path that does not exist is created as by
    /// `open`.
    pub fn open_for_reading(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref();
        if !path.is_file() {
            return Self::open(path);
        }
        match Self::open(path) {
            Ok(s) => Ok(s),
            Err(StoreError::Write { .. } | StoreError::Open { .. }) => Self::open_read_only(path),
            Err(e) => Err(e),
        }
    }

    /// Opens an existing store for reading only: every write fails with
    /// [`StoreError::Write`]. (A store file the process cannot write is also
    /// opened read-only by [`SqliteStore::open`], silently, by SQLite.)
    ///
    /// A store in WAL mode needs its `-shm` file to be read with locks; on
    /// read-only media where that file is absent and cannot be created, the
    /// store is opened `immutable=1` instead (no locks: nobody can write it
    /// there). Schemas from [`MIN_READ_VERSION`] up are read as they are.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref().to_path_buf();
        let name = path.display().to_string();
        if !path.is_file() {
            return Err(StoreError::Open {
                db: name,
                reason: "no such store file".into(),
            });
        }
        let locked = Self::connect(&path, &name, Access::ReadOnly)
            .and_then(|c| Self::readable(&c, &name).map(|()| c));
        let conn = match locked {
            Ok(c) => c,
            Err(StoreError::Write { .. } | StoreError::Open { .. }) => {
                return Self::open_immutable(path)
            }
            Err(e) => return Err(e),
        };
        let store = SqliteStore {
            path: Some(path),
            name,
            writer: Mutex::new(conn),
            readers: Mutex::new(Vec::new()),
            access: Access::ReadOnly,
        };
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing store read-only and `immutable=1`: no locks, no `-shm`
    /// or `-wal` file is read or created. For a file nobody changes while it is
    /// open (read-only media, a snapshot, a backup copy); changes still in a
    /// `-wal` file beside it are not seen.
    pub fn open_immutable(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref().to_path_buf();
        let name = path.display().to_string();
        if !path.is_file() {
            return Err(StoreError::Open {
                db: name,
                reason: "no such store file".into(),
            });
        }
        let conn = Self::connect(&path, &name, Access::Immutable)?;
        let store = SqliteStore {
            path: Some(path),
            name,
            writer: Mutex::new(conn),
            readers: Mutex::new(Vec::new()),
            access: Access::Immutable,
        };
        store.migrate()?;
        Ok(store)
    }

    /// Whether the store's tables can be read through `conn` (a WAL store on
    /// read-only media fails here, not at open, when its `-shm` is missing).
    fn readable(conn: &Connection, name: &str) -> Result<(), StoreError> {
        conn.query_row("SELECT count(*) FROM meta", [], |r| r.get::<_, i64>(0))
            .map(|_| ())
            .map_err(|e| map_err(name, e))
    }

    /// Caps the database file at `pages` pages (SQLite `max_page_count`; a
    /// write beyond it fails as on a full disk). For tests and for quotas.
    pub fn set_max_page_count(&self, pages: u32) -> Result<(), StoreError> {
        let conn = lock(&self.writer);
        conn.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(|e| map_err(&self.name, e))?;
        Ok(())
    }

    /// A store in memory (tests): one connection serves reads and writes.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let name = ":memory:".to_string();
        let conn = Connection::open_in_memory().map_err(|e| map_err(&name, e))?;
        let store = SqliteStore {
            path: None,
            name,
            writer: Mutex::new(conn),
            readers: Mutex::new(Vec::new()),
            access: Access::ReadWrite,
        };
        store.migrate()?;
        Ok(store)
    }

    /// Whether this store was opened read-only (every write fails).
    pub fn is_read_only(&self) -> bool {
        self.access != Access::ReadWrite
    }

    /// The path (or `:memory:`) this store was opened from.
    pub fn name(&self) -> &str {
        &self.name
    }

    fn connect(path: &Path, name: &str, access: Access) -> Result<Connection, StoreError> {
        use rusqlite::OpenFlags;
        let read_only = access != Access::ReadWrite;
        let opened = match access {
            Access::ReadWrite => Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_CREATE
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            ),
            Access::ReadOnly => Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            ),
            Access::Immutable => Connection::open_with_flags(
                immutable_uri(path),
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_URI
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            ),
        };
        let conn = opened.map_err(|e| match map_err(name, e) {
            StoreError::Write { db, reason } => StoreError::Open { db, reason },
            other => other,
        })?;
        conn.busy_timeout(Duration::from_secs(30))
            .map_err(|e| map_err(name, e))?;
        // First real read: a foreign or corrupt file fails here.
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| match map_err(name, e) {
                StoreError::Backend { db, reason } => StoreError::NotAStore { db, reason },
                other => other,
            })?;
        let objects: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| match map_err(name, e) {
                StoreError::Backend { db, reason } => StoreError::NotAStore { db, reason },
                other => other,
            })?;
        // Only an empty file or a store of a schema this build knows is switched
        // to WAL: a foreign or newer database is refused by `migrate` and must be
        // left byte for byte as it was (WAL mode rewrites the file header).
        let ours = (version == 0 && objects == 0) || (1..=SCHEMA_VERSION).contains(&version);
        // WAL lets readers work while a writer writes. On a read-only file this
        // may fail; reading still works, and writing reports StoreError::Write.
        if !read_only && ours {
            let _ = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0));
        }
        // A larger page cache and memory-mapped reads: the window scans and
        // index updates of ingest otherwise go to the OS for every page. The map
        // is address space only; SQLite caps it at its compiled maximum (2 GB).
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
             PRAGMA cache_size = -65536; PRAGMA mmap_size = 4294967296; PRAGMA temp_store = MEMORY;",
        )
        .map_err(|e| map_err(name, e))?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(conn)
    }

    /// Checks the store's invariants and lists, per article id, its report ids
    /// (sorted). Problems found: SQLite's own `integrity_check`, reports not
    /// attached to an existing event, events without reports, reports whose
    /// article is gone, a full-text index out of step with the articles (FTS5
    /// `integrity-check`; skipped on a read-only store).
    pub fn integrity(&self) -> Result<Integrity, StoreError> {
        let db = self.name.clone();
        let guard = lock(&self.writer);
        let conn: &Connection = &guard;
        {
            let me = |e| map_err(&db, e);
            let mut problems = Vec::new();
            let ok: String = conn
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .map_err(me)?;
            if ok != "ok" {
                problems.push(format!("integrity_check: {ok}"));
            }
            let checks = [
                (
                    "reports without an event",
                    "SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = r.event_id)",
                ),
                (
                    "events without reports",
                    "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.event_id = e.id)",
                ),
                (
                    "reports without an article",
                    "SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.rid = r.article_rid)",
                ),
                (
                    "daily rollup out of step with the events",
                    "SELECT (SELECT count(*) FROM (
                        SELECT sort_date, coalesce(country, ''), coalesce(event_type, ''),
                               count(*), coalesce(sum(fatalities), 0)
                        FROM events WHERE sort_date <> '' GROUP BY 1, 2, 3
                        EXCEPT SELECT day, country, event_type, events, fatalities FROM event_days))
                     + (SELECT count(*) FROM (
                        SELECT day, country, event_type, events, fatalities FROM event_days
                        EXCEPT SELECT sort_date, coalesce(country, ''), coalesce(event_type, ''),
                               count(*), coalesce(sum(fatalities), 0)
                        FROM events WHERE sort_date <> '' GROUP BY 1, 2, 3))",
                ),
            ];
            // FTS5's own check of the index against the articles it indexes.
            if let Err(e) = conn.execute(
                "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
                [],
            ) {
                if e.sqlite_error_code() != Some(ErrorCode::ReadOnly) {
                    problems.push(format!("full-text index: {e}"));
                }
            }
            for (what, sql) in checks {
                let n: i64 = conn.query_row(sql, [], |r| r.get(0)).map_err(me)?;
                if n != 0 {
                    problems.push(format!("{what}: {n}"));
                }
            }
            let mut st = conn
                .prepare(
                    "SELECT a.id, r.id FROM articles a LEFT JOIN reports r ON r.article_rid = a.rid
                     ORDER BY a.id, r.id",
                )
                .map_err(me)?;
            let rows = st
                .query_map([], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
                })
                .map_err(me)?;
            let mut reports_by_article: std::collections::BTreeMap<String, Vec<String>> =
                std::collections::BTreeMap::new();
            for row in rows {
                let (a, r) = row.map_err(me)?;
                let e = reports_by_article.entry(a).or_default();
                if let Some(r) = r {
                    e.push(r);
                }
            }
            Ok(Integrity {
                problems,
                reports_by_article,
            })
        }
    }

    fn migrate(&self) -> Result<(), StoreError> {
        let db = self.name.clone();
        let mut conn = lock(&self.writer);
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| map_err(&db, e))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                db,
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if version == SCHEMA_VERSION {
            return self.check_ours(&conn);
        }
        if self.is_read_only() && version >= MIN_READ_VERSION {
            return self.check_ours(&conn);
        }
        if self.is_read_only() {
            return Err(StoreError::Write {
                db,
                reason: format!(
                    "schema version {version} needs an upgrade to {SCHEMA_VERSION}, but the store is opened read-only"
                ),
            });
        }
        if version == 0 {
            let tables: i64 = conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
                    [],
                    |r| r.get(0),
                )
                .map_err(|e| map_err(&db, e))?;
            if tables > 0 {
                return Err(StoreError::NotAStore {
                    db,
                    reason: "a SQLite database of another application (it has tables but no sitrep schema)".into(),
                });
            }
        } else {
            self.check_ours(&conn)?;
        }
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| map_err(&db, e))?;
        // Another process may have migrated while we waited for the lock.
        let now: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| map_err(&db, e))?;
        if now > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                db,
                found: now,
                supported: SCHEMA_VERSION,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(now.max(0) as usize) {
            tx.execute_batch(sql).map_err(|e| map_err(&db, e))?;
            // PRAGMA takes no bound parameters; the value is our own integer.
            tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))
                .map_err(|e| map_err(&db, e))?;
        }
        tx.commit().map_err(|e| map_err(&db, e))?;
        Ok(())
    }

    fn check_ours(&self, conn: &Connection) -> Result<(), StoreError> {
        let app: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'app'", [], |r| r.get(0))
            .optional()
            .map_err(|e| StoreError::NotAStore {
                db: self.name.clone(),
                reason: format!("no sitrep metadata ({e})"),
            })?;
        match app.as_deref() {
            Some("sitrep") => Ok(()),
            _ => Err(StoreError::NotAStore {
                db: self.name.clone(),
                reason: "no sitrep metadata".into(),
            }),
        }
    }

    /// Rows of a stats query whose columns are key, event type, events, fatalities.
    fn stats_rows(&self, sql: &str, vals: &[Value]) -> Result<Vec<StatsRow>, StoreError> {
        let db = self.name.clone();
        self.with_reader(|conn| {
            let me = |e| map_err(&db, e);
            let mut st = conn.prepare_cached(sql).map_err(me)?;
            let rows = st
                .query_map(rusqlite::params_from_iter(vals.iter()), |r| {
                    Ok(StatsRow {
                        key: r.get(0)?,
                        event_type: r.get(1)?,
                        events: r.get::<_, i64>(2)?.max(0) as u64,
                        fatalities: r.get::<_, i64>(3)?.max(0) as u64,
                    })
                })
                .map_err(me)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(me)
        })
    }

    fn with_reader<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let Some(path) = &self.path else {
            let conn = lock(&self.writer);
            return f(&conn);
        };
        let pooled = lock(&self.readers).pop();
        let conn = match pooled {
            Some(c) => c,
            None => {
                let c = Self::connect(path, &self.name, self.access)?;
                let _ = c.execute_batch("PRAGMA query_only = 1");
                c
            }
        };
        let out = f(&conn);
        let mut pool = lock(&self.readers);
        if pool.len() < POOL_SIZE {
            pool.push(conn);
        }
        out
    }

    /// Time-line stats from the daily rollup (`event_days`), when the query
    /// filters only by date range, country and type; `None` otherwise.
    fn stats_from_days(
        &self,
        q: &EventQuery,
        group: StatsGroup,
    ) -> Result<Option<Vec<StatsRow>>, StoreError> {
        q.validate()?;
        let key = match group {
            StatsGroup::Week => "week",
            StatsGroup::Month => "month",
            StatsGroup::Day => "day",
            _ => return Ok(None),
        };
        let blank = |o: &Option<String>| o.as_deref().is_none_or(|s| s.trim().is_empty());
        if !(blank(&q.admin1) && blank(&q.actor) && blank(&q.text) && q.bbox.is_none()) {
            return Ok(None);
        }
        let mut conds: Vec<String> = vec!["1".into()];
        let mut vals: Vec<Value> = Vec::new();
        if let Some(f) = q.from {
            vals.push(Value::Text(f.format("%Y-%m-%d").to_string()));
            conds.push(format!("day >= ?{}", vals.len()));
        }
        if let Some(t) = q.to {
            vals.push(Value::Text(t.format("%Y-%m-%d").to_string()));
            conds.push(format!("day <= ?{}", vals.len()));
        }
        if let Some(c) = q
            .country
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            vals.push(Value::Text(c.to_ascii_uppercase()));
            conds.push(format!("country = ?{}", vals.len()));
        }
        if let Some(t) = q.event_type {
            vals.push(Value::Text(t.label().to_string()));
            conds.push(format!("event_type = ?{}", vals.len()));
        }
        let sql = format!(
            "SELECT {key}, nullif(event_type, ''), sum(events), sum(fatalities) FROM event_days \
             WHERE {} GROUP BY {key}, event_type ORDER BY 1, 2",
            conds.join(" AND ")
        );
        self.stats_rows(&sql, &vals).map(Some)
    }

    fn ingest_one(
        &self,
        tx: &rusqlite::Transaction<'_>,
        ar: &ArticleReports,
        report: &mut IngestReport,
    ) -> Result<(), StoreError> {
        let db = self.name.as_str();
        let me = |e| map_err(db, e);
        let a = &ar.article;
        let hash = text_hash(&a.text);

        let by_id: Option<(i64, String)> = qrow(
            tx,
            "SELECT rid, text_hash FROM articles WHERE id = ?1",
            params![a.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(me)?;
        let mut by_url: Vec<(i64, String)> = Vec::new();
        if let Some(url) = a.url.as_deref().filter(|u| !u.trim().is_empty()) {
            let mut st = tx
                .prepare_cached("SELECT rid, text_hash FROM articles WHERE url = ?1")
                .map_err(me)?;
            let rows = st
                .query_map(params![url], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(me)?;
            for row in rows {
                by_url.push(row.map_err(me)?);
            }
        }
        let same_text = |x: &(i64, String)| x.1 == hash;
        match &by_id {
            Some(x) if same_text(x) => {
                report.unchanged += 1;
                return Ok(());
            }
            None if by_url.iter().any(same_text) => {
                report.unchanged += 1;
                return Ok(());
            }
            None if by_url.is_empty() => {
                let dup: bool = qrow(
                    tx,
                    "SELECT EXISTS (SELECT 1 FROM articles WHERE text_hash = ?1)",
                    params![hash],
                    |r| r.get(0),
                )
                .map_err(me)?;
                if dup {
                    report.unchanged += 1;
                    return Ok(());
                }
            }
            _ => {}
        }

        // A corrected version replaces every earlier version (same id or URL).
        let mut replace: BTreeSet<i64> = by_url
            .iter()
            .filter(|x| !same_text(x))
            .map(|x| x.0)
            .collect();
        if let Some(x) = &by_id {
            replace.insert(x.0);
        }
        let mut orphaned: BTreeSet<String> = BTreeSet::new();
        for rid in &replace {
            let mut st = tx
                .prepare_cached(
                    "SELECT DISTINCT event_id FROM reports WHERE article_rid = ?1 AND event_id <> ''",
                )
                .map_err(me)?;
            let rows = st
                .query_map(params![rid], |r| r.get::<_, String>(0))
                .map_err(me)?;
            for row in rows {
                orphaned.insert(row.map_err(me)?);
            }
            exec(
                tx,
                "DELETE FROM reports WHERE article_rid = ?1",
                params![rid],
            )
            .map_err(me)?;
            exec(tx, "DELETE FROM articles WHERE rid = ?1", params![rid]).map_err(me)?;
        }
        if replace.is_empty() {
            report.added += 1;
        } else {
            report.replaced += 1;
        }

        // The text lives in its own column (FTS reads it there); the JSON keeps the rest.
        let meta = Article {
            text: String::new(),
            ..a.clone()
        };
        let json = serde_json::to_string(&meta).map_err(|e| StoreError::Backend {
            db: db.to_string(),
            reason: format!("cannot encode article {}: {e}", a.id),
        })?;
        exec(
            tx,
            "INSERT INTO articles (id, url, text_hash, title, published, publisher, text, json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                a.id,
                a.url.as_deref().filter(|u| !u.trim().is_empty()),
                hash,
                a.title,
                a.published,
                a.publisher,
                a.text,
                json
            ],
        )
        .map_err(me)?;
        let article_rid = tx.last_insert_rowid();

        let mut seeds = Vec::new();
        for (mut id, mut ev) in report_rows(ar) {
            let taken: bool = qrow(
                tx,
                "SELECT EXISTS (SELECT 1 FROM reports WHERE id = ?1)",
                params![id],
                |r| r.get(0),
            )
            .map_err(me)?;
            if taken {
                id = sitrep_model::stable_id(&[&a.id, &id]);
                ev.id = id.clone();
            }
            seeds.push(StoredReport {
                id,
                event_id: String::new(),
                event: ev,
            });
        }
        let new_reports: Vec<(String, Event)> = seeds
            .iter()
            .map(|s| (s.id.clone(), s.event.clone()))
            .collect();

        // Plan first (the planner holds the new reports itself), then write the
        // new reports already attached to their events.
        let mut lookup = TxLookup { tx, db };
        let plan = plan::plan(seeds, &orphaned, &mut lookup)?;
        let mut event_of: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
        for (ev, members) in &plan.new_events {
            for m in members {
                event_of.insert(m.as_str(), ev.id.as_str());
            }
        }
        for old in &plan.old_events {
            exec(tx, "DELETE FROM events WHERE id = ?1", params![old]).map_err(me)?;
        }
        for (ev, _) in &plan.new_events {
            insert_event(tx, db, ev)?;
        }
        for (id, ev) in &new_reports {
            let rjson = serde_json::to_string(ev).map_err(|e| StoreError::Backend {
                db: db.to_string(),
                reason: format!("cannot encode event {id}: {e}"),
            })?;
            let span = match (day_number(ev), end_day_number(ev)) {
                (Some(a), Some(b)) => b - a,
                _ => 0,
            };
            exec(
                tx,
                "INSERT INTO reports (id, article_rid, event_id, day, span, country, fkey, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    id,
                    article_rid,
                    event_of.get(id.as_str()).copied().unwrap_or(id.as_str()),
                    day_number(ev),
                    span,
                    country_key(ev),
                    encode_fusion_key(ev),
                    rjson
                ],
            )
            .map_err(me)?;
        }
        let new_ids: BTreeSet<&str> = new_reports.iter().map(|(id, _)| id.as_str()).collect();
        for (ev, members) in &plan.new_events {
            for m in members.iter().filter(|m| !new_ids.contains(m.as_str())) {
                exec(
                    tx,
                    "UPDATE reports SET event_id = ?1 WHERE id = ?2 AND event_id <> ?1",
                    params![ev.id, m],
                )
                .map_err(me)?;
            }
        }
        report.events_touched += plan.new_events.len();
        Ok(())
    }
}

/// A SQLite URI that opens `path` read-only and `immutable=1`; the path is
/// percent-encoded (a `?` or `#` in a file name is not a URI delimiter).
fn immutable_uri(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for b in abs.as_os_str().as_encoded_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(char::from(*b));
            }
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    uri
}

/// `execute` through the statement cache (ingest runs the same few statements
/// for every article).
fn exec(c: &Connection, sql: &str, p: impl rusqlite::Params) -> rusqlite::Result<usize> {
    c.prepare_cached(sql)?.execute(p)
}

/// `query_row` through the statement cache.
fn qrow<T>(
    c: &Connection,
    sql: &str,
    p: impl rusqlite::Params,
    f: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    c.prepare_cached(sql)?.query_row(p, f)
}

fn insert_event(tx: &Connection, db: &str, ev: &Event) -> Result<(), StoreError> {
    let json = serde_json::to_string(ev).map_err(|e| StoreError::Backend {
        db: db.to_string(),
        reason: format!("cannot encode event {}: {e}", ev.id),
    })?;
    let loc = ev.location.as_ref();
    let sort_date = ev
        .event_date
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    exec(
        tx,
        "INSERT INTO events (id, sort_date, week, month, country, admin1, admin1_name, event_type,
                             actor1_name, actor1, actor2, lat, lon, fatalities, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            ev.id,
            sort_date,
            ev.event_date.map(week_key),
            ev.event_date.map(|d| d.format("%Y-%m").to_string()),
            loc.and_then(|l| l.country_code.as_ref())
                .map(|c| c.to_ascii_uppercase()),
            loc.and_then(|l| l.admin1.as_ref())
                .map(|s| s.to_lowercase()),
            loc.and_then(|l| l.admin1.clone()),
            ev.event_type.map(|t| t.label()),
            ev.actor1.as_ref().map(|a| a.name.clone()),
            ev.actor1.as_ref().map(|a| a.name.to_lowercase()),
            ev.actor2.as_ref().map(|a| a.name.to_lowercase()),
            loc.and_then(|l| l.lat),
            loc.and_then(|l| l.lon),
            ev.fatalities.best,
            json
        ],
    )
    .map_err(|e| map_err(db, e))?;
    Ok(())
}

struct TxLookup<'a> {
    tx: &'a Connection,
    db: &'a str,
}

/// Reads `(id, event_id, json)` rows; `light`: the third column is a compact
/// fusion key ([`encode_fusion_key`]), else a full event.
fn read_reports(
    conn: &Connection,
    db: &str,
    sql: &str,
    params: &[&dyn rusqlite::ToSql],
    light: bool,
) -> Result<Vec<StoredReport>, StoreError> {
    let mut st = conn.prepare_cached(sql).map_err(|e| map_err(db, e))?;
    let rows = st
        .query_map(params, |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .map_err(|e| map_err(db, e))?;
    let mut out = Vec::new();
    for row in rows {
        let (id, event_id, json) = row.map_err(|e| map_err(db, e))?;
        let event = if light {
            decode_fusion_key(&json)
        } else {
            serde_json::from_str::<Event>(&json)
        }
        .map_err(|e| StoreError::Backend {
            db: db.to_string(),
            reason: format!("stored report {id} is unreadable: {e}"),
        })?;
        out.push(StoredReport {
            id,
            event_id,
            event,
        });
    }
    Ok(out)
}

impl ReportLookup for TxLookup<'_> {
    fn window(
        &mut self,
        country: &str,
        day_lo: i64,
        day_hi: i64,
    ) -> Result<Vec<StoredReport>, StoreError> {
        let far = day_lo - plan::MAX_SPAN;
        if country.is_empty() {
            let mut v = read_reports(
                self.tx,
                self.db,
                "SELECT id, event_id, fkey FROM reports WHERE day BETWEEN ?1 AND ?2",
                &[&day_lo, &day_hi],
                true,
            )?;
            v.extend(read_reports(
                self.tx,
                self.db,
                "SELECT id, event_id, fkey FROM reports
                 WHERE span > 0 AND day >= ?1 AND day < ?2 AND day + span >= ?2",
                &[&far, &day_lo],
                true,
            )?);
            Ok(v)
        } else {
            let mut v = read_reports(
                self.tx,
                self.db,
                "SELECT id, event_id, fkey FROM reports
                 WHERE day BETWEEN ?1 AND ?2 AND country IN (?3, '')",
                &[&day_lo, &day_hi, &country],
                true,
            )?;
            v.extend(read_reports(
                self.tx,
                self.db,
                "SELECT id, event_id, fkey FROM reports
                 WHERE span > 0 AND day >= ?1 AND day < ?2 AND day + span >= ?2
                   AND country IN (?3, '')",
                &[&far, &day_lo, &country],
                true,
            )?);
            Ok(v)
        }
    }

    fn members(&mut self, event_id: &str) -> Result<Vec<StoredReport>, StoreError> {
        read_reports(
            self.tx,
            self.db,
            "SELECT id, event_id, json FROM reports WHERE event_id = ?1",
            &[&event_id],
            false,
        )
    }
}

/// A full-text query in FTS5 syntax that matches every word of `text` (each
/// word quoted, so no user input is read as FTS syntax).
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    if words.is_empty() {
        None
    } else {
        Some(words.join(" "))
    }
}

/// The WHERE clause (without the keyword) and its bound values for a query.
fn where_clause(q: &EventQuery) -> Result<(String, Vec<Value>), StoreError> {
    q.validate()?;
    let mut conds: Vec<String> = Vec::new();
    let mut vals: Vec<Value> = Vec::new();
    let bind = |v: Value, vals: &mut Vec<Value>| -> String {
        vals.push(v);
        format!("?{}", vals.len())
    };
    if let Some(f) = q.from {
        let p = bind(Value::Text(f.format("%Y-%m-%d").to_string()), &mut vals);
        conds.push(format!("sort_date >= {p}"));
    }
    if let Some(t) = q.to {
        let p = bind(Value::Text(t.format("%Y-%m-%d").to_string()), &mut vals);
        conds.push(format!("sort_date <= {p} AND sort_date <> ''"));
    }
    if let Some(c) = q
        .country
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let p = bind(Value::Text(c.to_ascii_uppercase()), &mut vals);
        conds.push(format!("country = {p}"));
    }
    if let Some(a) = q.admin1.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        let p = bind(Value::Text(a.to_lowercase()), &mut vals);
        conds.push(format!("admin1 = {p}"));
    }
    if let Some(t) = q.event_type {
        let p = bind(Value::Text(t.label().to_string()), &mut vals);
        conds.push(format!("event_type = {p}"));
    }
    if let Some(a) = q.actor.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        let p = bind(Value::Text(a.to_lowercase()), &mut vals);
        conds.push(format!(
            "(instr(coalesce(actor1, ''), {p}) > 0 OR instr(coalesce(actor2, ''), {p}) > 0)"
        ));
    }
    if let Some([w, s, e, n]) = q.bbox {
        let ps = bind(Value::Real(s), &mut vals);
        let pn = bind(Value::Real(n), &mut vals);
        let pw = bind(Value::Real(w), &mut vals);
        let pe = bind(Value::Real(e), &mut vals);
        let lon = if w <= e {
            format!("lon BETWEEN {pw} AND {pe}")
        } else {
            // Crosses the antimeridian.
            format!("(lon >= {pw} OR lon <= {pe})")
        };
        conds.push(format!("lat BETWEEN {ps} AND {pn} AND {lon}"));
    }
    if let Some(text) = q.text.as_deref().filter(|t| !t.trim().is_empty()) {
        let Some(fq) = fts_query(text) else {
            return Err(StoreError::BadQuery(format!(
                "text query {text:?} has no words"
            )));
        };
        let p = bind(Value::Text(fq), &mut vals);
        conds.push(format!(
            "id IN (SELECT r.event_id FROM reports r WHERE r.article_rid IN \
             (SELECT rowid FROM articles_fts WHERE articles_fts MATCH {p}))"
        ));
    }
    let clause = if conds.is_empty() {
        "1".to_string()
    } else {
        conds.join(" AND ")
    };
    Ok((clause, vals))
}

impl Store for SqliteStore {
    fn ingest(&self, batch: &[ArticleReports]) -> Result<IngestReport, StoreError> {
        let db = self.name.clone();
        let mut conn = lock(&self.writer);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| map_err(&db, e))?;
        let mut report = IngestReport::default();
        for ar in batch {
            self.ingest_one(&tx, ar, &mut report)?;
        }
        tx.commit().map_err(|e| map_err(&db, e))?;
        Ok(report)
    }

    fn events(&self, q: &EventQuery) -> Result<EventPage, StoreError> {
        let page = self.events_json(q)?;
        let mut events = Vec::with_capacity(page.events.len());
        for json in &page.events {
            let ev: Event = serde_json::from_str(json).map_err(|e| StoreError::Backend {
                db: self.name.clone(),
                reason: format!("a stored event is unreadable: {e}"),
            })?;
            events.push(ev);
        }
        Ok(EventPage {
            events,
            next_cursor: page.next_cursor,
        })
    }

    /// The stored JSON of each event, as written at ingest (no decoding).
    fn events_json(&self, q: &EventQuery) -> Result<EventJsonPage, StoreError> {
        let (mut clause, mut vals) = where_clause(q)?;
        if let Some(c) = q.cursor.as_deref() {
            let (d, id) = decode_cursor(c)?;
            vals.push(Value::Text(d));
            let pd = vals.len();
            vals.push(Value::Text(id));
            let pi = vals.len();
            clause =
                format!("{clause} AND (sort_date < ?{pd} OR (sort_date = ?{pd} AND id > ?{pi}))");
        }
        let limit = q.page_size();
        vals.push(Value::Integer(limit as i64 + 1));
        let sql = format!(
            "SELECT sort_date, id, json FROM events WHERE {clause} \
             ORDER BY sort_date DESC, id ASC LIMIT ?{}",
            vals.len()
        );
        let db = self.name.clone();
        self.with_reader(|conn| {
            let me = |e| map_err(&db, e);
            let mut st = conn.prepare_cached(&sql).map_err(me)?;
            let rows = st
                .query_map(rusqlite::params_from_iter(vals.iter()), |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .map_err(me)?;
            let mut events = Vec::new();
            let mut next_cursor = None;
            let mut last: Option<(String, String)> = None;
            for row in rows {
                let (d, id, json) = row.map_err(me)?;
                if events.len() == limit {
                    next_cursor = last.as_ref().map(|(d, id)| encode_cursor(d, id));
                    break;
                }
                events.push(json);
                last = Some((d, id));
            }
            Ok(EventJsonPage {
                events,
                next_cursor,
            })
        })
    }

    fn event(&self, id: &str) -> Result<Option<Event>, StoreError> {
        let db = self.name.clone();
        self.with_reader(|conn| {
            let me = |e| map_err(&db, e);
            let mut json: Option<String> = conn
                .query_row("SELECT json FROM events WHERE id = ?1", params![id], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(me)?;
            if json.is_none() {
                // An id that was a report's (or an event's before it merged):
                // answer with the event that report belongs to now.
                json = conn
                    .query_row(
                        "SELECT e.json FROM reports r JOIN events e ON e.id = r.event_id
                         WHERE r.id = ?1",
                        params![id],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(me)?;
            }
            json.map(|j| {
                serde_json::from_str(&j).map_err(|e| StoreError::Backend {
                    db: db.clone(),
                    reason: format!("stored event {id} is unreadable: {e}"),
                })
            })
            .transpose()
        })
    }

    fn article(&self, id: &str) -> Result<Option<Article>, StoreError> {
        let db = self.name.clone();
        self.with_reader(|conn| {
            let row: Option<(String, String)> = conn
                .query_row(
                    "SELECT json, text FROM articles WHERE id = ?1",
                    params![id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(|e| map_err(&db, e))?;
            row.map(|(j, text)| {
                serde_json::from_str::<Article>(&j)
                    .map(|a| Article { text, ..a })
                    .map_err(|e| StoreError::Backend {
                        db: db.clone(),
                        reason: format!("stored article {id} is unreadable: {e}"),
                    })
            })
            .transpose()
        })
    }

    fn stats(&self, q: &EventQuery, group: StatsGroup) -> Result<Vec<StatsRow>, StoreError> {
        if let Some(rows) = self.stats_from_days(q, group)? {
            return Ok(rows);
        }
        let (clause, vals) = where_clause(q)?;
        let (key, stacked, extra, order) = match group {
            StatsGroup::Week => ("week", true, "week IS NOT NULL", "1, 2"),
            StatsGroup::Month => ("month", true, "month IS NOT NULL", "1, 2"),
            StatsGroup::Day => ("sort_date", true, "sort_date <> ''", "1, 2"),
            StatsGroup::Admin1 => (
                "coalesce(admin1_name, '(unknown)')",
                false,
                "1",
                "3 DESC, 1",
            ),
            StatsGroup::Actor => (
                "coalesce(actor1_name, '(unknown)')",
                false,
                "1",
                "3 DESC, 1",
            ),
            StatsGroup::Type => ("coalesce(event_type, '(verbal)')", false, "1", "3 DESC, 1"),
        };
        let sql = if stacked {
            format!(
                "SELECT {key}, event_type, count(*), coalesce(sum(fatalities), 0) FROM events \
                 WHERE {clause} AND {extra} GROUP BY 1, 2 ORDER BY {order}"
            )
        } else {
            format!(
                "SELECT {key}, NULL, count(*), coalesce(sum(fatalities), 0) FROM events \
                 WHERE {clause} AND {extra} GROUP BY 1 ORDER BY {order}"
            )
        };
        self.stats_rows(&sql, &vals)
    }

    fn counts(&self) -> Result<StoreCounts, StoreError> {
        let db = self.name.clone();
        self.with_reader(|conn| {
            conn.query_row(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM reports),
                        (SELECT count(*) FROM events)",
                [],
                |r| {
                    Ok(StoreCounts {
                        articles: r.get::<_, i64>(0)?.max(0) as u64,
                        reports: r.get::<_, i64>(1)?.max(0) as u64,
                        events: r.get::<_, i64>(2)?.max(0) as u64,
                    })
                },
            )
            .map_err(|e| map_err(&db, e))
        })
    }
}
