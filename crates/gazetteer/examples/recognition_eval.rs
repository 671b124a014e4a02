//! Recognition harness: how well the gazetteer finds the gold place and actor
//! of hand-coded records from their own text.
//!
//! `cargo run -p sitrep-gazetteer --release --example recognition_eval [-- SHARED_DATA_DIR]`
//!
//! Reads `dev/acled_asia_2015.csv` (NOTES; latin-1, old schema) and
//! `dev/gtd_pakistan_2008.geojson` (summary) from `../shared/data` (or the
//! given directory) and reports, per record set:
//! - admin1: the gold admin1 (in current names: crosswalk first, else the
//!   admin1 of the gazetteer town nearest the gold point) is among the
//!   admin1s of the resolved places;
//! - ≤ 25 km: a resolved place lies within 25 km of the gold coordinates;
//! - actor: the gold ACTOR1 (ACLED) / gname (GTD) is among the recognised
//!   actors (generic mentions resolved by the document's country), names
//!   compared after dropping regime years and spelling variants;
//!
//! each beside a trivial baseline (always answer the most frequent value).
//! Never copies any of the data: it only prints counts.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use sitrep_gazetteer::{distance_km, normalise_actor_name, DocContext, Gazetteer, PlaceKind};

struct Record {
    text: String,
    cc: Option<String>,
    admin1: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    actor: Option<String>,
    location_key: String,
    /// The text itself names the gold location or one of its admin units
    /// (case-insensitive): the records where recognition can succeed at all.
    named: bool,
}

fn names_any(text: &str, names: &[&str]) -> bool {
    let t = text.to_lowercase();
    names
        .iter()
        .any(|n| !n.trim().is_empty() && t.contains(&n.trim().to_lowercase()))
}

#[derive(Default)]
struct Tally {
    n: usize,
    admin1_n: usize,
    admin1_hit: usize,
    admin1_base: usize,
    named_n: usize,
    named_admin1: usize,
    named_geo: usize,
    resolved: usize,
    foreign: usize,
    geo_n: usize,
    geo_hit: usize,
    geo_base: usize,
    actor_n: usize,
    actor_hit: usize,
    actor_base: usize,
}

fn pct(a: usize, n: usize) -> String {
    if n == 0 {
        "—".into()
    } else {
        format!("{:.1}%", 100.0 * a as f64 / n as f64)
    }
}

/// Actor-name variants for comparison: regime years dropped, "ABBR: Full"
/// split, spelling variants unified.
fn actor_keys(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Drop parenthesised groups with digits (regime years), keep "(Pakistan)".
    let mut cleaned = String::new();
    let mut rest = name;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        let inner = &rest[open + 1..open + close];
        cleaned.push_str(&rest[..open]);
        if !inner.chars().any(|c| c.is_ascii_digit()) {
            cleaned.push_str(&rest[open..open + close + 1]);
            // GTD "Tehrik-i-Taliban Pakistan (TTP)": the abbreviation alone too
            if inner.len() <= 8 && inner.chars().all(|c| c.is_ascii_uppercase() || c == '-') {
                out.push(normalise_actor_name(inner));
            }
        }
        rest = &rest[open + close + 1..];
    }
    cleaned.push_str(rest);
    let cleaned = cleaned.trim().to_string();
    let lower = cleaned.to_lowercase();
    out.push(key_with_country(&lower));
    if let Some((abbr, full)) = cleaned.split_once(": ") {
        out.push(normalise_actor_name(abbr));
        out.push(key_with_country(&full.to_lowercase()));
    } else {
        // GTD "Tehrik-i-Taliban Pakistan (TTP)" → also without the parens
        out.push(normalise_actor_name(&cleaned));
    }
    out.retain(|k| !k.is_empty());
    out
}

/// Normalised key that keeps a "(Country)" suffix: "protesters (india)" →
/// "protesters|india".
fn key_with_country(s: &str) -> String {
    match (s.find('('), s.rfind(')')) {
        (Some(o), Some(c)) if c > o => format!(
            "{}|{}",
            normalise_actor_name(&s[..o]),
            normalise_actor_name(&s[o + 1..c])
        ),
        _ => normalise_actor_name(s),
    }
}

