//! PostgreSQL store benchmark: the same synthetic events as the SQLite
//! benchmark (`crates/store/examples/store_bench.rs`: invented places, actors
//! and figures, no news text), loaded into PostgreSQL, then the same queries
//! the API and the dashboard make, timed through `PgStore`.
//!
//! ```sh
//! # 1,000,000 events bulk-loaded with COPY (articles, reports, events rows
//! # exactly as ingest writes them, one report per event), then the queries:
//! cargo run --release -p sitrep-store-pg --example pg_bench -- --db "$URL" --bulk 1000000
//! # the ingest path (one transaction per article, fusion under advisory locks):
//! cargo run --release -p sitrep-store-pg --example pg_bench -- --db "$URL" --ingest 20000
//! cargo run --release -p sitrep-store-pg --example pg_bench -- --db "$URL" --queries-only
//! ```
#![allow(missing_docs)]

use chrono::{Datelike, Duration, NaiveDate};
use sitrep_model::{
    Actor, ActorType, Article, DatePrecision, Event, EventType, Evidence, Fatalities, Location,
    Source,
};
use sitrep_store::{ArticleReports, EventQuery, StatsGroup, Store};
use sitrep_store_pg::PgStore;
use std::io::Write;
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

/// Text-format COPY escaping.
fn esc(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push(' '),
            c => out.push(c),
        }
    }
}

fn opt(v: Option<String>, out: &mut String) {
    match v {
        Some(s) => esc(&s, out),
        None => out.push_str("\\N"),
    }
}

