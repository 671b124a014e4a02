//! The one-pass multi-pattern matcher over place and actor names.
//!
//! All names (places, admin units, countries, demonyms, region phrases,
//! actor names and aliases, generic actor nouns) go into one dictionary keyed
//! by their exact spelling (case-sensitive: place names must be capitalised as
//! written). Matching walks the text's words once, left to right, and at each
//! word tries the longest phrase first (leftmost-longest); matches begin and
//! end on word boundaries by construction ("Bannu" never matches inside
//! "Bannuwal").
//!
//! Why not an Aho-Corasick automaton: with the full alias set (~460k
//! patterns) building `aho-corasick`'s contiguous NFA took 6 s at start-up
//! (measured, release build), far over the 500 ms budget, and `daachorse`'s
//! serialised form can only be loaded with `unsafe` (forbidden here). The
//! word-level dictionary builds in a fraction of that and matches faster,
//! because most words are rejected by one hash probe.

use std::collections::HashMap;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use sitrep_model::{Actor, ActorType, Span};

use crate::data::{Compiled, Data};
use crate::phrase::{
    filter_key, is_word_char, key_shape, pair_end, pair_key, phrase_keys, FILTER_BITS, NONE_U32,
    PAIR_BITS,
};
use crate::{
    ActorMention, ActorMentionKind, GazetteerError, GenericKind, PlaceId, PlaceKind, PlaceMention,
    Recognition,
};

/// What a pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Target {
    /// A place-like entry (country, admin unit, town, region).
    Place(u32),
    /// A demonym of a country (index into `Data::countries`).
    Demonym(u16),
    /// An actor of the dictionary (index into `Data::actors`).
    Actor(u32),
    /// A generic actor noun.
    Generic(GenericKind),
}

/// The compiled automaton and what each pattern stands for.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    /// Phrase (exact spelling, trailing dot dropped) → pattern id.
    phrases: FxHashMap<Box<str>, u32>,
    /// First word of any phrase → the longest phrase starting with it, in words.
    first: FxHashMap<Box<str>, u8>,
    /// Bit filter over (first byte, second byte, length) of the first words
    /// of `phrases`: most words of running text are rejected by one bit test,
    /// without hashing.
    filter: Vec<u64>,
    /// The same filter over the first words of the pre-built place phrases.
    compiled_filter: Vec<u64>,
    /// Bit filter over the hashes of the two-word beginnings ("San
    /// Salvador" of "San Salvador Department") of every phrase of two words
    /// or more, built or pre-built: at a word whose next two words begin no
    /// phrase, only the one-word phrase is looked up. In capitalised text
    /// (title-cased wire copy) most words start some longer place name, and
    /// trying every length from the longest down was most of the matching.
    pairs: Vec<u64>,
    /// The first target of each phrase (most phrases have one)…
    targets: Vec<Target>,
    /// …and the others, sorted, for phrases with several.
    extra: FxHashMap<u32, Vec<Target>>,
    /// Lower-cased name → entries; built on first use (look-ups by name).
    names: OnceLock<HashMap<String, Vec<u32>>>,
    /// The place phrases of the compiled entries, pre-built by `build.rs`
    /// (`None` once user places changed the entries): looked up alongside
    /// `phrases`, which then holds only the rest (regions, demonyms, actors,
    /// generic nouns).
    compiled: Option<&'static Compiled>,
    /// This matcher's number (distinct for every build), which owns the
    /// thread's word cache ([`WordCache`]).
    id: u64,
}

/// What the matcher knows of one word of text: the longest built and
/// pre-built phrases it starts (in words) and the one-word phrase it is.
#[derive(Debug, Clone, Copy)]
struct WordInfo {
    bmax: u8,
    cmax: u8,
    one: Option<Hit>,
}

/// Bytes of a word the cache keeps (longer words are not cached).
const CACHED_WORD: usize = 19;
/// Slots of the word cache (a power of two): 256 kB.
const CACHE_SLOTS: usize = 8192;

/// One slot of the word cache (32 bytes, one per half cache line): the
/// word's bytes and what it gave, the one-word phrase as its two ids
/// (`NONE_U32`: none).
#[derive(Debug, Clone, Copy)]
#[repr(C, align(32))]
struct CacheSlot {
    bytes: [u8; CACHED_WORD],
    len: u8,
    bmax: u8,
    cmax: u8,
    built: u32,
    compiled: u32,
}

impl CacheSlot {
    /// The slot of a word's bytes and information.
    fn new(b: &[u8], info: WordInfo) -> CacheSlot {
        let mut bytes = [0u8; CACHED_WORD];
        bytes[..b.len()].copy_from_slice(b);
        let one = info.one.unwrap_or(Hit {
            built: None,
            compiled: None,
        });
        CacheSlot {
            bytes,
            len: b.len() as u8,
            bmax: info.bmax,
            cmax: info.cmax,
            built: one.built.unwrap_or(NONE_U32),
            compiled: one.compiled.unwrap_or(NONE_U32),
        }
    }

    /// The information kept.
    fn info(&self) -> WordInfo {
        let opt = |v: u32| (v != NONE_U32).then_some(v);
        let h = Hit {
            built: opt(self.built),
            compiled: opt(self.compiled),
        };
        WordInfo {
            bmax: self.bmax,
            cmax: self.cmax,
            one: (h.built.is_some() || h.compiled.is_some()).then_some(h),
        }
    }
}

