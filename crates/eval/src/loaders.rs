//! Readers for the hand-coded development sets, each into [`GoldRecord`]s.
//!
//! Files may be UTF-8 or latin-1 (decoded byte-for-byte when not valid UTF-8).
//!
//! | dataset | text | fields |
//! |---|---|---|
//! | ACLED (`acled_asia_2015.csv`, old or current schema) | `NOTES` | event_type (old names mapped; "Riots/Protests" accepts Protests or Riots), event_type_split (the same, with "Riots/Protests" split by actor1: Protesters → Protests, Rioters → Riots), sub_event_type (current schema, or implied by the old battle/territory names), fatalities, actor1, actor2, admin1, location (lat/lon) |
//! | GTD (`*.geojson`) | `summary` | event_type + sub_event_type (from attack type, target and weapon, see [`gtd_types`]), fatalities (`nkill`), wounded (`nwound`), abducted (`nhostkid`), perpetrator (`gname`; "Unknown" = unidentified), claimed, admin1 (`provstate`), location, date |
//! | UCDP GED (`*.csv`) | `source_headline`, only rows whose headline states a number | fatalities (best), fatalities.bounds (low..high), deaths.civilians / state_forces / militants (by side, see [`ucdp_sides`]), admin1, location |
//! | MUC-3/4 (folder with messages and `key-*` files) | the message | event_type (incident type mapped), date, country, location (any named place of the key), perpetrator (organisation), claimed, killed / injured (human target effect) — first template of each relevant message |
//! | Wikipedia incident list (`*.json`) | `Description` (no publication date: the list gives only the year) | event_type (from `Category`, see [`wiki_types`]), fatalities (`Dead`), fatalities.victims (`Dead` against the total less militants' deaths: the list leaves attackers out), wounded (`Injured`), "(stated)" rows over records whose text writes the gold number ([`states_number`]), perpetrator (`Perpetrator`) and perpetrator (groups only) ([`perpetrator_is_group`]), country |
//! | Pakistan suicide bombings (`PakistanSuicideAttacks.csv`) | `Location` + `City` (a place description, no event: score it with `--recognition`) | event_type, sub_event_type (Suicide bomb), fatalities.bounds (`Killed Min..Max`), wounded.bounds, admin1 (`Province`; "Capital" = Islamabad), location, date |
//! | Pakistan drone strikes (`PakistanDroneAttacks.csv`) | `Special Mention (Site)` + `Comments`, rows with neither skipped | event_type (Explosions/Remote violence), sub_event_type (Air/drone strike), fatalities (`Total Died Mix`, the maximum), fatalities.bounds (min..max; also over the notes that write a number within them), wounded.bounds, deaths.civilians.bounds, admin1 (`Province`), location, date |
//!
//! Counts of -99/-9 and empty cells are unknown: the field is not scored.

use crate::{names::normalize_name, EvalError, GoldField, GoldKind, GoldRecord, GoldValue};
use chrono::NaiveDate;
use sitrep_model::{EventType, SubEventType};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Loads a dataset of `kind` from `path`.
pub fn load(kind: GoldKind, path: &Path) -> Result<Vec<GoldRecord>, EvalError> {
    match kind {
        GoldKind::Acled => load_acled(path),
        GoldKind::Gtd => load_gtd(path),
        GoldKind::Ucdp => load_ucdp(path),
        GoldKind::Muc => load_muc(path),
        GoldKind::Wiki => load_wiki(path),
        GoldKind::Drone => load_drone(path),
        GoldKind::Suicide => load_suicide(path),
    }
}

/// Reads a file as text: UTF-8, or latin-1 when it is not valid UTF-8.
pub fn read_text(path: &Path) -> Result<String, EvalError> {
    let bytes = std::fs::read(path).map_err(|source| EvalError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| char::from(b)).collect(),
    })
}

/// A CSV row addressed by lower-cased column name.
struct Row<'a> {
    cols: &'a HashMap<String, usize>,
    rec: &'a csv::StringRecord,
}

impl Row<'_> {
    fn get(&self, name: &str) -> Option<&str> {
        let i = *self.cols.get(name)?;
        let v = self.rec.get(i)?.trim();
        (!v.is_empty()).then_some(v)
    }

    fn count(&self, name: &str) -> Option<u32> {
        let v: f64 = self.get(name)?.parse().ok()?;
        (v >= 0.0 && v.fract() == 0.0 && v < 1e9).then_some(v as u32)
    }

    fn float(&self, name: &str) -> Option<f64> {
        self.get(name)?.parse().ok().filter(|x: &f64| x.is_finite())
    }
}

fn read_csv(path: &Path) -> Result<(HashMap<String, usize>, Vec<csv::StringRecord>), EvalError> {
    let text = read_text(path)?;
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let cols: HashMap<String, usize> = r
        .headers()
        .map_err(|e| EvalError::format(path, e.to_string()))?
        .iter()
        .enumerate()
        .map(|(i, h)| {
            (
                h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase(),
                i,
            )
        })
        .collect();
    let mut rows = Vec::new();
    for rec in r.records() {
        match rec {
            Ok(rec) => rows.push(rec),
            Err(e) => return Err(EvalError::format(path, e.to_string())),
        }
    }
    Ok((cols, rows))
}

/// Parses the date forms of the datasets: `2015-01-31`, `31-January-2015`,
/// `31 January 2015`, `01/31/2015`, and a leading `YYYY-MM-DD` of a timestamp.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = s
        .get(..10)
        .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
    {
        return Some(d);
    }
    for fmt in [
        "%d-%B-%Y", "%d %B %Y", "%d-%b-%Y", "%d %b %Y", "%m/%d/%Y", "%d-%b-%y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    None
}

fn field(name: &'static str, value: GoldValue) -> GoldField {
    GoldField { name, value }
}

