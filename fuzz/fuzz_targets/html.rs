//! The HTML reader (tokenizer, tree builder, body scoring, meta tags) on
//! arbitrary bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let _ = sitrep_ingest::html::extract(&html, Some("https://fuzz.example/a/b.html"));
    let _ = sitrep_ingest::htmltext::html_to_text(&html);
    let _ = sitrep_ingest::htmltext::decode_entities(&html);
    let ctx = sitrep_fuzz::ctx("f.html");
    let page = sitrep_ingest::read_html_page(&ctx, data, None, 0);
    sitrep_fuzz::check("f.html", std::slice::from_ref(&page));
});
