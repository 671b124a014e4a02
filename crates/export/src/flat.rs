//! The flat view of an event: one value per dotted column name.
//!
//! Shared by the CSV, GeoJSON (properties) and Parquet writers, so the three agree
//! column for column. Nested objects become dotted columns (`actor1.name`,
//! `location.lat`, `fatalities.best`); lists (`claimed_by`, `accused`, `denied_by`,
//! `sources`, `evidence`) become one column each holding the list as a compact
//! JSON string (`[]` when empty), so nothing is lost and any JSON parser reads them back.

use chrono::NaiveDate;
use sitrep_model::{Actor, Event};

/// The type of a flat column (maps to a Parquet/Arrow type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text.
    Str,
    /// Non-negative 32-bit count or small code.
    U32,
    /// 64-bit unsigned id (GeoNames id).
    U64,
    /// 64-bit float (coordinates, confidence).
    F64,
    /// Boolean.
    Bool,
    /// Calendar day.
    Date,
}

/// One value of the flat view; `Null` for an unknown or absent field.
#[derive(Debug, Clone, PartialEq)]
pub enum FlatValue {
    /// Unknown / absent.
    Null,
    /// Text.
    Str(String),
    /// Count or code.
    U32(u32),
    /// Large id.
    U64(u64),
    /// Float.
    F64(f64),
    /// Flag.
    Bool(bool),
    /// Day.
    Date(NaiveDate),
}

impl FlatValue {
    /// The value as CSV cell text: empty for null, ISO dates, `true`/`false`.
    pub fn to_cell(&self) -> String {
        match self {
            FlatValue::Null => String::new(),
            FlatValue::Str(s) => s.clone(),
            FlatValue::U32(n) => n.to_string(),
            FlatValue::U64(n) => n.to_string(),
            FlatValue::F64(x) => format_f64(*x),
            FlatValue::Bool(b) => b.to_string(),
            FlatValue::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// The value as JSON (numbers stay numbers, dates are ISO strings, null is null).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            FlatValue::Null => Value::Null,
            FlatValue::Str(s) => Value::String(s.clone()),
            FlatValue::U32(n) => Value::from(*n),
            FlatValue::U64(n) => Value::from(*n),
            FlatValue::F64(x) => serde_json::Number::from_f64(*x)
                .map(Value::Number)
                .unwrap_or(Value::Null),
            FlatValue::Bool(b) => Value::Bool(*b),
            FlatValue::Date(d) => Value::String(d.format("%Y-%m-%d").to_string()),
        }
    }
}

/// Shortest text that reads back to the same float; non-finite values are empty.
pub(crate) fn format_f64(x: f64) -> String {
    if x.is_finite() {
        // `{}` on f64 is the shortest round-tripping representation.
        format!("{x}")
    } else {
        String::new()
    }
}

/// Every flat column, in output order, with its type.
pub const COLUMNS: &[(&str, ColumnType)] = &[
    ("schema_version", ColumnType::U32),
    ("id", ColumnType::Str),
    ("event_date", ColumnType::Date),
    ("date_end", ColumnType::Date),
    ("date_precision", ColumnType::Str),
    ("event_type", ColumnType::Str),
    ("sub_event_type", ColumnType::Str),
    ("plover", ColumnType::Str),
    ("plover_mode", ColumnType::Str),
    ("actor1.name", ColumnType::Str),
    ("actor1.type", ColumnType::Str),
    ("actor1.country", ColumnType::Str),
    ("actor2.name", ColumnType::Str),
    ("actor2.type", ColumnType::Str),
    ("actor2.country", ColumnType::Str),
    ("location.name", ColumnType::Str),
    ("location.admin1", ColumnType::Str),
    ("location.admin2", ColumnType::Str),
    ("location.country", ColumnType::Str),
    ("location.country_code", ColumnType::Str),
    ("location.lat", ColumnType::F64),
    ("location.lon", ColumnType::F64),
    ("location.geonames_id", ColumnType::U64),
    ("location.precision", ColumnType::U32),
    ("fatalities.best", ColumnType::U32),
    ("fatalities.low", ColumnType::U32),
    ("fatalities.high", ColumnType::U32),
    ("fatalities.civilians", ColumnType::U32),
    ("fatalities.state_forces", ColumnType::U32),
    ("fatalities.militants", ColumnType::U32),
    ("fatalities.unknown", ColumnType::U32),
    ("wounded.best", ColumnType::U32),
    ("wounded.low", ColumnType::U32),
    ("wounded.high", ColumnType::U32),
    ("abducted", ColumnType::U32),
    ("arrested", ColumnType::U32),
    ("claimed_by", ColumnType::Str),
    ("accused", ColumnType::Str),
    ("denied_by", ColumnType::Str),
    ("background", ColumnType::Bool),
    ("notes", ColumnType::Str),
    ("sources", ColumnType::Str),
    ("evidence", ColumnType::Str),
    ("confidence", ColumnType::F64),
];