/// Gold names for an actor: empty (= unidentified) for "Unknown"/"Unidentified …".
fn actor_names(name: &str) -> GoldValue {
    let n = normalize_name(name);
    if n.is_empty() || n == "unknown" || n.starts_with("unidentified") {
        GoldValue::Names(Vec::new())
    } else {
        GoldValue::Names(vec![name.to_string()])
    }
}

fn point(lat: Option<f64>, lon: Option<f64>) -> Option<GoldValue> {
    let (lat, lon) = (lat?, lon?);
    (lat.abs() <= 90.0 && lon.abs() <= 180.0 && !(lat == 0.0 && lon == 0.0))
        .then_some(GoldValue::Point(lat, lon))
}

/// ACLED event type names (current, and the pre-2019 ones) → accepted types and the
/// sub-event types they imply.
pub fn acled_types(name: &str) -> Option<(Vec<EventType>, Vec<SubEventType>)> {
    use EventType as T;
    use SubEventType as S;
    let n = normalize_name(name);
    let r = match n.as_str() {
        "battle no change of territory" => (vec![T::Battles], vec![S::ArmedClash]),
        "battle government regains territory" => {
            (vec![T::Battles], vec![S::GovernmentRegainsTerritory])
        }
        "battle non state actor overtakes territory"
        | "battle non state actors overtake territory" => {
            (vec![T::Battles], vec![S::NonStateActorOvertakesTerritory])
        }
        "remote violence" => (vec![T::ExplosionsRemoteViolence], vec![]),
        "riots protests" => (vec![T::Protests, T::Riots], vec![]),
        "strategic development" => (vec![T::StrategicDevelopments], vec![]),
        "non violent transfer of territory" => (
            vec![T::StrategicDevelopments],
            vec![S::NonViolentTransferOfTerritory],
        ),
        "headquarters or base established" => (
            vec![T::StrategicDevelopments],
            vec![S::HeadquartersOrBaseEstablished],
        ),
        "violence against civilians" => (vec![T::ViolenceAgainstCivilians], vec![]),
        _ => (vec![EventType::from_label(name)?], vec![]),
    };
    Some(r)
}

/// The event type as today's taxonomy would code it. The pre-2019 "Riots/Protests"
/// accepts either type in `event_type`; here it is split by the crowd ACLED named as
/// actor1 ("Protesters (X)" → Protests, "Rioters (X)" → Riots), so the protest/riot
/// decision is scored too. Any other type, or a merged row with another actor1, is
/// kept as it is.
fn split_crowd_type(types: &[EventType], actor1: Option<&str>) -> Vec<EventType> {
    let merged = types.contains(&EventType::Protests) && types.contains(&EventType::Riots);
    let actor1 = actor1.map(normalize_name).unwrap_or_default();
    match () {
        _ if merged && actor1.starts_with("protesters") => vec![EventType::Protests],
        _ if merged && actor1.starts_with("rioters") => vec![EventType::Riots],
        _ => types.to_vec(),
    }
}

fn load_acled(path: &Path) -> Result<Vec<GoldRecord>, EvalError> {
    let (cols, rows) = read_csv(path)?;
    if !cols.contains_key("notes") || !cols.contains_key("event_type") {
        return Err(EvalError::format(
            path,
            "not an ACLED CSV (no notes/event_type column)",
        ));
    }
    let mut out = Vec::new();
    for (i, rec) in rows.iter().enumerate() {
        let row = Row { cols: &cols, rec };
        let Some(text) = row.get("notes") else {
            continue;
        };
        let date = row.get("event_date").and_then(parse_date);
        let mut fields = Vec::new();
        if let Some((types, subs)) = row.get("event_type").and_then(acled_types) {
            let split = split_crowd_type(&types, row.get("actor1"));
            fields.push(field("event_type", GoldValue::Types(types)));
            fields.push(field("event_type_split", GoldValue::Types(split)));
            let sub = row
                .get("sub_event_type")
                .and_then(SubEventType::from_label)
                .map(|s| vec![s])
                .unwrap_or(subs);
            if !sub.is_empty() {
                fields.push(field("sub_event_type", GoldValue::SubTypes(sub)));
            }
        }
        if let Some(n) = row.count("fatalities") {
            fields.push(field("fatalities", GoldValue::Count(n)));
        }
        if let Some(a) = row.get("actor1") {
            fields.push(field("actor1", actor_names(a)));
        }
        if let Some(a) = row.get("actor2") {
            fields.push(field("actor2", actor_names(a)));
        }
        if let Some(a) = row.get("admin1") {
            fields.push(field("admin1", GoldValue::Admin1(a.to_string())));
        }
        if let Some(p) = point(row.float("latitude"), row.float("longitude")) {
            fields.push(field("location_25km", p));
        }
        let id = row
            .get("event_id_cnty")
            .or(row.get("data_id"))
            .map(str::to_string)
            .unwrap_or_else(|| format!("acled-{}", i + 1));
        out.push(GoldRecord {
            id,
            text: text.to_string(),
            published: date,
            country: row.get("country").map(str::to_string),
            fields,
        });
    }
    Ok(out)
}

fn jnum(v: &serde_json::Value, key: &str) -> Option<f64> {
    v.get(key)?.as_f64().filter(|x| x.is_finite())
}

fn jcount(v: &serde_json::Value, key: &str) -> Option<u32> {
    jnum(v, key)
        .filter(|x| *x >= 0.0 && x.fract() == 0.0 && *x < 1e9)
        .map(|x| x as u32)
}

