//! Query parameters: parsed from the raw query string, checked, and turned into an
//! [`EventQuery`]. Values are validated here and handed to the store as typed values; the
//! store binds them into its SQL, never splices them.

use crate::error::ApiError;
use axum::http::StatusCode;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use sitrep_model::EventType;
use sitrep_store::{EventQuery, StatsGroup};
use utoipa::IntoParams;

/// Default page size of `GET /api/events`.
pub const DEFAULT_LIMIT: usize = 50;
/// Largest page size of `GET /api/events`.
pub const MAX_LIMIT: usize = 500;
/// Longest accepted free-text value (characters).
const MAX_TEXT: usize = 500;
/// Longest accepted name value (admin1, actor), in characters.
const MAX_NAME: usize = 200;
/// Longest accepted cursor (bytes).
const MAX_CURSOR: usize = 512;

macro_rules! filter_struct {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident : $rename:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Default, Deserialize, IntoParams)]
        #[serde(deny_unknown_fields)]
        #[into_params(parameter_in = Query)]
        pub struct $name {
            /// First day, inclusive (`YYYY-MM-DD`).
            #[param(format = Date, example = "2026-01-01")]
            pub from: Option<String>,
            /// Last day, inclusive (`YYYY-MM-DD`). A `to` before `from` selects nothing.
            #[param(format = Date, example = "2026-02-28")]
            pub to: Option<String>,
            /// ISO 3166-1 alpha-2 country code (either case).
            #[param(pattern = "^[A-Za-z]{2}$", example = "PK")]
            pub country: Option<String>,
            /// Province/state (admin1), current name, case-insensitive. Empty: no filter.
            #[param(max_length = 200, pattern = "^[^\\x00-\\x1F\\x7F-\\x9F]*$", example = "Balochistan")]
            pub admin1: Option<String>,
            /// ACLED event type, spelled as in the taxonomy.
            #[serde(rename = "type")]
            #[param(schema_with = crate::openapi::event_type_param, example = "Explosions/Remote violence")]
            pub event_type: Option<String>,
            /// Substring of an actor's name (actor1 or actor2), case-insensitive. Empty: no filter.
            #[param(max_length = 200, pattern = "^[^\\x00-\\x1F\\x7F-\\x9F]*$", example = "Baloch")]
            pub actor: Option<String>,
            /// Bounding box `W,S,E,N` in degrees (WGS84), plain decimals. West greater than
            /// east crosses the antimeridian; south greater than north selects nothing.
            #[param(schema_with = crate::openapi::bbox_param, example = "60,23,78,37")]
            pub bbox: Option<String>,
            /// Full-text query over the articles behind the events: every word must occur.
            /// Empty: no filter; no word at all (only punctuation): selects nothing.
            #[param(max_length = 500, pattern = "^[^\\x00-\\x1F\\x7F-\\x9F]*$", example = "suicide")]
            pub text: Option<String>,
            $($(#[$fmeta])* #[serde(rename = $rename)] pub $field: Option<String>,)*
        }

        impl Filters for $name {
            fn filters(&self) -> FilterRefs<'_> {
                FilterRefs {
                    from: self.from.as_deref(),
                    to: self.to.as_deref(),
                    country: self.country.as_deref(),
                    admin1: self.admin1.as_deref(),
                    event_type: self.event_type.as_deref(),
                    actor: self.actor.as_deref(),
                    bbox: self.bbox.as_deref(),
                    text: self.text.as_deref(),
                }
            }
        }
    };
}

filter_struct! {
    /// Parameters of `GET /api/events`.
    EventsParams {
        /// Page size, 1 to 500 (default 50).
        #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
        limit: "limit",
        /// Opaque cursor from the previous page's `next_cursor`.
        #[param(schema_with = crate::openapi::cursor_param)]
        cursor: "cursor",
        /// `true`: every item carries its `evidence` too (default `false`: the list stays
        /// light; `GET /api/events/{id}` has the whole record).
        #[param(value_type = Option<bool>)]
        evidence: "evidence",
    }
}

filter_struct! {
    /// Parameters of `GET /api/stats`.
    StatsParams {
        /// How to group: `day`, `week`, `month` (stacked by event type), `admin1`, `actor`, `type`.
        #[param(schema_with = crate::openapi::group_param)]
        group: "group",
    }
}

filter_struct! {
    /// Parameters of `GET /api/events.geojson` and `GET /api/events.csv`.
    ExportParams {
        /// At most this many events (default: the server's export cap; larger values are
        /// lowered to it).
        #[param(value_type = Option<u32>, minimum = 1, maximum = 1000000000)]
        limit: "limit",
    }
}

