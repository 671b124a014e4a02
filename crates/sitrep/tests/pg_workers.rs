//! Many `sitrep worker` processes over one PostgreSQL queue, killed with
//! SIGKILL at random moments and restarted: the final store must equal a
//! clean single-worker run (same articles, same events and ids, same sources),
//! with nothing lost and nothing twice.
//!
//! Needs `SITREP_TEST_PG` (`. .ci/postgres.sh`); without it the test prints a
//! loud SKIPPED message and passes, unless `SITREP_REQUIRE_SERVICES=1`.

use sitrep_store::{EventQuery, Store};
use sitrep_store_pg::PgStore;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn base_url() -> Option<String> {
    match std::env::var("SITREP_TEST_PG") {
        Ok(u) if !u.trim().is_empty() => Some(u.trim().to_string()),
        _ => {
            if std::env::var("SITREP_REQUIRE_SERVICES").as_deref() == Ok("1") {
                panic!("SITREP_REQUIRE_SERVICES=1 but SITREP_TEST_PG is not set: the PostgreSQL worker test cannot run");
            }
            eprintln!(
                "\n!!!!!!!! SKIPPED: PostgreSQL worker kill test — SITREP_TEST_PG is not set \
                 (run `. .ci/postgres.sh`) !!!!!!!!\n"
            );
            None
        }
    }
}

/// A schema of its own in the test database, dropped at the end.
struct Schema {
    base: String,
    name: String,
}

impl Schema {
    fn new(base: &str, tag: &str) -> Schema {
        let name = format!("w_{tag}_{}", std::process::id());
        let mut c =
            sitrep_store_pg::postgres::Client::connect(base, sitrep_store_pg::postgres::NoTls)
                .expect("connect");
        c.batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
        ))
        .expect("schema");
        Schema {
            base: base.to_string(),
            name,
        }
    }

    fn url(&self) -> String {
        let sep = if self.base.contains('?') { '&' } else { '?' };
        format!("{}{sep}options=-csearch_path%3D{}", self.base, self.name)
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        if let Ok(mut c) =
            sitrep_store_pg::postgres::Client::connect(&self.base, sitrep_store_pg::postgres::NoTls)
        {
            let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
        }
    }
}

const TOWNS: &[(&str, &str)] = &[
    ("QUETTA", "Quetta"),
    ("PESHAWAR", "Peshawar"),
    ("BANNU", "Bannu"),
    ("KABUL", "Kabul"),
    ("KANDAHAR", "Kandahar"),
];

/// Writes `files` JSONL inputs of `per_file` invented wire reports each; the
/// same incident is told by several articles in different files.
fn write_inputs(dir: &Path, files: usize, per_file: usize) -> usize {
    let mut n = 0;
    for f in 0..files {
        let mut out = String::new();
        for k in 0..per_file {
            let i = f * per_file + k;
            let incident = i / 3; // three reports per incident
            let (dl, town) = TOWNS[incident % TOWNS.len()];
            let day = 1 + (incident / TOWNS.len()) % 27;
            let killed = 2 + incident % 9 + (i % 3);
            let wounded = 5 + incident % 11;
            let text = format!(
                "{dl}: At least {killed} people were killed and {wounded} others wounded when gunmen \
                 attacked a police checkpoint in {town} on Monday, officials said. Report number {i} \
                 from desk {f}. Police said the attackers fled after an exchange of fire that lasted \
                 about an hour."
            );
            let line = serde_json::json!({
                "id": format!("w-{i:04}"),
                "title": format!("Checkpoint attacked in {town} ({i})"),
                "text": text,
                "published": format!("2026-03-{:02}", day + 1),
                "url": format!("https://wire.example/w-{i:04}"),
                "source": "Example Wire",
            });
            out.push_str(&line.to_string());
            out.push('\n');
            n += 1;
        }
        std::fs::write(dir.join(format!("in-{f:03}.jsonl")), out).expect("write input");
    }
    n
}

fn sitrep() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
}

fn queue_add(url: &str, dir: &Path) {
    let st = sitrep()
        .args(["queue", "add", "--db", url])
        .arg(dir)
        .status()
        .expect("queue add");
    assert!(st.success(), "queue add failed");
}