/// A per-thread, direct-mapped cache of [`WordInfo`] by the word's exact
/// bytes. News repeats a few thousand words (MUC's 500k words have 17k
/// distinct spellings); each first look-up probes tables far too large for
/// the processor's caches (the first-word tables and the phrase tables), and
/// in title-cased wire copy nearly every word starts some place name. The
/// cache only remembers answers of one matcher (`owner`), so it never
/// changes what is found.
struct WordCache {
    owner: u64,
    slots: Vec<CacheSlot>,
}

thread_local! {
    static WORD_CACHE: std::cell::RefCell<WordCache> = const {
        std::cell::RefCell::new(WordCache {
            owner: 0,
            slots: Vec::new(),
        })
    };
}

/// Numbers handed to matchers as they are built (0 is no matcher).
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A phrase found in the text: its id among the built phrases and/or its
/// entry list in the pre-built table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hit {
    built: Option<u32>,
    compiled: Option<u32>,
}

/// Cue words that end an organisation's name ("… Group", "… Front").
const SUFFIX_CUES: &[&str] = &[
    "Group",
    "Front",
    "Army",
    "Movement",
    "Brigade",
    "Brigades",
    "Battalion",
    "Organisation",
    "Organization",
    "Militia",
    "Force",
    "Tigers",
    "Mujahideen",
    "Mujahidin",
    "Council",
    "Commandos",
    "Squad",
    "Fauj",
    "Sangh",
    "Sena",
    "Dal",
];
/// Cue words that start an organisation's name ("Lashkar-e-…", "Jaish …").
const PREFIX_CUES: &[&str] = &[
    "Lashkar",
    "Jaish",
    "Tehreek",
    "Tehrik",
    "Tahreek",
    "Tahrik",
    "Harkat",
    "Harakat",
    "Jamaat",
    "Jamiat",
    "Sipah",
    "Ansar",
    "Ansarul",
    "Hizb",
    "Hizbul",
    "Jundallah",
    "Jund",
    "Majlis",
    "Ittehad",
    "Tanzeem",
    "Tanzim",
];
/// Lower-case joiners allowed inside an organisation's name.
const JOINERS: &[&str] = &[
    "of", "al", "ul", "e", "i", "el", "ud", "ur", "us", "for", "and", "the", "wal", "fi", "bil",
];

impl Matcher {
    /// Build the matcher from the tables.
    pub fn build(data: &Data) -> Result<Matcher, GazetteerError> {
        let compiled = if data.compiled > 0 {
            Some(Compiled::get()?)
        } else {
            None
        };
        Matcher::build_with(data, compiled)
    }

