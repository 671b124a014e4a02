//! sitrep-store: where articles and events are kept.
//!
//! One [`Store`] interface, two backends: SQLite (embedded default, this crate)
//! and PostgreSQL (scale-out). Both pass the same store test suite.
//!
//! The interface is synchronous: SQLite is, and the HTTP server calls it from
//! `spawn_blocking`. Every method takes `&self`; a backend is `Send + Sync`
//! and does its own pooling.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use sitrep_model::{Article, Event, EventType};

pub mod plan;
pub mod sqlite;
pub mod suite;

pub use sqlite::{Integrity, SqliteStore};

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

/// A page of events as JSON text ([`Store::events_json`]): each entry is one
/// event record (SPEC §3) as one JSON object, ready to pass through.
#[derive(Debug, Clone, Default)]
pub struct EventJsonPage {
    /// The events, one JSON object each.
    pub events: Vec<String>,
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
    /// The page [`Store::events`] gives, as JSON text per event, for callers
    /// that only pass the records on (the HTTP API). A backend that stores the
    /// record as JSON returns it as stored, without decoding and re-encoding.
    fn events_json(&self, q: &EventQuery) -> Result<EventJsonPage, StoreError> {
        let page = self.events(q)?;
        let mut events = Vec::with_capacity(page.events.len());
        for ev in &page.events {
            events.push(serde_json::to_string(ev).map_err(|e| StoreError::Backend {
                db: String::new(),
                reason: format!("cannot encode event {}: {e}", ev.id),
            })?);
        }
        Ok(EventJsonPage {
            events,
            next_cursor: page.next_cursor,
        })
    }
    /// One fused event with its sources and evidence.
    fn event(&self, id: &str) -> Result<Option<Event>, StoreError>;
    /// One stored article (for evidence display).
    fn article(&self, id: &str) -> Result<Option<Article>, StoreError>;
    /// Counts and fatalities grouped for charts, over the filtered events.
    fn stats(&self, q: &EventQuery, group: StatsGroup) -> Result<Vec<StatsRow>, StoreError>;
    /// What the store holds.
    fn counts(&self) -> Result<StoreCounts, StoreError>;
}

/// Default page size of [`Store::events`] when the query gives none.
pub const DEFAULT_LIMIT: usize = 50;
/// Largest page [`Store::events`] returns (larger limits are clamped).
pub const MAX_LIMIT: usize = 10_000;

/// The hash that decides whether two articles carry "the same text": BLAKE3
/// (16 hex digits) over the text with whitespace runs collapsed and trimmed.
pub fn text_hash(text: &str) -> String {
    let norm: Vec<&str> = text.split_whitespace().collect();
    sitrep_model::stable_id(&["text", &norm.join(" ")])
}

/// The reports of one article with the ids the store keys them by: the
/// extractor's event id when it is set and unique within the article, else an
/// id derived from the article id and the event's position.
pub fn report_rows(ar: &ArticleReports) -> Vec<(String, Event)> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(ar.events.len());
    for (i, e) in ar.events.iter().enumerate() {
        let mut id = if e.id.trim().is_empty() {
            sitrep_model::stable_id(&[&ar.article.id, "report", &i.to_string()])
        } else {
            e.id.clone()
        };
        if seen.contains(&id) {
            id = sitrep_model::stable_id(&[&ar.article.id, &id, &i.to_string()]);
        }
        seen.push(id.clone());
        let mut ev = e.clone();
        ev.id = id.clone();
        for s in &mut ev.sources {
            if s.article_id.is_empty() {
                s.article_id = ar.article.id.clone();
            }
        }
        out.push((id, ev));
    }
    out
}

/// The report reduced to what [`sitrep_fuse::same_event`] reads (no sources,
/// evidence, notes, figures): what a backend may return from
/// [`plan::ReportLookup::window`] to keep the fusion window cheap.
pub fn fusion_key(e: &Event) -> Event {
    Event {
        id: e.id.clone(),
        event_date: e.event_date,
        date_end: e.date_end,
        date_precision: e.date_precision,
        event_type: e.event_type,
        plover: e.plover,
        actor1: e.actor1.clone(),
        actor2: e.actor2.clone(),
        location: e.location.clone(),
        claimed_by: e.claimed_by.clone(),
        ..Event::default()
    }
}

/// The compact stored form of [`fusion_key`] (short JSON, nulls left out).
#[derive(Serialize, Deserialize)]
struct FusionKey {
    #[serde(rename = "i")]
    id: String,
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    date: Option<NaiveDate>,
    #[serde(rename = "e", default, skip_serializing_if = "Option::is_none")]
    end: Option<NaiveDate>,
    #[serde(rename = "p")]
    precision: sitrep_model::DatePrecision,
    #[serde(rename = "t", default, skip_serializing_if = "Option::is_none")]
    event_type: Option<EventType>,
    #[serde(rename = "v", default, skip_serializing_if = "Option::is_none")]
    plover: Option<sitrep_model::Plover>,
    #[serde(rename = "a", default, skip_serializing_if = "Option::is_none")]
    actor1: Option<sitrep_model::Actor>,
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    actor2: Option<sitrep_model::Actor>,
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    location: Option<sitrep_model::Location>,
    #[serde(rename = "c", default, skip_serializing_if = "Vec::is_empty")]
    claims: Vec<String>,
}

