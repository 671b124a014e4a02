//! PostgreSQL backend tests. They need a server: `SITREP_TEST_PG` names a
//! database whose role may create schemas (`. .ci/postgres.sh` sets it up).
//! Without it every test here prints a loud SKIPPED message and passes, unless
//! `SITREP_REQUIRE_SERVICES=1`, where a missing server fails the test.
//!
//! Each test works in schemas of its own (`options=-csearch_path=…` in the
//! URL), so the tests run in parallel on one database.

use sitrep_model::{
    stable_id, Actor, ActorType, Article, DatePrecision, Event, EventType, Evidence, Fatalities,
    Location, Source, SubEventType,
};
use sitrep_store::{ArticleReports, EventQuery, SqliteStore, Store, StoreError};
use sitrep_store_pg::{PgOptions, PgStore};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

// ---------------------------------------------------------------- harness

fn base_url() -> Option<String> {
    match std::env::var("SITREP_TEST_PG") {
        Ok(u) if !u.trim().is_empty() => Some(u.trim().to_string()),
        _ => {
            if std::env::var("SITREP_REQUIRE_SERVICES").as_deref() == Ok("1") {
                panic!(
                    "SITREP_REQUIRE_SERVICES=1 but SITREP_TEST_PG is not set: \
                     the PostgreSQL tests cannot run (start a server with `. .ci/postgres.sh`)"
                );
            }
            eprintln!(
                "\n!!!!!!!! SKIPPED: PostgreSQL test — SITREP_TEST_PG is not set \
                 (run `. .ci/postgres.sh` to start a local server) !!!!!!!!\n"
            );
            None
        }
    }
}

/// A fresh schema in the test database; dropped when the value is dropped.
struct Schema {
    base: String,
    name: String,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

impl Schema {
    fn new(base: &str, tag: &str) -> Schema {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let name = format!("t_{tag}_{}_{n}", std::process::id());
        let mut c = postgres::Client::connect(base, postgres::NoTls).expect("connect to test db");
        c.batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
        ))
        .expect("create schema");
        Schema {
            base: base.to_string(),
            name,
        }
    }

    /// The store URL that works in this schema.
    fn url(&self) -> String {
        let sep = if self.base.contains('?') { '&' } else { '?' };
        format!("{}{sep}options=-csearch_path%3D{}", self.base, self.name)
    }

    fn open(&self) -> PgStore {
        PgStore::open(&self.url()).expect("open store")
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.base, postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
        }
    }
}

// ---------------------------------------------------------------- the shared suite

#[test]
fn shared_store_suite_passes_on_postgres() {
    let Some(base) = base_url() else { return };
    let schemas = std::sync::Mutex::new(Vec::new());
    let make = || -> Box<dyn Store> {
        let s = Schema::new(&base, "suite");
        let store = s.open();
        schemas.lock().expect("lock").push(s);
        Box::new(store)
    };
    sitrep_store::suite::all(&make);
}

// ---------------------------------------------------------------- errors

#[test]
fn malformed_url_is_a_clear_open_error() {
    for url in [
        "postgres://u:secret@localhost:notaport/db",
        "postgres://u:secret@localhost/db?sslmode=verify-fullest",
        "postgres://u:secret@localhost/db?nosuchoption=1",
        "postgres://u:secret@localhost/db?sslmode=verify-full&sslrootcert=/nonexistent/ca.crt",
    ] {
        match PgStore::open(url) {
            Err(e @ StoreError::Open { .. }) => {
                let m = e.to_string();
                assert!(!m.contains("secret"), "password in message: {m}");
                assert!(m.contains("u:***@localhost"), "URL not named: {m}");
            }
            Err(e) => panic!("{url}: expected Open, got {e:?}"),
            Ok(_) => panic!("{url}: opened"),
        }
    }
}

// ---------------------------------------------------------------- TLS

