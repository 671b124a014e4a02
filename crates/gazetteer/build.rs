//! Pre-builds the place table of `data/places.tsv.gz` (entries, countries,
//! and the hash tables of place phrases and first words the matcher uses) into
//! `$OUT_DIR/places.bin`, which the library embeds and reads in place: start-up
//! then neither decompresses nor parses the text, nor hashes ~300k phrases.
//! Layout: `src/phrase.rs` and `Compiled` in `src/data.rs`.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/phrase.rs"]
mod phrase;

use phrase::*;

fn kind_code(k: &str) -> u8 {
    match k {
        "C" => 0,
        "A1" => 1,
        "A2" => 2,
        "P" => 3,
        "R" => 4,
        other => panic!("places.tsv.gz: unknown record type {other:?}"),
    }
}

/// Append a string to the arena, returning its offset.
fn put(arena: &mut String, s: &str) -> u32 {
    let off = arena.len();
    arena.push_str(s);
    u32::try_from(off).expect("arena over 4 GB")
}

fn u32s(out: &mut Vec<u8>, v: &[u32]) {
    for x in v {
        out.extend_from_slice(&x.to_le_bytes());
    }
}

fn section(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&u32::try_from(bytes.len()).expect("section").to_le_bytes());
    out.extend_from_slice(bytes);
}

/// Open-addressing table (linear probing): one tag byte per slot (0 empty)
/// and one u32 value per slot.
fn table(keys: &[(&[u8], u32)]) -> (Vec<u8>, Vec<u32>) {
    let hashed: Vec<(u64, u32)> = keys.iter().map(|&(k, v)| (hash(k), v)).collect();
    table_of_hashes(&hashed)
}

/// [`table`] for keys given by their hash.
fn table_of_hashes(keys: &[(u64, u32)]) -> (Vec<u8>, Vec<u32>) {
    let cap = table_slots(keys.len());
    let mask = cap - 1;
    let mut tags = vec![0u8; cap];
    let mut vals = vec![0u32; cap];
    for &(h, v) in keys {
        let mut s = (h as usize) & mask;
        while tags[s] != 0 {
            s = (s + 1) & mask;
        }
        tags[s] = tag(h);
        vals[s] = v;
    }
    (tags, vals)
}