/// The column names of the flat view, in order.
pub fn column_names() -> impl Iterator<Item = &'static str> {
    COLUMNS.iter().map(|(n, _)| *n)
}

fn opt_str(s: Option<&str>) -> FlatValue {
    s.map_or(FlatValue::Null, |s| FlatValue::Str(s.to_string()))
}

fn opt_u32(n: Option<u32>) -> FlatValue {
    n.map_or(FlatValue::Null, FlatValue::U32)
}

fn opt_f64(x: Option<f64>) -> FlatValue {
    match x {
        Some(x) if x.is_finite() => FlatValue::F64(x),
        _ => FlatValue::Null,
    }
}

fn json_list<T: serde::Serialize>(items: &[T]) -> FlatValue {
    // Serialising plain model structs to a string cannot fail; fall back to `[]` anyway.
    FlatValue::Str(serde_json::to_string(items).unwrap_or_else(|_| "[]".to_string()))
}

fn actor_values(a: Option<&Actor>) -> [FlatValue; 3] {
    match a {
        None => [FlatValue::Null, FlatValue::Null, FlatValue::Null],
        Some(a) => [
            FlatValue::Str(a.name.clone()),
            opt_str(a.actor_type.map(|t| t.label())),
            opt_str(a.country.as_deref()),
        ],
    }
}

/// The flat values of one event, aligned with [`COLUMNS`].
pub fn flatten(ev: &Event) -> Vec<FlatValue> {
    let mut v = Vec::with_capacity(COLUMNS.len());
    v.push(FlatValue::U32(ev.schema_version));
    v.push(FlatValue::Str(ev.id.clone()));
    v.push(ev.event_date.map_or(FlatValue::Null, FlatValue::Date));
    v.push(ev.date_end.map_or(FlatValue::Null, FlatValue::Date));
    v.push(FlatValue::Str(
        date_precision_label(ev.date_precision).to_string(),
    ));
    v.push(opt_str(ev.event_type.map(|t| t.label())));
    v.push(opt_str(ev.sub_event_type.map(|t| t.label())));
    v.push(opt_str(ev.plover.map(|t| t.label())));
    v.push(opt_str(ev.plover_mode.as_deref()));
    v.extend(actor_values(ev.actor1.as_ref()));
    v.extend(actor_values(ev.actor2.as_ref()));
    match &ev.location {
        None => v.extend(std::iter::repeat_n(FlatValue::Null, 9)),
        Some(l) => {
            v.push(FlatValue::Str(l.name.clone()));
            v.push(opt_str(l.admin1.as_deref()));
            v.push(opt_str(l.admin2.as_deref()));
            v.push(opt_str(l.country.as_deref()));
            v.push(opt_str(l.country_code.as_deref()));
            v.push(opt_f64(l.lat));
            v.push(opt_f64(l.lon));
            v.push(l.geonames_id.map_or(FlatValue::Null, FlatValue::U64));
            v.push(FlatValue::U32(u32::from(l.precision)));
        }
    }
    let f = &ev.fatalities;
    for n in [
        f.best,
        f.low,
        f.high,
        f.civilians,
        f.state_forces,
        f.militants,
        f.unknown,
    ] {
        v.push(opt_u32(n));
    }
    for n in [ev.wounded.best, ev.wounded.low, ev.wounded.high] {
        v.push(opt_u32(n));
    }
    v.push(opt_u32(ev.abducted));
    v.push(opt_u32(ev.arrested));
    v.push(json_list(&ev.claimed_by));
    v.push(json_list(&ev.accused));
    v.push(json_list(&ev.denied_by));
    v.push(FlatValue::Bool(ev.background));
    v.push(FlatValue::Str(ev.notes.clone()));
    v.push(json_list(&ev.sources));
    v.push(json_list(&ev.evidence));
    // f32 → f64 widening shows noise digits (0.87 → 0.8700000047…): keep 4 decimals.
    v.push(opt_f64(Some(
        (f64::from(ev.confidence) * 10_000.0).round() / 10_000.0,
    )));
    debug_assert_eq!(v.len(), COLUMNS.len());
    v
}

/// The SPEC spelling of a date precision (`day`, `days`, …).
pub fn date_precision_label(p: sitrep_model::DatePrecision) -> &'static str {
    use sitrep_model::DatePrecision::*;
    match p {
        Day => "day",
        Days => "days",
        Week => "week",
        Month => "month",
        Year => "year",
        Unknown => "unknown",
    }
}
