//! ACLED's CSV layout (SPEC §4) and its coding conventions.
//!
//! Columns, exactly and in this order: [`ACLED_COLUMNS`]. Conventions:
//! - Verbal events (`event_type` null) are left out.
//! - `event_id_cnty`: the country's ISO alpha-3 code (`XXX` when the country is unknown)
//!   followed by a number derived stably from the event id (the first 8 hex digits of
//!   its BLAKE3 hash, as a decimal number), e.g. `PAK1234567890`.
//! - `event_date`: `YYYY-MM-DD` (ACLED's API/export style); `year` from it; both empty
//!   when the date is unknown.
//! - `time_precision`: 1 for `day`, 2 for `days` and `week`, 3 for `month` and `year`,
//!   empty for `unknown`.
//! - `inter1`/`inter2`: ACLED inter codes 1–8 from the actor types; 0 when there is no
//!   actor (as ACLED codes a missing actor2); empty when the actor is named but its type
//!   is unknown.
//! - `interaction`: the two codes as a two-digit number, lower code first (`12` for
//!   state forces vs rebels); a one-sided event is the code followed by 0 (`20`).
//!   Empty when a present actor's type is unknown.
//! - `civilian_targeting`: `Civilian targeting` when actor2 is of type Civilians.
//! - `iso`: the numeric ISO 3166-1 code; `region`: ACLED's region of the country.
//! - `admin3` is empty (not coded); `assoc_actor_1`/`assoc_actor_2` are empty (sitrep
//!   codes no associated actors).
//! - `source`: the publishers of the sources (the URL's host when no publisher),
//!   `; `-joined; `source_scale` empty.
//! - `fatalities`: `fatalities.best`, or 0 when unknown: ACLED's convention is that the
//!   column is always an integer and 0 stands for "no reported fatalities".
//! - `tags`: empty; `timestamp`: the newest `published` moment of the sources as Unix
//!   seconds (the record's last update), empty when none parses.

use crate::countries::COUNTRIES;
use sitrep_model::{ActorType, DatePrecision, Event};

/// ACLED's CSV columns, in order (SPEC §4).
pub const ACLED_COLUMNS: [&str; 30] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// Facts about a country: ISO codes, name and ACLED region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountryInfo {
    /// ISO 3166-1 alpha-2.
    pub alpha2: &'static str,
    /// ISO 3166-1 alpha-3.
    pub alpha3: &'static str,
    /// ISO 3166-1 numeric.
    pub numeric: u16,
    /// Short English name.
    pub name: &'static str,
    /// ACLED region, e.g. `Southern Asia`.
    pub region: &'static str,
}

/// Looks a country up by ISO alpha-2 (case-insensitive), alpha-3, or English name.
pub fn country(code_or_name: &str) -> Option<CountryInfo> {
    let q = code_or_name.trim();
    let row = if q.len() == 2 {
        let up = q.to_ascii_uppercase();
        COUNTRIES
            .binary_search_by(|r| r.0.cmp(up.as_str()))
            .ok()
            .map(|i| &COUNTRIES[i])
    } else if q.len() == 3 {
        COUNTRIES.iter().find(|r| r.1.eq_ignore_ascii_case(q))
    } else {
        COUNTRIES.iter().find(|r| r.3.eq_ignore_ascii_case(q))
    }?;
    Some(CountryInfo {
        alpha2: row.0,
        alpha3: row.1,
        numeric: row.2,
        name: row.3,
        region: row.4,
    })
}

/// ACLED `time_precision` for a date precision (`None` when unknown).
pub fn time_precision(p: DatePrecision) -> Option<u8> {
    match p {
        DatePrecision::Day => Some(1),
        DatePrecision::Days | DatePrecision::Week => Some(2),
        DatePrecision::Month | DatePrecision::Year => Some(3),
        DatePrecision::Unknown => None,
    }
}

/// ACLED `interaction` from two inter codes (0 = no actor): lower code first, a
/// missing side last. `None` when both are 0.
pub fn interaction(inter1: u8, inter2: u8) -> Option<u8> {
    match (inter1, inter2) {
        (0, 0) => None,
        (a, 0) | (0, a) => Some(a * 10),
        (a, b) => Some(a.min(b) * 10 + a.max(b)),
    }
}

/// The stable `event_id_cnty` of an event: alpha-3 + a number from the id.
pub fn event_id_cnty(ev: &Event) -> String {
    let alpha3 = event_country(ev).map_or("XXX", |c| c.alpha3);
    let h = sitrep_model::stable_id(&["acled-event-id", &ev.id]);
    let n = u64::from_str_radix(h.get(..8).unwrap_or(&h), 16).unwrap_or(0);
    format!("{alpha3}{n}")
}

