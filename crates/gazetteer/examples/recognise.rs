//! Print the places and actors recognised in a text file:
//! `cargo run -p sitrep-gazetteer --release --example recognise -- FILE [DATELINE]`.
use std::time::Instant;

use sitrep_gazetteer::{DocContext, Gazetteer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: recognise FILE [DATELINE]")?;
    let dateline = args.next();
    let t0 = Instant::now();
    let g = Gazetteer::embedded()?;
    eprintln!("loaded {g:?} in {:?}", t0.elapsed());
    let text = std::fs::read_to_string(&path)?;
    let t1 = Instant::now();
    let rec = g.recognise(&text);
    let ctx = DocContext {
        dateline,
        title: None,
    };
    let places = g.resolve(&text, &rec, &ctx);
    eprintln!("recognised + resolved in {:?}", t1.elapsed());
    for p in &places {
        let l = &p.location;
        println!(
            "PLACE {:>6} {:<28} → {} / {} / {} ({}) p{} near={} [{}]",
            p.span.start,
            &text[p.span.start..p.span.end],
            l.name,
            l.admin1.as_deref().unwrap_or("-"),
            l.admin2.as_deref().unwrap_or("-"),
            l.country_code.as_deref().unwrap_or("-"),
            l.precision,
            p.near,
            &text[p.evidence.start..p.evidence.end],
        );
    }
    let cc = g.focus_country(&places);
    println!("FOCUS {cc:?}");
    for a in &rec.actors {
        let actor = g.actor_for_generic(a, cc.as_deref());
        println!(
            "ACTOR {:>6} {:<28} {:?} → {} ({:?})",
            a.span.start,
            &text[a.span.start..a.span.end],
            a.kind,
            actor.name,
            actor.actor_type.map(|t| t.label())
        );
    }
    Ok(())
}
