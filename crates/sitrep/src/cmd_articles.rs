//! `sitrep articles`: the articles as read, one JSON object each (SPEC §1):
//! `id, input, title, published, dateline, url, publisher, summary` (when the
//! page had one) and `text` — the exact string evidence offsets point into.

use crate::cli::{Format, ReadArgs};
use crate::reading::{exit_code, Reading};
use std::io::{self, Write};
use std::process::ExitCode;

/// Runs `sitrep articles`.
pub fn run(args: ReadArgs) -> anyhow::Result<ExitCode> {
    if !matches!(args.format, Format::Jsonl | Format::Json) {
        anyhow::bail!("sitrep articles writes --format jsonl (default) or json");
    }
    let reading = Reading::new(&args)?;
    let mut all = reading.articles();
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(256 * 1024, stdout.lock());
    let res = write_all(&mut all, &mut out, args.format);
    match res.and_then(|_| out.flush()) {
        Ok(()) => {}
        // `sitrep articles | head`: stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(exit_code(all.rejected())),
        Err(e) => return Err(anyhow::Error::new(e).context("writing to standard output")),
    }
    Ok(exit_code(all.rejected()))
}

fn write_all(
    all: &mut crate::reading::AllArticles,
    out: &mut impl Write,
    format: Format,
) -> io::Result<()> {
    let json = format == Format::Json;
    if json {
        out.write_all(b"[")?;
    }
    let mut first = true;
    for a in all {
        if json && !first {
            out.write_all(b",")?;
        }
        if json {
            out.write_all(b"\n")?;
        }
        serde_json::to_writer(&mut *out, &a).map_err(io::Error::other)?;
        if !json {
            out.write_all(b"\n")?;
        }
        first = false;
    }
    if json {
        out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
    }
    Ok(())
}