fn main() {
    println!("cargo:rerun-if-changed=data/places.tsv.gz");
    println!("cargo:rerun-if-changed=src/phrase.rs");
    println!("cargo:rerun-if-changed=build.rs");
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let gz = std::fs::read(dir.join("data/places.tsv.gz")).expect("reading data/places.tsv.gz");
    let mut text = String::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut text)
        .expect("gunzip data/places.tsv.gz");

    let mut arena = String::with_capacity(text.len());
    let mut entries: Vec<u8> = Vec::new();
    let mut countries: Vec<u8> = Vec::new();
    let mut country_by_iso: HashMap<String, u16> = HashMap::new();
    // phrase key → entry ids; key spans point into the arena where possible
    let mut phrases: BTreeMap<String, (u32, u32, Vec<u32>)> = BTreeMap::new();
    let mut n: u32 = 0;
    let mut lower: BTreeMap<u64, Vec<u32>> = BTreeMap::new();
    let coord = |s: &str| -> i32 {
        if s.is_empty() {
            return NONE_I32;
        }
        let v: f64 = s.parse().expect("coordinate");
        let x = (v * 1e5).round() as i32;
        assert_eq!(
            format!("{:.5}", f64::from(x) / 1e5),
            s,
            "coordinates of the compiled gazetteer have 5 decimals"
        );
        x
    };
    for (ln, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert!(
            f.len() >= 11,
            "places.tsv.gz:{}: expected 11 fields",
            ln + 1
        );
        let kind = kind_code(f[0]);
        let cc = f[1];
        let country = if kind == 0 {
            let idx = u16::try_from(countries.len() / COUNTRY_BYTES).expect("countries");
            let get = |k: usize| f.get(k).copied().unwrap_or("");
            let fields = [cc, f[4], get(12), get(11)];
            for s in fields {
                let off = put(&mut arena, s);
                u32s(&mut countries, &[off, s.len() as u32]);
            }
            u32s(&mut countries, &[n]);
            country_by_iso.insert(cc.to_string(), idx);
            idx
        } else {
            *country_by_iso
                .get(cc)
                .unwrap_or_else(|| panic!("places.tsv.gz:{}: unknown country {cc}", ln + 1))
        };
        let opt = |s: &str| -> u32 {
            if s.is_empty() {
                return NONE_U32;
            }
            let v: u32 = s.parse().expect("entry reference");
            assert!(v < n, "places.tsv.gz:{}: forward entry reference", ln + 1);
            v
        };
        let name_off = put(&mut arena, f[4]);
        let aliases_off = put(&mut arena, f[10]);
        let gid: u32 = if f[7].is_empty() {
            0
        } else {
            f[7].parse().expect("geonameid fits u32")
        };
        let mut rec = Vec::with_capacity(ENTRY_BYTES);
        rec.push(kind);
        rec.push(f[9].parse().unwrap_or(0));
        rec.extend_from_slice(&country.to_le_bytes());
        u32s(&mut rec, &[opt(f[2]), opt(f[3])]);
        rec.extend_from_slice(&coord(f[5]).to_le_bytes());
        rec.extend_from_slice(&coord(f[6]).to_le_bytes());
        u32s(
            &mut rec,
            &[
                gid,
                f[8].parse().unwrap_or(0),
                name_off,
                f[4].len() as u32,
                f[10].len() as u32,
            ],
        );
        assert_eq!(rec.len(), ENTRY_BYTES);
        entries.extend_from_slice(&rec);
        // the entry's phrases: its name and its `|`-joined aliases
        let mut items = vec![(name_off as usize, f[4])];
        let mut o = aliases_off as usize;
        for a in f[10].split('|') {
            if !a.is_empty() {
                items.push((o, a));
            }
            o += a.len() + 1;
        }
        // lower-cased names and aliases, for look-ups by name (verified at
        // look-up time, so only the hash is kept)
        for (_, p) in &items {
            let v = lower.entry(hash(p.to_lowercase().as_bytes())).or_default();
            if v.last() != Some(&n) {
                v.push(n);
            }
        }
        for (p_off, p) in items {
            for k in phrase_keys(p) {
                if key_shape(&k).is_none() {
                    continue;
                }
                let e = phrases.entry(k.to_string()).or_insert_with(|| {
                    // a borrowed key is a slice of the phrase (from its first
                    // non-space char); a respelled one is stored later
                    let off = match &k {
                        std::borrow::Cow::Borrowed(b) => p.find(b).map(|i| (p_off + i) as u32),
                        std::borrow::Cow::Owned(_) => None,
                    };
                    (off.unwrap_or(u32::MAX), k.len() as u32, Vec::new())
                });
                if e.2.last() != Some(&n) {
                    e.2.push(n);
                }
            }
        }
        n += 1;
    }
    // keys that are not slices of a name (typographic-quote variants) go to the arena
    let mut recs: Vec<(u32, u32)> = Vec::with_capacity(phrases.len());
    let mut tlist: Vec<u32> = Vec::new();
    let mut firsts: BTreeMap<String, u8> = BTreeMap::new();
    let mut prec: Vec<u32> = Vec::new();
    for (k, (off, len, ids)) in &mut phrases {
        if *off == u32::MAX {
            *off = put(&mut arena, k);
        }
        debug_assert_eq!(&arena[*off as usize..(*off + *len) as usize], k.as_str());
        recs.push((*off, *len));
        let mut ids = ids.clone();
        ids.sort_unstable();
        ids.dedup();
        let start = tlist.len() as u32;
        tlist.push(ids.len() as u32);
        tlist.extend_from_slice(&ids);
        prec.extend_from_slice(&[*off, *len, start]);
        if let Some((fl, words)) = key_shape(k) {
            let f = firsts.entry(k[..fl].to_string()).or_insert(0);
            *f = (*f).max(words);
        }
    }
    let mut filter = vec![0u64; FILTER_BITS / 64];
    for w in firsts.keys() {
        let k = filter_key(w.as_bytes());
        filter[k / 64] |= 1 << (k % 64);
    }
    let pkeys: Vec<(&[u8], u32)> = recs
        .iter()
        .enumerate()
        .map(|(i, &(off, len))| {
            (
                &arena.as_bytes()[off as usize..(off + len) as usize],
                i as u32,
            )
        })
        .collect();
    let pslots = table(&pkeys);
    // first words: no key check needed (a false hit only costs a look-up)
    let fkeys: Vec<(&[u8], u32)> = firsts
        .iter()
        .map(|(w, n)| (w.as_bytes(), u32::from(*n)))
        .collect();
    let fslots = table(&fkeys);
    // lower-cased name hash → entry ids
    let mut nlist: Vec<u32> = Vec::new();
    let mut nkeys: Vec<(u64, u32)> = Vec::with_capacity(lower.len());
    for (h, ids) in &lower {
        nkeys.push((*h, nlist.len() as u32));
        nlist.push(ids.len() as u32);
        nlist.extend_from_slice(ids);
    }
    let nslots = table_of_hashes(&nkeys);

    let mut out: Vec<u8> = Vec::with_capacity(arena.len() + entries.len() + (8 << 20));
    out.extend_from_slice(MAGIC);
    u32s(
        &mut out,
        &[
            n,
            (countries.len() / COUNTRY_BYTES) as u32,
            recs.len() as u32,
            pslots.0.len() as u32,
            firsts.len() as u32,
            fslots.0.len() as u32,
        ],
    );
    section(&mut out, arena.as_bytes());
    section(&mut out, &entries);
    section(&mut out, &countries);
    let mut b = Vec::new();
    section(&mut out, &pslots.0);
    u32s(&mut b, &pslots.1);
    section(&mut out, &b);
    b.clear();
    u32s(&mut b, &prec);
    section(&mut out, &b);
    b.clear();
    u32s(&mut b, &tlist);
    section(&mut out, &b);
    b.clear();
    section(&mut out, &nslots.0);
    u32s(&mut b, &nslots.1);
    section(&mut out, &b);
    b.clear();
    u32s(&mut b, &nlist);
    section(&mut out, &b);
    b.clear();
    section(&mut out, &fslots.0);
    u32s(&mut b, &fslots.1);
    section(&mut out, &b);
    b.clear();
    for w in &filter {
        b.extend_from_slice(&w.to_le_bytes());
    }
    section(&mut out, &b);
    b.clear();
    // the two-word filter over the place phrases (the matcher adds its own)
    let mut pairs = vec![0u64; PAIR_BITS / 64];
    for k in phrases.keys() {
        if let Some(end) = pair_end(k) {
            let i = pair_key(&k[..end]);
            pairs[i / 64] |= 1 << (i % 64);
        }
    }
    for w in &pairs {
        b.extend_from_slice(&w.to_le_bytes());
    }
    section(&mut out, &b);
    let path = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("places.bin");
    std::fs::write(&path, out).expect("writing places.bin");
}
