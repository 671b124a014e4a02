//! Choosing one place per mention, and the event location of a clause.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use sitrep_model::{Location, Span};

use crate::data::Data;
use crate::matcher::Matcher;
use std::borrow::Cow;

use crate::text::{
    ascii_spans_after, ascii_spans_before, prev_char, window_after, window_before, words_after,
    words_before,
};
use crate::{DocContext, PlaceKind, PlaceMention, Recognition, ResolvedPlace};

/// Words that put a place name in a locative role.
const LOCATIVE: &[&str] = &[
    "in", "at", "near", "from", "of", "to", "outside", "across", "into", "inside", "around",
    "towards", "toward", "between", "along", "via", "through", "within", "and", "nearby", "on",
];

/// Cues (lower case, as they end the text before the name) meaning "near X".
const NEAR_CUES: &[&str] = &[
    "near",
    "nearby",
    "outside",
    "outskirts of",
    "close to",
    "vicinity of",
    "suburbs of",
    "suburb of",
    "north of",
    "south of",
    "east of",
    "west of",
    "northeast of",
    "northwest of",
    "southeast of",
    "southwest of",
    "north-east of",
    "north-west of",
    "south-east of",
    "south-west of",
    "km from",
    "kilometres from",
    "kilometers from",
    "miles from",
    "km away from",
    "outlying areas of",
];

/// Cues that may directly precede the name and belong in its evidence.
const PLAIN_CUES: &[&str] = &[
    "in", "at", "from", "of", "along", "across", "into", "inside", "to",
];

