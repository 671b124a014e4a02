//! `sitrep serve` end to end: the real binary over the real SQLite store ingested
//! from `examples/`, spoken to over loopback HTTP. Read-only by default, writes with
//! the right bearer token through the real reader and extractor, SQL metacharacters
//! in every parameter, path traversal, oversized and malformed bodies.

mod serve_util;

use serve_util::{repo, Server};

fn store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("serve.db");
    serve_util::ingest(&db, &[repo().join("examples")]);
    (dir, db)
}

fn code(v: &serde_json::Value) -> &str {
    v["error"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("not an error: {v}"))
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn reads_from_the_real_store() {
    let (_dir, db) = store();
    let srv = Server::start(&db, None);
    let (s, meta) = srv.get_json("/api/meta");
    assert_eq!(s, 200);
    let n = meta["counts"]["events"].as_u64().unwrap();
    assert!(n > 0, "{meta}");
    assert_eq!(meta["writable"], false);

    // pages cover the store without duplicates
    let mut seen = std::collections::BTreeSet::new();
    let mut path = "/api/events?limit=2".to_string();
    loop {
        let (s, page) = srv.get_json(&path);
        assert_eq!(s, 200, "{page}");
        for e in page["events"].as_array().unwrap() {
            assert!(seen.insert(e["id"].as_str().unwrap().to_string()));
        }
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/events?limit=2&cursor={}", enc(c)),
            None => break,
        }
    }
    assert_eq!(seen.len() as u64, n);

    // one event, its articles, and evidence that slices the article text exactly
    let id = seen.iter().next().unwrap();
    let (s, ev) = srv.get_json(&format!("/api/events/{}", enc(id)));
    assert_eq!(s, 200);
    for x in ev["evidence"].as_array().unwrap() {
        let (s, art) = srv.get_json(&format!(
            "/api/articles/{}",
            enc(x["article_id"].as_str().unwrap())
        ));
        assert_eq!(s, 200);
        let text = art["text"].as_str().unwrap().as_bytes();
        let (a, b) = (
            x["start"].as_u64().unwrap() as usize,
            x["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[a..b], x["text"].as_str().unwrap().as_bytes());
    }

    // the list is spliced from the stored records: each item is the record served by id,
    // whole with `evidence=true`, and without its evidence otherwise
    let (_, full) = srv.get_json("/api/events?limit=500&evidence=true");
    let (_, light) = srv.get_json("/api/events?limit=500");
    let full = full["events"].as_array().unwrap();
    let light = light["events"].as_array().unwrap();
    assert_eq!(full.len() as u64, n.min(500));
    assert_eq!(full.len(), light.len());
    for (f, l) in full.iter().zip(light) {
        let (s, one) = srv.get_json(&format!("/api/events/{}", enc(f["id"].as_str().unwrap())));
        assert_eq!(s, 200);
        assert_eq!(&one, f);
        let mut stripped = f.clone();
        stripped.as_object_mut().unwrap().remove("evidence");
        assert_eq!(&stripped, l);
    }
    // filters that can select nothing answer an empty page, not an error
    for q in [
        "from=2026-02-01&to=2026-01-01",
        "bbox=60,30,70,20",
        "text=%2B%2B",
    ] {
        let (s, page) = srv.get_json(&format!("/api/events?{q}"));
        assert_eq!(s, 200, "{q}: {page}");
        assert_eq!(page["events"].as_array().unwrap().len(), 0, "{q}");
    }

    // stats add up to the events
    let (_, st) = srv.get_json("/api/stats?group=type");
    let total: u64 = st["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["events"].as_u64().unwrap())
        .sum();
    assert_eq!(total, n);
    let (s, _, b) = srv.request("GET", "/api/events.geojson", &[], b"");
    assert_eq!(s, 200);
    let gj: serde_json::Value = serde_json::from_slice(&b).unwrap();
    assert_eq!(gj["type"], "FeatureCollection");
    let (s, _, b) = srv.request("GET", "/api/events.csv", &[], b"");
    assert_eq!(s, 200);
    assert!(String::from_utf8_lossy(&b).lines().count() as u64 > n);
    let (s, doc) = srv.get_json("/openapi.json");
    assert_eq!(s, 200);
    assert!(doc["paths"]["/api/events"].is_object());
}

#[test]
fn hostile_parameters_never_reach_sql_as_code() {
    let (_dir, db) = store();
    let srv = Server::start(&db, None);
    let (_, before) = srv.get_json("/api/meta");
    let nasty = [
        "' OR '1'='1",
        "1; DROP TABLE events; --",
        "\") UNION SELECT id, text FROM articles --",
        "%",
        "_",
        "*",
        "\\",
        "NEAR(a b)",
        "a\" OR \"b",
        "'; DELETE FROM articles; --",
        "\u{0}",
    ];
    for v in nasty {
        for p in [
            "from", "to", "country", "admin1", "type", "actor", "bbox", "text", "limit", "cursor",
        ] {
            for endpoint in ["/api/events", "/api/stats", "/api/events.geojson"] {
                if endpoint != "/api/events"
                    && (p == "cursor" || (p == "limit" && endpoint == "/api/stats"))
                {
                    continue;
                }
                let path = format!("{endpoint}?{p}={}", enc(v));
                let (s, _, b) = srv.request("GET", &path, &[], b"");
                assert!(
                    s == 200 || s == 400,
                    "{path}: {s} {}",
                    String::from_utf8_lossy(&b)
                );
                let body: serde_json::Value = serde_json::from_slice(&b).unwrap();
                if s == 400 {
                    code(&body);
                } else if endpoint == "/api/events" && ["admin1", "actor"].contains(&p) {
                    assert_eq!(
                        body["events"].as_array().unwrap().len(),
                        0,
                        "{path} matched: {body}"
                    );
                }
            }
        }
    }
    let (_, after) = srv.get_json("/api/meta");
    assert_eq!(before["counts"], after["counts"], "the store changed");
}

#[test]
fn static_route_refuses_traversal() {
    let (_dir, db) = store();
    let srv = Server::start(&db, None);
    for p in [
        "/assets/../Cargo.toml",
        "/assets/..%2f..%2fCargo.toml",
        "/assets/%2e%2e/%2e%2e/Cargo.toml",
        "/assets/vendor/../../../../etc/passwd",
        "/assets//etc/passwd",
        "/..%2f..%2fetc/passwd",
    ] {
        let (s, _, b) = srv.request("GET", p, &[], b"");
        assert_eq!(s, 404, "{p}: {}", String::from_utf8_lossy(&b));
        assert!(!String::from_utf8_lossy(&b).contains("[workspace]"));
    }
    let (s, h, _) = srv.request("GET", "/assets/vendor/leaflet.js", &[], b"");
    assert_eq!(s, 200);
    assert!(h
        .iter()
        .any(|(k, v)| k == "content-type" && v.starts_with("text/javascript")));
}

#[test]
fn writes_need_the_token_and_then_go_through_the_pipeline() {
    let (_dir, db) = store();
    let article = serde_json::json!({
        "id": "http-test-1",
        "title": "Gunmen kill two policemen in Dera Ismail Khan",
        "published": "2026-03-10",
        "text": "DERA ISMAIL KHAN: Unidentified gunmen shot dead two policemen at a checkpost in Dera Ismail Khan on Monday, police said.\n\nThe attackers fled the scene, a police official said."
    })
    .to_string();
    let json = [("Content-Type", "application/json")];

    // read-only server
    {
        let srv = Server::start(&db, None);
        let (s, _, b) = srv.request(
            "POST",
            "/api/articles",
            &[json[0], ("Authorization", "Bearer x")],
            article.as_bytes(),
        );
        assert_eq!(s, 403);
        assert_eq!(code(&serde_json::from_slice(&b).unwrap()), "read_only");
    }
    let srv = Server::start(&db, Some("correct-horse"));
    let (_, before) = srv.get_json("/api/meta");
    let (s, h, _) = srv.request(
        "POST",
        "/api/articles",
        &[json[0], ("Authorization", "Bearer wrong")],
        article.as_bytes(),
    );
    assert_eq!(s, 401);
    assert!(h.iter().any(|(k, _)| k == "www-authenticate"));
    let (s, _, _) = srv.request("POST", "/api/articles", &json, article.as_bytes());
    assert_eq!(s, 401);
    let auth = ("Authorization", "Bearer correct-horse");
    let (s, _, b) = srv.request(
        "POST",
        "/api/articles",
        &[json[0], auth, ("Origin", "http://attacker.example")],
        article.as_bytes(),
    );
    assert_eq!(s, 403, "{}", String::from_utf8_lossy(&b));
    for (body, status, want) in [
        ("{oops", 400, "invalid_json"),
        ("\"text\"", 400, "invalid_json"),
        ("{\"title\":\"no body\"}", 422, "invalid_article"),
    ] {
        let (s, _, b) = srv.request("POST", "/api/articles", &[json[0], auth], body.as_bytes());
        assert_eq!(s, status, "{body}");
        assert_eq!(code(&serde_json::from_slice(&b).unwrap()), want);
    }
    let big = vec![b'x'; 11 * 1024 * 1024];
    let (s, _, _) = srv.request("POST", "/api/articles", &[json[0], auth], &big);
    assert_eq!(s, 413);
    let (s, _, _) = srv.request(
        "POST",
        "/api/articles",
        &[("Content-Type", "text/plain"), auth],
        article.as_bytes(),
    );
    assert_eq!(s, 415);
    let (_, mid) = srv.get_json("/api/meta");
    assert_eq!(
        before["counts"], mid["counts"],
        "refused writes changed the store"
    );

    let (s, _, b) = srv.request(
        "POST",
        "/api/articles",
        &[json[0], auth],
        article.as_bytes(),
    );
    let ans: serde_json::Value = serde_json::from_slice(&b).unwrap();
    assert_eq!(s, 200, "{ans}");
    assert_eq!(ans["report"]["added"], 1);
    assert_eq!(ans["accepted"][0]["id"], "http-test-1");
    let (s, art) = srv.get_json("/api/articles/http-test-1");
    assert_eq!(s, 200);
    assert!(art["text"].as_str().unwrap().contains("checkpost"));
    let (_, after) = srv.get_json("/api/meta");
    assert_eq!(
        after["counts"]["articles"].as_u64().unwrap(),
        before["counts"]["articles"].as_u64().unwrap() + 1
    );
    // idempotent
    let (_, _, b) = srv.request(
        "POST",
        "/api/articles",
        &[json[0], auth],
        article.as_bytes(),
    );
    let ans: serde_json::Value = serde_json::from_slice(&b).unwrap();
    assert_eq!(ans["report"]["unchanged"], 1, "{ans}");
}

/// A read-only server answers from a store on read-only media (here a tmpfs remounted
/// `ro`; needs root to mount, skipped loudly otherwise).
#[test]
fn a_read_only_server_answers_from_read_only_media() {
    use std::process::Command;
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !is_root {
        eprintln!("\n!!!!! SKIPPED a_read_only_server_answers_from_read_only_media: not root, cannot mount a tmpfs\n");
        return;
    }
    let (_dir, db) = store();
    let mnt = tempfile::tempdir().expect("mount point");
    let m = mnt.path();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64m", "tmpfs"])
        .arg(m)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("\n!!!!! SKIPPED a_read_only_server_answers_from_read_only_media: mount -t tmpfs is not permitted here\n");
        return;
    }
    struct Unmount<'a>(&'a std::path::Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(self.0).status();
        }
    }
    let _unmount = Unmount(m);
    // a checkpointed copy: no -wal or -shm beside it
    let ro_db = m.join("ro.db");
    std::fs::copy(&db, &ro_db).expect("copy the store");
    let remounted = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(m)
        .status()
        .is_ok_and(|s| s.success());
    assert!(remounted, "remount ro");
    let srv = Server::start(&ro_db, None);
    let (s, meta) = srv.get_json("/api/meta");
    assert_eq!(s, 200, "{meta}");
    assert!(meta["counts"]["events"].as_u64().unwrap_or(0) > 0, "{meta}");
    let (s, page) = srv.get_json("/api/events?limit=3");
    assert_eq!(s, 200, "{page}");
    assert_eq!(page["events"].as_array().unwrap().len(), 3);
    let (s, _) = srv.get_json("/api/stats?group=week");
    assert_eq!(s, 200);
}