    /// Build with (or without) the pre-built place phrases.
    fn build_with(
        data: &Data,
        compiled: Option<&'static Compiled>,
    ) -> Result<Matcher, GazetteerError> {
        let mut b = Builder::default();
        let skip = if compiled.is_some() { data.compiled } else { 0 };
        for (i, e) in data.entries.iter().enumerate().skip(skip) {
            let t = Target::Place(i as u32);
            b.add(&e.name, t);
            for a in e.alias_iter() {
                b.add(a, t);
            }
        }
        for (ci, c) in data.countries.iter().enumerate() {
            for d in &c.demonyms {
                b.add(d, Target::Demonym(ci as u16));
            }
        }
        let patterns: Vec<Vec<String>> = data
            .actors
            .iter()
            .map(crate::actors::actor_patterns)
            .collect();
        for (ai, pats) in patterns.iter().enumerate() {
            let t = Target::Actor(ai as u32);
            for alias in pats {
                b.add(alias, t);
            }
        }
        // the actor look-up index reads the same patterns: built here, they
        // are worked out once per process (the index was built on the first
        // look-up, working them out again)
        data.actor_index
            .get_or_init(|| crate::actors::actor_index(data, &patterns));
        for g in &data.generics {
            b.add(&g.phrase, Target::Generic(g.kind));
            b.add(&capitalise(&g.phrase), Target::Generic(g.kind));
        }
        for t in b.extra.values_mut() {
            t.sort();
        }
        let compiled_filter: Vec<u64> = match compiled {
            Some(c) => (0..FILTER_BITS / 64).map(|i| c.filter_word(i)).collect(),
            None => vec![0u64; FILTER_BITS / 64],
        };
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for w in b.first.keys() {
            let k = filter_key(w.as_bytes());
            filter[k / 64] |= 1 << (k % 64);
        }
        // the pre-built place phrases' two-word filter, plus the others'
        let mut pairs: Vec<u64> = match compiled {
            Some(c) => (0..PAIR_BITS / 64).map(|i| c.pair_word(i)).collect(),
            None => vec![0u64; PAIR_BITS / 64],
        };
        for key in b.phrases.keys() {
            if let Some(end) = pair_end(key) {
                let k = pair_key(&key[..end]);
                pairs[k / 64] |= 1 << (k % 64);
            }
        }
        Ok(Matcher {
            filter,
            compiled_filter,
            pairs,
            phrases: b.phrases,
            first: b.first,
            targets: b.targets,
            extra: b.extra,
            names: OnceLock::new(),
            compiled,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }

    /// The phrase `key`, if the dictionary has it.
    #[inline]
    fn lookup(&self, key: &str) -> Option<Hit> {
        self.lookup_in(key, true, true)
    }

    /// The phrase `key` among the built phrases and/or the pre-built ones.
    #[inline]
    fn lookup_in(&self, key: &str, built: bool, compiled: bool) -> Option<Hit> {
        let h = Hit {
            built: if built {
                self.phrases.get(key).copied()
            } else {
                None
            },
            compiled: if compiled {
                self.compiled.and_then(|c| c.phrase(key))
            } else {
                None
            },
        };
        (h.built.is_some() || h.compiled.is_some()).then_some(h)
    }

    /// The longest phrase starting with word `w`, in words, among the built
    /// phrases and among the pre-built ones (0: none).
    #[inline]
    fn first_lens(&self, w: &str) -> (u8, u8) {
        let k = filter_key(w.as_bytes());
        let bit = 1u64 << (k % 64);
        let built = if self.filter[k / 64] & bit != 0 {
            self.first.get(w).copied().unwrap_or(0)
        } else {
            0
        };
        let compiled = match self.compiled {
            Some(c) if self.compiled_filter[k / 64] & bit != 0 => c.first(w).unwrap_or(0),
            _ => 0,
        };
        (built, compiled)
    }

    /// [`WordInfo`] of word `w`, computed.
    fn word_info_uncached(&self, w: &str) -> WordInfo {
        let (bmax, cmax) = self.first_lens(w);
        // the look-up `recognise` makes for a one-word phrase
        let one = if bmax.max(cmax) > 0 {
            self.lookup_in(w, bmax >= 1, cmax >= 1)
        } else {
            None
        };
        WordInfo { bmax, cmax, one }
    }

    /// [`WordInfo`] of word `w`, from the thread's word cache when it has it.
    #[inline]
    fn word_info(&self, w: &str) -> WordInfo {
        let b = w.as_bytes();
        if b.len() > CACHED_WORD {
            return self.word_info_uncached(w);
        }
        WORD_CACHE.with(|cell| {
            let Ok(mut cache) = cell.try_borrow_mut() else {
                return self.word_info_uncached(w);
            };
            if cache.owner != self.id || cache.slots.is_empty() {
                cache.owner = self.id;
                cache.slots.clear();
                let empty = CacheSlot {
                    bytes: [0; CACHED_WORD],
                    len: u8::MAX, // matches no word (at most CACHED_WORD bytes)
                    bmax: 0,
                    cmax: 0,
                    built: NONE_U32,
                    compiled: NONE_U32,
                };
                cache.slots.resize(CACHE_SLOTS, empty);
            }
            let slot = (crate::phrase::hash(b) as usize) & (CACHE_SLOTS - 1);
            let c = &cache.slots[slot];
            if c.len as usize == b.len() && &c.bytes[..b.len()] == b {
                return c.info();
            }
            let info = self.word_info_uncached(w);
            cache.slots[slot] = CacheSlot::new(b, info);
            info
        })
    }

    /// Whether some phrase of two words or more may begin with `pair` (the
    /// text from the start of a word to the end of the next one); `false`
    /// is certain.
    #[inline]
    fn pair_may_start(&self, pair: &str) -> bool {
        let k = pair_key(pair);
        self.pairs[k / 64] & (1 << (k % 64)) != 0
    }

    /// Every target of a phrase, in a stable order, into `v` (cleared
    /// first): one buffer serves all the matches of a text.
    fn targets_into(&self, h: Hit, v: &mut Vec<Target>) {
        v.clear();
        if let (Some(c), Some(start)) = (self.compiled, h.compiled) {
            v.extend(c.phrase_ids(start).map(Target::Place));
        }
        if let Some(id) = h.built {
            v.push(self.targets[id as usize]);
            if let Some(more) = self.extra.get(&id) {
                v.extend(more.iter().copied());
            }
        }
        if v.len() > 1 {
            v.sort();
            v.dedup();
        }
    }

    /// Every target of a phrase, in a stable order.
    fn targets_of(&self, h: Hit) -> Vec<Target> {
        let mut v = Vec::new();
        self.targets_into(h, &mut v);
        v
    }

    /// Number of patterns.
    pub fn pattern_count(&self) -> usize {
        self.targets.len() + self.compiled.map_or(0, Compiled::phrase_count)
    }

    /// Entries whose name or alias equals `name` (case-insensitive).
    pub fn entries_named(&self, data: &Data, name: &str) -> Vec<u32> {
        let key = name.trim().to_lowercase();
        // The pre-built entries come from the table (candidates by hash,
        // checked here); the map is built, on first use, for the others only.
        let skip = if self.compiled.is_some() {
            data.compiled
        } else {
            0
        };
        let mut out: Vec<u32> = match self.compiled {
            Some(c) => c
                .named(&key)
                .into_iter()
                .filter(|&i| {
                    (i as usize) < skip
                        && data.entries.get(i as usize).is_some_and(|e| {
                            e.name.to_lowercase() == key
                                || e.alias_iter().any(|a| a.to_lowercase() == key)
                        })
                })
                .collect(),
            None => Vec::new(),
        };
        let names = self.names.get_or_init(|| {
            let mut m: HashMap<String, Vec<u32>> = HashMap::new();
            for (i, e) in data.entries.iter().enumerate().skip(skip) {
                for n in std::iter::once(&*e.name).chain(e.alias_iter()) {
                    let v = m.entry(n.to_lowercase()).or_default();
                    if v.last() != Some(&(i as u32)) {
                        v.push(i as u32);
                    }
                }
            }
            m
        });
        out.extend(names.get(&key).into_iter().flatten().copied());
        out
    }

    /// A lower-case word right after "in/at/near/from" that is a place name
    /// when capitalised ("protested in lahore"): reported as a common-word
    /// mention, so it needs the resolver's evidence (cue + context or a big place).
    fn lowercase_place(
        &self,
        data: &Data,
        text: &str,
        words: &[(usize, usize)],
        i: usize,
    ) -> Option<PlaceMention> {
        let (s, e) = words[i];
        let w = &text[s..e];
        if i == 0 || !w.as_bytes().first()?.is_ascii_lowercase() || w.len() < 4 {
            return None;
        }
        let (ps, pe) = words[i - 1];
        if &text[pe..s] != " " || !matches!(&text[ps..pe], "in" | "at" | "near" | "from") {
            return None;
        }
        if data.stop.contains(w) {
            return None; // "in capital", "near forest": ordinary words
        }
        let id = self.lookup(capitalise(w).as_str())?;
        let cands: Vec<PlaceId> = self
            .targets_of(id)
            .iter()
            .filter_map(|t| match *t {
                Target::Place(p)
                    if matches!(
                        data.entries[p as usize].kind,
                        PlaceKind::Populated | PlaceKind::Admin1 | PlaceKind::Admin2
                    ) =>
                {
                    Some(PlaceId(p))
                }
                _ => None,
            })
            .collect();
        let kind = cands
            .iter()
            .map(|c| data.entries[c.0 as usize].kind)
            .reduce(better_kind)?;
        Some(PlaceMention {
            span: Span::new(s, e),
            kind,
            candidates: cands,
            common_word: true,
        })
    }

    /// The first-level unit of actor `a`'s own country that the first words of
    /// its mention `ws` (two or more words) name, as a place mention of those
    /// words: "Kerala" in "Kerala Police", "Punjab" in "Punjab Police" read as
    /// Pakistan's police.
    fn province_opening(
        &self,
        data: &Data,
        text: &str,
        ws: &[(usize, usize)],
        a: u32,
    ) -> Option<PlaceMention> {
        let home = data.actors.get(a as usize)?.country.as_deref()?;
        let mut targets = Vec::new();
        for j in (1..ws.len()).rev() {
            let key = &text[ws[0].0..ws[j - 1].1];
            let hit = if j == 1 {
                self.word_info(key).one
            } else {
                self.lookup_in(key, true, true)
            };
            let Some(h) = hit else { continue };
            self.targets_into(h, &mut targets);
            let cands: Vec<PlaceId> = targets
                .iter()
                .filter_map(|t| match *t {
                    Target::Place(i) => Some(i),
                    _ => None,
                })
                .filter(|&i| {
                    let en = &data.entries[i as usize];
                    en.kind == PlaceKind::Admin1 && data.countries[en.country as usize].iso2 == home
                })
                .map(PlaceId)
                .collect();
            if !cands.is_empty() {
                return Some(PlaceMention {
                    span: Span::new(ws[0].0, ws[j - 1].1),
                    kind: PlaceKind::Admin1,
                    candidates: cands,
                    common_word: is_common(data, key),
                });
            }
        }
        None
    }

    /// Recognise mentions in `text`.
    pub fn recognise(&self, data: &Data, text: &str) -> Recognition {
        let mut rec = Recognition::default();
        // (span, country of a demonym/country match) of the previous match,
        // for "Pakistani soldiers" country hints.
        let mut last_country: Option<(usize, u16)> = None;
        let words = word_spans(text);
        let mut targets: Vec<Target> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut hit: Option<(usize, Hit)> = None;
            let WordInfo { bmax, cmax, one } = self.word_info(&text[words[i].0..words[i].1]);
            let maxn = bmax.max(cmax);
            if maxn > 0 {
                let mut top = (maxn as usize).min(words.len() - i);
                if top >= 2 && !self.pair_may_start(&text[words[i].0..words[i + 1].1]) {
                    top = 1;
                }
                for k in (1..=top).rev() {
                    let key = &text[words[i].0..words[i + k - 1].1];
                    let found = if k == 1 {
                        one
                    } else {
                        self.lookup_in(key, k <= bmax as usize, k <= cmax as usize)
                    };
                    if let Some(id) = found {
                        hit = Some((k, id));
                        break;
                    }
                }
            }
            let Some((k, pid)) = hit else {
                if let Some(pm) = self.lowercase_place(data, text, &words, i) {
                    rec.places.push(pm);
                }
                i += 1;
                continue;
            };
            let (s, e) = (words[i].0, words[i + k - 1].1);
            i += k;
            let span = Span::new(s, e);
            self.targets_into(pid, &mut targets);
            let mut cands: Vec<PlaceId> = Vec::new();
            let mut kind: Option<PlaceKind> = None;
            let mut country_here: Option<u16> = None;
            let mut metonym: Option<u16> = None;
            let mut named: Option<u32> = None;
            let mut generic: Option<GenericKind> = None;
            for t in &targets {
                match *t {
                    Target::Place(i) => {
                        let en = &data.entries[i as usize];
                        cands.push(PlaceId(i));
                        kind = Some(match kind {
                            Some(k) => better_kind(k, en.kind),
                            None => en.kind,
                        });
                        if en.kind == PlaceKind::Country {
                            country_here = Some(en.country);
                            metonym = Some(en.country);
                        } else if en.kind == PlaceKind::Populated
                            && en.seat == 3
                            && data.countries[en.country as usize]
                                .capital
                                .as_deref()
                                .is_some_and(|c| c == &text[s..e] || c == en.name)
                        {
                            metonym.get_or_insert(en.country);
                        }
                    }
                    Target::Demonym(c) => {
                        cands.push(PlaceId(data.countries[c as usize].entry));
                        kind.get_or_insert(PlaceKind::Demonym);
                        country_here = Some(c);
                    }
                    Target::Actor(a) => {
                        // later rows (hand-written, user files) win
                        named = Some(named.map_or(a, |n: u32| n.max(a)));
                    }
                    Target::Generic(g) => {
                        generic.get_or_insert(g);
                    }
                }
            }
            // A dictionary actor name ("Taliban") is not also a small town
            // somewhere: keep the place reading only for countries and
            // first-level units ("Punjab", "Pakistan").
            if named.is_some() {
                cands.retain(|c| {
                    matches!(
                        data.entries[c.0 as usize].kind,
                        PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Region
                    )
                });
                if cands.is_empty() {
                    kind = None;
                } else {
                    kind = cands
                        .iter()
                        .map(|c| data.entries[c.0 as usize].kind)
                        .reduce(better_kind);
                }
            }
            // "Kerala Police", "Sindh Police": a dictionary actor whose name
            // opens with a first-level unit of its own country also names
            // that unit (resolution decides whether it is the venue: a
            // province opening an organisation's name is where it works)
            if let (Some(a), true, true) = (named, cands.is_empty(), k >= 2) {
                if let Some(pm) = self.province_opening(data, text, &words[i - k..i], a) {
                    rec.places.push(pm);
                }
            }
            if let Some(kind) = kind {
                let common = is_common(data, &text[s..e]);
                rec.places.push(PlaceMention {
                    span,
                    kind,
                    candidates: cands,
                    common_word: common,
                });
            }
            if let Some(a) = named {
                let ar = &data.actors[a as usize];
                // Actors with per-country readings keep their country only
                // when the mention itself says it ("Afghan Taliban").
                let hint = if ar.overrides.is_empty() || !bare_mention(ar, &text[s..e]) {
                    ar.country.clone()
                } else {
                    None
                };
                rec.actors.push(ActorMention {
                    span,
                    kind: ActorMentionKind::Named,
                    actor: Some(ar.to_actor()),
                    generic: None,
                    country_hint: hint,
                });
            } else if let Some(g) = generic {
                let hint = last_country
                    .filter(|(end, _)| hint_gap(&text[*end..s]))
                    .map(|(_, c)| data.countries[c as usize].iso2.clone());
                let actor = hint
                    .as_deref()
                    .map(|cc| crate::actors::generic_actor(data, g, Some(cc)));
                rec.actors.push(ActorMention {
                    span,
                    kind: ActorMentionKind::Generic,
                    actor,
                    generic: Some(g),
                    country_hint: hint,
                });
            } else if let Some(c) = metonym {
                let cc = &data.countries[c as usize];
                rec.actors.push(ActorMention {
                    span,
                    kind: ActorMentionKind::Metonym,
                    actor: Some(Actor {
                        name: format!("Government of {}", cc.name),
                        actor_type: Some(ActorType::StateForces),
                        country: Some(cc.iso2.clone()),
                    }),
                    generic: None,
                    country_hint: Some(cc.iso2.clone()),
                });
            }
            last_country = country_here.map(|c| (e, c));
        }
        // "Taliban" in a text that also names Afghanistan is the Afghan
        // Taliban; without it, per-country readings may apply (see actors.tsv).
        let named_countries: Vec<&str> = rec
            .places
            .iter()
            .flat_map(|p| p.candidates.iter())
            .map(|c| &data.entries[c.0 as usize])
            .filter(|e| e.kind == PlaceKind::Country)
            .map(|e| data.countries[e.country as usize].iso2.as_str())
            .collect();
        for a in &mut rec.actors {
            if a.kind == ActorMentionKind::Named && a.country_hint.is_none() {
                let home = a.actor.as_ref().and_then(|x| x.country.as_deref());
                if home.is_some_and(|h| named_countries.contains(&h)) {
                    a.country_hint = home.map(String::from);
                }
            }
        }
        shape_actors(text, &words, &mut rec);
        rec
    }
}

/// Accumulates phrases while building.
#[derive(Default)]
struct Builder {
    phrases: FxHashMap<Box<str>, u32>,
    first: FxHashMap<Box<str>, u8>,
    targets: Vec<Target>,
    extra: FxHashMap<u32, Vec<Target>>,
}

impl Builder {
    fn add(&mut self, p: &str, t: Target) {
        for key in phrase_keys(p) {
            self.add_key(&key, t);
        }
    }

