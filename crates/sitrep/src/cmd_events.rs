//! `sitrep events` and `sitrep export`.
//!
//! Both read fused events from the store page by page (keyset pagination, so
//! memory stays flat on a large store) and write them in the chosen format.

use crate::cli::{EventsArgs, ExportArgs, FilterArgs, Format};
use anyhow::{bail, Context};
use chrono::NaiveDate;
use sitrep_model::{Event, EventType};
use sitrep_store::{EventQuery, Store};
use std::io::Write;
use std::process::ExitCode;

/// Events read per page from the store.
const PAGE: usize = 1000;

/// Turns the command-line filters into a store query (usage errors name the flag).
pub fn query_from_filters(f: &FilterArgs) -> anyhow::Result<EventQuery> {
    let date = |flag: &str, v: &Option<String>| -> anyhow::Result<Option<NaiveDate>> {
        v.as_deref()
            .map(|s| {
                NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                    .with_context(|| format!("--{flag} {s:?}: expected a date YYYY-MM-DD"))
            })
            .transpose()
    };
    let event_type = match f.event_type.as_deref() {
        None => None,
        Some(t) => Some(EventType::from_label(t).with_context(|| {
            let all: Vec<&str> = EventType::ALL.iter().map(|t| t.label()).collect();
            format!("--type {t:?}: expected one of {}", all.join(", "))
        })?),
    };
    let bbox = match f.bbox.as_deref() {
        None => None,
        Some(b) => {
            let parts: Vec<f64> = b
                .split(',')
                .map(|x| x.trim().parse::<f64>())
                .collect::<Result<_, _>>()
                .with_context(|| format!("--bbox {b:?}: expected W,S,E,N in degrees"))?;
            match parts.as_slice() {
                [w, s, e, n] => Some([*w, *s, *e, *n]),
                _ => bail!("--bbox {b:?}: expected four numbers W,S,E,N"),
            }
        }
    };
    let country = match f.country.as_deref().map(str::trim) {
        None => None,
        Some(c) if c.len() == 2 && c.chars().all(|x| x.is_ascii_alphabetic()) => {
            Some(c.to_ascii_uppercase())
        }
        Some(c) => bail!("--country {c:?}: expected an ISO 3166-1 alpha-2 code such as PK"),
    };
    if f.limit == Some(0) {
        bail!("--limit must be at least 1");
    }
    let q = EventQuery {
        from: date("from", &f.from)?,
        to: date("to", &f.to)?,
        country,
        admin1: f.admin1.clone(),
        event_type,
        actor: f.actor.clone(),
        bbox,
        text: f.text.clone(),
        limit: None,
        cursor: None,
    };
    q.validate()?;
    Ok(q)
}

/// Calls `each` on every event matching `q` (newest first), at most `limit`.
pub fn for_each_event(
    store: &dyn Store,
    mut q: EventQuery,
    limit: Option<usize>,
    mut each: impl FnMut(&Event) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    let mut n = 0usize;
    loop {
        let want = limit.map_or(PAGE, |l| (l - n).min(PAGE));
        if want == 0 {
            break;
        }
        q.limit = Some(want);
        let page = store.events(&q)?;
        for ev in &page.events {
            each(ev)?;
            n += 1;
        }
        match page.next_cursor {
            Some(c) if !page.events.is_empty() => q.cursor = Some(c),
            _ => break,
        }
    }
    Ok(n)
}

/// Writes events in `format` to `out`, streaming.
fn write_all(
    store: &dyn Store,
    q: EventQuery,
    limit: Option<usize>,
    format: Format,
    out: impl Write + Send,
) -> anyhow::Result<usize> {
    let mut w = sitrep_export::writer(export_format(format), out);
    let n = for_each_event(store, q, limit, |ev| Ok(w.write(ev)?))?;
    w.finish()?;
    Ok(n)
}

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

/// Runs `sitrep events`.
pub fn run_events(args: EventsArgs) -> anyhow::Result<ExitCode> {
    if args.format == Format::Parquet {
        bail!("--format parquet writes a file: use `sitrep export --format parquet --out PATH`");
    }
    let q = query_from_filters(&args.filter)?;
    let store = crate::db::open_for_reading(&args.db.db)?;
    match write_all(
        store.as_ref(),
        q,
        args.filter.limit,
        args.format,
        std::io::stdout(),
    ) {
        Ok(_) => Ok(ExitCode::SUCCESS),
        // `sitrep events | head` is not an error.
        Err(e) if crate::is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e),
    }
}

/// Runs `sitrep export`: writes to a temporary file beside `--out` and renames
/// it into place, so a failed export never leaves a half-written file.
pub fn run_export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let q = query_from_filters(&args.filter)?;
    let store = crate::db::open_for_reading(&args.db.db)?;
    let out_path = &args.out;
    let dir = match out_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let file_name = out_path
        .file_name()
        .with_context(|| format!("--out {}: not a file path", out_path.display()))?
        .to_string_lossy()
        .to_string();
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| -> anyhow::Result<usize> {
        let mut f = std::fs::File::create(&tmp)
            .with_context(|| format!("cannot create {}", tmp.display()))?;
        let n = write_all(store.as_ref(), q, args.filter.limit, args.format, &mut f)?;
        f.sync_all()?;
        std::fs::rename(&tmp, out_path)
            .with_context(|| format!("cannot move the export to {}", out_path.display()))?;
        Ok(n)
    })();
    match result {
        Ok(n) => {
            eprintln!("sitrep: exported {n} events to {}", out_path.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e.context(format!("export to {} failed", out_path.display())))
        }
    }
}
