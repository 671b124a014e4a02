//! `sitrep queue` and `sitrep worker`: many ingest workers sharing one PostgreSQL store.
//!
//! `sitrep queue add PATH…` registers every file under the paths (folders are
//! expanded, hidden entries skipped) as one work item, each once, by absolute
//! path: workers on other machines need the same path (shared storage).
//! `sitrep worker` claims one item at a time (`FOR UPDATE SKIP LOCKED`), reads
//! it, extracts, ingests its articles in batches (each article one
//! transaction), renews its lease after every batch, and marks the item done.
//! A worker that dies leaves its item leased; when the lease expires another
//! worker takes it over and re-ingests it, which adds only what was missing
//! (ingest is idempotent). With `--exit-when-empty` a worker stops when
//! nothing is pending or leased (it waits for other workers' leases to finish
//! or expire, so that a dead worker's item is still done).

use crate::cli::{QueueAction, QueueArgs, WorkerArgs};
use crate::pipeline::{self, BatchSink, Step};
use crate::reading::{parse_day, parse_now};
use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_model::Article;
use sitrep_store::{ArticleReports, Store};
use sitrep_store_pg::{is_pg_url, Claim, PgStore};
use std::fmt::Display;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Claims of one item before it is given up (its workers keep dying or stalling).
const MAX_ATTEMPTS: i32 = 5;

fn open_pg(url: &str) -> anyhow::Result<PgStore> {
    if !is_pg_url(url.trim()) {
        anyhow::bail!(
            "the work queue lives in a PostgreSQL store: give --db postgres://… (or SITREP_DB); \
             for a SQLite file use `sitrep ingest`"
        );
    }
    Ok(PgStore::open(url.trim())?)
}

/// Every file under `p` (recursively, sorted, hidden entries skipped), as absolute paths.
fn expand(p: &Path, out: &mut Vec<String>, errors: &mut Vec<String>, depth: usize) {
    if depth > 64 {
        errors.push(format!("{}: folder nesting too deep", p.display()));
        return;
    }
    let abs = match std::fs::canonicalize(p) {
        Ok(a) => a,
        Err(e) => {
            errors.push(format!("{}: {e}", p.display()));
            return;
        }
    };
    if abs.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(&abs) {
            Ok(rd) => rd
                .filter_map(|e| e.ok())
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .map(|e| e.path())
                .collect(),
            Err(e) => {
                errors.push(format!("{}: {e}", p.display()));
                return;
            }
        };
        entries.sort();
        for e in entries {
            let is_link = std::fs::symlink_metadata(&e)
                .map(|m| m.file_type().is_symlink())
                .unwrap_or(false);
            if is_link && e.is_dir() {
                continue;
            }
            expand(&e, out, errors, depth + 1);
        }
    } else if abs.is_file() {
        out.push(abs.display().to_string());
    }
}

