//! The dictionary tables and their (compiled or user) text formats.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use sitrep_model::{ActorType, Location};

use crate::{GazetteerError, GenericKind, PlaceKind};

/// The compiled places (built by `cargo xtask gazetteer`), as text; the
/// library reads the table `build.rs` pre-builds from it (below).
#[cfg(test)]
const EMBEDDED_PLACES: &[u8] = include_bytes!("../data/places.tsv.gz");
/// `data/places.tsv.gz` pre-built by `build.rs` (layout in `phrase.rs`).
const COMPILED_PLACES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.bin"));
/// The actor dictionary (hand-curated; plain TSV).
const EMBEDDED_ACTORS: &str = include_str!("../data/actors.tsv");
/// Actor names derived from PETRARCH2 and the dev sets (by the xtask).
const EMBEDDED_ACTORS_DERIVED: &str = include_str!("../data/actors_derived.tsv");
/// Generic actor nouns, region phrases and the common-word stop list.
const EMBEDDED_LEXICON: &str = include_str!("../data/lexicon.tsv");
/// English words that are also place names (derived by the xtask).
const EMBEDDED_STOPWORDS: &str = include_str!("../data/stopwords.txt");

/// Facts about one country.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryInfo {
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    /// English short name as GeoNames spells it ("Pakistan", "Turkey").
    pub name: String,
    /// Demonyms and nationality adjectives ("Pakistani", "Baloch", …).
    pub demonyms: Vec<String>,
    /// Capital city name.
    pub capital: Option<String>,
}

/// One place-like entry: country, admin unit, town or region phrase.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub kind: PlaceKind,
    /// (borrowed from the pre-built table for its entries: no copy at start-up)
    pub name: Cow<'static, str>,
    /// Index into `Data::countries`.
    pub country: u16,
    /// Entry index of the admin1 unit.
    pub admin1: Option<u32>,
    /// Entry index of the admin2 unit.
    pub admin2: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub gid: Option<u64>,
    pub population: u32,
    /// 3 national capital, 2 admin1 seat, 1 admin2 seat, 0 other.
    pub seat: u8,
    /// Other names, `|`-joined (borrowed from the pre-built table for its
    /// entries, one allocation for the others).
    pub aliases: Cow<'static, str>,
}

impl Entry {
    /// The other names of the entry.
    pub fn alias_iter(&self) -> impl Iterator<Item = &str> {
        self.aliases.split('|').filter(|a| !a.is_empty())
    }
}

/// One country row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Country {
    pub iso2: String,
    pub name: String,
    pub capital: Option<String>,
    /// Entry index of the country entry.
    pub entry: u32,
    pub demonyms: Vec<String>,
}

/// One actor of the dictionary.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ActorRec {
    pub name: String,
    pub actor_type: Option<ActorType>,
    pub country: Option<String>,
    pub aliases: Vec<String>,
    /// In a document about country CC, an unqualified mention means this other actor.
    pub overrides: Vec<(String, String)>,
}

/// A lexicon row: generic nouns, locative cues, stop words.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Generic {
    pub phrase: String,
    pub kind: GenericKind,
}

/// The towns `(lat, lon, population)` of every admin2 entry, grouped: the
/// towns of entry `i` are `towns[start[i]..start[i + 1]]`, as `(start, towns)`.
pub(crate) type DistrictTowns = (Vec<usize>, Vec<(f64, f64, u32)>);

