//! Numbers ("at least 31", "dozens"), dates, relative time expressions and
//! the sentence splitter on arbitrary text: every span must lie on character
//! boundaries inside the text, bounds must be ordered.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sitrep_text::{dates, numbers, sentences, timex};

fn span_ok(text: &str, start: usize, end: usize) {
    assert!(
        start <= end && end <= text.len(),
        "span {start}..{end} outside {}",
        text.len()
    );
    assert!(
        text.get(start..end).is_some(),
        "span {start}..{end} not on char boundaries"
    );
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for q in numbers::find_quantities(&text) {
        span_ok(&text, q.span.start, q.span.end);
        if let Some(l) = q.low {
            assert!(l <= q.best.max(l), "low above best");
        }
        if let (Some(l), Some(h)) = (q.low, q.high) {
            assert!(l <= h, "low {l} above high {h}");
        }
    }
    for (i, _) in text.char_indices().take(64) {
        if let Some(q) = numbers::quantity_at(&text, i) {
            span_ok(&text, q.span.start, q.span.end);
        }
    }
    for d in dates::find_dates(&text) {
        span_ok(&text, d.span.start, d.span.end);
        let _ = d.date();
        let _ = dates::weekday_consistent(&d);
    }
    let published = chrono::NaiveDate::from_ymd_opt(2026, 2, 1);
    for t in timex::find_timexes(&text) {
        span_ok(&text, t.span.start, t.span.end);
        let _ = t.resolve(published);
        let _ = t.resolve(None);
    }
    let mut last = 0;
    for s in sentences::split_sentences(&text) {
        span_ok(&text, s.start, s.end);
        assert!(s.start >= last, "sentences out of order");
        last = s.end;
    }
    let _ = dates::parse_date(&text);
    let _ = dates::parse_moment(&text);
    let _ = dates::parse_ago(&text);
    let _ = dates::zone_offset(&text);
});
