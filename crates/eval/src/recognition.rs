//! Recognition alone (issue 3): are the gold place and actor among what the
//! gazetteer finds in a record's text, whatever event is coded from it?
//!
//! Per record, with the same gold values and comparison rules as the event scorer:
//! - `admin1`: the gold admin1 is the admin1 of one of the resolved places;
//! - `location_25km`: one of the resolved places lies within 25 km of the gold point;
//! - `actor1` (ACLED) / `perpetrator` (GTD, MUC, wiki): the gold actor is among the
//!   recognised actors; records whose gold actor is unknown/unidentified are left out
//!   (there is nothing to find);
//! - `country` (wiki): the gold country is the country of one of the resolved places
//!   (MUC's upper-case messages are not recognised as they are, so its country is not
//!   scored here).
//!
//! Each field is reported beside the same trivial baseline as the event scorer (the
//! constant answer among the most frequent gold values that agrees with the most
//! records), so the table reads like `sitrep eval`'s.

use crate::{agrees, countries_agree, score_rows, GoldKind, GoldRecord, GoldValue, Pred, Report};
use rayon::prelude::*;

/// What recognition found in one record's text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recognised {
    /// (admin1, admin2) names of the resolved places (as the gazetteer writes them).
    pub admin1s: Vec<(Option<String>, Option<String>)>,
    /// Coordinates (lat, lon) of the resolved places.
    pub points: Vec<(f64, f64)>,
    /// Names of the recognised actors (generic mentions already resolved by country).
    pub actors: Vec<String>,
    /// Countries (ISO2 codes or names) of the resolved places.
    pub countries: Vec<String>,
    /// Actors of the events coded from the text (actor1, actor2, claimants), among
    /// them the crowds that only the event stage names ("Protesters (India)" for
    /// "staged a dharna", "Rioters (Bangladesh)" for a clash between party workers).
    /// Scored in the `… (with events)` rows, beside the recogniser's own.
    pub event_actors: Vec<String>,
}

/// The row that scores an actor field over the recogniser's actors and the coded
/// events' actors together.
fn with_events(name: &str) -> Option<&'static str> {
    match name {
        "actor1" => Some("actor1 (with events)"),
        "perpetrator" => Some("perpetrator (with events)"),
        _ => None,
    }
}

/// The fields recognition is scored on.
const RECOGNITION_FIELDS: &[&str] = &[
    "admin1",
    "location_25km",
    "actor1",
    "perpetrator",
    crate::PERPETRATOR_GROUPS,
];

/// Whether something recognised agrees with the gold value of field `name`.
fn found(name: &str, gold: &GoldValue, rec: &Recognised) -> bool {
    match gold {
        GoldValue::Admin1(_) => rec
            .admin1s
            .iter()
            .any(|(a1, a2)| agrees(gold, &Pred::Admin1(a1.clone(), a2.clone()))),
        GoldValue::Point(..) => rec
            .points
            .iter()
            .any(|p| agrees(gold, &Pred::Point(Some(*p)))),
        GoldValue::Country(g) => rec.countries.iter().any(|c| countries_agree(c, g)),
        GoldValue::Names(g) if !g.is_empty() && name != "location" && name != "country" => {
            agrees(gold, &Pred::Names(rec.actors.clone()))
        }
        _ => false,
    }
}

/// Prints a recognition miss on stderr (`SITREP_EVAL_MISSES=<field>`, as for the
/// event scorer): the gold value, what was found, and the text (terminal only).
fn dump_miss(r: &GoldRecord, f: &crate::GoldField, rec: Option<&Recognised>) {
    let found = rec.map_or_else(String::new, |rec| match f.value {
        GoldValue::Admin1(_) => format!("{:?}", rec.admin1s),
        GoldValue::Point(..) => format!("{:?}", rec.points),
        GoldValue::Country(_) => format!("{:?}", rec.countries),
        _ => format!("{:?} events {:?}", rec.actors, rec.event_actors),
    });
    eprintln!(
        "MISS {} id={} gold={:?} found={}\n    {}",
        f.name,
        r.id,
        f.value,
        found,
        r.text.replace('\n', " ")
    );
}

/// Whether field `f` of a record is scored for recognition.
fn scored(name: &str, gold: &GoldValue) -> bool {
    matches!(gold, GoldValue::Country(_))
        || (RECOGNITION_FIELDS.contains(&name)
            && !matches!(gold, GoldValue::Names(g) if g.is_empty()))
}

