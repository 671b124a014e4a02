//! The whole extraction path on arbitrary bytes: read (any format, detected)
//! then code events; every evidence span must be a real slice of the article
//! text and quote it exactly (SPEC §3), and counts must be ordered.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_model::Article;
use std::sync::{Arc, OnceLock};

fn extractor() -> Option<&'static Extractor> {
    static X: OnceLock<Option<Extractor>> = OnceLock::new();
    X.get_or_init(|| {
        sitrep_gazetteer::Gazetteer::embedded()
            .ok()
            .map(|g| Extractor::new(Arc::new(g)))
    })
    .as_ref()
}

fn check_events(x: &Extractor, a: &Article) {
    let opts = ExtractOptions {
        published: chrono::NaiveDate::from_ymd_opt(2026, 2, 1),
    };
    let events = x.extract(a, &opts);
    let again = x.extract(a, &opts);
    assert_eq!(events.len(), again.len(), "extraction is not deterministic");
    for e in &events {
        for ev in &e.evidence {
            let slice = a.text.get(ev.start..ev.end);
            assert_eq!(
                slice,
                Some(ev.text.as_str()),
                "evidence does not quote the text"
            );
        }
        if let (Some(l), Some(h)) = (e.fatalities.low, e.fatalities.high) {
            assert!(l <= h, "fatalities low {l} > high {h}");
        }
    }
}

fn article(text: String) -> Article {
    Article {
        id: "fuzz".into(),
        input: "fuzz".into(),
        title: None,
        published: Some("2026-02-01".into()),
        dateline: None,
        url: None,
        publisher: None,
        summary: Vec::new(),
        text,
    }
}

// The gazetteer and the extractor's lazily built tables are made once, before
// fuzzing starts: that cost (≈ 0.5 s, far more on a loaded machine) would
// otherwise count against the first inputs' -timeout and be reported as a hang.
fuzz_target!(
    init: {
        if let Some(x) = extractor() {
            let warm = "QUETTA: Gunmen killed at least 3 policemen in Quetta on Monday, police said.";
            check_events(x, &article(warm.into()));
        }
    },
    |data: &[u8]| {
        let Some(x) = extractor() else { return };
        let a = article(String::from_utf8_lossy(data).into_owned());
        check_events(x, &a);
        for a in sitrep_ingest::read_bytes("f", data, &sitrep_fuzz::opts())
            .into_iter()
            .flatten()
        {
            check_events(x, &a);
        }
    }
);
