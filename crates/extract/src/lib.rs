//! sitrep-extract: event coding. From an [`Article`] to the event records of
//! `SPEC.md` §3 — who did what to whom, where, when, how many killed by side,
//! with the text behind every coded field.
//!
//! The flow for one article:
//! 1. one Aho-Corasick pass finds trigger and outcome words ([`lexicon`]);
//!    an article without any is done (most news is not conflict news);
//! 2. the gazetteer recognises places and actors once for the whole text;
//! 3. each sentence with a trigger is cut into clauses; each clause that
//!    reports something becomes a *mention* with its type cues, own date,
//!    place, actor roles and counts of people ([`mentions`], [`casualties`]);
//! 4. mentions merge into events where a coder would merge them (same
//!    family, compatible day, place, actors and weapon) and stay apart where a
//!    coder would split; counts are reconciled, claims attached, types,
//!    notes, evidence and confidence coded ([`assemble`]).

pub mod assemble;
pub mod casualties;
pub mod conventions;
pub mod lexicon;
pub mod mentions;

use std::sync::Arc;

use chrono::NaiveDate;
use sitrep_gazetteer::{
    ActorMentionKind, DocContext, Gazetteer, GenericKind, PlaceKind, ResolvedPlace,
};
use sitrep_model::{Actor, Article, Event, Location, Span};

use crate::lexicon::Lexicon;
use crate::mentions::{find_generics, quote_ranges, ActorCand, Doc, Generic};

/// Options of one extraction.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Publication date to use when the article carries none (`--published`).
    pub published: Option<NaiveDate>,
}

/// The event coder. Build once, share across threads (`Send + Sync`).
#[derive(Debug, Clone)]
pub struct Extractor {
    gaz: Arc<Gazetteer>,
    /// The process's one trigger lexicon (its automaton takes ~10 ms to build).
    lex: &'static Lexicon,
    /// Lower-cased demonym → (ISO2, country name), for a nation's fire
    /// ("Indian shelling").
    demonyms: std::collections::HashMap<String, (String, String)>,
}

/// Disjoint byte intervals (the union of the spans put in), for overlap
/// tests in O(log n): a span overlaps the union iff it overlaps one of the
/// spans, so merging keeps the answers of a pairwise test.
struct SpanSet(std::collections::BTreeMap<usize, usize>);

impl SpanSet {
    fn new(spans: impl Iterator<Item = Span>) -> Self {
        let mut v: Vec<Span> = spans.collect();
        v.sort_by_key(|s| s.start);
        let mut set = SpanSet(std::collections::BTreeMap::new());
        for s in v {
            set.insert(s);
        }
        set
    }

    /// Whether `sp` overlaps any span put in (as [`Span::overlaps`]).
    fn overlaps(&self, sp: Span) -> bool {
        // the interval with the largest start before `sp` ends; the intervals
        // are disjoint, so no earlier one reaches further
        self.0
            .range(..sp.end)
            .next_back()
            .is_some_and(|(&s, &e)| Span::new(s, e).overlaps(sp))
    }

    /// Add `sp`, merging it with the intervals it overlaps.
    fn insert(&mut self, sp: Span) {
        let (mut start, mut end) = (sp.start, sp.end);
        let touching: Vec<(usize, usize)> = self
            .0
            .range(..end)
            .rev()
            .take_while(|(_, &e)| e > start)
            .map(|(&s, &e)| (s, e))
            .collect();
        for (s, e) in touching {
            self.0.remove(&s);
            start = start.min(s);
            end = end.max(e);
        }
        self.0.insert(start, end);
    }
}

fn generic_of(k: GenericKind) -> Generic {
    match k {
        GenericKind::Gunmen | GenericKind::Militants => Generic::Gunmen,
        GenericKind::SecurityForces | GenericKind::Military | GenericKind::Paramilitary => {
            Generic::Military
        }
        GenericKind::Police => Generic::Police,
        GenericKind::Civilians => Generic::Civilians,
        GenericKind::Protesters => Generic::Protesters,
        GenericKind::Rioters => Generic::Rioters,
        GenericKind::Government => Generic::Government,
    }
}

/// Place mentions that name a neighbour or a mediator, not where it happened.
fn not_a_venue(text: &str, p: &ResolvedPlace) -> bool {
    let before = text
        .get(p.span.start.saturating_sub(24)..p.span.start)
        .unwrap_or("")
        .to_ascii_lowercase();
    [
        "border with ",
        "bordering ",
        "mediated by ",
        "supported by ",
        "backed by ",
        "links to ",
        "sent to ",
        "link to ",
        "by ",
        "from ",
        "of ",
        "and ",
    ]
    .iter()
    .any(|cue| before.ends_with(cue))
        && !(before.ends_with("of ") && p.kind != PlaceKind::Country)
        && !(before.ends_with("and ") && p.kind != PlaceKind::Country)
        && !(before.ends_with("from ") && p.kind != PlaceKind::Country)
}

/// Whether the capitalised words after a place name a hospital ("Dhaka
/// Medical College Hospital", "Lakshmipur Sadar Hospital"): where the
/// wounded were taken or died, not where they were hurt. (A district's own
/// hospital, "Magura Sadar Hospital", "the Bannu District Hospital", is in
/// the district where it happened.)
fn names_hospital(text: &str, p: &ResolvedPlace) -> bool {
    let words = || {
        text.get(p.span.end..)
            .unwrap_or("")
            .split_whitespace()
            .take(4)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
    };
    !words().next().is_some_and(|w| {
        matches!(
            w,
            "Sadar" | "District" | "Civil" | "Upazila" | "Upazilla" | "Tehsil" | "Headquarters"
        )
    }) && words().any(|w| matches!(w, "Medical" | "Hospital" | "Hospitals" | "Clinic"))
}

/// Whether a place is named as the other side of a border ("near the
/// border with Somalia", "bordering Afghanistan").
fn across_border(text: &str, p: &ResolvedPlace) -> bool {
    let before = text
        .get(p.span.start.saturating_sub(16)..p.span.start)
        .unwrap_or("")
        .to_ascii_lowercase();
    before.ends_with("border with ") || before.ends_with("bordering ")
}