    fn add_key(&mut self, key: &str, t: Target) {
        if let Some(&id) = self.phrases.get(key) {
            if self.targets[id as usize] != t {
                let v = self.extra.entry(id).or_default();
                if !v.contains(&t) {
                    v.push(t);
                }
            }
            return;
        }
        // The phrase must start and end with a word character; count words.
        let Some((first_len, n)) = key_shape(key) else {
            return;
        };
        let first = &key[..first_len];
        let id = self.targets.len() as u32;
        self.targets.push(t);
        self.phrases.insert(key.into(), id);
        let f = self.first.entry(first.into()).or_insert(0);
        *f = (*f).max(n);
    }
}

/// Byte spans of the words (maximal runs of alphanumeric chars) of `text`.
pub(crate) fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut i = 0;
    let n = bytes.len();
    while i < n {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                let s = i;
                i += 1;
                while i < n {
                    let c = bytes[i];
                    if c < 0x80 {
                        if c.is_ascii_alphanumeric() {
                            i += 1;
                        } else {
                            break;
                        }
                    } else {
                        let ch = text[i..].chars().next().unwrap_or(' ');
                        if is_word_char(ch) {
                            i += ch.len_utf8();
                        } else {
                            break;
                        }
                    }
                }
                out.push((s, i));
            } else {
                i += 1;
            }
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if is_word_char(ch) {
                let s = i;
                i += ch.len_utf8();
                while i < n {
                    let ch = text[i..].chars().next().unwrap_or(' ');
                    if is_word_char(ch) {
                        i += ch.len_utf8();
                    } else {
                        break;
                    }
                }
                out.push((s, i));
            } else {
                i += ch.len_utf8();
            }
        }
    }
    out
}