/// The country of an event: its location's country code, else its country name,
/// else actor1's country.
fn event_country(ev: &Event) -> Option<CountryInfo> {
    let loc = ev.location.as_ref();
    loc.and_then(|l| l.country_code.as_deref())
        .and_then(country)
        .or_else(|| loc.and_then(|l| l.country.as_deref()).and_then(country))
        .or_else(|| {
            ev.actor1
                .as_ref()
                .and_then(|a| a.country.as_deref())
                .and_then(country)
        })
}

/// The ACLED row of an event, or `None` for a verbal event (no ACLED type).
pub fn acled_row(ev: &Event) -> Option<Vec<String>> {
    let event_type = ev.event_type?;
    let cell_u = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let inter = |a: Option<&sitrep_model::Actor>| -> Option<u8> {
        match a {
            None => Some(0),
            Some(a) => a.actor_type.map(ActorType::inter_code),
        }
    };
    let i1 = inter(ev.actor1.as_ref());
    let i2 = inter(ev.actor2.as_ref());
    let interaction = match (i1, i2) {
        (Some(a), Some(b)) => interaction(a, b),
        _ => None,
    };
    let civ = ev
        .actor2
        .as_ref()
        .and_then(|a| a.actor_type)
        .filter(|t| *t == ActorType::Civilians)
        .map(|_| "Civilian targeting")
        .unwrap_or("");
    let c = event_country(ev);
    let loc = ev.location.as_ref();
    let country_name = loc
        .and_then(|l| l.country.clone())
        .or_else(|| c.map(|c| c.name.to_string()))
        .unwrap_or_default();
    let mut sources: Vec<&str> = Vec::new();
    for s in &ev.sources {
        let name = s
            .publisher
            .as_deref()
            .filter(|p| !p.trim().is_empty())
            .or_else(|| s.url.as_deref().and_then(url_host));
        if let Some(p) = name {
            if !sources.contains(&p) {
                sources.push(p);
            }
        }
    }
    let timestamp = ev
        .sources
        .iter()
        .filter_map(|s| s.published.as_deref().and_then(parse_moment))
        .max();
    Some(vec![
        event_id_cnty(ev),
        ev.event_date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        ev.event_date
            .map(|d| chrono::Datelike::year(&d).to_string())
            .unwrap_or_default(),
        time_precision(ev.date_precision)
            .map(|p| p.to_string())
            .unwrap_or_default(),
        event_type.label().to_string(),
        ev.sub_event_type
            .map(|s| s.label().to_string())
            .unwrap_or_default(),
        ev.actor1
            .as_ref()
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        String::new(),
        i1.map(|n| n.to_string()).unwrap_or_default(),
        ev.actor2
            .as_ref()
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        String::new(),
        i2.map(|n| n.to_string()).unwrap_or_default(),
        interaction.map(|n| n.to_string()).unwrap_or_default(),
        civ.to_string(),
        c.map(|c| c.numeric.to_string()).unwrap_or_default(),
        c.map(|c| c.region.to_string()).unwrap_or_default(),
        country_name,
        loc.and_then(|l| l.admin1.clone()).unwrap_or_default(),
        loc.and_then(|l| l.admin2.clone()).unwrap_or_default(),
        String::new(),
        loc.map(|l| l.name.clone()).unwrap_or_default(),
        loc.and_then(|l| l.lat)
            .map(crate::flat::format_f64)
            .unwrap_or_default(),
        loc.and_then(|l| l.lon)
            .map(crate::flat::format_f64)
            .unwrap_or_default(),
        loc.map(|l| l.precision.to_string()).unwrap_or_default(),
        sources.join("; "),
        String::new(),
        ev.notes.clone(),
        cell_u(Some(ev.fatalities.best.unwrap_or(0))),
        String::new(),
        timestamp.map(|t| t.to_string()).unwrap_or_default(),
    ])
}

/// The host of a URL without `www.` (`https://www.dawn.com/news/1` → `dawn.com`).
fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// Unix seconds of an ISO 8601 moment (`2026-02-01T11:59:55Z`) or day (`2026-02-01`).
fn parse_moment(s: &str) -> Option<i64> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.timestamp());
    }
    let d = chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    Some(d.and_hms_opt(0, 0, 0)?.and_utc().timestamp())
}
