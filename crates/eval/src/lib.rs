//! sitrep-eval: agreement of sitrep's events with hand-coded datasets (SPEC §6).
//!
//! - [`load`] reads a dataset ([`GoldKind`]: ACLED CSV, GTD GeoJSON, UCDP GED CSV,
//!   MUC-3/4 messages + keys) into [`GoldRecord`]s: an input text (`id`, `text`,
//!   `published` = the gold event's date) and the gold values of the fields the
//!   dataset codes.
//! - [`evaluate`] runs an extractor over the records (in parallel), picks each
//!   record's *primary* event ([`primary_event`]) and scores every field beside its
//!   trivial baseline (the most frequent gold value), also over records whose gold
//!   count is > 0.
//!
//! How each dataset's fields map to sitrep's is documented on the loaders
//! ([`loaders`]) and in `docs/EVAL.md`.

pub mod loaders;
pub mod names;
pub mod recognition;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use sitrep_model::{Article, Event, EventType, SubEventType};
use std::collections::HashMap;
use std::path::Path;

pub use loaders::load;
pub use names::{
    canonical_admin1, canonical_country, countries_agree, distance_km, names_match, normalize_name,
};
pub use recognition::{evaluate_recognition, Recognised};

/// Errors of loading a dataset.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The file or folder could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not in the expected format.
    #[error("{path}: {reason}")]
    Format {
        /// The path.
        path: String,
        /// Why.
        reason: String,
    },
}

impl EvalError {
    pub(crate) fn format(path: &Path, reason: impl Into<String>) -> Self {
        EvalError::Format {
            path: path.display().to_string(),
            reason: reason.into(),
        }
    }
}

/// The kinds of hand-coded datasets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GoldKind {
    /// ACLED CSV (old 2015 schema or today's).
    Acled,
    /// Global Terrorism Database (GeoJSON features).
    Gtd,
    /// UCDP GED CSV.
    Ucdp,
    /// MUC-3/4 messages with answer keys.
    Muc,
    /// Wikipedia's list of major terrorist incidents (JSON array of incidents with
    /// `Description`, `Dead`, `Injured`, `Perpetrator`, `Country`, `Category`, `Year`).
    Wiki,
    /// Pakistan drone strikes (Kaggle CSV: `Special Mention (Site)`, `Comments`,
    /// `Date`, `Province`, coordinates, `Total Died Min/Mix`, `Injured Min/Max`).
    Drone,
    /// Pakistan suicide bombings (Kaggle CSV: `Location`, `City`, `Province`,
    /// coordinates, `Killed Min/Max`, `Injured Min/Max`): place descriptions only.
    Suicide,
}

/// A gold value of one field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum GoldValue {
    /// Any of these ACLED event types is right.
    Types(Vec<EventType>),
    /// Any of these ACLED sub-event types is right.
    SubTypes(Vec<SubEventType>),
    /// An exact count (a predicted unknown counts as 0, ACLED's convention).
    Count(u32),
    /// The prediction's best count must lie in `[low, high]`.
    Range(u32, u32),
    /// Yes or no.
    Flag(bool),
    /// Any of these names (compared with [`names_match`]); the empty list means the
    /// gold says "unknown / unidentified".
    Names(Vec<String>),
    /// An admin1 name (compared with [`canonical_admin1`]).
    Admin1(String),
    /// A country name (compared with [`countries_agree`]: name variants and ISO2
    /// codes of one country agree).
    Country(String),
    /// A point (lat, lon): right within [`MAX_KM`].
    Point(f64, f64),
    /// A day.
    Date(NaiveDate),
}

/// The field of the perpetrator scored over records whose gold perpetrator is a named
/// group (not a person, not a description such as "Islamic extremists"); see
/// [`loaders::perpetrator_is_group`].
pub const PERPETRATOR_GROUPS: &str = "perpetrator (groups only)";

/// Distance under which a predicted location agrees with the gold point.
pub const MAX_KM: f64 = 25.0;

/// One scored field of a record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldField {
    /// Field name as reported (`event_type`, `fatalities`, `perpetrator`, …).
    pub name: &'static str,
    /// The gold value.
    pub value: GoldValue,
}

