//! `sitrep articles`.

use std::process::ExitCode;

/// Runs `sitrep articles`.
pub fn run(_args: crate::cli::ReadArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("sitrep articles is not built yet")
}