/// The directory of the throw-away certificates of `.ci/postgres.sh`
/// (ca.crt, wrong-ca.crt, client.crt, client.key).
fn tls_dir() -> Option<std::path::PathBuf> {
    base_url()?;
    match std::env::var("SITREP_TEST_PG_TLS_DIR") {
        Ok(d) if std::path::Path::new(d.trim()).join("ca.crt").is_file() => Some(d.trim().into()),
        _ => {
            if std::env::var("SITREP_REQUIRE_SERVICES").as_deref() == Ok("1") {
                panic!(
                    "SITREP_REQUIRE_SERVICES=1 but SITREP_TEST_PG_TLS_DIR does not name a \
                     directory with ca.crt: the TLS tests cannot run (`. .ci/postgres.sh`)"
                );
            }
            eprintln!(
                "\n!!!!!!!! SKIPPED: PostgreSQL TLS test — SITREP_TEST_PG_TLS_DIR is not set \
                 (run `. .ci/postgres.sh`, which enables TLS on its server) !!!!!!!!\n"
            );
            None
        }
    }
}

/// `url` with its `sslmode` dropped and `extra` (`k=v&k=v`) appended.
fn tls_url(url: &str, extra: &str) -> String {
    let (head, query) = url.split_once('?').unwrap_or((url, ""));
    let mut params: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("sslmode="))
        .collect();
    params.push(extra);
    format!("{head}?{}", params.join("&"))
}

/// `url` with another host name in it, still connecting to the same address
/// (`hostaddr`), so that the name the certificate is checked against changes.
fn renamed_host(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").expect("scheme");
    let (auth, after) = rest.split_once('@').expect("user@host in the test URL");
    let host_end = after.find([':', '/']).unwrap_or(after.len());
    let addr = &after[..host_end];
    let sep = if after.contains('?') { '&' } else { '?' };
    format!(
        "{scheme}://{auth}@{name}{}{sep}hostaddr={addr}",
        &after[host_end..]
    )
}

fn ca(dir: &std::path::Path, file: &str) -> String {
    format!("sslrootcert={}", dir.join(file).display())
}

#[test]
fn tls_sessions_are_encrypted_and_verified_by_the_ca() {
    let Some(base) = base_url() else { return };
    let Some(dir) = tls_dir() else { return };
    let s = Schema::new(&base, "tls");
    // Plain text stays possible.
    let plain = PgStore::open(&s.url()).expect("sslmode=disable");
    assert_eq!(plain.connection_security().expect("query"), None);
    drop(plain);
    let good = ca(&dir, "ca.crt");
    for extra in [
        "sslmode=require".to_string(),
        "sslmode=prefer".to_string(),
        format!("sslmode=verify-ca&{good}"),
        format!("sslmode=verify-full&{good}"),
        // libpq: require with a root certificate checks the chain.
        format!("sslmode=require&{good}"),
        // SCRAM bound to the TLS session (tls-server-end-point).
        format!("sslmode=verify-full&{good}&channel_binding=require"),
    ] {
        let url = tls_url(&s.url(), &extra);
        let store = PgStore::open(&url).unwrap_or_else(|e| panic!("{extra}: {e}"));
        let sec = store.connection_security().expect("query");
        let sec = sec.unwrap_or_else(|| panic!("{extra}: session not encrypted"));
        assert!(sec.starts_with("TLSv1."), "{extra}: {sec}");
        // The store works over TLS.
        store.ingest(&corpus()[..2]).expect("ingest over TLS");
        assert!(store.counts().expect("counts").articles >= 2);
    }
    // The certificate names localhost too.
    let url = tls_url(
        &renamed_host(&s.url(), "localhost"),
        &format!("sslmode=verify-full&{good}"),
    );
    let store = PgStore::open(&url).expect("verify-full via localhost");
    assert!(store.connection_security().expect("query").is_some());
}

