//! Runs the HTML extractor over the article-extraction benchmark pages and
//! writes `{page_id: {"articleBody": text}}` JSON for `html_f1.py`.
//!
//! usage: `html_bench [HTML_DIR] [OUT.json] [REPEAT]` (defaults:
//! `../shared/data/bench/html/html`, `/tmp/sitrep_html_pred.json`, 1).
//! Prints pages, seconds spent in extraction only (after reading and
//! decompressing every page) and pages per second on stderr.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/data/bench/html/html".to_owned()),
    );
    let out = args
        .next()
        .unwrap_or_else(|| "/tmp/sitrep_html_pred.json".to_owned());
    let repeat: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(1);
    if !dir.is_dir() {
        eprintln!("html_bench: SKIP: {} is not a directory", dir.display());
        return Ok(());
    }
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(id) = name.strip_suffix(".html.gz") else {
            continue;
        };
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path)?).read_to_end(&mut bytes)?;
        pages.push((id.to_owned(), String::from_utf8_lossy(&bytes).into_owned()));
    }
    pages.sort();
    let mut pred = BTreeMap::new();
    let mut failed = 0usize;
    let start = Instant::now();
    for round in 0..repeat {
        for (id, html) in &pages {
            let body = match sitrep_ingest::html::extract(html, None) {
                Ok(doc) => doc.text,
                Err(e) => {
                    if round == 0 {
                        failed += 1;
                        eprintln!("html_bench: {id}: {e}");
                    }
                    String::new()
                }
            };
            if round == 0 {
                let mut m = BTreeMap::new();
                m.insert("articleBody", body);
                pred.insert(id.clone(), m);
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let n = pages.len() * repeat;
    eprintln!(
        "html_bench: {} pages x{repeat}, {failed} without article, {secs:.3} s, {:.1} pages/s",
        pages.len(),
        n as f64 / secs
    );
    std::fs::write(&out, serde_json::to_string(&pred)?)?;
    eprintln!("html_bench: wrote {out}");
    Ok(())
}
