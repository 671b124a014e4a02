//! `sitrep eval`: agreement of `extract` with a hand-coded dataset (SPEC §6).
//!
//! Loads the dataset with `sitrep-eval`, runs the extractor in-process over every
//! record (in parallel), and prints one row per field beside its trivial baseline.
//! With `--recognition`, scores the gazetteer's recognition alone instead: every
//! place resolved and every actor recognised in the record's text, whatever event
//! is coded from it (issue 3); the `… (with events)` rows add the actors of the
//! coded events (the crowds only the event stage names).

use anyhow::Context;
use sitrep_eval::GoldKind;
use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_gazetteer::{DocContext, Gazetteer};
use std::process::ExitCode;
use std::sync::Arc;

/// Runs `sitrep eval`.
pub fn run(args: crate::cli::EvalArgs) -> anyhow::Result<ExitCode> {
    let kind = match args.kind {
        crate::cli::GoldKind::Gtd => GoldKind::Gtd,
        crate::cli::GoldKind::Acled => GoldKind::Acled,
        crate::cli::GoldKind::Ucdp => GoldKind::Ucdp,
        crate::cli::GoldKind::Muc => GoldKind::Muc,
        crate::cli::GoldKind::Wiki => GoldKind::Wiki,
        crate::cli::GoldKind::Drone => GoldKind::Drone,
        crate::cli::GoldKind::Suicide => GoldKind::Suicide,
    };
    let mut records = sitrep_eval::load(kind, &args.gold)
        .with_context(|| format!("cannot load {}", args.gold.display()))?;
    if let Some(c) = &args.country {
        records.retain(|r| r.in_country(c));
    }
    if let Some(n) = args.limit {
        records.truncate(n);
    }
    if args.published_from_gold {
        for r in &mut records {
            if let Some(d) = r.gold_date() {
                r.published = Some(d);
            }
        }
    }
    if records.is_empty() {
        anyhow::bail!("no records to score in {}", args.gold.display());
    }
    let gaz = Arc::new(Gazetteer::embedded().context("cannot load the embedded gazetteer")?);
    let extractor = Extractor::new(gaz.clone());
    let opts = ExtractOptions::default();
    if args.recognition {
        let report = sitrep_eval::evaluate_recognition(kind, &records, |r| {
            let mut found = recognise(&gaz, &r.text);
            found.event_actors = extractor
                .extract(&r.article(), &opts)
                .into_iter()
                .flat_map(|e| {
                    e.actor1
                        .into_iter()
                        .chain(e.actor2)
                        .map(|a| a.name)
                        .chain(e.claimed_by.into_iter().map(|c| c.actor))
                })
                .collect();
            found
        });
        return print_report(&report, args.format);
    }
    let report = sitrep_eval::evaluate(kind, &records, |a| extractor.extract(a, &opts));
    print_report(&report, args.format)
}

/// Prints the report as a table or as one JSON object (`--format json`). A reader
/// that stops early (`| head`) is no error.
fn print_report(
    report: &sitrep_eval::Report,
    format: crate::cli::EvalFormat,
) -> anyhow::Result<ExitCode> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let written = match format {
        crate::cli::EvalFormat::Table => out.write_all(report.to_table().as_bytes()),
        crate::cli::EvalFormat::Json => serde_json::to_writer_pretty(&mut out, report)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n")),
    }
    .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// Everything the gazetteer finds in `text`: the resolved places' admin1,
/// coordinates and countries, and the recognised actors (generic mentions resolved by
/// the text's focus country).
fn recognise(gaz: &Gazetteer, text: &str) -> sitrep_eval::Recognised {
    let rec = gaz.recognise(text);
    let places = gaz.resolve(text, &rec, &DocContext::default());
    // The text's own focus country only: the record's gold country would tell
    // the recogniser what it is being scored on.
    let cc = gaz.focus_country(&places);
    sitrep_eval::Recognised {
        admin1s: places
            .iter()
            .map(|p| (p.location.admin1.clone(), p.location.admin2.clone()))
            .collect(),
        points: places
            .iter()
            .filter_map(|p| Some((p.location.lat?, p.location.lon?)))
            .collect(),
        actors: rec
            .actors
            .iter()
            .map(|m| gaz.actor_for_generic(m, cc.as_deref()).name)
            .collect(),
        event_actors: Vec::new(),
        countries: places
            .iter()
            .flat_map(|p| {
                p.location
                    .country_code
                    .iter()
                    .chain(p.location.country.iter())
                    .cloned()
            })
            .collect(),
    }
}