/// Borrowed filter values of any of the parameter structs.
pub struct FilterRefs<'a> {
    from: Option<&'a str>,
    to: Option<&'a str>,
    country: Option<&'a str>,
    admin1: Option<&'a str>,
    event_type: Option<&'a str>,
    actor: Option<&'a str>,
    bbox: Option<&'a str>,
    text: Option<&'a str>,
}

/// The shared filters of a parameter struct.
pub trait Filters {
    /// Borrow the filter values.
    fn filters(&self) -> FilterRefs<'_>;
}

/// Parse a raw query string into a parameter struct, with JSON errors.
pub fn parse<T: DeserializeOwned + Default>(raw: Option<&str>) -> Result<T, ApiError> {
    let Some(raw) = raw.filter(|r| !r.is_empty()) else {
        return Ok(T::default());
    };
    serde_urlencoded::from_str::<T>(raw).map_err(|e| {
        let m = e.to_string();
        if m.starts_with("unknown field") {
            ApiError::new(StatusCode::BAD_REQUEST, "unknown_parameter", m)
        } else {
            ApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", m)
        }
    })
}

/// A free-text value with surrounding blanks removed; empty means absent (as an empty
/// form field).
fn present(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|s| !s.is_empty())
}

/// A free-text parameter: the value as sent is checked (length, no control
/// characters, as the OpenAPI pattern says: a leading "\r" is refused, not
/// trimmed away), then trimmed; blank means no filter.
fn plain(param: &str, v: Option<&str>, max: usize) -> Result<Option<String>, ApiError> {
    match v {
        Some(raw) => {
            check_plain(param, raw, max)?;
            Ok(present(Some(raw)).map(str::to_string))
        }
        None => Ok(None),
    }
}

fn check_plain(param: &str, v: &str, max: usize) -> Result<(), ApiError> {
    if v.chars().count() > max {
        return Err(ApiError::invalid(
            param,
            format!("longer than {max} characters"),
        ));
    }
    if v.chars().any(char::is_control) {
        return Err(ApiError::invalid(param, "contains control characters"));
    }
    Ok(())
}

/// A `YYYY-MM-DD` calendar date, exactly (RFC 3339 `full-date`).
fn date(param: &str, v: Option<&str>) -> Result<Option<NaiveDate>, ApiError> {
    v.map(|s| {
        let b = s.as_bytes();
        let shaped = b.len() == 10
            && b.iter().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            });
        shaped
            .then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            .flatten()
            .ok_or_else(|| ApiError::invalid(param, format!("`{s}` is not a YYYY-MM-DD date")))
    })
    .transpose()
}

/// A plain decimal number: `-?[0-9]+(\.[0-9]+)?`.
fn plain_decimal(p: &str) -> Option<f64> {
    let digits = p.strip_prefix('-').unwrap_or(p);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let ok = !int.is_empty()
        && int.bytes().all(|c| c.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|c| c.is_ascii_digit()));
    if ok {
        p.parse().ok()
    } else {
        None
    }
}

fn bbox(v: &str) -> Result<[f64; 4], ApiError> {
    let parts: Vec<&str> = v.split(',').collect();
    if parts.len() != 4 {
        return Err(ApiError::invalid("bbox", "expected four numbers W,S,E,N"));
    }
    let mut out = [0.0f64; 4];
    for (slot, p) in out.iter_mut().zip(&parts) {
        *slot = plain_decimal(p).ok_or_else(|| {
            ApiError::invalid("bbox", format!("`{p}` is not a plain decimal number"))
        })?;
    }
    let [w, s, e, n] = out;
    if !(-180.0..=180.0).contains(&w) || !(-180.0..=180.0).contains(&e) {
        return Err(ApiError::invalid(
            "bbox",
            "longitudes must lie in -180..180",
        ));
    }
    if !(-90.0..=90.0).contains(&s) || !(-90.0..=90.0).contains(&n) {
        return Err(ApiError::invalid("bbox", "latitudes must lie in -90..90"));
    }
    Ok(out)
}

/// An ACLED event type by its exact label.
fn event_type(v: &str) -> Result<EventType, ApiError> {
    EventType::ALL
        .iter()
        .copied()
        .find(|t| t.label() == v)
        .ok_or_else(|| {
            let all: Vec<&str> = EventType::ALL.iter().map(|t| t.label()).collect();
            ApiError::invalid("type", format!("expected one of: {}", all.join(", ")))
        })
}

