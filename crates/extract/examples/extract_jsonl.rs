//! Reads articles as JSON lines (the `Article` shape of `sitrep articles`) on
//! stdin and prints the events as JSON lines: a harness for development
//! scripts and benchmarks that needs no reader.
//!
//! `cargo run -p sitrep-extract --example extract_jsonl [--published YYYY-MM-DD] < articles.jsonl`

use std::io::{BufRead, Write};
use std::sync::Arc;

use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_gazetteer::Gazetteer;
use sitrep_model::Article;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let published = args
        .iter()
        .position(|a| a == "--published")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    let gaz = match Gazetteer::embedded() {
        Ok(g) => Arc::new(g),
        Err(e) => {
            eprintln!("gazetteer: {e}");
            std::process::exit(2);
        }
    };
    let ex = Extractor::new(gaz);
    let opts = ExtractOptions { published };
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let art: Article = match serde_json::from_str(&line) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("skipping a line: {e}");
                continue;
            }
        };
        for ev in ex.extract(&art, &opts) {
            if let Ok(s) = serde_json::to_string(&ev) {
                let _ = writeln!(out, "{s}");
            }
        }
    }
}
