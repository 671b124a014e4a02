//! Faults around the store, through the real binary: a full disk (a 1 MB
//! tmpfs), a read-only store, a corrupt file, a foreign SQLite database, a
//! store of a newer schema, and PostgreSQL restarted mid-ingest. In every case
//! the run reports the problem (exit code 2 and a message, never a panic),
//! nothing already committed is lost, and a rerun once the fault is gone
//! completes with exactly what a clean run stores (no duplicates).
//!
//! The tmpfs and PostgreSQL cases need root (mount, runuser) or
//! `SITREP_TEST_PG`; without them they print a loud SKIPPED message and pass,
//! unless `SITREP_REQUIRE_SERVICES=1` (CI), where the PostgreSQL case fails.

use sitrep_store::{EventQuery, SqliteStore, Store};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn sitrep() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    c.env_remove("SITREP_DB").stdin(Stdio::null());
    c
}

fn require_services() -> bool {
    std::env::var("SITREP_REQUIRE_SERVICES").as_deref() == Ok("1")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn skip(what: &str, why: &str) {
    eprintln!("\n!!!!!!!! SKIPPED: {what} — {why} !!!!!!!!\n");
}

const TOWNS: &[(&str, &str)] = &[
    ("QUETTA", "Quetta"),
    ("PESHAWAR", "Peshawar"),
    ("BANNU", "Bannu"),
    ("TURBAT", "Turbat"),
    ("KOHAT", "Kohat"),
    ("MARDAN", "Mardan"),
];

/// Writes `files` JSONL inputs of `per_file` invented reports each (with a
/// padding paragraph so that a small disk fills up).
fn generate(dir: &Path, files: usize, per_file: usize, tag: &str) -> PathBuf {
    let input = dir.join(format!("input-{tag}"));
    std::fs::create_dir_all(&input).expect("mkdir");
    let mut n = 0usize;
    for f in 0..files {
        let mut out =
            std::fs::File::create(input.join(format!("b{f:02}.jsonl"))).expect("create input");
        for _ in 0..per_file {
            let (dl, town) = TOWNS[n % TOWNS.len()];
            let killed = 2 + (n * 5) % 19;
            let day = 1 + (n * 7) % 27;
            let text = format!(
                "{dl}: Gunmen attacked a police checkpoint near {town} on Monday, killing {killed} policemen, officials said.\n\n\
                 Reference {tag}-{n}: the district administration said that schools and markets in the area would stay closed until further notice while a search operation continued in the surrounding villages and along the main highway."
            );
            let line = serde_json::json!({
                "id": format!("{tag}-{n:05}"),
                "title": format!("Checkpoint attacked near {town} ({n})"),
                "text": text,
                "published": format!("2026-04-{day:02}"),
                "source": "Fault Test Wire",
            });
            writeln!(out, "{line}").expect("write input");
            n += 1;
        }
    }
    input
}

fn ingest(db: &str, input: &Path) -> Output {
    sitrep()
        .args(["ingest", "--quiet", "--db", db])
        .arg(input)
        .output()
        .expect("run sitrep ingest")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fault run: exit code 2, a message, no panic.
fn assert_reported(o: &Output, what: &str) {
    let err = stderr(o);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{what}: exit {:?}: {err}",
        o.status
    );
    assert!(!err.trim().is_empty(), "{what}: no message");
    assert!(!err.contains("panicked"), "{what}: panic: {err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{what}: panic: {err}");
}

#[derive(Debug, PartialEq)]
struct Snapshot {
    articles: u64,
    reports: u64,
    events: Vec<serde_json::Value>,
    by_article: BTreeMap<String, Vec<String>>,
}

fn all_events(s: &dyn Store) -> Vec<serde_json::Value> {
    let mut q = EventQuery {
        limit: Some(1000),
        ..EventQuery::default()
    };
    let mut out = Vec::new();
    loop {
        let p = s.events(&q).expect("events");
        out.extend(
            p.events
                .iter()
                .map(|e| serde_json::to_value(e).expect("json")),
        );
        match p.next_cursor {
            Some(c) => q.cursor = Some(c),
            None => break,
        }
    }
    out
}

fn snapshot(db: &Path) -> Snapshot {
    let s = SqliteStore::open(db).expect("the store opens after the fault");
    let integ = s.integrity().expect("integrity");
    assert!(
        integ.problems.is_empty(),
        "unsound store: {:?}",
        integ.problems
    );
    let counts = s.counts().expect("counts");
    Snapshot {
        articles: counts.articles,
        reports: counts.reports,
        events: all_events(&s),
        by_article: integ.reports_by_article,
    }
}

/// A tmpfs mounted on a temp dir (root only), unmounted on drop.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str, what: &str) -> Option<Tmpfs> {
        if !is_root() {
            skip(what, "not root, cannot mount a tmpfs");
            return None;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let ok = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0777"),
                "tmpfs",
            ])
            .arg(dir.path())
            .stderr(Stdio::piped())
            .output();
        match ok {
            Ok(o) if o.status.success() => Some(Tmpfs { dir }),
            Ok(o) => {
                skip(
                    what,
                    &format!(
                        "mount -t tmpfs is not permitted here: {}",
                        stderr(&o).trim()
                    ),
                );
                None
            }
            Err(e) => {
                skip(what, &format!("no mount command: {e}"));
                None
            }
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Remounts with `opts`. A read-only remount fails with "mount point is busy"
    /// while any file on it is still open for writing; a child that has just
    /// exited can hold its files for a moment on a loaded machine, so a busy
    /// mount is retried for up to five seconds before the test fails.
    fn remount(&self, opts: &str) {
        let mut tries = 0;
        loop {
            let o = Command::new("mount")
                .args(["-o", &format!("remount,{opts}")])
                .arg(self.dir.path())
                .output()
                .expect("mount");
            if o.status.success() {
                return;
            }
            tries += 1;
            let busy = stderr(&o).contains("busy");
            assert!(busy && tries < 50, "remount {opts}: {}", stderr(&o));
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

#[test]
fn full_disk_is_reported_and_a_rerun_on_a_bigger_disk_completes_without_duplicates() {
    let Some(fs) = Tmpfs::mount("1m", "full-disk test") else {
        return;
    };
    let work = tempfile::tempdir().expect("tmp");
    let input = generate(work.path(), 2, 400, "full");
    let clean_db = work.path().join("clean.db");
    let o = ingest(clean_db.to_str().expect("utf-8 path"), &input);
    assert!(o.status.success(), "clean run: {}", stderr(&o));
    let clean = snapshot(&clean_db);
    assert_eq!(clean.articles, 800);
    let clean_size = std::fs::metadata(&clean_db).map(|m| m.len()).unwrap_or(0);
    assert!(
        clean_size > 1024 * 1024,
        "the clean store ({clean_size} bytes) must not fit the 1 MB disk"
    );

    let db = fs.path().join("full.db");
    let dbs = db.to_str().expect("utf-8 path");
    let o = ingest(dbs, &input);
    assert_reported(&o, "ingest onto a full disk");
    let err = stderr(&o).to_lowercase();
    assert!(
        err.contains("full") || err.contains("space"),
        "the message should say the disk is full: {err}"
    );
    // What was committed before the disk filled up is whole.
    fs.remount("size=64m");
    let partial = snapshot(&db);
    for (article, reports) in &partial.by_article {
        assert_eq!(
            Some(reports),
            clean.by_article.get(article),
            "article {article} is not whole after the full disk"
        );
    }
    assert!(partial.articles < clean.articles);
    eprintln!(
        "full disk: {} of {} articles were committed before the disk filled",
        partial.articles, clean.articles
    );
    // Rerun with space: the same store as a clean run.
    let o = ingest(dbs, &input);
    assert!(o.status.success(), "rerun: {}", stderr(&o));
    let after = snapshot(&db);
    assert_eq!(
        after, clean,
        "the rerun after a full disk differs from a clean run"
    );
}

/// Makes `dir` and the files in it read-only: a read-only remount of a tmpfs
/// as root (root ignores file modes), file modes otherwise.
enum ReadOnly {
    Mount(Tmpfs),
    Modes(tempfile::TempDir),
}

impl ReadOnly {
    fn new() -> Option<ReadOnly> {
        if is_root() {
            Tmpfs::mount("64m", "read-only store test").map(ReadOnly::Mount)
        } else {
            Some(ReadOnly::Modes(tempfile::tempdir().expect("tmp")))
        }
    }
    fn path(&self) -> &Path {
        match self {
            ReadOnly::Mount(t) => t.path(),
            ReadOnly::Modes(d) => d.path(),
        }
    }
    fn set(&self, read_only: bool) {
        match self {
            ReadOnly::Mount(t) => t.remount(if read_only { "ro" } else { "rw" }),
            ReadOnly::Modes(d) => {
                use std::os::unix::fs::PermissionsExt;
                let (dm, fm) = if read_only {
                    (0o555, 0o444)
                } else {
                    (0o755, 0o644)
                };
                for e in std::fs::read_dir(d.path()).expect("ls").flatten() {
                    let _ = std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(fm));
                }
                let _ = std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(dm));
            }
        }
    }
}

#[test]
fn read_only_store_refuses_writes_with_a_message_and_keeps_its_data() {
    let Some(ro) = ReadOnly::new() else { return };
    let work = tempfile::tempdir().expect("tmp");
    let first = generate(work.path(), 1, 30, "ro1");
    let second = generate(work.path(), 1, 30, "ro2");
    let db = ro.path().join("ro.db");
    let dbs = db.to_str().expect("utf-8 path");
    let o = ingest(dbs, &first);
    assert!(o.status.success(), "first ingest: {}", stderr(&o));
    let before = snapshot(&db);
    assert_eq!(before.articles, 30);

    ro.set(true);
    let o = ingest(dbs, &second);
    assert_reported(&o, "ingest into a read-only store");
    ro.set(false);
    let after = snapshot(&db);
    assert_eq!(after, before, "the read-only store changed");
    // Writable again: the second batch goes in, nothing twice.
    let o = ingest(dbs, &second);
    assert!(o.status.success(), "ingest after: {}", stderr(&o));
    let o = ingest(dbs, &first);
    assert!(o.status.success(), "re-ingest: {}", stderr(&o));
    assert_eq!(snapshot(&db).articles, 60);
}

fn python_sqlite(db: &Path, sql: &str) -> bool {
    let script = format!(
        "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nc.executescript({sql:?})\nc.commit()\nc.close()\n"
    );
    match Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(db)
        .output()
    {
        Ok(o) if o.status.success() => true,
        Ok(o) => panic!("python3 sqlite3: {}", stderr(&o)),
        Err(_) => false,
    }
}

/// Runs ingest and events against a file that is not a usable store: both
/// refuse with a message, and the file is left byte for byte as it was.
fn refuses_untouched(db: &Path, input: &Path, what: &str) -> String {
    let before = std::fs::read(db).expect("read db");
    let dbs = db.to_str().expect("utf-8 path");
    let o = ingest(dbs, input);
    assert_reported(&o, what);
    let q = sitrep()
        .args(["events", "--db", dbs])
        .output()
        .expect("run sitrep events");
    assert_reported(&q, &format!("events on {what}"));
    let after = std::fs::read(db).expect("read db");
    assert!(before == after, "{what}: the file was modified");
    for side in ["-wal", "-journal"] {
        let p = PathBuf::from(format!("{dbs}{side}"));
        assert!(
            !p.exists() || std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0) == 0,
            "{what}: {side} left behind"
        );
    }
    stderr(&o)
}

