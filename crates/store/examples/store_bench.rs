//! Store benchmark: generates synthetic reports (invented places, actors and
//! figures: no news text), ingests them through the real fusion path, then
//! times the queries the API and the dashboard make.
//!
//! ```sh
//! cargo run --release -p sitrep-store --example store_bench -- --db /tmp/bench.db --events 1000000
//! cargo run --release -p sitrep-store --example store_bench -- --db /tmp/bench.db --queries-only
//! ```

use chrono::{Duration, NaiveDate};
use sitrep_model::{
    Actor, ActorType, Article, DatePrecision, Event, EventType, Evidence, Fatalities, Location,
    Source,
};
use sitrep_store::{ArticleReports, EventQuery, SqliteStore, StatsGroup, Store};
use std::time::Instant;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// (code, lat0, lon0, lat span, lon span, weight)
const COUNTRIES: &[(&str, f64, f64, f64, f64, u64)] = &[
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
const TYPES: &[EventType] = &[
    EventType::Battles,
    EventType::ExplosionsRemoteViolence,
    EventType::ViolenceAgainstCivilians,
    EventType::Protests,
    EventType::Riots,
    EventType::StrategicDevelopments,
];

fn gen_event(rng: &mut Rng, n: u64, start: NaiveDate, days: u64) -> (Event, Article) {
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

fn time<T>(label: &str, runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let db = arg("--db").unwrap_or_else(|| "/tmp/sitrep-bench.db".into());
    let target: u64 = arg("--events")
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let queries_only = args.iter().any(|a| a == "--queries-only");
    let store = match SqliteStore::open(&db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("store_bench: {e}");
            std::process::exit(2);
        }
    };
    let start = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default();
    let days = 3653;
    if !queries_only {
        let mut rng = Rng(0x5157_5245_5000_0001);
        let have = store.counts().map(|c| c.articles).unwrap_or(0);
        let t0 = Instant::now();
        let mut n = have;
        let batch_size = 1000;
        let mut last = Instant::now();
        // Skip the random stream of what is already there, so reruns continue.
        for _ in 0..have {
            let _ = gen_event(&mut rng, 0, start, days);
        }
        while n < target {
            let mut batch = Vec::with_capacity(batch_size);
            for _ in 0..batch_size.min((target - n) as usize) {
                let (ev, article) = gen_event(&mut rng, n, start, days);
                batch.push(ArticleReports {
                    article,
                    events: vec![ev],
                });
                n += 1;
            }
            if let Err(e) = store.ingest(&batch) {
                eprintln!("store_bench: {e}");
                std::process::exit(1);
            }
            if last.elapsed().as_secs() >= 10 {
                let rate = (n - have) as f64 / t0.elapsed().as_secs_f64();
                eprintln!("  {n} articles, {rate:.0} articles/s");
                last = Instant::now();
            }
        }
        let secs = t0.elapsed().as_secs_f64();
        if n > have {
            println!(
                "ingest (store only, fusion incl.): {} articles in {secs:.1} s = {:.0} articles/s",
                n - have,
                (n - have) as f64 / secs
            );
        }
    }
    let counts = store.counts().unwrap_or_default();
    println!(
        "store: {} articles, {} reports, {} events ({db})",
        counts.articles, counts.reports, counts.events
    );
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let month = EventQuery {
        country: Some("PK".into()),
        from: d("2024-06-01"),
        to: d("2024-06-30"),
        limit: Some(50),
        ..EventQuery::default()
    };
    let (_, p) = time("first page of 50, country PK, one month", 30, || {
        store.events(&month).map(|p| p.events.len()).unwrap_or(0)
    });
    println!("  -> {p} events on the page");
    time("first page of 50, no filter", 30, || {
        store
            .events(&EventQuery {
                limit: Some(50),
                ..EventQuery::default()
            })
            .map(|p| p.events.len())
            .unwrap_or(0)
    });
    let next = store
        .events(&month)
        .ok()
        .and_then(|p| p.next_cursor)
        .map(|c| EventQuery {
            cursor: Some(c),
            ..month.clone()
        });
    if let Some(nq) = next {
        time("second page (cursor), country PK, one month", 30, || {
            store.events(&nq).map(|p| p.events.len()).unwrap_or(0)
        });
    }
    time(
        "first page of 50, type Battles + actor substring",
        10,
        || {
            store
                .events(&EventQuery {
                    event_type: Some(EventType::Battles),
                    actor: Some("group 7 ".into()),
                    limit: Some(50),
                    ..EventQuery::default()
                })
                .map(|p| p.events.len())
                .unwrap_or(0)
        },
    );
    time("first page of 50, bbox 2x2 degrees", 10, || {
        store
            .events(&EventQuery {
                bbox: Some([66.0, 29.0, 68.0, 31.0]),
                limit: Some(50),
                ..EventQuery::default()
            })
            .map(|p| p.events.len())
            .unwrap_or(0)
    });
    let (_, rows) = time("weekly stats (stacked by type), whole store", 5, || {
        store
            .stats(&EventQuery::default(), StatsGroup::Week)
            .map(|r| r.len())
            .unwrap_or(0)
    });
    println!("  -> {rows} rows");
    time("weekly stats, country PK", 5, || {
        store
            .stats(
                &EventQuery {
                    country: Some("PK".into()),
                    ..EventQuery::default()
                },
                StatsGroup::Week,
            )
            .map(|r| r.len())
            .unwrap_or(0)
    });
    time("weekly stats, country PK, one year", 5, || {
        store
            .stats(
                &EventQuery {
                    country: Some("PK".into()),
                    from: d("2024-01-01"),
                    to: d("2024-12-31"),
                    ..EventQuery::default()
                },
                StatsGroup::Week,
            )
            .map(|r| r.len())
            .unwrap_or(0)
    });
    time("admin1 breakdown, country PK", 5, || {
        store
            .stats(
                &EventQuery {
                    country: Some("PK".into()),
                    ..EventQuery::default()
                },
                StatsGroup::Admin1,
            )
            .map(|r| r.len())
            .unwrap_or(0)
    });
    time(
        "full-text page of 50 ('forces met near place 1234')",
        5,
        || {
            store
                .events(&EventQuery {
                    text: Some("place 1234".into()),
                    limit: Some(50),
                    ..EventQuery::default()
                })
                .map(|p| p.events.len())
                .unwrap_or(0)
        },
    );
}