/// Runs `recognise` over the records (in parallel) and scores what it found.
pub fn evaluate_recognition<F>(kind: GoldKind, records: &[GoldRecord], recognise: F) -> Report
where
    F: Fn(&GoldRecord) -> Recognised + Sync,
{
    let t0 = std::time::Instant::now();
    let found_per_record: Vec<Option<Recognised>> = records
        .par_iter()
        .map(|r| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| recognise(r))).ok())
        .collect();
    let seconds = t0.elapsed().as_secs_f64();
    let mut rows = Vec::new();
    let dump = std::env::var("SITREP_EVAL_MISSES").ok();
    for (r, rec) in records.iter().zip(&found_per_record) {
        for f in &r.fields {
            if !scored(f.name, &f.value) {
                continue;
            }
            let ok = rec.as_ref().is_some_and(|rec| found(f.name, &f.value, rec));
            if !ok && dump.as_deref() == Some(f.name) {
                dump_miss(r, f, rec.as_ref());
            }
            rows.push((f.name.to_string(), (&f.value, f.name, ok)));
            if let Some(row) = with_events(f.name) {
                let ok = ok
                    || rec.as_ref().is_some_and(|rec| {
                        crate::agrees(&f.value, &Pred::Names(rec.event_actors.clone()))
                    });
                if !ok && dump.as_deref() == Some(row) {
                    dump_miss(r, f, rec.as_ref());
                }
                rows.push((row.to_string(), (&f.value, f.name, ok)));
            }
        }
    }
    let fields = score_rows(rows);
    let with = found_per_record
        .iter()
        .filter(|r| {
            r.as_ref()
                .is_some_and(|r| !r.points.is_empty() || !r.admin1s.is_empty())
        })
        .count();
    Report {
        kind,
        records: records.len(),
        with_event: with,
        with_typed_event: with,
        panicked: found_per_record.iter().filter(|r| r.is_none()).count(),
        seconds,
        recognition: true,
        fields,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GoldField;

    fn rec(fields: Vec<GoldField>) -> GoldRecord {
        GoldRecord {
            id: "1".into(),
            text: "x".into(),
            published: None,
            country: Some("Pakistan".into()),
            fields,
        }
    }

    #[test]
    fn any_recognised_place_or_actor_counts_and_unknown_actors_are_left_out() {
        let records = vec![
            rec(vec![
                GoldField {
                    name: "admin1",
                    value: GoldValue::Admin1("North-West Frontier Province".into()),
                },
                GoldField {
                    name: "location_25km",
                    value: GoldValue::Point(34.0, 71.5),
                },
                GoldField {
                    name: "perpetrator",
                    value: GoldValue::Names(vec!["Tehrik-i-Taliban Pakistan (TTP)".into()]),
                },
                GoldField {
                    name: "country",
                    value: GoldValue::Country("Pakistan".into()),
                },
            ]),
            rec(vec![
                GoldField {
                    name: "admin1",
                    value: GoldValue::Admin1("Sindh".into()),
                },
                GoldField {
                    name: "location_25km",
                    value: GoldValue::Point(24.9, 67.0),
                },
                GoldField {
                    name: "perpetrator",
                    value: GoldValue::Names(vec![]),
                },
                GoldField {
                    name: "country",
                    value: GoldValue::Country("Pakistan".into()),
                },
            ]),
        ];
        let report = evaluate_recognition(GoldKind::Gtd, &records, |r| {
            if r.fields[0].value == GoldValue::Admin1("Sindh".into()) {
                // Wrong province, a point 100 km away.
                Recognised {
                    admin1s: vec![(Some("Balochistan".into()), None)],
                    points: vec![(24.9, 68.0)],
                    actors: vec![],
                    countries: vec!["IN".into()],
                    event_actors: vec![],
                }
            } else {
                Recognised {
                    admin1s: vec![
                        (Some("Punjab".into()), Some("Lahore".into())),
                        (Some("Khyber Pakhtunkhwa".into()), None),
                    ],
                    points: vec![(31.5, 74.3), (34.01, 71.52)],
                    actors: vec![
                        "Police Forces of Pakistan".into(),
                        "Tehrik-i-Taliban Pakistan".into(),
                    ],
                    countries: vec!["PK".into(), "Pakistan".into()],
                    event_actors: vec![],
                }
            }
        });
        let get = |n: &str| report.fields.iter().find(|f| f.field == n).cloned();
        let a = get("admin1").expect("admin1 row");
        assert_eq!((a.n, a.correct), (2, 1));
        let p = get("location_25km").expect("location row");
        assert_eq!((p.n, p.correct), (2, 1));
        let c = get("country").expect("country row");
        assert_eq!((c.n, c.correct), (2, 1));
        let act = get("perpetrator").expect("perpetrator row");
        assert_eq!(
            (act.n, act.correct),
            (1, 1),
            "the unknown gold actor is not scored"
        );
        assert_eq!(report.panicked, 0);
    }

    #[test]
    fn the_with_events_row_also_counts_the_coded_events_actors() {
        let records = vec![
            rec(vec![GoldField {
                name: "actor1",
                value: GoldValue::Names(vec!["Rioters (India)".into()]),
            }]),
            rec(vec![GoldField {
                name: "actor1",
                value: GoldValue::Names(vec!["Police Forces of India".into()]),
            }]),
        ];
        let report = evaluate_recognition(GoldKind::Acled, &records, |r| Recognised {
            actors: vec!["Police Forces of India".into()],
            event_actors: match &r.fields[0].value {
                GoldValue::Names(g) if g[0].starts_with("Rioters") => {
                    vec!["Rioters (India)".into()]
                }
                _ => vec!["Protesters (India)".into()],
            },
            ..Recognised::default()
        });
        let get = |n: &str| report.fields.iter().find(|f| f.field == n).cloned();
        let own = get("actor1").expect("actor1 row");
        assert_eq!((own.n, own.correct), (2, 1));
        let with = get("actor1 (with events)").expect("with-events row");
        assert_eq!((with.n, with.correct), (2, 2));
    }
}