/// The words around one place mention, read once per text and shared by
/// every check of the mention: `words_before(text, start, 3)` and
/// `words_after(text, end, 2)`. Fewer words are a suffix (before) or a
/// prefix (after) of these: the readers cut the same window at the same
/// stop and split it alike, whatever the count.
///
/// A word of an ASCII window is borrowed from `lower`, the text lower-cased
/// (ASCII letters only: the same byte offsets), so that nearly every mention
/// reads its words without allocating; other windows are read by
/// `words_before`/`words_after` themselves.
struct Near<'a> {
    /// Up to three words before the name, nearest last (`nb` of them).
    before: [Cow<'a, str>; 3],
    nb: usize,
    /// Up to two words after the name, nearest first (`na` of them).
    after: [Cow<'a, str>; 2],
    na: usize,
    /// `demonym_country` of the mention.
    demonym: Option<u16>,
}

impl<'a> Near<'a> {
    /// The words around `pm` in `text` (and the country whose demonym it
    /// is); `lower` is `text.to_ascii_lowercase()`.
    fn of(data: &Data, text: &str, lower: &'a str, pm: &PlaceMention) -> Near<'a> {
        let mut near = Near {
            before: Default::default(),
            nb: 0,
            after: Default::default(),
            na: 0,
            demonym: demonym_country(data, text, pm),
        };
        let (off, window) = window_before(text, pm.span.start);
        let ascii = ascii_spans_before(window, 3, |s, e| {
            near.before[near.nb] = Cow::Borrowed(lower.get(off + s..off + e).unwrap_or(""));
            near.nb += 1;
        });
        if ascii {
            near.before[..near.nb].reverse();
        } else {
            let words = words_before(text, pm.span.start, 3);
            near.nb = words.len();
            for (slot, w) in near.before.iter_mut().zip(words) {
                *slot = Cow::Owned(w);
            }
        }
        let (off, window) = window_after(text, pm.span.end);
        let ascii = ascii_spans_after(window, 2, |s, e| {
            near.after[near.na] = Cow::Borrowed(lower.get(off + s..off + e).unwrap_or(""));
            near.na += 1;
        });
        if !ascii {
            let words = words_after(text, pm.span.end, 2);
            near.na = words.len();
            for (slot, w) in near.after.iter_mut().zip(words) {
                *slot = Cow::Owned(w);
            }
        }
        near
    }

    /// `words_before(text, start, n)` for `n` ≤ 3.
    fn before(&self, n: usize) -> &[Cow<'a, str>] {
        &self.before[self.nb.saturating_sub(n)..self.nb]
    }

    /// `words_after(text, end, n)` for `n` ≤ 2.
    fn after(&self, n: usize) -> &[Cow<'a, str>] {
        &self.after[..self.na.min(n)]
    }
}

/// Country evidence of a document. (Fx maps: small integer keys, probed
/// for every candidate of every mention; nothing depends on their order —
/// they are only looked up, summed into, and searched with `any`/`max`.)
#[derive(Debug, Default)]
struct Context {
    /// Country index → weight from countries, demonyms, admin units, dateline, title.
    strong: FxHashMap<u16, f64>,
    /// Country index → weight including unambiguous towns.
    all: FxHashMap<u16, f64>,
    /// Country index → weight from its provinces, districts and regions
    /// named as places, and the dateline: evidence that the text is set
    /// there, not only that it speaks of the country ("the U.S. embassy",
    /// "British reporters").
    placed: FxHashMap<u16, f64>,
    /// Admin1 entries mentioned (unambiguously) anywhere.
    admin1: FxHashMap<u32, f64>,
    /// Dateline candidates (entry ids).
    dateline: Vec<u32>,
    /// (country, weight) of district names of one country, pending.
    admin2_only: Vec<(u16, f64)>,
}

impl Context {
    /// Adds the pending district evidence of countries that nothing else
    /// contradicts.
    fn settle_admin2(&mut self) {
        let pending = std::mem::take(&mut self.admin2_only);
        let strong_before: Vec<u16> = self
            .strong
            .iter()
            .filter(|(_, w)| **w > 0.0)
            .map(|(c, _)| *c)
            .collect();
        for (c, w) in pending {
            if strong_before.iter().all(|o| *o == c) {
                *self.strong.entry(c).or_default() += w;
            }
        }
    }
}

fn single_country(data: &Data, m: &PlaceMention) -> Option<u16> {
    let mut it = m
        .candidates
        .iter()
        .map(|c| data.entries[c.0 as usize].country);
    let first = it.next()?;
    it.all(|c| c == first).then_some(first)
}

/// Whether a place lies within 2,000 km of the capital of a country the document gives
/// evidence for: without evidence for the name's own country, a place in
/// the region the text is about beats a namesake across the world.
fn near_evidence(data: &Data, ctx: &Context, en: &crate::data::Entry) -> bool {
    let (Some(la), Some(lo)) = (en.lat, en.lon) else {
        return false;
    };
    ctx.all.iter().any(|(c, w)| {
        *w > 0.0
            && data
                .countries
                .get(*c as usize)
                .and_then(|k| data.entries.get(k.entry as usize))
                .is_some_and(|k| match (k.lat, k.lon) {
                    // (the latitude difference alone bounds the distance
                    // from below: most capitals are ruled out without
                    // the trigonometry; 1 km of margin for rounding)
                    (Some(a), Some(b)) => {
                        6371.0 * (a - la).abs().to_radians() < 2001.0 && km(la, lo, a, b) < 2000.0
                    }
                    _ => false,
                })
    })
}

/// The one country whose province a name is, when all other readings are
/// villages abroad ("Herat": the Afghan province and city, not the Iranian
/// village).
fn dominant_country(data: &Data, m: &PlaceMention) -> Option<u16> {
    let mut province = None;
    for c in &m.candidates {
        let o = &data.entries[c.0 as usize];
        if o.kind == PlaceKind::Admin1 {
            match province {
                None => province = Some(o.country),
                Some(p) if p != o.country => return None,
                _ => {}
            }
        }
    }
    let p = province?;
    m.candidates
        .iter()
        .map(|c| &data.entries[c.0 as usize])
        .all(|o| o.country == p || (o.kind == PlaceKind::Populated && o.population < 50_000))
        .then_some(p)
}

/// Whether a mention reads as a place in its own right: after a locative word
/// ("in Jacobabad") or before a unit word ("Mohmand Agency"), and not glued to a
/// following capitalised word ("Mazhar Khan", "Adam Khel").
fn reads_as_place(text: &str, m: &PlaceMention, near: &Near) -> bool {
    let e = m.span.end;
    let before = near.before(1);
    let after = near.after(1);
    let unit = after.first().is_some_and(|w| {
        matches!(
            w.as_ref(),
            "district"
                | "districts"
                | "agency"
                | "tehsil"
                | "division"
                | "province"
                | "department"
                | "departments"
        )
    });
    let locative = before
        .last()
        .is_some_and(|w| LOCATIVE.contains(&w.as_ref()));
    unit || (locative && !cap_word_after(text, e))
}

fn add_evidence(
    data: &Data,
    text: &str,
    ctx: &mut Context,
    m: &PlaceMention,
    w: f64,
    place_like: bool,
) {
    let Some(c) = single_country(data, m).or_else(|| dominant_country(data, m)) else {
        // several countries: spread admin1-level evidence thinly
        return;
    };
    // the kinds of the candidates in that country, as a set of bits
    let kinds = m
        .candidates
        .iter()
        .map(|o| &data.entries[o.0 as usize])
        .filter(|o| o.country == c)
        .fold(0u8, |set, o| set | 1 << o.kind as u8);
    let has = |k: PlaceKind| kinds & (1 << k as u8) != 0;
    // a region phrase of one country ("southwest Pakistan", "the tribal
    // areas") names that country as surely as its name does
    let strong = m.kind == PlaceKind::Demonym
        || has(PlaceKind::Country)
        || has(PlaceKind::Admin1)
        || has(PlaceKind::Region);
    if m.common_word {
        // "Swat officials said": a name that is also a word, capitalised
        // inside a sentence, is weak evidence
        if !sentence_initial(text, m.span.start)
            && text[m.span.start..].starts_with(char::is_uppercase)
        {
            *ctx.all.entry(c).or_default() += 0.5 * w;
        }
        return;
    }
    if has(PlaceKind::Admin1) || has(PlaceKind::Region) || (place_like && has(PlaceKind::Admin2)) {
        *ctx.placed.entry(c).or_default() += w;
    }
    if strong || (place_like && has(PlaceKind::Admin2)) {
        *ctx.strong.entry(c).or_default() += w;
    } else if has(PlaceKind::Admin2) {
        // A district name that does not read as a place is strong evidence only
        // where no country, demonym or province points elsewhere ("Mazhar Khan"
        // in a Pakistani story is no evidence for Yemen): decided once all
        // mentions are read.
        ctx.admin2_only.push((c, w));
    }
    *ctx.all.entry(c).or_default() += w;
    if m.candidates.len() == 1 {
        let e = &data.entries[m.candidates[0].0 as usize];
        if e.kind == PlaceKind::Admin1 {
            *ctx.admin1.entry(m.candidates[0].0).or_default() += w;
        }
    }
}

/// Resolve all place mentions of a document.
pub(crate) fn resolve(
    data: &Data,
    m: &Matcher,
    text: &str,
    rec: &Recognition,
    dctx: &DocContext,
) -> Vec<ResolvedPlace> {
    let mut ctx = Context::default();
    let people = titled_names(text, rec);
    let lower = text.to_ascii_lowercase();
    let nears: Vec<Near> = rec
        .places
        .iter()
        .map(|pm| Near::of(data, text, &lower, pm))
        .collect();
    for (pm, near) in rec.places.iter().zip(&nears) {
        if names_people(data, text, pm, near) || across_border(data, pm, near) {
            // "a Syrian asylum seeker", "aid workers from France", "near the
            // border with Somalia": where people come from, or the country
            // on the other side, is little evidence for where it happened
            if let Some(c) = single_country(data, pm) {
                *ctx.all.entry(c).or_default() += 0.2;
            }
            continue;
        }
        if let Some(c) = reads_as_demonym(near).then_some(near.demonym).flatten() {
            // "the Somali capital": Somalia's, not Ethiopia's Somali region
            *ctx.strong.entry(c).or_default() += 1.0;
            *ctx.all.entry(c).or_default() += 1.0;
            continue;
        }
        // an unambiguous village named without a locative cue ("the North
        // York area") is weak evidence: a small place somewhere shares many
        // a name
        let place_like = reads_as_place(text, pm, near);
        if !place_like
            && !people.is_empty()
            && people.contains(&text[pm.span.start..pm.span.end].to_lowercase())
        {
            // "Dr Guerrero", and "Guerrero, who was ...": a person, no evidence
            continue;
        }
        let w = if pm.kind == PlaceKind::Populated && !place_like && !substantial(data, pm) {
            0.3
        } else {
            1.0
        };
        add_evidence(data, text, &mut ctx, pm, w, place_like);
    }
    for a in &rec.actors {
        if a.kind == crate::ActorMentionKind::Named {
            if let Some(ci) = a
                .country_hint
                .as_deref()
                .and_then(|c| data.country_by_iso.get(c))
            {
                *ctx.strong.entry(*ci).or_default() += 0.5;
                *ctx.all.entry(*ci).or_default() += 0.5;
            }
        }
    }
    if let Some(title) = dctx.title.as_deref() {
        let trec = m.recognise(data, title);
        for pm in &trec.places {
            let lower = title.to_ascii_lowercase();
            let place_like = reads_as_place(title, pm, &Near::of(data, title, &lower, pm));
            add_evidence(data, title, &mut ctx, pm, 1.0, place_like);
        }
    }
    if let Some(dl) = dctx.dateline.as_deref() {
        // "QUETTA", "PESHAWAR, Pakistan": the first part names the place.
        let first = dl.split([',', '/']).next().unwrap_or(dl).trim();
        let mut cands = m.entries_named(data, first);
        cands.retain(|&i| data.entries[i as usize].kind != PlaceKind::Region);
        // The text's own places choose among same-named datelines ("HANGU" over
        // a story about Hangu district is the Pakistani one, not the Chinese
        // town); population decides otherwise.
        let cued = unit_cued_countries(data, text, rec, first);
        // Strong evidence (a country, a province, a unit word) outranks size;
        // stray weak evidence (a village namesake, a common word) does not
        // outrank a capital or a city of a million: wires file from cities
        // ("BOGOTA" with no country named is Colombia's capital, not the
        // New Jersey borough that some "Hilton" or "Police" hints at).
        let supported = |i: u32| {
            let c = data.entries[i as usize].country;
            cued.contains(&c) || ctx.strong.get(&c).is_some_and(|w| *w > 0.0)
        };
        let weakly = |i: u32| {
            let c = data.entries[i as usize].country;
            ctx.all.get(&c).is_some_and(|w| *w > 0.0)
        };
        let metropolis = |i: u32| {
            let e = &data.entries[i as usize];
            e.kind == PlaceKind::Populated && (e.population >= 1_000_000 || e.seat >= 3)
        };
        // (not a small namesake of a national capital that only talk of its
        // country supports: "LIMA, 7 MAY 89 -- ... the American Popular
        // Revolutionary Alliance" is Peru's capital, not Lima, Ohio)
        let capital_named = cands.iter().any(|&i| {
            let e = &data.entries[i as usize];
            e.kind == PlaceKind::Populated && e.seat >= 3
        });
        let supported = |i: u32| {
            let e = &data.entries[i as usize];
            let small = e.kind == PlaceKind::Populated && e.population < 100_000 && e.seat < 2;
            supported(i)
                && !(capital_named
                    && small
                    && !ctx.placed.get(&e.country).is_some_and(|w| *w > 0.0))
        };
        if let Some(best) = cands.iter().copied().max_by_key(|&i| {
            (
                supported(i),
                metropolis(i),
                weakly(i),
                data.entries[i as usize].population,
                std::cmp::Reverse(i),
            )
        }) {
            let c = data.entries[best as usize].country;
            *ctx.strong.entry(c).or_default() += 3.0;
            *ctx.all.entry(c).or_default() += 3.0;
            *ctx.placed.entry(c).or_default() += 3.0;
            ctx.dateline = cands;
        }
    }
    ctx.settle_admin2();
    // Unambiguous towns of countries already in strong context reinforce admin1.
    let max_all = ctx.all.values().copied().fold(0.0, f64::max).max(1.0);

    // surnames the text gives a person by a given name ("Luis Carlos
    // Galan ... Galan would not be dead"): every mention of them. Whether a
    // name (lower-cased) is one is worked out for the names that need it
    // only, once per name, from the mentions of that name.
    let mut named_persons: FxHashMap<String, bool> = FxHashMap::default();
    let mut lowered: Option<Vec<String>> = None;
    let mut out = Vec::new();
    // (mention index, entry) of each place in `out`, for the checks below
    let mut chosen: Vec<Option<(usize, u32)>> = Vec::new();
    for (mi, (pm, near)) in rec.places.iter().zip(&nears).enumerate() {
        // "the Afghan capital", "Syria's capital", "the northern Iraqi town of
        // X": the country (or its capital) is where it happened
        if let Some(p) = country_phrase_place(data, m, text, pm, near) {
            out.push(p);
            chosen.push(None);
            continue;
        }
        if pm.kind == PlaceKind::Demonym
            && pm
                .candidates
                .iter()
                .all(|c| data.entries[c.0 as usize].kind == PlaceKind::Country)
            && is_demonym_only(data, text, pm)
        {
            continue;
        }
        // "the American air base", "a Somali refugee": an adjective or a
        // people, not a place; nor is a country people come from ("aid
        // workers from France")
        if reads_as_demonym(near)
            || (pm.kind == PlaceKind::Country && names_people(data, text, pm, near))
        {
            continue;
        }
        let s = pm.span.start;
        let e = pm.span.end;
        let before = near.before(3);
        let after = near.after(2);
        let last = before.last().map(AsRef::as_ref);
        let locative = last.is_some_and(|w| LOCATIVE.contains(&w))
            || (matches!(last, Some("the" | "a" | "an"))
                && before
                    .get(before.len().wrapping_sub(2))
                    .is_some_and(|w| LOCATIVE.contains(&w.as_ref())))
            // "in the city's Jatrabari area", "the capital's X district"
            || last.is_some_and(|w| {
                matches!(
                    w,
                    "city's" | "capital's" | "town's" | "city\u{2019}s" | "capital\u{2019}s"
                )
            });
        let near_after = after
            .first()
            .is_some_and(|w| matches!(w.as_ref(), "outskirts" | "suburbs" | "vicinity"))
            || text[e..].starts_with("'s outskirts")
            || text[e..].starts_with("\u{2019}s outskirts");
        let next = after.first().map(AsRef::as_ref).unwrap_or("");
        let want = match next {
            "district" | "districts" | "agency" | "tehsil" | "subdivision" | "upazila"
            | "upazilla" | "taluk" | "taluka" => Some(PlaceKind::Admin2),
            // (Latin America's departments are its first-level units:
            // "San Miguel Department", "Usulutan and Morazan departments")
            "province" | "state" | "region" | "division" | "department" | "departments" => {
                Some(PlaceKind::Admin1)
            }
            "city" | "town" | "village" | "area" | "bazaar" | "market" => {
                Some(PlaceKind::Populated)
            }
            "country" => Some(PlaceKind::Country),
            _ => None,
        };
        // A name that is also a word needs a cue (below: `cued`, from a
        // locative word, "called"/"named", a unit word of its kind, or its
        // province after a comma); without any, it is dropped whatever the
        // scores, so none are worked out (every later drop is a `continue`).
        if pm.common_word
            && !locative
            && !called_before(before)
            && !text[e..].starts_with(',')
            && !want.is_some_and(|k| {
                matches!(k, PlaceKind::Admin1 | PlaceKind::Admin2)
                    && pm
                        .candidates
                        .iter()
                        .any(|c| data.entries[c.0 as usize].kind == k)
            })
        {
            continue;
        }
        let near_cue = near_cue_start(text, s);
        // Admin1 names right after ("Sibi, Balochistan", "Lakki Marwat district (KP)").
        let nearby_admin1: Vec<u32> = rec.places[mi + 1..]
            .iter()
            .take_while(|o| o.span.start <= e + 40)
            .flat_map(|o| o.candidates.iter().map(|c| c.0))
            .filter(|&c| data.entries[c as usize].kind == PlaceKind::Admin1)
            .collect();
        // The country of an address ("Tripoli, Lebanon", "Romans sur Isere,
        // Auvergne Rhone Alpes, France"): the name is the one in that country.
        let address_countries = address_countries(data, text, rec, mi);

        // Without any country evidence for this name in the text, a place
        // near the countries the text does speak of breaks ties ("Mansa" in
        // a story naming Indian places is the Indian district seat, not the
        // Zambian town); with no evidence at all, population decides (no
        // region of the world is preferred: "Alexandria" is Egypt's).
        let no_evidence = pm.candidates.iter().all(|c| {
            ctx.all
                .get(&data.entries[c.0 as usize].country)
                .is_none_or(|w| *w <= 0.0)
        });
        let mut best: Option<(f64, u32)> = None;
        // a region shared by countries: the side the sentence puts it on
        let side = border_side(data, text, rec, mi);
        let town_in = |country: u16| {
            pm.candidates.iter().any(|c| {
                let o = &data.entries[c.0 as usize];
                o.kind == PlaceKind::Populated && o.country == country
            })
        };
        // A unit word names the kind: "Hangu district" is the district, never a
        // same-named town abroad.
        let unit_kind = want.filter(|k| {
            matches!(k, PlaceKind::Admin1 | PlaceKind::Admin2)
                && pm
                    .candidates
                    .iter()
                    .any(|c| data.entries[c.0 as usize].kind == *k)
        });
        // "IN PANAMA": a name written as a country's own name is the
        // country (or a place in it), not a town abroad of that name or
        // alternate name (Panama, Oklahoma; Panama City, Florida)
        let named_country = pm.candidates.iter().find_map(|c| {
            let o = &data.entries[c.0 as usize];
            (o.kind == PlaceKind::Country && folded_eq(&text[pm.span.start..pm.span.end], &o.name))
                .then_some(o.country)
        });
        let capital_of = pm.candidates.iter().find_map(|c| {
            let o = &data.entries[c.0 as usize];
            (o.kind == PlaceKind::Populated
                && o.seat >= 3
                && folded_eq(&text[pm.span.start..pm.span.end], &o.name))
            .then_some(o.country)
        });
        for c in &pm.candidates {
            let en = &data.entries[c.0 as usize];
            if unit_kind.is_some_and(|k| k != en.kind) {
                continue;
            }
            if named_country.is_some_and(|k| k != en.country)
                && matches!(en.kind, PlaceKind::Populated | PlaceKind::Admin2)
            {
                continue;
            }
            // "LIMA", "BOGOTA": a national capital, not a small namesake
            // abroad (Lima, Ohio; Bogota, New Jersey) that only the text's
            // talk of that country ("the U.S. embassy") supports; a
            // province or district of the namesake's country named as a
            // place, or the dateline, keeps it
            if capital_of.is_some_and(|k| k != en.country)
                && en.kind == PlaceKind::Populated
                && en.population < 100_000
                && en.seat < 2
                && !ctx.placed.get(&en.country).is_some_and(|w| *w > 0.0)
                && !ctx.dateline.contains(&c.0)
            {
                continue;
            }
            let mut sc = 0.0;
            let cs = ctx.all.get(&en.country).copied().unwrap_or(0.0);
            sc += 3.0 * cs / max_all;
            sc += match en.kind {
                PlaceKind::Country => 3.0,
                PlaceKind::Admin1 => 2.2,
                PlaceKind::Admin2 => 1.2,
                PlaceKind::Region => 1.0,
                PlaceKind::Populated => 0.6 + 0.2 * f64::from(en.seat),
                PlaceKind::Demonym => 0.0,
            };
            // Population ranks towns; an admin unit ranks by its largest town
            // only when no town of that name in the same country competes
            // ("in Kabul" is the city, "in Delhi" the Indian unit, not Dili).
            if en.kind == PlaceKind::Populated
                || (matches!(en.kind, PlaceKind::Admin1 | PlaceKind::Admin2)
                    && !town_in(en.country))
            {
                sc += (f64::from(en.population) + 1.0).log10() / 7.0 * 1.5;
            }
            if want == Some(en.kind) {
                sc += 3.0;
            }
            if let Some(a1) = en.admin1 {
                if nearby_admin1.contains(&a1) {
                    sc += 2.5;
                }
                if let Some(w) = ctx.admin1.get(&a1) {
                    sc += 0.8 * w.min(2.0);
                }
            }
            if ctx.dateline.contains(&c.0) {
                sc += 2.0;
            }
            if address_countries.contains(&en.country) {
                sc += 3.0;
            }
            if no_evidence && near_evidence(data, &ctx, en) {
                sc += 1.0;
            }
            if en.kind == PlaceKind::Region {
                sc += 2.0 * side.get(&en.country).copied().unwrap_or(0.0);
            }
            if best.is_none_or(|b| sc > b.0) {
                best = Some((sc, c.0));
            }
        }
        let Some((_, idx)) = best else { continue };
        let en = &data.entries[idx as usize];
        let strong = ctx.strong.get(&en.country).copied().unwrap_or(0.0);
        // Evidence rules for names that are also words, and for small foreign
        // towns the document gives no reason to expect.
        // An English word ("Centre", "Capital", "Mobile") needs a cue and its
        // country in the text; a lower-case name ("in lahore") a cue and
        // context or a big place.
        // "a town called Hub", "a village named Kot": the noun places the name
        let called = called_before(before);
        let locative = locative || called;
        // "Swat district", "in Kabal, Swat, North-West Frontier": a unit word
        // or the name's own province right after it says that a name which
        // is also a word is the place, whatever comes before
        let addressed = unit_kind.is_some()
            || (text[e..].starts_with(',')
                && en.admin1.is_some_and(|a| nearby_admin1.contains(&a)));
        let cued = locative || addressed;
        // a name the text gives a person by a title ("Colonel Ponce", "Dr
        // Guerrero") is that person wherever no locative word or unit word
        // makes it a place
        if !cued && !people.is_empty() && people.contains(&text[s..e].to_lowercase()) {
            continue;
        }
        // "Gilda Flores", "Luis Carlos Galan", "Pablo Escobar": a person
        // named by a given name, not a town named after the surname (nor
        // after the given name)
        if !cued {
            let low = text[s..e].to_lowercase();
            let named = match named_persons.get(&low) {
                Some(&b) => b,
                None => {
                    let lows = lowered.get_or_insert_with(|| {
                        rec.places
                            .iter()
                            .map(|o| text[o.span.start..o.span.end].to_lowercase())
                            .collect()
                    });
                    let b = lows
                        .iter()
                        .enumerate()
                        .any(|(mj, l)| *l == low && person_named(data, text, rec, mj));
                    named_persons.insert(low, b);
                    b
                }
            };
            if named {
                continue;
            }
        }
        let english = pm.common_word && data.stop.contains(&text[s..e].to_lowercase());
        if english && !(cued && strong > 0.0) {
            continue;
        }
        if pm.common_word && !(cued && (strong > 0.0 || en.population >= 100_000)) {
            continue;
        }
        let other_strong = ctx.strong.iter().any(|(c, w)| *c != en.country && *w > 0.0);
        // the evidence for the name's country besides the name itself ("Aden"
        // names a Yemeni province, which is no support for "near Aden Adde
        // International Airport" in a Somali story)
        let own = if !pm.common_word
            && single_country(data, pm).is_some()
            && pm.candidates.iter().any(|c| {
                matches!(
                    data.entries[c.0 as usize].kind,
                    PlaceKind::Country | PlaceKind::Admin1
                )
            }) {
            1.0
        } else {
            0.0
        };
        // a province name that only a village abroad shares counts for its
        // country ("Herat"), but not for itself against another country's
        // evidence ("Sabha" in "the Lok Sabha" of an Indian story)
        let own_dominant = if !pm.common_word
            && single_country(data, pm).is_none()
            && dominant_country(data, pm) == Some(en.country)
        {
            1.0
        } else {
            0.0
        };
        let strong_glue = if other_strong {
            strong - own - own_dominant
        } else {
            strong
        };
        let strong = strong - if other_strong { own_dominant } else { 0.0 };
        if en.kind == PlaceKind::Populated
            && strong <= 0.0
            && (!locative || other_strong)
            && en.population < 50_000
            && !ctx.dateline.contains(&idx)
        {
            continue;
        }
        // A foreign town or district in a text about another country, that
        // nothing else in the text supports (its country, a demonym, one of its
        // provinces), is most likely a local name the gazetteer lacks, a
        // person ("Mazhar Khan") or a brand ("a Toyota pickup"): national
        // capitals and cities of a million stay.
        if matches!(en.kind, PlaceKind::Populated | PlaceKind::Admin2)
            && strong <= 0.0
            && other_strong
            && en.population < 1_000_000
            && en.seat < 3
            && !ctx.dateline.contains(&idx)
        {
            continue;
        }
        // Likewise a foreign province named in passing, not as a place ("The
        // Centre for Indian Trade Unions" is no region of Burkina Faso).
        if en.kind == PlaceKind::Admin1
            && strong <= 0.0
            && other_strong
            && !locative
            && !ctx.dateline.contains(&idx)
        {
            continue;
        }
        // Where the text is set in one country (its dateline, its
        // provinces), a town of another country that the text only names
        // as a country ("the U.S. embassy", "British reporters") needs more
        // than a namesake: not a GeoNames alternate name ("Luis" for Lewes,
        // "Cano" for Kano, "Central" for Radford), nor a small town's name
        // inside a run of capitalised words ("Luis Galdamez", "Jose Silva",
        // "Downtown La Paz").
        let placed_here = ctx.placed.get(&en.country).is_some_and(|w| *w > 0.0);
        // (firmly: a dateline, or several provinces; one province-named
        // word, "the Mazdoor Sabha", does not set a text in Libya)
        let placed_elsewhere = ctx
            .placed
            .iter()
            .any(|(c, w)| *c != en.country && *w >= 3.0);
        if en.kind == PlaceKind::Populated
            && !placed_here
            && placed_elsewhere
            && !ctx.dateline.contains(&idx)
            && far_from_placed(data, &ctx, en)
        {
            let alias_only = !folded_eq(&text[s..e], &en.name);
            let small = en.population < 1_000_000 && en.seat < 3;
            let in_name_run = !text[s..e].contains(' ')
                && (cap_word_before(text, s)
                    || cap_word_after(text, e)
                    || sentence_initial(text, s));
            // (a small town of another continent needs its country named, a
            // province of it, or its people: "SAN FERNANDO" in a Salvadoran
            // story is no suburb of Los Angeles)
            let town = en.population < 100_000 && en.seat < 2;
            if (alias_only && en.seat < 3) || (small && in_name_run) || town {
                continue;
            }
        }
        // A place that names a thoroughfare ("on Darband Road", "Chato Chowk")
        // is the street's namesake, not where it happened.
        if matches!(en.kind, PlaceKind::Populated | PlaceKind::Admin2)
            && matches!(
                after.first().map(AsRef::as_ref),
                Some("road" | "street" | "chowk" | "avenue" | "highway" | "lane")
            )
            && text[e..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_uppercase())
        {
            continue;
        }
        // A small one-word town after a capitalised word that is no place of its
        // own ("Lowara Mandi", "Guli Bagh") is the tail of a longer local name
        // the gazetteer lacks, whatever the country context (cities and
        // district seats stay: "Pir Colony Peshawar", "Commissioner Karachi").
        if en.kind == PlaceKind::Populated
            && en.population < 100_000
            && en.seat < 2
            && !text[s..e].contains(' ')
            && cap_word_before(text, s)
            && !rec.places[..mi]
                .iter()
                .any(|o| o.span.end + 1 == s || o.span.end + 2 == s)
            && !ctx.dateline.contains(&idx)
        {
            continue;
        }
        // "North 24-Parganas", "South Dinajpur", "North Kashmir": a place
        // named by a compass word alone (Sikkim's "North" district, Sri
        // Lanka's "Western" province) before another name or a number is
        // the head of a longer name ("Central Region" stays)
        if is_compass(&text[s..e]) && compass_head(text, e) {
            continue;
        }
        // A month name is a date ("on March 15", "in May"), not a town named so,
        // unless a unit word says otherwise ("May district").
        if want.is_none() && is_month(&text[s..e]) {
            continue;
        }
        // The first part of a hyphenated word ("Para-medical") is no place.
        if text[e..].starts_with('-')
            && text[e + 1..].chars().next().is_some_and(char::is_lowercase)
        {
            continue;
        }
        // A one-word town glued to other capitalised words ("Darra Adam Khel",
        // "Toba Tek Singh") is part of a longer name the gazetteer lacks; so is
        // a common word ("North Kashmir").
        // A neighbouring word that is a place of its own ("in Jacobabad Kashmir
        // Day", "in Manghopir Karachi") glues nothing; nor does a word before a
        // city or district seat ("Pir Colony Peshawar").
        // (a province or region glues like any name: "Community Health Centre")
        let big = en.kind == PlaceKind::Populated && (en.population >= 100_000 || en.seat >= 2);
        let glued_before = cap_word_before(text, s) && !big && !place_ends_at(data, rec, mi, s);
        // "the Kerala Catholic Bishops' Council", "Delhi Police": a province
        // opening an organisation's name is where the organisation works,
        // when the name can only be one country's province
        let province_of_org = en.kind == PlaceKind::Admin1
            && !pm.common_word
            && (strong_glue > 0.0 || !other_strong)
            && pm.candidates.iter().all(|c| {
                let o = &data.entries[c.0 as usize];
                o.kind != PlaceKind::Admin1 || o.country == en.country
            });
        // "at Kabul University", "in a Kabul Wrestling club", "at London
        // Bridge": a capital or a city of a million naming a facility in it,
        // after a locative word, is
        // where it happened (unless the text is about another country: "near
        // Aden Adde International Airport" in Mogadishu)
        let metropolis = en.kind == PlaceKind::Populated
            && (en.population >= 1_000_000 || en.seat >= 3)
            && text[s..e].eq_ignore_ascii_case(&en.name);
        let city_facility = metropolis
            && locative_before(text, s)
            && (strong_glue > 0.0 || !other_strong)
            && !hospital_follows(text, e)
            && !landmark_placed_elsewhere(text, rec, mi, e);
        let glued_after = cap_word_after(text, e)
            && !place_starts_at(data, rec, mi, e)
            && !province_of_org
            && !city_facility;
        if (pm.common_word
            || (matches!(
                en.kind,
                PlaceKind::Populated | PlaceKind::Admin1 | PlaceKind::Admin2
            ) && strong_glue <= 0.0))
            && !text[s..e].contains(' ')
            && (glued_before || glued_after)
        {
            continue;
        }
        // "Saint Mark's Church", "St. Peter's Square": a saint, not a place
        let name = &text[s..e];
        if (name.starts_with("Saint ") || name.starts_with("St. ") || name.starts_with("St "))
            && (text[e..].starts_with("'s ") || text[e..].starts_with("\u{2019}s "))
        {
            continue;
        }
        // "Notre Dame de Nice", "Sainte Marie du Lac": a small foreign town
        // before a particle and a capitalised word is the head of a longer name
        if en.kind == PlaceKind::Populated
            && strong <= 0.0
            && en.population < 100_000
            && particle_name_follows(text, e)
        {
            continue;
        }
        // A country name inside a longer proper noun ("the Sufi
        // Khanaqa-e-Malawi Sikandar mosque") is no country.
        if en.kind == PlaceKind::Country
            && !text[s..e].contains(' ')
            && (cap_word_before(text, s) || hyphen_glued_before(text, s))
            && cap_word_after(text, e)
        {
            continue;
        }
        // "The Asahi, one of Japan's newspapers, said", "the Hindu reported":
        // a paper named after a town is no place
        if last == Some("the")
            && !locative
            && (matches!(
                next,
                "said" | "says" | "reported" | "reports" | "quoted" | "newspaper" | "daily"
            ) || text[e..].starts_with(", one of"))
        {
            continue;
        }
        // "the Old City of Damascus": a small place named before "of" and a
        // city or province is a quarter of the later place, which is the venue
        if en.kind == PlaceKind::Populated
            && en.population < 100_000
            && en.seat < 2
            && text[e..].starts_with(" of ")
            && rec
                .places
                .get(mi + 1)
                .is_some_and(|o| o.span.start == e + 4 && substantial(data, o))
        {
            continue;
        }
        // A name that only qualifies a people ("the Ali Khel tribe") is none.
        if matches!(
            next,
            "tribe" | "tribes" | "tribesmen" | "clan" | "clans" | "sub-tribe"
        ) {
            continue;
        }
        // A landmark named after a place, itself placed in another ("the Tirah
        // bazaar in Kohat", "Khyber Bazar, Peshawar"): the later place is where it
        // happened.
        if matches!(
            en.kind,
            PlaceKind::Populated | PlaceKind::Admin2 | PlaceKind::Admin1
        ) && LANDMARKS.contains(&next)
            && landmark_placed_elsewhere(text, rec, mi, e)
        {
            continue;
        }
        // Sentence-initial single capitalised word with no cue, small place: weak.
        if en.kind == PlaceKind::Populated
            && !locative
            && sentence_initial(text, s)
            && en.population < 100_000
            && strong <= 0.0
        {
            continue;
        }
        let near = near_cue.is_some() || near_after;
        let precision = match en.kind {
            PlaceKind::Populated if near => 2,
            PlaceKind::Populated => 1,
            PlaceKind::Admin2 => 2,
            _ => 3,
        };
        // "Swat Valley", "Kurram valley": a valley named after its district is
        // placed at the district, not at its province's point.
        let (idx, precision) =
            valley_district(data, m, text, s, e, idx, en.kind).map_or((idx, precision), |d| (d, 2));
        // "in Balochistan's capital", "the capital of Tripura": the
        // province's seat, a town
        let (idx, precision) =
            province_capital(data, text, s, e, idx).map_or((idx, precision), |c| (c, 1));
        let en = &data.entries[idx as usize];
        let mut location = data.location(idx, precision);
        // a district named as such is placed at its middle, not at its seat
        if en.kind == PlaceKind::Admin2 {
            if let Some((lat, lon)) = district_centre(data, idx) {
                location.lat = Some(lat);
                location.lon = Some(lon);
            }
        }
        if en.kind == PlaceKind::Region {
            location.name = location
                .admin1
                .clone()
                .or_else(|| location.country.clone())
                .unwrap_or_default();
        }
        let ev_start = near_cue.or_else(|| plain_cue_start(text, s)).unwrap_or(s);
        let mut ev_end = e;
        if want.is_some() {
            if let Some(off) = text[e..].find(|c: char| !c.is_whitespace()) {
                let wl = next.len();
                let cand_end = e + off + wl;
                if text
                    .get(e + off..cand_end)
                    .is_some_and(|w| w.eq_ignore_ascii_case(next))
                {
                    ev_end = cand_end;
                }
            }
        }
        out.push(ResolvedPlace {
            span: pm.span,
            evidence: Span::new(ev_start, ev_end),
            location,
            kind: en.kind,
            near,
            locative,
        });
        chosen.push(Some((mi, idx)));
    }
    contained_in_next(data, text, rec, &mut out, &chosen);
    if out.is_empty() {
        out.extend(forces_country(data, text, rec));
    }
    if out.iter().all(|p| p.kind == PlaceKind::Country) {
        out.extend(home_province(data, text, &ctx, &out));
    }
    out
}

/// "a town called Hub", "a village named Kot": a place noun and
/// "called"/"named" are the last words before the name.
fn called_before(before: &[Cow<str>]) -> bool {
    before.len() >= 2
        && matches!(before[before.len() - 1].as_ref(), "called" | "named")
        && PLACE_NOUNS.contains(&before[before.len() - 2].as_ref())
}

/// The seat of the province named at `s..e` when the text names it through
/// its capital: "Balochistan's capital", "the capital of Tripura", "the
/// provincial capital of Sindh". The town with the highest seat rank in
/// the province (its capital), then the most populous.
fn province_capital(data: &Data, text: &str, s: usize, e: usize, idx: u32) -> Option<u32> {
    if data.entries.get(idx as usize)?.kind != PlaceKind::Admin1 {
        return None;
    }
    let tail = text.get(e..)?;
    let poss = tail
        .strip_prefix("'s capital")
        .or_else(|| tail.strip_prefix("\u{2019}s capital"))
        .or_else(|| tail.strip_prefix("'s provincial capital"))
        .or_else(|| tail.strip_prefix("\u{2019}s provincial capital"))
        .or_else(|| tail.strip_prefix("'s state capital"))
        .or_else(|| tail.strip_prefix("\u{2019}s state capital"))
        .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()));
    let before = words_before(text, s, 3);
    let n = before.len();
    let of_capital = n >= 2
        && before[n - 1] == "of"
        && before[n - 2] == "capital"
        && (n < 3 || matches!(before[n - 3].as_str(), "the" | "provincial" | "state"));
    if !(poss || of_capital) {
        return None;
    }
    data.entries
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            o.kind == PlaceKind::Populated
                && o.admin1 == Some(idx)
                && o.seat >= 2
                && o.lat.is_some()
        })
        .max_by_key(|(i, o)| (o.seat, o.population, std::cmp::Reverse(*i)))
        .map(|(i, _)| i as u32)
}

