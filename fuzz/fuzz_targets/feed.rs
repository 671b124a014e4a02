//! RSS 2.0 / Atom / RSS 1.0 feeds on arbitrary bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let out = sitrep_ingest::feed::read_feed(&sitrep_fuzz::ctx("f.xml"), data);
    sitrep_fuzz::check("f.xml", &out);
    sitrep_fuzz::read_twice("f.xml", data);
});