/// Checked filters: the query for the store, or `None` when the filters can select no
/// event at all (`to` before `from`, a box with south above north, a text without words),
/// which the handlers answer with an empty result without asking the store.
pub type Checked = Option<EventQuery>;

/// Turn checked filter values into an [`EventQuery`] (no limit or cursor yet).
pub fn to_query(f: FilterRefs<'_>) -> Result<Checked, ApiError> {
    let from = date("from", f.from)?;
    let to = date("to", f.to)?;
    let country = f
        .country
        .map(|c| {
            if c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()) {
                Ok(c.to_ascii_uppercase())
            } else {
                Err(ApiError::invalid(
                    "country",
                    "expected an ISO 3166-1 alpha-2 code such as PK",
                ))
            }
        })
        .transpose()?;
    let event_type = f.event_type.map(event_type).transpose()?;
    let bbox = f.bbox.map(bbox).transpose()?;
    let admin1 = plain("admin1", f.admin1, MAX_NAME)?;
    let actor = plain("actor", f.actor, MAX_NAME)?;
    let text = plain("text", f.text, MAX_TEXT)?;
    let nothing = matches!((from, to), (Some(a), Some(b)) if a > b)
        || bbox.is_some_and(|[_, s, _, n]| s > n)
        || text
            .as_deref()
            .is_some_and(|t| sitrep_store::sqlite::fts_query(t).is_none());
    if nothing {
        return Ok(None);
    }
    Ok(Some(EventQuery {
        from,
        to,
        country,
        admin1,
        event_type,
        actor,
        bbox,
        text,
        limit: None,
        cursor: None,
    }))
}

/// Parse a `limit` value (digits only) within `1..=max`; `clamp`: larger values (up to
/// 1,000,000,000, the documented maximum) are lowered to `max` instead of refused.
pub fn limit(v: Option<&str>, default: usize, max: usize, clamp: bool) -> Result<usize, ApiError> {
    let Some(s) = v else {
        return Ok(default);
    };
    let bad = || {
        ApiError::invalid(
            "limit",
            if clamp {
                "expected a whole number of at least 1".to_string()
            } else {
                format!("expected a whole number from 1 to {max}")
            },
        )
    };
    if s.is_empty() || s.len() > 10 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    match s.parse::<u64>() {
        Ok(n) if n >= 1 && n <= max as u64 => Ok(n as usize),
        Ok(n) if n >= 1 && clamp && n <= 1_000_000_000 => Ok(max),
        _ => Err(bad()),
    }
}

/// Whether `GET /api/events` items carry their evidence (`evidence=true|false`).
pub fn with_evidence(p: &EventsParams) -> Result<bool, ApiError> {
    match p.evidence.as_deref() {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(_) => Err(ApiError::invalid("evidence", "expected true or false")),
    }
}

/// The query of `GET /api/events`.
pub fn events_query(p: &EventsParams) -> Result<Checked, ApiError> {
    let checked = to_query(p.filters())?;
    let limit = limit(p.limit.as_deref(), DEFAULT_LIMIT, MAX_LIMIT, false)?;
    let cursor = p
        .cursor
        .as_deref()
        .map(|c| {
            if c.len() <= MAX_CURSOR && sitrep_store::decode_cursor(c).is_ok() {
                Ok(c.to_string())
            } else {
                Err(ApiError::invalid(
                    "cursor",
                    "not a cursor this server handed out",
                ))
            }
        })
        .transpose()?;
    Ok(checked.map(|mut q| {
        q.limit = Some(limit);
        q.cursor = cursor;
        q
    }))
}

/// The query and grouping of `GET /api/stats`.
pub fn stats_query(p: &StatsParams) -> Result<(Checked, StatsGroup), ApiError> {
    let group = match p.group.as_deref().unwrap_or("week") {
        "day" => StatsGroup::Day,
        "week" => StatsGroup::Week,
        "month" => StatsGroup::Month,
        "admin1" => StatsGroup::Admin1,
        "actor" => StatsGroup::Actor,
        "type" => StatsGroup::Type,
        _ => {
            return Err(ApiError::invalid(
                "group",
                "expected day, week, month, admin1, actor or type",
            ))
        }
    };
    let q = to_query(p.filters())?;
    Ok((q, group))
}