/// Whether place mention `mi` is part of a person's name: right after a
/// given name in the same run of capitalised words ("Gilda Flores", "Jose
/// Javier Rivera", "Heriberto Lopez Gonzalez"), or itself a given name
/// before a capitalised word ("Pablo Escobar"). A given name inside another
/// place's name ("San Carlos") does not count.
fn person_named(data: &Data, text: &str, rec: &Recognition, mi: usize) -> bool {
    if data.given.is_empty() {
        return false;
    }
    let Some(pm) = rec.places.get(mi) else {
        return false;
    };
    let (s, e) = (pm.span.start, pm.span.end);
    // (inside a longer place name, "San Carlos"; a place named like the
    // given name alone, "Claudio", is no place here)
    let in_place = |i: usize, j: usize| {
        rec.places
            .iter()
            .any(|o| o.span.start <= i && j <= o.span.end && (o.span.start, o.span.end) != (i, j))
    };
    let own = &text[s..e];
    if !own.contains(' ') && is_given(data, own) && cap_word_after(text, e) {
        return true;
    }
    // up to three capitalised words before, joined by single spaces
    let mut end = s;
    for _ in 0..3 {
        let Some(head) = text.get(..end).and_then(|h| h.strip_suffix(' ')) else {
            return false;
        };
        let ws = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(head.len(), |(i, _)| i);
        let w = &head[ws..];
        if !w.starts_with(char::is_uppercase) {
            return false;
        }
        if is_given(data, w) && !in_place(ws, ws + w.len()) {
            return true;
        }
        end = ws;
    }
    false
}