#[test]
fn tls_verification_failures_are_clear_errors_naming_tls() {
    let Some(base) = base_url() else { return };
    let Some(dir) = tls_dir() else { return };
    let wrong = ca(&dir, "wrong-ca.crt");
    let good = ca(&dir, "ca.crt");
    let expect_tls_error = |url: &str| {
        let e = PgStore::open(url)
            .err()
            .unwrap_or_else(|| panic!("{url}: opened"));
        let m = e.to_string();
        assert!(matches!(e, StoreError::Open { .. }), "{e:?}");
        eprintln!("expected TLS error: {m}");
        assert!(m.contains("TLS"), "error does not name TLS: {m}");
        assert!(!m.contains(":sitrep@"), "password leaked: {m}");
        m
    };
    for mode in ["verify-ca", "verify-full", "require"] {
        let m = expect_tls_error(&tls_url(&base, &format!("sslmode={mode}&{wrong}")));
        assert!(m.contains("sslrootcert"), "{m}");
        assert!(
            m.to_lowercase().contains("issuer") || m.contains("certificate"),
            "{m}"
        );
    }
    // The right CA but a name the certificate does not carry: verify-full
    // refuses, verify-ca (chain only) accepts.
    let other = renamed_host(&base, "db.sitrep.invalid");
    let m = expect_tls_error(&tls_url(&other, &format!("sslmode=verify-full&{good}")));
    assert!(
        m.contains("among the names of the server's certificate"),
        "{m}"
    );
    let store = PgStore::open(&tls_url(&other, &format!("sslmode=verify-ca&{good}")))
        .expect("verify-ca does not compare the host name");
    assert!(store.connection_security().expect("query").is_some());
    // verify-full without any CA is refused before connecting.
    let e = PgStore::open(&tls_url(
        &base,
        "sslmode=verify-full&sslrootcert=/nonexistent/ca.crt",
    ))
    .err()
    .expect("missing CA file");
    assert!(e.to_string().contains("/nonexistent/ca.crt"), "{e}");
}

/// A fake server that answers every connection's SSLRequest with `answer`
/// and then hangs up; returns its port.
fn fake_server(answer: &'static [u8]) -> u16 {
    use std::io::{Read, Write};
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = l.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for conn in l.incoming().take(4) {
            let Ok(mut c) = conn else { continue };
            let mut req = [0u8; 8];
            if c.read_exact(&mut req).is_ok() {
                let _ = c.write_all(answer);
            }
        }
    });
    port
}

#[test]
fn require_refuses_a_server_without_tls_and_a_broken_handshake() {
    // No PostgreSQL needed: the fake server says "no TLS" ('N').
    let port = fake_server(b"N");
    let url = format!("postgres://u:secret@127.0.0.1:{port}/db?sslmode=require&connect_timeout=5");
    let e = PgStore::open(&url).err().expect("must fail");
    let m = e.to_string();
    assert!(matches!(e, StoreError::Open { .. }), "{e:?}");
    assert!(m.contains("TLS switched off"), "{m}");
    assert!(!m.contains("secret"), "{m}");
    // The server says yes ('S') but then speaks no TLS.
    let port = fake_server(b"Snot a TLS server hello at all\n");
    let url = format!("postgres://u:secret@127.0.0.1:{port}/db?sslmode=require&connect_timeout=5");
    let e = PgStore::open(&url).err().expect("must fail");
    assert!(e.to_string().contains("TLS failed"), "{e}");
}

