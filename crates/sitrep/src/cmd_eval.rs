//! `sitrep eval`.

use std::process::ExitCode;

/// Runs `sitrep eval`.
pub fn run(_args: crate::cli::EvalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("sitrep eval is not built yet")
}