/// Whether a word, lower-cased, is a given name (an ASCII word is
/// lower-cased on the stack, not in a new string).
fn is_given(data: &Data, w: &str) -> bool {
    let mut buf = [0u8; 32];
    match buf.get_mut(..w.len()) {
        Some(low) if w.is_ascii() => {
            low.copy_from_slice(w.as_bytes());
            low.make_ascii_lowercase();
            std::str::from_utf8(low).is_ok_and(|l| data.given.contains(l))
        }
        _ => data.given.contains(&w.to_lowercase()),
    }
}

/// Whether a name is a compass word ("North", "south-west", "Central").
fn is_compass(name: &str) -> bool {
    let n = name.to_ascii_lowercase().replace(['-', ' '], "");
    let n = n.strip_suffix("ern").unwrap_or(&n);
    matches!(
        n,
        "north"
            | "south"
            | "east"
            | "west"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "central"
            | "centre"
            | "center"
            | "middle"
            | "upper"
            | "lower"
    )
}

/// Whether the word after byte `e` continues a name begun by a compass word:
/// a capitalised word or a number that is no unit word ("North Dinajpur",
/// "South 24-Parganas"; not "Central Region", "North Province").
fn compass_head(text: &str, e: usize) -> bool {
    // (one space of any kind: "North\u{a0}Kashmir's" in pasted notes)
    let Some(tail) = text.get(e..).and_then(|t| {
        let c = t
            .chars()
            .next()
            .filter(|c| c.is_whitespace() && *c != '\n')?;
        t.get(c.len_utf8()..)
    }) else {
        return false;
    };
    let w: String = tail
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    let Some(first) = w.chars().next() else {
        return false;
    };
    (first.is_uppercase() || first.is_ascii_digit())
        && !matches!(
            w.to_ascii_lowercase().as_str(),
            "region"
                | "province"
                | "district"
                | "division"
                | "state"
                | "department"
                | "zone"
                | "development"
        )
}

/// Nouns that may stand between a place and the larger place containing it
/// ("Bilaspur village of Muzaffarnagar", "Tita village in Kashiani").
const CONTAINED_NOUNS: &[&str] = &[
    "village",
    "area",
    "town",
    "city",
    "locality",
    "mohalla",
    "neighbourhood",
    "neighborhood",
    "district",
    "tehsil",
    "upazila",
    "upazilla",
    "block",
    "subdivision",
    "sub-division",
    "taluk",
    "taluka",
    "union",
];

/// How the words between two place names put the first inside the second:
/// `Some(true)` for a bare comma ("Karimabad, Karachi"), `Some(false)` for
/// "in", "under" or a unit noun with "of" ("X in Y", "X village of Y", "X
/// area under Y"), `None` otherwise.
fn containment_gap(gap: &str) -> Option<bool> {
    let gap = gap.to_ascii_lowercase();
    if gap.trim() == "," {
        return Some(true);
    }
    if !gap.starts_with(' ') || !gap.ends_with(' ') {
        return None;
    }
    let mut words: Vec<&str> = gap.split_whitespace().collect();
    if words.last() == Some(&"the") {
        words.pop();
    }
    let noun = words.len() == 2 && CONTAINED_NOUNS.contains(&words[0]);
    match (words.len(), words.last().copied()) {
        (1, Some("in")) | (2, Some("in" | "under" | "of")) if words.len() == 1 || noun => {
            Some(false)
        }
        _ => None,
    }
}