fn jstr<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    v.get(key)?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// GTD attack type (with the suicide flag, first target type and first weapon
/// sub-type) → accepted ACLED types and sub-types:
/// - Bombing/Explosion → Explosions/Remote violence; Suicide bomb when `suicide`,
///   Grenade or Shelling/artillery/missile attack by weapon, else Remote explosive/landmine/IED;
/// - Armed Assault, Assassination → Battles / Armed clash against military, police or
///   militia targets, else Violence against civilians / Attack;
/// - Hostage Taking (Kidnapping or Barricade), Hijacking → Violence against civilians /
///   Abduction/forced disappearance;
/// - Facility/Infrastructure Attack → Strategic developments / Looting/property
///   destruction (Explosions/Remote violence also accepted when explosives were used);
/// - Unarmed Assault → Violence against civilians / Attack; Unknown → not scored.
pub fn gtd_types(
    attack: &str,
    suicide: bool,
    target: &str,
    weapon: &str,
    weapon_sub: &str,
) -> Option<(Vec<EventType>, Vec<SubEventType>)> {
    use EventType as T;
    use SubEventType as S;
    let armed_target = matches!(
        target,
        "Military" | "Police" | "Terrorists/Non-State Militia"
    );
    let a = attack.to_ascii_lowercase();
    let r = if a.starts_with("bombing") {
        let ws = weapon_sub.to_ascii_lowercase();
        let sub = if suicide {
            S::SuicideBomb
        } else if ws.contains("grenade") {
            S::Grenade
        } else if ws.contains("projectile") {
            S::ShellingArtilleryMissileAttack
        } else {
            S::RemoteExplosiveLandmineIed
        };
        (vec![T::ExplosionsRemoteViolence], vec![sub])
    } else if a.starts_with("armed assault") || a.starts_with("assassination") {
        if armed_target {
            (vec![T::Battles], vec![S::ArmedClash])
        } else {
            (vec![T::ViolenceAgainstCivilians], vec![S::Attack])
        }
    } else if a.starts_with("hostage taking") || a.starts_with("hijacking") {
        (
            vec![T::ViolenceAgainstCivilians],
            vec![S::AbductionForcedDisappearance],
        )
    } else if a.starts_with("facility") {
        if weapon.eq_ignore_ascii_case("Explosives") || weapon.starts_with("Explosives") {
            (
                vec![T::StrategicDevelopments, T::ExplosionsRemoteViolence],
                vec![S::LootingPropertyDestruction, S::RemoteExplosiveLandmineIed],
            )
        } else {
            (
                vec![T::StrategicDevelopments],
                vec![S::LootingPropertyDestruction],
            )
        }
    } else if a.starts_with("unarmed assault") {
        (vec![T::ViolenceAgainstCivilians], vec![S::Attack])
    } else {
        return None;
    };
    Some(r)
}

fn load_gtd(path: &Path) -> Result<Vec<GoldRecord>, EvalError> {
    let text = read_text(path)?;
    let v: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| EvalError::format(path, e.to_string()))?;
    let feats = v
        .get("features")
        .and_then(|f| f.as_array())
        .ok_or_else(|| EvalError::format(path, "not a GeoJSON FeatureCollection"))?;
    let mut out = Vec::new();
    for (i, f) in feats.iter().enumerate() {
        let Some(p) = f.get("properties") else {
            continue;
        };
        let Some(summary) = jstr(p, "summary") else {
            continue;
        };
        let date = match (jcount(p, "iyear"), jcount(p, "imonth"), jcount(p, "iday")) {
            (Some(y), Some(m), Some(d)) if m > 0 && d > 0 => {
                NaiveDate::from_ymd_opt(y as i32, m, d)
            }
            _ => None,
        };
        let mut fields = Vec::new();
        if let Some((types, subs)) = gtd_types(
            jstr(p, "attacktype1_txt").unwrap_or(""),
            jcount(p, "suicide") == Some(1),
            jstr(p, "targtype1_txt").unwrap_or(""),
            jstr(p, "weaptype1_txt").unwrap_or(""),
            jstr(p, "weapsubtype1_txt").unwrap_or(""),
        ) {
            fields.push(field("event_type", GoldValue::Types(types)));
            fields.push(field("sub_event_type", GoldValue::SubTypes(subs)));
        }
        if let Some(n) = jcount(p, "nkill") {
            fields.push(field("fatalities", GoldValue::Count(n)));
        }
        if let Some(n) = jcount(p, "nwound") {
            fields.push(field("wounded", GoldValue::Count(n)));
        }
        if jcount(p, "ishostkid") == Some(1) {
            if let Some(n) = jcount(p, "nhostkid") {
                fields.push(field("abducted", GoldValue::Count(n)));
            }
        }
        if let Some(g) = jstr(p, "gname") {
            fields.push(field("perpetrator", actor_names(g)));
        }
        match jcount(p, "claimed") {
            Some(1) => fields.push(field("claimed", GoldValue::Flag(true))),
            Some(0) => fields.push(field("claimed", GoldValue::Flag(false))),
            _ => {}
        }
        if let Some(a) = jstr(p, "provstate") {
            fields.push(field("admin1", GoldValue::Admin1(a.to_string())));
        }
        if let Some(pt) = point(jnum(p, "latitude"), jnum(p, "longitude")) {
            fields.push(field("location_25km", pt));
        }
        if let Some(d) = date {
            fields.push(field("date", GoldValue::Date(d)));
        }
        let id = jstr(p, "eventid")
            .map(str::to_string)
            .unwrap_or_else(|| format!("gtd-{}", i + 1));
        out.push(GoldRecord {
            id,
            text: summary.to_string(),
            published: date,
            country: jstr(p, "country_txt").map(str::to_string),
            fields,
        });
    }
    Ok(out)
}

/// Number words that make a headline state a count.
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "dozen",
    "dozens",
    "scores",
];

/// Whether a text states a count: a number word, or digits that are not a year.
pub fn states_count(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            let lw = w.to_ascii_lowercase();
            if NUMBER_WORDS.contains(&lw.as_str()) {
                return true;
            }
            if w.chars().all(|c| c.is_ascii_digit()) {
                let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
                return !year;
            }
            false
        })
}

