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
mod reading;

use clap::Parser;
use std::process::ExitCode;

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
        Err(e) => {
            eprintln!("sitrep: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