/// "Bilaspur village of Muzaffarnagar", "Karimabad, Karachi", "Tita
/// village in Kashiani upazila of Gopalganj": a town the text places inside
/// a larger place is that place's namesake. When the reading chosen for the
/// town lies in another province or country than the larger place, the
/// town's namesake in that province is taken, else the town is dropped (a
/// village the gazetteer lacks; the larger place stands for it).
fn contained_in_next(
    data: &Data,
    text: &str,
    rec: &Recognition,
    out: &mut Vec<ResolvedPlace>,
    chosen: &[Option<(usize, u32)>],
) {
    let mut drop = vec![false; out.len()];
    for i in 0..out.len().saturating_sub(1) {
        let (Some((mi, a)), Some((_, b))) = (chosen[i], chosen[i + 1]) else {
            continue;
        };
        let (ea, eb) = (&data.entries[a as usize], &data.entries[b as usize]);
        let Some(gap) = text.get(out[i].span.end..out[i + 1].span.start) else {
            continue;
        };
        let Some(comma) = containment_gap(gap) else {
            continue;
        };
        if !matches!(ea.kind, PlaceKind::Populated | PlaceKind::Admin2) {
            continue;
        }
        let larger = if comma {
            // an address, not a list of peers ("Comilla, Naogaon"): a small
            // place before a metropolis. (Not before a province: "Landi
            // Kotal, Punjab" is a writer's slip more often than a namesake.)
            ea.kind == PlaceKind::Populated
                && ea.population < 100_000
                && ea.seat < 2
                && eb.kind == PlaceKind::Populated
                && (eb.population >= 1_000_000 || eb.seat >= 3)
        } else {
            match eb.kind {
                PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::Country => true,
                PlaceKind::Populated => eb.population >= 100_000 || eb.seat >= 2,
                _ => false,
            }
        };
        if !larger {
            continue;
        }
        let b_admin1 = match eb.kind {
            PlaceKind::Admin1 => Some(b),
            PlaceKind::Country => None,
            _ => eb.admin1,
        };
        let inside = |e: &crate::data::Entry| {
            e.country == eb.country && (b_admin1.is_none() || e.admin1 == b_admin1)
        };
        if inside(ea) || (eb.kind != PlaceKind::Country && b_admin1.is_none()) {
            continue;
        }
        let Some(pm) = rec.places.get(mi) else {
            continue;
        };
        let repick = pm
            .candidates
            .iter()
            .map(|c| c.0)
            .filter(|&c| {
                let o = &data.entries[c as usize];
                matches!(o.kind, PlaceKind::Populated | PlaceKind::Admin2) && inside(o)
            })
            .max_by_key(|&c| {
                let o = &data.entries[c as usize];
                (
                    o.kind == PlaceKind::Populated,
                    o.population,
                    std::cmp::Reverse(c),
                )
            });
        match repick {
            Some(c) => {
                let o = &data.entries[c as usize];
                let precision = match o.kind {
                    PlaceKind::Populated => out[i].location.precision.min(2),
                    _ => 2,
                };
                let mut location = data.location(c, precision);
                if o.kind == PlaceKind::Admin2 {
                    if let Some((lat, lon)) = district_centre(data, c) {
                        location.lat = Some(lat);
                        location.lon = Some(lon);
                    }
                }
                out[i].location = location;
                out[i].kind = o.kind;
            }
            None => drop[i] = true,
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// A text that names no place below its country but names an organisation
/// whose activity is one province ("AIADMK workers staged a road blockade":
/// Tamil Nadu; "Trinamool and CPI(M) supporters clashed": West Bengal) is
/// placed in that province at precision 3 (lexicon `H` rows). Not when two
/// such organisations of different provinces are named, nor when the text
/// speaks of another country.
fn home_province(
    data: &Data,
    text: &str,
    ctx: &Context,
    out: &[ResolvedPlace],
) -> Option<ResolvedPlace> {
    // (the place found must be in the one country of every place resolved
    // and of all strong evidence: with two such countries, or a place of no
    // country, nothing is, and the text is not searched)
    let mut only: Option<&str> = None;
    for code in out
        .iter()
        .map(|p| p.location.country_code.as_deref())
        .chain(
            ctx.strong
                .iter()
                .filter(|(_, w)| **w > 0.0)
                .map(|(k, _)| data.countries.get(*k as usize).map(|c| c.iso2.as_str())),
        )
    {
        match (code, only) {
            (None, _) => return None,
            (Some(x), Some(o)) if x != o => return None,
            (Some(x), _) => only = Some(x),
        }
    }
    let mut found: Option<(Span, u16, u32)> = None;
    for (c, a1, names) in &data.homes {
        let Some(sp) = names.iter().find_map(|n| word_at(text, n)) else {
            continue;
        };
        match found {
            Some((_, _, f)) if f != *a1 => return None,
            Some((fs, _, _)) if fs.start <= sp.start => {}
            _ => found = Some((sp, *c, *a1)),
        }
    }
    let (sp, c, a1) = found?;
    let abroad = out.iter().any(|p| {
        p.location.country_code.as_deref() != Some(data.countries[c as usize].iso2.as_str())
    }) || ctx.strong.iter().any(|(k, w)| *k != c && *w > 0.0);
    if abroad {
        return None;
    }
    Some(ResolvedPlace {
        span: sp,
        evidence: sp,
        location: data.location(a1, 3),
        kind: PlaceKind::Admin1,
        near: false,
        locative: false,
    })
}

/// The first place where `word` stands in `text` as a whole word (case as
/// written).
fn word_at(text: &str, word: &str) -> Option<Span> {
    if word.is_empty() {
        return None;
    }
    text.match_indices(word).find_map(|(i, _)| {
        let e = i + word.len();
        let before = text[..i].chars().next_back();
        let after = text[e..].chars().next();
        (!before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric))
            .then(|| Span::new(i, e))
    })
}

/// Nouns after a demonym that name a state's forces, officials or
/// people at home ("25 Malian soldiers", "the Iraqi Army", "an Indian air
/// base", "the Croatian government", "Nigerien civilians").
const STATE_NOUNS: &[&str] = &[
    "soldier",
    "soldiers",
    "troops",
    "army",
    "military",
    "police",
    "policemen",
    "forces",
    "security",
    "government",
    "authorities",
    "officials",
    "prime",
    "president",
    "minister",
    "ministry",
    "parliament",
    "air",
    "navy",
    "base",
    "checkpoint",
    "civilians",
    "villagers",
];

/// For a text that names no place at all: the country whose forces,
/// government or civilians it names first ("25 Malian soldiers were
/// killed when gunmen attacked their base"), at country precision. The
/// nationality of people abroad ("a Syrian refugee") does not count.
fn forces_country(data: &Data, text: &str, rec: &Recognition) -> Option<ResolvedPlace> {
    let pm = rec.places.iter().find(|pm| {
        pm.kind == PlaceKind::Demonym
            && !names_people(
                data,
                text,
                pm,
                &Near::of(data, text, &text.to_ascii_lowercase(), pm),
            )
            && words_after(text, pm.span.end, 1)
                .first()
                .is_some_and(|w| STATE_NOUNS.contains(&w.as_str()))
    })?;
    let c = single_country(data, pm)?;
    let idx = data.countries.get(c as usize)?.entry;
    if data.entries.get(idx as usize)?.kind != PlaceKind::Country {
        return None;
    }
    let mut location = data.location(idx, 3);
    location.name = location.country.clone().unwrap_or_default();
    Some(ResolvedPlace {
        span: pm.span,
        evidence: pm.span,
        location,
        kind: PlaceKind::Region,
        near: false,
        locative: false,
    })
}

/// The district a valley mention is named after ("Swat Valley" → Swat), when
/// the mention resolved to a region and the district is in the same country.
fn valley_district(
    data: &Data,
    m: &Matcher,
    text: &str,
    s: usize,
    e: usize,
    idx: u32,
    kind: PlaceKind,
) -> Option<u32> {
    if kind != PlaceKind::Region {
        return None;
    }
    let name = text.get(s..e)?;
    let head = name
        .strip_suffix(" Valley")
        .or_else(|| name.strip_suffix(" valley"))?;
    let country = data.entries[idx as usize].country;
    let cands = m.entries_named(data, head);
    let pick = |k: PlaceKind| {
        cands.iter().copied().find(|&i| {
            let o = &data.entries[i as usize];
            o.kind == k && o.country == country && o.lat.is_some()
        })
    };
    pick(PlaceKind::Admin2).or_else(|| pick(PlaceKind::Populated))
}

/// Where an event known only to its district is placed ("in Mohmand
/// Agency", "in the Shaur area of Swat"): GTD and UCDP code it at a point in
/// the middle of the district, often tens of km from the seat, which sits at
/// a district's edge as often as not. The gazetteer has no district shapes,
/// so the middle is estimated from the district's towns: halfway between
/// their mean (each weighted by the logarithm of its population, so every
/// village pulls and a big town a little more; drawn towards the populated
/// valley) and the midpoint of their spread (10th to 90th percentile of
/// latitude and of longitude; drawn towards the empty hills). Rounded like
/// any location; `None` for a district with no town (its own point stands).
fn district_centre(data: &Data, idx: u32) -> Option<(f64, f64)> {
    // the towns of every district, grouped once by a counting sort on the
    // district (no hashing, one buffer; each group keeps the order of the
    // entries, which the sums of `towns_middle` follow); the middle itself is
    // worked out for the districts a text names only (a few per text, not
    // the ~50,000 of the table at start-up)
    let (start, towns) = data.admin2_centre.get_or_init(|| {
        let town = |e: &crate::data::Entry| match (e.kind, e.admin2, e.lat, e.lon) {
            (PlaceKind::Populated, Some(a2), Some(lat), Some(lon)) => {
                Some((a2 as usize, (lat, lon, e.population)))
            }
            _ => None,
        };
        let n = data
            .entries
            .iter()
            .filter_map(town)
            .map(|t| t.0 + 1)
            .max()
            .unwrap_or(0);
        let mut start = vec![0usize; n + 1];
        for (a2, _) in data.entries.iter().filter_map(town) {
            start[a2 + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut towns = vec![(0.0, 0.0, 0u32); start[n]];
        let mut next = start.clone();
        for (a2, t) in data.entries.iter().filter_map(town) {
            towns[next[a2]] = t;
            next[a2] += 1;
        }
        (start, towns)
    });
    let i = idx as usize;
    towns_middle(towns.get(*start.get(i)?..*start.get(i + 1)?)?)
}

/// The middle of a district from its towns `(lat, lon, population)`, as
/// [`district_centre`] describes; `None` when there are none.
fn towns_middle(towns: &[(f64, f64, u32)]) -> Option<(f64, f64)> {
    let (mut lat, mut lon, mut ws) = (0.0, 0.0, 0.0);
    for &(a, b, p) in towns {
        let w = (f64::from(p) + 10.0).ln();
        lat += a * w;
        lon += b * w;
        ws += w;
    }
    if ws <= 0.0 {
        return None;
    }
    // (the two percentiles by selection: the k-th value in the total order
    // is the value a full sort puts at k)
    let spread_mid = |mut v: Vec<f64>| {
        let mut at = |f: f64| {
            let k = (f * (v.len() - 1) as f64 + 0.5) as usize;
            *v.select_nth_unstable_by(k, f64::total_cmp).1
        };
        (at(0.1) + at(0.9)) / 2.0
    };
    let mid_lat = spread_mid(towns.iter().map(|t| t.0).collect());
    let mid_lon = spread_mid(towns.iter().map(|t| t.1).collect());
    let round5 = |v: f64| (v * 1e5).round() / 1e5;
    Some((
        round5((lat / ws + mid_lat) / 2.0),
        round5((lon / ws + mid_lon) / 2.0),
    ))
}

/// Nouns of ways named after the towns they join.
const ROADS: &[&str] = &[
    "highway",
    "road",
    "route",
    "railway",
    "rail",
    "motorway",
    "expressway",
    "bypass",
];

/// Whether the name at `s..e` is one end of a hyphenated road name: "X-Y
/// highway" ("Dhaka-Chittagong Highway", "Dhaka-Cox's Bazar road"), either
/// end.
fn in_road_name(text: &str, s: usize, e: usize) -> bool {
    let after = &text[e..];
    let first = if let Some(rest) = after.strip_prefix('-') {
        // the first end: the other town follows the hyphen
        if !rest.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        rest
    } else {
        // the second end: a capitalised word and a hyphen just before
        let head = &text[..s];
        let Some(h) = head.strip_suffix('-') else {
            return false;
        };
        if !h.ends_with(|c: char| c.is_alphabetic()) {
            return false;
        }
        after
    };
    // the road noun within a few capitalised words
    for w in first.split_whitespace().take(4) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let lw = w.to_lowercase();
        if ROADS.contains(&lw.as_str()) {
            return true;
        }
        if !w.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
    }
    false
}

/// Nouns of named landmarks ("Tirah bazaar", "Hyderabad Press Club").
const LANDMARKS: &[&str] = &[
    "bazaar",
    "bazar",
    "market",
    "mandi",
    "road",
    "chowk",
    "square",
    "mosque",
    "masjid",
    "graveyard",
    "hospital",
    "college",
    "university",
    "school",
    "colony",
    "press",
    "club",
    "jail",
    "prison",
    "stadium",
    "park",
    "hotel",
    "street",
    "gate",
    "camp",
    "station",
    "airport",
    "church",
    "cathedral",
    "temple",
    "shrine",
    "bridge",
    "mall",
];

/// Whether a mention can name a place of its own next to another: a country,
/// province, district or region, or a city or district seat ("Karachi"), not a
/// village homonym of a word ("Gul" in "Gul Mohalla").
fn substantial(data: &Data, m: &PlaceMention) -> bool {
    m.candidates.iter().any(|c| {
        let o = &data.entries[c.0 as usize];
        !matches!(o.kind, PlaceKind::Populated | PlaceKind::Demonym)
            || o.population >= 100_000
            || o.seat >= 2
    })
}

/// Whether another place mention ends just before byte `s` ("Manghopir Karachi").
fn place_ends_at(data: &Data, rec: &Recognition, mi: usize, s: usize) -> bool {
    rec.places[..mi]
        .last()
        .is_some_and(|o| (o.span.end + 1 == s || o.span.end + 2 == s) && substantial(data, o))
}

/// Whether another place mention starts just after byte `e` ("Jamrud Khyber").
fn place_starts_at(data: &Data, rec: &Recognition, mi: usize, e: usize) -> bool {
    rec.places
        .get(mi + 1)
        .is_some_and(|o| (o.span.start == e + 1 || o.span.start == e + 2) && substantial(data, o))
}

/// Whether the landmark after mention `mi` (ending at `e`) is placed in a later
/// place of the same sentence: "… bazaar in Kohat", "… Bazar, Peshawar".
fn landmark_placed_elsewhere(text: &str, rec: &Recognition, mi: usize, e: usize) -> bool {
    // the landmark noun itself may be a place name ("Bazar"): look past it
    let noun_end = e + text[e..]
        .char_indices()
        .skip_while(|(_, c)| c.is_whitespace())
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len() - e, |(i, _)| i);
    let Some(o) = rec.places[mi + 1..]
        .iter()
        .find(|o| o.span.start >= noun_end)
    else {
        return false;
    };
    if o.span.start > e + 40 {
        return false;
    }
    let Some(gap) = text.get(e..o.span.start) else {
        return false;
    };
    if gap.contains(['.', ';', '!', '?', '\n']) {
        return false;
    }
    let before = words_before(text, o.span.start, 2);
    before
        .last()
        .is_some_and(|w| matches!(w.as_str(), "in" | "of" | "near" | "at" | "outside"))
        || gap.trim_end().ends_with(',')
}

/// Countries of the district or province that a mention named `name` followed by
/// a unit word ("Hangu district", "Punjab province") can be.
fn unit_cued_countries(data: &Data, text: &str, rec: &Recognition, name: &str) -> Vec<u16> {
    let mut out = Vec::new();
    for pm in &rec.places {
        if !text[pm.span.start..pm.span.end].eq_ignore_ascii_case(name) {
            continue;
        }
        let kind = match words_after(text, pm.span.end, 1)
            .first()
            .map(String::as_str)
        {
            Some("district" | "districts" | "agency" | "tehsil") => PlaceKind::Admin2,
            Some("province" | "state" | "division") => PlaceKind::Admin1,
            _ => continue,
        };
        for c in &pm.candidates {
            let e = &data.entries[c.0 as usize];
            if e.kind == kind && !out.contains(&e.country) {
                out.push(e.country);
            }
        }
    }
    out
}

/// Nouns of people (and of a state's missions abroad) after which a
/// nationality says whose they are, not where it happened: "a Syrian
/// asylum seeker", "three Chinese engineers", "aid workers from France",
/// "the German consulate", "the American air base".
const ORIGIN_NOUNS: &[&str] = &[
    "man",
    "men",
    "woman",
    "women",
    "boy",
    "boys",
    "girl",
    "girls",
    "teenager",
    "teenagers",
    "youth",
    "national",
    "nationals",
    "citizen",
    "citizens",
    "tourist",
    "tourists",
    "visitor",
    "visitors",
    "worker",
    "workers",
    "engineer",
    "engineers",
    "student",
    "students",
    "refugee",
    "refugees",
    "asylum",
    "migrant",
    "migrants",
    "immigrant",
    "immigrants",
    "expatriate",
    "expatriates",
    "suspect",
    "suspects",
    "attacker",
    "attackers",
    "assailant",
    "gunman",
    "terrorist",
    "journalist",
    "journalists",
    "doctor",
    "doctors",
    "nurse",
    "nurses",
    "priest",
    "priests",
    "nun",
    "nuns",
    "diplomat",
    "diplomats",
    "ambassador",
    "envoy",
    "pilgrim",
    "pilgrims",
    "businessman",
    "businessmen",
    "couple",
    "family",
    "descent",
    "origin",
    "passport",
    "passports",
    "embassy",
    "consulate",
    "base",
];

/// Whether a demonym or country mention only says where people come from:
/// a demonym before a person noun ("a Syrian asylum seeker", "French aid
/// workers", "Libyan-born"), a plural demonym used as a noun ("two
/// Americans"), or a country after "<people> from" ("tourists from Sweden
/// and Austria").
fn names_people(data: &Data, text: &str, pm: &PlaceMention, near: &Near) -> bool {
    let (s, e) = (pm.span.start, pm.span.end);
    if pm.kind == PlaceKind::Demonym || reads_as_demonym(near) {
        let tail = &text[e..];
        if tail.starts_with("-born") || tail.starts_with("-origin") {
            return true;
        }
        let after = near.after(2);
        if after
            .iter()
            .any(|w| ORIGIN_NOUNS.contains(&w.trim_end_matches(['\'', '\u{2019}'])))
        {
            return true;
        }
        // "Americans", "Syrians": the demonym less its plural 's' is one too
        let name = &text[s..e];
        if let Some(one) = name.strip_suffix('s') {
            return pm.candidates.iter().any(|c| {
                let ci = data.entries[c.0 as usize].country as usize;
                data.countries
                    .get(ci)
                    .is_some_and(|k| k.demonyms.iter().any(|d| d == one))
            });
        }
        return false;
    }
    if pm.kind != PlaceKind::Country {
        return false;
    }
    let w = words_before(text, s, 4);
    let n = w.len();
    let person_from = |i: usize| {
        w.get(i).is_some_and(|f| f == "from")
            && i.checked_sub(1)
                .and_then(|j| w.get(j))
                .is_some_and(|p| ORIGIN_NOUNS.contains(&p.as_str()))
    };
    // "from France", "from Sweden and Austria"
    (n >= 1 && person_from(n - 1)) || (n >= 3 && w[n - 1] == "and" && person_from(n - 3))
}

/// Whether a country is named as the other side of a border: "near the
/// border with Somalia", "a district bordering Afghanistan".
fn across_border(data: &Data, pm: &PlaceMention, near: &Near) -> bool {
    if !pm
        .candidates
        .iter()
        .any(|c| data.entries[c.0 as usize].kind == PlaceKind::Country)
    {
        return false;
    }
    let w = near.before(2);
    matches!(w.last().map(AsRef::as_ref), Some("bordering"))
        || (w.len() == 2 && w[0] == "border" && w[1] == "with")
}

/// Titles and ranks before a person's name ("Colonel Ponce", "Dr Guerrero");
/// not the offices that South Asian papers put before a province ("Chief
/// Minister Punjab", "Corps Commander Peshawar", "Inspector General Sindh").
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "doctor",
    "colonel",
    "col",
    "father",
    "monsignor",
    "msgr",
    "judge",
    "major",
    "maj",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "senator",
    "ambassador",
    "comandante",
    "professor",
    "prof",
    "priest",
    "senor",
    "senora",
    "licenciado",
];

/// The first letters of the [`TITLES`].
const TITLE_INITIALS: &[u8] = b"mdcfjlsapm";

/// Whether a word, lower-cased, is one of the [`TITLES`] (an ASCII word is
/// lower-cased on the stack and looked up in a set, not compared with each).
fn is_title(t: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    if !t.is_ascii() {
        return TITLES.contains(&t.to_lowercase().as_str());
    }
    // (a quick no for most words: every title has 2 to 10 letters and
    // begins with one of a few)
    let initial = t.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    if !(2..=10).contains(&t.len()) || !TITLE_INITIALS.contains(&initial) {
        return false;
    }
    let mut buf = [0u8; 16];
    let Some(low) = buf.get_mut(..t.len()) else {
        return false; // longer than any title
    };
    low.copy_from_slice(t.as_bytes());
    low.make_ascii_lowercase();
    let set = SET.get_or_init(|| TITLES.iter().copied().collect());
    std::str::from_utf8(low).is_ok_and(|l| set.contains(l))
}

/// The names (lower-cased) that the text gives a person by a title or rank
/// before them, directly or across given names ("Colonel Rene Emilio
/// Ponce").
fn titled_names(text: &str, rec: &Recognition) -> std::collections::HashSet<String> {
    rec.places
        .iter()
        .filter(|pm| {
            let name = &text[pm.span.start..pm.span.end];
            if name.contains(' ') {
                return false;
            }
            let head = text.get(pm.span.start.saturating_sub(60)..pm.span.start);
            titled_before(head.unwrap_or(""))
        })
        .map(|pm| text[pm.span.start..pm.span.end].to_lowercase())
        .collect()
}

/// Whether the last three words of `head` hold a title followed by nothing
/// but capitalised given names (see [`titled_names`]).
fn titled_before(head: &str) -> bool {
    // the title, then only capitalised given names up to the name:
    // the last three words read back from the name (no word list, and
    // a title compared without a lower-cased copy when it is ASCII)
    if !head.is_ascii() {
        let mut given_names = true;
        return head
            .rsplit(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .take(3)
            .any(|w| {
                let title = is_title(w.trim_end_matches('.'));
                if title && given_names {
                    return true;
                }
                given_names &=
                    w.chars().all(char::is_alphabetic) && w.starts_with(char::is_uppercase);
                false
            });
    }
    // (ASCII, nearly always: the same words, read back byte by byte;
    // an ASCII char is white space when it is a space, tab or line end)
    // (a word that is no capitalised given name ends the search: no title
    // before it counts)
    let b = head.as_bytes();
    let space = |c: u8| matches!(c, b' ' | b'\t'..=b'\r');
    let mut end = b.len();
    for _ in 0..3 {
        while end > 0 && space(b[end - 1]) {
            end -= 1;
        }
        if end == 0 {
            break;
        }
        let mut start = end - 1;
        while start > 0 && !space(b[start - 1]) {
            start -= 1;
        }
        let w = &b[start..end];
        if is_title(head[start..end].trim_end_matches('.')) {
            return true;
        }
        if !(w[0].is_ascii_uppercase() && w.iter().all(u8::is_ascii_alphabetic)) {
            return false;
        }
        end = start;
    }
    false
}

/// Arms nouns after a country or demonym that make it the side that fires
/// ("Indian shelling", "Pakistani fire", "India's artillery").
const FIRE_NOUNS: &[&str] = &[
    "fire",
    "firing",
    "gunfire",
    "shelling",
    "shells",
    "shell",
    "shooting",
    "artillery",
    "mortar",
    "mortars",
    "bombardment",
    "cross-border",
    "ceasefire",
];

/// A state's armed men after a country or demonym ("Indian troops").
const FORCE_NOUNS: &[&str] = &[
    "troops", "forces", "army", "military", "soldiers", "soldier", "jawans", "jawan", "rangers",
    "guards", "gunners", "posts",
];

/// Verbs that make the armed men before them the side that fires.
const FIRING_VERBS: &[&str] = &[
    "fire",
    "fired",
    "fires",
    "opened",
    "open",
    "shell",
    "shelled",
    "shells",
    "pound",
    "pounded",
    "pounds",
    "target",
    "targeted",
    "targets",
    "attack",
    "attacked",
    "attacks",
    "raid",
    "raided",
    "raids",
    "violate",
    "violated",
    "violates",
    "resorted",
    "retaliate",
    "retaliated",
    "retaliates",
];

/// Words after armed men that make them the ones hit.
const CASUALTY_WORDS: &[&str] = &[
    "killed", "dead", "died", "die", "martyred", "injured", "wounded", "hurt", "shot",
];

/// People after a country or demonym who are its side's victims
/// ("Pakistani civilians", "Indian villagers", "the Pakistani toll").
const SIDE_PEOPLE: &[&str] = &[
    "civilian",
    "civilians",
    "villager",
    "villagers",
    "people",
    "boy",
    "girl",
    "woman",
    "women",
    "man",
    "men",
    "child",
    "children",
    "toll",
    "residents",
    "family",
];

/// Words after a country (or its army, TV, officials) that make it the one
/// who reports.
const SAYS: &[&str] = &[
    "says", "said", "say", "claims", "claimed", "accuses", "accused", "reports", "reported",
];

/// The sentence or headline (a `;` ends one too) around a span.
fn segment(text: &str, s: usize, e: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let stop = |i: usize| {
        matches!(b[i], b';' | b'\n' | b'!' | b'?')
            || (b[i] == b'.' && b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()))
    };
    let start = (0..s.min(b.len()))
        .rev()
        .find(|&i| stop(i))
        .map_or(0, |i| i + 1);
    let end = (e.min(b.len())..b.len())
        .find(|&i| stop(i))
        .unwrap_or(b.len());
    (start, end)
}

/// The country a country name or demonym mention stands for.
fn state_of(data: &Data, pm: &PlaceMention) -> Option<u16> {
    if !matches!(pm.kind, PlaceKind::Country | PlaceKind::Demonym) {
        return None;
    }
    pm.candidates
        .iter()
        .map(|c| &data.entries[c.0 as usize])
        .find(|en| en.kind == PlaceKind::Country)
        .map(|en| en.country)
}

/// How a state is named in a sentence: its name ("India"), its demonym
/// ("Indian"), or its armed forces by name ("the Pakistan Army").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StateWord {
    Name,
    Adjective,
    Forces,
}