/// One hand-coded record: the input text and the gold values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldRecord {
    /// Record id (dataset's own id, or line/position).
    pub id: String,
    /// The text given to the extractor.
    pub text: String,
    /// Publication date given to the extractor (the gold event's date).
    pub published: Option<NaiveDate>,
    /// The record's country (name or ISO2, as the dataset writes it).
    pub country: Option<String>,
    /// The fields the dataset codes for this record.
    pub fields: Vec<GoldField>,
}

impl GoldRecord {
    /// The gold event's day, when the record codes one (its `date` field).
    pub fn gold_date(&self) -> Option<NaiveDate> {
        self.fields.iter().find_map(|f| match f.value {
            GoldValue::Date(d) if f.name == "date" => Some(d),
            _ => None,
        })
    }

    /// The record as an article for the extractor.
    pub fn article(&self) -> Article {
        Article {
            id: self.id.clone(),
            input: "eval".into(),
            published: self.published.map(|d| d.format("%Y-%m-%d").to_string()),
            text: self.text.clone(),
            ..Article::default()
        }
    }

    /// Whether the record belongs to `country` (ISO2, ISO3 or name; case-insensitive).
    pub fn in_country(&self, country: &str) -> bool {
        let Some(c) = self.country.as_deref() else {
            return false;
        };
        let want = normalize_name(country);
        let have = normalize_name(c);
        if want == have {
            return true;
        }
        // ISO2 given, name stored (or the reverse).
        let iso_name = |code: &str| -> Option<&'static str> {
            COUNTRY_CODES
                .iter()
                .find(|(iso, _)| iso.eq_ignore_ascii_case(code))
                .map(|(_, n)| *n)
        };
        iso_name(country).is_some_and(|n| normalize_name(n) == have)
            || iso_name(c).is_some_and(|n| normalize_name(n) == want)
            || countries_agree(country, c)
    }
}

/// ISO2 codes of the countries in the development sets (for `--country PK`).
const COUNTRY_CODES: &[(&str, &str)] = &[
    ("PK", "Pakistan"),
    ("IN", "India"),
    ("BD", "Bangladesh"),
    ("NP", "Nepal"),
    ("MM", "Myanmar"),
    ("TH", "Thailand"),
    ("KH", "Cambodia"),
    ("LK", "Sri Lanka"),
    ("VN", "Vietnam"),
    ("LA", "Laos"),
    ("AF", "Afghanistan"),
    ("SV", "El Salvador"),
    ("GT", "Guatemala"),
    ("CO", "Colombia"),
    ("PE", "Peru"),
    ("HN", "Honduras"),
    ("NI", "Nicaragua"),
    ("BO", "Bolivia"),
    ("EC", "Ecuador"),
    ("CL", "Chile"),
    ("PA", "Panama"),
];

/// The events of `events` that came from article `article_id` (joined by
/// `sources[].article_id`).
pub fn events_of<'a>(events: &'a [Event], article_id: &str) -> Vec<&'a Event> {
    events
        .iter()
        .filter(|e| e.sources.iter().any(|s| s.article_id == article_id))
        .collect()
}

/// The primary event of SPEC §6: the non-background event with an ACLED type and
/// the most `fatalities.best` (ties: the first); when there is none, the first event.
pub fn primary_event<'a>(events: &[&'a Event]) -> Option<&'a Event> {
    let mut best: Option<&'a Event> = None;
    for e in events.iter().copied() {
        if e.background || e.event_type.is_none() {
            continue;
        }
        let f = e.fatalities.best.unwrap_or(0);
        if best.is_none_or(|b| f > b.fatalities.best.unwrap_or(0)) {
            best = Some(e);
        }
    }
    best.or_else(|| events.first().copied())
}

/// What the event says for a field, in the shape of the gold value.
#[derive(Debug, Clone, PartialEq)]
enum Pred {
    Type(Option<EventType>),
    SubType(Option<SubEventType>),
    Count(u32),
    Flag(bool),
    Names(Vec<String>),
    /// admin1 and admin2 of the event's place.
    Admin1(Option<String>, Option<String>),
    Point(Option<(f64, f64)>),
    Date(Option<NaiveDate>),
}