/// Between a demonym/country and a generic noun: only spaces, "'s", or a
/// short adjective run ("Pakistani security forces", "Pakistan's army").
fn hint_gap(gap: &str) -> bool {
    let g = gap.trim();
    if g.is_empty() || g == "'s" || g == "\u{2019}s" {
        return true;
    }
    let words: Vec<&str> = g.split_whitespace().collect();
    words.len() <= 2
        && words.iter().all(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "'s" | "local"
                    | "border"
                    | "federal"
                    | "provincial"
                    | "state"
                    | "armed"
                    | "elite"
                    | "special"
                    | "counter-terrorism"
                    | "frontier"
                    | "anti-terrorism"
                    | "the"
            )
        })
}

/// Whether a mention is the actor's bare name ("Taliban", "Taliban
/// militants"), which may read differently by country, rather than a
/// qualified one ("Afghan Taliban", "Taliban government").
fn bare_mention(a: &crate::data::ActorRec, mention: &str) -> bool {
    let base = crate::actors::strip_parens(&a.name);
    let base = base
        .split_once(": ")
        .map(|x| x.1)
        .unwrap_or(&base)
        .to_string();
    let m = mention.trim();
    let m = m.strip_prefix("pro-").unwrap_or(m);
    let generic_tail = |r: &str| {
        matches!(
            r.to_ascii_lowercase().as_str(),
            "" | "fighters" | "militants" | "insurgents" | "forces" | "commanders"
        )
    };
    if let Some(r) = m.strip_prefix(base.as_str()) {
        return generic_tail(r.trim());
    }
    // a one-word alias that is no abbreviation ("Maoists", "Maoist rebels"):
    // a movement's common name, which other countries' groups share too
    let (first, tail) = m.split_once(' ').unwrap_or((m, ""));
    let abbreviation = first.chars().filter(char::is_ascii_uppercase).count() > 1;
    !abbreviation
        && first.chars().all(char::is_alphabetic)
        && (generic_tail(tail.trim())
            || matches!(
                tail.trim().to_ascii_lowercase().as_str(),
                "rebels" | "guerrillas"
            ))
}

