//! JSON Lines and JSON arrays of articles on arbitrary bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    sitrep_fuzz::read_twice("f.jsonl", data);
    let mut line = b"{".to_vec();
    line.extend_from_slice(data);
    sitrep_fuzz::read_twice("g.jsonl", &line);
    let mut arr = b"[".to_vec();
    arr.extend_from_slice(data);
    sitrep_fuzz::read_twice("h.json", &arr);
});
