//! `sitrep extract`: read news, code events, write them to stdout (SPEC §1).
//! Stateless: no database. Articles are coded in batches spread over the
//! machine's cores; output keeps input order.

use crate::cli::{ExtractArgs, Format};
use crate::reading::{exit_code, Reading};
use anyhow::Context;
use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_gazetteer::Gazetteer;
use sitrep_model::{Article, Event};
use std::io;
use std::process::ExitCode;
use std::sync::Arc;

/// Articles coded together (one batch is spread over the threads).
const BATCH: usize = 512;

fn export_format(f: Format) -> sitrep_export::Format {
    match f {
        Format::Jsonl => sitrep_export::Format::Jsonl,
        Format::Json => sitrep_export::Format::Json,
        Format::Csv => sitrep_export::Format::Csv,
        Format::AcledCsv => sitrep_export::Format::AcledCsv,
        Format::Geojson => sitrep_export::Format::Geojson,
        Format::Parquet => sitrep_export::Format::Parquet,
    }
}

/// Builds the gazetteer with the user's extra dictionaries.
pub fn gazetteer(args: &ExtractArgs) -> anyhow::Result<Arc<Gazetteer>> {
    let mut gaz = Gazetteer::embedded().context("loading the embedded gazetteer")?;
    if let Some(p) = &args.places {
        gaz.add_places_file(p)
            .with_context(|| format!("--places {}", p.display()))?;
    }
    if let Some(p) = &args.actors {
        gaz.add_actors_file(p)
            .with_context(|| format!("--actors {}", p.display()))?;
    }
    Ok(Arc::new(gaz))
}

/// Codes a batch of articles on all cores, keeping their order.
pub fn extract_batch(ex: &Extractor, batch: &[Article], opts: &ExtractOptions) -> Vec<Vec<Event>> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 64);
    if threads == 1 || batch.len() < 8 {
        return batch.iter().map(|a| ex.extract(a, opts)).collect();
    }
    let chunk = batch.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = batch
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || part.iter().map(|a| ex.extract(a, opts)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Runs `sitrep extract`.
pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let reading = Reading::new(&args.read)?;
    let gaz = gazetteer(&args)?;
    let ex = Extractor::new(gaz);
    let opts = ExtractOptions {
        published: reading.published(),
    };
    let mut all = reading.articles();
    let out = io::BufWriter::with_capacity(256 * 1024, io::stdout());
    let mut w = sitrep_export::writer(export_format(args.read.format), out);
    let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
    let mut done = false;
    while !done {
        batch.clear();
        for a in all.by_ref() {
            batch.push(a);
            if batch.len() == BATCH {
                break;
            }
        }
        if batch.len() < BATCH {
            done = true;
        }
        for evs in extract_batch(&ex, &batch, &opts) {
            for ev in &evs {
                if let Err(e) = w.write(ev) {
                    if e.is_broken_pipe() {
                        return Ok(exit_code(all.rejected()));
                    }
                    return Err(anyhow::Error::new(e).context("writing events"));
                }
            }
        }
    }
    if let Err(e) = w.finish() {
        if !e.is_broken_pipe() {
            return Err(anyhow::Error::new(e).context("writing events"));
        }
    }
    // The process ends right after this: tearing down the gazetteer's automata
    // and tables (hundreds of thousands of small allocations) is pure cost for a
    // one-shot command, ~8% of the CPU of a small `extract` run. The OS frees it.
    std::mem::forget(ex);
    Ok(exit_code(all.rejected()))
}