#[test]
fn a_client_certificate_logs_in_without_a_password() {
    let Some(base) = base_url() else { return };
    let Some(dir) = tls_dir() else { return };
    if !dir.join("client.key").is_file() {
        panic!(
            "{} has no client.key (re-run .ci/postgres.sh)",
            dir.display()
        );
    }
    let s = Schema::new(&base, "cert");
    let mut c = postgres::Client::connect(&base, postgres::NoTls).expect("connect");
    c.batch_execute(&format!("GRANT ALL ON SCHEMA {} TO sitrep_cert", s.name))
        .expect("grant");
    // postgres://sitrep_cert@host… : no password in the URL.
    let (_, rest) = s
        .url()
        .split_once('@')
        .map(|(a, r)| (a.to_string(), r.to_string()))
        .expect("@");
    let cert_url = format!("postgres://sitrep_cert@{rest}");
    let url = tls_url(
        &cert_url,
        &format!(
            "sslmode=verify-full&{}&sslcert={}&sslkey={}",
            ca(&dir, "ca.crt"),
            dir.join("client.crt").display(),
            dir.join("client.key").display()
        ),
    );
    let store = PgStore::open(&url).expect("certificate login");
    store.ingest(&corpus()[..1]).expect("ingest as sitrep_cert");
    assert_eq!(store.counts().expect("counts").articles, 1);
    drop(store);
    // Without the certificate the server turns the role away.
    let e = PgStore::open(&tls_url(
        &cert_url,
        &format!("sslmode=verify-full&{}", ca(&dir, "ca.crt")),
    ))
    .err()
    .expect("no certificate, no login");
    assert!(matches!(e, StoreError::Open { .. }), "{e:?}");
}

#[test]
fn refused_connection_is_a_clear_open_error() {
    // Port 1 on loopback: nothing listens there.
    let e =
        PgStore::open("postgres://sitrep:pw@127.0.0.1:1/sitrep?sslmode=disable&connect_timeout=5")
            .err()
            .expect("must fail");
    let m = e.to_string();
    assert!(matches!(e, StoreError::Open { .. }), "{e:?}");
    assert!(m.contains("connection refused"), "{m}");
    assert!(m.contains("127.0.0.1:1"), "{m}");
}

fn with_password(base: &str, user: &str, password: &str) -> String {
    // postgres://USER:PASS@rest
    let rest = base.split_once('@').map(|x| x.1).unwrap_or(base);
    format!("postgres://{user}:{password}@{rest}")
}

#[test]
fn wrong_password_and_missing_database_are_named() {
    let Some(base) = base_url() else { return };
    let user = base
        .trim_start_matches("postgres://")
        .trim_start_matches("postgresql://")
        .split([':', '@'])
        .next()
        .unwrap_or("sitrep")
        .to_string();
    let e = PgStore::open(&with_password(&base, &user, "wrong-password"))
        .err()
        .expect("must fail");
    assert!(e.to_string().contains("authentication failed"), "{e}");
    assert!(!e.to_string().contains("wrong-password"), "{e}");
    let (head, tail) = base.split_once('?').unwrap_or((&base, ""));
    let (server, _db) = head.rsplit_once('/').expect("url has a database");
    let missing = format!("{server}/sitrep_no_such_db?{tail}");
    let e = PgStore::open(&missing).err().expect("must fail");
    assert!(e.to_string().contains("does not exist"), "{e}");
}

#[test]
fn newer_schema_is_refused_and_foreign_tables_are_not_a_store() {
    let Some(base) = base_url() else { return };
    let s = Schema::new(&base, "newer");
    let store = s.open();
    assert_eq!(
        store.schema_version().expect("version"),
        sitrep_store_pg::SCHEMA_VERSION
    );
    drop(store);
    let mut c = postgres::Client::connect(&s.url(), postgres::NoTls).expect("connect");
    c.execute(
        "INSERT INTO sitrep_schema (version, name) VALUES (99, 'from the future')",
        &[],
    )
    .expect("insert");
    match PgStore::open(&s.url()) {
        Err(StoreError::NewerSchema {
            found, supported, ..
        }) => {
            assert_eq!(found, 99);
            assert_eq!(supported, sitrep_store_pg::SCHEMA_VERSION);
        }
        other => panic!("expected NewerSchema, got {:?}", other.err()),
    }

    let f = Schema::new(&base, "foreign");
    let mut c = postgres::Client::connect(&f.url(), postgres::NoTls).expect("connect");
    c.batch_execute("CREATE TABLE events (x int)")
        .expect("foreign table");
    match PgStore::open(&f.url()) {
        Err(StoreError::NotAStore { .. }) => {}
        other => panic!("expected NotAStore, got {:?}", other.err()),
    }
}