/// The prediction for field `name` whose gold value is `gold`, from the primary event
/// (`None` when the extractor found no event: counts read 0, flags false).
fn predict(name: &str, gold: &GoldValue, ev: Option<&Event>) -> Pred {
    let count = |f: fn(&Event) -> Option<u32>| Pred::Count(ev.and_then(f).unwrap_or(0));
    match gold {
        GoldValue::Types(_) => Pred::Type(ev.and_then(|e| e.event_type)),
        GoldValue::SubTypes(_) => Pred::SubType(ev.and_then(|e| e.sub_event_type)),
        GoldValue::Count(_) | GoldValue::Range(..) => match base_field(name) {
            "wounded" => count(|e| e.wounded.best),
            "abducted" => count(|e| e.abducted),
            "deaths.civilians" => count(|e| e.fatalities.civilians),
            "deaths.state_forces" => count(|e| e.fatalities.state_forces),
            "deaths.militants" => count(|e| e.fatalities.militants),
            // The victims: every death less the militants' (the attackers').
            "fatalities.victims" => count(|e| {
                let f = &e.fatalities;
                f.best.map(|b| b.saturating_sub(f.militants.unwrap_or(0)))
            }),
            _ => count(|e| e.fatalities.best),
        },
        GoldValue::Flag(_) => Pred::Flag(ev.is_some_and(|e| match name {
            "claimed" => !e.claimed_by.is_empty(),
            "killed" => e.fatalities.best.unwrap_or(0) > 0,
            "injured" => e.wounded.best.unwrap_or(0) > 0,
            _ => false,
        })),
        GoldValue::Names(_) => Pred::Names(ev.map_or_else(Vec::new, |e| {
            let mut v = Vec::new();
            match name {
                "actor2" => v.extend(e.actor2.as_ref().map(|a| a.name.clone())),
                "location" => {
                    if let Some(l) = &e.location {
                        v.push(l.name.clone());
                        v.extend(l.admin2.clone());
                        v.extend(l.admin1.clone());
                    }
                }
                "country" => {
                    if let Some(l) = &e.location {
                        v.extend(l.country.clone());
                        v.extend(l.country_code.clone());
                    }
                }
                "perpetrator" | PERPETRATOR_GROUPS => {
                    v.extend(e.actor1.as_ref().map(|a| a.name.clone()));
                    v.extend(e.claimed_by.iter().map(|c| c.actor.clone()));
                }
                _ => v.extend(e.actor1.as_ref().map(|a| a.name.clone())),
            }
            v
        })),
        GoldValue::Country(_) => Pred::Names(ev.and_then(|e| e.location.as_ref()).map_or_else(
            Vec::new,
            |l| {
                l.country
                    .iter()
                    .chain(l.country_code.iter())
                    .cloned()
                    .collect()
            },
        )),
        GoldValue::Admin1(_) => {
            let l = ev.and_then(|e| e.location.as_ref());
            Pred::Admin1(
                l.and_then(|l| l.admin1.clone()),
                l.and_then(|l| l.admin2.clone()),
            )
        }
        GoldValue::Point(..) => Pred::Point(
            ev.and_then(|e| e.location.as_ref())
                .and_then(|l| Some((l.lat?, l.lon?))),
        ),
        GoldValue::Date(_) => Pred::Date(ev.and_then(|e| e.event_date)),
    }
}

/// The field a row name scores: `fatalities.bounds` and `wounded (stated)` are
/// `fatalities` and `wounded` compared otherwise or over fewer records.
fn base_field(name: &str) -> &str {
    name.trim_end_matches(" (stated)")
        .trim_end_matches(".bounds")
}

/// Whether a name stands for an unidentified actor.
fn is_unidentified(name: &str) -> bool {
    let n = normalize_name(name);
    n.starts_with("unidentified") || n.starts_with("unknown") || n == "gunmen"
}

