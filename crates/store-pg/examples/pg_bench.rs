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
//! # the same over TLS (the query-only run works with any sslmode):
//! cargo run --release -p sitrep-store-pg --example pg_bench -- --queries-only \
//!     --db "$URL&sslmode=verify-full&sslrootcert=$SITREP_TEST_PG_TLS_DIR/ca.crt"
//! ```
#![allow(missing_docs)]

use chrono::{Datelike, NaiveDate};
use sitrep_model::EventType;
use sitrep_store::{ArticleReports, EventQuery, StatsGroup, Store};
use sitrep_store_pg::PgStore;
use std::io::Write;
use std::time::Instant;

#[path = "../../store/examples/synth/mod.rs"]
mod synth;
use synth::*;

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
    // Connection set-up as a new process pays it: connect, TLS handshake
    // (per the URL's sslmode), SCRAM login, schema check.
    let tls = store
        .connection_security()
        .ok()
        .flatten()
        .unwrap_or_else(|| "plain text".into());
    time(&format!("open a new store ({tls})"), 20, || {
        PgStore::open(&db)
            .map(|s| s.schema_version().unwrap_or(0))
            .unwrap_or(-1)
    });
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
