//! The read → extract → store loop shared by `sitrep ingest` (SQLite or
//! PostgreSQL, files given on the command line) and `sitrep worker` (inputs
//! claimed from the PostgreSQL work queue): articles are gathered into batches,
//! each batch is extracted over all cores (keeping the order) and handed to the
//! caller's [`BatchSink`] as one store call.

use anyhow::Context;
use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_model::Article;
use sitrep_store::ArticleReports;
use std::fmt::Display;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Articles per batch (one `Store::ingest` call; each article is still
/// committed whole or not at all).
pub const BATCH: usize = 64;

/// Builds the extractor from the embedded gazetteer plus the user's files
/// (`--places`, `--actors`).
pub fn build_extractor(args: &crate::cli::ExtractArgs) -> anyhow::Result<Extractor> {
    let mut gaz = sitrep_gazetteer::Gazetteer::embedded().context("loading the gazetteer")?;
    if let Some(p) = &args.places {
        gaz.add_places_file(p)
            .with_context(|| format!("--places {}", p.display()))?;
    }
    if let Some(p) = &args.actors {
        gaz.add_actors_file(p)
            .with_context(|| format!("--actors {}", p.display()))?;
    }
    Ok(Extractor::new(Arc::new(gaz)))
}

/// Extracts the events of each article, over all cores, keeping the order.
pub fn extract_batch(
    ex: &Extractor,
    opts: &ExtractOptions,
    batch: Vec<Article>,
) -> Vec<ArticleReports> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(batch.len().max(1));
    let one = |article: Article| {
        let events = ex.extract(&article, opts);
        ArticleReports { article, events }
    };
    if threads <= 1 {
        return batch.into_iter().map(one).collect();
    }
    let chunk = batch.len().div_ceil(threads);
    let mut parts: Vec<Vec<Article>> = Vec::new();
    let mut it = batch.into_iter().peekable();
    while it.peek().is_some() {
        parts.push(it.by_ref().take(chunk).collect());
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| s.spawn(move || part.into_iter().map(one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Whether the loop goes on after a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Read on.
    Continue,
    /// Stop reading (e.g. a worker lost its lease); the articles not yet
    /// batched are dropped.
    Stop,
}

/// What the caller does with the loop's results.
pub trait BatchSink {
    /// An article was read (before it is batched).
    fn article(&mut self, _article: &Article) {}
    /// An input (or a part of one) could not be read; the loop goes on.
    fn rejected(&mut self, error: &dyn Display);
    /// A batch, extracted: store it. `last`: the input is exhausted (nothing
    /// follows this batch).
    fn batch(&mut self, reports: Vec<ArticleReports>, last: bool) -> anyhow::Result<Step>;
}

/// Reads `items`, extracts them in batches of [`BATCH`] articles and hands
/// each batch to `sink`. With `max_wait`, a batch is also handed over when
/// an article arrives after the batch has waited that long (slow inputs,
/// stdin). Returns [`Step::Stop`] when the sink stopped the loop.
pub fn run<E: Display>(
    items: impl Iterator<Item = Result<Article, E>>,
    ex: &Extractor,
    opts: &ExtractOptions,
    max_wait: Option<Duration>,
    sink: &mut dyn BatchSink,
) -> anyhow::Result<Step> {
    let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
    let mut started = Instant::now();
    for item in items {
        match item {
            Ok(article) => {
                sink.article(&article);
                if batch.is_empty() {
                    started = Instant::now();
                }
                batch.push(article);
                let waited = max_wait.is_some_and(|w| started.elapsed() >= w);
                if batch.len() >= BATCH || waited {
                    let reports = extract_batch(ex, opts, std::mem::take(&mut batch));
                    if sink.batch(reports, false)? == Step::Stop {
                        return Ok(Step::Stop);
                    }
                }
            }
            Err(e) => sink.rejected(&e),
        }
    }
    if batch.is_empty() {
        return Ok(Step::Continue);
    }
    let reports = extract_batch(ex, opts, batch);
    sink.batch(reports, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records what the loop hands over; stops after `stop_after` batches.
    struct Record {
        seen: Vec<String>,
        errors: Vec<String>,
        batches: Vec<Vec<String>>,
        lasts: Vec<bool>,
        stop_after: usize,
    }

    impl Record {
        fn stopping_after(stop_after: usize) -> Self {
            Record {
                seen: Vec::new(),
                errors: Vec::new(),
                batches: Vec::new(),
                lasts: Vec::new(),
                stop_after,
            }
        }
    }

    impl BatchSink for Record {
        fn article(&mut self, a: &Article) {
            self.seen.push(a.id.clone());
        }
        fn rejected(&mut self, e: &dyn Display) {
            self.errors.push(e.to_string());
        }
        fn batch(&mut self, reports: Vec<ArticleReports>, last: bool) -> anyhow::Result<Step> {
            self.batches
                .push(reports.into_iter().map(|r| r.article.id).collect());
            self.lasts.push(last);
            Ok(if self.batches.len() >= self.stop_after {
                Step::Stop
            } else {
                Step::Continue
            })
        }
    }

    fn extractor() -> Extractor {
        Extractor::new(Arc::new(
            sitrep_gazetteer::Gazetteer::embedded().expect("embedded gazetteer"),
        ))
    }

    fn items(n: usize, bad_every: usize) -> Vec<Result<Article, String>> {
        (0..n)
            .map(|i| {
                if bad_every > 0 && i % bad_every == bad_every - 1 {
                    Err(format!("bad input {i}"))
                } else {
                    Ok(Article {
                        id: format!("a{i:03}"),
                        input: "test".into(),
                        text: format!("Item {i}: a meeting was held in Quetta on Monday."),
                        ..Article::default()
                    })
                }
            })
            .collect()
    }

    #[test]
    fn batches_keep_order_report_errors_and_flush_the_rest() {
        let ex = extractor();
        let opts = ExtractOptions::default();
        let mut rec = Record::stopping_after(usize::MAX);
        let input = items(150, 10);
        let step = run(input.into_iter(), &ex, &opts, None, &mut rec).expect("run");
        assert_eq!(step, Step::Continue);
        assert_eq!(rec.errors.len(), 15);
        assert_eq!(rec.seen.len(), 135);
        let sizes: Vec<usize> = rec.batches.iter().map(Vec::len).collect();
        assert_eq!(sizes, vec![BATCH, BATCH, 135 - 2 * BATCH]);
        let flat: Vec<String> = rec.batches.concat();
        assert_eq!(flat, rec.seen, "every article once, in reading order");
        assert_eq!(
            rec.lasts,
            vec![false, false, true],
            "only the final flush is the last"
        );
    }

    #[test]
    fn a_sink_can_stop_the_loop_and_a_wait_limit_cuts_batches() {
        let ex = extractor();
        let opts = ExtractOptions::default();
        let mut rec = Record::stopping_after(1);
        let step = run(items(200, 0).into_iter(), &ex, &opts, None, &mut rec).expect("run");
        assert_eq!(step, Step::Stop);
        assert_eq!(rec.batches.len(), 1);
        assert_eq!(rec.seen.len(), BATCH, "reading stops with the batch");
        // A zero wait hands every article over at once.
        let mut rec = Record::stopping_after(usize::MAX);
        run(
            items(5, 0).into_iter(),
            &ex,
            &opts,
            Some(Duration::ZERO),
            &mut rec,
        )
        .expect("run");
        assert_eq!(rec.batches.len(), 5);
    }
}