fn spawn_worker(url: &str, lease: u64) -> Child {
    sitrep()
        .args([
            "worker",
            "--quiet",
            "--exit-when-empty",
            "--lease-secs",
            &lease.to_string(),
            "--db",
            url,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn worker")
}

/// Every event: id → (sorted source article ids, fatalities.best).
type Events = BTreeMap<String, (Vec<String>, Option<u32>)>;

/// id → (sorted source article ids, fatalities.best) of every event.
fn snapshot(url: &str) -> (sitrep_store::StoreCounts, Events) {
    let store = PgStore::open(url).expect("open");
    let mut out = BTreeMap::new();
    let mut q = EventQuery {
        limit: Some(1000),
        ..EventQuery::default()
    };
    loop {
        let p = store.events(&q).expect("events");
        for e in p.events {
            let mut s: Vec<String> = e.sources.iter().map(|s| s.article_id.clone()).collect();
            s.sort();
            let before = s.len();
            s.dedup();
            assert_eq!(before, s.len(), "event {} lists a source twice", e.id);
            assert!(out.insert(e.id.clone(), (s, e.fatalities.best)).is_none());
        }
        match p.next_cursor {
            Some(c) => q.cursor = Some(c),
            None => break,
        }
    }
    (store.counts().expect("counts"), out)
}

/// A small deterministic pseudo-random sequence (no rand dependency).
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

#[test]
fn killed_workers_lose_nothing_and_duplicate_nothing() {
    let Some(base) = base_url() else { return };
    let tmp = tempfile::tempdir().expect("tempdir");
    let inputs = tmp.path().join("inputs");
    std::fs::create_dir_all(&inputs).expect("mkdir");
    let n_articles = write_inputs(&inputs, 24, 12);

    // The clean run: one worker, never disturbed.
    let clean = Schema::new(&base, "clean");
    queue_add(&clean.url(), &inputs);
    let st = spawn_worker(&clean.url(), 60).wait().expect("worker");
    assert!(st.success(), "clean worker failed: {st:?}");
    let (clean_counts, clean_events) = snapshot(&clean.url());
    assert_eq!(clean_counts.articles as usize, n_articles);

    // Three workers, one of them SIGKILLed and restarted again and again.
    let chaos = Schema::new(&base, "chaos");
    queue_add(&chaos.url(), &inputs);
    // Registering the same inputs again adds nothing.
    queue_add(&chaos.url(), &inputs);
    let lease = 2;
    let mut workers: Vec<Child> = (0..3).map(|_| spawn_worker(&chaos.url(), lease)).collect();
    let mut rng = Lcg(7);
    let mut kills = 0;
    let deadline = Instant::now() + Duration::from_secs(240);
    while kills < 8 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(150 + rng.below(600)));
        let i = rng.below(workers.len() as u64) as usize;
        if let Ok(Some(_)) = workers[i].try_wait() {
            // Finished already: the queue may be drained.
            if workers
                .iter_mut()
                .all(|w| matches!(w.try_wait(), Ok(Some(_))))
            {
                break;
            }
            continue;
        }
        workers[i].kill().expect("SIGKILL");
        let _ = workers[i].wait();
        kills += 1;
        workers[i] = spawn_worker(&chaos.url(), lease);
    }
    for w in &mut workers {
        let st = w.wait().expect("wait");
        assert!(st.success(), "worker failed: {st:?}");
    }
    // A last worker finds nothing to do.
    assert!(spawn_worker(&chaos.url(), lease)
        .wait()
        .expect("wait")
        .success());
    eprintln!("pg_workers: {kills} workers killed mid-run");
    assert!(kills >= 3, "the run ended before enough kills ({kills})");

    let (counts, events) = snapshot(&chaos.url());
    assert_eq!(
        counts.articles, clean_counts.articles,
        "articles lost or doubled"
    );
    assert_eq!(
        counts.reports, clean_counts.reports,
        "reports lost or doubled"
    );
    assert_eq!(counts.events, clean_counts.events, "events differ");
    assert_eq!(
        events, clean_events,
        "events, ids or sources differ from the clean run"
    );

    let store = PgStore::open(&chaos.url()).expect("open");
    let q = store.queue_status().expect("status");
    assert_eq!(
        (q.pending, q.leased, q.expired, q.failed),
        (0, 0, 0, 0),
        "{q:?}"
    );
    assert_eq!(q.done, 24);
}
