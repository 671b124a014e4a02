//! WARC framing, raw and inside gzip (single- and multi-member): the bytes as
//! given (the seeds include .warc.gz files, so the fuzzer mutates real gzip
//! framing) and the bytes wrapped in a valid gzip stream, whole and cut short.
#![no_main]
use flate2::{write::GzEncoder, Compression};
use libfuzzer_sys::fuzz_target;
use std::io::Write;

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    sitrep_fuzz::read_twice("f.warc", data);
    let mut framed = b"WARC/1.0\r\n".to_vec();
    framed.extend_from_slice(data);
    sitrep_fuzz::read_twice("g.warc", &framed);
    let gz = gzip(&framed);
    sitrep_fuzz::read_twice("h.warc.gz", &gz);
    // Truncated gzip: must be reported, never panic.
    let cut = gz.len() / 2;
    sitrep_fuzz::read_twice("i.warc.gz", &gz[..cut]);
    // Two members back to back.
    let mut two = gz.clone();
    two.extend_from_slice(&gz);
    sitrep_fuzz::read_twice("j.warc.gz", &two);
});