/// All the tables.
#[derive(Debug, Clone, Default)]
pub(crate) struct Data {
    pub entries: Vec<Entry>,
    pub countries: Vec<Country>,
    pub country_by_iso: HashMap<String, u16>,
    pub actors: Vec<ActorRec>,
    pub generics: Vec<Generic>,
    /// Organisations whose activity is one first-level unit (lexicon `H`
    /// rows): (country, admin1 entry, names as written).
    pub homes: Vec<(u16, u32, Vec<String>)>,
    /// Lower-cased English words that are also place names somewhere.
    pub stop: rustc_hash::FxHashSet<String>,
    /// Lower-cased given names (lexicon `F` rows): a place name right after
    /// one is a person's surname ("Gilda Flores", "Luis Carlos Galan").
    pub given: rustc_hash::FxHashSet<String>,
    /// Normalised actor name or pattern → index into `actors` (built on the
    /// first look-up, reset whenever actors are added).
    pub actor_index: std::sync::OnceLock<rustc_hash::FxHashMap<String, usize>>,
    /// The towns of each admin2 entry, from which `resolve::district_centre`
    /// works out the point a district-level event is placed at (the middle
    /// of its towns; grouped on first use, reset whenever places are added).
    pub admin2_centre: std::sync::OnceLock<DistrictTowns>,
    /// How many leading entries are exactly the pre-built table's (their
    /// phrases are matched from it); 0 once user places change the entries.
    pub compiled: usize,
}

/// The pre-built place table, read in place (no copy, no parse, no hashing).
pub(crate) struct Compiled {
    arena: &'static str,
    entries: &'static [u8],
    countries: &'static [u8],
    p_tags: &'static [u8],
    p_vals: &'static [u8],
    p_recs: &'static [u8],
    tlist: &'static [u8],
    n_tags: &'static [u8],
    n_vals: &'static [u8],
    n_list: &'static [u8],
    f_tags: &'static [u8],
    f_vals: &'static [u8],
    filter: &'static [u8],
    pairs: &'static [u8],
    n_entries: usize,
    n_countries: usize,
    n_phrases: usize,
}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compiled")
            .field("entries", &self.n_entries)
            .field("phrases", &self.n_phrases)
            .finish()
    }
}

#[inline]
fn u32_at(b: &[u8], i: usize) -> u32 {
    match b.get(i * 4..i * 4 + 4) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
        _ => NONE_U32,
    }
}

use crate::phrase::{hash, tag, COUNTRY_BYTES, ENTRY_BYTES, MAGIC, NONE_I32, NONE_U32, REC_BYTES};