/// "protested outside the Karachi Press Club against the mistreatment of
/// colleagues at the Kalakot police station": a place named after "against"
/// is the grievance's; when the clause holds only that place, the place the
/// sentence names before "against" is where it happened.
fn gathered_before_grievance(
    text: &str,
    sentences: &[Span],
    sp: Span,
    found: &(Location, Span),
    locate_in: &dyn Fn(Span) -> Option<(Location, Span)>,
) -> Option<(Location, Span)> {
    let i = sentences.partition_point(|s| s.end <= sp.start);
    let sent = sentences.get(i).filter(|s| s.start <= sp.start)?;
    let head = text.get(sent.start..found.1.start)?;
    let g = head.rfind(" against ")?;
    let before = locate_in(Span::new(sent.start, sent.start + g))?;
    // a town or district, not a bare country or province
    (before.0.precision <= 2).then_some(before)
}

/// Whether the text is written in capitals (more than 60% of its letters).
fn shouting(text: &str) -> bool {
    // (counted in byte-wide sums over chunks of at most 255 bytes, which
    // cannot overflow: the compiler vectorises the inner loop)
    let b = &text.as_bytes()[..text.len().min(4000)];
    let (mut up, mut letters) = (0usize, 0usize);
    for chunk in b.chunks(255) {
        let (mut u, mut l) = (0u8, 0u8);
        for &c in chunk {
            u += u8::from(c.is_ascii_uppercase());
            l += u8::from(ascii_letter(c));
        }
        up += usize::from(u);
        letters += usize::from(l);
    }
    letters > 40 && up * 10 > letters * 6
}

/// `b.is_ascii_alphabetic()`, as one subtraction and compare.
fn ascii_letter(b: u8) -> bool {
    (b | 0x20).wrapping_sub(b'a') < 26
}

/// `text` with each line break inside a paragraph (a single `\n` between two
/// non-blank characters) replaced by a space; `None` when there is none.
/// Same length, same offsets.
fn unwrap_lines(text: &str) -> Option<String> {
    let b = text.as_bytes();
    // a wrapped line is near the usual width (40 to 90 bytes); a line break
    // after a short line (a headline) or a long one (a paragraph) is kept
    // (the line breaks by `memchr`, each line's start from the one before)
    let mut soft: Vec<usize> = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', b) {
        if i > 0
            && !b[i - 1].is_ascii_whitespace()
            && b.get(i + 1).is_some_and(|c| !c.is_ascii_whitespace())
            && (40..=90).contains(&(i - start))
        {
            soft.push(i);
        }
        start = i + 1;
    }
    if soft.is_empty() {
        return None;
    }
    let mut out = b.to_vec();
    for i in soft {
        out[i] = b' ';
    }
    String::from_utf8(out).ok()
}

/// The place of a wire dateline opening `text` ("SAN SALVADOR, 3 JAN 90 --"
/// → "SAN SALVADOR"; "HAVANA (CUBA), 10 JAN 90 (RADIO REBELDE) --" →
/// "HAVANA"), when the text opens with one.
/// With the byte offset where the dateline ends.
fn text_dateline(text: &str) -> Option<(String, usize)> {
    let end = sitrep_text::timex::dateline_end(text)?;
    let head = text.trim_start();
    let (place, _) = head.split_once(',')?;
    let place = place.split('(').next().unwrap_or(place).trim();
    (!place.is_empty()).then(|| (place.to_string(), end))
}

/// Whether a dateline place is a bureau abroad: the story after it (from
/// byte `end`) names towns or provinces of one other country and none of
/// the dateline's ("MOSCOW, 2 MAY 90 (TASS) -- ... in Lima ..."). The story's
/// country, not the bureau's, is then where its events happened.
fn foreign_bureau(
    gaz: &Gazetteer,
    text: &str,
    places: &[ResolvedPlace],
    dl: &ResolvedPlace,
    end: usize,
) -> bool {
    let Some(home) = dl.location.country_code.as_deref() else {
        return false;
    };
    let body = || {
        places.iter().filter(|p| {
            p.span.start >= end
                && matches!(
                    p.kind,
                    PlaceKind::Populated | PlaceKind::Admin2 | PlaceKind::Admin1
                )
        })
    };
    if body().any(|p| p.location.country_code.as_deref() == Some(home)) {
        return false;
    }
    // nor when the story names the dateline's country or its people
    // ("SAN SALVADOR ... the Salvadoran army ... in Washington")
    let story = text.get(end..).unwrap_or("");
    if let Some(ci) = gaz.country(home) {
        if std::iter::once(&ci.name)
            .chain(ci.demonyms.iter())
            .any(|n| contains_word(story, n))
        {
            return false;
        }
    }
    let mut others = body().filter_map(|p| p.location.country_code.as_deref());
    let Some(first) = others.next() else {
        return false;
    };
    // (and one of them a province or the capital: a namesake village, "the
    // University campus", sets no story abroad)
    let capital = gaz.country(first).and_then(|c| c.capital);
    others.all(|c| c == first)
        && body().any(|p| {
            p.kind == PlaceKind::Admin1
                || capital
                    .as_deref()
                    .is_some_and(|k| k.eq_ignore_ascii_case(&p.location.name))
        })
}

