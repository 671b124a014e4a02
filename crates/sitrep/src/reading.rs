//! The reading loop shared by `articles`, `extract` and `ingest`: inputs → articles,
//! each rejected input named on stderr, exit status 1 when any was rejected.
//!
//! ```ignore
//! let reading = Reading::new(&args.read)?;          // parses --now / --published
//! let mut all = reading.articles();                  // every path, or stdin
//! for article in &mut all { … }                      // errors already printed
//! Ok(exit_code(all.rejected()))
//! ```
//! Callers that want the errors themselves use [`Reading::read`] per path.

use crate::cli::ReadArgs;
use anyhow::Context;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use sitrep_ingest::{Articles, InputError, ReadOptions};
use sitrep_model::Article;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Parses `--now`: RFC 3339 (`2026-02-01T12:00:00Z`), a naive `YYYY-MM-DDTHH:MM:SS`
/// (taken as UTC) or a day (`YYYY-MM-DD`, midnight UTC).
pub fn parse_now(s: &str) -> anyhow::Result<DateTime<Utc>> {
    let t = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok(dt.with_timezone(&Utc));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(n) = chrono::NaiveDateTime::parse_from_str(t, f) {
            return Ok(Utc.from_utc_datetime(&n));
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Ok(Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)));
    }
    anyhow::bail!("--now {s:?}: expected RFC 3339 (2026-02-01T12:00:00Z) or YYYY-MM-DD")
}

/// Parses `--published`: `YYYY-MM-DD`, or any absolute date form sitrep reads
/// ("28 October 2025").
pub fn parse_day(s: &str) -> anyhow::Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .or_else(|| sitrep_text::dates::parse_date(s))
        .with_context(|| format!("--published {s:?}: expected YYYY-MM-DD"))
}

/// Exit status for a run: 0, or 1 when some inputs were rejected (SPEC §1).
pub fn exit_code(rejected: u64) -> ExitCode {
    if rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The parsed reading flags.
#[derive(Debug, Clone)]
#[allow(dead_code)] // `quiet` and some accessors are for the commands that need them
pub struct Reading {
    opts: ReadOptions,
    paths: Vec<PathBuf>,
    quiet: bool,
}

#[allow(dead_code)] // accessors used by some commands only
impl Reading {
    /// Parses `--now` and `--published` (a bad value is a usage error).
    pub fn new(args: &ReadArgs) -> anyhow::Result<Self> {
        let now = args.now.as_deref().map(parse_now).transpose()?;
        let published = args.published.as_deref().map(parse_day).transpose()?;
        let paths = if args.paths.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            args.paths.clone()
        };
        Ok(Reading {
            opts: ReadOptions {
                now,
                published,
                ..ReadOptions::default()
            },
            paths,
            quiet: args.quiet,
        })
    }

    /// The options handed to the readers.
    pub fn options(&self) -> &ReadOptions {
        &self.opts
    }

    /// `--published`, parsed.
    pub fn published(&self) -> Option<NaiveDate> {
        self.opts.published
    }

    /// `--now`, parsed.
    pub fn now(&self) -> Option<DateTime<Utc>> {
        self.opts.now
    }

    /// The inputs: the paths given, or `-` (stdin) when none.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// Whether `--quiet` was given.
    pub fn quiet(&self) -> bool {
        self.quiet
    }

    /// Reads one path (file, folder or `-`); errors are yielded, not printed.
    pub fn read(&self, path: &Path) -> Articles {
        sitrep_ingest::read_path(path, &self.opts)
    }

    /// Every article of every input, in order. Rejected inputs are printed to
    /// stderr as `sitrep: <input>: <reason>` and counted.
    pub fn articles(&self) -> AllArticles {
        let me = self.clone();
        let paths = self.paths.clone();
        AllArticles {
            inner: Box::new(paths.into_iter().flat_map(move |p| me.read(&p))),
            rejected: 0,
        }
    }
}

/// Iterator over the articles of all inputs; see [`Reading::articles`].
pub struct AllArticles {
    inner: Box<dyn Iterator<Item = Result<Article, InputError>> + Send>,
    rejected: u64,
}

impl AllArticles {
    /// How many inputs (or parts of inputs) were rejected so far.
    pub fn rejected(&self) -> u64 {
        self.rejected
    }
}

impl Iterator for AllArticles {
    type Item = Article;

    fn next(&mut self) -> Option<Article> {
        loop {
            match self.inner.next()? {
                Ok(a) => return Some(a),
                Err(e) => {
                    self.rejected += 1;
                    eprintln!("sitrep: {e}");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_and_day_forms() {
        assert_eq!(
            parse_now("2026-02-01T12:00:00Z").unwrap().to_rfc3339(),
            "2026-02-01T12:00:00+00:00"
        );
        assert_eq!(
            parse_now("2026-02-01").unwrap().to_rfc3339(),
            "2026-02-01T00:00:00+00:00"
        );
        assert!(parse_now("yesterday").is_err());
        assert_eq!(
            parse_day("2025-10-28").unwrap(),
            NaiveDate::from_ymd_opt(2025, 10, 28).unwrap()
        );
        assert_eq!(
            parse_day("28 October 2025").unwrap(),
            NaiveDate::from_ymd_opt(2025, 10, 28).unwrap()
        );
        assert!(parse_day("soon").is_err());
    }
}