/// Whether a word is a count ("3", "three", "a") after which "killed" is
/// active ("troops killed three militants").
fn is_count(w: &str) -> bool {
    (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
        || matches!(
            w,
            "a" | "an"
                | "the"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "several"
                | "dozens"
                | "scores"
        )
}

/// Weights of the countries whose side of a shared region (a row of several
/// countries, or same-named rows: "Kashmir", "the LoC") the sentence of
/// mention `mi` puts the event on. Violence by one state across the line
/// ("Indian shelling kills three in Kashmir", "firing by Pakistani troops
/// along the LoC", "India kills two soldiers") happened on the other side;
/// its victims ("Pakistani soldiers killed in Kashmir shelling", "on the
/// Indian side") are on their own; the state that reports deaths ("...
/// in Kashmir, Pakistan says") speaks, less surely, of its own.
fn border_side(data: &Data, text: &str, rec: &Recognition, mi: usize) -> HashMap<u16, f64> {
    let mut out: HashMap<u16, f64> = HashMap::new();
    let pm = &rec.places[mi];
    let mut sides: Vec<u16> = pm
        .candidates
        .iter()
        .map(|c| &data.entries[c.0 as usize])
        .filter(|en| en.kind == PlaceKind::Region)
        .map(|en| en.country)
        .collect();
    sides.sort_unstable();
    sides.dedup();
    if sides.len() < 2 {
        return out;
    }
    let (ss, se) = segment(text, pm.span.start, pm.span.end);
    let inside = |sp: Span| sp.start >= ss && sp.end <= se;
    // the states the sentence names, in text order
    let mut states: Vec<(Span, u16, StateWord)> = rec
        .places
        .iter()
        .enumerate()
        .filter(|(oi, o)| *oi != mi && inside(o.span))
        .filter_map(|(_, o)| {
            let c = state_of(data, o)?;
            let w = if o.kind == PlaceKind::Country {
                StateWord::Name
            } else {
                StateWord::Adjective
            };
            Some((o.span, c, w))
        })
        .collect();
    for a in &rec.actors {
        if a.kind != crate::ActorMentionKind::Named
            || !inside(a.span)
            || states
                .iter()
                .any(|(sp, _, _)| sp.start < a.span.end && a.span.start < sp.end)
            || a.actor.as_ref().and_then(|x| x.actor_type)
                != Some(sitrep_model::ActorType::StateForces)
        {
            continue;
        }
        if let Some(c) = a
            .country_hint
            .as_deref()
            .and_then(|c| data.country_by_iso.get(c))
        {
            states.push((a.span, *c, StateWord::Forces));
        }
    }
    states.sort_by_key(|x| x.0.start);
    // firing across a line needs a line or the other state in the sentence
    // ("Indian troops fired on protesters in Kashmir" is no shelling across);
    // artillery needs neither
    let seg = text.get(ss..se).unwrap_or("").to_lowercase();
    let across_line = [
        "across",
        "cross-border",
        "border",
        "loc",
        "line of control",
        "ceasefire",
    ]
    .iter()
    .any(|w| seg.contains(w));
    for (i, &(sp, c, how)) in states.iter().enumerate() {
        // "Pakistani, Indian troops", "Indian and Pakistani forces": the
        // first of a pair takes the role of the words after the second
        let mut end = sp.end;
        let mut how_end = how;
        if let Some(&(nsp, _, nhow)) = states.get(i + 1) {
            let gap = text.get(end..nsp.start).unwrap_or("").trim();
            if matches!(gap, "," | "and" | "&") {
                end = nsp.end;
                how_end = nhow;
            }
        }
        let mut after: Vec<String> = words_after(text, end, 4)
            .into_iter()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                    .to_string()
            })
            .collect();
        if how_end == StateWord::Forces {
            // the forces' name stands for the noun: its verb comes next
            after.insert(0, "troops".to_string());
        }
        let word = |k: usize| after.get(k).map_or("", String::as_str);
        let (w0, w1, w2) = (word(0), word(1), word(2));
        // "the Indian army on Friday violated the ceasefire": the verb may
        // follow a short time phrase
        let fires_verb = FIRING_VERBS.contains(&w1)
            || (matches!(
                w1,
                "on" | "again" | "also" | "yesterday" | "today" | "late" | "early"
            ) && (FIRING_VERBS.contains(&w2) || FIRING_VERBS.contains(&word(3))));
        let before = words_before(text, sp.start, 2);
        let by = before.last().is_some_and(|w| w == "by")
            || (before.len() == 2 && before[0] == "by" && before[1] == "the");
        let other_named = states.iter().any(|x| x.1 != c && sides.contains(&x.1));
        let may_cross = across_line || other_named;
        let active_kill = matches!(w1, "killed" | "shot") && is_count(w2);
        let artillery = matches!(
            w0,
            "shelling"
                | "shells"
                | "artillery"
                | "mortar"
                | "mortars"
                | "bombardment"
                | "cross-border"
        );
        let force = FORCE_NOUNS.contains(&w0);
        let mutual = matches!(
            w1,
            "trade" | "traded" | "exchange" | "exchanged" | "clash" | "clashed"
        );
        let fires = artillery
            || (may_cross && FIRE_NOUNS.contains(&w0))
            || (may_cross && force && (fires_verb || by))
            // "India kills two soldiers": a state as the subject of killing
            || (may_cross && how == StateWord::Name && matches!(w0, "kills" | "kill" | "shells"));
        // "Two Pak soldiers killed", "five Indian troops die"
        let counted = before.last().is_some_and(|w| is_count(w));
        let victim = SIDE_PEOPLE.contains(&w0)
            || (force
                && !active_kill
                && !mutual
                && (counted
                    || CASUALTY_WORDS.contains(&w1)
                    // "soldiers were killed", "troops have been wounded"
                    || (matches!(w1, "were" | "was" | "are" | "have" | "had")
                        && (CASUALTY_WORDS.contains(&w2)
                            || (w2 == "been" && CASUALTY_WORDS.contains(&word(3)))))))
            || (w0 == "side" && before.last().is_some_and(|w| w == "the" || w == "on"));
        let head = text.get(ss..sp.start).unwrap_or("");
        let reports = SAYS.contains(&w0)
            || ((force || matches!(w0, "tv" | "radio" | "officials" | "ministry" | "media"))
                && SAYS.contains(&w1))
            // "... in Kashmir - Pakistan.", "Pakistan: three killed ..."
            || (head.trim_end().ends_with(" -")
                && text.get(sp.end..se).is_some_and(|t| t.trim().is_empty()))
            || (head.trim().is_empty() && text.get(sp.end..).is_some_and(|t| t.starts_with(':')));
        if fires {
            for x in sides.iter().filter(|x| **x != c) {
                *out.entry(*x).or_default() += 2.0;
            }
        } else if victim {
            *out.entry(c).or_default() += 2.0;
        } else if reports {
            *out.entry(c).or_default() += 1.0;
        }
    }
    out
}

/// Nouns after a demonym that make it name a place in that country ("the
/// Turkish town of Midyat", "the eastern Afghan area of X", "the southern
/// Syrian governorate of As Suwayda").
const COUNTRY_PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "area",
    "province",
    "governorate",
    "region",
    "district",
    "state",
    "county",
    "municipality",
    "territory",
    "soil",
    "port",
];

/// Whether the words before byte `s` put what follows in a locative role:
/// "in X", "at the X", "in a X".
fn locative_before(text: &str, s: usize) -> bool {
    let before = words_before(text, s, 2);
    let last = before.last().map(String::as_str);
    last.is_some_and(|w| LOCATIVE.contains(&w))
        || (matches!(last, Some("the" | "a" | "an"))
            && before.len() == 2
            && LOCATIVE.contains(&before[0].as_str()))
}

/// The national capital of a country: the seat-3 town named as its capital.
fn capital_entry(data: &Data, m: &Matcher, country: u16) -> Option<u32> {
    let name = data.countries.get(country as usize)?.capital.as_deref()?;
    m.entries_named(data, name)
        .into_iter()
        .filter(|&i| {
            let e = &data.entries[i as usize];
            e.country == country && e.kind == PlaceKind::Populated && e.lat.is_some()
        })
        .max_by_key(|&i| {
            let e = &data.entries[i as usize];
            (e.seat, e.population, std::cmp::Reverse(i))
        })
}