impl Compiled {
    /// Parse the header and cut the sections.
    fn parse(b: &'static [u8]) -> Option<Compiled> {
        let head = b.get(..MAGIC.len() + 24)?;
        if &head[..MAGIC.len()] != MAGIC {
            return None;
        }
        let h = &head[MAGIC.len()..];
        let (n_entries, n_countries, n_phrases) = (
            u32_at(h, 0) as usize,
            u32_at(h, 1) as usize,
            u32_at(h, 2) as usize,
        );
        let mut rest = &b[MAGIC.len() + 24..];
        let mut next = || -> Option<&'static [u8]> {
            let len = u32_at(rest, 0) as usize;
            let sec = rest.get(4..4 + len)?;
            rest = &rest[4 + len..];
            Some(sec)
        };
        let arena = std::str::from_utf8(next()?).ok()?;
        let c = Compiled {
            arena,
            entries: next()?,
            countries: next()?,
            p_tags: next()?,
            p_vals: next()?,
            p_recs: next()?,
            tlist: next()?,
            n_tags: next()?,
            n_vals: next()?,
            n_list: next()?,
            f_tags: next()?,
            f_vals: next()?,
            filter: next()?,
            pairs: next()?,
            n_entries,
            n_countries,
            n_phrases,
        };
        let ok = c.entries.len() == n_entries * ENTRY_BYTES
            && c.countries.len() == n_countries * COUNTRY_BYTES
            && c.p_recs.len() == n_phrases * REC_BYTES
            && c.p_tags.len().is_power_of_two()
            && c.p_vals.len() == 4 * c.p_tags.len()
            && c.n_tags.len().is_power_of_two()
            && c.n_vals.len() == 4 * c.n_tags.len()
            && c.f_tags.len().is_power_of_two()
            && c.f_vals.len() == 4 * c.f_tags.len()
            && c.filter.len() == crate::phrase::FILTER_BITS / 8
            && c.pairs.len() == crate::phrase::PAIR_BITS / 8;
        ok.then_some(c)
    }

    /// The table embedded in the binary (parsed once per process).
    pub fn get() -> Result<&'static Compiled, GazetteerError> {
        static TABLE: std::sync::OnceLock<Option<Compiled>> = std::sync::OnceLock::new();
        TABLE
            .get_or_init(|| Compiled::parse(COMPILED_PLACES))
            .as_ref()
            .ok_or_else(|| GazetteerError::Embedded("damaged pre-built place table".into()))
    }

    fn text(&self, off: u32, len: u32) -> &'static str {
        let (o, l) = (off as usize, len as usize);
        self.arena.get(o..o + l).unwrap_or("")
    }

    /// Entry ids (sorted) of the place phrase `key`: a start into the id list.
    #[inline]
    pub fn phrase(&self, key: &str) -> Option<u32> {
        let k = key.as_bytes();
        let h = hash(k);
        let t = tag(h);
        let mask = self.p_tags.len().checked_sub(1)?;
        let mut s = (h as usize) & mask;
        for _ in 0..self.p_tags.len() {
            let st = *self.p_tags.get(s)?;
            if st == 0 {
                return None;
            }
            if st == t {
                let r = u32_at(self.p_vals, s) as usize;
                let (off, len) = (
                    u32_at(self.p_recs, r * 3) as usize,
                    u32_at(self.p_recs, r * 3 + 1) as usize,
                );
                if self.arena.as_bytes().get(off..off + len) == Some(k) {
                    return Some(u32_at(self.p_recs, r * 3 + 2));
                }
            }
            s = (s + 1) & mask;
        }
        None
    }

    /// Every place phrase key of the table, in record order (tests check
    /// the pre-built two-word filter against them).
    #[cfg(test)]
    pub fn phrase_keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.n_phrases)
            .map(move |r| self.text(u32_at(self.p_recs, r * 3), u32_at(self.p_recs, r * 3 + 1)))
    }

    /// Entries that may have a name or alias whose lower-case form is
    /// `lower` (a superset: the caller compares the names), ascending.
    pub fn named(&self, lower: &str) -> Vec<u32> {
        let h = hash(lower.as_bytes());
        let t = tag(h);
        let mut out = Vec::new();
        let Some(mask) = self.n_tags.len().checked_sub(1) else {
            return out;
        };
        let mut s = (h as usize) & mask;
        for _ in 0..self.n_tags.len() {
            match self.n_tags.get(s) {
                None | Some(0) => break,
                Some(&st) if st == t => {
                    let start = u32_at(self.n_vals, s) as usize;
                    let n = u32_at(self.n_list, start) as usize;
                    let n = n.min(self.n_list.len() / 4);
                    out.extend((start + 1..start + 1 + n).map(|i| u32_at(self.n_list, i)));
                }
                Some(_) => {}
            }
            s = (s + 1) & mask;
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The entry ids of a phrase found by [`Compiled::phrase`].
    pub fn phrase_ids(&self, start: u32) -> impl Iterator<Item = u32> + '_ {
        let s = start as usize;
        let n = u32_at(self.tlist, s) as usize;
        (s + 1..s + 1 + n.min(self.tlist.len() / 4)).map(move |i| u32_at(self.tlist, i))
    }

    /// The longest place phrase starting with word `w`, in words (rarely, for
    /// a word that starts none, a harmless over-estimate: first words are
    /// known by their hash only).
    #[inline]
    pub fn first(&self, w: &str) -> Option<u8> {
        let h = hash(w.as_bytes());
        let t = tag(h);
        let mask = self.f_tags.len().checked_sub(1)?;
        let mut s = (h as usize) & mask;
        let mut best: Option<u32> = None;
        for _ in 0..self.f_tags.len() {
            let st = *self.f_tags.get(s)?;
            if st == 0 {
                break;
            }
            if st == t {
                let v = u32_at(self.f_vals, s);
                best = Some(best.map_or(v, |b| b.max(v)));
            }
            s = (s + 1) & mask;
        }
        best.map(|n| n.min(255) as u8)
    }

    /// Word `i` of the first-word filter.
    pub fn filter_word(&self, i: usize) -> u64 {
        match self.filter.get(i * 8..i * 8 + 8) {
            Some(&[a, b, c, d, e, f, g, h]) => u64::from_le_bytes([a, b, c, d, e, f, g, h]),
            _ => 0,
        }
    }

    /// Word `i` of the two-word filter.
    pub fn pair_word(&self, i: usize) -> u64 {
        match self.pairs.get(i * 8..i * 8 + 8) {
            Some(&[a, b, c, d, e, f, g, h]) => u64::from_le_bytes([a, b, c, d, e, f, g, h]),
            _ => 0,
        }
    }

    /// Number of place phrases.
    pub fn phrase_count(&self) -> usize {
        self.n_phrases
    }

    fn entry(&self, i: usize) -> Option<Entry> {
        let r = self.entries.get(i * ENTRY_BYTES..(i + 1) * ENTRY_BYTES)?;
        let w = |k: usize| u32_at(r, k);
        let opt = |v: u32| (v != NONE_U32).then_some(v);
        let coord = |v: u32| {
            let v = v as i32;
            (v != NONE_I32).then(|| f64::from(v) / 1e5)
        };
        let kind = match r[0] {
            0 => PlaceKind::Country,
            1 => PlaceKind::Admin1,
            2 => PlaceKind::Admin2,
            3 => PlaceKind::Populated,
            _ => PlaceKind::Region,
        };
        let (name_off, name_len, al_len) = (w(7), w(8), w(9));
        Some(Entry {
            kind,
            name: Cow::Borrowed(self.text(name_off, name_len)),
            country: u16::from_le_bytes([r[2], r[3]]),
            admin1: opt(w(1)),
            admin2: opt(w(2)),
            lat: coord(w(3)),
            lon: coord(w(4)),
            gid: Some(u64::from(w(5))).filter(|g| *g != 0),
            population: w(6),
            seat: r[1],
            aliases: Cow::Borrowed(self.text(name_off.saturating_add(name_len), al_len)),
        })
    }

    fn country(&self, i: usize) -> Option<Country> {
        let r = self
            .countries
            .get(i * COUNTRY_BYTES..(i + 1) * COUNTRY_BYTES)?;
        let t = |k: usize| self.text(u32_at(r, 2 * k), u32_at(r, 2 * k + 1));
        Some(Country {
            iso2: t(0).to_string(),
            name: t(1).to_string(),
            capital: Some(t(2).to_string()).filter(|s| !s.is_empty()),
            entry: u32_at(r, 8),
            demonyms: split_list(t(3)),
        })
    }
}