/// Encodes [`fusion_key`] of a report compactly (for a backend's window column).
pub fn encode_fusion_key(e: &Event) -> String {
    let k = FusionKey {
        id: e.id.clone(),
        date: e.event_date,
        end: e.date_end,
        precision: e.date_precision,
        event_type: e.event_type,
        plover: e.plover,
        actor1: e.actor1.clone(),
        actor2: e.actor2.clone(),
        location: e.location.clone(),
        claims: e.claimed_by.iter().map(|c| c.actor.clone()).collect(),
    };
    serde_json::to_string(&k).unwrap_or_default()
}

/// Decodes [`encode_fusion_key`] back into a light event (as [`fusion_key`]).
pub fn decode_fusion_key(s: &str) -> Result<Event, serde_json::Error> {
    let k: FusionKey = serde_json::from_str(s)?;
    Ok(Event {
        id: k.id,
        event_date: k.date,
        date_end: k.end,
        date_precision: k.precision,
        event_type: k.event_type,
        plover: k.plover,
        actor1: k.actor1,
        actor2: k.actor2,
        location: k.location,
        claimed_by: k
            .claims
            .into_iter()
            .map(|actor| sitrep_model::Claim { actor })
            .collect(),
        ..Event::default()
    })
}

/// The day number the fusion window is keyed on (days since 0001-01-01), for
/// a dated report.
pub fn day_number(e: &Event) -> Option<i64> {
    e.event_date.map(|d| i64::from(d.num_days_from_ce()))
}

/// The last day of a dated report (its `date_end` when later than its date,
/// else its date), as a [`day_number`].
pub fn end_day_number(e: &Event) -> Option<i64> {
    let d = e.event_date?;
    let end = e.date_end.filter(|x| *x > d).unwrap_or(d);
    Some(i64::from(end.num_days_from_ce()))
}

/// The country key of a report for the fusion window (`""` when unknown).
pub fn country_key(e: &Event) -> String {
    e.location
        .as_ref()
        .and_then(|l| l.country_code.clone())
        .unwrap_or_default()
        .to_ascii_uppercase()
}

/// The Monday of the ISO week of `d`, `YYYY-MM-DD` ([`StatsGroup::Week`] keys).
pub fn week_key(d: NaiveDate) -> String {
    let monday = d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday()));
    monday.format("%Y-%m-%d").to_string()
}

/// Encodes a keyset cursor over (`sort_date` descending, `id` ascending) as
/// opaque hex.
pub fn encode_cursor(sort_date: &str, id: &str) -> String {
    let raw = format!("v1|{sort_date}|{id}");
    raw.bytes().map(|b| format!("{b:02x}")).collect()
}

/// Decodes a cursor made by [`encode_cursor`]; anything else is [`StoreError::BadQuery`].
pub fn decode_cursor(cursor: &str) -> Result<(String, String), StoreError> {
    let bad = || StoreError::BadQuery(format!("malformed cursor {:?}", truncate(cursor, 80)));
    if cursor.len() % 2 != 0 || cursor.len() > 2048 || !cursor.is_ascii() {
        return Err(bad());
    }
    let bytes: Result<Vec<u8>, _> = (0..cursor.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&cursor[i..i + 2], 16))
        .collect();
    let raw = String::from_utf8(bytes.map_err(|_| bad())?).map_err(|_| bad())?;
    let mut parts = raw.splitn(3, '|');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("v1"), Some(d), Some(id))
            if !id.is_empty()
                && (d.is_empty() || NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok()) =>
        {
            Ok((d.to_string(), id.to_string()))
        }
        _ => Err(bad()),
    }
}

fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

impl EventQuery {
    /// Checks the values a backend cannot check by type: a bbox with
    /// coordinates out of range or south above north, an inverted date range,
    /// a zero limit.
    pub fn validate(&self) -> Result<(), StoreError> {
        if let Some([w, s, e, n]) = self.bbox {
            let ok = [w, s, e, n].iter().all(|v| v.is_finite())
                && (-180.0..=180.0).contains(&w)
                && (-180.0..=180.0).contains(&e)
                && (-90.0..=90.0).contains(&s)
                && (-90.0..=90.0).contains(&n)
                && s <= n;
            if !ok {
                return Err(StoreError::BadQuery(format!(
                    "bbox {w},{s},{e},{n} is not W,S,E,N in degrees"
                )));
            }
        }
        if let (Some(f), Some(t)) = (self.from, self.to) {
            if f > t {
                return Err(StoreError::BadQuery(format!("from {f} is after to {t}")));
            }
        }
        if self.limit == Some(0) {
            return Err(StoreError::BadQuery("limit must be at least 1".into()));
        }
        Ok(())
    }

    /// The page size to use: the query's limit (clamped to [`MAX_LIMIT`]) or [`DEFAULT_LIMIT`].
    pub fn page_size(&self) -> usize {
        self.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
    }
}
