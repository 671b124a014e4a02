//! The dashboard in a real browser: Debian's headless Chromium driven by
//! playwright-core (`tests/browser/dashboard.mjs`) against the real `sitrep serve`
//! over a store ingested from the `examples/` articles. Screenshots land in
//! `artifacts/browser/`.
//!
//! Needs `chromium` (apt) and `npm ci` in `tests/browser/`. When either is missing
//! the test skips with a loud message, or fails under `SITREP_REQUIRE_SERVICES=1`.

mod serve_util;

use serve_util::{repo, services_required, Server};
use std::path::Path;
use std::process::Command;

fn missing(what: &str) {
    let msg = format!(
        "\n\n!!!!! SKIPPED browser test: {what}.\n!!!!! Install with `apt-get install -y chromium` and `(cd tests/browser && npm ci)`.\n"
    );
    if services_required() {
        panic!("{msg}(SITREP_REQUIRE_SERVICES=1: failing instead of skipping)");
    }
    eprintln!("{msg}");
}

#[test]
fn dashboard_in_headless_chromium() {
    let root = repo();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return missing(&format!("no Chromium at {chromium}"));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return missing("no `node` on PATH");
    }
    let driver = root.join("tests/browser/node_modules/playwright-core");
    if !driver.exists() {
        return missing("tests/browser/node_modules is absent (run `npm ci` there)");
    }

    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("browser.db");
    serve_util::ingest(&db, &[root.join("examples")]);
    let server = Server::start(&db, None);
    let (_, meta) = server.get_json("/api/meta");
    assert!(
        meta["counts"]["events"].as_u64().unwrap_or(0) > 0,
        "the examples gave no events: {meta}"
    );

    let artifacts = root.join("artifacts/browser");
    let out = Command::new("node")
        .arg(root.join("tests/browser/dashboard.mjs"))
        .arg(server.base())
        .arg(&artifacts)
        .env("CHROMIUM", &chromium)
        .current_dir(root.join("tests/browser"))
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        out.status.success(),
        "browser checks failed (screenshots in {}):\n{stdout}",
        artifacts.display()
    );
}
