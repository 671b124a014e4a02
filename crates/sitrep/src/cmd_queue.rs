//! `sitrep queue` and `sitrep worker`: many ingest workers sharing one PostgreSQL store.

use std::process::ExitCode;

/// Runs `sitrep queue`.
pub fn run_queue(_args: crate::cli::QueueArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("sitrep queue is not built yet")
}

/// Runs `sitrep worker`.
pub fn run_worker(_args: crate::cli::WorkerArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("sitrep worker is not built yet")
}