/// Whether `text` writes the number `n`: as digits (`12`, `1,200`) or as a number
/// word up to ninety-nine (`twelve`, `twenty-five`, `twenty five`). "Dozens" and
/// the like are no number.
pub fn states_number(text: &str, n: u32) -> bool {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let word_value = |w: &str| -> Option<u32> {
        if let Some(i) = UNITS.iter().position(|u| *u == w) {
            return Some(i as u32);
        }
        TENS.iter()
            .position(|t| *t == w)
            .map(|i| 20 + 10 * i as u32)
    };
    let lower = text.to_lowercase();
    // Digit groups keep their thousands commas ("1,200").
    let digits: String = lower.chars().filter(|c| *c != ',').collect();
    if digits
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| !d.is_empty() && d.parse::<u32>().ok() == Some(n))
    {
        return true;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| match word_value(w) {
        Some(v) if v >= 20 && v % 10 == 0 => {
            let unit = words
                .get(i + 1)
                .and_then(|u| word_value(u))
                .filter(|u| *u < 10);
            v + unit.unwrap_or(0) == n
        }
        // "five" of "twenty-five" is no number of its own.
        Some(v) => {
            let after_tens = i > 0
                && words
                    .get(i - 1)
                    .and_then(|p| word_value(p))
                    .is_some_and(|p| p >= 20 && p % 10 == 0);
            v == n && !(after_tens && v < 10)
        }
        None => false,
    })
}

/// UCDP deaths by side → sitrep's categories: a side named `Government of …` is
/// state forces, any other side is militants; one-sided violence (type 3) counts the
/// perpetrator's side; civilians are `deaths_civilians`. Returns
/// (civilians, state_forces, militants).
pub fn ucdp_sides(
    violence_type: u32,
    side_a: &str,
    side_b: &str,
    deaths_a: u32,
    deaths_b: u32,
    deaths_civilians: u32,
) -> (u32, u32, u32) {
    let gov = |s: &str| s.trim_start().starts_with("Government of");
    let mut state = 0;
    let mut militants = 0;
    let mut add = |side: &str, n: u32| {
        if gov(side) {
            state += n;
        } else {
            militants += n;
        }
    };
    add(side_a, deaths_a);
    if violence_type != 3 {
        add(side_b, deaths_b);
    }
    (deaths_civilians, state, militants)
}

fn load_ucdp(path: &Path) -> Result<Vec<GoldRecord>, EvalError> {
    let (cols, rows) = read_csv(path)?;
    if !cols.contains_key("best") || !cols.contains_key("source_headline") {
        return Err(EvalError::format(
            path,
            "not a UCDP GED CSV (no best/source_headline column)",
        ));
    }
    let mut out = Vec::new();
    for rec in &rows {
        let row = Row { cols: &cols, rec };
        let Some(id) = row.get("id") else { continue };
        if id.starts_with('#') {
            continue; // HXL hashtag row
        }
        let Some(headline) = row.get("source_headline") else {
            continue;
        };
        if !states_count(headline) {
            continue;
        }
        let mut fields = Vec::new();
        if let Some(b) = row.count("best") {
            fields.push(field("fatalities", GoldValue::Count(b)));
        }
        if let (Some(lo), Some(hi)) = (row.count("low"), row.count("high")) {
            fields.push(field("fatalities.bounds", GoldValue::Range(lo, hi)));
        }
        if let (Some(t), Some(a), Some(b), Some(c)) = (
            row.count("type_of_violence"),
            row.count("deaths_a"),
            row.count("deaths_b"),
            row.count("deaths_civilians"),
        ) {
            let (civ, state, mil) = ucdp_sides(
                t,
                row.get("side_a").unwrap_or(""),
                row.get("side_b").unwrap_or(""),
                a,
                b,
                c,
            );
            fields.push(field("deaths.civilians", GoldValue::Count(civ)));
            fields.push(field("deaths.state_forces", GoldValue::Count(state)));
            fields.push(field("deaths.militants", GoldValue::Count(mil)));
        }
        if let Some(a) = row.get("adm_1") {
            fields.push(field("admin1", GoldValue::Admin1(a.to_string())));
        }
        if let Some(p) = point(row.float("latitude"), row.float("longitude")) {
            fields.push(field("location_25km", p));
        }
        out.push(GoldRecord {
            id: format!("ucdp-{id}"),
            text: headline.to_string(),
            published: row.get("date_start").and_then(parse_date),
            country: row.get("country").map(str::to_string),
            fields,
        });
    }
    Ok(out)
}

/// One parsed MUC template: slot number → value (continuation lines joined by `\n`).
type Template = HashMap<u32, String>;

