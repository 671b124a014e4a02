//! Golden tests: hand-written articles in the style of wire stories
//! (`tests/fixtures/golden.json`), each with the events a careful coder
//! would code. Every expected event must be matched by a distinct extracted
//! event; every extracted event's evidence must equal its slice of the text.

use std::sync::{Arc, OnceLock};

use serde_json::Value;
use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_gazetteer::Gazetteer;
use sitrep_model::{Article, Event};

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(Arc::new(Gazetteer::embedded().expect("embedded gazetteer"))))
}

fn matches(ev: &Event, want: &Value) -> bool {
    let v = serde_json::to_value(ev).expect("event serialises");
    let Some(obj) = want.as_object() else {
        return false;
    };
    for (k, w) in obj {
        let ok = match k.as_str() {
            "fatalities" => w
                .as_object()
                .is_some_and(|m| m.iter().all(|(f, x)| v["fatalities"][f] == *x)),
            "wounded" => v["wounded"]["best"] == *w,
            "claimed" => ev.claimed_by.is_empty() != w.as_bool().unwrap_or(false),
            "accused_target" => ev
                .accused
                .iter()
                .any(|a| Some(a.target.as_str()) == w.as_str()),
            "denied_by" => ev
                .denied_by
                .iter()
                .any(|a| w.as_str().is_some_and(|s| a.actor.contains(s))),
            "actor1_has" => ev
                .actor1
                .as_ref()
                .is_some_and(|a| w.as_str().is_some_and(|s| a.name.contains(s))),
            "location_country" => {
                ev.location.as_ref().and_then(|l| l.country_code.as_deref()) == w.as_str()
            }
            "location_name" => ev.location.as_ref().map(|l| l.name.as_str()) == w.as_str(),
            "year" => ev
                .event_date
                .is_some_and(|d| w.as_str().is_some_and(|y| d.to_string().starts_with(y))),
            _ => v[k.as_str()] == *w,
        };
        if !ok {
            return false;
        }
    }
    true
}

/// Largest one-to-one assignment of expected to extracted events (small n).
fn assign(wants: &[Value], evs: &[Event], k: usize, used: &mut Vec<bool>) -> bool {
    if k == wants.len() {
        return true;
    }
    for i in 0..evs.len() {
        if !used[i] && matches(&evs[i], &wants[k]) {
            used[i] = true;
            if assign(wants, evs, k + 1, used) {
                return true;
            }
            used[i] = false;
        }
    }
    false
}

#[test]
fn golden_fixtures() {
    let data = include_str!("fixtures/golden.json");
    let cases: Vec<Value> = serde_json::from_str(data).expect("fixtures parse");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        let art: Article = serde_json::from_value(case["article"].clone()).expect("article parses");
        let evs = extractor().extract(&art, &ExtractOptions::default());
        for e in &evs {
            assert_eq!(e.schema_version, 1);
            assert!(!e.id.is_empty());
            for sp in &e.evidence {
                assert_eq!(
                    art.text.get(sp.start..sp.end),
                    Some(sp.text.as_str()),
                    "{name}: evidence slice"
                );
            }
            assert!(
                e.evidence.iter().any(|x| x.field == "event_type"),
                "{name}: no trigger evidence"
            );
            if e.fatalities.best.is_some() {
                assert!(
                    e.evidence.iter().any(|x| x.field == "fatalities.best"),
                    "{name}: no fatalities evidence"
                );
            }
        }
        let wants: Vec<Value> = case["expect"].as_array().cloned().unwrap_or_default();
        let mut used = vec![false; evs.len()];
        if !assign(&wants, &evs, 0, &mut used) {
            let got: Vec<String> = evs
                .iter()
                .map(|e| {
                    format!(
                        "{:?} {:?} {:?} {:?} fat={:?} w={:?} ab={:?} ar={:?} bg={} a1={:?}",
                        e.event_date,
                        e.date_precision,
                        e.sub_event_type,
                        e.plover,
                        e.fatalities,
                        e.wounded.best,
                        e.abducted,
                        e.arrested,
                        e.background,
                        e.actor1.as_ref().map(|a| &a.name)
                    )
                })
                .collect();
            failures.push(format!(
                "{name}:\n  want {wants:?}\n  got\n    {}",
                got.join("\n    ")
            ));
        }
        if let Some(total) = case["total_non_background_best"].as_u64() {
            let sum: u64 = evs
                .iter()
                .filter(|e| !e.background)
                .filter_map(|e| e.fatalities.best)
                .map(u64::from)
                .sum();
            if sum != total {
                failures.push(format!("{name}: non-background total {sum}, want {total}"));
            }
        }
        if let Some(max) = case["max_events"].as_u64() {
            if evs.len() as u64 > max {
                failures.push(format!("{name}: {} events, want at most {max}", evs.len()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Junk, repeated triggers, unclosed quotes and huge numbers never panic and
/// never give evidence off its slice.
#[test]
fn extractor_handles_hostile_input() {
    let ex = extractor();
    for text in [
        "",
        "\u{0}\u{0}",
        "killed killed killed",
        "at least at least",
        "“unclosed quote killed 5 soldiers",
        "On Sunday, 99999999999999999999 people were killed.",
    ] {
        let art = Article {
            id: "h".into(),
            text: text.into(),
            ..Article::default()
        };
        let evs = ex.extract(&art, &ExtractOptions::default());
        for e in evs {
            for sp in e.evidence {
                assert_eq!(art.text.get(sp.start..sp.end), Some(sp.text.as_str()));
            }
        }
    }
}
