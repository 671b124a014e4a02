//! Crash safety of `sitrep ingest`, proven on the real binary: a few hundred
//! generated articles are ingested while the process is killed with SIGKILL at
//! random moments, over and over; after every kill the store must open, be
//! sound, and hold only whole articles; a final rerun must leave exactly what a
//! clean run leaves (same articles, reports, events and ids, no duplicates).

use sitrep_store::{EventQuery, SqliteStore, Store};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn sitrep() -> &'static str {
    env!("CARGO_BIN_EXE_sitrep")
}

const PLACES: &[(&str, &str)] = &[
    ("QUETTA", "Quetta"),
    ("PESHAWAR", "Peshawar"),
    ("BANNU", "Bannu"),
    ("TURBAT", "Turbat"),
    ("KHUZDAR", "Khuzdar"),
    ("DERA ISMAIL KHAN", "Dera Ismail Khan"),
    ("KOHAT", "Kohat"),
    ("MARDAN", "Mardan"),
    ("GWADAR", "Gwadar"),
    ("SIBI", "Sibi"),
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Writes `files` JSONL files of `per_file` invented articles each.
fn generate(dir: &Path, files: usize, per_file: usize) -> PathBuf {
    let input = dir.join("input");
    std::fs::create_dir_all(&input).expect("mkdir");
    let mut n = 0usize;
    for f in 0..files {
        let mut out =
            std::fs::File::create(input.join(format!("batch-{f:02}.jsonl"))).expect("create");
        for _ in 0..per_file {
            let (dl, town) = PLACES[n % PLACES.len()];
            let killed = 2 + (n * 7) % 23;
            let day = 1 + (n * 3) % 27;
            let weekday = WEEKDAYS[n % 7];
            let text = match n % 3 {
                0 => format!(
                    "{dl}: Militants attacked a police post in {town} on {weekday}, killing {killed} policemen, officials said. The attackers fled after a gunfight that lasted two hours."
                ),
                1 => format!(
                    "{dl}: A roadside bomb struck a security convoy near {town} on {weekday}, killing {killed} soldiers, a military statement said."
                ),
                _ => format!(
                    "{dl}: Gunmen opened fire on a bus near {town} on {weekday}, killing {killed} passengers, police said. No group claimed the attack."
                ),
            };
            let line = serde_json::json!({
                "id": format!("kill-{n:04}"),
                "title": format!("Attack near {town} ({n})"),
                "text": text,
                "url": format!("https://kill.example/{n}"),
                "published": format!("2026-03-{day:02}"),
                "source": "Kill Test Wire",
            });
            writeln!(out, "{line}").expect("write");
            n += 1;
        }
    }
    input
}

struct Snapshot {
    articles: u64,
    reports: u64,
    events_json: Vec<serde_json::Value>,
    reports_by_article: BTreeMap<String, Vec<String>>,
}

fn snapshot(db: &Path) -> Snapshot {
    let s = SqliteStore::open(db).expect("the store opens after a kill");
    let integ = s.integrity().expect("integrity");
    assert!(
        integ.problems.is_empty(),
        "unsound store: {:?}",
        integ.problems
    );
    let counts = s.counts().expect("counts");
    let mut q = EventQuery {
        limit: Some(1000),
        ..EventQuery::default()
    };
    let mut events_json = Vec::new();
    loop {
        let p = s.events(&q).expect("events");
        events_json.extend(
            p.events
                .iter()
                .map(|e| serde_json::to_value(e).expect("json")),
        );
        match p.next_cursor {
            Some(c) => q.cursor = Some(c),
            None => break,
        }
    }
    Snapshot {
        articles: counts.articles,
        reports: counts.reports,
        events_json,
        reports_by_article: integ.reports_by_article,
    }
}

fn ingest(db: &Path, input: &Path) -> std::process::Child {
    Command::new(sitrep())
        .args(["ingest", "--quiet", "--db"])
        .arg(db)
        .arg(input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sitrep")
}

#[test]
fn kill_9_mid_ingest_loses_nothing_and_duplicates_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let input = generate(dir.path(), 8, 50);

    // The time a run needs before its first article (loading the gazetteer)
    // and a clean run, timed, to aim the kills inside the writing phase.
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let t = Instant::now();
    let _ = ingest(&dir.path().join("empty.db"), &empty).wait_with_output();
    let startup = t.elapsed();
    let clean_db = dir.path().join("clean.db");
    let t = Instant::now();
    let out = ingest(&clean_db, &input)
        .wait_with_output()
        .expect("clean run");
    let clean_time = t.elapsed();
    assert!(
        out.status.success(),
        "clean ingest failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let clean = snapshot(&clean_db);
    assert_eq!(clean.articles, 400);
    assert!(
        clean.reports > 0 && !clean.events_json.is_empty(),
        "the generated articles yield events"
    );

    let db = dir.path().join("killed.db");
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(7)
        | 1;
    eprintln!("kill test: startup {startup:?}, clean run {clean_time:?}, seed {seed}");
    let rounds = 10u64;
    let from = startup.as_millis() as u64 * 7 / 10;
    let span = (clean_time.as_millis() as u64).saturating_sub(from).max(50);
    let mut partial = 0;
    let mut last = 0;
    for round in 0..rounds {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Kills sweep the run, each at a random moment of its own slice: early
        // rounds die while loading or writing the first batches, later ones
        // further in (a rerun re-reads everything and skips what is stored).
        let slice = span / rounds;
        let delay = Duration::from_millis(from + round * slice + seed % slice.max(1));
        let mut child = ingest(&db, &input);
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        // The store opens, is sound, and holds only whole articles.
        if db.exists() {
            let snap = snapshot(&db);
            for (article, reports) in &snap.reports_by_article {
                assert_eq!(
                    Some(reports),
                    clean.reports_by_article.get(article),
                    "round {round} (killed after {delay:?}): article {article} is not whole"
                );
            }
            assert!(snap.articles >= last, "nothing committed is lost");
            last = snap.articles;
            if snap.articles > 0 && snap.articles < clean.articles {
                partial += 1;
            }
            eprintln!(
                "kill test: round {round}: killed after {delay:?}, {} of {} articles stored",
                snap.articles, clean.articles
            );
        }
    }
    assert!(partial > 0, "no kill landed mid-write");

    // A rerun completes, with no duplicates: the same store as a clean run.
    let out = ingest(&db, &input).wait_with_output().expect("rerun");
    assert!(
        out.status.success(),
        "rerun failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = snapshot(&db);
    assert_eq!(after.articles, clean.articles);
    assert_eq!(after.reports, clean.reports);
    assert_eq!(after.reports_by_article, clean.reports_by_article);
    assert_eq!(after.events_json.len(), clean.events_json.len());
    assert_eq!(after.events_json, clean.events_json);
}
