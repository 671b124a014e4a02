//! Recognition speed: `cargo run -p sitrep-gazetteer --release --example recognition_bench [-- DIR]`.
//!
//! Loads the embedded gazetteer (reports the time to ready), then runs
//! `recognise` (and separately `recognise` + `resolve`) over every text file
//! under `../shared/data/bench/bbc/` (or DIR), one article at a time, on one
//! thread, several rounds; prints MB/s. Reads the corpus in place, copies
//! nothing.

use std::path::{Path, PathBuf};
use std::time::Instant;

use sitrep_gazetteer::{DocContext, Gazetteer};

fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            if let Ok(b) = std::fs::read(&p) {
                out.push(String::from_utf8_lossy(&b).into_owned());
            }
        }
    }
}

/// CPU time (user + system) of this process in seconds, from /proc (Linux);
/// the machine is shared, so CPU time is the fairer clock.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/bench/bbc"
            ))
        });
    let c0 = cpu_seconds();
    let t0 = Instant::now();
    #[allow(unused_mut)]
    let mut g = Gazetteer::embedded()?;
    let ready = t0.elapsed();
    // SITREP_BENCH_FULL=1: match with every phrase hashed at start-up (as when
    // user places are added), instead of the pre-built place table.
    if std::env::var_os("SITREP_BENCH_FULL").is_some() {
        let empty = std::env::temp_dir().join(format!("sitrep-bench-{}.tsv", std::process::id()));
        std::fs::write(&empty, "")?;
        let t = Instant::now();
        let c = cpu_seconds();
        g.add_places_file(&empty)?;
        let _ = std::fs::remove_file(&empty);
        println!(
            "full matcher built in {:.0} ms wall, {} CPU",
            t.elapsed().as_secs_f64() * 1000.0,
            c.zip(cpu_seconds())
                .map(|(a, b)| format!("{:.0} ms", (b - a) * 1000.0))
                .unwrap_or_else(|| "?".into())
        );
    }
    let cready = c0.zip(cpu_seconds()).map(|(a, b)| b - a);
    println!(
        "ready in {:.0} ms wall, {} CPU ({g:?})",
        ready.as_secs_f64() * 1000.0,
        cready
            .map(|c| format!("{:.0} ms", c * 1000.0))
            .unwrap_or_else(|| "?".into())
    );
    let mut docs = Vec::new();
    collect(&dir, &mut docs);
    if docs.is_empty() {
        eprintln!("SKIPPED: no .txt files under {}", dir.display());
        return Ok(());
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let rounds = 5;
    let mut best_rec = f64::MAX;
    let mut best_all = f64::MAX;
    let mut mentions = 0usize;
    let mut cpu_rec = 0.0;
    for _ in 0..rounds {
        let c = cpu_seconds();
        let t = Instant::now();
        let mut n = 0;
        for d in &docs {
            let r = g.recognise(d);
            n += r.places.len() + r.actors.len();
        }
        best_rec = best_rec.min(t.elapsed().as_secs_f64());
        cpu_rec += c.zip(cpu_seconds()).map(|(a, b)| b - a).unwrap_or(0.0);
        mentions = n;
        let t = Instant::now();
        for d in &docs {
            let r = g.recognise(d);
            let _ = g.resolve(d, &r, &DocContext::default());
        }
        best_all = best_all.min(t.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} articles, {:.2} MB, {} mentions; recognise: {:.1} MB/s wall (best of {rounds}), {:.1} MB/s per CPU-second; recognise+resolve: {:.1} MB/s wall (1 thread)",
        docs.len(),
        mb,
        mentions,
        mb / best_rec,
        if cpu_rec > 0.0 { mb * rounds as f64 / cpu_rec } else { f64::NAN },
        mb / best_all
    );
    Ok(())
}