fn perr(path: &Path, line: usize, message: impl Into<String>) -> GazetteerError {
    GazetteerError::Parse {
        path: path.to_path_buf(),
        line,
        message: message.into(),
    }
}

fn opt_f64(s: &str) -> Option<f64> {
    if s.is_empty() {
        None
    } else {
        s.parse().ok().filter(|v: &f64| v.is_finite())
    }
}

#[cfg(test)]
fn opt_u32(s: &str) -> Option<u32> {
    if s.is_empty() {
        None
    } else {
        s.parse().ok()
    }
}

fn split_list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(String::from)
        .collect()
}

/// Parse a generic-kind label of the lexicon.
fn parse_generic(s: &str) -> Option<GenericKind> {
    Some(match s {
        "gunmen" => GenericKind::Gunmen,
        "militants" => GenericKind::Militants,
        "security" => GenericKind::SecurityForces,
        "military" => GenericKind::Military,
        "police" => GenericKind::Police,
        "paramilitary" => GenericKind::Paramilitary,
        "civilians" => GenericKind::Civilians,
        "protesters" => GenericKind::Protesters,
        "rioters" => GenericKind::Rioters,
        "government" => GenericKind::Government,
        _ => return None,
    })
}

impl ActorRec {
    /// As the shared model type.
    pub fn to_actor(&self) -> sitrep_model::Actor {
        sitrep_model::Actor {
            name: self.name.clone(),
            actor_type: self.actor_type,
            country: self.country.clone(),
        }
    }
}