/// A country named through a phrase that places the event in it: "the
/// Afghan capital", "Turkey's capital", "the capital of Somalia" (its
/// capital city), "the Turkish town of Midyat", "the eastern Afghan area of
/// X", "the Indian border town of X" (the country, for a town the
/// gazetteer may lack; the town itself, when known, is the more precise
/// place). Demonyms and country mentions only.
fn country_phrase_place(
    data: &Data,
    m: &Matcher,
    text: &str,
    pm: &PlaceMention,
    near: &Near,
) -> Option<ResolvedPlace> {
    let is_country = |c: &crate::PlaceId| data.entries[c.0 as usize].kind == PlaceKind::Country;
    let country = pm
        .candidates
        .iter()
        .find(|c| is_country(c))
        .map(|c| data.entries[c.0 as usize].country)
        .or_else(|| single_country(data, pm))?;
    let (s, e) = (pm.span.start, pm.span.end);
    let tail = &text[e..];
    let after = near.after(1);
    let next = after.first().map(AsRef::as_ref).unwrap_or("");
    let capital_after = |t: &str| {
        t.strip_prefix("capital")
            .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
    };
    // "the Somali region" is Ethiopia's province, not Somalia
    let own_unit = matches!(next, "region" | "state" | "province" | "district")
        && pm.candidates.iter().any(|c| !is_country(c));
    let demonym = !own_unit
        && ((pm.kind == PlaceKind::Demonym && pm.candidates.iter().all(is_country))
            || near.demonym.is_some());
    let country = if demonym {
        near.demonym.unwrap_or(country)
    } else {
        country
    };
    let (idx, precision, kind, end) = match pm.kind {
        _ if demonym => {
            let rest = tail.trim_start();
            let word = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            let end = e + (tail.len() - rest.len()) + word;
            if capital_after(rest) {
                (
                    capital_entry(data, m, country)?,
                    1,
                    PlaceKind::Populated,
                    end,
                )
            } else if COUNTRY_PLACE_NOUNS.contains(&next)
                || (matches!(
                    next,
                    "border" | "frontier" | "coastal" | "port" | "capital" | "holy"
                ) && near
                    .after(2)
                    .get(1)
                    .is_some_and(|w| COUNTRY_PLACE_NOUNS.contains(&w.as_ref())))
            {
                let ci = data.countries.get(country as usize)?.entry;
                (ci, 3, PlaceKind::Region, end)
            } else {
                return None;
            }
        }
        PlaceKind::Country => {
            // "Turkey's capital", "the capital of Somalia"
            let poss = tail
                .strip_prefix("'s ")
                .or_else(|| tail.strip_prefix("\u{2019}s "));
            let before = near.before(3);
            let n = before.len();
            let of_capital = n >= 3
                && before[n - 1] == "of"
                && before[n - 2] == "capital"
                && before[n - 3] == "the";
            if let Some(rest) = poss.filter(|r| capital_after(r)) {
                let end = e + (tail.len() - rest.len()) + "capital".len();
                (
                    capital_entry(data, m, country)?,
                    1,
                    PlaceKind::Populated,
                    end,
                )
            } else if of_capital {
                (capital_entry(data, m, country)?, 1, PlaceKind::Populated, e)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    let mut location = data.location(idx, precision);
    if kind == PlaceKind::Region {
        location.name = location.country.clone().unwrap_or_default();
    }
    let locative = locative_before(text, s);
    // "the capital of Somalia": the evidence starts at the phrase
    let start = text[..s]
        .rfind("capital")
        .filter(|&i| end == e && pm.kind == PlaceKind::Country && s - i <= 16)
        .unwrap_or(s);
    Some(ResolvedPlace {
        span: pm.span,
        evidence: Span::new(plain_cue_start(text, start).unwrap_or(start), end.max(e)),
        location,
        kind,
        near: false,
        locative,
    })
}

/// Countries named after mention `mi` in an address: a run of names joined
/// by commas ("Tripoli, Lebanon", "Bodo, Far North Region, Cameroon"); an
/// unknown capitalised name may sit in the run ("Romans sur Isere, Auvergne
/// Rhone Alpes, France").
fn address_countries(data: &Data, text: &str, rec: &Recognition, mi: usize) -> Vec<u16> {
    let mut out = Vec::new();
    let mut at = rec.places[mi].span.end;
    for o in rec.places[mi + 1..].iter().take(3) {
        let Some(gap) = text.get(at..o.span.start) else {
            break;
        };
        let gap = gap.trim();
        let Some(inner) = gap.strip_prefix(',') else {
            break;
        };
        // nothing but commas and capitalised words between
        let inner = inner.trim().trim_end_matches(',').trim();
        if gap.len() > 40
            || !inner
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
            || (!inner.is_empty() && !gap.ends_with(','))
        {
            break;
        }
        // "... in Kashmir, India said": the speaker, not the address
        if words_after(text, o.span.end, 1)
            .first()
            .is_some_and(|w| SAYS.contains(&w.as_str()))
        {
            break;
        }
        for c in &o.candidates {
            let en = &data.entries[c.0 as usize];
            if en.kind == PlaceKind::Country && !out.contains(&en.country) {
                out.push(en.country);
            }
        }
        at = o.span.end;
    }
    out
}

/// Whether a word is an English month name (capitalised as written in text).
fn is_month(w: &str) -> bool {
    matches!(
        w,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    )
}

/// The country whose demonym the mention is, as written ("Somali" is
/// Somalia's, whatever Ethiopian region shares the name; "American").
fn demonym_country(data: &Data, text: &str, pm: &PlaceMention) -> Option<u16> {
    let name = &text[pm.span.start..pm.span.end];
    pm.candidates.iter().find_map(|c| {
        let en = &data.entries[c.0 as usize];
        if en.kind != PlaceKind::Country {
            return None;
        }
        let k = data.countries.get(en.country as usize)?;
        // beside a same-named place, only a demonym made from the country's
        // name ("Somali", "Kenyan") reads so, not a people's name that is
        // also a region's ("Hazara")
        let others = pm.candidates.len() > 1;
        let derived = |d: &str| {
            let head = |x: &str| x.chars().take(4).collect::<String>().to_lowercase();
            head(d) == head(&k.name)
        };
        k.demonyms
            .iter()
            .any(|d| d == name && (!others || derived(d)))
            .then_some(en.country)
    })
}

/// Whether a demonym reads as a people's or country's adjective here, not
/// as a same-named place: no unit word after it ("the Somali region") and
/// no locative word before it ("in Hazara").
fn reads_as_demonym(near: &Near) -> bool {
    if near.demonym.is_none() {
        return false;
    }
    let unit = near.after(1).first().is_some_and(|w| {
        matches!(
            w.as_ref(),
            "region" | "state" | "province" | "district" | "division" | "agency" | "zone"
        )
    });
    let cued = near
        .before(1)
        .last()
        .is_some_and(|w| matches!(w.as_ref(), "in" | "at" | "near" | "from" | "of"));
    !unit && !cued
}

/// A demonym mention is only evidence ("Pakistani troops"), never a place.
fn is_demonym_only(data: &Data, text: &str, pm: &PlaceMention) -> bool {
    let s = &text[pm.span.start..pm.span.end];
    !pm.candidates.iter().any(|c| {
        let e = &data.entries[c.0 as usize];
        e.name == s || e.alias_iter().any(|a| a == s)
    })
}

/// Unit and landmark words that may follow a place name without making it
/// part of another name.
const NAME_TAILS: &[&str] = &[
    "District",
    "Province",
    "Agency",
    "City",
    "Division",
    "Tehsil",
    "Town",
    "Valley",
    "Bazaar",
    "Bazar",
    "Road",
    "Press",
    "High",
    "Airport",
    "Cantonment",
    "Cantt",
    "Jail",
    "Prison",
    "University",
    "Police",
    "Station",
    "Club",
    "Museum",
    "Hospital",
    "Camp",
    "Region",
    "State",
    "Circle",
    "Sadar",
    "Upazila",
    "Upazilla",
];

fn cap_word_before(text: &str, s: usize) -> bool {
    let Some(head) = text.get(..s).and_then(|h| h.strip_suffix(' ')) else {
        return false;
    };
    let word_start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '-')
        .last()
        .map(|(i, _)| i);
    let Some(ws) = word_start else { return false };
    let w = &head[ws..];
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let lw = w.to_lowercase();
    if LOCATIVE.contains(&lw.as_str()) || matches!(lw.as_str(), "the" | "a" | "an") {
        return false;
    }
    // a capitalised word at the start of a sentence says nothing
    !sentence_initial(text, ws)
}

/// Whether the capitalised words right after byte `e` name a hospital
/// ("Dhaka Medical College and Hospital"): where the wounded were taken,
/// not where they were hurt.
fn hospital_follows(text: &str, e: usize) -> bool {
    text[e..]
        .split_whitespace()
        .take(4)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .any(|w| matches!(w, "Medical" | "Hospital" | "Hospitals" | "Clinic"))
}

/// Whether a Romance particle and a capitalised word follow byte `e`
/// ("… de Nice", "… sur Mer").
fn particle_name_follows(text: &str, e: usize) -> bool {
    let mut it = text[e..].split(' ');
    if it.next() != Some("") {
        return false;
    }
    let particle = it.next().unwrap_or("");
    matches!(
        particle,
        "de" | "du" | "des" | "del" | "della" | "di" | "da" | "do" | "dos" | "das" | "sur" | "sous"
    ) && it
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// Whether the name at `s` ends a hyphenated capitalised word
/// ("Khanaqa-e-Malawi").
fn hyphen_glued_before(text: &str, s: usize) -> bool {
    let Some(head) = text.get(..s).and_then(|h| h.strip_suffix('-')) else {
        return false;
    };
    let ws = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '-')
        .last()
        .map_or(head.len(), |(i, _)| i);
    head[ws..].starts_with(|c: char| c.is_uppercase())
}

/// Whether two names are the same but for case and accents ("BOGOTA" and
/// "Bogotá", "Raiganj" and "Rāiganj"): letter by letter, a non-ASCII letter
/// standing for any one letter.
fn folded_eq(a: &str, b: &str) -> bool {
    a.chars().count() == b.chars().count()
        && a.chars()
            .zip(b.chars())
            .all(|(x, y)| !x.is_ascii() || !y.is_ascii() || x.eq_ignore_ascii_case(&y))
}

/// Whether a place lies more than 2,000 km from the capital of every other
/// country the text is set in (see `Context::placed`): another continent,
/// not a neighbour ("Lewes" in a Salvadoran story, not "Raxaul" in a
/// Nepali one).
fn far_from_placed(data: &Data, ctx: &Context, en: &crate::data::Entry) -> bool {
    let (Some(la), Some(lo)) = (en.lat, en.lon) else {
        return false;
    };
    ctx.placed
        .iter()
        .filter(|(c, w)| **c != en.country && **w > 0.0)
        .all(|(c, _)| {
            data.countries
                .get(*c as usize)
                .and_then(|k| data.entries.get(k.entry as usize))
                .and_then(|k| Some(km(la, lo, k.lat?, k.lon?)))
                .is_some_and(|d| d > 2000.0)
        })
}

fn cap_word_after(text: &str, e: usize) -> bool {
    let Some(tail) = text.get(e..).and_then(|t| t.strip_prefix(' ')) else {
        return false;
    };
    let w: String = tail
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().any(char::is_lowercase)
        && !NAME_TAILS.contains(&w.as_str())
}

fn sentence_initial(text: &str, s: usize) -> bool {
    let before = text[..s].trim_end_matches([' ', '"', '\u{201c}', '\'', '(']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':'])
}

/// Byte start of a "near"-type cue just before `s` (case-insensitive, whole words).
fn near_cue_start(text: &str, s: usize) -> Option<usize> {
    cue_start(text, s, NEAR_CUES, true)
}

fn plain_cue_start(text: &str, s: usize) -> Option<usize> {
    cue_start(text, s, PLAIN_CUES, false)
}

fn cue_start(text: &str, s: usize, cues: &[&str], allow_distance: bool) -> Option<usize> {
    let head = &text[..s];
    let mut trimmed = head.trim_end();
    if trimmed.len() == head.len() {
        return None; // no space between cue and name
    }
    // allow "the" between cue and name ("near the Afghan border")
    if let Some(t) = trimmed.len().checked_sub(3).and_then(|k| trimmed.get(k..)) {
        let k = trimmed.len() - 3;
        if t.eq_ignore_ascii_case("the") && prev_char(trimmed, k).is_some_and(char::is_whitespace) {
            trimmed = trimmed[..k].trim_end();
        }
    }
    // (a cue ends with the text's last byte: the others are passed over
    // without cutting the tail; the cues are lower-case ASCII)
    let last = trimmed.as_bytes().last().map(u8::to_ascii_lowercase)?;
    for cue in cues {
        if cue.as_bytes().last() != Some(&last) {
            continue;
        }
        let n = cue.len();
        let Some(tail) = trimmed.len().checked_sub(n).and_then(|k| trimmed.get(k..)) else {
            continue;
        };
        if !tail.eq_ignore_ascii_case(cue) {
            continue;
        }
        let start = trimmed.len() - n;
        if prev_char(trimmed, start).is_some_and(char::is_alphanumeric) {
            continue;
        }
        // "12 km from": include the number
        if allow_distance
            && (cue.starts_with("km")
                || cue.contains("metres")
                || cue.contains("meters")
                || cue.starts_with("miles"))
        {
            let pre = trimmed[..start].trim_end();
            let digits = pre
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
                .last()
                .map(|(i, _)| i);
            if let Some(d) = digits {
                return Some(d);
            }
        }
        return Some(start);
    }
    None
}

/// Nouns after which "of X" says where ("the town of X", "the Shawal area of X").
const PLACE_NOUNS: &[&str] = &[
    "area",
    "areas",
    "town",
    "city",
    "village",
    "villages",
    "district",
    "province",
    "region",
    "outskirts",
    "suburbs",
    "suburb",
    "parts",
    "part",
    "vicinity",
    "agency",
    "tehsil",
    "valley",
    "locality",
    "neighbourhood",
    "neighborhood",
    "capital",
    "heart",
    "centre",
    "center",
];

/// How firmly the words before a town or district say that something happened
/// there: 0 "in X", "at X", "near X", "the town of X", "Balochistan's X"; 1 a
/// weaker cue ("from X", "to X", "and X", "house of X"); 2 none, and always for a
/// province, region or country.
fn cue_rank(text: &str, places: &[ResolvedPlace], p: &ResolvedPlace) -> u8 {
    // "near Spin Boldak and Chaman": a place joined to the one before shares its
    // cue (places are sorted by start; a few steps back at most)
    let mut head = p;
    for _ in 0..4 {
        let i = places.partition_point(|q| q.span.start < head.span.start);
        let Some(q) = i.checked_sub(1).and_then(|j| places.get(j)) else {
            break;
        };
        let gap = text.get(q.span.end..head.span.start).unwrap_or("").trim();
        if !matches!(gap, "and" | "or" | "," | ", and") {
            break;
        }
        head = q;
    }
    if !std::ptr::eq(head, p)
        && !matches!(
            p.kind,
            PlaceKind::Admin1 | PlaceKind::Country | PlaceKind::Region | PlaceKind::Demonym
        )
    {
        return own_cue_rank(text, head).min(own_cue_rank(text, p));
    }
    let own = own_cue_rank(text, p);
    if own == 0 && p.kind == PlaceKind::Populated && near_reference_follows(text, places, p) {
        return 1;
    }
    own
}

/// "in Shabqadar, near Charsadda", "the town of Wah near Islamabad": a town
/// followed at once by "near" and another town. GTD (and ACLED, for a
/// village) place the event at that reference town, the better-known
/// place; the first town keeps a weaker cue than the reference's.
fn near_reference_follows(text: &str, places: &[ResolvedPlace], p: &ResolvedPlace) -> bool {
    let i = places.partition_point(|q| q.span.start <= p.span.start);
    let Some(q) = places.get(i) else {
        return false;
    };
    let gap = text.get(p.span.end..q.span.start).unwrap_or("");
    // "in the Model Town area, near Islamabad": a place noun may close the name
    let gap = gap.trim_start();
    let gap = ["area", "village", "town", "locality", "neighbourhood"]
        .iter()
        .find_map(|n| {
            gap.get(..n.len())
                .filter(|h| h.eq_ignore_ascii_case(n))
                .map(|_| &gap[n.len()..])
        })
        .unwrap_or(gap);
    let gap = gap.trim_start_matches(',').trim();
    q.near && q.kind == PlaceKind::Populated && gap.eq_ignore_ascii_case("near")
}

/// Whether the words before byte `s` give a distance of more than 25 km to
/// the place that follows: "93 miles north of X", "40 km from X",
/// "30 kilometres south-east of X".
fn far_reference(text: &str, s: usize) -> bool {
    let w = words_before(text, s, 5);
    let mut it = w.iter().rev().map(String::as_str);
    let Some(last) = it.next() else {
        return false;
    };
    let mut unit = match last {
        "of" => {
            // a compass direction before "of"
            let dir = it.next().unwrap_or("");
            if !dir.starts_with("north")
                && !dir.starts_with("south")
                && !matches!(dir, "east" | "west")
            {
                return false;
            }
            it.next()
        }
        "from" => {
            let u = it.next();
            if u == Some("away") {
                it.next()
            } else {
                u
            }
        }
        _ => return false,
    };
    let per_km = match unit.take().unwrap_or("") {
        "km" | "kms" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => 1.0,
        "miles" | "mile" => 1.609,
        _ => return false,
    };
    let n: f64 = it
        .next()
        .map(|n| n.replace(',', ""))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0.0);
    n * per_km > 25.0
}