/// Preference when one name has several kinds (for the mention's headline kind).
fn better_kind(a: PlaceKind, b: PlaceKind) -> PlaceKind {
    fn rank(k: PlaceKind) -> u8 {
        match k {
            PlaceKind::Country => 0,
            PlaceKind::Admin1 => 1,
            PlaceKind::Admin2 => 2,
            PlaceKind::Populated => 3,
            PlaceKind::Region => 4,
            PlaceKind::Demonym => 5,
        }
    }
    if rank(b) < rank(a) {
        b
    } else {
        a
    }
}

/// Whether a matched name is also an ordinary word or a person name.
fn is_common(data: &Data, s: &str) -> bool {
    if s.contains(' ') {
        return false;
    }
    // an ASCII word is lower-cased on the stack (it is called for every match)
    let mut buf = [0u8; 32];
    if s.is_ascii() && s.len() <= buf.len() {
        let low = &mut buf[..s.len()];
        low.copy_from_slice(s.as_bytes());
        low.make_ascii_lowercase();
        return std::str::from_utf8(low).is_ok_and(|l| data.stop.contains(l));
    }
    data.stop.contains(&s.to_lowercase())
}

pub(crate) fn capitalise(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().collect::<String>() + cs.as_str(),
        None => String::new(),
    }
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn has_prefix_cue(w: &str) -> bool {
    PREFIX_CUES.contains(&w)
}