impl Data {
    /// Load the embedded tables.
    pub fn embedded() -> Result<Data, GazetteerError> {
        let mut d = Data::default();
        let emb = Path::new("<embedded>");
        d.load_table(Compiled::get()?)?;
        d.load_lexicon(EMBEDDED_LEXICON, emb)?;
        for w in EMBEDDED_STOPWORDS.lines() {
            if !w.starts_with('#') && !w.is_empty() {
                d.stop.insert(w.to_string());
            }
        }
        d.add_actors_tsv(EMBEDDED_ACTORS, emb)?;
        // Derived names only where no hand-written actor already has them.
        let mut derived = Data {
            country_by_iso: d.country_by_iso.clone(),
            ..Data::default()
        };
        derived.add_actors_tsv(EMBEDDED_ACTORS_DERIVED, Path::new("<embedded derived>"))?;
        let known: rustc_hash::FxHashSet<String> = d
            .actors
            .iter()
            .flat_map(crate::actors::actor_patterns)
            .map(|p| crate::actors::normalise_actor_name(&p))
            .collect();
        let mut hand = std::mem::take(&mut d.actors);
        d.actors = derived
            .actors
            .into_iter()
            .filter(|a| {
                !crate::actors::actor_patterns(a)
                    .iter()
                    .any(|p| known.contains(&crate::actors::normalise_actor_name(p)))
            })
            .collect();
        d.actors.append(&mut hand);
        crate::actors::synthesise_state_actors(&mut d);
        d.rank_admin_units();
        Ok(d)
    }

    /// The entries and countries of the pre-built table.
    fn load_table(&mut self, c: &Compiled) -> Result<(), GazetteerError> {
        let bad = || GazetteerError::Embedded("damaged pre-built place table".into());
        self.countries.reserve(c.n_countries);
        for i in 0..c.n_countries {
            let co = c.country(i).ok_or_else(bad)?;
            self.country_by_iso.insert(co.iso2.clone(), i as u16);
            self.countries.push(co);
        }
        self.entries.reserve(c.n_entries + 4096);
        for i in 0..c.n_entries {
            self.entries.push(c.entry(i).ok_or_else(bad)?);
        }
        self.compiled = c.n_entries;
        Ok(())
    }

    /// The compiled format (see `xtask`): one record per line, first field the
    /// record type (`C` country, `A1`, `A2`, `P` populated place, `R` region).
    #[cfg(test)]
    fn load_compiled(&mut self, text: &str, path: &Path) -> Result<(), GazetteerError> {
        // Entry ids in the file are the line order of A1/A2/C/P/R rows.
        for (i, line) in text.lines().enumerate() {
            let ln = i + 1;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let get = |k: usize| f.get(k).copied().unwrap_or("");
            let kind = match get(0) {
                "C" => PlaceKind::Country,
                "A1" => PlaceKind::Admin1,
                "A2" => PlaceKind::Admin2,
                "P" => PlaceKind::Populated,
                "R" => PlaceKind::Region,
                other => return Err(perr(path, ln, format!("unknown record type {other:?}"))),
            };
            // common columns: type, cc, admin1 entry, admin2 entry, name, lat, lon, gid, pop, seat, aliases, [demonyms, capital]
            if f.len() < 11 {
                return Err(perr(path, ln, "expected at least 11 fields"));
            }
            let cc = get(1);
            let country = if kind == PlaceKind::Country {
                let idx = self.countries.len() as u16;
                self.countries.push(Country {
                    iso2: cc.to_string(),
                    name: get(4).to_string(),
                    capital: Some(get(12).to_string()).filter(|s| !s.is_empty()),
                    entry: self.entries.len() as u32,
                    demonyms: split_list(get(11)),
                });
                self.country_by_iso.insert(cc.to_string(), idx);
                idx
            } else {
                *self
                    .country_by_iso
                    .get(cc)
                    .ok_or_else(|| perr(path, ln, format!("unknown country {cc}")))?
            };
            let n = self.entries.len() as u32;
            let check = |v: Option<u32>| -> Result<Option<u32>, GazetteerError> {
                match v {
                    Some(x) if x >= n => Err(perr(path, ln, "forward entry reference")),
                    _ => Ok(v),
                }
            };
            self.entries.push(Entry {
                kind,
                name: get(4).to_string().into(),
                country,
                admin1: check(opt_u32(get(2)))?,
                admin2: check(opt_u32(get(3)))?,
                lat: opt_f64(get(5)),
                lon: opt_f64(get(6)),
                gid: get(7).parse().ok(),
                population: get(8).parse().unwrap_or(0),
                seat: get(9).parse().unwrap_or(0),
                aliases: get(10).to_string().into(),
            });
        }
        Ok(())
    }