/// Whether `text` holds `word` as a whole word, ignoring ASCII case.
fn contains_word(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let (t, w) = (text.to_ascii_lowercase(), word.to_ascii_lowercase());
    t.match_indices(&w).any(|(i, _)| {
        let before = t[..i].chars().next_back();
        let after = t[i + w.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// ASCII title case: "SAN SALVADOR, 3 JAN" → "San Salvador, 3 Jan". Same length.
fn title_case(text: &str) -> String {
    // byte by byte: only ASCII letters change, so every other byte (of a
    // multi-byte char too, which counts as no letter) is copied as it is; a
    // letter is lower case after a letter or an apostrophe, else upper case,
    // which the byte before it tells (a case change keeps what it is), so
    // each byte is a function of itself and the one before: no state is
    // carried and the compiler vectorises the loop (selects, no branches)
    let b = text.as_bytes();
    let cased = |prev: u8, c: u8| {
        let after_letter = ascii_letter(prev) | (prev == b'\'');
        let recased = if after_letter { c | 0x20 } else { c & !0x20 };
        if ascii_letter(c) {
            recased
        } else {
            c
        }
    };
    let mut out = vec![0u8; b.len()];
    if let (Some(o), Some(&first)) = (out.first_mut(), b.first()) {
        *o = cased(b' ', first);
    }
    for ((o, &p), &c) in out.iter_mut().skip(1).zip(b).zip(b.iter().skip(1)) {
        *o = cased(p, c);
    }
    // (ASCII case changes keep the UTF-8 valid: the fallback is never taken)
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// The first place named in the text, sentence by sentence, with its span.
fn sentences_first_venue(
    gaz: &Gazetteer,
    text: &str,
    venues: &[ResolvedPlace],
) -> Option<(Location, Span)> {
    first_venue_where(gaz, text, venues, |p| p.kind != PlaceKind::Country)
}

/// [`sentences_first_venue`] from the first place that `pick` accepts.
fn first_venue_where(
    gaz: &Gazetteer,
    text: &str,
    venues: &[ResolvedPlace],
    pick: impl Fn(&ResolvedPlace) -> bool,
) -> Option<(Location, Span)> {
    let first = venues.iter().find(|p| pick(p))?;
    let sp = Span::new(
        text[..first.span.start].rfind(". ").map_or(0, |i| i + 2),
        text[first.span.end..]
            .find(". ")
            .map_or(text.len(), |i| first.span.end + i + 1),
    );
    gaz.locate(text, venues, sp)
}

/// "threw grenades in an area of Quetta and destroyed the track near Degree
/// College in Sarayab, Pakistan": a clause whose only resolved place is its
/// country (the town beside it is unknown) happened at the more precise place
/// of that country which its sentence names, else at the first one the text
/// names; another country's places never stand in.
fn precise_for_bare_country(
    found: (Location, Span),
    in_sentence: Option<(Location, Span)>,
    first_venue: Option<&(Location, Span)>,
) -> (Location, Span) {
    let bare = found.0.admin1.is_none() && found.0.precision >= 3;
    if !bare || found.0.country_code.is_none() {
        return found;
    }
    let same = |l: &Location| l.admin1.is_some() && l.country_code == found.0.country_code;
    if let Some(s) = in_sentence.filter(|s| s.0.precision <= 2 && same(&s.0)) {
        return s;
    }
    match first_venue.filter(|f| same(&f.0)) {
        Some((l, sp)) => {
            let mut l = l.clone();
            l.precision = l.precision.max(2);
            (l, *sp)
        }
        None => found,
    }
}

/// "a bomb exploded at a funeral in Dera Ismail Khan. … the procession was
/// headed for the Kotli Imam Graveyard": a place named after the text's first
/// sentence with a venue, with no locative word before it ("for", "to",
/// "back to"), in another province of the same country than that venue, is
/// where people went, not where it happened; the first venue stands.
fn uncued_elsewhere(
    text: &str,
    found: (Location, Span),
    first_venue: Option<&(Location, Span)>,
) -> (Location, Span) {
    let Some(first) = first_venue else {
        return found;
    };
    // a place opening the text is its dateline ("LIMA, 1 APR 90 (EFE) --"),
    // where it was filed, not a venue
    if text
        .get(..first.1.start)
        .is_none_or(|h| h.trim().is_empty())
    {
        return found;
    }
    let (a, b) = (&found.0, &first.0);
    if a.admin1.is_none()
        || b.admin1.is_none()
        || a.admin1 == b.admin1
        || a.country_code != b.country_code
        || b.precision > 2
    {
        return found;
    }
    // only after the sentence of the first venue
    let first_end = text
        .get(first.1.end..)
        .and_then(|t| t.find(". "))
        .map_or(text.len(), |i| first.1.end + i);
    if found.1.start <= first_end {
        return found;
    }
    let head = text.get(..found.1.start).unwrap_or("").trim_end();
    let head = head.strip_suffix("the").unwrap_or(head).trim_end();
    let mut words = head
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase);
    let word = words.next().unwrap_or_default();
    // "the department of Ancash", "the town of Sibi"
    let noun_of = word == "of"
        && words.next().is_some_and(|n| {
            matches!(
                n.as_str(),
                "department"
                    | "province"
                    | "district"
                    | "area"
                    | "town"
                    | "city"
                    | "village"
                    | "region"
                    | "state"
                    | "agency"
                    | "tehsil"
            )
        });
    if noun_of
        || matches!(
            word.as_str(),
            "in" | "at" | "near" | "inside" | "outside" | "on" | "across" | "around" | "within"
        )
    {
        return found;
    }
    first.clone()
}

/// Where a sentence says the event happened in the national capital without
/// naming it: "in the capital", "the capital's Jatrabari area", "in capital
/// Dhaka". Not a state or provincial capital ("the state capital" does not
/// read "the capital"), nor "the capital of Balochistan", "capital
/// punishment". The span of the phrase.
fn capital_phrase(text: &str, sent: Span) -> Option<Span> {
    let st = text.get(sent.start..sent.end)?;
    let last_word = |h: &str| {
        h.trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    for (i, _) in st.match_indices("capital") {
        let after = &st[i + "capital".len()..];
        if after.starts_with(|c: char| c.is_alphanumeric()) {
            continue; // "capitalise", "capitalism"
        }
        let possessive = after.starts_with("'s") || after.starts_with("\u{2019}s");
        let rest = after
            .strip_prefix("'s")
            .or_else(|| after.strip_prefix("\u{2019}s"))
            .unwrap_or(after);
        let next = rest
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        if matches!(
            next.as_str(),
            "of" | "punishment"
                | "market"
                | "markets"
                | "gains"
                | "flight"
                | "investment"
                | "expenditure"
                | "letters"
        ) {
            continue;
        }
        let head = &st[..i];
        let lead = last_word(head);
        // "the capital", "in capital Dhaka", "the national capital"
        let cued = match lead.as_str() {
            "the" | "in" => true,
            "national" => {
                let h = head.trim_end();
                matches!(last_word(&h[..h.len() - lead.len()]).as_str(), "the" | "in")
            }
            _ => false,
        };
        if cued || possessive {
            let start = sent.start + i;
            return Some(Span::new(start, start + "capital".len()));
        }
    }
    None
}

impl Extractor {
    /// A coder that uses `gaz` for places and actors.
    pub fn new(gaz: Arc<Gazetteer>) -> Self {
        // every country's demonyms
        let mut demonyms = std::collections::HashMap::new();
        for ci in gaz.countries() {
            for d in &ci.demonyms {
                demonyms
                    .entry(d.to_lowercase())
                    .or_insert_with(|| (ci.iso2.clone(), ci.name.clone()));
            }
        }
        Extractor {
            gaz,
            lex: assemble::lexicon(),
            demonyms,
        }
    }

    /// The events reported in `article`, in text order of their first mention.
    /// Never panics on any input.
    pub fn extract(&self, article: &Article, opts: &ExtractOptions) -> Vec<Event> {
        let text = article.text.as_str();
        if text.is_empty() {
            return Vec::new();
        }
        // hard-wrapped copy (MUC, plain-text wires): a line break inside a
        // paragraph reads as a space, so names and phrases that run over two
        // lines are found (one byte for one byte: offsets unchanged)
        let unwrapped = unwrap_lines(text);
        let text = unwrapped.as_deref().unwrap_or(text);
        let hits = self.lex.scan(text);
        if !hits.iter().any(|h| lexicon::is_conflict_signal(text, h)) {
            return Vec::new();
        }
        let published = article.published_date().or(opts.published);
        let gaz = &self.gaz;
        // all-capitals wire copy (older agencies, MUC): recognise names on a
        // title-cased copy (ASCII case changes keep every byte offset)
        let recased = shouting(text).then(|| title_case(text));
        let rtext = recased.as_deref().unwrap_or(text);
        let rec = gaz.recognise(rtext);
        // analysis reads the recased copy; evidence is cut from the article
        let text = rtext;
        // a text read without its header (an evaluation record, a pasted
        // wire story) still opens with its dateline: "SAN SALVADOR, 3 JAN 90
        // -- ..." says where the story was filed, as the header would
        // (the same when the reader took the header's dateline from the
        // text's opening, so that a story reads alike with or without it)
        let own_dateline = text_dateline(article.text.as_str()).filter(|(p, _)| {
            article
                .dateline
                .as_deref()
                .is_none_or(|d| d.trim().eq_ignore_ascii_case(p))
        });
        let dateline = article
            .dateline
            .clone()
            .or_else(|| own_dateline.as_ref().map(|d| d.0.clone()));
        let dctx = DocContext {
            dateline: dateline.clone(),
            title: article.title.clone(),
        };
        let places = gaz.resolve(rtext, &rec, &dctx);
        // (the dateline's place is where the story was filed, no venue of
        // its own: a clause reaches it only as the fallback below)
        let filed_end = own_dateline.as_ref().map_or(0, |d| d.1);
        let mut venues: Vec<ResolvedPlace> = places
            .iter()
            .filter(|p| !not_a_venue(text, p) && p.span.start >= filed_end)
            .cloned()
            .collect();
        // a town named only for its hospital is no venue when the text
        // names another place ("a bomb hit a bus in Laxmipur ... he died at
        // Dhaka Medical College Hospital")
        if venues
            .iter()
            .any(|p| p.kind != PlaceKind::Country && !names_hospital(text, p))
        {
            venues.retain(|p| !names_hospital(text, p));
        }
        // a dateline names a place of the country the text is about when it can
        // ("HANGU" over a story about Hangu district: Pakistan, not China)
        // (not from a country named as the other side of a border: "an army
        // outpost near the border with Mali" is not in Mali)
        let text_focus = {
            let sided =
                |p: &ResolvedPlace| !(p.kind == PlaceKind::Country && across_border(text, p));
            // (a copy only when a country is left out: nearly never)
            if places.iter().all(sided) {
                gaz.focus_country(&places)
            } else {
                let sided: Vec<ResolvedPlace> =
                    places.iter().filter(|p| sided(p)).cloned().collect();
                gaz.focus_country(&sided)
            }
        };
        let dateline_loc = match own_dateline.as_ref() {
            // the dateline in the text is resolved with the text's other
            // places: its own reading ("BOGOTA": Colombia's capital), not a
            // namesake in the country the text names most ("U.S.")
            Some((_, end)) => places
                .iter()
                .find(|p| p.span.end <= *end)
                .filter(|p| !foreign_bureau(gaz, text, &places, p, *end))
                .map(|p| p.location.clone()),
            None => dateline.as_deref().and_then(|d| {
                text_focus
                    .as_deref()
                    .and_then(|c| gaz.lookup_place(d, Some(c)))
                    .or_else(|| gaz.lookup_place(d, None))
            }),
        };
        let actors_iso = || {
            let named = rec
                .actors
                .iter()
                .filter(|m| matches!(m.kind, ActorMentionKind::Named) && m.generic.is_none());
            mentions::named_actors_country(named.map(|m| m.country_hint.as_deref()))
        };
        // the dateline's country first: a story filed from Karachi is about
        // Pakistan even when it names Afghanistan more often
        let focus_iso = dateline_loc
            .as_ref()
            .and_then(|l| l.country_code.clone())
            .or(text_focus);
        let country_name = focus_iso
            .as_deref()
            .and_then(|c| gaz.country(c).map(|ci| ci.name))
            .or_else(|| dateline_loc.as_ref().and_then(|l| l.country.clone()))
            // no place gives a country: the country of the parties and groups
            // the text names ("BJP workers" → India) codes its generic actors
            .or_else(|| actors_iso().and_then(|c| gaz.country(&c).map(|ci| ci.name)))
            // nor any named actor: the words only one country's reports use
            .or_else(|| mentions::country_cue(text).and_then(|c| gaz.country(c).map(|ci| ci.name)));
        // "in the capital": the capital of the country the text is about
        let capital = if text.contains("capital") {
            focus_iso
                .clone()
                .or_else(actors_iso)
                .and_then(|iso| {
                    let cap = gaz.country(&iso)?.capital?;
                    gaz.lookup_place(&cap, Some(&iso))
                })
                .filter(|l| l.admin1.is_some())
        } else {
            None
        };
        let first_venue = sentences_first_venue(gaz, text, &venues);
        // for a clause placed only in its country: the first place the text
        // names inside a province ("along the Afghan-Pakistan border. They
        // were taken to a compound in Bajaur Agency"), not a border or region
        let first_in_province = match &first_venue {
            Some(f) if f.0.admin1.is_none() => {
                first_venue_where(gaz, text, &venues, |p| p.location.admin1.is_some())
            }
            _ => first_venue.clone(),
        };
        // a wire dateline says where the story was filed: a clause that
        // names no place happened where the story's first sentence with a
        // place of the dateline's country puts it ("BOGOTA, 7 FEB 89 --
        // ... kidnapped in Medellin, were rescued today. Two of the
        // kidnappers were killed": Medellin), else at the dateline
        let story_venue = own_dateline.as_ref().and_then(|(_, end)| {
            let home = dateline_loc.as_ref()?.country_code.clone()?;
            let body: Vec<ResolvedPlace> = venues
                .iter()
                .filter(|p| p.span.start >= *end)
                .cloned()
                .collect();
            first_venue_where(gaz, text, &body, |p| {
                p.location.admin1.is_some()
                    && p.location.country_code.as_deref() == Some(home.as_str())
            })
            .map(|(l, _)| l)
            .filter(|l| l.country_code.as_deref() == Some(home.as_str()))
        });
        let fallback_location = story_venue
            .or_else(|| dateline_loc.clone())
            .map(|mut l| {
                l.precision = l.precision.max(2);
                l
            })
            // no dateline: the place the article names first (short reports)
            .or_else(|| first_venue.as_ref().map(|(l, _)| l.clone()))
            .or_else(|| {
                let iso = focus_iso.clone()?;
                Some(Location {
                    name: country_name.clone().unwrap_or_else(|| iso.clone()),
                    country: country_name.clone(),
                    country_code: Some(iso),
                    precision: 3,
                    ..Location::default()
                })
            });
        // actor candidates: dictionary mentions, countries, generic nouns
        let mut actors: Vec<ActorCand> = Vec::new();
        for m in &rec.actors {
            let hint_name = m
                .country_hint
                .as_deref()
                .and_then(|c| gaz.country(c).map(|ci| ci.name));
            match m.kind {
                ActorMentionKind::Generic => {
                    if mentions::not_an_actor(text, m.span) {
                        continue;
                    }
                    if let Some(g) = m.generic.map(generic_of) {
                        let c = hint_name.clone().or_else(|| country_name.clone());
                        actors.push(ActorCand {
                            span: m.span,
                            actor: mentions::generic_actor(g, c.as_deref()),
                            generic: Some(g),
                            country: false,
                            country_name: c,
                        });
                    }
                }
                ActorMentionKind::Metonym => {
                    if let Some(a) = &m.actor {
                        let c = a
                            .country
                            .as_deref()
                            .and_then(|c| gaz.country(c).map(|ci| ci.name))
                            .or(hint_name.clone());
                        actors.push(ActorCand {
                            span: m.span,
                            actor: a.clone(),
                            generic: None,
                            country: true,
                            country_name: c,
                        });
                    }
                }
                ActorMentionKind::Named | ActorMentionKind::Shape => {
                    if let Some(a) = &m.actor {
                        // the dictionary's per-country readings apply ("Taliban" in
                        // a Pakistani story is the TTP)
                        let actor = if m.generic.is_none() {
                            gaz.actor_for_generic(m, focus_iso.as_deref())
                        } else {
                            a.clone()
                        };
                        actors.push(ActorCand {
                            span: m.span,
                            actor,
                            generic: None,
                            country: false,
                            country_name: hint_name,
                        });
                    }
                }
            }
        }
        // overlap tests against the candidates so far through an interval set
        // (a run-on text has 10^5 candidates: pairwise tests were quadratic)
        let mut taken = SpanSet::new(actors.iter().map(|a| a.span));
        // a nation's fire ("Indian shelling", "Israeli airstrikes") is its
        // military, whatever the venue's country
        for m in rec.places.iter().filter(|m| m.kind == PlaceKind::Demonym) {
            let Some((iso, name)) = text
                .get(m.span.start..m.span.end)
                .and_then(|d| self.demonyms.get(&d.to_lowercase()))
            else {
                continue;
            };
            let fire = mentions::national_fire(text, m.span.start, m.span.end, iso);
            if let Some(sp) = fire.filter(|sp| !taken.overlaps(*sp)) {
                taken.insert(sp);
                actors.push(ActorCand {
                    span: sp,
                    actor: mentions::generic_actor(Generic::Military, Some(name)),
                    generic: Some(Generic::Military),
                    country: false,
                    country_name: Some(name.clone()),
                });
            }
        }
        for p in &places {
            if p.kind == PlaceKind::Country {
                let name = p
                    .location
                    .country
                    .clone()
                    .unwrap_or_else(|| p.location.name.clone());
                if taken.overlaps(p.span) {
                    continue;
                }
                taken.insert(p.span);
                actors.push(ActorCand {
                    span: p.span,
                    actor: Actor {
                        name: name.clone(),
                        actor_type: None,
                        country: p.location.country_code.clone(),
                    },
                    generic: None,
                    country: true,
                    country_name: Some(name),
                });
            }
        }
        for (sp, g) in find_generics(text) {
            if taken.overlaps(sp) {
                continue;
            }
            taken.insert(sp);
            actors.push(ActorCand {
                span: sp,
                actor: mentions::generic_actor(g, country_name.as_deref()),
                generic: Some(g),
                country: false,
                country_name: country_name.clone(),
            });
        }
        actors.sort_by_key(|a| a.span.start);
        let quotes = quote_ranges(text);
        // in text order (stable: equal starts keep their order), so that
        // `locate` only looks at the venues inside the span it is given
        let mut by_pos = venues.clone();
        by_pos.sort_by_key(|p| p.span.start);
        // A foreign country that is all a clause names ("spying for the United
        // States", "bound for Afghanistan") is no venue when the text is about
        // another country and names a place there: the event falls back to it.
        let fallback_in_focus = fallback_location
            .as_ref()
            .is_some_and(|f| f.admin1.is_some() && f.country_code == focus_iso);
        let sentences = sitrep_text::sentences::split_sentences(text);
        let locate_in = |sp: Span| {
            gaz.locate_sorted(text, &by_pos, sp).filter(|(l, _)| {
                !(fallback_in_focus && l.admin1.is_none() && l.country_code != focus_iso)
            })
        };
        // the national capital, when the clause's sentence says "in the
        // capital" and names no place of the capital's country itself
        let in_capital = |sp: Span| {
            let cap = capital.as_ref()?;
            let i = sentences.partition_point(|s| s.end <= sp.start);
            let s = sentences.get(i).filter(|s| s.start <= sp.start)?;
            let at = capital_phrase(text, *s)?;
            Some((cap.clone(), at))
        };
        let locate = |sp: Span| {
            let Some(found) = locate_in(sp) else {
                return in_capital(sp);
            };
            if found.0.admin1.is_none()
                || capital
                    .as_ref()
                    .is_some_and(|c| c.country_code != found.0.country_code)
            {
                if let Some(c) = in_capital(sp) {
                    return Some(c);
                }
            }
            let found = gathered_before_grievance(text, &sentences, sp, &found, &locate_in)
                .unwrap_or(found);
            let sentence = || {
                let i = sentences.partition_point(|s| s.end <= sp.start);
                let s = sentences.get(i).filter(|s| s.start <= sp.start)?;
                locate_in(*s)
            };
            let found = if dateline_loc.is_none() {
                uncued_elsewhere(text, found, first_venue.as_ref())
            } else {
                found
            };
            let bare = found.0.admin1.is_none();
            Some(precise_for_bare_country(
                found,
                if bare { sentence() } else { None },
                first_in_province.as_ref(),
            ))
        };
        let doc = Doc {
            text,
            published,
            hits: &hits,
            quotes: &quotes,
            actors: &actors,
            country: country_name.clone(),
            locate: &locate,
        };
        let mut ms = Vec::new();
        let mut hi = 0;
        for (si, s) in sentences.iter().enumerate() {
            while hi < hits.len() && hits[hi].start < s.start {
                hi += 1;
            }
            if hi < hits.len() && hits[hi].start < s.end {
                mentions::sentence_mentions(&doc, si, *s, &mut ms);
            }
        }
        if ms.is_empty() {
            return Vec::new();
        }
        mentions::story_perpetrator(&mut ms);
        assemble::relabel(&mut ms);
        let lookup = |name: &str| gaz.actor(name);
        let ctx = assemble::Ctx {
            article,
            published,
            country: country_name,
            fallback_location,
            actor_lookup: &lookup,
        };
        let mut events = assemble::assemble(&ms, &ctx);
        // the coding habits of the event's country (battle order, …)
        conventions::apply(
            &mut events,
            &conventions::Source {
                text,
                sentences: &sentences,
                actors: &actors,
                country: ctx.country.as_deref(),
            },
        );
        // at most 20 reported events per article: keep the best supported
        if events.iter().filter(|e| !e.background).count() > 20 {
            let mut order: Vec<usize> = (0..events.len()).collect();
            order.sort_by(|&a, &b| {
                events[b]
                    .confidence
                    .total_cmp(&events[a].confidence)
                    .then(a.cmp(&b))
            });
            let mut keep = vec![false; events.len()];
            let mut n = 0;
            for i in order {
                if events[i].background || n < 20 {
                    keep[i] = true;
                    if !events[i].background {
                        n += 1;
                    }
                }
            }
            let mut k = 0;
            events.retain(|_| {
                let r = keep[k];
                k += 1;
                r
            });
        }
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The events of `text` published on the date `(y, m, d)`, coded with the
    /// embedded gazetteer.
    fn code_on(text: &str, (y, m, d): (i32, u32, u32)) -> Vec<Event> {
        let ex = Extractor::new(Arc::new(Gazetteer::embedded().expect("embedded gazetteer")));
        let article = Article {
            id: "t".into(),
            text: text.into(),
            ..Article::default()
        };
        let opts = ExtractOptions {
            published: NaiveDate::from_ymd_opt(y, m, d),
        };
        ex.extract(&article, &opts)
    }

    /// The interval set answers exactly as the pairwise test it replaces, on
    /// overlapping, nested, adjacent and repeated spans, inserted as the
    /// extractor does (only spans that overlap nothing yet).
    #[test]
    fn span_set_agrees_with_pairwise_overlap() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        for _ in 0..300 {
            let start: Vec<Span> = (0..next(12))
                .map(|_| {
                    let s = next(200);
                    Span::new(s, s + 1 + next(30))
                })
                .collect();
            let mut set = SpanSet::new(start.iter().copied());
            let mut all = start.clone();
            for _ in 0..60 {
                let s = next(220);
                let sp = Span::new(s, s + 1 + next(12));
                let pairwise = all.iter().any(|a| a.overlaps(sp));
                assert_eq!(set.overlaps(sp), pairwise, "{sp:?} against {all:?}");
                if !pairwise {
                    set.insert(sp);
                    all.push(sp);
                }
            }
        }
    }

    /// A foreign country that is all the event's sentence names gives way to
    /// the place the text names in its own country; a foreign country the
    /// text is about stays.
    #[test]
    fn a_foreign_country_in_passing_is_no_venue() {
        let code = |text: &str| code_on(text, (2008, 8, 4));
        let evs = code(
            "Militants shot dead a tribesman for spying for the United States. His \
                 body was found in a drain in Bajaur Agency, Pakistan.",
        );
        let killing = evs
            .iter()
            .find(|e| e.fatalities.best.is_some_and(|n| n > 0))
            .expect("the killing is coded");
        let loc = killing.location.as_ref().expect("located");
        assert_eq!(loc.country_code.as_deref(), Some("PK"), "{loc:?}");
        assert!(loc.admin1.is_some(), "{loc:?}");
        let evs = code("A suicide bomber killed six soldiers in Afghanistan on Sunday.");
        let loc = evs
            .first()
            .and_then(|e| e.location.as_ref())
            .expect("located");
        assert_eq!(loc.country_code.as_deref(), Some("AF"), "{loc:?}");
    }

    /// A clause that names only its country next to an unknown town is
    /// placed at the town its sentence names in that country; with no such
    /// town anywhere, the country stays.
    #[test]
    fn a_border_first_named_gives_way_to_the_first_place_in_a_province() {
        // the clause names only a border (no province): the first place the
        // text names inside a province stands in, not the border
        let evs = code_on(
            "Two aid workers were abducted while travelling along the Afghan-Pakistan \
             border. They were held at a house in Bajaur Agency for a week.",
            (2008, 3, 28),
        );
        let loc = evs
            .first()
            .and_then(|e| e.location.as_ref())
            .expect("located");
        assert_eq!(loc.country_code.as_deref(), Some("PK"), "{loc:?}");
        assert_eq!(loc.admin2.as_deref(), Some("Bajaur"), "{loc:?}");
    }

    #[test]
    fn a_later_place_without_a_locative_word_is_no_venue() {
        // "heading back to Kotli": where the victims were going, in another
        // province than the first venue; "in Kotli" would be a venue
        let code = |text: &str| code_on(text, (2008, 11, 21));
        let evs = code(
            "On Friday a bomb went off at a funeral procession in Dera Ismail Khan, Pakistan. \
             Ten mourners were killed as the procession was heading for the Kotli graveyard.",
        );
        assert!(!evs.is_empty());
        for e in &evs {
            let loc = e.location.as_ref().expect("located");
            assert_eq!(loc.name, "Dera Ismail Khan", "{loc:?}");
        }
        // with a locative word the later place stands
        let text = "A bomb went off at a funeral in Dera Ismail Khan. Ten were killed in Kotli.";
        let at = |name: &str, a1: &str| {
            let s = text.find(name).expect("in text");
            (
                Location {
                    name: name.into(),
                    admin1: Some(a1.into()),
                    country_code: Some("PK".into()),
                    precision: 1,
                    ..Location::default()
                },
                Span::new(s, s + name.len()),
            )
        };
        let first = at("Dera Ismail Khan", "Khyber Pakhtunkhwa");
        let kotli = at("Kotli", "Azad Kashmir");
        assert_eq!(uncued_elsewhere(text, kotli, Some(&first)).0.name, "Kotli");
    }

    #[test]
    fn a_bare_country_gives_way_to_the_sentences_town() {
        let code = |text: &str| code_on(text, (2008, 8, 4));
        let evs = code(
            "Unknown men threw hand grenades in a neighbourhood of Quetta and damaged \
                 a rail line near Government School in Sarkhanabad, Pakistan. Later they \
                 burned a school near Zarkhobi Chowk in Qaziabadgai, Pakistan.",
        );
        assert!(evs.len() >= 2, "{evs:?}");
        for e in &evs {
            let loc = e.location.as_ref().expect("located");
            assert_eq!(loc.country_code.as_deref(), Some("PK"), "{loc:?}");
            assert_eq!(loc.name, "Quetta", "{loc:?}");
        }
        let evs = code("A bomb exploded at a market in Pakistan, killing four people.");
        let loc = evs
            .first()
            .and_then(|e| e.location.as_ref())
            .expect("located");
        assert_eq!(loc.country_code.as_deref(), Some("PK"), "{loc:?}");
        assert!(loc.admin1.is_none(), "{loc:?}");
    }

    /// A wire dateline at the head of a text is read as the header's would
    /// be: it names where the story was filed; a clause naming no place
    /// happened where the story's first placed sentence says, and a bureau
    /// abroad ("MOSCOW ... (TASS)") says nothing about where.
    #[test]
    fn a_dateline_in_the_text_is_where_the_story_was_filed() {
        assert_eq!(
            text_dateline("  LIMA, 2 APR 90 (EFE) -- [TEXT] A BOMB EXPLODED"),
            Some(("LIMA".to_string(), 26))
        );
        assert_eq!(
            text_dateline("HAVANA (CUBA), 10 JAN 90 (RADIO REBELDE) -- [TEXT] X"),
            Some(("HAVANA".to_string(), 44))
        );
        assert_eq!(text_dateline("Police said, on 3 May, that - "), None);
        let located = |text: &str| -> Vec<(Option<u32>, String, Option<String>)> {
            code_on(text, (1990, 2, 7))
                .iter()
                .filter_map(|e| {
                    let l = e.location.as_ref()?;
                    Some((e.fatalities.best, l.name.clone(), l.country_code.clone()))
                })
                .collect()
        };
        // the killing names no place: the story's town, not the dateline
        let evs = located(
            "BOGOTA, 7 FEB 90 -- [TEXT] TWO ENGINEERS WHO WERE KIDNAPPED LAST WEEK \
             IN CALI WERE FREED TODAY BY THE POLICE.  THREE OF THE KIDNAPPERS WERE \
             KILLED DURING THE RESCUE OPERATION, A POLICE SPOKESMAN SAID.",
        );
        assert!(!evs.is_empty(), "{evs:?}");
        for (_, name, cc) in &evs {
            assert_eq!(
                (name.as_str(), cc.as_deref()),
                ("Cali", Some("CO")),
                "{evs:?}"
            );
        }
        // filed in Moscow, set in Peru
        let evs = located(
            "MOSCOW, 2 MAY 90 (TASS) -- [TEXT] PERUVIAN POLICE REPORTED TODAY THAT \
             GUERRILLAS KILLED SIX SOLDIERS IN AN AMBUSH.  THE ATTACK FOLLOWED A BOMBING \
             IN AREQUIPA LAST WEEK.",
        );
        assert!(!evs.is_empty(), "{evs:?}");
        for (_, _, cc) in &evs {
            assert_eq!(cc.as_deref(), Some("PE"), "{evs:?}");
        }
    }

    /// A story filed from and set in a seat of government (GeoNames PPLG) is that
    /// country's: "LA PAZ" is Bolivia's, not the Mexican state capital of the
    /// same name (a regression check: the dateline rules already place it).
    #[test]
    fn a_dateline_naming_a_seat_of_government_is_that_countrys() {
        let evs = code_on(
            "LA PAZ, 9 JAN 90 (EFE) -- [TEXT] TWO DYNAMITE CHARGES EXPLODED IN LA PAZ \
             LAST NIGHT, ONE OUTSIDE THE OFFICES OF A U.S. MINING COMPANY, WOUNDING \
             TWO GUARDS.",
            (1990, 1, 9),
        );
        assert!(!evs.is_empty());
        for e in &evs {
            let cc = e.location.as_ref().and_then(|l| l.country_code.as_deref());
            assert_eq!(cc, Some("BO"), "{:?}", e.location);
        }
    }

    /// In a story set in El Salvador, a given name that GeoNames also lists
    /// for an English town ("Luis" for Lewes) is no place.
    #[test]
    fn a_far_namesake_of_a_name_is_no_place() {
        let evs = code_on(
            "SAN SALVADOR, 4 MAR 90 (ACAN-EFE) -- [TEXT] SOLDIERS FIRED AT \
             PHOTOGRAPHERS JUAN PEREZ AND LUIS MONTES, WHO WORK FOR A BRITISH NEWS \
             AGENCY, WOUNDING BOTH MEN.",
            (1990, 3, 4),
        );
        assert!(!evs.is_empty());
        for e in &evs {
            let l = e.location.as_ref().expect("located");
            assert_eq!(l.country_code.as_deref(), Some("SV"), "{l:?}");
        }
    }

    /// A city named only for the hospital where a victim died is no venue
    /// when the text names the place of the attack; a district's own
    /// hospital is.
    #[test]
    fn a_hospital_city_is_not_where_the_attack_happened() {
        let place = |text: &str| {
            code_on(text, (2015, 2, 10))
                .first()
                .and_then(|e| e.location.as_ref())
                .and_then(|l| l.admin1.clone())
                .expect("located")
        };
        assert_eq!(
            place(
                "A bus driver died at Dhaka Medical College Hospital on Tuesday. He was \
                 burnt when assailants hurled a petrol bomb at his bus in Bogra on Monday."
            ),
            "Rajshahi"
        );
        assert_eq!(
            place("A truck driver burnt in a petrol bomb attack died at Dhaka Medical College Hospital."),
            "Dhaka"
        );
    }

    /// A protest is where the crowd gathered, not where the grievance it
    /// names happened.
    #[test]
    fn a_protest_is_placed_where_the_crowd_gathered() {
        let evs = code_on(
            "Rickshaw drivers staged a protest outside the Multan Press Club against \
             the beating of a driver at the Bahawalpur police station.",
            (2015, 3, 2),
        );
        let loc = evs
            .first()
            .and_then(|e| e.location.as_ref())
            .expect("located");
        assert_eq!(loc.name, "Multan", "{evs:?}");
    }

    /// "In the capital" places the event in the capital of the country the
    /// text is about; a state or provincial capital, or another sense of
    /// the word, does not.
    #[test]
    fn in_the_capital_is_the_national_capital() {
        fn phrase(t: &str) -> Option<&str> {
            capital_phrase(t, Span::new(0, t.len())).map(|s| &t[s.start..s.end])
        }
        assert_eq!(
            phrase("Buses were torched in the capital on Monday."),
            Some("capital")
        );
        assert_eq!(
            phrase("a blast in the capital\u{2019}s Motijheel area"),
            Some("capital")
        );
        assert_eq!(
            phrase("in the national capital, police said"),
            Some("capital")
        );
        assert_eq!(
            phrase("Buses were torched in the state capital on Monday."),
            None
        );
        assert_eq!(phrase("a rally in the capital of Balochistan"), None);
        assert_eq!(phrase("they face capital punishment"), None);
        let first_place = |text: &str| {
            let evs = code_on(text, (2015, 1, 20));
            evs.first()
                .and_then(|e| e.location.as_ref())
                .map(|l| l.name.clone())
                .expect("located")
        };
        assert_eq!(
            first_place(
                "Assailants torched two buses in the capital on Monday. In Chittagong, \
                 pickets blocked a highway for two hours."
            ),
            "Dhaka"
        );
        assert_ne!(
            first_place(
                "Assailants torched two buses in the state capital on Monday. In Chittagong, \
                 pickets blocked a highway for two hours."
            ),
            "Dhaka"
        );
    }

    /// The byte-wise title case is the char-wise one it replaced, on ASCII
    /// and on multi-byte text (apostrophes, accented capitals, curly quotes).
    #[test]
    fn title_case_by_bytes_equals_by_chars() {
        fn by_chars(text: &str) -> String {
            let mut out = String::with_capacity(text.len());
            let mut prev_alpha = false;
            for c in text.chars() {
                if c.is_ascii_alphabetic() {
                    out.push(if prev_alpha {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_ascii_uppercase()
                    });
                    prev_alpha = true;
                } else {
                    out.push(c);
                    prev_alpha = c == '\'';
                }
            }
            out
        }
        for t in [
            "SAN SALVADOR, 3 JAN 90 (ACAN-EFE) -- O'BRIEN'S MEN KILLED 5",
            "\u{c9}L \u{c9}T\u{c9} \u{201c}ATTACK\u{201d} IN BOGOT\u{c1}\u{2019}S CENTRE",
            "",
            "x'Y 'Z 9A\u{a0}B",
        ] {
            assert_eq!(title_case(t), by_chars(t), "{t:?}");
        }
    }

    /// The byte-by-byte reader `unwrap_lines`' line-break search replaced.
    fn unwrap_lines_by_bytes(text: &str) -> Option<String> {
        let b = text.as_bytes();
        let soft = |i: usize| {
            b[i] == b'\n'
                && i > 0
                && !b[i - 1].is_ascii_whitespace()
                && b.get(i + 1).is_some_and(|c| !c.is_ascii_whitespace())
                && {
                    let start = b[..i]
                        .iter()
                        .rposition(|c| *c == b'\n')
                        .map_or(0, |p| p + 1);
                    (40..=90).contains(&(i - start))
                }
        };
        if !(0..b.len()).any(soft) {
            return None;
        }
        let out: Vec<u8> = (0..b.len())
            .map(|i| if soft(i) { b' ' } else { b[i] })
            .collect();
        String::from_utf8(out).ok()
    }

    /// Over texts with lines of every width around the bounds, blank lines,
    /// breaks at both ends and non-ASCII chars, the `memchr` reader gives
    /// what the byte-by-byte one gives.
    #[test]
    fn unwrap_lines_by_memchr_as_by_bytes() {
        let mut texts: Vec<String> = Vec::new();
        for w in [0, 1, 38, 39, 40, 41, 89, 90, 91, 120] {
            let line = "x".repeat(w);
            texts.push(format!("{line}\n{line}\nA\n\n{line} \n b\n"));
            texts.push(format!("\n{line}\n\u{c9}{line}\n{line}"));
            texts.push(format!("{}\ny", "\u{e9}".repeat(w / 2)));
        }
        for t in &texts {
            assert_eq!(unwrap_lines(t), unwrap_lines_by_bytes(t), "{t:?}");
        }
    }

    #[test]
    fn a_line_break_inside_a_wrapped_paragraph_reads_as_a_space() {
        let wrapped = "THE FARABUNDO MARTI NATIONAL LIBERATION FRONT TODAY CLAIMED\nRESPONSIBILITY FOR THE ATTACK IN SAN SALVADOR.\n\nNEXT PARAGRAPH.";
        let u = unwrap_lines(wrapped).expect("a soft break");
        assert_eq!(u.len(), wrapped.len());
        assert!(u.contains("CLAIMED RESPONSIBILITY"), "{u}");
        // the blank line between paragraphs stays
        assert!(u.contains(".\n\nNEXT"), "{u}");
        // a break after a short headline line is kept
        assert_eq!(
            unwrap_lines("Blast kills four\nQUETTA: A bomb went off."),
            None
        );
    }

    #[test]
    fn extractor_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Extractor>();
    }
}
