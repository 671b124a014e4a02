//! sitrep-store: where articles and events are kept.
//!
//! One [`Store`] interface, two backends: SQLite (embedded default, this crate)
//! and PostgreSQL (scale-out). Both pass the same store test suite.
//!
//! The interface is synchronous: SQLite is, and the HTTP server calls it from
//! `spawn_blocking`. Every method takes `&self`; a backend is `Send + Sync`
//! and does its own pooling.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_model::{Article, Event, EventType};

/// Errors of the store. Messages name the database (path or redacted URL).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened or created.
    #[error("cannot open store {db}: {reason}")]
    Open {
        /// Path or redacted URL.
        db: String,
        /// Why.
        reason: String,
    },
    /// The file is not a sitrep store (corrupt or foreign).
    #[error("{db} is not a sitrep store: {reason}")]
    NotAStore {
        /// Path or redacted URL.
        db: String,
        /// Why.
        reason: String,
    },
    /// The store was written by a newer sitrep.
    #[error("{db} has schema version {found}, newer than this sitrep understands ({supported}); upgrade sitrep")]
    NewerSchema {
        /// Path or redacted URL.
        db: String,
        /// Version found in the store.
        found: i64,
        /// Highest version this build knows.
        supported: i64,
    },
    /// The store cannot be written (read-only file system, permissions, full disk).
    #[error("cannot write to store {db}: {reason}")]
    Write {
        /// Path or redacted URL.
        db: String,
        /// Why.
        reason: String,
    },
    /// A query was malformed (bad cursor, bad filter value).
    #[error("bad query: {0}")]
    BadQuery(String),
    /// Any other backend error.
    #[error("store {db}: {reason}")]
    Backend {
        /// Path or redacted URL.
        db: String,
        /// Why.
        reason: String,
    },
}

/// One article and the events extracted from it, ingested as a unit:
/// either all of it is committed or none of it.
#[derive(Debug, Clone)]
pub struct ArticleReports {
    /// The article as read.
    pub article: Article,
    /// Its events as `sitrep extract` gives them (one source each).
    pub events: Vec<Event>,
}

/// What one ingest call did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestReport {
    /// Articles new to the store.
    pub added: usize,
    /// Articles already present with the same text: nothing changed.
    pub unchanged: usize,
    /// Articles present with the same id or URL but changed text: replaced.
    pub replaced: usize,
    /// Fused events created or changed by this call.
    pub events_touched: usize,
}

/// Filters shared by `sitrep events`, `sitrep export` and the HTTP API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventQuery {
    /// First day, inclusive.
    pub from: Option<NaiveDate>,
    /// Last day, inclusive.
    pub to: Option<NaiveDate>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// admin1 name (case-insensitive, current names).
    pub admin1: Option<String>,
    /// ACLED event type.
    pub event_type: Option<EventType>,
    /// Substring of actor1/actor2 name (case-insensitive).
    pub actor: Option<String>,
    /// West, south, east, north.
    pub bbox: Option<[f64; 4]>,
    /// Full-text query over the articles behind the events.
    pub text: Option<String>,
    /// Page size.
    pub limit: Option<usize>,
    /// Opaque cursor from a previous page.
    pub cursor: Option<String>,
}

/// A page of events, newest first (by `event_date`, then id).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EventPage {
    /// The events.
    pub events: Vec<Event>,
    /// Cursor of the next page, if any.
    pub next_cursor: Option<String>,
}

/// How `stats` groups events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatsGroup {
    /// By ISO week (key: the Monday, `YYYY-MM-DD`).
    Week,
    /// By month (key: `YYYY-MM`).
    Month,
    /// By day (key: `YYYY-MM-DD`).
    Day,
    /// By admin1.
    Admin1,
    /// By actor1 name.
    Actor,
    /// By ACLED event type.
    Type,
}

/// One group of a stats answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatsRow {
    /// The group key.
    pub key: String,
    /// The event type, when the answer is stacked by type (time groups).
    pub event_type: Option<String>,
    /// Number of events.
    pub events: u64,
    /// Sum of `fatalities.best` (unknown counts as nothing).
    pub fatalities: u64,
}

/// Counts of what the store holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreCounts {
    /// Articles.
    pub articles: u64,
    /// Per-article event reports.
    pub reports: u64,
    /// Fused events.
    pub events: u64,
}

/// The store interface both backends implement.
pub trait Store: Send + Sync {
    /// Ingest a batch of articles with their extracted events, idempotently,
    /// fusing reports of the same event. Each article is committed whole or not at all.
    fn ingest(&self, batch: &[ArticleReports]) -> Result<IngestReport, StoreError>;
    /// A filtered page of fused events.
    fn events(&self, q: &EventQuery) -> Result<EventPage, StoreError>;
    /// One fused event with its sources and evidence.
    fn event(&self, id: &str) -> Result<Option<Event>, StoreError>;
    /// One stored article (for evidence display).
    fn article(&self, id: &str) -> Result<Option<Article>, StoreError>;
    /// Counts and fatalities grouped for charts, over the filtered events.
    fn stats(&self, q: &EventQuery, group: StatsGroup) -> Result<Vec<StatsRow>, StoreError>;
    /// What the store holds.
    fn counts(&self) -> Result<StoreCounts, StoreError>;
}