/// Whether the prediction agrees with the gold value.
fn agrees(gold: &GoldValue, pred: &Pred) -> bool {
    match (gold, pred) {
        (GoldValue::Types(g), Pred::Type(p)) => p.is_some_and(|p| g.contains(&p)),
        (GoldValue::SubTypes(g), Pred::SubType(p)) => p.is_some_and(|p| g.contains(&p)),
        (GoldValue::Count(g), Pred::Count(p)) => g == p,
        (GoldValue::Range(lo, hi), Pred::Count(p)) => lo <= p && p <= hi,
        (GoldValue::Flag(g), Pred::Flag(p)) => g == p,
        (GoldValue::Names(g), Pred::Names(p)) => {
            if g.is_empty() {
                p.is_empty() || p.iter().all(|n| is_unidentified(n))
            } else {
                p.iter().any(|n| names_match(n, g))
            }
        }
        (GoldValue::Country(g), Pred::Names(p)) => p.iter().any(|n| countries_agree(n, g)),
        (GoldValue::Admin1(g), Pred::Admin1(p, p2)) => {
            p.as_deref().is_some_and(|p| names::admin1_agrees(p, g))
                || p2
                    .as_deref()
                    .is_some_and(|d| names::nepal_district_in_region(d, g))
        }
        (GoldValue::Point(la, lo), Pred::Point(p)) => {
            p.is_some_and(|(pla, plo)| distance_km(*la, *lo, pla, plo) <= MAX_KM)
        }
        (GoldValue::Date(g), Pred::Date(p)) => p.as_ref() == Some(g),
        _ => false,
    }
}

/// The gold value as the trivial baseline would answer it (the value itself, as a
/// prediction), so that a candidate's agreement with every record can be counted.
fn as_prediction(name: &str, g: &GoldValue) -> Pred {
    match g {
        GoldValue::Types(t) => Pred::Type(t.first().copied()),
        GoldValue::SubTypes(t) => Pred::SubType(t.first().copied()),
        GoldValue::Count(n) => Pred::Count(*n),
        GoldValue::Range(lo, _) => Pred::Count(*lo),
        GoldValue::Flag(b) => Pred::Flag(*b),
        GoldValue::Names(n) => Pred::Names(n.first().cloned().into_iter().collect()),
        GoldValue::Admin1(a) => Pred::Admin1(Some(a.clone()), None),
        GoldValue::Country(c) => Pred::Names(vec![c.clone()]),
        GoldValue::Point(la, lo) => Pred::Point(Some((*la, *lo))),
        GoldValue::Date(d) => {
            let _ = name;
            Pred::Date(Some(*d))
        }
    }
}

/// A key under which equal gold values count as the same candidate.
fn value_key(g: &GoldValue) -> String {
    match g {
        GoldValue::Names(n) => n.first().map(|s| normalize_name(s)).unwrap_or_default(),
        GoldValue::Admin1(a) => canonical_admin1(a),
        GoldValue::Country(c) => canonical_country(c),
        GoldValue::Point(la, lo) => format!("{:.2},{:.2}", la, lo),
        other => format!("{other:?}"),
    }
}

/// The score of one field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldScore {
    /// Field name; `… (gold > 0)` rows restrict to records whose gold count is positive.
    pub field: String,
    /// Records with a gold value for the field.
    pub n: usize,
    /// Records where sitrep agrees.
    pub correct: usize,
    /// `correct / n`.
    pub accuracy: f64,
    /// Agreement of always answering `baseline_value`.
    pub baseline: f64,
    /// The most frequent gold value (the baseline's answer), as text.
    pub baseline_value: String,
}

/// The result of one evaluation run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Dataset kind.
    pub kind: GoldKind,
    /// Records scored.
    pub records: usize,
    /// Records for which the extractor found at least one event.
    pub with_event: usize,
    /// Records whose primary event has an ACLED type.
    pub with_typed_event: usize,
    /// Records on which the extractor panicked (scored as having no event).
    pub panicked: usize,
    /// Seconds spent extracting (wall clock).
    pub seconds: f64,
    /// Whether this scores recognition alone ([`evaluate_recognition`]): then
    /// `with_event` counts records where some place was resolved.
    pub recognition: bool,
    /// One row per field, in a fixed order.
    pub fields: Vec<FieldScore>,
}

/// Fields whose gold count may also be scored over records with gold > 0.
const COUNT_FIELDS: &[&str] = &[
    "fatalities",
    "fatalities.victims",
    "wounded",
    "abducted",
    "deaths.civilians",
    "deaths.state_forces",
    "deaths.militants",
];

