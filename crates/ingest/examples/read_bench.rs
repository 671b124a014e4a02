//! Throughput of reading + normalising: `read_bench PATH...` reads every input
//! with [`sitrep_ingest::read_path`], normalises each article's text for
//! matching (NFC, punctuation, case, diacritics, offset map) and, with
//! `--sentences`, splits it into sentences; then prints input MB/s and articles/s (single thread).
//!
//! usage: `cargo run --release -p sitrep-ingest --example read_bench -- PATH... [--repeat N] [--sentences]`

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

/// CPU seconds (user + system) this process has used, from `/proc/self/stat`
/// (Linux; 0 elsewhere). Under a loaded machine, MB per CPU-second is the
/// honest per-core figure.
fn cpu_secs() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    // Fields 14 and 15 of stat are utime and stime; `after` starts at field 3.
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut repeat = 3usize;
    let mut sentences = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--sentences" {
            sentences = true;
        } else if a == "--repeat" {
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
    let mut total_cpu = 0.0f64;
    let (mut arts, mut errs, mut sents, mut text_bytes) = (0usize, 0usize, 0usize, 0usize);
    for _ in 0..repeat.max(1) {
        (arts, errs, sents, text_bytes) = (0, 0, 0, 0);
        let t = Instant::now();
        let c = cpu_secs();
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
                        if sentences {
                            sents += sitrep_text::sentences::split_sentences(&a.text).len();
                        }
                    }
                    Err(_) => errs += 1,
                }
            }
        }
        best = best.min(t.elapsed().as_secs_f64());
        total_cpu += cpu_secs() - c;
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "read_bench: {mb:.1} input MB, {arts} articles ({errs} rejected), {:.1} MB of text, {sents} sentences; best of {repeat}: {best:.3} s wall = {:.0} MB/s, {:.0} articles/s; mean {:.3} CPU-s per run = {:.0} MB per CPU-second",
        text_bytes as f64 / 1e6,
        mb / best,
        arts as f64 / best,
        total_cpu / repeat.max(1) as f64,
        mb * repeat.max(1) as f64 / total_cpu.max(0.01)
    );
}