    /// The lexicon: `G<TAB>kind<TAB>phrase` generic nouns, `S<TAB>word` stop
    /// words, `R<TAB>cc<TAB>admin1 name<TAB>phrases` region phrases,
    /// `H<TAB>cc<TAB>admin1 name<TAB>names` organisations of one province.
    fn load_lexicon(&mut self, text: &str, path: &Path) -> Result<(), GazetteerError> {
        for (i, line) in text.lines().enumerate() {
            let ln = i + 1;
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            match f.first().copied() {
                Some("G") if f.len() >= 3 => {
                    let kind = parse_generic(f[1])
                        .ok_or_else(|| perr(path, ln, format!("unknown generic {:?}", f[1])))?;
                    for p in split_list(f[2]) {
                        self.generics.push(Generic { phrase: p, kind });
                    }
                }
                Some("S") if f.len() >= 2 => {
                    for w in f[1].split_whitespace() {
                        self.stop.insert(w.to_lowercase());
                    }
                }
                Some("F") if f.len() >= 2 => {
                    for w in f[1].split_whitespace() {
                        self.given.insert(w.to_lowercase());
                    }
                }
                Some("R") if f.len() >= 4 => {
                    for cc in f[1].split(',') {
                        let Some(&ci) = self.country_by_iso.get(cc) else {
                            return Err(perr(path, ln, format!("unknown country {cc}")));
                        };
                        let admin1 = if f[2].is_empty() {
                            None
                        } else {
                            Some(self.find_admin1(ci, f[2]).ok_or_else(|| {
                                perr(path, ln, format!("unknown admin1 {:?} in {cc}", f[2]))
                            })?)
                        };
                        let centre = admin1.unwrap_or(self.countries[ci as usize].entry);
                        let (lat, lon, gid) = {
                            let e = &self.entries[centre as usize];
                            (e.lat, e.lon, e.gid)
                        };
                        let phrases = split_list(f[3]);
                        let name = phrases.first().cloned().unwrap_or_default();
                        self.entries.push(Entry {
                            kind: PlaceKind::Region,
                            name: name.into(),
                            country: ci,
                            admin1,
                            admin2: None,
                            lat,
                            lon,
                            gid,
                            population: 0,
                            seat: 0,
                            aliases: phrases.join("|").into(),
                        });
                    }
                }
                Some("H") if f.len() >= 4 => {
                    let Some(&ci) = self.country_by_iso.get(f[1]) else {
                        return Err(perr(path, ln, format!("unknown country {}", f[1])));
                    };
                    let a1 = self.find_admin1(ci, f[2]).ok_or_else(|| {
                        perr(path, ln, format!("unknown admin1 {:?} in {}", f[2], f[1]))
                    })?;
                    self.homes.push((ci, a1, split_list(f[3])));
                }
                _ => return Err(perr(path, ln, "malformed lexicon line")),
            }
        }
        Ok(())
    }

    /// Give admin units without a population the population of their largest
    /// town, so that same-named units and towns compare on one scale.
    fn rank_admin_units(&mut self) {
        let mut best: Vec<u32> = vec![0; self.entries.len()];
        for e in &self.entries {
            if e.kind == PlaceKind::Populated {
                for a in [e.admin1, e.admin2].into_iter().flatten() {
                    let b = &mut best[a as usize];
                    *b = (*b).max(e.population);
                }
            }
        }
        for (e, b) in self.entries.iter_mut().zip(best) {
            if matches!(e.kind, PlaceKind::Admin1 | PlaceKind::Admin2) && e.population == 0 {
                e.population = b;
            }
        }
    }

