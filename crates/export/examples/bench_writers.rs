//! Throughput of every writer on generated events.
//!
//! `cargo run -p sitrep-export --release --example bench_writers [-- N]` (default 200,000
//! events) writes each format into memory and prints events/s and bytes.

use sitrep_export::{write_all, Format};
use sitrep_model::*;
use std::time::Instant;

fn event(i: usize) -> Event {
    Event {
        id: stable_id(&["bench", &i.to_string()]),
        event_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new((i % 365) as u64))),
        date_precision: DatePrecision::Day,
        event_type: Some(EventType::ALL[i % EventType::ALL.len()]),
        sub_event_type: Some(SubEventType::ALL[i % SubEventType::ALL.len()]),
        plover: Some(Plover::Assault),
        actor1: Some(Actor {
            name: "Unidentified Armed Group (Pakistan)".into(),
            actor_type: Some(ActorType::PoliticalMilitias),
            country: Some("PK".into()),
        }),
        actor2: Some(Actor {
            name: "Civilians (Pakistan)".into(),
            actor_type: Some(ActorType::Civilians),
            country: Some("PK".into()),
        }),
        location: Some(Location {
            name: format!("Town {}", i % 500),
            admin1: Some("Balochistan".into()),
            country: Some("Pakistan".into()),
            country_code: Some("PK".into()),
            lat: Some(25.0 + (i % 1000) as f64 / 100.0),
            lon: Some(62.0 + (i % 700) as f64 / 100.0),
            precision: 1,
            ..Location::default()
        }),
        fatalities: Fatalities {
            best: Some((i % 13) as u32),
            ..Fatalities::default()
        },
        notes: format!(
            "On a day in 2026, gunmen attacked a village near town {i}, killing several."
        ),
        sources: vec![Source {
            article_id: format!("a{i}"),
            publisher: Some("Example Wire".into()),
            published: Some("2026-02-01".into()),
            ..Source::default()
        }],
        evidence: vec![Evidence {
            field: "event_type".into(),
            article_id: format!("a{i}"),
            start: 0,
            end: 8,
            text: "attacked".into(),
        }],
        confidence: 0.8,
        ..Event::default()
    }
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200_000);
    let events: Vec<Event> = (0..n).map(event).collect();
    for f in Format::ALL {
        let mut out = Vec::new();
        let t = Instant::now();
        if let Err(e) = write_all(*f, &mut out, &events) {
            eprintln!("{f}: {e}");
            continue;
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{:<10} {:>9.0} events/s  {:>7.1} MB  ({n} events in {s:.2} s)",
            f.name(),
            n as f64 / s,
            out.len() as f64 / 1e6
        );
    }
}