#[test]
fn missing_privileges_are_a_write_error() {
    let Some(base) = base_url() else { return };
    let s = Schema::new(&base, "priv");
    let role = format!("sitrep_ro_{}", std::process::id());
    let mut c = postgres::Client::connect(&base, postgres::NoTls).expect("connect");
    // The test role may lack CREATEROLE on some servers: then there is nothing to test.
    if c.batch_execute(&format!(
        "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN PASSWORD 'ro'"
    ))
    .is_err()
    {
        eprintln!("SKIPPED part: the test role cannot create roles");
        return;
    }
    c.batch_execute(&format!("GRANT USAGE ON SCHEMA {} TO {role}", s.name))
        .expect("grant usage");
    let ro_url = with_password(&s.url(), &role, "ro");
    // An empty schema the role may not create tables in: the migration is refused.
    let e = PgStore::open(&ro_url).err().expect("must fail");
    assert!(matches!(e, StoreError::Write { .. }), "{e:?}");
    assert!(e.to_string().contains("permission denied"), "{e}");
    // A migrated store the role may read but not write: reads work, ingest is Write.
    drop(s.open());
    c.batch_execute(&format!(
        "GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {role}",
        s.name
    ))
    .expect("grant select");
    let ro = PgStore::open(&ro_url).expect("read-only open");
    assert_eq!(ro.counts().expect("counts").events, 0);
    let e = ro.ingest(&corpus()[..1]).expect_err("ingest must fail");
    assert!(matches!(e, StoreError::Write { .. }), "{e:?}");
    drop(ro);
    drop(s);
    let _ = c.batch_execute(&format!("DROP ROLE IF EXISTS {role}"));
}

#[test]
fn migrations_run_once_with_many_processes_starting_together() {
    let Some(base) = base_url() else { return };
    let s = Schema::new(&base, "mig");
    let url = s.url();
    let handles: Vec<_> = (0..6)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || PgStore::open(&url).map(|_| ()))
        })
        .collect();
    for h in handles {
        h.join().expect("thread").expect("open");
    }
    let mut c = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    let n: i64 = c
        .query_one("SELECT count(*) FROM sitrep_schema", &[])
        .expect("count")
        .get(0);
    assert_eq!(n, sitrep_store_pg::SCHEMA_VERSION);
}

// ---------------------------------------------------------------- queue

#[test]
fn queue_registers_once_and_hands_each_item_to_one_worker() {
    let Some(base) = base_url() else { return };
    let s = Schema::new(&base, "queue");
    let store = Arc::new(s.open());
    let paths: Vec<String> = (0..60).map(|i| format!("/in/{i:03}.jsonl")).collect();
    assert_eq!(store.queue_add(&paths).expect("add"), 60);
    assert_eq!(store.queue_add(&paths[..10]).expect("add again"), 0);
    let st = store.queue_status().expect("status");
    assert_eq!(st.pending, 60);

    // Four workers claim concurrently: every item exactly once.
    let handles: Vec<_> = (0..4)
        .map(|w| {
            let store = Arc::clone(&store);
            std::thread::spawn(move || {
                let mut mine = Vec::new();
                while let Some(c) = store
                    .claim(&format!("w{w}"), Duration::from_secs(60), 3)
                    .expect("claim")
                {
                    assert!(store.complete(&c, 1, 0).expect("complete"));
                    mine.push(c.path);
                }
                mine
            })
        })
        .collect();
    let mut all: Vec<String> = Vec::new();
    for h in handles {
        all.extend(h.join().expect("worker"));
    }
    all.sort();
    assert_eq!(all, paths);
    let st = store.queue_status().expect("status");
    assert_eq!(
        (st.pending, st.leased, st.done, st.articles),
        (0, 0, 60, 60)
    );
    assert!(st.is_idle());
}