/// Scores records given each record's primary event (`None` when it has none).
pub fn score(kind: GoldKind, scored: &[(&GoldRecord, Option<&Event>)], seconds: f64) -> Report {
    let mut rows = Vec::new();
    let dump = std::env::var("SITREP_EVAL_MISSES").ok();
    for (rec, ev) in scored {
        for f in &rec.fields {
            let pred = predict(f.name, &f.value, *ev);
            let ok = agrees(&f.value, &pred);
            if !ok && dump.as_deref() == Some(f.name) {
                dump_miss(rec, f, &pred, *ev);
            }
            rows.push((f.name.to_string(), (&f.value, f.name, ok)));
            if COUNT_FIELDS.contains(&f.name) {
                if let GoldValue::Count(n) = f.value {
                    if n > 0 {
                        let key = format!("{} (gold > 0)", f.name);
                        rows.push((key, (&f.value, f.name, ok)));
                    }
                }
            }
        }
    }
    let mut fields = score_rows(rows);
    fields.extend(weighted_f1_rows(scored));
    Report {
        kind,
        records: scored.len(),
        with_event: scored.iter().filter(|(_, e)| e.is_some()).count(),
        with_typed_event: scored
            .iter()
            .filter(|(_, e)| e.is_some_and(|e| e.event_type.is_some()))
            .count(),
        panicked: 0,
        seconds,
        recognition: false,
        fields,
    }
}

