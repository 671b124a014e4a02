//! The synthetic events both store benchmarks use (`store_bench` for SQLite,
//! `pg_bench` for PostgreSQL): invented places, actors and figures, no news
//! text; deterministic for a given seed.
#![allow(dead_code, missing_docs)]

use chrono::{Duration, NaiveDate};
use sitrep_model::{
    Actor, ActorType, Article, DatePrecision, Event, EventType, Evidence, Fatalities, Location,
    Source,
};
use std::time::Instant;

pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// (code, lat0, lon0, lat span, lon span, weight)
pub const COUNTRIES: &[(&str, f64, f64, f64, f64, u64)] = &[
    ("PK", 24.0, 61.0, 12.0, 14.0, 20),
    ("AF", 29.5, 61.0, 8.5, 13.0, 15),
    ("IN", 8.0, 68.0, 27.0, 29.0, 15),
    ("BD", 21.0, 88.0, 5.0, 4.0, 5),
    ("NP", 26.5, 80.0, 3.5, 8.0, 3),
    ("MM", 10.0, 92.0, 18.0, 9.0, 8),
    ("SY", 32.5, 36.0, 4.5, 6.0, 8),
    ("IQ", 29.5, 39.0, 8.0, 9.0, 6),
    ("YE", 12.5, 43.0, 6.0, 9.0, 6),
    ("SO", -1.5, 41.0, 13.0, 9.0, 5),
    ("NG", 4.5, 3.0, 9.0, 11.0, 5),
    ("ML", 10.5, -12.0, 14.0, 16.0, 4),
];
pub const TYPES: &[EventType] = &[
    EventType::Battles,
    EventType::ExplosionsRemoteViolence,
    EventType::ViolenceAgainstCivilians,
    EventType::Protests,
    EventType::Riots,
    EventType::StrategicDevelopments,
];

pub fn gen_event(rng: &mut Rng, n: u64, start: NaiveDate, days: u64) -> (Event, Article) {
    let mut w = rng.below(COUNTRIES.iter().map(|c| c.5).sum());
    let mut c = COUNTRIES[0];
    for x in COUNTRIES {
        if w < x.5 {
            c = *x;
            break;
        }
        w -= x.5;
    }
    let lat = c.1 + rng.unit() * c.3;
    let lon = c.2 + rng.unit() * c.4;
    let admin = rng.below(8);
    let t = TYPES[rng.below(TYPES.len() as u64) as usize];
    let date = start + Duration::days(rng.below(days) as i64);
    let group = rng.below(40);
    let killed = if rng.below(3) == 0 {
        None
    } else {
        Some(rng.below(30) as u32)
    };
    let id = format!("gen-{n}");
    let text = format!(
        "Synthetic report {n}: group {group} and forces met near place {} in province {admin} of {}.",
        rng.below(10_000),
        c.0
    );
    let article = Article {
        id: id.clone(),
        input: "bench".into(),
        title: Some(format!("Synthetic {n}")),
        published: Some(date.format("%Y-%m-%d").to_string()),
        url: None,
        publisher: Some("Bench Wire".into()),
        text: text.clone(),
        ..Article::default()
    };
    let ev = Event {
        id: sitrep_model::stable_id(&[&id, "0"]),
        event_date: Some(date),
        date_precision: DatePrecision::Day,
        event_type: Some(t),
        actor1: Some(Actor {
            name: format!("Armed Group {group} ({})", c.0),
            actor_type: Some(ActorType::RebelGroups),
            country: Some(c.0.into()),
        }),
        actor2: Some(Actor {
            name: format!("Military Forces of {}", c.0),
            actor_type: Some(ActorType::StateForces),
            country: Some(c.0.into()),
        }),
        location: Some(Location {
            name: format!("Place {}", rng.below(10_000)),
            admin1: Some(format!("{} Province {admin}", c.0)),
            admin2: None,
            country: Some(c.0.into()),
            country_code: Some(c.0.into()),
            lat: Some(lat),
            lon: Some(lon),
            geonames_id: None,
            precision: 1,
        }),
        fatalities: Fatalities {
            best: killed,
            low: killed,
            ..Fatalities::default()
        },
        notes: format!("Synthetic event {n}."),
        sources: vec![Source {
            article_id: id.clone(),
            title: article.title.clone(),
            published: article.published.clone(),
            fatalities_reported: killed,
            ..Source::default()
        }],
        evidence: vec![Evidence {
            field: "event_type".into(),
            article_id: id,
            start: 0,
            end: text.len(),
            text,
        }],
        confidence: 0.5,
        ..Event::default()
    };
    (ev, article)
}

pub fn time<T>(label: &str, runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut out = f(); // warm-up
    let mut ms: Vec<f64> = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        out = f();
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(|a, b| a.total_cmp(b));
    let med = ms[ms.len() / 2];
    println!(
        "{label:<58} median {med:8.2} ms   max {:8.2} ms  ({runs} warm runs)",
        ms[ms.len() - 1]
    );
    (med, out)
}