/// The query and cap of the export endpoints.
pub fn export_query(p: &ExportParams, cap: usize) -> Result<(Checked, usize), ApiError> {
    let q = to_query(p.filters())?;
    let n = limit(p.limit.as_deref(), cap, cap, true)?;
    Ok((q, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_and_duplicate_parameters_are_refused() {
        let e = parse::<EventsParams>(Some("colour=red")).unwrap_err();
        assert_eq!(e.code, "unknown_parameter");
        let e = parse::<EventsParams>(Some("from=2026-01-01&from=2026-01-02")).unwrap_err();
        assert_eq!(e.code, "invalid_parameter");
    }

    #[test]
    fn filters_are_checked_and_typed() {
        let p: EventsParams = parse(Some(
            "from=2026-01-01&to=2026-01-31&country=pk&type=Battles&bbox=60,23,78.5,37&limit=10&admin1=",
        ))
        .unwrap();
        let q = events_query(&p).unwrap().unwrap();
        assert_eq!(q.country.as_deref(), Some("PK"));
        assert_eq!(q.event_type, Some(EventType::Battles));
        assert_eq!(q.bbox, Some([60.0, 23.0, 78.5, 37.0]));
        assert_eq!(q.limit, Some(10));
        assert_eq!(q.admin1, None);
        for bad in [
            "from=2026-13-01",
            "from=2026-1-01",
            "from=+2026-01-01",
            "from=",
            "to=2026-02-30",
            "country=PAK",
            "country=",
            "type=War",
            "type=battles",
            "bbox=1,2,3",
            "bbox=0,0,NaN,1",
            "bbox=0,0,inf,1",
            "bbox=0,0,1e1,1",
            "bbox=0,0,+1,1",
            "bbox=0,0,%201,1",
            "bbox=0,0,181,1",
            "bbox=0,-91,1,1",
            "limit=0",
            "limit=501",
            "limit=-1",
            "limit=+5",
            "limit=",
            "cursor=a%20b",
            "cursor=7631",
            "text=a%00b",
            "evidence=1",
            "evidence=",
        ] {
            let p: EventsParams = parse(Some(bad)).unwrap();
            assert!(
                events_query(&p).is_err() || with_evidence(&p).is_err(),
                "{bad} accepted"
            );
        }
        // a cursor as the store hands it out
        let c = sitrep_store::encode_cursor("2026-01-05", "ev1");
        let p: EventsParams = parse(Some(&format!("cursor={c}"))).unwrap();
        assert_eq!(events_query(&p).unwrap().unwrap().cursor, Some(c));
    }

    #[test]
    fn filters_that_select_nothing_are_not_errors() {
        for nothing in [
            "from=2026-02-01&to=2026-01-01",
            "bbox=0,10,1,5",
            "text=%2B%2B%2B",
        ] {
            let p: EventsParams = parse(Some(nothing)).unwrap();
            assert_eq!(events_query(&p).unwrap(), None, "{nothing}");
        }
        // west above east crosses the antimeridian: a real box
        let p: EventsParams = parse(Some("bbox=170,-20,-170,0")).unwrap();
        let q = events_query(&p).unwrap().unwrap();
        assert_eq!(q.bbox, Some([170.0, -20.0, -170.0, 0.0]));
        // blank free text is no filter
        let p: EventsParams = parse(Some("text=%20&actor=&admin1=%20")).unwrap();
        let q = events_query(&p).unwrap().unwrap();
        assert_eq!((q.text, q.actor, q.admin1), (None, None, None));
        // a control character is refused even where trimming would remove it
        // (schemathesis: `admin1=%0D%7B` was accepted as "{")
        for bad in ["admin1=%0D%7B", "actor=x%0A", "text=%09bomb"] {
            let p: EventsParams = parse(Some(bad)).unwrap();
            assert!(events_query(&p).is_err(), "{bad}");
        }
    }

    #[test]
    fn export_limits_are_lowered_to_the_cap() {
        let p: ExportParams = parse(Some("limit=5000000")).unwrap();
        assert_eq!(export_query(&p, 1000).unwrap().1, 1000);
        let p: ExportParams = parse(Some("limit=7")).unwrap();
        assert_eq!(export_query(&p, 1000).unwrap().1, 7);
        let p: ExportParams = parse(Some("limit=0")).unwrap();
        assert!(export_query(&p, 1000).is_err());
    }

    #[test]
    fn stats_groups() {
        let p: StatsParams = parse(Some("group=admin1")).unwrap();
        assert_eq!(stats_query(&p).unwrap().1, StatsGroup::Admin1);
        let p: StatsParams = parse(None).unwrap();
        assert_eq!(stats_query(&p).unwrap().1, StatsGroup::Week);
        let p: StatsParams = parse(Some("group=year")).unwrap();
        assert!(stats_query(&p).is_err());
    }
}
