//! Throughput of reading + normalising: `read_bench PATH...` reads every input
//! with [`sitrep_ingest::read_path`], normalises each article's text for
//! matching (NFC, punctuation, case, diacritics, offset map) and splits it into
//! sentences, then prints input MB/s and articles/s (single thread).
//!
//! usage: `cargo run --release -p sitrep-ingest --example read_bench -- PATH... [--repeat N]`

use std::path::PathBuf;
use std::time::Instant;

fn input_bytes(p: &std::path::Path) -> u64 {
    if p.is_dir() {
        std::fs::read_dir(p)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| input_bytes(&e.path()))
                    .sum()
            })
            .unwrap_or(0)
    } else {
        std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
    }
}

fn main() {
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut repeat = 3usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--repeat" {
            repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(3);
        } else {
            paths.push(PathBuf::from(a));
        }
    }
    if paths.is_empty() || paths.iter().any(|p| !p.exists()) {
        eprintln!("read_bench: SKIP: give existing paths (got {paths:?})");
        return;
    }
    let bytes: u64 = paths.iter().map(|p| input_bytes(p)).sum();
    let opts = sitrep_ingest::ReadOptions::default();
    let mut best = f64::MAX;
    let (mut arts, mut errs, mut sents, mut text_bytes) = (0usize, 0usize, 0usize, 0usize);
    for _ in 0..repeat.max(1) {
        (arts, errs, sents, text_bytes) = (0, 0, 0, 0);
        let t = Instant::now();
        for p in &paths {
            for r in sitrep_ingest::read_path(p, &opts) {
                match r {
                    Ok(a) => {
                        arts += 1;
                        text_bytes += a.text.len();
                        let n = sitrep_text::normalize::normalize(
                            &a.text,
                            sitrep_text::normalize::NormalizeOptions::matching(),
                        );
                        std::hint::black_box(n.text().len());
                        sents += sitrep_text::sentences::split_sentences(&a.text).len();
                    }
                    Err(_) => errs += 1,
                }
            }
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "read_bench: {} input MB, {arts} articles ({errs} rejected), {:.1} MB of text, {sents} sentences; best of {repeat}: {best:.3} s = {:.0} MB/s, {:.0} articles/s",
        mb.round(),
        text_bytes as f64 / 1e6,
        mb / best,
        arts as f64 / best
    );
}
