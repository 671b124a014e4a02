//! `sitrep ingest`: read news, extract events, and keep both in the store.
//!
//! Articles are read one by one, extracted in batches (in parallel over the
//! cores) and written one batch per store transaction, so each article is
//! committed whole or not at all: a `kill -9` loses at most the batch in flight,
//! and a rerun adds exactly what is missing (ingest is idempotent).
//! Progress: a bar on a terminal (articles/s, events, ETA over the input
//! files), plain log lines otherwise; `--quiet` prints only errors.

use crate::cli::IngestArgs;
use crate::pipeline::{self, BatchSink, Step};
use sitrep_extract::ExtractOptions;
use sitrep_model::Article;
use sitrep_store::{ArticleReports, IngestReport, Store};
use std::fmt::Display;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// A batch is also written when it has waited this long (slow inputs, stdin).
const BATCH_MAX_WAIT: Duration = Duration::from_secs(2);

/// Counts the files under the inputs (for the progress bar's ETA).
fn count_files(paths: &[PathBuf]) -> u64 {
    fn walk(p: &Path, n: &mut u64, depth: usize) {
        if depth > 64 {
            return;
        }
        match std::fs::read_dir(p) {
            Ok(rd) => {
                for e in rd.flatten() {
                    if e.file_name().to_string_lossy().starts_with('.') {
                        continue;
                    }
                    let path = e.path();
                    if path.is_dir() {
                        walk(&path, n, depth + 1);
                    } else {
                        *n += 1;
                    }
                }
            }
            Err(_) => *n += 1,
        }
    }
    let mut n = 0;
    for p in paths {
        if p.is_dir() {
            walk(p, &mut n, 0);
        } else {
            n += 1;
        }
    }
    n
}

struct Progress {
    bar: Option<indicatif::ProgressBar>,
    quiet: bool,
    start: Instant,
    last_log: Instant,
    articles: u64,
    events: u64,
    files_done: u64,
    last_input: Option<String>,
}

impl Progress {
    fn new(quiet: bool, files: u64) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(files.max(1));
            let style = indicatif::ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} files  {msg}  ETA {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            quiet,
            start: Instant::now(),
            last_log: Instant::now(),
            articles: 0,
            events: 0,
            files_done: 0,
            last_input: None,
        }
    }

    fn saw_input(&mut self, input: &str) {
        if self.last_input.as_deref() != Some(input) {
            if self.last_input.is_some() {
                self.files_done += 1;
            }
            self.last_input = Some(input.to_string());
        }
    }

    fn rate(&self) -> f64 {
        self.articles as f64 / self.start.elapsed().as_secs_f64().max(1e-3)
    }

    fn update(&mut self, articles: u64, events: u64) {
        self.articles += articles;
        self.events += events;
        let msg = format!(
            "{} articles, {} events, {:.0} articles/s",
            self.articles,
            self.events,
            self.rate()
        );
        if let Some(bar) = &self.bar {
            bar.set_position(self.files_done);
            bar.set_message(msg);
        } else if !self.quiet && self.last_log.elapsed() >= Duration::from_secs(5) {
            eprintln!("sitrep: ingest: {msg}");
            self.last_log = Instant::now();
        }
    }

    /// Prints a line without breaking the bar.
    fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Stores each batch and keeps the counts and the progress display.
struct IngestSink<'a> {
    store: &'a dyn Store,
    progress: Progress,
    total: IngestReport,
    rejected: u64,
}

impl BatchSink for IngestSink<'_> {
    fn article(&mut self, article: &Article) {
        self.progress.saw_input(&article.input);
    }

    fn rejected(&mut self, error: &dyn Display) {
        self.rejected += 1;
        self.progress.println(&format!("sitrep: {error}"));
    }

    fn batch(&mut self, reports: Vec<ArticleReports>, _last: bool) -> anyhow::Result<Step> {
        let n = reports.len() as u64;
        let events: u64 = reports.iter().map(|r| r.events.len() as u64).sum();
        let r = self.store.ingest(&reports)?;
        self.total.added += r.added;
        self.total.unchanged += r.unchanged;
        self.total.replaced += r.replaced;
        self.total.events_touched += r.events_touched;
        self.progress.update(n, events);
        Ok(Step::Continue)
    }
}

/// Runs `sitrep ingest`.
pub fn run(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let read = &args.extract.read;
    if read.format != crate::cli::Format::Jsonl {
        anyhow::bail!("--format does not apply to ingest (events go to the store; use `sitrep events --format`)");
    }
    let store = crate::db::open(&args.db.db)?;
    let extractor = pipeline::build_extractor(&args.extract)?;
    let reading = crate::reading::Reading::new(read)?;
    let ex_opts = ExtractOptions {
        published: reading.published(),
    };
    let quiet = read.quiet;
    let paths: Vec<PathBuf> = if read.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        read.paths.clone()
    };
    let mut sink = IngestSink {
        store: store.as_ref(),
        progress: Progress::new(quiet, count_files(&paths)),
        total: IngestReport::default(),
        rejected: 0,
    };
    let items = paths.iter().flat_map(|p| reading.read(p));
    pipeline::run(items, &extractor, &ex_opts, Some(BATCH_MAX_WAIT), &mut sink)?;
    let IngestSink {
        progress,
        total,
        rejected,
        ..
    } = sink;
    progress.finish();

    if !quiet {
        let counts = store.counts()?;
        let secs = progress.start.elapsed().as_secs_f64();
        eprintln!(
            "sitrep: ingested {} articles ({} new, {} unchanged, {} replaced), {} events touched, {} inputs rejected, in {:.1} s ({:.0} articles/s); the store holds {} articles, {} reports, {} events",
            progress.articles,
            total.added,
            total.unchanged,
            total.replaced,
            total.events_touched,
            rejected,
            secs,
            progress.rate(),
            counts.articles,
            counts.reports,
            counts.events
        );
    }
    Ok(if rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