#[test]
fn corrupt_and_truncated_files_are_refused_and_left_untouched() {
    let work = tempfile::tempdir().expect("tmp");
    let input = generate(work.path(), 1, 5, "bad");

    // Random bytes.
    let junk = work.path().join("junk.db");
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes: Vec<u8> = (0..20_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(&junk, &bytes).expect("write");
    refuses_untouched(&junk, &input, "a file of random bytes");

    // A text file someone passed by mistake.
    let text = work.path().join("notes.db");
    std::fs::write(&text, "these are my notes, not a database\n").expect("write");
    refuses_untouched(&text, &input, "a text file");

    // A real store cut short, and one with its pages overwritten.
    let good = work.path().join("good.db");
    let o = ingest(good.to_str().expect("utf-8"), &input);
    assert!(o.status.success(), "{}", stderr(&o));
    let full = std::fs::read(&good).expect("read");
    assert!(full.len() > 8192);
    let cut = work.path().join("cut.db");
    std::fs::write(&cut, &full[..full.len() / 3]).expect("write");
    let o = ingest(cut.to_str().expect("utf-8"), &input);
    assert!(
        o.status.code() == Some(2) || o.status.success(),
        "{:?}",
        o.status
    );
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let mut smashed = full.clone();
    for b in smashed.iter_mut().skip(4096).take(full.len() - 8192) {
        *b = 0xA5;
    }
    let sm = work.path().join("smashed.db");
    std::fs::write(&sm, &smashed).expect("write");
    let o = ingest(sm.to_str().expect("utf-8"), &input);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert_ne!(o.status.code(), None, "killed by a signal");
}

/// A SQLite database of another application: refused, and left byte for byte
/// as it was (not even switched to WAL mode, which would change its header).
#[test]
fn a_foreign_sqlite_database_is_refused_and_left_byte_for_byte() {
    let work = tempfile::tempdir().expect("tmp");
    let input = generate(work.path(), 1, 5, "foreign");
    let foreign = work.path().join("foreign.db");
    if !python_sqlite(
        &foreign,
        "CREATE TABLE invoices(id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices(amount) VALUES (12.5);",
    ) {
        skip("foreign SQLite database case", "python3 is not available");
        return;
    }
    let msg = refuses_untouched(&foreign, &input, "a foreign SQLite database");
    assert!(
        msg.to_lowercase().contains("sitrep") || msg.to_lowercase().contains("schema"),
        "the message should say it is not a sitrep store: {msg}"
    );
}

#[test]
fn a_store_of_a_newer_schema_is_refused_and_left_untouched() {
    let work = tempfile::tempdir().expect("tmp");
    let input = generate(work.path(), 1, 5, "newer");
    let db = work.path().join("newer.db");
    let o = ingest(db.to_str().expect("utf-8"), &input);
    assert!(o.status.success(), "{}", stderr(&o));
    if !python_sqlite(&db, "PRAGMA user_version = 999;") {
        skip("newer-schema test", "python3 is not available");
        return;
    }
    let msg = refuses_untouched(&db, &input, "a store of a newer schema");
    assert!(
        msg.contains("999") || msg.to_lowercase().contains("newer"),
        "the message should name the newer schema: {msg}"
    );
}

// ---------------------------------------------------------------- PostgreSQL

/// A private PostgreSQL server (started with `.ci/postgres.sh` on its own
/// port and data directory, so that restarting it disturbs no other test),
/// stopped and removed on drop.
struct PrivatePg {
    url: String,
    pg_ctl: PathBuf,
    data: PathBuf,
    dir: PathBuf,
}

impl PrivatePg {
    fn start() -> Option<PrivatePg> {
        let what = "PostgreSQL restart test";
        if std::env::var("SITREP_TEST_PG").map_or(true, |u| u.trim().is_empty()) {
            if require_services() {
                panic!("SITREP_REQUIRE_SERVICES=1 but SITREP_TEST_PG is not set: the PostgreSQL restart test cannot run");
            }
            skip(what, "SITREP_TEST_PG is not set (run `. .ci/postgres.sh`)");
            return None;
        }
        if !is_root() {
            if require_services() {
                panic!("SITREP_REQUIRE_SERVICES=1 but the PostgreSQL restart test needs root (runuser) to run a private server");
            }
            skip(what, "needs root to run a private PostgreSQL server");
            return None;
        }
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let port = 56000 + (std::process::id() % 1000) as u16;
        let dir = std::env::temp_dir().join(format!("sitrep-pg-faults-{port}"));
        let _ = std::fs::remove_dir_all(&dir);
        // The server inherits the script's stderr: a file, not a pipe that
        // would never reach end-of-file.
        let log = std::env::temp_dir().join(format!("sitrep-pg-faults-{port}.log"));
        let log_file = std::fs::File::create(&log).expect("create log");
        let o = Command::new("bash")
            .arg(repo.join(".ci/postgres.sh"))
            .env("SITREP_PG_PORT", port.to_string())
            .env("SITREP_PG_DIR", &dir)
            .stdin(Stdio::null())
            .stderr(Stdio::from(log_file))
            .output()
            .expect("run .ci/postgres.sh");
        let out = String::from_utf8_lossy(&o.stdout);
        let url = out
            .lines()
            .find_map(|l| l.strip_prefix("export SITREP_TEST_PG='"))
            .map(|u| u.trim_end_matches('\'').to_string());
        let Some(url) = url else {
            panic!(
                "private PostgreSQL did not start: {}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        };
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .expect("postgresql binaries")
            .flatten()
            .map(|e| e.path().join("bin"))
            .max()
            .expect("a postgresql version");
        Some(PrivatePg {
            url,
            pg_ctl: bin.join("pg_ctl"),
            data: dir.join("data"),
            dir,
        })
    }

    /// Runs pg_ctl; its output, and the output of a server it starts, go to
    /// the server log (a pipe here would be held open by the server).
    fn ctl(&self, args: &[&str]) -> std::process::ExitStatus {
        let log = self.dir.join("server.log");
        let out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .expect("server log");
        let err = out.try_clone().expect("server log");
        Command::new("runuser")
            .args(["-u", "postgres", "--"])
            .arg(&self.pg_ctl)
            .arg("-D")
            .arg(&self.data)
            .arg("-l")
            .arg(&log)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::from(out))
            .stderr(Stdio::from(err))
            .status()
            .expect("run pg_ctl")
    }

    fn database(&self, name: &str) -> String {
        let mut c =
            sitrep_store_pg::postgres::Client::connect(&self.url, sitrep_store_pg::postgres::NoTls)
                .expect("connect");
        c.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
            .expect("drop database");
        c.batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create database");
        self.url.replace("/sitrep?", &format!("/{name}?"))
    }
}

impl Drop for PrivatePg {
    fn drop(&mut self) {
        let _ = self.ctl(&["-m", "immediate", "stop"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn pg_snapshot(url: &str) -> (u64, u64, Vec<serde_json::Value>) {
    let s = sitrep_store_pg::PgStore::open(url).expect("the PostgreSQL store opens");
    let c = s.counts().expect("counts");
    (c.articles, c.reports, all_events(&s))
}

#[test]
fn postgres_restarted_mid_ingest_loses_nothing_and_a_rerun_adds_no_duplicates() {
    let Some(pg) = PrivatePg::start() else { return };
    let work = tempfile::tempdir().expect("tmp");
    let input = generate(work.path(), 4, 150, "pg");

    let clean_url = pg.database("faults_clean");
    let t = Instant::now();
    let o = ingest(&clean_url, &input);
    let clean_time = t.elapsed();
    assert!(o.status.success(), "clean run: {}", stderr(&o));
    let clean = pg_snapshot(&clean_url);
    assert_eq!(clean.0, 600);

    let url = pg.database("faults_restart");
    let mut interrupted = 0;
    for round in 0..3u32 {
        let child = sitrep()
            .args(["ingest", "--quiet", "--db", &url])
            .arg(&input)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn ingest");
        std::thread::sleep(clean_time * (round + 1) / 5);
        let r = pg.ctl(&["-m", "fast", "-w", "-t", "60", "restart"]);
        assert!(
            r.success(),
            "pg_ctl restart failed: see {}/server.log",
            pg.dir.display()
        );
        let deadline = Instant::now() + Duration::from_secs(300);
        let o = child.wait_with_output().expect("wait ingest");
        assert!(Instant::now() < deadline, "ingest hung after the restart");
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "round {round}: panic: {err}");
        match o.status.code() {
            Some(0) => {}
            Some(2) => {
                interrupted += 1;
                assert!(!err.trim().is_empty(), "round {round}: no message");
            }
            other => panic!("round {round}: exit {other:?}: {err}"),
        }
        let (articles, _, _) = pg_snapshot(&url);
        eprintln!(
            "pg restart round {round}: exit {:?}, {articles} articles stored",
            o.status.code()
        );
        assert!(articles <= clean.0);
    }
    eprintln!("pg restart: {interrupted} of 3 runs were interrupted by the restart");
    let o = ingest(&url, &input);
    assert!(o.status.success(), "rerun: {}", stderr(&o));
    let after = pg_snapshot(&url);
    assert_eq!(after.0, clean.0, "articles after the rerun");
    assert_eq!(after.1, clean.1, "reports after the rerun");
    assert_eq!(after.2.len(), clean.2.len(), "events after the rerun");
    assert_eq!(after.2, clean.2, "events differ from a clean run");
}

/// Queries on a store on read-only media (a read-only mount, a snapshot).
#[test]
fn a_store_on_read_only_media_still_answers_queries() {
    let Some(ro) = ReadOnly::new() else { return };
    let work = tempfile::tempdir().expect("tmp");
    let input = generate(work.path(), 1, 20, "romedia");
    let db = ro.path().join("ro.db");
    let dbs = db.to_str().expect("utf-8 path");
    let o = ingest(dbs, &input);
    assert!(o.status.success(), "ingest: {}", stderr(&o));
    let before = snapshot(&db);
    ro.set(true);
    let q = sitrep()
        .args(["events", "--db", dbs, "--limit", "1000"])
        .output()
        .expect("run sitrep events");
    ro.set(false);
    assert!(
        q.status.success(),
        "sitrep events on read-only media: {}",
        stderr(&q)
    );
    let n = String::from_utf8_lossy(&q.stdout).lines().count();
    assert_eq!(n, before.events.len(), "events on the read-only store");
}