/// [`cue_rank`] from the words before the place itself.
fn own_cue_rank(text: &str, p: &ResolvedPlace) -> u8 {
    if matches!(
        p.kind,
        PlaceKind::Admin1 | PlaceKind::Country | PlaceKind::Region | PlaceKind::Demonym
    ) {
        // a province or country never outranks a town by its cue ("protests in
        // Sindh" from "the Kandhkot chapter", "in Punjab such as Multan")
        return 2;
    }
    // "on the Dhaka-Chittagong highway at Maheshpur": the towns a road is
    // named after give way to any place the text names along it
    if in_road_name(text, p.span.start, p.span.end) {
        return 2;
    }
    if p.near {
        // "93 miles north of Islamabad": a reference point that far off is
        // not the venue; a place the clause names with a cue of its own wins
        return u8::from(far_reference(text, p.span.start));
    }
    let before = words_before(text, p.span.start, 3);
    // "Balochistan's Chaman", "Pakistan’s Bajaur Agency": the possessor places it
    if before
        .last()
        .is_some_and(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"))
    {
        return 0;
    }
    let mut it = before.iter().rev().map(String::as_str);
    let mut w = it.next();
    if w == Some("the") {
        w = it.next();
    }
    match w {
        Some(
            "in" | "at" | "near" | "inside" | "outside" | "across" | "around" | "within" | "into"
            | "along" | "nearby",
        ) => 0,
        Some("of") if it.next().is_some_and(|n| PLACE_NOUNS.contains(&n)) => 0,
        _ if p.locative => 1,
        _ => 2,
    }
}

/// The location of a focus span: the place with the firmest locative cue, then
/// the most precise, then the first.
pub(crate) fn locate(
    text: &str,
    places: &[ResolvedPlace],
    focus: Span,
) -> Option<(Location, Span)> {
    places
        .iter()
        .filter(|p| focus.contains(p.span))
        .min_by_key(|p| {
            let kind_rank = match p.kind {
                PlaceKind::Populated => 0,
                PlaceKind::Admin2 => 1,
                PlaceKind::Admin1 => 2,
                PlaceKind::Region => 3,
                PlaceKind::Country => 4,
                PlaceKind::Demonym => 5,
            };
            (
                cue_rank(text, places, p),
                p.location.precision,
                kind_rank,
                p.span.start,
            )
        })
        .map(|p| (p.location.clone(), p.evidence))
}

/// [`locate`] over places sorted by `span.start`: only those starting inside
/// the focus can lie in it, so a long run-on text with many mentions costs
/// mentions × log(places), not mentions × places. Same answer as [`locate`].
pub(crate) fn locate_sorted(
    text: &str,
    places: &[ResolvedPlace],
    focus: Span,
) -> Option<(Location, Span)> {
    let lo = places.partition_point(|p| p.span.start < focus.start);
    let hi = lo + places[lo..].partition_point(|p| p.span.start < focus.end);
    locate(text, &places[lo..hi], focus)
}

/// The main country of a document.
pub(crate) fn focus_country(places: &[ResolvedPlace]) -> Option<String> {
    let mut w: HashMap<&str, f64> = HashMap::new();
    let n = places.len().max(1) as f64;
    for (i, p) in places.iter().enumerate() {
        // earlier mentions weigh a little more (the lede names the place)
        let early = 0.25 * (1.0 - i as f64 / n);
        let Some(cc) = p.location.country_code.as_deref() else {
            continue;
        };
        *w.entry(cc).or_default() += early
            + match p.kind {
                PlaceKind::Country | PlaceKind::Admin1 => 2.0,
                PlaceKind::Admin2 => 1.5,
                _ => 1.0,
            };
    }
    let mut v: Vec<(&str, f64)> = w.into_iter().collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    v.first().map(|x| x.0.to_string())
}

/// Resolve a bare name.
pub(crate) fn lookup_place(
    data: &Data,
    m: &Matcher,
    name: &str,
    cc: Option<&str>,
) -> Option<Location> {
    let ci = match cc {
        Some(c) => Some(*data.country_by_iso.get(&c.to_ascii_uppercase())?),
        None => None,
    };
    let cands: Vec<u32> = m
        .entries_named(data, name)
        .into_iter()
        .filter(|&i| ci.is_none_or(|c| data.entries[i as usize].country == c))
        .collect();
    let rank = |k: PlaceKind| match k {
        PlaceKind::Populated => 0,
        PlaceKind::Admin2 => 1,
        PlaceKind::Admin1 => 2,
        PlaceKind::Country => 3,
        _ => 4,
    };
    let best = cands.iter().copied().min_by_key(|&i| {
        let e = &data.entries[i as usize];
        (rank(e.kind), std::cmp::Reverse(e.population), i)
    })?;
    let precision = match data.entries[best as usize].kind {
        PlaceKind::Populated => 1,
        PlaceKind::Admin2 => 2,
        _ => 3,
    };
    Some(data.location(best, precision))
}

/// The populated place nearest to a point, within a country.
pub(crate) fn nearest(data: &Data, lat: f64, lon: f64, cc: Option<&str>) -> Option<Location> {
    let ci = match cc {
        Some(c) => Some(*data.country_by_iso.get(&c.to_ascii_uppercase())?),
        None => None,
    };
    let mut best: Option<(f64, u32)> = None;
    for (i, e) in data.entries.iter().enumerate() {
        if e.kind != PlaceKind::Populated || ci.is_some_and(|c| e.country != c) {
            continue;
        }
        let (Some(la), Some(lo)) = (e.lat, e.lon) else {
            continue;
        };
        let d = km(lat, lon, la, lo);
        if best.is_none_or(|b| d < b.0) {
            best = Some((d, i as u32));
        }
    }
    best.map(|b| data.location(b.1, 1))
}

/// Great-circle distance in km.
pub fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::towns_middle;

    /// The byte-by-byte reading of an ASCII head finds a title where the
    /// char-by-char reading of the same words does.
    #[test]
    fn titled_heads_read_as_chars() {
        use super::{is_title, titled_before};
        let by_chars = |head: &str| {
            let mut given_names = true;
            head.rsplit(|c: char| c.is_whitespace())
                .filter(|w| !w.is_empty())
                .take(3)
                .any(|w| {
                    if is_title(w.trim_end_matches('.')) && given_names {
                        return true;
                    }
                    given_names &=
                        w.chars().all(char::is_alphabetic) && w.starts_with(char::is_uppercase);
                    false
                })
        };
        let heads = [
            "said Colonel ",
            "said Colonel Rene Emilio ",
            "by Col. Rene ",
            "COLONEL RENE EMILIO ",
            "the colonel and ",
            "Dr\t",
            "Mr  John\n",
            "",
            "   ",
            "judge of ",
            "Father Ignacio Martin Baro ",
            "the Senor Jose ",
        ];
        for h in heads {
            for cut in 0..=h.len() {
                let head = &h[..cut];
                assert_eq!(titled_before(head), by_chars(head), "{head:?}");
            }
        }
        assert!(titled_before("said Colonel Rene Emilio "));
        assert!(!titled_before("the colonel and "));
    }

    /// A title is found in any case, as the list compared word by word finds it.
    #[test]
    fn titles_are_found_in_any_case_and_nothing_else() {
        use super::{is_title, TITLES};
        for t in TITLES {
            assert!(is_title(t) && is_title(&t.to_uppercase()), "{t}");
            let cap = format!("{}{}", t[..1].to_uppercase(), &t[1..]);
            assert!(is_title(&cap), "{cap}");
        }
        for w in [
            "",
            "m",
            "colonels",
            "Kabul",
            "licenciados",
            "se\u{f1}or",
            "DRS",
            "lieutenantx",
        ] {
            assert!(!is_title(w), "{w}");
        }
    }

    /// The words `Near` reads once per mention (borrowed from the
    /// lower-cased text in ASCII windows) are those `words_before` and
    /// `words_after` read, for every count it serves, at every span of texts
    /// with ASCII and non-ASCII windows, stops and separators.
    #[test]
    fn near_reads_the_words_of_words_before_and_after() {
        use super::{words_after, words_before, Near};
        use crate::{PlaceKind, PlaceMention};
        let data = crate::data::Data::default();
        let texts = [
            "GUERRILLAS ATTACKED THE OUTPOST IN SAN MIGUEL DEPARTMENT, ARMY SAID (CITING PATROLS).",
            "Police said \u{201c}the attack in Quetta\u{201d} killed five; others fled to Chaman!",
            "In Peshawar, near the Khyber Pass \u{2013} \u{00c9}T\u{00c9} words\u{a0}Lahore? yes",
            "",
            "tab\there,comma(paren)x\u{b}vt near  Kabul ,, city's outskirts of DELHI.",
        ];
        for t in texts {
            let lower = t.to_ascii_lowercase();
            let cuts: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            for (k, &s) in cuts.iter().enumerate() {
                for &e in &cuts[k..(k + 4).min(cuts.len())] {
                    let pm = PlaceMention {
                        span: sitrep_model::Span::new(s, e),
                        kind: PlaceKind::Populated,
                        candidates: Vec::new(),
                        common_word: false,
                    };
                    let near = Near::of(&data, t, &lower, &pm);
                    for n in 1..=3 {
                        let got: Vec<&str> = near.before(n).iter().map(AsRef::as_ref).collect();
                        assert_eq!(got, words_before(t, s, n), "{t:?} {s} {n}");
                    }
                    for n in 1..=2 {
                        let got: Vec<&str> = near.after(n).iter().map(AsRef::as_ref).collect();
                        assert_eq!(got, words_after(t, e, n), "{t:?} {e} {n}");
                    }
                }
            }
        }
    }

    /// `cue_start` passes over a cue by its last byte, compared with the
    /// text's lower-cased: every cue must be lower-case ASCII. And a cue is
    /// found in any case, after "the", with a distance before it.
    #[test]
    fn cues_are_lower_case_ascii_and_found_in_any_case() {
        for cue in super::NEAR_CUES.iter().chain(super::PLAIN_CUES) {
            assert!(cue.is_ascii() && cue.to_ascii_lowercase() == *cue, "{cue}");
        }
        let t = "killed NEAR the Kabul road, 12 km from Kandahar, In Quetta";
        let at = |w: &str| t.find(w).expect("word");
        assert_eq!(super::near_cue_start(t, at("Kabul")), Some(at("NEAR")));
        assert_eq!(super::near_cue_start(t, at("Kandahar")), Some(at("12")));
        assert_eq!(super::plain_cue_start(t, at("Quetta")), Some(at("In")));
        assert_eq!(super::plain_cue_start(t, at("road")), None);
        assert_eq!(super::near_cue_start("near", 4), None);
        assert_eq!(super::plain_cue_start(" Quetta", 1), None);
    }

    /// Halfway between the weighted mean and the middle of the spread: a
    /// cluster of towns at one end of a district pulls the point towards it,
    /// but not all the way.
    #[test]
    fn the_middle_of_a_district_lies_between_its_towns_and_their_spread() {
        assert_eq!(towns_middle(&[]), None);
        assert_eq!(towns_middle(&[(34.5, 72.0, 5000)]), Some((34.5, 72.0)));
        // eight villages of equal size in the south, two in the north
        let mut t = vec![(34.0, 72.0, 1000); 8];
        t.extend([(35.0, 72.0, 1000); 2]);
        let (lat, lon) = towns_middle(&t).expect("towns");
        // mean 34.2, spread 34.0..35.0 (10th/90th percentile) → midpoint 34.5
        assert!((lat - 34.35).abs() < 1e-9, "{lat}");
        assert!((lon - 72.0).abs() < 1e-9, "{lon}");
        // a big town weighs a little more, not in proportion to its size
        let t = [(34.0, 72.0, 1_000_000), (34.2, 72.0, 1000)];
        let (lat, _) = towns_middle(&t).expect("towns");
        assert!(lat > 34.05 && lat < 34.1, "{lat}");
    }

    /// The percentiles by selection are those of a full sort (the earlier
    /// way), to the bit, on groups of every size with repeated values and
    /// both zeros.
    #[test]
    fn percentiles_by_selection_equal_those_of_a_sort() {
        fn by_sort(towns: &[(f64, f64, u32)]) -> Option<(f64, f64)> {
            let (mut lat, mut lon, mut ws) = (0.0, 0.0, 0.0);
            for &(a, b, p) in towns {
                let w = (f64::from(p) + 10.0).ln();
                lat += a * w;
                lon += b * w;
                ws += w;
            }
            if ws <= 0.0 {
                return None;
            }
            let spread_mid = |mut v: Vec<f64>| {
                v.sort_by(f64::total_cmp);
                let at = |f: f64| v[(f * (v.len() - 1) as f64 + 0.5) as usize];
                (at(0.1) + at(0.9)) / 2.0
            };
            let mid_lat = spread_mid(towns.iter().map(|t| t.0).collect());
            let mid_lon = spread_mid(towns.iter().map(|t| t.1).collect());
            let round5 = |v: f64| (v * 1e5).round() / 1e5;
            Some((
                round5((lat / ws + mid_lat) / 2.0),
                round5((lon / ws + mid_lon) / 2.0),
            ))
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut rnd = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for n in 0..60 {
            let towns: Vec<(f64, f64, u32)> = (0..n)
                .map(|_| {
                    let r = rnd();
                    let v = |k: u64| match k % 7 {
                        0 => 0.0,
                        1 => -0.0,
                        2 => 12.5,
                        _ => ((k >> 8) % 20_000) as f64 / 100.0 - 100.0,
                    };
                    (v(r), v(r >> 21), (r >> 40) as u32 % 100_000)
                })
                .collect();
            let (a, b) = (towns_middle(&towns), by_sort(&towns));
            assert_eq!(
                a.map(|(p, q)| (p.to_bits(), q.to_bits())),
                b.map(|(p, q)| (p.to_bits(), q.to_bits())),
                "{towns:?}"
            );
        }
    }
}
