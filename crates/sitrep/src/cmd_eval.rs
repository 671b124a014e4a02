//! `sitrep eval`: agreement of `extract` with a hand-coded dataset (SPEC §6).
//!
//! Loads the dataset with `sitrep-eval`, runs the extractor in-process over every
//! record (in parallel), and prints one row per field beside its trivial baseline.

use anyhow::Context;
use sitrep_eval::GoldKind;
use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_gazetteer::Gazetteer;
use std::process::ExitCode;
use std::sync::Arc;

/// Runs `sitrep eval`.
pub fn run(args: crate::cli::EvalArgs) -> anyhow::Result<ExitCode> {
    if args.recognition {
        anyhow::bail!(
            "--recognition is not wired into `sitrep eval`: the gazetteer's recognition view is \
             `cargo run -p sitrep-gazetteer --release --example recognition_eval`"
        );
    }
    let kind = match args.kind {
        crate::cli::GoldKind::Gtd => GoldKind::Gtd,
        crate::cli::GoldKind::Acled => GoldKind::Acled,
        crate::cli::GoldKind::Ucdp => GoldKind::Ucdp,
        crate::cli::GoldKind::Muc => GoldKind::Muc,
    };
    let mut records = sitrep_eval::load(kind, &args.gold)
        .with_context(|| format!("cannot load {}", args.gold.display()))?;
    if let Some(c) = &args.country {
        records.retain(|r| r.in_country(c));
    }
    if let Some(n) = args.limit {
        records.truncate(n);
    }
    if records.is_empty() {
        anyhow::bail!("no records to score in {}", args.gold.display());
    }
    let gaz = Arc::new(Gazetteer::embedded().context("cannot load the embedded gazetteer")?);
    let extractor = Extractor::new(gaz);
    let opts = ExtractOptions::default();
    let report = sitrep_eval::evaluate(kind, &records, |a| extractor.extract(a, &opts));
    print!("{}", report.to_table());
    Ok(ExitCode::SUCCESS)
}
