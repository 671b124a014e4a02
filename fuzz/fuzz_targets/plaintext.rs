//! The plain-text article splitter (headline, chrome, datelines, several
//! articles per file) on arbitrary text, directly and through detection.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let out = sitrep_ingest::plaintext::read_text(&sitrep_fuzz::ctx("f.txt"), &text);
    sitrep_fuzz::check("f.txt", &out);
    for a in out.iter().flatten() {
        assert!(!a.text.trim().is_empty(), "blank article text");
    }
    let _ = sitrep_ingest::header::parse_dateline(&text);
    let _ = sitrep_ingest::header::parse_date_line(&text);
    sitrep_fuzz::read_twice("f.txt", data);
});
