//! `sitrep ingest`.

use std::process::ExitCode;

/// Runs `sitrep ingest`.
pub fn run(_args: crate::cli::IngestArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("sitrep ingest is not built yet")
}
