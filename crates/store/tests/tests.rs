//! SQLite backend: the shared suite, plus the faults only a file store has.

use sitrep_store::{suite, ArticleReports, SqliteStore, Store, StoreError};
use std::sync::atomic::{AtomicUsize, Ordering};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn one_article(id: &str) -> Vec<ArticleReports> {
    vec![ArticleReports {
        article: sitrep_model::Article {
            id: id.into(),
            input: "test".into(),
            text: format!("Article {id}: a meeting was held."),
            ..Default::default()
        },
        events: Vec::new(),
    }]
}

#[test]
fn shared_suite_on_a_file_store() {
    let dir = tmp();
    let n = AtomicUsize::new(0);
    let make = || -> Box<dyn Store> {
        let i = n.fetch_add(1, Ordering::SeqCst);
        let path = dir.path().join(format!("s{i}.db"));
        Box::new(SqliteStore::open(&path).expect("open store"))
    };
    suite::all(&make);
    // Every store the suite used is sound.
    for i in 0..n.load(Ordering::SeqCst) {
        let s = SqliteStore::open(dir.path().join(format!("s{i}.db"))).expect("reopen");
        let integ = s.integrity().expect("integrity");
        assert!(integ.problems.is_empty(), "s{i}: {:?}", integ.problems);
    }
}

#[test]
fn shared_suite_in_memory() {
    let make = || -> Box<dyn Store> { Box::new(SqliteStore::open_in_memory().expect("open")) };
    suite::all(&make);
}

#[test]
fn reopening_keeps_everything() {
    let dir = tmp();
    let path = dir.path().join("keep.db");
    let c = {
        let s = SqliteStore::open(&path).expect("open");
        s.ingest(&one_article("k-1")).expect("ingest");
        s.counts().expect("counts")
    };
    assert_eq!(c.articles, 1);
    let s = SqliteStore::open(&path).expect("reopen");
    assert_eq!(s.counts().expect("counts"), c);
}

#[test]
fn foreign_sqlite_file_is_not_a_store() {
    let dir = tmp();
    let path = dir.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&path).expect("sqlite");
        c.execute_batch(
            "CREATE TABLE customers (id INTEGER, name TEXT); INSERT INTO customers VALUES (1, 'x');",
        )
        .expect("create");
    }
    match SqliteStore::open(&path) {
        Err(StoreError::NotAStore { .. }) => {}
        other => panic!("expected NotAStore, got {other:?}"),
    }
    // Nothing was changed in the foreign file.
    let c = rusqlite::Connection::open(&path).expect("sqlite");
    let n: i64 = c
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 1);
}

#[test]
fn junk_file_is_not_a_store() {
    let dir = tmp();
    let path = dir.path().join("junk.db");
    let junk: Vec<u8> = (0..8192u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&path, &junk).expect("write");
    match SqliteStore::open(&path) {
        Err(StoreError::NotAStore { db, .. }) => assert!(db.contains("junk.db")),
        other => panic!("expected NotAStore, got {other:?}"),
    }
    assert_eq!(
        std::fs::read(&path).expect("read"),
        junk,
        "junk left untouched"
    );
}

#[test]
fn truncated_store_is_not_a_store() {
    let dir = tmp();
    let path = dir.path().join("cut.db");
    {
        let s = SqliteStore::open(&path).expect("open");
        s.ingest(&one_article("cut-1")).expect("ingest");
    }
    {
        let c = rusqlite::Connection::open(&path).expect("sqlite");
        c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
            .expect("checkpoint");
    }
    let bytes = std::fs::read(&path).expect("read");
    let mut cut = bytes[..bytes.len() / 3].to_vec();
    // Damage the header too.
    for b in cut.iter_mut().take(16) {
        *b = b'x';
    }
    std::fs::write(&path, &cut).expect("write");
    match SqliteStore::open(&path) {
        Err(StoreError::NotAStore { .. }) => {}
        other => panic!("expected NotAStore, got {other:?}"),
    }
}