    /// Find an admin1 entry of a country by name or alias (case-insensitive).
    pub fn find_admin1(&self, country: u16, name: &str) -> Option<u32> {
        self.entries
            .iter()
            .enumerate()
            .find(|(_, e)| {
                e.kind == PlaceKind::Admin1
                    && e.country == country
                    && (e.name.eq_ignore_ascii_case(name)
                        || e.alias_iter().any(|a| a.eq_ignore_ascii_case(name)))
            })
            .map(|(i, _)| i as u32)
    }

    /// Find an admin2 entry of a country by name or alias (case-insensitive).
    fn find_admin2(&self, country: u16, admin1: Option<u32>, name: &str) -> Option<u32> {
        self.entries
            .iter()
            .enumerate()
            .find(|(_, e)| {
                e.kind == PlaceKind::Admin2
                    && e.country == country
                    && (admin1.is_none() || e.admin1 == admin1)
                    && (e.name.eq_ignore_ascii_case(name)
                        || e.alias_iter().any(|a| a.eq_ignore_ascii_case(name)))
            })
            .map(|(i, _)| i as u32)
    }

    /// User places: `name<TAB>cc<TAB>admin1<TAB>admin2<TAB>lat<TAB>lon<TAB>population<TAB>aliases`.
    /// An existing town of the same name in the same country and admin1 is
    /// replaced; otherwise the place is added.
    pub fn add_places_tsv(&mut self, text: &str, path: &Path) -> Result<(), GazetteerError> {
        // Entries may be replaced: the pre-built phrases no longer hold.
        self.compiled = 0;
        self.admin2_centre = std::sync::OnceLock::new();
        for (i, line) in text.lines().enumerate() {
            let ln = i + 1;
            let line = line.trim_end_matches(['\r', '\n']);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            if f.len() < 6 {
                return Err(perr(
                    path,
                    ln,
                    "expected name, cc, admin1, admin2, lat, lon[, population, aliases]",
                ));
            }
            let cc = f[1].to_ascii_uppercase();
            let ci = *self
                .country_by_iso
                .get(&cc)
                .ok_or_else(|| perr(path, ln, format!("unknown country code {cc:?}")))?;
            let admin1 = if f[2].is_empty() {
                None
            } else {
                Some(
                    self.find_admin1(ci, f[2])
                        .ok_or_else(|| perr(path, ln, format!("unknown admin1 {:?}", f[2])))?,
                )
            };
            let admin2 = if f[3].is_empty() {
                None
            } else {
                self.find_admin2(ci, admin1, f[3])
            };
            let lat = opt_f64(f[4]).ok_or_else(|| perr(path, ln, "bad latitude"))?;
            let lon = opt_f64(f[5]).ok_or_else(|| perr(path, ln, "bad longitude"))?;
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                return Err(perr(path, ln, "coordinates out of range"));
            }
            let population = f.get(6).and_then(|s| s.parse().ok()).unwrap_or(0);
            let aliases = f
                .get(7)
                .map(|s| split_list(s).join("|"))
                .unwrap_or_default();
            let entry = Entry {
                kind: PlaceKind::Populated,
                name: f[0].to_string().into(),
                country: ci,
                admin1,
                admin2,
                lat: Some(lat),
                lon: Some(lon),
                gid: None,
                population,
                seat: 0,
                aliases: aliases.into(),
            };
            if let Some(old) = self.entries.iter_mut().find(|e| {
                e.kind == PlaceKind::Populated
                    && e.country == ci
                    && e.admin1 == admin1
                    && e.name.eq_ignore_ascii_case(f[0])
            }) {
                *old = entry;
            } else {
                self.entries.push(entry);
            }
        }
        Ok(())
    }

    /// Actors: `name<TAB>type<TAB>country<TAB>aliases` (type = ACLED label or
    /// inter code; country ISO2 or empty; aliases `|`-separated). Same name →
    /// replaced.
    pub fn add_actors_tsv(&mut self, text: &str, path: &Path) -> Result<(), GazetteerError> {
        self.actor_index = std::sync::OnceLock::new();
        for (i, line) in text.lines().enumerate() {
            let ln = i + 1;
            let line = line.trim_end_matches(['\r', '\n']);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            if f[0].is_empty() {
                return Err(perr(path, ln, "empty actor name"));
            }
            let actor_type = match f.get(1).copied().unwrap_or("") {
                "" => None,
                t => Some(
                    crate::parse_actor_type(t)
                        .ok_or_else(|| perr(path, ln, format!("unknown actor type {t:?}")))?,
                ),
            };
            let country = match f.get(2).copied().unwrap_or("") {
                "" => None,
                c => {
                    let c = c.to_ascii_uppercase();
                    if !self.country_by_iso.contains_key(&c) {
                        return Err(perr(path, ln, format!("unknown country code {c:?}")));
                    }
                    Some(c)
                }
            };
            let rec = ActorRec {
                name: f[0].to_string(),
                actor_type,
                country,
                aliases: f.get(3).map(|s| split_list(s)).unwrap_or_default(),
                overrides: f
                    .get(4)
                    .map(|s| split_list(s))
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|o| {
                        let (cc, name) = o.split_once('=')?;
                        Some((cc.trim().to_ascii_uppercase(), name.trim().to_string()))
                    })
                    .collect(),
            };
            if let Some(old) = self.actors.iter_mut().find(|a| a.name == rec.name) {
                *old = rec;
            } else {
                self.actors.push(rec);
            }
        }
        Ok(())
    }

    /// Country facts.
    pub fn country_info(&self, iso2: &str) -> Option<CountryInfo> {
        let c = &self.countries[*self.country_by_iso.get(&iso2.to_ascii_uppercase())? as usize];
        Some(CountryInfo {
            iso2: c.iso2.clone(),
            name: c.name.clone(),
            demonyms: c.demonyms.clone(),
            capital: c.capital.clone(),
        })
    }

    /// The ACLED-style location of an entry at a given precision.
    pub fn location(&self, idx: u32, precision: u8) -> Location {
        let e = &self.entries[idx as usize];
        let c = &self.countries[e.country as usize];
        let admin1 = match e.kind {
            PlaceKind::Admin1 => Some(e.name.to_string()),
            _ => e.admin1.map(|a| self.entries[a as usize].name.to_string()),
        };
        let admin2 = match e.kind {
            PlaceKind::Admin2 => Some(e.name.to_string()),
            _ => e.admin2.map(|a| self.entries[a as usize].name.to_string()),
        };
        let (admin1, admin2) = if e.kind == PlaceKind::Country {
            (None, None)
        } else {
            (admin1, admin2)
        };
        Location {
            name: e.name.to_string(),
            admin1,
            admin2,
            country: Some(c.name.clone()),
            country_code: Some(c.iso2.clone()),
            lat: e.lat.map(round5),
            lon: e.lon.map(round5),
            geonames_id: e.gid,
            precision,
        }
    }
}

fn round5(v: f64) -> f64 {
    (v * 1e5).round() / 1e5
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// The pre-built table holds exactly what parsing the text gives.
    #[test]
    fn the_prebuilt_table_equals_the_parsed_text() {
        let mut gz = flate2::read::GzDecoder::new(EMBEDDED_PLACES);
        let mut places = String::new();
        gz.read_to_string(&mut places).expect("gunzip");
        let mut text = Data::default();
        text.load_compiled(&places, Path::new("<test>"))
            .expect("parse");
        let mut table = Data::default();
        table
            .load_table(Compiled::get().expect("table"))
            .expect("load");
        assert_eq!(table.compiled, text.entries.len());
        assert_eq!(table.countries, text.countries);
        assert_eq!(table.country_by_iso, text.country_by_iso);
        assert_eq!(table.entries.len(), text.entries.len());
        for (a, b) in table.entries.iter().zip(&text.entries) {
            assert_eq!(a, b);
        }
    }
}