/// Bulk-loads `n` synthetic events (article + report + fused event each) with COPY.
fn bulk(url: &str, n: u64, start: NaiveDate, days: u64) -> Result<(), Box<dyn std::error::Error>> {
    let mut c = postgres::Client::connect(url, postgres::NoTls)?;
    let have: i64 = c.query_one("SELECT count(*) FROM articles", &[])?.get(0);
    let mut rng = Rng(0x5157_5245_5000_0001);
    for _ in 0..have {
        let _ = gen_event(&mut rng, 0, start, days);
    }
    let t0 = Instant::now();
    let chunk = 50_000u64;
    let mut i = have as u64;
    while i < n {
        let m = chunk.min(n - i);
        let (mut a, mut r, mut e) = (String::new(), String::new(), String::new());
        for k in 0..m {
            let (ev, art) = gen_event(&mut rng, i + k, start, days);
            let hash = sitrep_store::text_hash(&art.text);
            // articles: id input url title published dateline publisher summary body text_hash
            for (j, f) in [
                Some(art.id.clone()),
                Some(art.input.clone()),
                art.url.clone(),
                art.title.clone(),
                art.published.clone(),
                art.dateline.clone(),
                art.publisher.clone(),
                Some("[]".into()),
                Some(art.text.clone()),
                Some(hash),
            ]
            .into_iter()
            .enumerate()
            {
                if j > 0 {
                    a.push('\t');
                }
                opt(f, &mut a);
            }
            a.push('\n');
            let json = serde_json::to_string(&ev)?;
            let day = ev.event_date.map(|d| d.num_days_from_ce().to_string());
            let cc = sitrep_store::country_key(&ev);
            // reports: id article_id event_id day day_end country report
            for (j, f) in [
                Some(ev.id.clone()),
                Some(art.id.clone()),
                Some(ev.id.clone()),
                day,
                None,
                Some(cc.clone()),
                Some(json.clone()),
            ]
            .into_iter()
            .enumerate()
            {
                if j > 0 {
                    r.push('\t');
                }
                opt(f, &mut r);
            }
            r.push('\n');
            let loc = ev.location.as_ref();
            // events: id event_date country_code admin1 admin1_lc event_type actor1 actor1_lc
            //         actor2_lc lat lon fatalities_best n_reports event
            for (j, f) in [
                Some(ev.id.clone()),
                ev.event_date.map(|d| d.to_string()),
                Some(cc).filter(|c| !c.is_empty()),
                loc.and_then(|l| l.admin1.clone()),
                loc.and_then(|l| l.admin1.as_ref().map(|x| x.to_lowercase())),
                ev.event_type.map(|t| t.label().to_string()),
                ev.actor1.as_ref().map(|x| x.name.clone()),
                ev.actor1.as_ref().map(|x| x.name.to_lowercase()),
                ev.actor2.as_ref().map(|x| x.name.to_lowercase()),
                loc.and_then(|l| l.lat).map(|x| x.to_string()),
                loc.and_then(|l| l.lon).map(|x| x.to_string()),
                ev.fatalities.best.map(|x| x.to_string()),
                Some("1".into()),
                Some(json),
            ]
            .into_iter()
            .enumerate()
            {
                if j > 0 {
                    e.push('\t');
                }
                opt(f, &mut e);
            }
            e.push('\n');
        }
        let mut tx = c.transaction()?;
        for (table, cols, data) in [
            ("articles", "id, input, url, title, published, dateline, publisher, summary, body, text_hash", &a),
            ("reports", "id, article_id, event_id, day, day_end, country, report", &r),
            ("events", "id, event_date, country_code, admin1, admin1_lc, event_type, actor1, actor1_lc, actor2_lc, lat, lon, fatalities_best, n_reports, event", &e),
        ] {
            let mut w = tx.copy_in(&format!("COPY {table} ({cols}) FROM STDIN"))?;
            w.write_all(data.as_bytes())?;
            w.finish()?;
        }
        tx.commit()?;
        i += m;
        eprintln!(
            "  {i} events loaded, {:.0} events/s",
            (i - have as u64) as f64 / t0.elapsed().as_secs_f64()
        );
    }
    // One statement each: VACUUM cannot run in the implicit transaction of a multi-statement batch.
    for t in ["articles", "reports", "events"] {
        c.batch_execute(&format!("VACUUM ANALYZE {t}"))?;
    }
    println!(
        "bulk load (COPY): {} events in {:.1} s",
        n.saturating_sub(have as u64),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let Some(db) = arg("--db").or_else(|| std::env::var("SITREP_TEST_PG").ok()) else {
        eprintln!("pg_bench: give --db postgres://… (or SITREP_TEST_PG)");
        std::process::exit(2);
    };
    let store = match PgStore::open(&db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("pg_bench: {e}");
            std::process::exit(2);
        }
    };
    let start = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default();
    let days = 3653;
    if let Some(n) = arg("--bulk").and_then(|s| s.parse::<u64>().ok()) {
        if let Err(e) = bulk(&db, n, start, days) {
            eprintln!("pg_bench: bulk load: {e}");
            std::process::exit(1);
        }
    }
    if let Some(target) = arg("--ingest").and_then(|s| s.parse::<u64>().ok()) {
        let mut rng = Rng(0x5157_5245_5000_0001);
        let have = store.counts().map(|c| c.articles).unwrap_or(0);
        for _ in 0..have {
            let _ = gen_event(&mut rng, 0, start, days);
        }
        let t0 = Instant::now();
        let mut n = have;
        while n < have + target {
            let mut batch = Vec::with_capacity(100);
            for _ in 0..100.min(have + target - n) {
                let (ev, article) = gen_event(&mut rng, n, start, days);
                batch.push(ArticleReports {
                    article,
                    events: vec![ev],
                });
                n += 1;
            }
            if let Err(e) = store.ingest(&batch) {
                eprintln!("pg_bench: {e}");
                std::process::exit(1);
            }
        }
        let secs = t0.elapsed().as_secs_f64();
        println!(
            "ingest (store only, fusion incl., one transaction per article): {target} articles in {secs:.1} s = {:.0} articles/s",
            target as f64 / secs
        );
    }
    let counts = store.counts().unwrap_or_default();
    println!(
        "store: {} articles, {} reports, {} events ({})",
        counts.articles,
        counts.reports,
        counts.events,
        store.db()
    );
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let month = EventQuery {
        country: Some("PK".into()),
        from: d("2024-06-01"),
        to: d("2024-06-30"),
        limit: Some(50),
        ..EventQuery::default()
    };
    time("first page of 50, country PK, one month", 30, || {
        store.events(&month).map(|p| p.events.len()).unwrap_or(0)
    });
    time("first page of 50, no filter", 30, || {
        store
            .events(&EventQuery {
                limit: Some(50),
                ..EventQuery::default()
            })
            .map(|p| p.events.len())
            .unwrap_or(0)
    });
    if let Some(c) = store.events(&month).ok().and_then(|p| p.next_cursor) {
        let nq = EventQuery {
            cursor: Some(c),
            ..month.clone()
        };
        time("second page (cursor), country PK, one month", 30, || {
            store.events(&nq).map(|p| p.events.len()).unwrap_or(0)
        });
    }
    time("page of 50, type Battles + actor substring", 10, || {
        store
            .events(&EventQuery {
                event_type: Some(EventType::Battles),
                actor: Some("group 7 ".into()),
                limit: Some(50),
                ..EventQuery::default()
            })
            .map(|p| p.events.len())
            .unwrap_or(0)
    });
    time("page of 50, bbox", 10, || {
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
    let pk = EventQuery {
        country: Some("PK".into()),
        ..EventQuery::default()
    };
    time("weekly stats, country PK", 5, || {
        store
            .stats(&pk, StatsGroup::Week)
            .map(|r| r.len())
            .unwrap_or(0)
    });
    time("weekly stats, country PK, one year", 5, || {
        store
            .stats(
                &EventQuery {
                    from: d("2024-01-01"),
                    to: d("2024-12-31"),
                    ..pk.clone()
                },
                StatsGroup::Week,
            )
            .map(|r| r.len())
            .unwrap_or(0)
    });
    time("admin1 breakdown, country PK", 5, || {
        store
            .stats(&pk, StatsGroup::Admin1)
            .map(|r| r.len())
            .unwrap_or(0)
    });
    time("full-text page of 50 ('place 1234')", 5, || {
        store
            .events(&EventQuery {
                text: Some("place 1234".into()),
                limit: Some(50),
                ..EventQuery::default()
            })
            .map(|p| p.events.len())
            .unwrap_or(0)
    });
}
