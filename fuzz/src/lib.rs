//! Shared helpers of the fuzz targets: a fixed reading context and the
//! invariants every reader's output must keep, whatever the input.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sitrep_ingest::{Ctx, InputError, ReadOptions};
use sitrep_model::Article;

/// Reading options with small limits, so that the fuzzer explores the
/// "too large" paths too and never allocates much.
pub fn opts() -> ReadOptions {
    ReadOptions {
        now: Some(now()),
        published: NaiveDate::from_ymd_opt(2026, 2, 1),
        max_article_bytes: 256 * 1024,
        max_whole_input_bytes: 1024 * 1024,
        bomb_check_after: 256 * 1024,
        max_gzip_ratio: 200,
    }
}

/// The fixed retrieval moment of every fuzz case.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 2, 1, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

/// A reading context named `name`.
pub fn ctx(name: &str) -> Ctx {
    Ctx {
        input: name.to_owned(),
        retrieved: now(),
        opts: opts(),
    }
}

/// Checks what every reader promises: errors name the input, articles have
/// an id and non-blank text within the size limit, and stable ids.
pub fn check(name: &str, out: &[Result<Article, InputError>]) {
    let limit = opts().max_article_bytes;
    for r in out {
        match r {
            Ok(a) => {
                assert!(!a.id.is_empty(), "article without id");
                assert!(a.text.len() <= limit, "article over the size limit");
                assert!(a.input.starts_with(name), "article input {:?}", a.input);
            }
            Err(e) => assert!(e.input.starts_with(name), "error input {:?}", e.input),
        }
    }
}

/// Reads `data` twice through the public entry point and checks that the
/// result is the same (ids are stable across runs) and sound.
pub fn read_twice(name: &str, data: &[u8]) {
    let a = sitrep_ingest::read_bytes(name, data, &opts());
    check(name, &a);
    let b = sitrep_ingest::read_bytes(name, data, &opts());
    assert_eq!(a, b, "reading the same bytes twice differs");
}