/// Parses a MUC key file into templates.
pub fn parse_muc_keys(text: &str) -> Vec<Template> {
    let mut out = Vec::new();
    let mut cur: Template = HashMap::new();
    let mut last: Option<u32> = None;
    for line in text.lines() {
        if line.starts_with(';') {
            continue;
        }
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            last = None;
            continue;
        }
        let t = line.trim_start();
        let num_end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
        let is_slot = num_end > 0 && line.len() - t.len() < 2 && t[num_end..].starts_with('.');
        if is_slot {
            let n: u32 = t[..num_end].parse().unwrap_or(u32::MAX);
            // The value starts after the slot name, at the first run of 2+ spaces.
            let rest = &t[num_end + 1..];
            let rest = rest.trim_start();
            let value = rest
                .find("  ")
                .map(|i| rest[i..].trim())
                .unwrap_or("")
                .to_string();
            if n == 0 && cur.contains_key(&0) {
                out.push(std::mem::take(&mut cur));
            }
            cur.insert(n, value);
            last = Some(n);
        } else if let Some(n) = last {
            if let Some(v) = cur.get_mut(&n) {
                v.push('\n');
                v.push_str(line.trim());
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The message id of a MUC id line or key slot 0: `TST1-MUC3-0001`, or the
/// training set's `DEV-MUC3-0001 (NOSC)` with its source tag (the keys write
/// `(NCCOSC)` for the same message, and tags may hold spaces), which is dropped.
pub fn muc_message_id(line: &str) -> Option<&str> {
    let t = line.trim();
    let (id, tag) = t.split_once(' ').unwrap_or((t, ""));
    let tag = tag.trim();
    // Tags name the sites that coded the message: "(NOSC)", "(INTEL TEXT PROC)".
    let tag_ok = tag.is_empty()
        || (tag.starts_with('(') && tag.ends_with(')') && tag.matches('(').count() == 1);
    let id_ok = id.contains("-MUC")
        && id
            .rsplit('-')
            .next()
            .is_some_and(|n| n.len() == 4 && n.chars().all(|c| c.is_ascii_digit()));
    (tag_ok && id_ok).then_some(id)
}

/// Splits a MUC message file into (id, text) pairs: an id line such as
/// `TST1-MUC3-0001` or `DEV-MUC3-0001 (NOSC)` starts each message.
pub fn parse_muc_messages(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(id) = muc_message_id(line) {
            out.push((id.to_string(), String::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    for (_, body) in &mut out {
        *body = body.trim().to_string();
    }
    out
}

/// The first `D MON YY` date in a MUC text or key value (`4 FEB 90` → 1990-02-04).
pub fn muc_date(s: &str) -> Option<NaiveDate> {
    let toks: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|t| !t.is_empty())
        .collect();
    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    toks.windows(3).find_map(|w| {
        let d: u32 = w[0].parse().ok()?;
        let m = MONTHS
            .iter()
            .position(|m| *m == w[1].to_ascii_uppercase())? as u32
            + 1;
        if w[2].len() != 2 {
            return None;
        }
        let y: i32 = w[2].parse().ok()?;
        let y = if y < 50 { 2000 + y } else { 1900 + y };
        NaiveDate::from_ymd_opt(y, m, d)
    })
}

/// The quoted strings of a MUC slot value (`"URNG" / "GUERRILLAS"`).
fn quoted(s: &str) -> Vec<String> {
    s.split('"')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, p)| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// A MUC value without uncertainty marks (`?`) and without alternatives past the first.
fn first_alternative(s: &str) -> &str {
    s.split(" / ")
        .next()
        .unwrap_or("")
        .trim()
        .trim_start_matches('?')
        .trim()
}

/// MUC incident type → accepted ACLED types and sub-types.
pub fn muc_types(t: &str) -> Option<(Vec<EventType>, Vec<SubEventType>)> {
    use EventType as T;
    use SubEventType as S;
    Some(match t {
        "ATTACK" => (vec![T::Battles, T::ViolenceAgainstCivilians], vec![]),
        "BOMBING" => (vec![T::ExplosionsRemoteViolence], vec![]),
        "KIDNAPPING" => (
            vec![T::ViolenceAgainstCivilians],
            vec![S::AbductionForcedDisappearance],
        ),
        "ARSON" => (
            vec![T::StrategicDevelopments, T::Riots],
            vec![S::LootingPropertyDestruction],
        ),
        "ROBBERY" => (
            vec![T::StrategicDevelopments, T::ViolenceAgainstCivilians],
            vec![S::LootingPropertyDestruction],
        ),
        "FORCED WORK STOPPAGE" => (vec![T::StrategicDevelopments, T::Protests], vec![]),
        _ => return None,
    })
}

fn muc_files(dir: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>), EvalError> {
    let mut texts = Vec::new();
    let mut keys = Vec::new();
    let rd = std::fs::read_dir(dir).map_err(|source| EvalError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if p.is_dir() {
            if name != "TASKDOC" {
                let (t, k) = muc_files(&p)?;
                texts.extend(t);
                keys.extend(k);
            }
        } else if name.starts_with("key-") {
            keys.push(p);
        } else if name.to_ascii_lowercase().contains("-muc") {
            texts.push(p);
        }
    }
    Ok((texts, keys))
}

/// Whether a key's HUM TGT: EFFECT OF INCIDENT slot names `effect` ("DEATH", "INJURY") for
/// some target: each line holds `EFFECT: "TARGET"` entries, alternatives split by `/`.
/// "NO DEATH", "NO INJURY" and "NO INJURY OR DEATH" are the opposite and do not count.
fn muc_effect(slot: &str, effect: &str) -> bool {
    slot.lines().flat_map(|l| l.split('/')).any(|alt| {
        let label = alt.split(':').next().unwrap_or("");
        label.trim().trim_start_matches('?').trim() == effect
    })
}

fn load_muc(path: &Path) -> Result<Vec<GoldRecord>, EvalError> {
    if !path.is_dir() {
        return Err(EvalError::format(
            path,
            "MUC gold is a folder holding the message files and their key-* files",
        ));
    }
    let (texts, keys) = muc_files(path)?;
    let mut messages: Vec<(String, String)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for t in &texts {
        // MUC-4's TST4 ships each text twice: `tst4-muc4` (upper case, the one scored in
        // 1992) and `tst4-muc4.mixed-case`. The files are read in name order, so the first
        // copy of a message id is kept and the other is not scored a second time.
        for (id, body) in parse_muc_messages(&read_text(t)?) {
            if seen.insert(id.clone()) {
                messages.push((id, body));
            }
        }
    }
    let mut first_template: HashMap<String, Template> = HashMap::new();
    for k in &keys {
        for t in parse_muc_keys(&read_text(k)?) {
            let Some(id) = t
                .get(&0)
                .and_then(|s| muc_message_id(s))
                .map(str::to_string)
            else {
                continue;
            };
            let relevant = t
                .get(&4)
                .is_some_and(|v| muc_types(first_alternative(v)).is_some());
            if relevant && !first_template.contains_key(&id) {
                first_template.insert(id, t);
            }
        }
    }
    let mut out = Vec::new();
    for (id, text) in messages {
        let Some(t) = first_template.get(&id) else {
            continue;
        };
        // The dateline runs up to the first " -- " and may wrap over lines.
        let head_end = text.find(" -- ").unwrap_or(text.len()).min(300);
        // "NO DATE" datelines fall back to the key's incident date (SPEC §6: the gold
        // event's date), which is then given to the extractor as the publication day.
        let mut published = muc_date(text.get(..head_end).unwrap_or(""));
        let mut fields = Vec::new();
        // INCIDENT: STAGE OF EXECUTION. A THREATENED incident (a death threat, a bomb threat)
        // is no event in ACLED's sense, so its type is not scored; an ATTEMPTED bombing (a
        // bomb found and defused) is ACLED's Strategic developments / Disrupted weapons use
        // as well as an explosion.
        let stage = t.get(&5).map(|v| first_alternative(v).trim()).unwrap_or("");
        if let Some((mut types, subs)) = t
            .get(&4)
            .and_then(|v| muc_types(first_alternative(v)))
            .filter(|_| stage != "THREATENED")
        {
            if stage == "ATTEMPTED" && types == [EventType::ExplosionsRemoteViolence] {
                types.push(EventType::StrategicDevelopments);
            }
            fields.push(field("event_type", GoldValue::Types(types)));
            if !subs.is_empty() {
                fields.push(field("sub_event_type", GoldValue::SubTypes(subs)));
            }
        }
        if let Some(v) = t.get(&2) {
            // "- 03 FEB 90" (on or before) and ranges are not single days: not scored.
            let v = v.trim();
            if !v.starts_with('-') && !v.contains(" - ") {
                if let Some(d) = muc_date(v) {
                    fields.push(field("date", GoldValue::Date(d)));
                    published = published.or(Some(d));
                }
            }
        }
        let mut country = None;
        if let Some(v) = t.get(&3) {
            let loc = first_alternative(v.lines().next().unwrap_or(""));
            let mut parts = loc
                .split(':')
                .map(str::trim)
                .filter(|p| !p.is_empty() && *p != "-");
            if let Some(c) = parts.next() {
                country = Some(c.to_string());
                fields.push(field("country", GoldValue::Names(vec![c.to_string()])));
            }
            // "SAN MIGUEL (DEPARTMENT)": the bracket gives the kind of place, not a
            // name (left in, "(CITY)" read as an abbreviation that every city shares).
            let places: Vec<String> = parts
                .map(|p| match p.find('(') {
                    Some(i) if p.ends_with(')') && i > 0 => p[..i].trim().to_string(),
                    _ => p.to_string(),
                })
                .collect();
            if !places.is_empty() {
                fields.push(field("location", GoldValue::Names(places)));
            }
        }
        if let Some(v) = t.get(&10) {
            let orgs = quoted(v);
            if !orgs.is_empty() {
                fields.push(field("perpetrator", GoldValue::Names(orgs)));
                let claimed = t
                    .get(&11)
                    .is_some_and(|c| c.contains("CLAIMED OR ADMITTED"));
                fields.push(field("claimed", GoldValue::Flag(claimed)));
            }
        }
        if let Some(v) = t.get(&23) {
            if !v.trim().starts_with('*') {
                fields.push(field("killed", GoldValue::Flag(muc_effect(v, "DEATH"))));
                fields.push(field("injured", GoldValue::Flag(muc_effect(v, "INJURY"))));
            }
        }
        out.push(GoldRecord {
            id,
            text,
            published,
            country,
            fields,
        });
    }
    Ok(out)
}

/// A count written as text (`"12"`, `"1,200"`, `" 7 "`); anything else (a range, a
/// word, an empty cell) is not a count.
fn text_count(s: &str) -> Option<u32> {
    let t: String = s.trim().chars().filter(|c| *c != ',').collect();
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// Wikipedia incident category → accepted ACLED types, read the way ACLED codes such
/// incidents:
/// - Explosion, Bombing, Suicide bombing (anything naming a bomb or an explosion) →
///   Explosions/Remote violence;
/// - Assault, Shooting, Stabbing, Vehicle ramming, Attack, Hostage/Kidnapping/
///   Hijacking → Violence against civilians *or* Battles: the category does not say
///   whether the victims were civilians or armed forces, which decides ACLED's type
///   (a gunman killing shoppers is violence against civilians, militants storming a
///   police academy a battle), so either is accepted, like "Riots/Protests";
/// - Arson → Violence against civilians or Strategic developments (property
///   destruction);
/// - anything else → not scored.
pub fn wiki_types(category: &str) -> Option<Vec<EventType>> {
    use EventType as T;
    let c = normalize_name(category);
    let has = |w: &str| c.split(' ').any(|x| x.starts_with(w));
    if has("bomb") || has("explos") || has("blast") {
        Some(vec![T::ExplosionsRemoteViolence])
    } else if has("arson") {
        Some(vec![T::ViolenceAgainstCivilians, T::StrategicDevelopments])
    } else if [
        "assault", "shooting", "stabbing", "ramming", "attack", "hostage", "kidnap", "hijack",
        "massacre", "knife", "gun",
    ]
    .iter()
    .any(|w| has(w))
    {
        Some(vec![T::ViolenceAgainstCivilians, T::Battles])
    } else {
        None
    }
}

/// Words that make a perpetrator a *description* of people rather than a named group
/// or person ("Islamic extremists", "White supremacist", "Rakhine nationalists").
const DESCRIPTION_WORDS: &[&str] = &[
    "extremist",
    "extremists",
    "islamist",
    "islamists",
    "nationalist",
    "nationalists",
    "supremacist",
    "supremacists",
    "gunmen",
    "gunman",
    "militants",
    "separatists",
    "jihadists",
    "unknown",
    "unidentified",
];

/// Words of organisation names, in English and in the languages armed groups name
/// themselves in (normalised; a word counts when it starts with one of these).
const GROUP_WORDS: &[&str] = &[
    "state",
    "army",
    "front",
    "party",
    "movement",
    "network",
    "brigade",
    "battalion",
    "group",
    "council",
    "forces",
    "force",
    "fighters",
    "liberation",
    "freedom",
    "resistance",
    "revolution",
    "revolusi",
    "organi",
    "union",
    "alliance",
    "defence",
    "defense",
    "commando",
    "militia",
    "committee",
    "jihad",
    "mujahid",
    "jamaa",
    "jamia",
    "jamiat",
    "lashkar",
    "jaish",
    "ansar",
    "harak",
    "hizb",
    "hezb",
    "tehr",
    "tahr",
    "ittehad",
    "katib",
    "kataib",
    "saraya",
    "liwa",
    "jund",
    "jabhat",
    "barisan",
    "sangar",
    "taliban",
    "shabaab",
    "qaeda",
    "haram",
    "hamas",
    "houthi",
    "naxal",
    "maoist",
    "daredevils",
    "falcons",
];

/// Whether a gold perpetrator names a group rather than a person ("John T. Earnest",
/// "Khalid Al Mahmara and Muhammad Ahmad Moussa Mahmara") or a description ("Islamic
/// extremists"). A group is a name (parenthesised parts dropped) with an organisation
/// word ([`GROUP_WORDS`]: "Army", "Front", "Movement", "Jaish", "Lashkar", the names
/// of the best-known groups…), an "of" inside ("Daredevils of Sassoun"), an opening
/// "Al" ("Al Mourabitoun"), or an acronym of 2–6 capitals ("YPG", "TAK", "(PKK)");
/// a name with a description word ([`DESCRIPTION_WORDS`]) is no group. Persons'
/// names have none of these: they are scored in `perpetrator` only.
pub fn perpetrator_is_group(name: &str) -> bool {
    let n = normalize_name(name);
    if n.is_empty() {
        return false;
    }
    let words: Vec<&str> = n.split(' ').collect();
    if words.iter().any(|w| DESCRIPTION_WORDS.contains(w)) {
        return false;
    }
    let acronym = name
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| (2..=6).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()));
    acronym
        || words.first() == Some(&"al")
        || words[1..].contains(&"of")
        || words
            .iter()
            .any(|w| GROUP_WORDS.iter().any(|g| w.starts_with(g)))
}

fn load_wiki(path: &Path) -> Result<Vec<GoldRecord>, EvalError> {
    let text = read_text(path)?;
    let v: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| EvalError::format(path, e.to_string()))?;
    let items = v
        .as_array()
        .ok_or_else(|| EvalError::format(path, "not a Wikipedia incident list (a JSON array)"))?;
    let sval = |item: &serde_json::Value, key: &str| -> Option<String> {
        match item.get(key)? {
            serde_json::Value::String(s) => {
                let t = s.trim();
                (!t.is_empty()).then(|| t.to_string())
            }
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if !item.is_object() {
            return Err(EvalError::format(
                path,
                format!("item {} is not an object", i + 1),
            ));
        }
        let Some(desc) = sval(item, "Description") else {
            continue;
        };
        // The list gives only the year, no publication day: with a made-up day
        // ("<Year>-07-01") a description's own date ("on 4 April 2020") would read as
        // a past event (background) and its event would not be the primary one.
        let published = None;
        let mut fields = Vec::new();
        if let Some(types) = sval(item, "Category").as_deref().and_then(wiki_types) {
            fields.push(field("event_type", GoldValue::Types(types)));
        }
        // The list's "Dead" leaves the attackers out (the tables give them apart, as
        // "(+2)"), where ACLED's fatalities count every death: `fatalities.victims`
        // compares it with sitrep's total less the militants' deaths. The "(stated)"
        // rows keep the records whose description writes the gold number at all.
        if let Some(n) = sval(item, "Dead").as_deref().and_then(text_count) {
            fields.push(field("fatalities", GoldValue::Count(n)));
            fields.push(field("fatalities.victims", GoldValue::Count(n)));
            if n > 0 && states_number(&desc, n) {
                fields.push(field("fatalities.victims (stated)", GoldValue::Count(n)));
            }
        }
        if let Some(n) = sval(item, "Injured").as_deref().and_then(text_count) {
            fields.push(field("wounded", GoldValue::Count(n)));
            if n > 0 && states_number(&desc, n) {
                fields.push(field("wounded (stated)", GoldValue::Count(n)));
            }
        }
        if let Some(p) = sval(item, "Perpetrator") {
            let names = actor_names(&p);
            if perpetrator_is_group(&p) {
                fields.push(field(crate::PERPETRATOR_GROUPS, names.clone()));
            }
            fields.push(field("perpetrator", names));
        }
        let country = sval(item, "Country");
        if let Some(c) = &country {
            fields.push(field("country", GoldValue::Country(c.clone())));
        }
        out.push(GoldRecord {
            id: format!("wiki-{}", i + 1),
            text: desc,
            published,
            country,
            fields,
        });
    }
    Ok(out)
}

/// Parses the Kaggle lists' dates, `Friday, June 18, 2004` (drone strikes) and
/// `Sunday-November 19-1995` (suicide bombings), and the other forms of
/// [`parse_date`].
pub fn drone_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let no_weekday = s
        .split_once([',', '-'])
        .filter(|(w, _)| w.ends_with("day"))
        .map_or(s, |(_, rest)| rest.trim());
    ["%B %d, %Y", "%B %d-%Y", "%B %d %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(no_weekday, f).ok())
        .or_else(|| parse_date(s))
}

/// A min..max gold range from two cells: an empty minimum means the maximum alone
/// (and the reverse); swapped bounds are put in order.
fn min_max(lo: Option<u32>, hi: Option<u32>) -> Option<GoldValue> {
    let (lo, hi) = match (lo, hi) {
        (Some(a), Some(b)) => (a.min(b), a.max(b)),
        (Some(a), None) | (None, Some(a)) => (a, a),
        (None, None) => return None,
    };
    Some(GoldValue::Range(lo, hi))
}

fn load_drone(path: &Path) -> Result<Vec<GoldRecord>, EvalError> {
    let (cols, rows) = read_csv(path)?;
    let mention = "special mention (site)";
    if !cols.contains_key("total died mix") || !cols.contains_key(mention) {
        return Err(EvalError::format(
            path,
            "not the drone-strike CSV (no 'Total Died Mix'/'Special Mention (Site)' column)",
        ));
    }
    let mut out = Vec::new();
    for (i, rec) in rows.iter().enumerate() {
        let row = Row { cols: &cols, rec };
        // The site note reads like a lead ("Missile hit a compound"); the comments add
        // who was killed. Lead first, each ending as a sentence.
        let parts: Vec<&str> = [row.get(mention), row.get("comments")]
            .into_iter()
            .flatten()
            .collect();
        if parts.is_empty() {
            continue;
        }
        let mut text = String::new();
        for p in parts {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(p);
            if !p.ends_with(['.', '!', '?']) {
                text.push('.');
            }
        }
        let date = row.get("date").and_then(drone_date);
        let mut fields = vec![
            field(
                "event_type",
                GoldValue::Types(vec![EventType::ExplosionsRemoteViolence]),
            ),
            field(
                "sub_event_type",
                GoldValue::SubTypes(vec![SubEventType::AirDroneStrike]),
            ),
        ];
        let died = min_max(row.count("total died min"), row.count("total died mix"));
        if let Some(GoldValue::Range(lo, hi)) = died {
            fields.push(field("fatalities", GoldValue::Count(hi)));
            fields.push(field("fatalities.bounds", GoldValue::Range(lo, hi)));
            // Most notes state no toll: the "(stated)" row keeps those that write a
            // number within the bounds.
            if hi > 0 && (lo.max(1)..=hi).any(|n| states_number(&text, n)) {
                fields.push(field(
                    "fatalities.bounds (stated)",
                    GoldValue::Range(lo, hi),
                ));
            }
        }
        if let Some(r) = min_max(row.count("injured min"), row.count("injured max")) {
            fields.push(field("wounded.bounds", r));
        }
        if let Some(r) = min_max(row.count("civilians min"), row.count("civilians max")) {
            fields.push(field("deaths.civilians.bounds", r));
        }
        if let Some(a) = row.get("province") {
            fields.push(field("admin1", GoldValue::Admin1(a.to_string())));
        }
        out.push(pakistan_list_record(&row, "drone", i, text, date, fields));
    }
    Ok(out)
}

/// The record of one row of the Pakistani drone/suicide lists: the row's point and
/// date are added to `fields`; the id is `<kind>-<S#>` (or the row number).
fn pakistan_list_record(
    row: &Row<'_>,
    kind: &str,
    i: usize,
    text: String,
    date: Option<NaiveDate>,
    mut fields: Vec<GoldField>,
) -> GoldRecord {
    if let Some(p) = point(row.float("latitude"), row.float("longitude")) {
        fields.push(field("location_25km", p));
    }
    if let Some(d) = date {
        fields.push(field("date", GoldValue::Date(d)));
    }
    let id = row
        .get("s#")
        .map(|n| format!("{kind}-{n}"))
        .unwrap_or_else(|| format!("{kind}-row{}", i + 1));
    GoldRecord {
        id,
        text,
        published: date,
        country: Some("Pakistan".to_string()),
        fields,
    }
}

fn load_suicide(path: &Path) -> Result<Vec<GoldRecord>, EvalError> {
    let (cols, rows) = read_csv(path)?;
    if !cols.contains_key("killed max") || !cols.contains_key("location") {
        return Err(EvalError::format(
            path,
            "not the suicide-bombing CSV (no 'Killed Max'/'Location' column)",
        ));
    }
    let mut out = Vec::new();
    for (i, rec) in rows.iter().enumerate() {
        let row = Row { cols: &cols, rec };
        let Some(loc) = row.get("location") else {
            continue;
        };
        // "Location, City." on one line: the place description a story's lead holds.
        let mut text = loc.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(city) = row.get("city") {
            text.push_str(", ");
            text.push_str(&city.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        if !text.ends_with('.') {
            text.push('.');
        }
        let date = row.get("date").and_then(drone_date);
        let mut fields = vec![
            field(
                "event_type",
                GoldValue::Types(vec![EventType::ExplosionsRemoteViolence]),
            ),
            field(
                "sub_event_type",
                GoldValue::SubTypes(vec![SubEventType::SuicideBomb]),
            ),
        ];
        if let Some(r) = min_max(row.count("killed min"), row.count("killed max")) {
            fields.push(field("fatalities.bounds", r));
        }
        if let Some(r) = min_max(row.count("injured min"), row.count("injured max")) {
            fields.push(field("wounded.bounds", r));
        }
        if let Some(a) = row.get("province") {
            // The list writes the federal capital territory as "Capital".
            let a = if a.eq_ignore_ascii_case("capital") {
                "Islamabad"
            } else {
                a
            };
            fields.push(field("admin1", GoldValue::Admin1(a.to_string())));
        }
        out.push(pakistan_list_record(&row, "suicide", i, text, date, fields));
    }
    Ok(out)
}