fn latin1(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

fn load_acled(g: &Gazetteer, path: &Path) -> Result<Vec<Record>, Box<dyn std::error::Error>> {
    let text = latin1(&std::fs::read(path)?);
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(c_country), Some(c_admin1), Some(c_lat), Some(c_lon), Some(c_actor), Some(c_notes)) = (
        col("COUNTRY"),
        col("ADMIN1"),
        col("LATITUDE"),
        col("LONGITUDE"),
        col("ACTOR1"),
        col("NOTES"),
    ) else {
        return Err("acled: missing columns".into());
    };
    let c_loc = col("LOCATION");
    let c_a2 = col("ADMIN2");
    let c_a3 = col("ADMIN3");
    let mut out = Vec::new();
    for row in rdr.records() {
        let row = row?;
        let get = |i: usize| row.get(i).unwrap_or("").trim().to_string();
        let cc = g.country_code(&get(c_country));
        let opt = |c: Option<usize>| c.map(get).unwrap_or_default();
        let named = names_any(
            &get(c_notes),
            &[&opt(c_loc), &get(c_admin1), &opt(c_a2), &opt(c_a3)],
        );
        out.push(Record {
            named,
            text: get(c_notes),
            cc,
            admin1: Some(get(c_admin1)).filter(|s| !s.is_empty()),
            lat: get(c_lat).parse().ok(),
            lon: get(c_lon).parse().ok(),
            actor: Some(get(c_actor)).filter(|s| !s.is_empty()),
            location_key: c_loc.map(get).unwrap_or_default(),
        });
    }
    Ok(out)
}

fn load_gtd(path: &Path) -> Result<Vec<Record>, Box<dyn std::error::Error>> {
    let v: serde_json::Value = serde_json::from_str(&latin1(&std::fs::read(path)?))?;
    let mut out = Vec::new();
    for f in v["features"].as_array().into_iter().flatten() {
        let p = &f["properties"];
        let s = |k: &str| p[k].as_str().unwrap_or("").trim().to_string();
        let num = |k: &str| p[k].as_f64().or_else(|| p[k].as_str()?.parse().ok());
        let gname = s("gname");
        let named = names_any(&s("summary"), &[&s("city"), &s("provstate")]);
        out.push(Record {
            named,
            text: s("summary"),
            cc: Some("PK".into()),
            admin1: Some(s("provstate")).filter(|x| !x.is_empty()),
            lat: num("latitude"),
            lon: num("longitude"),
            actor: Some(gname).filter(|x| !x.is_empty() && x != "Unknown"),
            location_key: s("city"),
        });
    }
    Ok(out)
}

fn evaluate(g: &Gazetteer, recs: &[&Record]) -> Tally {
    let mut t = Tally::default();
    let debug = std::env::var("EVAL_DEBUG").unwrap_or_default();
    // gold admin1 in current names
    let gold_admin1: Vec<Option<String>> = recs
        .iter()
        .map(|r| {
            let cc = r.cc.as_deref()?;
            let a = r.admin1.as_deref()?;
            g.canonical_admin1(cc, a).or_else(|| {
                g.nearest_place(r.lat?, r.lon?, Some(cc))
                    .and_then(|l| l.admin1)
            })
        })
        .collect();
    // baselines: most frequent values
    let mut fa: HashMap<&str, usize> = HashMap::new();
    for a in gold_admin1.iter().flatten() {
        *fa.entry(a.as_str()).or_default() += 1;
    }
    let base_admin1 = fa
        .iter()
        .max_by_key(|x| (*x.1, *x.0))
        .map(|x| x.0.to_string());
    let mut fl: HashMap<&str, (usize, f64, f64)> = HashMap::new();
    for r in recs {
        if let (Some(la), Some(lo)) = (r.lat, r.lon) {
            let e = fl.entry(r.location_key.as_str()).or_insert((0, la, lo));
            e.0 += 1;
        }
    }
    let base_geo = fl
        .values()
        .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
        .copied();
    let mut fact: HashMap<String, usize> = HashMap::new();
    for r in recs {
        if let Some(a) = &r.actor {
            *fact.entry(actor_keys(a)[0].clone()).or_default() += 1;
        }
    }
    let base_actor = fact
        .iter()
        .max_by_key(|x| (*x.1, x.0.clone()))
        .map(|x| x.0.clone());

    for (r, ga) in recs.iter().zip(&gold_admin1) {
        t.n += 1;
        if r.named {
            t.named_n += 1;
        }
        let rec = g.recognise(&r.text);
        let places = g.resolve(&r.text, &rec, &DocContext::default());
        for p in &places {
            // towns and units only: country and region mentions are often
            // legitimately about a neighbour
            if matches!(
                p.kind,
                PlaceKind::Populated | PlaceKind::Admin1 | PlaceKind::Admin2
            ) {
                t.resolved += 1;
                if p.location.country_code != r.cc {
                    t.foreign += 1;
                    if debug == "foreign" {
                        eprintln!(
                            "FOREIGN {} → {} ({})",
                            &r.text[p.span.start..p.span.end],
                            p.location.name,
                            p.location.country_code.as_deref().unwrap_or("-")
                        );
                    }
                }
            }
        }
        if let Some(ga) = ga {
            t.admin1_n += 1;
            if places.iter().any(|p| {
                p.location.country_code == r.cc
                    && p.location
                        .admin1
                        .as_deref()
                        .is_some_and(|a| a.eq_ignore_ascii_case(ga))
            }) {
                t.admin1_hit += 1;
                if r.named {
                    t.named_admin1 += 1;
                }
            } else if debug == "admin1" {
                eprintln!(
                    "MISS admin1 gold={ga} got={:?}\n   {}",
                    places
                        .iter()
                        .map(|p| format!(
                            "{}→{}/{}",
                            &r.text[p.span.start..p.span.end],
                            p.location.admin1.as_deref().unwrap_or("-"),
                            p.location.country_code.as_deref().unwrap_or("-")
                        ))
                        .collect::<Vec<_>>(),
                    r.text.chars().take(300).collect::<String>()
                );
            }
            if base_admin1.as_deref() == Some(ga.as_str()) {
                t.admin1_base += 1;
            }
        }
        if let (Some(la), Some(lo)) = (r.lat, r.lon) {
            t.geo_n += 1;
            if places
                .iter()
                .any(|p| match (p.location.lat, p.location.lon) {
                    (Some(a), Some(b)) => distance_km(la, lo, a, b) <= 25.0,
                    _ => false,
                })
            {
                t.geo_hit += 1;
                if r.named {
                    t.named_geo += 1;
                }
            } else if debug == "geo" {
                eprintln!(
                    "MISS geo gold={} ({la},{lo}) got={:?}\n   {}",
                    r.location_key,
                    places
                        .iter()
                        .map(|p| format!(
                            "{}→{} {:?},{:?} p{}",
                            &r.text[p.span.start..p.span.end],
                            p.location.name,
                            p.location.lat,
                            p.location.lon,
                            p.location.precision
                        ))
                        .collect::<Vec<_>>(),
                    r.text.chars().take(250).collect::<String>()
                );
            }
            if base_geo.is_some_and(|b| distance_km(la, lo, b.1, b.2) <= 25.0) {
                t.geo_base += 1;
            }
        }
        if let Some(gold) = &r.actor {
            t.actor_n += 1;
            let gk = actor_keys(gold);
            let cc = g.focus_country(&places).or_else(|| r.cc.clone());
            let hit = rec.actors.iter().any(|m| {
                let a = g.actor_for_generic(m, cc.as_deref());
                let ks = actor_keys(&a.name);
                ks.iter().any(|k| gk.contains(k))
            });
            if hit {
                t.actor_hit += 1;
            } else if debug == "actor" {
                eprintln!(
                    "MISS actor gold={gold} got={:?}\n   {}",
                    rec.actors
                        .iter()
                        .map(|m| g.actor_for_generic(m, cc.as_deref()).name)
                        .collect::<Vec<_>>(),
                    r.text.chars().take(300).collect::<String>()
                );
            }
            if base_actor.as_deref() == Some(gk[0].as_str()) {
                t.actor_base += 1;
            }
        }
    }
    t
}

