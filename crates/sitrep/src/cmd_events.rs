//! `sitrep events` and `sitrep export`.

use std::process::ExitCode;

/// Runs `sitrep events`.
pub fn run_events(_args: crate::cli::EventsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("sitrep events is not built yet")
}

/// Runs `sitrep export`.
pub fn run_export(_args: crate::cli::ExportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("sitrep export is not built yet")
}
