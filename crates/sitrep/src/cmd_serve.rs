//! `sitrep serve`.

use std::process::ExitCode;

/// Runs `sitrep serve`.
pub fn run(_args: crate::cli::ServeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("sitrep serve is not built yet")
}