#[test]
fn newer_schema_is_refused() {
    let dir = tmp();
    let path = dir.path().join("new.db");
    drop(SqliteStore::open(&path).expect("create"));
    {
        let c = rusqlite::Connection::open(&path).expect("sqlite");
        c.execute_batch("PRAGMA user_version = 99").expect("bump");
    }
    match SqliteStore::open(&path) {
        Err(StoreError::NewerSchema {
            found, supported, ..
        }) => {
            assert_eq!(found, 99);
            assert_eq!(supported, sitrep_store::sqlite::SCHEMA_VERSION);
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
}

#[test]
fn a_directory_is_refused() {
    let dir = tmp();
    assert!(matches!(
        SqliteStore::open(dir.path()),
        Err(StoreError::Open { .. })
    ));
}

#[test]
fn missing_parent_directory_is_a_clear_error() {
    let dir = tmp();
    let path = dir.path().join("no/such/dir/x.db");
    match SqliteStore::open(&path) {
        Err(StoreError::Open { db, .. }) => assert!(db.contains("x.db")),
        other => panic!("expected Open, got {other:?}"),
    }
}

/// A read-only store answers queries; writing fails with `Write` and loses nothing.
#[test]
fn read_only_store_reads_but_refuses_writes() {
    let dir = tmp();
    let path = dir.path().join("ro.db");
    {
        let s = SqliteStore::open(&path).expect("open");
        s.ingest(&one_article("ro-1")).expect("ingest");
    }
    let s = SqliteStore::open_read_only(&path).expect("open read-only");
    assert_eq!(s.counts().expect("counts").articles, 1);
    match s.ingest(&one_article("ro-2")) {
        Err(StoreError::Write { .. }) => {}
        other => panic!("expected Write, got {other:?}"),
    }
    assert_eq!(s.counts().expect("counts").articles, 1);
    drop(s);
    let s = SqliteStore::open(&path).expect("reopen");
    assert_eq!(s.counts().expect("counts").articles, 1);
}

/// A store that cannot grow (as on a full disk) fails the batch with `Write`
/// and keeps what it held.
#[test]
fn full_disk_fails_the_batch_and_keeps_the_rest() {
    let dir = tmp();
    let path = dir.path().join("full.db");
    let s = SqliteStore::open(&path).expect("open");
    s.ingest(&one_article("full-1")).expect("ingest");
    let before = s.counts().expect("counts");
    s.set_max_page_count(1).expect("limit");
    let big: Vec<ArticleReports> = (0..50)
        .map(|i| {
            let mut a = one_article(&format!("big-{i}")).remove(0);
            a.article.text = format!("{} {}", a.article.text, "filler words ".repeat(4000));
            a
        })
        .collect();
    match s.ingest(&big) {
        Err(StoreError::Write { reason, .. }) => {
            assert!(reason.to_lowercase().contains("full"), "{reason}")
        }
        other => panic!("expected Write, got {other:?}"),
    }
    assert_eq!(s.counts().expect("counts"), before);
    drop(s);
    let s = SqliteStore::open(&path).expect("reopen");
    assert_eq!(s.counts().expect("counts"), before);
}

#[test]
fn concurrent_readers_and_a_writer() {
    let dir = tmp();
    let path = dir.path().join("conc.db");
    let s = std::sync::Arc::new(SqliteStore::open(&path).expect("open"));
    let writer = {
        let s = s.clone();
        std::thread::spawn(move || {
            for i in 0..40 {
                s.ingest(&one_article(&format!("c-{i}"))).expect("ingest");
            }
        })
    };
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let s = s.clone();
            std::thread::spawn(move || {
                let mut last = 0;
                for _ in 0..40 {
                    let n = s.counts().expect("counts").articles;
                    assert!(n >= last, "counts never go back");
                    last = n;
                }
            })
        })
        .collect();
    writer.join().expect("writer");
    for r in readers {
        r.join().expect("reader");
    }
    assert_eq!(s.counts().expect("counts").articles, 40);
}

#[test]
fn two_store_handles_on_one_file_write_in_turn() {
    let dir = tmp();
    let path = dir.path().join("two.db");
    let a = SqliteStore::open(&path).expect("open a");
    let b = SqliteStore::open(&path).expect("open b");
    a.ingest(&one_article("t-1")).expect("a");
    b.ingest(&one_article("t-2")).expect("b");
    b.ingest(&one_article("t-1")).expect("b again");
    assert_eq!(a.counts().expect("counts").articles, 2);
}

#[test]
fn store_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<SqliteStore>();
}

#[test]
fn integrity_finds_a_broken_store() {
    let dir = tmp();
    let path = dir.path().join("broken.db");
    let s = SqliteStore::open(&path).expect("open");
    s.ingest(&one_article("i-1")).expect("ingest");
    s.ingest(&one_article("i-2")).expect("ingest");
    let ok = s.integrity().expect("integrity");
    assert!(ok.problems.is_empty(), "{:?}", ok.problems);
    assert_eq!(ok.reports_by_article.len(), 2);
    drop(s);
    {
        let c = rusqlite::Connection::open(&path).expect("sqlite");
        c.execute_batch("DROP TRIGGER articles_ad; DELETE FROM articles WHERE id = 'i-1';")
            .expect("break it");
    }
    let s = SqliteStore::open(&path).expect("open");
    let bad = s.integrity().expect("integrity");
    assert!(
        bad.problems.iter().any(|p| p.contains("full-text")),
        "{:?}",
        bad.problems
    );
}

#[test]
fn an_immutable_open_reads_an_older_schema_under_any_file_name() {
    let dir = tmp();
    // URI delimiters and a space in the name: the immutable open goes through a URI.
    let path = dir.path().join("snap #1 ?x=1 100%.db");
    {
        let s = SqliteStore::open(&path).expect("open");
        s.ingest(&one_article("im-1")).expect("ingest");
    }
    // A store of the oldest schema this build reads as it is (the later
    // migrations only add indexes).
    {
        let c = rusqlite::Connection::open(&path).expect("sqlite");
        c.execute_batch(&format!(
            "PRAGMA user_version = {}",
            sitrep_store::sqlite::MIN_READ_VERSION
        ))
        .expect("set version");
    }
    let s = SqliteStore::open_immutable(&path).expect("open immutable");
    assert!(s.is_read_only());
    assert_eq!(s.counts().expect("counts").articles, 1);
    assert!(matches!(
        s.ingest(&one_article("im-2")),
        Err(StoreError::Write { .. })
    ));
    let s = SqliteStore::open_read_only(&path).expect("open read-only");
    assert_eq!(s.counts().expect("counts").articles, 1);
    // open_for_reading on a writable file upgrades it as `open` does.
    drop(s);
    let s = SqliteStore::open_for_reading(&path).expect("open for reading");
    assert!(!s.is_read_only());
    assert_eq!(s.counts().expect("counts").articles, 1);
    // Too old to read without an upgrade: a read-only open says so.
    drop(s);
    {
        let c = rusqlite::Connection::open(&path).expect("sqlite");
        c.execute_batch("PRAGMA user_version = 1")
            .expect("set version");
    }
    assert!(matches!(
        SqliteStore::open_immutable(&path),
        Err(StoreError::Write { .. })
    ));
}