fn print(name: &str, t: &Tally) {
    println!(
        "| {name} | {} | {} | {} / {} | {} ({}) | {} | {} ({}) | {} | {} ({}) | {} | {} |",
        t.n,
        pct(t.named_n, t.n),
        pct(t.named_admin1, t.named_n),
        pct(t.named_geo, t.named_n),
        pct(t.admin1_hit, t.admin1_n),
        t.admin1_n,
        pct(t.admin1_base, t.admin1_n),
        pct(t.geo_hit, t.geo_n),
        t.geo_n,
        pct(t.geo_base, t.geo_n),
        pct(t.actor_hit, t.actor_n),
        t.actor_n,
        pct(t.actor_base, t.actor_n),
        pct(t.foreign, t.resolved),
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"))
        });
    let acled_path = shared.join("dev/acled_asia_2015.csv");
    let gtd_path = shared.join("dev/gtd_pakistan_2008.geojson");
    if !acled_path.exists() || !gtd_path.exists() {
        eprintln!(
            "SKIPPED: the dev sets are not at {} (pass the shared data dir)",
            shared.display()
        );
        return Ok(());
    }
    let t0 = Instant::now();
    let g = Gazetteer::embedded()?;
    eprintln!("gazetteer ready in {:?}", t0.elapsed());
    let acled = load_acled(&g, &acled_path)?;
    let gtd = load_gtd(&gtd_path)?;
    println!(
        "| set | records | text names the gold place | admin1 / ≤25 km on those | admin1 (n) | baseline | ≤25 km (n) | baseline | actor (n) | baseline | towns/units outside the gold country |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    let t1 = Instant::now();
    let pk: Vec<&Record> = acled
        .iter()
        .filter(|r| r.cc.as_deref() == Some("PK"))
        .collect();
    print("ACLED Asia 2015, Pakistan rows", &evaluate(&g, &pk));
    let all: Vec<&Record> = acled.iter().collect();
    print("ACLED Asia 2015, all rows", &evaluate(&g, &all));
    let gtd_refs: Vec<&Record> = gtd.iter().collect();
    print("GTD Pakistan 2008", &evaluate(&g, &gtd_refs));
    eprintln!("evaluated in {:?}", t1.elapsed());
    Ok(())
}
