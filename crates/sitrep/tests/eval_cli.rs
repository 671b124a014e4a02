//! `sitrep eval` end to end on the eval crate's invented fixtures: the new dataset
//! kinds load, the extractor runs, and `--format json` gives the same figures as
//! the table.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_sitrep")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../eval/tests/fixtures")
        .join(name)
}

fn eval(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(bin())
        .arg("eval")
        .args(args)
        .output()
        .expect("run sitrep eval");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn wiki_eval_as_a_table_and_as_json() {
    let gold = fixture("wiki.json");
    let gold = gold.to_str().expect("utf-8 path");
    let (ok, table, err) = eval(&["--kind", "wiki", "--gold", gold]);
    assert!(ok, "{err}");
    assert!(table.starts_with("Wiki: 4 records"), "{table}");
    for row in ["event_type", "fatalities.victims", "perpetrator", "country"] {
        assert!(table.contains(row), "no {row} row: {table}");
    }
    let (ok, json, err) = eval(&["--kind", "wiki", "--gold", gold, "--format", "json"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).expect("one JSON object");
    assert_eq!(v["kind"], "wiki");
    assert_eq!(v["records"], 4);
    let fields = v["fields"].as_array().expect("fields");
    let country = fields
        .iter()
        .find(|f| f["field"] == "country")
        .expect("country row");
    assert_eq!(country["n"], 3);
    // The same figure as the table prints.
    let pct = format!(
        "{:.1}%",
        100.0 * country["accuracy"].as_f64().expect("accuracy")
    );
    let line = table
        .lines()
        .find(|l| l.starts_with("country "))
        .expect("country line");
    assert!(line.contains(&pct), "{line} vs {pct}");
}

#[test]
fn drone_and_suicide_lists_load_and_bad_gold_fails() {
    for (kind, file) in [("drone", "drone.csv"), ("suicide", "suicide.csv")] {
        let gold = fixture(file);
        let (ok, table, err) = eval(&["--kind", kind, "--gold", gold.to_str().unwrap()]);
        assert!(ok, "{kind}: {err}");
        assert!(table.contains("records"), "{table}");
        let (ok, table, err) = eval(&[
            "--kind",
            kind,
            "--recognition",
            "--gold",
            gold.to_str().unwrap(),
        ]);
        assert!(ok, "{kind}: {err}");
        assert!(table.contains("admin1"), "{table}");
    }
    let wrong = fixture("gtd.geojson");
    let (ok, _, err) = eval(&["--kind", "drone", "--gold", wrong.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("drone"), "{err}");
}

/// The date row of the MUC fixture: its first message's "LAST NIGHT" counts from
/// the dateline (20 APR 90) and hits the key's 19 APR; with the key's date given as
/// the publication date (`--published-from-gold`) it counts from 19 APR and misses.
#[test]
fn muc_eval_publication_date_from_the_dateline_or_from_the_gold() {
    let gold = fixture("muc4");
    let gold = gold.to_str().expect("utf-8 path");
    let date_correct = |extra: &[&str]| {
        let mut args = vec!["--kind", "muc", "--gold", gold, "--format", "json"];
        args.extend_from_slice(extra);
        let (ok, json, err) = eval(&args);
        assert!(ok, "{err}");
        let v: serde_json::Value = serde_json::from_str(&json).expect("one JSON object");
        let fields = v["fields"].as_array().expect("fields").clone();
        let date = fields
            .iter()
            .find(|f| f["field"] == "date")
            .expect("date row")
            .clone();
        assert_eq!(date["n"], 3, "{date}");
        date["correct"].as_u64().expect("correct")
    };
    let own = date_correct(&[]);
    let from_gold = date_correct(&["--published-from-gold"]);
    assert_eq!(own, from_gold + 1, "dateline {own}, gold {from_gold}");
}