#[test]
fn an_expired_lease_is_retried_and_the_late_worker_is_fenced_off() {
    let Some(base) = base_url() else { return };
    let s = Schema::new(&base, "lease");
    let store = s.open();
    store.queue_add(&["/in/a".to_string()]).expect("add");
    let dead = store
        .claim("dead", Duration::from_millis(300), 3)
        .expect("claim")
        .expect("an item");
    // Held: nobody else gets it.
    assert!(store
        .claim("other", Duration::from_secs(60), 3)
        .expect("claim")
        .is_none());
    assert_eq!(store.queue_status().expect("status").leased, 1);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(store.queue_status().expect("status").expired, 1);
    let next = store
        .claim("other", Duration::from_secs(60), 3)
        .expect("claim")
        .expect("the expired item");
    assert_eq!(next.path, dead.path);
    assert_eq!(next.attempts, 2);
    // The first worker comes back late: it can neither renew nor complete.
    assert!(!store.renew(&dead, Duration::from_secs(60)).expect("renew"));
    assert!(!store.complete(&dead, 5, 0).expect("complete"));
    assert!(!store.fail(&dead, "late").expect("fail"));
    assert!(store.renew(&next, Duration::from_secs(60)).expect("renew"));
    assert!(store.complete(&next, 7, 1).expect("complete"));
    let st = store.queue_status().expect("status");
    assert_eq!((st.done, st.articles, st.failed), (1, 7, 0));
}

#[test]
fn an_input_that_keeps_killing_workers_is_given_up() {
    let Some(base) = base_url() else { return };
    let s = Schema::new(&base, "poison");
    let store = s.open();
    store.queue_add(&["/in/poison".to_string()]).expect("add");
    for _ in 0..2 {
        store
            .claim("w", Duration::from_millis(50), 2)
            .expect("claim")
            .expect("item");
        std::thread::sleep(Duration::from_millis(120));
    }
    assert!(store
        .claim("w", Duration::from_millis(50), 2)
        .expect("claim")
        .is_none());
    let st = store.queue_status().expect("status");
    assert_eq!(st.failed, 1);
    let f = store.queue_failures(10).expect("failures");
    assert!(f[0].1.contains("2 attempts"), "{f:?}");
}

// ---------------------------------------------------------------- concurrent fusion

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// Invented places (name, admin1, country, lat, lon), far apart.
const PLACES: &[(&str, &str, &str, f64, f64)] = &[
    ("Alpha Town", "North Province", "PK", 30.0, 67.0),
    ("Bravo Town", "North Province", "PK", 31.5, 68.5),
    ("Charlie Town", "South Province", "PK", 25.0, 64.0),
    ("Delta Town", "East Province", "AF", 34.5, 69.2),
    ("Echo Town", "West Province", "AF", 33.0, 62.0),
];

fn actor(name: &str, t: ActorType, c: &str) -> Option<Actor> {
    Some(Actor {
        name: name.into(),
        actor_type: Some(t),
        country: Some(c.into()),
    })
}