/// Runs `sitrep queue`.
pub fn run_queue(args: QueueArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        QueueAction::Add { paths, db } => {
            if paths.is_empty() {
                anyhow::bail!("sitrep queue add needs at least one file or folder");
            }
            let mut files = Vec::new();
            let mut errors = Vec::new();
            for p in &paths {
                expand(p, &mut files, &mut errors, 0);
            }
            for e in &errors {
                eprintln!("sitrep: {e}");
            }
            let store = open_pg(&db.db)?;
            let added = store.queue_add(&files)?;
            eprintln!(
                "sitrep: queued {added} new inputs ({} already queued) in {}",
                files.len() - added,
                store.db()
            );
            Ok(if errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        QueueAction::Status { db } => {
            let store = open_pg(&db.db)?;
            let st = store.queue_status()?;
            let counts = store.counts()?;
            println!(
                "{}",
                serde_json::json!({
                    "pending": st.pending,
                    "leased": st.leased,
                    "expired": st.expired,
                    "done": st.done,
                    "failed": st.failed,
                    "articles_done": st.articles,
                    "store": {
                        "articles": counts.articles,
                        "reports": counts.reports,
                        "events": counts.events,
                    },
                })
            );
            for (path, err) in store.queue_failures(20)? {
                eprintln!("sitrep: failed: {path}: {err}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What one work item gave.
struct ItemResult {
    articles: usize,
    rejected: usize,
    lost_lease: bool,
}

struct Worker {
    store: PgStore,
    extractor: Extractor,
    ex_opts: ExtractOptions,
    read_opts: sitrep_ingest::ReadOptions,
    lease: Duration,
    quiet: bool,
}

/// Stores one work item's batches, renewing the lease after each.
struct ItemSink<'a> {
    worker: &'a Worker,
    claim: &'a Claim,
    res: ItemResult,
}

impl BatchSink for ItemSink<'_> {
    fn article(&mut self, _article: &Article) {
        self.res.articles += 1;
    }

    fn rejected(&mut self, error: &dyn Display) {
        self.res.rejected += 1;
        eprintln!("sitrep: {error}");
    }

    fn batch(&mut self, reports: Vec<ArticleReports>, last: bool) -> anyhow::Result<Step> {
        self.worker.store.ingest(&reports)?;
        // After the last batch the item is completed at once (which checks the lease).
        if !last && !self.worker.store.renew(self.claim, self.worker.lease)? {
            self.res.lost_lease = true;
            return Ok(Step::Stop);
        }
        Ok(Step::Continue)
    }
}

impl Worker {
    fn process(&self, claim: &Claim) -> anyhow::Result<ItemResult> {
        let mut sink = ItemSink {
            worker: self,
            claim,
            res: ItemResult {
                articles: 0,
                rejected: 0,
                lost_lease: false,
            },
        };
        let items = sitrep_ingest::read_path(Path::new(&claim.path), &self.read_opts);
        pipeline::run(items, &self.extractor, &self.ex_opts, None, &mut sink)?;
        Ok(sink.res)
    }
}

/// Runs `sitrep worker`.
pub fn run_worker(args: WorkerArgs) -> anyhow::Result<ExitCode> {
    let read = &args.extract.read;
    if !read.paths.is_empty() {
        anyhow::bail!("sitrep worker takes its inputs from the queue (`sitrep queue add PATH…`), not from arguments");
    }
    if args.lease_secs == 0 {
        anyhow::bail!("--lease-secs must be at least 1");
    }
    let published = read.published.as_deref().map(parse_day).transpose()?;
    let now = read.now.as_deref().map(parse_now).transpose()?;
    let store = open_pg(&args.db.db)?;
    let worker = Worker {
        store,
        extractor: pipeline::build_extractor(&args.extract)?,
        ex_opts: ExtractOptions { published },
        read_opts: sitrep_ingest::ReadOptions {
            now,
            published,
            ..sitrep_ingest::ReadOptions::default()
        },
        lease: Duration::from_secs(args.lease_secs),
        quiet: read.quiet,
    };
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "host".into());
    let me = format!("{host}:{}", std::process::id());
    let start = Instant::now();
    let (mut items, mut articles, mut rejected) = (0usize, 0usize, 0usize);
    let mut idle_since: Option<Instant> = None;
    loop {
        let Some(claim) = worker.store.claim(&me, worker.lease, MAX_ATTEMPTS)? else {
            if args.exit_when_empty {
                // Others' leases may still expire and need a worker: wait for them.
                if worker.store.queue_status()?.is_idle() {
                    break;
                }
            } else if !worker.quiet && idle_since.is_none() {
                eprintln!("sitrep: worker {me}: queue empty, waiting for work");
            }
            idle_since.get_or_insert_with(Instant::now);
            std::thread::sleep(Duration::from_millis(500));
            continue;
        };
        idle_since = None;
        let t = Instant::now();
        let r = match worker.process(&claim) {
            Ok(r) => r,
            Err(e) => {
                // A store failure: give the item back to the queue by letting the
                // lease run out, and stop (the operator's supervisor restarts us).
                return Err(e.context(format!("while processing {}", claim.path)));
            }
        };
        if r.lost_lease {
            eprintln!(
                "sitrep: worker {me}: lease on {} expired and was taken over; moving on",
                claim.path
            );
            continue;
        }
        let ok = if r.articles == 0 && r.rejected > 0 {
            worker.store.fail(
                &claim,
                &format!("no article could be read ({} errors)", r.rejected),
            )?
        } else {
            worker.store.complete(&claim, r.articles, r.rejected)?
        };
        items += 1;
        articles += r.articles;
        rejected += r.rejected;
        if !worker.quiet {
            eprintln!(
                "sitrep: worker {me}: {} ({} articles, {} rejected, {:.1} s){}",
                claim.path,
                r.articles,
                r.rejected,
                t.elapsed().as_secs_f64(),
                if ok {
                    ""
                } else {
                    " — lease lost before completion"
                }
            );
        }
    }
    if !worker.quiet {
        let secs = start.elapsed().as_secs_f64();
        eprintln!(
            "sitrep: worker {me}: done: {items} inputs, {articles} articles ({:.0}/s), {rejected} rejected",
            articles as f64 / secs.max(0.001)
        );
    }
    Ok(if rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
