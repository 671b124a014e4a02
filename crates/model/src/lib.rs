//! Shared types of sitrep: articles as read, spans into their text, and the
//! event record of `SPEC.md` §3. No I/O lives here.
//!
//! Every later stage depends on this crate and on nothing later than itself.
//! Offsets are UTF-8 byte offsets into [`Article::text`], end exclusive, and
//! never change once the article has been read.

pub mod taxonomy;

use serde::{Deserialize, Serialize};

pub use taxonomy::{ActorType, EventType, Plover, SubEventType};

/// The version of the event record (`SPEC.md` §3). Bumped on any breaking change.
pub const SCHEMA_VERSION: u32 = 1;

/// A byte range `[start, end)` into an article's `text`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub struct Span {
    /// First byte, inclusive.
    pub start: usize,
    /// Last byte, exclusive.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The slice of `text` this span covers, or `None` when it is out of range
    /// or not on character boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }
}

/// One news article as read by the ingest stage (`sitrep articles` prints it).
///
/// `text` is the body only: no headline, no bullet summary, no photo caption,
/// no site chrome. Evidence offsets point into exactly this string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Article {
    /// Stable id: given by the input (JSONL `id`), or derived from the source
    /// (path, URL, WARC record id) and the article's position in it.
    pub id: String,
    /// The input it came from (file path, or `-` for stdin).
    pub input: String,
    /// Headline, once.
    pub title: Option<String>,
    /// Publication (or last update) moment, ISO 8601: `2025-10-28` or
    /// `2026-02-01T11:59:55Z`. `None` when the input states none.
    pub published: Option<String>,
    /// The dateline place as written (`QUETTA`), without the colon.
    pub dateline: Option<String>,
    /// Canonical URL, when known.
    pub url: Option<String>,
    /// Publisher or source name, when known.
    pub publisher: Option<String>,
    /// The bullet summary lines, when the page had them (not part of `text`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub summary: Vec<String>,
    /// The article body. UTF-8; evidence offsets index into it.
    pub text: String,
}

impl Article {
    /// The publication day, if `published` starts with a valid `YYYY-MM-DD`.
    pub fn published_date(&self) -> Option<chrono::NaiveDate> {
        let p = self.published.as_deref()?;
        chrono::NaiveDate::parse_from_str(p.get(..10)?, "%Y-%m-%d").ok()
    }
}

/// An actor as coded on an event (ACLED naming conventions).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical name, e.g. `BLA: Baloch Liberation Army`, `Military Forces of Pakistan`.
    pub name: String,
    /// ACLED actor type (inter code label), when known.
    #[serde(rename = "type")]
    pub actor_type: Option<ActorType>,
    /// ISO 3166-1 alpha-2 country the actor belongs to, when known.
    pub country: Option<String>,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Location {
    /// The place name as the gazetteer spells it.
    pub name: String,
    /// First-level unit (province/state), current name.
    pub admin1: Option<String>,
    /// Second-level unit (district), when known.
    pub admin2: Option<String>,
    /// Country name.
    pub country: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country_code: Option<String>,
    /// Latitude (WGS84), from the gazetteer only.
    pub lat: Option<f64>,
    /// Longitude (WGS84), from the gazetteer only.
    pub lon: Option<f64>,
    /// GeoNames id of the place the coordinates come from.
    pub geonames_id: Option<u64>,
    /// ACLED geo precision: 1 town, 2 near a town / district, 3 province, region or country.
    pub precision: u8,
}

/// Deaths of one event: bounds, and the split by side.
///
/// Every field is `None` when unknown; `Some(0)` means a source said nobody died.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Fatalities {
    /// ACLED's conservative figure.
    pub best: Option<u32>,
    /// UCDP-style lower bound.
    pub low: Option<u32>,
    /// UCDP-style upper bound.
    pub high: Option<u32>,
    /// Civilians killed.
    pub civilians: Option<u32>,
    /// Army, police, paramilitary killed.
    pub state_forces: Option<u32>,
    /// Non-state armed (attackers included) killed.
    pub militants: Option<u32>,
    /// Killed whose side the text does not say.
    pub unknown: Option<u32>,
}

impl Fatalities {
    /// True when no field is known.
    pub fn is_unknown(&self) -> bool {
        *self == Fatalities::default()
    }
}

/// Bounds of a count that is not split by side (wounded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Bounds {
    /// Conservative figure.
    pub best: Option<u32>,
    /// Lower bound.
    pub low: Option<u32>,
    /// Upper bound.
    pub high: Option<u32>,
}

/// A claim of responsibility.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Canonical actor name of the claimant.
    pub actor: String,
}

/// An accusation: who blamed whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accusation {
    /// The accuser (actor or person with role).
    pub by: String,
    /// The accused.
    pub target: String,
}

/// A denial of involvement or of an allegation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Denial {
    /// Canonical name of the actor who denied.
    pub actor: String,
}

