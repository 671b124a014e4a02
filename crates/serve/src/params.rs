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
            #[param(example = "2026-01-01")]
            pub from: Option<String>,
            /// Last day, inclusive (`YYYY-MM-DD`).
            #[param(example = "2026-02-28")]
            pub to: Option<String>,
            /// ISO 3166-1 alpha-2 country code.
            #[param(example = "PK")]
            pub country: Option<String>,
            /// Province/state (admin1), current name, case-insensitive.
            #[param(example = "Balochistan")]
            pub admin1: Option<String>,
            /// ACLED event type, spelled as in the taxonomy.
            #[serde(rename = "type")]
            #[param(example = "Explosions/Remote violence")]
            pub event_type: Option<String>,
            /// Substring of an actor's name (actor1 or actor2), case-insensitive.
            #[param(example = "Baloch")]
            pub actor: Option<String>,
            /// Bounding box `W,S,E,N` in degrees (WGS84).
            #[param(example = "60,23,78,37")]
            pub bbox: Option<String>,
            /// Full-text query over the articles behind the events.
            #[param(example = "suicide")]
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
        limit: "limit",
        /// Opaque cursor from the previous page's `next_cursor`.
        cursor: "cursor",
    }
}

filter_struct! {
    /// Parameters of `GET /api/stats`.
    StatsParams {
        /// How to group: `day`, `week`, `month` (stacked by event type), `admin1`, `actor`, `type`.
        group: "group",
    }
}

filter_struct! {
    /// Parameters of `GET /api/events.geojson` and `GET /api/events.csv`.
    ExportParams {
        /// At most this many events (default and maximum: the server's export cap).
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

/// A value with surrounding blanks removed; empty means absent (as an empty form field).
fn present(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|s| !s.is_empty())
}

fn check_plain(param: &str, v: &str, max: usize) -> Result<String, ApiError> {
    if v.chars().count() > max {
        return Err(ApiError::invalid(
            param,
            format!("longer than {max} characters"),
        ));
    }
    if v.chars().any(char::is_control) {
        return Err(ApiError::invalid(param, "contains control characters"));
    }
    Ok(v.to_string())
}

fn date(param: &str, v: Option<&str>) -> Result<Option<NaiveDate>, ApiError> {
    present(v)
        .map(|s| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| ApiError::invalid(param, format!("`{s}` is not a YYYY-MM-DD date")))
        })
        .transpose()
}

fn bbox(v: &str) -> Result<[f64; 4], ApiError> {
    let parts: Vec<&str> = v.split(',').map(str::trim).collect();
    if parts.len() != 4 {
        return Err(ApiError::invalid("bbox", "expected four numbers W,S,E,N"));
    }
    let mut out = [0.0f64; 4];
    for (slot, p) in out.iter_mut().zip(&parts) {
        let x: f64 = p
            .parse()
            .map_err(|_| ApiError::invalid("bbox", format!("`{p}` is not a number")))?;
        if !x.is_finite() {
            return Err(ApiError::invalid("bbox", "numbers must be finite"));
        }
        *slot = x;
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
    if s > n || w > e {
        return Err(ApiError::invalid(
            "bbox",
            "west must not exceed east, nor south north",
        ));
    }
    Ok(out)
}

/// Turn checked filter values into an [`EventQuery`] (no limit or cursor yet).
pub fn to_query(f: FilterRefs<'_>) -> Result<EventQuery, ApiError> {
    let from = date("from", f.from)?;
    let to = date("to", f.to)?;
    if let (Some(a), Some(b)) = (from, to) {
        if a > b {
            return Err(ApiError::invalid("from", "`from` is after `to`"));
        }
    }
    let country = present(f.country)
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
    let event_type = present(f.event_type)
        .map(|t| {
            EventType::from_label(t).ok_or_else(|| {
                let all: Vec<&str> = EventType::ALL.iter().map(|t| t.label()).collect();
                ApiError::invalid("type", format!("expected one of: {}", all.join(", ")))
            })
        })
        .transpose()?;
    Ok(EventQuery {
        from,
        to,
        country,
        admin1: present(f.admin1)
            .map(|v| check_plain("admin1", v, MAX_NAME))
            .transpose()?,
        event_type,
        actor: present(f.actor)
            .map(|v| check_plain("actor", v, MAX_NAME))
            .transpose()?,
        bbox: present(f.bbox).map(bbox).transpose()?,
        text: present(f.text)
            .map(|v| check_plain("text", v, MAX_TEXT))
            .transpose()?,
        limit: None,
        cursor: None,
    })
}

/// Parse a `limit` value within `1..=max`.
pub fn limit(v: Option<&str>, default: usize, max: usize) -> Result<usize, ApiError> {
    match present(v) {
        None => Ok(default),
        Some(s) => match s.parse::<usize>() {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::invalid(
                "limit",
                format!("expected a whole number from 1 to {max}"),
            )),
        },
    }
}

/// The query of `GET /api/events`.
pub fn events_query(p: &EventsParams) -> Result<EventQuery, ApiError> {
    let mut q = to_query(p.filters())?;
    q.limit = Some(limit(p.limit.as_deref(), DEFAULT_LIMIT, MAX_LIMIT)?);
    q.cursor = present(p.cursor.as_deref())
        .map(|c| {
            if c.len() <= MAX_CURSOR && c.bytes().all(|b| b.is_ascii_graphic()) {
                Ok(c.to_string())
            } else {
                Err(ApiError::invalid(
                    "cursor",
                    "not a cursor this server handed out",
                ))
            }
        })
        .transpose()?;
    Ok(q)
}

/// The query and grouping of `GET /api/stats`.
pub fn stats_query(p: &StatsParams) -> Result<(EventQuery, StatsGroup), ApiError> {
    let q = to_query(p.filters())?;
    let group = match present(p.group.as_deref()).unwrap_or("week") {
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
    Ok((q, group))
}

/// The query and cap of the export endpoints.
pub fn export_query(p: &ExportParams, cap: usize) -> Result<(EventQuery, usize), ApiError> {
    let q = to_query(p.filters())?;
    let n = limit(p.limit.as_deref(), cap, cap)?;
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
            "from=2026-01-01&to=2026-01-31&country=pk&type=battles&bbox=60,23,78,37&limit=10&admin1=",
        ))
        .unwrap();
        let q = events_query(&p).unwrap();
        assert_eq!(q.country.as_deref(), Some("PK"));
        assert_eq!(q.event_type, Some(EventType::Battles));
        assert_eq!(q.bbox, Some([60.0, 23.0, 78.0, 37.0]));
        assert_eq!(q.limit, Some(10));
        assert_eq!(q.admin1, None);
        for bad in [
            "from=2026-13-01",
            "from=2026-02-01&to=2026-01-01",
            "country=PAK",
            "type=War",
            "bbox=1,2,3",
            "bbox=10,0,5,1",
            "bbox=0,0,NaN,1",
            "limit=0",
            "limit=501",
            "limit=-1",
            "cursor=a%20b",
            "text=a%00b",
        ] {
            let p: EventsParams = parse(Some(bad)).unwrap();
            assert!(events_query(&p).is_err(), "{bad} accepted");
        }
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