/// Generated corpus: `n_events` events, each reported by `per_event` articles
/// whose dates wander by a day and whose figures rise; dates chosen to sit on
/// bucket edges and to chain; a few reports without a location.
fn generated(n_events: usize, per_event: usize) -> Vec<ArticleReports> {
    let mut out = Vec::new();
    let start = day("2026-01-05");
    for e in 0..n_events {
        let (place, admin1, cc, lat, lon) = PLACES[e % PLACES.len()];
        // Same place every 5 events: days far enough apart (> 1) to stay separate,
        // close enough to share lock buckets and windows.
        let base = start + chrono::Duration::days((e / PLACES.len()) as i64 * 3);
        let t = match e % 3 {
            0 => EventType::Battles,
            1 => EventType::ExplosionsRemoteViolence,
            _ => EventType::ViolenceAgainstCivilians,
        };
        let group = format!("Group {}", e % 4);
        for k in 0..per_event {
            let id = format!("g{e:03}-{k}");
            let d = base + chrono::Duration::days((k % 2) as i64);
            let killed = 3 + (e as u32 % 7) + k as u32 * 2;
            let text = format!(
                "{place}: At least {killed} people were killed in an incident near {place} on day {k}. \
                 Officials of {admin1} said {group} was responsible. Report {id}."
            );
            let located = !(e % 7 == 3 && k == 1);
            let article = Article {
                id: id.clone(),
                input: "generated".into(),
                title: Some(format!("Incident in {place} ({id})")),
                published: Some((d + chrono::Duration::days(1)).to_string()),
                dateline: Some(place.to_uppercase()),
                url: Some(format!("https://wire.example/{id}")),
                publisher: Some(format!("Wire {}", k % 3)),
                summary: Vec::new(),
                text: text.clone(),
            };
            let first = text.find('.').map(|i| i + 1).unwrap_or(text.len());
            let ev = Event {
                id: stable_id(&[&id, "0"]),
                event_date: Some(d),
                date_precision: DatePrecision::Day,
                event_type: Some(t),
                sub_event_type: Some(match t {
                    EventType::Battles => SubEventType::ArmedClash,
                    EventType::ExplosionsRemoteViolence => SubEventType::SuicideBomb,
                    _ => SubEventType::Attack,
                }),
                actor1: actor(&group, ActorType::RebelGroups, cc),
                actor2: actor("Civilians", ActorType::Civilians, cc),
                location: located.then(|| Location {
                    name: place.into(),
                    admin1: Some(admin1.into()),
                    admin2: None,
                    country: None,
                    country_code: Some(cc.into()),
                    lat: Some(lat + k as f64 * 0.01),
                    lon: Some(lon),
                    geonames_id: None,
                    precision: 1,
                }),
                fatalities: Fatalities {
                    best: Some(killed),
                    low: Some(killed),
                    ..Fatalities::default()
                },
                notes: format!("Incident in {place}"),
                sources: vec![Source {
                    article_id: id.clone(),
                    title: article.title.clone(),
                    url: article.url.clone(),
                    publisher: article.publisher.clone(),
                    published: article.published.clone(),
                    fatalities_reported: Some(killed),
                }],
                evidence: vec![Evidence {
                    field: "event_type".into(),
                    article_id: id.clone(),
                    start: 0,
                    end: first,
                    text: text[..first].to_string(),
                }],
                confidence: 0.6,
                ..Event::default()
            };
            out.push(ArticleReports {
                article,
                events: vec![ev],
            });
        }
    }
    out
}

fn corpus() -> Vec<ArticleReports> {
    generated(10, 3)
}

/// Every event of a store: id → (sorted source article ids, fatalities.best).
fn snapshot(s: &dyn Store) -> BTreeMap<String, (Vec<String>, Option<u32>)> {
    let mut out = BTreeMap::new();
    let mut q = EventQuery {
        limit: Some(500),
        ..EventQuery::default()
    };
    loop {
        let p = s.events(&q).expect("events");
        for e in p.events {
            let mut src: Vec<String> = e.sources.iter().map(|s| s.article_id.clone()).collect();
            src.sort();
            assert!(
                out.insert(e.id.clone(), (src, e.fatalities.best)).is_none(),
                "event {} listed twice",
                e.id
            );
        }
        match p.next_cursor {
            Some(c) => q.cursor = Some(c),
            None => break,
        }
    }
    out
}

/// A permutation of 0..n from a seed (no rand dependency).
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    for i in (1..n).rev() {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = ((x >> 33) as usize) % (i + 1);
        v.swap(i, j);
    }
    v
}