/// Capitalised words that never belong to an organisation's name before its
/// cue word: articles, pronouns, auxiliaries and prepositions, which all-capitals
/// wire copy (read title-cased) capitalises too ("They Have A Group",
/// "Shot Him In Front").
const NOT_NAME_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "same",
    "another",
    "other",
    "any",
    "each",
    "every",
    "no",
    "nor",
    "or",
    "not",
    "he",
    "she",
    "it",
    "we",
    "they",
    "i",
    "you",
    "him",
    "her",
    "them",
    "us",
    "his",
    "its",
    "their",
    "our",
    "who",
    "whom",
    "which",
    "what",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "did",
    "do",
    "does",
    "also",
    "today",
    "yesterday",
    "said",
    "says",
    "by",
    "in",
    "on",
    "at",
    "to",
    "from",
    "with",
    "into",
    "after",
    "before",
    "while",
    "when",
    "as",
    "if",
    "but",
    "than",
    "then",
    "so",
    "about",
    "against",
    "between",
    "through",
    "during",
];

/// Whether a capitalised word is one of [`NOT_NAME_WORDS`].
fn not_a_name_word(w: &str) -> bool {
    w.len() <= 9 && NOT_NAME_WORDS.iter().any(|n| n.eq_ignore_ascii_case(w))
}

/// Descriptive words that, alone before a cue word, describe a group rather
/// than name it ("Urban Guerrilla Group", "Criminal Organization", "Second
/// Group", "Political Movement").
const DESCRIPTIVE_WORDS: &[&str] = &[
    "guerrilla",
    "guerrillas",
    "guerilla",
    "urban",
    "rural",
    "armed",
    "irregular",
    "terrorist",
    "subversive",
    "extremist",
    "leftist",
    "rightist",
    "left-wing",
    "right-wing",
    "ultraleftist",
    "ultrarightist",
    "marxist",
    "communist",
    "maoist",
    "rebel",
    "insurgent",
    "militant",
    "paramilitary",
    "clandestine",
    "criminal",
    "outlawed",
    "illegal",
    "secret",
    "political",
    "religious",
    "humanitarian",
    "labor",
    "labour",
    "business",
    "student",
    "university",
    "popular",
    "mass",
    "new",
    "small",
    "large",
    "main",
    "major",
    "well-organized",
    "alleged",
    "aforementioned",
    "unidentified",
    "unknown",
    "second",
    "first",
    "third",
    "fourth",
    "oldest",
    "largest",
    "umbrella",
    "commando",
    "drug",
    "cocaine",
    "trafficking",
    "drug-trafficking",
    "death",
    "assassination",
    "human",
    "rights",
    "civic",
    "local",
    "same",
    "well",
    "organized",
    "air",
    "organised",
    "wing",
    "ultra",
];

/// Whether a word is one of [`DESCRIPTIVE_WORDS`] (any case).
fn descriptive(w: &str) -> bool {
    DESCRIPTIVE_WORDS.iter().any(|d| d.eq_ignore_ascii_case(w))
}

