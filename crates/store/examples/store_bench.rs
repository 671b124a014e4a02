//! Store benchmark: generates synthetic reports (invented places, actors and
//! figures: no news text), ingests them through the real fusion path, then
//! times the queries the API and the dashboard make.
//!
//! ```sh
//! cargo run --release -p sitrep-store --example store_bench -- --db /tmp/bench.db --events 1000000
//! cargo run --release -p sitrep-store --example store_bench -- --db /tmp/bench.db --queries-only
//! ```
//!
//! `--batch N` sets the articles per ingest call (one transaction; default 1000). A rerun on
//! the same `--db` continues where the last run stopped.

use chrono::NaiveDate;
use sitrep_model::EventType;
use sitrep_store::{ArticleReports, EventQuery, SqliteStore, StatsGroup, Store};
use std::time::Instant;

mod synth;
use synth::*;

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
        let batch_size: usize = arg("--batch")
            .and_then(|s| s.parse().ok())
            .filter(|&b| b > 0)
            .unwrap_or(1000);
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
    time("actor breakdown, country PK", 5, || {
        store
            .stats(
                &EventQuery {
                    country: Some("PK".into()),
                    ..EventQuery::default()
                },
                StatsGroup::Actor,
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
