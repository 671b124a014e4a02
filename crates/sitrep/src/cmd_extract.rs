//! `sitrep extract`.

use std::process::ExitCode;

/// Runs `sitrep extract`.
pub fn run(_args: crate::cli::ExtractArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("sitrep extract is not built yet")
}