/// Rows `event_type (weighted F1)` and `sub_event_type (weighted F1)`: the
/// support-weighted F1 over the classes, the measure of the CASE 2021 shared task on
/// ACLED sub-event types, beside the same measure for the constant answer. A record
/// whose gold accepts several types counts under the predicted type when that is one
/// of them, else under its first; a missing prediction is a class of its own ("none").
fn weighted_f1_rows(scored: &[(&GoldRecord, Option<&Event>)]) -> Vec<FieldScore> {
    let mut out = Vec::new();
    for field in ["event_type", "sub_event_type"] {
        let mut pairs: Vec<(Vec<&'static str>, &'static str)> = Vec::new();
        for (rec, ev) in scored {
            for f in rec.fields.iter().filter(|f| f.name == field) {
                let (gold, pred): (Vec<&'static str>, Option<&'static str>) = match &f.value {
                    GoldValue::Types(t) => (
                        t.iter().map(|t| t.label()).collect(),
                        ev.and_then(|e| e.event_type).map(|t| t.label()),
                    ),
                    GoldValue::SubTypes(t) => (
                        t.iter().map(|t| t.label()).collect(),
                        ev.and_then(|e| e.sub_event_type).map(|t| t.label()),
                    ),
                    _ => continue,
                };
                if gold.is_empty() {
                    continue;
                }
                pairs.push((gold, pred.unwrap_or("none")));
            }
        }
        if pairs.is_empty() {
            continue;
        }
        // The constant answer: of the labels the gold accepts, the one that scores best.
        let mut labels: Vec<&'static str> = pairs.iter().flat_map(|(g, _)| g.clone()).collect();
        labels.sort_unstable();
        labels.dedup();
        let (constant, constant_f1) = labels
            .iter()
            .map(|&c| {
                let constant_pairs: Vec<(Vec<&'static str>, &str)> =
                    pairs.iter().map(|(g, _)| (g.clone(), c)).collect();
                (c, weighted_f1(&constant_pairs))
            })
            .fold(
                ("none", -1.0),
                |best, x| if x.1 > best.1 { x } else { best },
            );
        let correct = pairs.iter().filter(|(g, p)| g.contains(p)).count();
        out.push(FieldScore {
            field: format!("{field} (weighted F1)"),
            n: pairs.len(),
            correct,
            accuracy: weighted_f1(&pairs),
            baseline: constant_f1.max(0.0),
            baseline_value: constant.to_string(),
        });
    }
    out
}

/// Support-weighted F1 of (accepted gold labels, predicted label) pairs; see
/// [`weighted_f1_rows`].
fn weighted_f1(pairs: &[(Vec<&'static str>, &str)]) -> f64 {
    let mut support: HashMap<&str, usize> = HashMap::new();
    let mut predicted: HashMap<&str, usize> = HashMap::new();
    let mut tp: HashMap<&str, usize> = HashMap::new();
    for (gold, pred) in pairs {
        let g = if gold.contains(pred) { *pred } else { gold[0] };
        *support.entry(g).or_default() += 1;
        *predicted.entry(pred).or_default() += 1;
        if g == *pred {
            *tp.entry(g).or_default() += 1;
        }
    }
    let n = pairs.len();
    let weighted: f64 = support
        .iter()
        .map(|(c, &s)| {
            let t = tp.get(c).copied().unwrap_or(0);
            let p = ratio(t, predicted.get(c).copied().unwrap_or(0));
            let r = ratio(t, s);
            let f1 = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            f1 * s as f64
        })
        .sum();
    if n == 0 {
        0.0
    } else {
        weighted / n as f64
    }
}

/// Prints a disagreement on stderr (debugging aid: `SITREP_EVAL_MISSES=<field>`); the
/// text goes to the terminal only, never to a file of the repository.
fn dump_miss(rec: &GoldRecord, f: &GoldField, pred: &Pred, ev: Option<&Event>) {
    let loc = ev.and_then(|e| e.location.as_ref()).map(|l| {
        format!(
            "{} / {} / {} p{} ({:?},{:?})",
            l.name,
            l.admin2.as_deref().unwrap_or("-"),
            l.admin1.as_deref().unwrap_or("-"),
            l.precision,
            l.lat,
            l.lon
        )
    });
    eprintln!(
        "MISS {} id={} gold={:?} pred={:?} loc={}\n    {}",
        f.name,
        rec.id,
        f.value,
        pred,
        loc.unwrap_or_default(),
        rec.text.replace('\n', " ")
    );
}

/// One scored (record, field): the row key (field name, or `… (gold > 0)`), the gold
/// value, the field name and whether the prediction agreed.
type ScoredRow<'g> = (String, (&'g GoldValue, &'static str, bool));

/// Tabulates scored rows into one [`FieldScore`] per key, in first-seen order with each
/// `… (gold > 0)` and `… (stated)` row right after its field, each beside its trivial
/// baseline.
fn score_rows(rows: Vec<ScoredRow<'_>>) -> Vec<FieldScore> {
    type Rows<'g> = Vec<(&'g GoldValue, &'static str, bool)>;
    let mut order: Vec<String> = Vec::new();
    let mut per_field: HashMap<String, Rows<'_>> = HashMap::new();
    for (key, row) in rows {
        if !per_field.contains_key(&key) {
            order.push(key.clone());
        }
        per_field.entry(key).or_default().push(row);
    }
    // Sub-rows follow their field: "… (gold > 0)", then "… (stated)".
    const SUB_ROWS: [&str; 2] = [" (gold > 0)", " (stated)"];
    let mut ordered: Vec<&String> = Vec::with_capacity(order.len());
    for key in order
        .iter()
        .filter(|k| !SUB_ROWS.iter().any(|s| k.ends_with(s)))
    {
        ordered.push(key);
        for sub in SUB_ROWS {
            if let Some(pos) = order.iter().find(|k| **k == format!("{key}{sub}")) {
                ordered.push(pos);
            }
        }
    }
    ordered
        .into_iter()
        .filter_map(|key| {
            let rows = per_field.get(key)?;
            let n = rows.len();
            let correct = rows.iter().filter(|r| r.2).count();
            let (baseline, baseline_value) = baseline(rows);
            Some(FieldScore {
                field: key.clone(),
                n,
                correct,
                accuracy: ratio(correct, n),
                baseline,
                baseline_value,
            })
        })
        .collect()
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The trivial baseline: of the (up to 40) most frequent gold values, the one that,
/// answered for every record, agrees with the most records.
fn baseline(rows: &[(&GoldValue, &'static str, bool)]) -> (f64, String) {
    let mut freq: HashMap<String, (usize, &GoldValue, &'static str)> = HashMap::new();
    for (g, name, _) in rows {
        let e = freq.entry(value_key(g)).or_insert((0, g, name));
        e.0 += 1;
    }
    let mut cands: Vec<_> = freq.into_iter().collect();
    cands.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    cands.truncate(40);
    let mut best = (0usize, String::new());
    for (key, (_, g, name)) in &cands {
        let pred = as_prediction(name, g);
        let hits = rows.iter().filter(|(gv, _, _)| agrees(gv, &pred)).count();
        if hits > best.0 {
            best = (hits, display_value(g, key));
        }
    }
    (ratio(best.0, rows.len()), best.1)
}

fn display_value(g: &GoldValue, key: &str) -> String {
    match g {
        GoldValue::Types(t) => t.first().map(|t| t.label().to_string()).unwrap_or_default(),
        GoldValue::SubTypes(t) => t.first().map(|t| t.label().to_string()).unwrap_or_default(),
        GoldValue::Count(n) => n.to_string(),
        GoldValue::Range(lo, hi) => format!("{lo}..{hi}"),
        GoldValue::Flag(b) => if *b { "yes" } else { "no" }.to_string(),
        GoldValue::Names(n) if n.is_empty() => "(unidentified)".to_string(),
        GoldValue::Date(d) => d.to_string(),
        GoldValue::Country(c) => c.clone(),
        _ => key.to_string(),
    }
}

/// Runs `extract` over the records in parallel (rayon), joins events back by
/// `sources[].article_id` (events without sources are taken as the article's own),
/// and scores each record against its primary event.
pub fn evaluate<F>(kind: GoldKind, records: &[GoldRecord], extract: F) -> Report
where
    F: Fn(&Article) -> Vec<Event> + Sync,
{
    let t0 = std::time::Instant::now();
    let events: Vec<Option<Vec<Event>>> = records
        .par_iter()
        .map(|r| {
            let art = r.article();
            // A panicking extractor is a bug to report, not a reason to lose the run:
            // the record counts as having no event and is counted in `panicked`.
            let mut evs =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(&art))).ok()?;
            // Keep only this article's events (all of them when none carries sources).
            if evs.iter().any(|e| !e.sources.is_empty()) {
                evs.retain(|e| e.sources.iter().any(|s| s.article_id == art.id));
            }
            Some(evs)
        })
        .collect();
    let seconds = t0.elapsed().as_secs_f64();
    let scored: Vec<(&GoldRecord, Option<&Event>)> = records
        .iter()
        .zip(&events)
        .map(|(r, evs)| {
            let refs: Vec<&Event> = evs.iter().flatten().collect();
            (r, primary_event(&refs))
        })
        .collect();
    let mut report = score(kind, &scored, seconds);
    report.panicked = events.iter().filter(|e| e.is_none()).count();
    report
}

impl Report {
    /// The report as a fixed-width text table.
    pub fn to_table(&self) -> String {
        let mut s = if self.recognition {
            format!(
                "{:?} (recognition): {} records, {} with a resolved place, {:.1} s\n",
                self.kind, self.records, self.with_event, self.seconds
            )
        } else {
            format!(
                "{:?}: {} records, {} with an event, {} with a typed primary event, {:.1} s\n",
                self.kind, self.records, self.with_event, self.with_typed_event, self.seconds
            )
        };
        if self.panicked > 0 {
            s.push_str(&format!(
                "WARNING: the extractor panicked on {} records (scored as not found)\n",
                self.panicked
            ));
        }
        s.push_str(&format!(
            "{:<32} {:>6} {:>9} {:>9}  {}\n",
            "field", "n", "sitrep", "baseline", "baseline answers"
        ));
        for f in &self.fields {
            s.push_str(&format!(
                "{:<32} {:>6} {:>8.1}% {:>8.1}%  {}\n",
                f.field,
                f.n,
                100.0 * f.accuracy,
                100.0 * f.baseline,
                f.baseline_value
            ));
        }
        s
    }
}

#[cfg(test)]
mod f1_tests {
    use super::weighted_f1;

    #[test]
    fn weighted_f1_weights_each_class_by_its_support() {
        // Gold A, A, B; predicted A, B, B: F1(A) = F1(B) = 2/3.
        let pairs = vec![(vec!["A"], "A"), (vec!["A"], "B"), (vec!["B"], "B")];
        assert!((weighted_f1(&pairs) - 2.0 / 3.0).abs() < 1e-9);
        let perfect = vec![(vec!["A"], "A"), (vec!["B"], "B")];
        assert!((weighted_f1(&perfect) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn an_accepted_alternative_counts_under_the_predicted_class() {
        // "Riots or Protests" answered Protests is right; a missing answer is wrong.
        let pairs = vec![
            (vec!["Riots", "Protests"], "Protests"),
            (vec!["Protests"], "none"),
        ];
        // Protests: support 2, predicted 1, tp 1 -> P 1, R 1/2, F1 2/3, weight 2/2.
        assert!((weighted_f1(&pairs) - 2.0 / 3.0).abs() < 1e-9);
    }
}
