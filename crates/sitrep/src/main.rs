//! The `sitrep` command line: wires the stages together (ingest → text →
//! recognise → extract → fuse → store → serve/export). The only crate that
//! uses `anyhow`; every other crate returns typed errors.

mod cli;
mod cmd_articles;
mod cmd_eval;
mod cmd_events;
mod cmd_extract;
mod cmd_ingest;
mod cmd_queue;
mod cmd_serve;
mod db;
mod pipeline;
mod reading;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: event coding makes and drops
/// many small strings and vectors per article, and glibc's malloc/free
/// (with its free-list consolidation) took about a tenth of the CPU of
/// `sitrep extract` (bench/RESULTS.md, "Speed, session 13").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let result = match cli.command {
        cli::Command::Articles(a) => cmd_articles::run(a),
        cli::Command::Extract(a) => cmd_extract::run(a),
        cli::Command::Ingest(a) => cmd_ingest::run(a),
        cli::Command::Events(a) => cmd_events::run_events(a),
        cli::Command::Export(a) => cmd_events::run_export(a),
        cli::Command::Serve(a) => cmd_serve::run(a),
        cli::Command::Eval(a) => cmd_eval::run(a),
        cli::Command::Queue(a) => cmd_queue::run_queue(a),
        cli::Command::Worker(a) => cmd_queue::run_worker(a),
    };
    match result {
        Ok(code) => code,
        // `sitrep events | head`: the reader has what it wanted; stop quietly, as ripgrep does.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sitrep: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether an error comes from writing to a reader that went away (a closed
/// pipe on standard output), wherever in the chain it sits: a plain I/O error,
/// or one inside the export writers' CSV or JSON encoders (which do not expose
/// it as their `source`).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<sitrep_export::ExportError>()
                .is_some_and(|x| x.is_broken_pipe())
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|x| x.io_error_kind() == Some(BrokenPipe))
    })
}