/// Unknown organisations from their shape: capitalised name + cue word.
fn shape_actors(text: &str, toks: &[(usize, usize)], rec: &mut Recognition) {
    let mut found: Vec<(usize, usize, ActorType)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let (s, e) = toks[i];
        // every cue word is capitalised: skip the rest with one byte test
        if !text.as_bytes()[s].is_ascii_uppercase() {
            i += 1;
            continue;
        }
        let w = &text[s..e];
        let mut hit: Option<(usize, usize, ActorType)> = None;
        if has_prefix_cue(w) {
            // extend right over capitalised words and joiners
            let mut j = i;
            while j + 1 < toks.len() {
                let (ns, ne) = toks[j + 1];
                let gap = &text[toks[j].1..ns];
                if gap != " " && gap != "-" {
                    break;
                }
                let nw = &text[ns..ne];
                if is_cap(nw) || (JOINERS.contains(&nw) && j + 2 < toks.len()) {
                    j += 1;
                } else {
                    break;
                }
            }
            while j > i && JOINERS.contains(&&text[toks[j].0..toks[j].1]) {
                j -= 1;
            }
            if j > i {
                hit = Some((s, toks[j].1, ActorType::RebelGroups));
            }
            i = j;
        } else if SUFFIX_CUES.contains(&w) {
            // extend left over capitalised words and joiners
            let mut j = i;
            while j > 0 {
                let (ps, pe) = toks[j - 1];
                let gap = &text[pe..toks[j].0];
                if gap != " " && gap != "-" {
                    break;
                }
                let pw = &text[ps..pe];
                if (is_cap(pw) && !not_a_name_word(pw)) || JOINERS.contains(&pw) {
                    j -= 1;
                } else {
                    break;
                }
            }
            while j < i && JOINERS.contains(&&text[toks[j].0..toks[j].1]) {
                j += 1;
            }
            // "Urban Guerrilla Group", "Same Group", "Criminal Organization":
            // a cue after descriptive words only is a description, not a name
            let described = (j..i).all(|k| descriptive(&text[toks[k].0..toks[k].1]));
            if j < i && !described {
                let t = match w {
                    "Army" | "Front" | "Movement" | "Tigers" | "Mujahideen" | "Mujahidin"
                    | "Fauj" => ActorType::RebelGroups,
                    _ => ActorType::PoliticalMilitias,
                };
                hit = Some((toks[j].0, e, t));
            }
        }
        if let Some(h) = hit {
            found.push(h);
        }
        i += 1;
    }
    for (s, e, t) in found {
        let span = Span::new(s, e);
        // Known actors and places win: skip shapes that overlap a dictionary
        // actor, or that are only a known place + cue ("Pakistan Army" is in
        // the dictionary; "Quetta Group" is not an organisation we can name).
        if rec.actors.iter().any(|a| a.span.overlaps(span)) {
            continue;
        }
        let name = text[s..e].to_string();
        rec.actors.push(ActorMention {
            span,
            kind: ActorMentionKind::Shape,
            actor: Some(Actor {
                name,
                actor_type: Some(t),
                country: None,
            }),
            generic: None,
            country_hint: None,
        });
    }
    rec.actors.sort_by_key(|a| a.span);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Matching with the pre-built place phrases finds exactly what matching
    /// with every phrase built at start-up finds.
    #[test]
    fn prebuilt_phrases_match_like_built_ones() {
        let data = Data::embedded().expect("embedded");
        assert!(data.compiled > 200_000);
        let fast = Matcher::build(&data).expect("build");
        assert!(fast.compiled.is_some());
        let full = Matcher::build_with(&data, None).expect("build");
        assert!(full.compiled.is_none());
        let union: Vec<u64> = fast
            .filter
            .iter()
            .zip(&fast.compiled_filter)
            .map(|(a, b)| a | b)
            .collect();
        assert!(union == full.filter, "first-word filters differ");
        // Every 97th entry's name and aliases, in sentences with cue words,
        // lower-case forms, typographic apostrophes and actor names around.
        let mut text = String::from(
            "QUETTA: Gunmen killed two policemen near Mir Ali in North Waziristan. \
             Pakistani troops said the Taliban attacked a post in Khyber Pakhtunkhwa. \
             protesters gathered in lahore and Peshawar\u{2019}s old city. ",
        );
        for (i, e) in data.entries.iter().enumerate().step_by(97) {
            let names: Vec<&str> = std::iter::once(&*e.name).chain(e.alias_iter()).collect();
            let n = names[i % names.len()];
            match i % 4 {
                0 => text.push_str(&format!("Militants attacked {n} on Monday. ")),
                1 => text.push_str(&format!("in {} and near {n}, ", n.to_lowercase())),
                2 => text.push_str(&format!("{n} {n}'s outskirts. ")),
                _ => text.push_str(&format!("the {n} district police said. ")),
            }
        }
        let a = fast.recognise(&data, &text);
        let b = full.recognise(&data, &text);
        assert!(a.places.len() > 2000, "{}", a.places.len());
        assert_eq!(a.places.len(), b.places.len());
        for (x, y) in a.places.iter().zip(&b.places) {
            assert_eq!(x, y, "{}", &text[x.span.start..x.span.end]);
        }
        assert_eq!(a, b);
        // Look-ups by name: same entries, same order.
        for (i, e) in data.entries.iter().enumerate().step_by(89) {
            for n in std::iter::once(&*e.name).chain(e.alias_iter()) {
                assert!(fast.entries_named(&data, n).contains(&(i as u32)), "{n}");
                for q in [
                    n.to_string(),
                    n.to_uppercase(),
                    format!(" {} ", n.to_lowercase()),
                ] {
                    assert_eq!(
                        fast.entries_named(&data, &q),
                        full.entries_named(&data, &q),
                        "{q}"
                    );
                }
            }
        }
        for q in ["QUETTA", "Hangu", "Tribal Areas", "nowhere at all", ""] {
            assert_eq!(
                fast.entries_named(&data, q),
                full.entries_named(&data, q),
                "{q}"
            );
        }
    }

    /// The two-word filter never turns a phrase away: every phrase of two
    /// words or more, built or pre-built, passes on its first two words.
    #[test]
    fn pair_filter_keeps_every_phrase() {
        assert_eq!(pair_end("San Salvador Department"), Some(12));
        assert_eq!(pair_end("Dera Ismail Khan"), Some(11));
        assert_eq!(pair_end("Lashkar-e-Taiba"), Some(9));
        assert_eq!(pair_end("Peshawar's old city"), Some(10));
        assert_eq!(pair_end("North Waziristan"), Some(16));
        assert_eq!(pair_end("Quetta"), None);
        let data = Data::embedded().expect("embedded");
        let m = Matcher::build(&data).expect("build");
        let compiled = m.compiled.expect("pre-built places");
        let mut n = 0;
        let mut check = |key: &str| {
            if let Some(end) = pair_end(key) {
                assert!(m.pair_may_start(&key[..end]), "{key}");
                n += 1;
            }
        };
        m.phrases.keys().for_each(|k| check(k));
        compiled.phrase_keys().for_each(check);
        assert!(n > 50_000, "{n}");
        // and most two-word stretches of running text are turned away
        let text = "Gunmen Killed Two Policemen Near The Market On Monday And Fled In A Car";
        let words = word_spans(text);
        let kept = words
            .windows(2)
            .filter(|w| m.pair_may_start(&text[w[0].0..w[1].1]))
            .count();
        assert!(kept * 2 < words.len(), "{kept} of {}", words.len() - 1);
    }
}