/// One report (article) behind an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Source {
    /// The article's id.
    pub article_id: String,
    /// The article's headline.
    pub title: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
    /// The article's publisher.
    pub publisher: Option<String>,
    /// The article's publication moment.
    pub published: Option<String>,
    /// The death toll this source reported for the event (its `fatalities.best`).
    pub fatalities_reported: Option<u32>,
}

/// The sentence (or phrase) behind one coded field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The field it supports, dotted: `event_type`, `fatalities.civilians`, `location`, …
    pub field: String,
    /// The article the span points into.
    pub article_id: String,
    /// Byte offset of the first byte in the article text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Exactly `text[start..end]` of the article.
    pub text: String,
}

/// How exact `event_date` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// The day is known.
    Day,
    /// A span of a few days (`date_end` set).
    Days,
    /// Known to the week.
    Week,
    /// Known to the month.
    Month,
    /// Known to the year.
    Year,
    /// No date could be resolved.
    #[default]
    Unknown,
}

/// The event record of `SPEC.md` §3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Stable id: the same input gives the same id.
    pub id: String,
    /// `YYYY-MM-DD`, or `None` when unknown.
    pub event_date: Option<chrono::NaiveDate>,
    /// Last day of a multi-day event.
    pub date_end: Option<chrono::NaiveDate>,
    /// How exact the date is.
    pub date_precision: DatePrecision,
    /// ACLED event type; `None` for purely verbal events.
    pub event_type: Option<EventType>,
    /// ACLED sub-event type; `None` for purely verbal events.
    pub sub_event_type: Option<SubEventType>,
    /// PLOVER event type.
    pub plover: Option<Plover>,
    /// PLOVER mode (`suicide-attack`, `aerial`, `firearms`, `abduct`, …).
    pub plover_mode: Option<String>,
    /// The initiator (for verbal events: the speaker's side).
    pub actor1: Option<Actor>,
    /// The target or counterpart.
    pub actor2: Option<Actor>,
    /// Where it happened.
    pub location: Option<Location>,
    /// Deaths.
    pub fatalities: Fatalities,
    /// Wounded.
    pub wounded: Bounds,
    /// People abducted, when stated.
    pub abducted: Option<u32>,
    /// People arrested, when stated.
    pub arrested: Option<u32>,
    /// Who claimed responsibility.
    pub claimed_by: Vec<Claim>,
    /// Who accused whom.
    pub accused: Vec<Accusation>,
    /// Who denied.
    pub denied_by: Vec<Denial>,
    /// True for an event recalled from more than a month before publication.
    pub background: bool,
    /// One-sentence summary in the style of ACLED notes.
    pub notes: String,
    /// The reports behind the event.
    pub sources: Vec<Source>,
    /// The text behind each coded field.
    pub evidence: Vec<Evidence>,
    /// 0..1, how sure the extractor is.
    pub confidence: f32,
}

impl Default for Event {
    fn default() -> Self {
        Event {
            schema_version: SCHEMA_VERSION,
            id: String::new(),
            event_date: None,
            date_end: None,
            date_precision: DatePrecision::Unknown,
            event_type: None,
            sub_event_type: None,
            plover: None,
            plover_mode: None,
            actor1: None,
            actor2: None,
            location: None,
            fatalities: Fatalities::default(),
            wounded: Bounds::default(),
            abducted: None,
            arrested: None,
            claimed_by: Vec::new(),
            accused: Vec::new(),
            denied_by: Vec::new(),
            background: false,
            notes: String::new(),
            sources: Vec::new(),
            evidence: Vec::new(),
            confidence: 0.0,
        }
    }
}

/// A short, stable, hex id derived from the given parts (BLAKE3, 16 hex digits).
///
/// Used for article ids derived from their source and for event ids, so that
/// the same input always gives the same id.
pub fn stable_id(parts: &[&str]) -> String {
    let mut h = blake3::Hasher::new();
    for p in parts {
        h.update(&(p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    h.finalize().to_hex()[..16].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_roundtrips_through_json_with_nulls_kept() {
        let ev = Event {
            id: "x".into(),
            ..Event::default()
        };
        let v = serde_json::to_value(&ev).unwrap();
        assert!(v["fatalities"]["best"].is_null());
        assert!(v["abducted"].is_null());
        assert_eq!(v["schema_version"], 1);
        assert_eq!(v["date_precision"], "unknown");
        let back: Event = serde_json::from_value(v).unwrap();
        assert_eq!(back, ev);
    }

    #[test]
    fn stable_id_is_stable_and_separates_parts() {
        assert_eq!(stable_id(&["a", "b"]), stable_id(&["a", "b"]));
        assert_ne!(stable_id(&["ab", ""]), stable_id(&["a", "b"]));
        assert_eq!(stable_id(&["a"]).len(), 16);
    }

    #[test]
    fn span_slices_only_on_boundaries() {
        let t = "Türkiye";
        assert_eq!(Span::new(0, 1).slice(t), Some("T"));
        assert_eq!(Span::new(0, 2).slice(t), None);
    }
}