#[test]
fn concurrent_writers_fuse_exactly_like_one_sqlite_writer() {
    let Some(base) = base_url() else { return };
    let corpus = generated(40, 4);
    // The reference: one writer, SQLite, in corpus order.
    let reference = SqliteStore::open_in_memory().expect("sqlite");
    reference.ingest(&corpus).expect("sqlite ingest");
    let want = snapshot(&reference);
    assert!(
        want.len() >= 40,
        "generator too coarse: {} events",
        want.len()
    );
    assert!(
        want.values().any(|(s, _)| s.len() == 4),
        "reports of one event must fuse"
    );

    // Four processes' worth of writers (own pools), each ingesting EVERY
    // article in its own order, in small batches: the same article and reports
    // of the same event race each other.
    let s = Schema::new(&base, "fuse");
    drop(s.open());
    let url = s.url();
    let corpus = Arc::new(corpus);
    let handles: Vec<_> = (0..4u64)
        .map(|w| {
            let url = url.clone();
            let corpus = Arc::clone(&corpus);
            std::thread::spawn(move || {
                let store = PgStore::open_with(
                    &url,
                    &PgOptions {
                        pool_size: 1,
                        ..PgOptions::default()
                    },
                )
                .expect("open");
                let order = shuffled(corpus.len(), w + 1);
                let mut added = 0;
                for chunk in order.chunks(1 + w as usize) {
                    let batch: Vec<ArticleReports> =
                        chunk.iter().map(|&i| corpus[i].clone()).collect();
                    added += store.ingest(&batch).expect("ingest").added;
                }
                added
            })
        })
        .collect();
    let added: usize = handles.into_iter().map(|h| h.join().expect("writer")).sum();
    assert_eq!(added, corpus.len(), "each article added exactly once");
    let store = s.open();
    let got = snapshot(&store);
    assert_eq!(
        got, want,
        "PostgreSQL under concurrency differs from SQLite"
    );
    let c = store.counts().expect("counts");
    assert_eq!(c.articles as usize, corpus.len());
    assert_eq!(c.reports as usize, corpus.len());
    assert_eq!(c.events as usize, want.len());
}

#[test]
fn disjoint_concurrent_writers_give_the_sequential_result() {
    let Some(base) = base_url() else { return };
    let corpus = generated(25, 3);
    let seq = Schema::new(&base, "seq");
    let seq_store = seq.open();
    seq_store.ingest(&corpus).expect("ingest");
    let want = snapshot(&seq_store);

    let s = Schema::new(&base, "par");
    drop(s.open());
    let url = s.url();
    let order = shuffled(corpus.len(), 99);
    let parts: Vec<Vec<ArticleReports>> = (0..3)
        .map(|p| {
            order
                .iter()
                .skip(p)
                .step_by(3)
                .map(|&i| corpus[i].clone())
                .collect()
        })
        .collect();
    let handles: Vec<_> = parts
        .into_iter()
        .map(|part| {
            let url = url.clone();
            std::thread::spawn(move || {
                let store = PgStore::open(&url).expect("open");
                for a in &part {
                    store.ingest(std::slice::from_ref(a)).expect("ingest");
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("writer");
    }
    assert_eq!(snapshot(&s.open()), want);
}

#[test]
fn nul_characters_and_odd_text_do_not_break_ingest() {
    let Some(base) = base_url() else { return };
    let s = Schema::new(&base, "nul");
    let store = s.open();
    let mut c = corpus();
    c[0].article.text = format!("{}\0tail", c[0].article.text);
    c[0].article.title = Some("bad\0title".into());
    c[0].events[0].notes = "note\0with nul".into();
    let a = c[0].clone();
    let rep = store.ingest(&c[..1]).expect("ingest");
    assert_eq!(rep.added, 1);
    let back = store
        .article(&a.article.id)
        .expect("article")
        .expect("stored");
    assert_eq!(back.text.len(), a.article.text.len(), "offsets kept");
    assert!(!back.text.contains('\0'));
    let ids: BTreeSet<String> = snapshot(&store).into_keys().collect();
    assert_eq!(ids.len(), 1);
}
