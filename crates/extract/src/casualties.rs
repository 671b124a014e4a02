//! Counts of people in one sentence: how many were killed, wounded,
//! abducted or arrested, and on which side ("killing at least 31 civilians
//! and 17 security personnel", "Two policemen were gunned down and eight
//! others, including two civilians, sustained bullet wounds", "a deputy
//! district commissioner had been abducted", "causing no injuries").

use crate::lexicon::{is_noun_modifier, Hit, LexHit, Outcome, Side};
use sitrep_model::Span;
use sitrep_text::numbers::find_quantities;

/// One count of people with its outcome and side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Count {
    /// Killed, wounded, abducted or arrested.
    pub outcome: Outcome,
    /// Whose people.
    pub side: Side,
    /// Lower bound.
    pub low: Option<u32>,
    /// Conservative figure.
    pub best: u32,
    /// Upper bound.
    pub high: Option<u32>,
    /// Evidence: the count with its noun and verb, in article offsets.
    pub span: Span,
    /// Stated as part of another count ("including two civilians").
    pub included: bool,
    /// In addition to counts stated elsewhere ("two others", "three more").
    pub additive: bool,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    /// The token as written.
    s: &'a str,
    /// The token in ASCII lower case (a slice of the sentence's lower-case copy).
    l: &'a str,
    start: usize,
    end: usize,
}

/// The tokens of `text` (article offsets from `base`); `low` is
/// `text.to_ascii_lowercase()` (same byte offsets).
fn toks<'a>(text: &'a str, low: &'a str, base: usize) -> Vec<Tok<'a>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            let s = i;
            while i < b.len()
                && (b[i].is_ascii_alphanumeric()
                    || ((b[i] == b'-' || b[i] == b',' || b[i] == b'\'')
                        && i + 1 < b.len()
                        && b[i + 1].is_ascii_alphanumeric()
                        && (b[i] != b',' || (b[s].is_ascii_digit() && b[i + 1].is_ascii_digit()))
                        && !(b[i] == b'-' && glued_headline(&text[s..i], b[i + 1]))))
            {
                i += 1;
            }
            out.push(Tok {
                s: &text[s..i],
                l: &low[s..i],
                start: base + s,
                end: base + i,
            });
        } else if matches!(c, b',' | b';' | b':' | b'.' | b'(' | b')' | b'"') {
            out.push(Tok {
                s: &text[i..i + 1],
                l: &low[i..i + 1],
                start: base + i,
                end: base + i + 1,
            });
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a hyphen after `head` and before the byte `next` glues two
/// headline pieces rather than making one word: a wire's update number
/// before the headline ("UPDATE 1-Nine killed …") or a person noun before
/// the source tag ("… kills two civilians-Pakistan"). A capital after the
/// hyphen starts a new piece; "pro-Taliban", "anti-India" keep their prefix
/// because it is no number and no person noun.
fn glued_headline(head: &str, next: u8) -> bool {
    next.is_ascii_uppercase()
        && !head.is_empty()
        && (head.bytes().all(|c| c.is_ascii_digit())
            || (head.len() > 3
                && head.bytes().all(|c| c.is_ascii_lowercase())
                && pside(head).is_some()))
}

/// The side of a person noun: the lexicon's person nouns, plus kin, companions
/// and outlaws that only ever stand for people in a casualty phrase
/// ("his nephew", "a cleaner", "his brother-in-law", "two bandits").
///
/// Remembered per thread by the word as written (a pure function of it): the
/// noun phrase reader asks about the same few words many times, and the
/// word lists are long `match`es.
fn pside(w: &str) -> Option<Side> {
    PSIDES.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(&s) = c.get(w) {
            return s;
        }
        let s = pside_uncached(w);
        // (bounded: a text of ever new words cannot grow it without end)
        if c.len() >= PSIDE_MEMO {
            c.clear();
        }
        c.insert(w.into(), s);
        s
    })
}

/// How many words [`pside`] remembers per thread (at most).
const PSIDE_MEMO: usize = 8192;

thread_local! {
    /// [`pside`]'s answers by the word as written.
    static PSIDES: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Option<Side>>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// [`pside`] itself.
fn pside_uncached(w: &str) -> Option<Side> {
    // (one lower-cased copy, on the stack, for both word lists)
    crate::lexicon::with_ascii_lower(w, |lw| {
        crate::lexicon::person_side_lower(lw).or_else(|| pside_more(w, lw))
    })
}

/// The rest of [`pside`]: `w` as written, `lw` in ASCII lower case.
fn pside_more(w: &str, lw: &str) -> Option<Side> {
    let lw = sitrep_text::timex::trim_suffix(lw, "'s");
    if lw.ends_with("-in-law") || lw.ends_with("-in-laws") {
        return Some(Side::Unknown);
    }
    match lw {
        "cleaner" | "cleaners" | "conductor" | "conductors" | "guests" | "mechanic"
        | "mechanics" | "labour" | "watchman" | "watchmen" | "chowkidar" | "beggar" | "beggars"
        | "begger" | "puller" | "pullers" | "headmaster" | "headmistress" | "student's"
        | "teens" | "youngster" | "youngsters" | "grandson" | "grandsons" | "granddaughter"
        | "granddaughters" | "informant" | "informants" | "passers-by" | "passersby"
        | "passer-by" | "vaccinator" | "vaccinators" => Some(Side::Civilians),
        "niece" | "nieces" | "grandfather" | "grandmother" | "mothers" | "fathers" | "relative"
        | "kin" | "bodyguard" | "bodyguards" | "colleague" | "colleagues" | "associate"
        | "associates" | "companion" | "companions" | "friend" | "friends" | "aide" | "aides"
        | "pair" | "victim" | "smuggler" | "smugglers" | "bandit" | "bandits" | "thief"
        | "thieves" | "worshipper's" => Some(Side::Unknown),
        _ => nationals(w).then_some(Side::Civilians),
    }
}

/// A capitalised plural of a nationality: "Israelis", "Americans",
/// "Chinese", "Britons" ("the two Israelis were shot dead", "two Americans
/// were killed"). Nationals named by nationality alone are civilians.
fn nationals(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() < 5 || !b[0].is_ascii_uppercase() || !b[1..].iter().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    matches!(
        w,
        "Israelis"
            | "Iraqis"
            | "Pakistanis"
            | "Saudis"
            | "Somalis"
            | "Yemenis"
            | "Kuwaitis"
            | "Qataris"
            | "Emiratis"
            | "Bangladeshis"
            | "Nepalis"
            | "Omanis"
            | "Bahrainis"
            | "Afghans"
            | "Britons"
            | "Turks"
            | "Uzbeks"
            | "Tajiks"
            | "Kazakhs"
            | "Filipinos"
            | "Thais"
            | "Swiss"
            | "Dutch"
            | "Poles"
            | "Danes"
            | "Swedes"
            | "Finns"
    ) || ((w.ends_with("ans") || w.ends_with("ese"))
        && !matches!(w, "Orleans" | "Balkans" | "Taliban" | "Vans"))
}

const AUX: &[&str] = &[
    "was",
    "were",
    "have",
    "has",
    "had",
    "been",
    "are",
    "is",
    "also",
    "reportedly",
    "allegedly",
    "later",
    // "were initially reported killed"
    "initially",
    "all",
    "being",
    "got",
    "get",
    // "the two gunmen were then shot dead"
    "then",
    "subsequently",
    "eventually",
    // "two others became injured"
    "became",
    "become",
    "becomes",
    "sustained",
    "suffered",
    "received",
    "bullet",
    "gunshot",
    "burn",
    "splinter",
    "shrapnel",
    "stab",
    "multiple",
    "serious",
    "critical",
    "critically",
    "seriously",
    "severe",
    "minor",
    "grievous",
    "grievously",
    "severely",
    "badly",
    "fatally",
    "mortally",
    "slightly",
    // "four people also got light injuries"
    "light",
    "lightly",
    "moderate",
    "moderately",
    "who",
    "that",
    "said",
    "say",
    "says",
    "claimed",
    "reported",
    "confirmed",
    "feared",
    "believed",
    "suspected",
    "thought",
    "presumed",
    "officials",
    "police",
    "forces",
    "security",
    "army",
    "military",
    "the",
    "left",
    "lay",
    "are",
    "now",
    // "a top militant was today killed", "two were yesterday shot dead"
    // (Indian and Bangladeshi English put the day between the auxiliary
    // and the participle)
    "today",
    "yesterday",
    "tonight",
];

const CHAIN: &[&str] = &[
    "and",
    "at",
    "least",
    "more",
    "than",
    "including",
    "other",
    "another",
    "some",
    "about",
    "around",
    "nearly",
    "over",
    "as",
    "many",
    "up",
    "to",
    "rose",
    "risen",
    "climbed",
    "reached",
    "of",
    "stood",
    "has",
    "had",
    "a",
    "an",
    "the",
    "one",
    "dozen",
    "his",
    "her",
    "their",
    "its",
    "almost",
    "approximately",
    "roughly",
    "estimated",
    "least",
    "fewer",
    "less",
    "no",
    "rises",
    "rising",
    "toll",
    "death",
    "to",
    "jumped",
    "mounted",
    "all",
    "them",
];

fn lower(s: &str) -> String {
    s.to_ascii_lowercase()
}

fn outcome_at(hits: &[LexHit], t: &Tok<'_>) -> Option<(Outcome, usize)> {
    hits.iter().find_map(|h| match h.hit {
        Hit::Outcome(o) if h.start == t.start => Some((o, h.end)),
        _ => None,
    })
}

/// Whether the tokens from `end` up to the list member at `next` are a list's
/// joint: "and", ", and", or (with `comma_alone`) a bare ",".
fn list_joint(ts: &[Tok<'_>], end: usize, next: usize, comma_alone: bool) -> bool {
    (end + 1 == next && (ts[end].s == "and" || comma_alone && ts[end].s == ","))
        || (end + 2 == next && ts[end].s == "," && ts[end + 1].s == "and")
}

/// A list member's count that takes its outcome from its neighbour in the list.
fn list_member(
    outcome: Outcome,
    side: Side,
    (low, best, high): (Option<u32>, u32, Option<u32>),
    span: Span,
    included: bool,
) -> Count {
    Count {
        outcome,
        side,
        low,
        best,
        high,
        span,
        included,
        additive: false,
    }
}

/// Reads the noun phrase after a count: `(side, index after the phrase,
/// end byte, head found)`.
fn noun_phrase(ts: &[Tok<'_>], mut j: usize) -> (Side, usize, Option<usize>, bool) {
    let mut side = None;
    let mut statey = false;
    let mut end = None;
    let mut k = 0;
    // up to 7 words: "two suspected Karen National Army (KNA) fighters"
    while j < ts.len() && k < 7 {
        let w = ts[j].s;
        if let Some(s) = pside(w) {
            // "family members", "tribal elders' relatives": a generic last
            // noun keeps the side of the one before
            side = Some(match (side, s) {
                (Some(p), Side::Unknown) => p,
                _ => s,
            });
            end = Some(ts[j].end);
            j += 1;
            // "security personnel", "police officers": keep reading nouns
            if j < ts.len() && pside(ts[j].s).is_some() {
                k += 1;
                continue;
            }
            // "Karen National Army (KNA) fighters", "Central Reserve Police
            // Force (CRPF) personnel": names and a bracketed acronym between
            // two person nouns
            let mut m = j;
            while m < ts.len()
                && m < j + 5
                && (matches!(ts[m].s, "(" | ")")
                    || (ts[m].s.as_bytes()[0].is_ascii_uppercase() && pside(ts[m].s).is_none()))
            {
                m += 1;
            }
            if m > j && ts.get(m).is_some_and(|t| pside(t.s).is_some()) {
                j = m;
                k += 1;
                continue;
            }
            break;
        }
        if w == "(" || w == ")" {
            j += 1;
            continue;
        }
        // "three heavily-armed militants", "two pro-government elders"
        if w.contains('-')
            && w.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-')
            && ts
                .get(j + 1)
                .is_some_and(|t| pside(t.s).is_some() || is_noun_modifier(t.s))
        {
            j += 1;
            k += 1;
            continue;
        }
        // "a 41 year old teacher", "a 52-year-old shopkeeper": skip the age
        if w.as_bytes()[0].is_ascii_digit() || sitrep_text::numbers::word_value(w).is_some() {
            let lw = lower(w);
            if lw.contains("-year") {
                j += 1;
                k += 1;
                continue;
            }
            let yr = ts
                .get(j + 1)
                .is_some_and(|t| matches!(t.l, "year" | "years" | "yr" | "yrs"));
            let old = ts.get(j + 2).is_some_and(|t| t.l == "old");
            if yr && old {
                j += 3;
                k += 1;
                continue;
            }
        }
        let cap = w.as_bytes()[0].is_ascii_uppercase();
        if is_noun_modifier(w) || (cap && w.len() > 1 && !matches!(w, "The" | "A" | "An")) {
            let lw = lower(w);
            if matches!(
                lw.as_str(),
                "security"
                    | "police"
                    | "army"
                    | "military"
                    | "paramilitary"
                    | "border"
                    | "frontier"
                    | "levies"
                    | "fc"
                    | "corps"
                    | "law"
                    | "enforcement"
            ) {
                statey = true;
            }
            j += 1;
            k += 1;
            continue;
        }
        // "a tribal chief", "a coast guard", "two bus passengers": up to two
        // plain words right before a person noun belong to the phrase
        if k < 3
            && plain_word(w)
            && (ts.get(j + 1).is_some_and(|t| pside(t.s).is_some())
                || (ts.get(j + 1).is_some_and(|t| plain_word(t.s))
                    && ts.get(j + 2).is_some_and(|t| pside(t.s).is_some())))
        {
            j += 1;
            k += 1;
            continue;
        }
        break;
    }
    match side {
        Some(s) => {
            // "a police informer" informs the police: not one of them
            let informer = j > 0
                && matches!(
                    ts[j - 1].l,
                    "informant" | "informants" | "informer" | "informers"
                );
            let s = if statey && !informer && matches!(s, Side::Civilians | Side::Unknown) {
                Side::State
            } else {
                s
            };
            (s, j, end, true)
        }
        None => (Side::Unknown, j, None, false),
    }
}

/// "a police station", "an army camp": a force noun before a place or
/// vehicle noun names the place, not a person.
fn force_as_modifier(ts: &[Tok<'_>], i: usize) -> bool {
    let (_, j, _, head) = noun_phrase(ts, i + 1);
    head && j > 0
        && matches!(
            ts[j - 1].l,
            "police" | "army" | "military" | "security" | "levies"
        )
        && ts.get(j).is_some_and(|t| {
            matches!(
                t.l,
                "station"
                    | "stations"
                    | "post"
                    | "posts"
                    | "checkpost"
                    | "check-post"
                    | "checkpoint"
                    | "van"
                    | "vehicle"
                    | "mobile"
                    | "headquarters"
                    | "line"
                    | "lines"
                    | "camp"
                    | "compound"
                    | "office"
                    | "academy"
                    | "college"
                    | "centre"
                    | "center"
                    | "chowki"
                    | "thana"
                    | "picket"
                    | "building"
                    | "barracks"
                    | "convoy"
                    | "patrol"
                    | "base"
                    | "truck"
            )
        })
}

/// `text` with the space of an unhyphenated compound number joined by a
/// hyphen ("twenty four" -> "twenty-four"): one byte for one, so every
/// offset stays valid.
fn join_compound_numbers(text: &str) -> String {
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const UNITS: [&str; 9] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    let low = text.to_ascii_lowercase();
    let b = low.as_bytes();
    let mut out = text.as_bytes().to_vec();
    let word_at = |i: usize| -> &str {
        let e = b[i..]
            .iter()
            .position(|c| !c.is_ascii_alphabetic())
            .map_or(b.len(), |p| i + p);
        low.get(i..e).unwrap_or("")
    };
    let mut i = 0;
    while i < b.len() {
        let starts_word = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if starts_word && b[i].is_ascii_alphabetic() {
            let w = word_at(i);
            let sp = i + w.len();
            if TENS.contains(&w)
                && b.get(sp) == Some(&b' ')
                && b.get(sp + 1).is_some_and(|c| c.is_ascii_alphabetic())
                && UNITS.contains(&word_at(sp + 1))
            {
                out[sp] = b'-';
            }
            i = sp.max(i + 1);
        } else {
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// "a rickshaw driver and another person died", "the elder's nephew and
/// driver were killed": the first of a list of single people whose plural
/// verb is an outcome is one person.
fn first_of_subject_list(ts: &[Tok<'_>], hits: &[LexHit], i: usize) -> bool {
    let (_, j, _, head) = noun_phrase(ts, i + 1);
    let singular = ts
        .get(j.wrapping_sub(1))
        .is_some_and(|t| !t.l.ends_with('s') && !matches!(t.l, "police" | "personnel" | "people"));
    if !head || !singular || ts.get(j).is_none_or(|t| t.l != "and") {
        return false;
    }
    let end = (j + 9).min(ts.len());
    (j + 1..end)
        .find(|&k| {
            matches!(ts[k].s, "." | ";" | ",")
                || ts[k].l == "were"
                || outcome_at(hits, &ts[k]).is_some()
        })
        .is_some_and(|k| {
            (ts[k].l == "were" && ts.get(k + 1).and_then(|x| outcome_at(hits, x)).is_some())
                || (ts[k].l == "died" && outcome_at(hits, &ts[k]).is_some())
        })
}

/// "the kidnapped informant and six of his family members", "the elder and
/// two of his sons": a singular person named before a count of his own kin
/// is one more person in the list.
fn first_of_kin_list(ts: &[Tok<'_>], i: usize) -> bool {
    let (_, j, _, head) = noun_phrase(ts, i + 1);
    let head_word = ts.get(j.wrapping_sub(1)).map_or("", |t| t.l);
    let num = |k: usize| {
        ts.get(k).is_some_and(|t| {
            t.s.as_bytes()[0].is_ascii_digit() || sitrep_text::numbers::word_value(t.s).is_some()
        })
    };
    head && !head_word.ends_with('s')
        && !matches!(head_word, "police" | "personnel" | "people" | "family")
        && ts.get(j).is_some_and(|t| t.l == "and")
        && num(j + 1)
        && ts.get(j + 2).is_some_and(|t| t.l == "of")
        && ts
            .get(j + 3)
            .is_some_and(|t| matches!(t.l, "his" | "her" | "their"))
}

/// A month name or its abbreviation ("March", "Oct", "Sept").
fn is_month(w: &str) -> bool {
    matches!(
        lower(w.trim_end_matches('.')).as_str(),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    ) && w.as_bytes()[0].is_ascii_uppercase()
}

/// A lower-case content word that may modify a following person noun (not a
/// verb form, not a function word).
fn plain_word(w: &str) -> bool {
    let lw = lower(w);
    w.len() > 2
        && w.bytes().all(|c| c.is_ascii_lowercase() || c == b'-')
        && !lw.ends_with("ing")
        && !lw.ends_with("ed")
        && !AUX.contains(&lw.as_str())
        && !CHAIN.contains(&lw.as_str())
        && !matches!(
            lw.as_str(),
            "for"
                | "from"
                | "with"
                | "into"
                | "onto"
                | "near"
                | "after"
                | "before"
                | "when"
                | "while"
                | "where"
                | "which"
                | "during"
                | "inside"
                | "outside"
                | "under"
                | "over"
                | "across"
                | "along"
                | "against"
                | "between"
                | "among"
                | "through"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "them"
                | "they"
                | "him"
        )
}

/// Whether `ts[i]` opens a bare singular person noun phrase that counts
/// one person in a headline: at the start of the sentence (or after a
/// colon) or as a member of a list after a count ("Six militants, soldier
/// killed"), and right before a passive outcome ("Civilian killed", "Elderly
/// man dies"), before "among" ("Police official among three killed"), or
/// before a comma that opens a list ending in one ("Pakistani soldier,
/// civilian killed"). An outcome with an object after it is the noun's own
/// deed ("Gunman killed three people"), not its fate.
fn bare_headline_noun(ts: &[Tok<'_>], hits: &[LexHit], quants: &[Quant], i: usize) -> bool {
    let t = &ts[i];
    // ("5-year-old girl killed": an age opens the phrase)
    let age = t.l.contains("-year");
    if quants.iter().any(|q| q.0 <= i && i < q.0 + q.4.max(1))
        || !(t.s.as_bytes()[0].is_ascii_alphabetic() || age)
        || matches!(t.l, "a" | "an" | "the" | "one" | "another")
    {
        return false;
    }
    // (after a wire's update number, "UPDATE 2-Policeman shot dead", or
    // one capitalised word, "Pakistani journalist shot dead")
    let start = i == 0
        || ts[i - 1].s == ":"
        || (i == 1
            && ts[0].s.as_bytes()[0].is_ascii_uppercase()
            && !matches!(ts[0].l, "the" | "a" | "an" | "one" | "another")
            && !quants.iter().any(|q| q.0 == 0)
            && !noun_phrase(ts, 0).3)
        || (i == 2 && ts[0].l == "update" && ts[1].s.bytes().all(|c| c.is_ascii_digit()));
    let in_list = i > 1
        && matches!(ts[i - 1].l, "," | "and")
        && quants
            .iter()
            .any(|q| q.0 < i && noun_phrase(ts, q.0 + q.4).1 + 1 == i);
    if !start && !in_list {
        return false;
    }
    let (_, j, _, head) = noun_phrase(ts, i);
    if !head || j == 0 || j > i + 4 {
        return false;
    }
    let hw = ts[j - 1].l;
    if hw.ends_with('s')
        || matches!(
            hw,
            "police" | "personnel" | "people" | "army" | "military" | "family" | "security"
        )
    {
        return false;
    }
    // a passive or intransitive outcome word, with no object after it
    let fate = |k: usize| {
        ts.get(k).is_some_and(|x| {
            outcome_at(hits, x).is_some()
                && (x.l.ends_with("ed")
                    || matches!(x.l, "dead" | "died" | "dies" | "die" | "slain" | "hurt")
                    // "shot dead", "gunned down"
                    || (x.l == "shot" && ts.get(k + 1).is_some_and(|y| y.l == "dead")))
                && ts
                    .get(k + 1 + usize::from(x.l == "shot" || x.l == "gunned"))
                    .is_none_or(|y| {
                        !quants.iter().any(|q| q.0 == k + 1)
                            && pside(y.s).is_none()
                            && !matches!(
                                y.l,
                                "a" | "an" | "the" | "his" | "her" | "their" | "him" | "them"
                            )
                    })
        })
    };
    match ts.get(j).map(|x| x.l) {
        Some("among") => true,
        // "Prosecutor in bomb case shot dead": a short place or case
        // phrase between the noun and its fate
        Some("in" | "of" | "from") if start => (j + 2..(j + 6).min(ts.len())).any(|k| {
            fate(k)
                && ts[j + 1..k].iter().all(|x| {
                    x.s.as_bytes()[0].is_ascii_alphanumeric() && outcome_at(hits, x).is_none()
                })
        }),
        Some(",") if start => {
            // "Pakistani soldier, civilian killed": the list goes on to a
            // person noun right before the outcome
            let mut k = j + 1;
            while k < ts.len() && k < j + 8 && ts[k].s.as_bytes()[0].is_ascii_alphanumeric() {
                if fate(k) {
                    return pside(ts[k - 1].s).is_some();
                }
                k += 1;
            }
            false
        }
        Some(_) => fate(j),
        None => false,
    }
}

/// The side of the subject of a singular passive outcome at `ts[k]` ("the
/// driver was killed"): the last person noun in the eight tokens before it,
/// but not the agent of a participle or relative clause told between them
/// ("the mayor, who was kidnapped by rebels, was found dead": the mayor,
/// not the rebels).
fn passive_subject_side(ts: &[Tok<'_>], k: usize) -> Side {
    let from = k.saturating_sub(8);
    let side_in = |w: &[Tok<'_>]| w.iter().rev().find_map(|x| pside(x.s));
    // the clause may be long: "X, WHO WAS KIDNAPPED ON 5 JANUARY,
    // APPARENTLY BY ARMY OF NATIONAL LIBERATION (ELN) GUERRILLAS, WAS FOUND"
    let reach = k.saturating_sub(16);
    let cut = ts[reach..k]
        .iter()
        .rposition(|x| matches!(x.l, "by" | "who" | "whom" | "." | ";"))
        .map(|c| reach + c)
        .filter(|&c| !matches!(ts[c].l, "." | ";"));
    match cut {
        Some(c) if ts[c].l == "by" => side_in(&ts[from.min(c)..c]),
        Some(c) => side_in(&ts[c.saturating_sub(3)..c]),
        None => side_in(&ts[from..k]),
    }
    .unwrap_or(Side::Unknown)
}

/// The body of one person found killed: a body marked by the killing
/// ("bullet-riddled", "bullet-ridden", "mutilated", "decapitated") of a
/// singular person ("the bullet-riddled body of a shopkeeper") or after
/// "his"/"her" ("his bullet-riddled body was recovered"). A body alone
/// ("his body was found") says nothing of how he died.
fn riddled_body(ts: &[Tok<'_>], hits: &[LexHit]) -> Option<Count> {
    let marked = |l: &str| {
        matches!(
            l,
            "bullet-riddled"
                | "bullet-ridden"
                | "bullet-hit"
                | "bullet-pierced"
                | "mutilated"
                | "decapitated"
                | "beheaded"
                | "headless"
                | "tortured"
        )
    };
    let k = ts
        .iter()
        .enumerate()
        .position(|(k, t)| matches!(t.l, "body" | "corpse") && k > 0 && marked(ts[k - 1].l))?;
    let m = k - 1;
    // "his bullet-riddled body"
    if m > 0 && matches!(ts[m - 1].l, "his" | "her") {
        return Some(Count {
            outcome: Outcome::Killed,
            side: Side::Unknown,
            low: Some(1),
            best: 1,
            high: Some(1),
            span: Span::new(ts[m - 1].start, ts[k].end),
            included: false,
            additive: false,
        });
    }
    // "the bullet-riddled body of a shopkeeper"
    if ts.get(k + 1).is_some_and(|t| t.l == "of")
        && ts
            .get(k + 2)
            .is_some_and(|t| matches!(t.l, "a" | "an" | "the"))
    {
        let (side, j, end, head) = noun_phrase(ts, k + 3);
        let head_word = ts.get(j.wrapping_sub(1)).map_or("", |t| t.l);
        if head && !head_word.ends_with('s') && outcome_at(hits, &ts[k + 2]).is_none() {
            return Some(Count {
                outcome: Outcome::Killed,
                side,
                low: Some(1),
                best: 1,
                high: Some(1),
                span: Span::new(ts[m].start, end.unwrap_or(ts[k].end)),
                included: false,
                additive: false,
            });
        }
    }
    None
}

/// Words of time after "the" ("killed the next day", "died the same
/// night"): no object of a verb.
fn is_time_word(l: &str) -> bool {
    matches!(
        l,
        "day"
            | "days"
            | "next"
            | "same"
            | "following"
            | "previous"
            | "night"
            | "morning"
            | "afternoon"
            | "evening"
            | "week"
            | "weekend"
            | "month"
            | "year"
            | "other"
            | "first"
            | "second"
            | "last"
    ) || is_month(l)
}

/// A number found in a sentence: (token index, best, low, high, tokens used,
/// bare article like "a" standing for one person).
type Quant = (usize, u32, Option<u32>, Option<u32>, usize, bool);

/// All counts of people in the sentence `sent` (article offsets `base`),
/// given the lexicon hits inside it.
pub fn counts(sent: &str, base: usize, hits: &[LexHit]) -> Vec<Count> {
    // (no outcome word: `may_count` reads the lower-case sentence alone, the
    // same before the numbers are joined, as none of its phrases has a space
    // after a "-ty" word; most sentences end here, before the copies below)
    if !hits.iter().any(|h| matches!(h.hit, Hit::Outcome(_)))
        && !may_count(&sent.to_ascii_lowercase(), hits)
    {
        return Vec::new();
    }
    // "twenty four" reads as "twenty-four" (same bytes, same offsets)
    let joined = join_compound_numbers(sent);
    let sent: &str = &joined;
    let low = sent.to_ascii_lowercase();
    if !may_count(&low, hits) || cumulative_toll(&low) {
        return Vec::new();
    }
    // an all-capitals sentence (MUC wires, headlines in capitals) says
    // nothing through letter case: read it in lower case
    let (upper, lowers) = sent.bytes().fold((0usize, 0usize), |(u, l), c| {
        (
            u + usize::from(c.is_ascii_uppercase()),
            l + usize::from(c.is_ascii_lowercase()),
        )
    });
    let shouting = upper > 8 && lowers * 10 < upper;
    let mut ts = toks(if shouting { &low } else { sent }, &low, base);
    // "threatened to kill two hostages", "vowed to kill ten soldiers",
    // "plotted to kidnap him": an infinitive tells an intent, no outcome
    // (an attempt, "tried to kill", is an attack and keeps its words; an
    // order, "gave the order to assassinate six priests", is told of a
    // killing done)
    let intent = |h: &LexHit| {
        matches!(h.hit, Hit::Outcome(_))
            && ts.iter().position(|t| t.start == h.start).is_some_and(|k| {
                // (not "said to kill 60", "claim to kill two": a report)
                k > 1
                    && ts[k - 1].l == "to"
                    && [
                        "threat", "vow", "plan", "plot", "want", "intend", "seek", "sought",
                        "promis", "pledg", "conspir", "aim", "prepar", "hop", "wish",
                    ]
                    .iter()
                    .any(|v| ts[k - 2].l.starts_with(v))
                    && matches!(
                        ts[k].l,
                        "kill"
                            | "murder"
                            | "kidnap"
                            | "abduct"
                            | "assassinate"
                            | "execute"
                            | "behead"
                            | "wound"
                            | "injure"
                            | "massacre"
                            | "eliminate"
                    )
            })
    };
    let no_intent: Option<Vec<LexHit>> = hits
        .iter()
        .any(intent)
        .then(|| hits.iter().filter(|h| !intent(h)).copied().collect());
    let hits: &[LexHit] = no_intent.as_deref().unwrap_or(hits);
    let extra = extra_outcomes(&ts, hits);
    let hits: &[LexHit] = extra.as_deref().unwrap_or(hits);
    // a headline in title case ("Three Killed in Fresh Indian Firing"): its
    // outcome words are no names
    if !shouting && title_case(sent) {
        for t in ts.iter_mut() {
            if hits
                .iter()
                .any(|h| h.start == t.start && matches!(h.hit, Hit::Outcome(_)))
            {
                t.s = t.l;
            }
        }
    }
    let mut quants: Vec<Quant> = Vec::new();
    // end of the last age read ("aged nine and eleven")
    let mut age_end: Option<usize> = None;
    for q in find_quantities(sent) {
        let s = base + q.span.start;
        let e = base + q.span.end;
        if let Some(i) = ts.iter().position(|t| t.start == s) {
            let n = ts[i..].iter().take_while(|t| t.end <= e).count().max(1);
            // "at 0630", "around 1600": clock times
            let w = ts[i + n - 1].s;
            let clock = w.len() == 4
                && w.bytes().all(|c| c.is_ascii_digit())
                && i > 0
                && matches!(
                    ts[i - 1].l,
                    "at" | "around" | "about" | "by" | "until" | "till" | "since" | "approximately"
                );
            // "between 0200 and 0300": a 24-hour time written with its
            // leading zero is never a head count
            let zero_clock =
                w.len() == 4 && w.starts_with('0') && w.bytes().all(|c| c.is_ascii_digit());
            // "neighbourhood no 15-36", "house number 12": an address
            let address = i > 0
                && matches!(ts[i - 1].l, "no" | "number" | "nos")
                && w.bytes().all(|c| c.is_ascii_digit() || c == b'-')
                && w.len() > 1;
            if clock
                || zero_clock
                || address
                || (w.len() == 4
                    && w.bytes().all(|c| c.is_ascii_digit())
                    && ts.get(i + n).is_some_and(|t| {
                        matches!(
                            t.l,
                            "hours" | "hrs" | "hrs." | "gmt" | "ist" | "pst" | "local"
                        )
                    }))
            {
                continue;
            }
            // "on March 15", "Oct. 19": a day of the month
            let month = |t: &Tok<'_>| {
                is_month(t.s)
                    || (shouting && t.l != "may" && {
                        let mut buf = [0u8; 10];
                        let w = t.s.as_bytes();
                        w.len() <= buf.len() && {
                            buf[..w.len()].copy_from_slice(w);
                            buf[0] = buf[0].to_ascii_uppercase();
                            std::str::from_utf8(&buf[..w.len()]).is_ok_and(is_month)
                        }
                    })
            };
            if i > 0 && month(&ts[i - 1]) {
                continue;
            }
            // "SAN MIGUEL, 9 MAR --", "on 15 March": a day before its month
            if ts.get(i + n).is_some_and(|t| month(t) && t.l != "may") {
                continue;
            }
            // "a jawan of 24 AR", "a havildar of 9 Rajput Rifles": a unit
            if i > 1
                && ts[i - 1].l == "of"
                && pside(ts[i - 2].s).is_some()
                && !ts[i - 2].l.ends_with('s')
                && ts[i..i + n]
                    .iter()
                    .all(|t| t.s.as_bytes()[0].is_ascii_digit())
                && ts
                    .get(i + n)
                    .is_some_and(|t| t.s.as_bytes()[0].is_ascii_uppercase() || is_unit_word(t.s))
            {
                continue;
            }
            // "the Tk 20,000 toll", "Rs 5 lakh": money
            let money_before = i > 0
                && matches!(
                    ts[i - 1].l,
                    "tk" | "rs" | "inr" | "usd" | "pkr" | "taka" | "rupees" | "$" | "us$"
                );
            let money_after = ts.get(i + n).is_some_and(|t| {
                matches!(
                    t.l,
                    "taka" | "rupees" | "dollars" | "lakh" | "crore" | "euros" | "afghanis"
                )
            });
            if money_before || money_after {
                continue;
            }
            // "no one was hurt": not one person
            // ("no 1 was injured": a list that writes every number in digits)
            if i > 0
                && (ts[i].s.eq_ignore_ascii_case("one") || ts[i].s == "1")
                && ts[i - 1].s.eq_ignore_ascii_case("no")
            {
                continue;
            }
            // "a 41 year old teacher", "a 52-year-old", "aged nine and eleven",
            // "Rahim Gul (22)": ages, not counts
            if is_age(&ts, i, n, age_end) {
                age_end = Some(i + n);
                continue;
            }
            // "approximately 50 km west of", "some 200 meters from", "3 hours
            // later", "80 percent": a measure, not a head count
            if ts.get(i + n).is_some_and(|t| is_measure_word(t.l)) {
                continue;
            }
            // "militants deny 30 killed", "the army denied that 12 were
            // killed": a figure denied is no count
            if ts[i.saturating_sub(3)..i]
                .iter()
                .any(|t| matches!(t.l, "deny" | "denies" | "denied" | "denying"))
            {
                continue;
            }
            // "no" alone is a count only before a person noun
            quants.push((i, q.best, q.low, q.high, n, false));
        }
    }
    // singular "a/an" before a person noun
    for (i, t) in ts.iter().enumerate() {
        let w = t.l;
        let possessive =
            matches!(w, "his" | "her" | "their") && i > 0 && matches!(ts[i - 1].s, "and" | ",");
        let definite = (w == "the"
            && i > 0
            && (outcome_at(hits, &ts[i - 1]).is_some_and(|(o, _)| o == Outcome::Killed)
                // "shot to death the secretary"
                || (ts[i - 1].l == "death"
                    && hits.iter().any(|h| {
                        matches!(h.hit, Hit::Outcome(Outcome::Killed)) && h.end == ts[i - 1].end
                    })))
            && ts
                .get(i + 1)
                .is_some_and(|t| pside(t.s).is_some() && !t.s.ends_with('s')))
            || (w == "the" && first_of_kin_list(&ts, i));
        // "shot dead Qasim Jan", "killing district councillor Abdul Baig",
        // "killing him": a name, a singular person noun or a pronoun right
        // after an active killing or abducting verb is one person
        if i > 0
            && !quants.iter().any(|q| q.0 == i)
            && (active_verb_before(hits, &ts, i) || nominal_act_of(hits, &ts, i))
        {
            let (_, j, _, head) = noun_phrase(&ts, i);
            let head_word = ts.get(j.wrapping_sub(1)).map_or("", |t| t.s);
            let singular_head = head
                && !head_word.ends_with('s')
                && !matches!(lower(head_word).as_str(), "police" | "personnel" | "people");
            // "kidnapped Shahid Khan, an official of …": the name is counted
            // through its apposition
            let caps_title = t.s.len() <= 4
                && t.s.bytes().all(|c| c.is_ascii_uppercase())
                && ts.get(i + 1).is_some_and(|x| is_name_word(x.s));
            let name = !head && (is_name_word(t.s) || caps_title) && {
                let mut e = i + 1;
                while ts.get(e).is_some_and(|x| is_name_word(x.s)) {
                    e += 1;
                }
                !(ts.get(e).is_some_and(|x| x.s == ",")
                    && ts
                        .get(e + 1)
                        .is_some_and(|x| matches!(x.l, "a" | "an" | "the" | "his" | "her")))
            };
            let pronoun = matches!(w, "him" | "her");
            if singular_head || name || pronoun {
                quants.push((i, 1, Some(1), Some(1), 1, !singular_head));
                continue;
            }
            // "kidnapped three farmers and killed them": as many as counted before
            if w == "them"
                && ts
                    .get(i + 1)
                    .is_none_or(|x| !x.s.eq_ignore_ascii_case("both"))
            {
                if let Some(&(_, b, l, h, _, _)) = quants
                    .iter()
                    .filter(|q| q.0 < i && q.1 > 0 && !q.5)
                    .max_by_key(|q| q.0)
                {
                    quants.push((i, b, l, h, 1, true));
                    continue;
                }
            }
        }
        // headlines: "Civilian killed, two injured in shelling", "Six
        // militants, soldier killed in clashes", "Police official among
        // three killed": a bare singular person noun is one person
        if bare_headline_noun(&ts, hits, &quants, i) {
            quants.push((i, 1, Some(1), Some(1), 0, false));
            continue;
        }
        // "killing both", "both were killed", "killing them both": two people
        // "his wife and daughter", "his son and mother-in-law": a bare
        // singular person noun joined to a person noun is one more person
        if i > 1
            && ts[i - 1].l == "and"
            && pside(ts[i - 2].s).is_some()
            && pside(t.s).is_some()
            && !t.l.ends_with('s')
            && !matches!(t.l, "police" | "personnel" | "army" | "forces" | "family")
            && !quants.iter().any(|q| q.0 == i)
        {
            quants.push((i, 1, Some(1), Some(1), 1, true));
            continue;
        }
        if w == "both" && !quants.iter().any(|q| q.0 == i) {
            let after_outcome = i > 0
                && (outcome_at(hits, &ts[i - 1]).is_some()
                    || (i > 1
                        && ts[i - 1].s.eq_ignore_ascii_case("them")
                        && outcome_at(hits, &ts[i - 2]).is_some()));
            let next = ts.get(i + 1).map(|t| t.l).unwrap_or_default();
            let before_outcome = matches!(next, "were" | "of" | "died")
                || ts.get(i + 1).is_some_and(|t| outcome_at(hits, t).is_some());
            if (after_outcome
                && (next.is_empty() || matches!(next, "." | "," | "and" | "of" | "on" | "in")))
                || (before_outcome && i > 0 && matches!(ts[i - 1].l, "," | "." | "and"))
            {
                quants.push((i, 2, Some(2), Some(2), 1, false));
            }
            continue;
        }
        // "killing three officials and injuring another": one more person
        if w == "another"
            && i > 0
            && outcome_at(hits, &ts[i - 1]).is_some()
            && ts
                .get(i + 1)
                .is_none_or(|t| matches!(t.l, "." | "," | ";" | "and" | "in" | "on"))
            && !quants.iter().any(|q| q.0 == i)
        {
            quants.push((i, 1, Some(1), Some(1), 1, false));
            continue;
        }
        // "a driver and another person died": one more person in a list
        if w == "another"
            && i > 0
            && ts[i - 1].l == "and"
            && ts
                .get(i + 1)
                .is_some_and(|t| pside(t.s).is_some() && !t.l.ends_with('s'))
            && !quants.iter().any(|q| q.0 == i)
        {
            quants.push((i, 1, Some(1), Some(1), 1, false));
            continue;
        }
        // "leaving the truck driver dead", "left his wife dead": the person
        // an act leaves dead (an article or possessive, a person noun, then
        // "dead")
        if i > 0
            && matches!(ts[i - 1].l, "leaving" | "left" | "leave" | "leaves")
            && matches!(w, "a" | "an" | "the" | "his" | "her" | "their")
            && !quants.iter().any(|q| q.0 == i)
        {
            let (_, j, _, head) = noun_phrase(&ts, i + 1);
            let head_word = ts.get(j.wrapping_sub(1)).map_or("", |t| t.l);
            if head && !head_word.ends_with('s') && ts.get(j).is_some_and(|t| t.l == "dead") {
                quants.push((i, 1, Some(1), Some(1), 1, false));
                continue;
            }
        }
        // "a couple" (not "a couple of"): two people
        if w == "a"
            && ts.get(i + 1).is_some_and(|t| t.l == "couple")
            && ts.get(i + 2).is_none_or(|t| t.l != "of")
            && !quants.iter().any(|q| q.0 == i)
        {
            quants.push((i, 2, Some(2), Some(2), 1, false));
            continue;
        }
        // "one of a family", "members of an extended family": not a count;
        // nor "an unknown number", "a number of"
        // "resulting in the death of a passer-by": the person the outcome
        // noun names, not a part of something
        let death_of = i >= 2
            && ts[i - 1].l == "of"
            && matches!(ts[i - 2].l, "death" | "deaths")
            && outcome_at(hits, &ts[i - 2]).is_some_and(|(o, _)| o == Outcome::Killed)
            // (not a death named as a grievance or an accident: "a protest
            // alleging negligence leading to the death of a man", "rioted
            // over a raid that resulted in the death of a villager")
            && !ts[..i - 2].iter().any(|t| {
                grievance_cue(t.l)
                    || t.l.starts_with("riot")
                    || t.l.starts_with("accident")
                    || t.l.starts_with("negligen")
                    || t.l.starts_with("alleg")
            });
        let after_of = (i > 0 && matches!(ts[i - 1].l, "of" | "from") && !death_of)
            || ts.get(i + 1).is_some_and(|t| {
                matches!(
                    t.l,
                    "unknown" | "unspecified" | "undisclosed" | "undetermined" | "number"
                )
            });
        if (w == "a"
            || w == "an"
            || possessive
            || definite
            || (w == "the" && first_of_subject_list(&ts, hits, i)))
            && !after_of
            && !quants.iter().any(|q| q.0 == i)
        {
            let (_, _, _, head) = noun_phrase(&ts, i + 1);
            let list_subject = first_of_subject_list(&ts, hits, i);
            let right_outcome = (2..=7).any(|k| {
                ts.get(i + k).and_then(|x| outcome_at(hits, x)).is_some()
                    && (matches!(ts[i + k - 1].l, "was" | "been" | "is")
                        // "was today killed"
                        || (k > 2
                            && matches!(ts[i + k - 1].l, "today" | "yesterday" | "tonight")
                            && matches!(ts[i + k - 2].l, "was" | "been" | "is")))
                    && !hits.iter().any(|h| {
                        matches!(h.hit, Hit::Trigger(_))
                            && h.start >= ts[i].end
                            && h.end <= ts[i + k - 1].start
                    })
            });
            // "kidnapped a professor", "shot dead a retired police officer":
            // the object of an active killing or abducting verb is a person
            let object_of_verb = (w == "a" || w == "an")
                && i > 0
                && (death_of
                    || outcome_at(hits, &ts[i - 1])
                        .is_some_and(|(o, _)| matches!(o, Outcome::Killed | Outcome::Abducted))
                    || active_verb_before(hits, &ts, i))
                && ts
                    .get(i + 1)
                    .is_some_and(|t| t.s.as_bytes()[0].is_ascii_alphabetic());
            // ", his elder brother, Malik …" is an apposition; ", his son and
            // his nephew" a list
            let appositive = possessive
                && ts[i - 1].s == ","
                && noun_phrase(&ts, i + 1).1 < ts.len()
                && ts[noun_phrase(&ts, i + 1).1].s != "and";
            if (head || right_outcome || object_of_verb || list_subject)
                && !appositive
                && !force_as_modifier(&ts, i)
            {
                quants.push((i, 1, Some(1), Some(1), 1, !head));
            }
        }
    }
    quants.sort_by_key(|q| q.0);
    // "40 people, six soldiers and 34 civilians, were killed": a list in
    // apposition breaks the total down (owner, first and last member,
    // token after the closing comma)
    let appos = appositive_lists(&ts, &quants);
    let mut out: Vec<Option<Count>> = vec![None; quants.len()];
    // counts of people whose outcome was not found: (side, span, included,
    // index after the noun phrase), for the list pass below
    let mut pending: Vec<Option<(Side, Span, bool, usize)>> = vec![None; quants.len()];
    // per count, the token index right after its noun phrase
    let mut jend: Vec<usize> = vec![usize::MAX; quants.len()];
    // right to left, so a list shares the outcome of its last member
    for qi in (0..quants.len()).rev() {
        let (i, best, low, high, n, article) = quants[qi];
        let w0 = ts[i].l;
        let (side, mut j, mut head_end, mut head) = noun_phrase(&ts, i + n);
        // "three alleged looters were beaten to death": an unlisted plural
        // noun is people when a passive outcome follows it
        if !head && !article && w0 != "no" {
            // "one government loyalist was killed": a plain word before it
            if ts.get(j).is_some_and(|t| plain_word(t.s))
                && ts.get(j + 1).is_some_and(|t| plain_word(t.s))
                && ts
                    .get(j + 2)
                    .is_some_and(|x| matches!(x.l, "was" | "were" | "are" | "is"))
            {
                j += 1;
            }
            if let Some(t) = ts.get(j) {
                let plural = t.s.len() > 3
                    && (t.s.ends_with('s') || (best == 1 && w0 == "one"))
                    && t.s.bytes().all(|c| c.is_ascii_alphabetic());
                let passive = ts.get(j + 1).is_some_and(|x| {
                    ["were", "have", "had", "are", "was"]
                        .iter()
                        .any(|a| x.s.eq_ignore_ascii_case(a))
                }) && (ts.get(j + 2).is_some_and(|x| outcome_at(hits, x).is_some())
                    || (ts
                        .get(j + 2)
                        .is_some_and(|x| x.s.eq_ignore_ascii_case("been"))
                        && ts.get(j + 3).is_some_and(|x| outcome_at(hits, x).is_some())));
                if plural && passive {
                    head = true;
                    head_end = Some(t.end);
                    j += 1;
                }
            }
        }
        if w0 == "no" && !head {
            continue;
        }
        if article {
            // "a deputy district commissioner had been abducted": skip the
            // unknown nouns up to the verb
            while j < ts.len()
                && j < i + 5
                && outcome_at(hits, &ts[j]).is_none()
                && !AUX.contains(&ts[j].l)
            {
                j += 1;
            }
        }
        // "12 Assam Rifles", "one JCO of 24 Rajputana Rifles": a unit
        if !head
            && !article
            && (ts[i + n..(j + 1).min(ts.len())]
                .iter()
                .any(|t| is_unit_word(t.s))
                // "three 303 rifles": a number right after a number
                || ts.get(j).is_some_and(|t| j == i + n && t.s.as_bytes()[0].is_ascii_digit()))
        {
            continue;
        }
        // non-person noun right after the number: not a count of people
        if !head && !article {
            if let Some(t) = ts.get(j) {
                let is_outcome = outcome_at(hits, t).is_some();
                let lw = t.l;
                let aux = AUX.contains(&lw) || lw == "of";
                // "killing 18 and wounding 25", "killed eight in …": a bare
                // number right after an outcome verb counts people
                let rise = |x: &Tok<'_>| is_rise_verb(x.l);
                let bare_object = i > 0
                    && (outcome_at(hits, &ts[i - 1]).is_some()
                        || (i > 1
                            && matches!(ts[i - 1].l, "another" | "other" | "all")
                            && outcome_at(hits, &ts[i - 2]).is_some())
                        || rise(&ts[i - 1])
                        || (i > 1 && ts[i - 1].l == "to" && rise(&ts[i - 2])))
                    && matches!(
                        lw,
                        "and"
                            | "or"
                            | "in"
                            | "on"
                            | "at"
                            | "near"
                            | "while"
                            | "when"
                            | "as"
                            | "during"
                            | "after"
                            // "killing 9 before committing suicide"
                            | "before"
                            | "including"
                            | "inside"
                            | "outside"
                            // "police kill 6 linked to the bombing"
                            | "linked"
                            | "involved"
                            | "accused"
                            | "believed"
                            | "who"
                            // "…, seriously wounding one."
                            | "."
                            | ","
                            | ";"
                    );
                // "a mob killed two extortionists": the plural object of an
                // active killing verb is people
                let plural = |x: &Tok<'_>| {
                    x.s.len() > 3
                        && x.s.ends_with('s')
                        && !x.s.ends_with("ss")
                        && x.s.bytes().all(|c| c.is_ascii_lowercase())
                };
                // "two cattle lifters": one plain word before the noun
                let obj = if plural(t) {
                    Some(j)
                } else if plain_word(t.s) && ts.get(j + 1).is_some_and(plural) {
                    Some(j + 1)
                } else {
                    None
                };
                let plural_object = i > 0 && active_verb_before(hits, &ts, i) && obj.is_some();
                // "over 100 more including 35 children injured"
                let more_including = lw == "including" && j > 0 && ts[j - 1].l == "more";
                if let (true, Some(o)) = (plural_object, obj) {
                    head = true;
                    head_end = Some(ts[o].end);
                    j = o + 1;
                } else if !is_outcome
                    && !aux
                    && !bare_object
                    && !more_including
                    && t.s.len() > 1
                    && t.s.as_bytes()[0].is_ascii_alphabetic()
                {
                    continue;
                }
            }
        }
        // "including two civilians", "including Malik Andaz and his nephew":
        // an inclusion word earlier in the same comma-free stretch
        let mut included = i >= 1 && {
            let mut inc = false;
            for t in ts[i.saturating_sub(8)..i].iter().rev() {
                // "… including ten soldiers and another 27 people": "another"
                // starts a count of its own
                if matches!(t.s, "," | "." | ";" | ":")
                    || t.l == "another"
                    || hits.iter().any(|h| h.start == t.start)
                {
                    break;
                }
                if matches!(
                    t.l,
                    "including" | "includes" | "include" | "among" | "included"
                ) {
                    // "two policemen were among seven people killed": the
                    // count right after "among" is the total, not a part
                    inc = t.l != "among"
                        || ts
                            .iter()
                            .position(|x| x.start == t.start)
                            .and_then(|a| among_total(&ts, hits, &quants, a))
                            .is_none();
                    break;
                }
            }
            inc
        };
        // "one JCO of 12 Assam Rifles died": an unlisted noun before an
        // of-phrase is read like a person noun
        let named = !head && !article && j > i + n;
        // "two of them", "six of his family members": the of-phrase names
        // the people
        let mut side = side;
        if !head && !named && ts.get(j).is_some_and(|t| t.l == "of") {
            let mut d = j + 1;
            if ts
                .get(d)
                .is_some_and(|t| matches!(t.l, "the" | "his" | "her" | "their" | "its"))
            {
                d += 1;
            }
            let (s2, j2, e2, h2) = noun_phrase(&ts, d);
            if h2 && d < j2 {
                side = s2;
                head_end = e2;
                j = j2;
            } else {
                j += 2;
            }
        }
        jend[qi] = j;
        // right context
        let mut outcome = None;
        let mut end = head_end.unwrap_or_else(|| ts[(i + n).saturating_sub(1)].end);
        let mut k = j;
        let mut steps = 0;
        while k < ts.len() && steps < 8 {
            let t = &ts[k];
            // "a Dutch national were killed": one plain noun after the
            // person word, right before the passive
            if k == j
                && head
                && plain_word(t.s)
                && ts.get(k + 1).is_some_and(|x| matches!(x.l, "was" | "were"))
                && ts.get(k + 2).is_some_and(|x| outcome_at(hits, x).is_some())
            {
                k += 1;
                steps += 1;
                continue;
            }
            // skip the breakdown in apposition up to the verb
            if k == j {
                if let Some(a) = appos.iter().find(|a| a.0 == qi) {
                    k = a.3;
                    steps += 1;
                    continue;
                }
            }
            // "22 others (four of them civilians) were wounded": skip the
            // brackets
            if t.s == "(" && head {
                if let Some(c) = (k + 1..(k + 14).min(ts.len())).find(|&c| ts[c].s == ")") {
                    if ts[k + 1..c].iter().all(|x| !matches!(x.s, "(" | "." | ";")) {
                        k = c + 1;
                        steps += 1;
                        continue;
                    }
                }
            }
            if let Some((o, e)) = outcome_at(hits, t) {
                // "…, wounding 13": an active participle governs what follows;
                // "nine militants abducted four labourers": a verb right after
                // the subject with its own object is active, the subject acts
                let after = ts.iter().position(|x| x.start >= e);
                // "a man stabbed three commuters to death": the object sits
                // inside a split outcome ("stabbed … to death")
                let inner = (ts
                    .get(k + 1)
                    .is_some_and(|x| x.end < e && !matches!(x.l, "to" | "dead" | "and" | "down"))
                    && sent
                        .get(..e - base)
                        .is_some_and(|p| p.ends_with("death") || p.ends_with("dead")))
                .then_some(k + 1);
                let object = k == j
                    && after.into_iter().chain(inner).any(|a| {
                        quants.iter().any(|q| {
                            q.0 == a
                                // "1 policeman killed 5 injured": a list of results
                                && ts
                                    .get(a + q.4)
                                    .is_none_or(|x| outcome_at(hits, x).is_none())
                        }) || pside(ts[a].s).is_some()
                            || is_name_word(ts[a].s)
                            || matches!(ts[a].l, "a" | "an" | "his" | "their")
                            // "ten armed men shot to death the secretary"
                            // (not "killed the next day")
                            || (ts[a].l == "the"
                                && ts.get(a + 1).is_some_and(|x| {
                                    x.s.as_bytes()[0].is_ascii_alphabetic()
                                        && !is_time_word(x.l)
                                }))
                    });
                if !t.l.ends_with("ing") && !object {
                    outcome = Some(o);
                    end = e;
                }
                break;
            }
            let lw = t.l;
            // "shot dead a commander and his guard and wounded three others":
            // an outcome after "and" right after the phrase is not its verb
            if lw == "and" && k == j && ts.get(k + 1).is_some_and(|x| outcome_at(hits, x).is_some())
            {
                break;
            }
            // "two militants, Karim and Yusuf Daud, were killed", "three
            // soldiers — A, B and C — were killed": the names of those
            // counted in apposition are no more people
            if head && (lw == "," || k == j) {
                let from = if lw == "," { k + 1 } else { k };
                if let Some(m) = apposed_names(&ts, hits, from) {
                    let closed = if lw == "," {
                        ts.get(m).is_some_and(|x| x.s == ",")
                    } else {
                        ts.get(m)
                            .is_some_and(|x| outcome_at(hits, x).is_some() || AUX.contains(&x.l))
                    };
                    if closed {
                        k = if lw == "," { m + 1 } else { m };
                        steps += 1;
                        continue;
                    }
                }
            }
            // "his helper, Nur Islam, 26, were killed": skip a name or an age
            // in apposition
            if lw == "," && head {
                let mut m = k + 1;
                while m < ts.len() && m < k + 6 && is_name_word(ts[m].s) {
                    m += 1;
                }
                let name = m > k + 1;
                if !name
                    && ts
                        .get(m)
                        .is_some_and(|x| x.s.len() <= 3 && x.s.bytes().all(|c| c.is_ascii_digit()))
                {
                    m += 1;
                }
                if m > k + 1 && ts.get(m).is_some_and(|x| x.s == ",") {
                    k = m;
                    steps += 1;
                    continue;
                }
            }
            // "two boys, aged nine and eleven, were killed": skip the ages
            if lw == "," && ts.get(k + 1).is_some_and(|x| x.l == "aged") {
                if let Some(m) = (k + 2..(k + 8).min(ts.len())).find(|&m| ts[m].s == ",") {
                    k = m + 1;
                    steps += 1;
                    continue;
                }
            }
            if lw == "," && ts.get(k + 1).is_some_and(|x| x.l == "including") {
                // skip the appositive ", including two civilians,"
                // (or up to the verb when the closing comma is missing:
                // ", including a captain sustained bullet injuries")
                // ", including Asif Ashraf, a candidate of the party, were
                // killed": up to the verb across the apposition's commas
                let verb = |x: &Tok<'_>| {
                    outcome_at(hits, x).is_some()
                        || matches!(
                            x.l,
                            "sustained" | "suffered" | "received" | "were" | "was" | "have" | "had"
                        )
                };
                let to_verb = (k + 2..(k + 30).min(ts.len()))
                    .take_while(|&m| !matches!(ts[m].s, "." | ";" | ":"))
                    .find(|&m| verb(&ts[m]));
                let mut m = k + 2;
                while m < ts.len() && ts[m].s != "," && ts[m].s != "." && !verb(&ts[m]) {
                    m += 1;
                }
                k = match to_verb {
                    Some(v) if ts.get(m).is_some_and(|x| x.s == ",") && v > m => v,
                    _ if ts.get(m).is_some_and(|x| x.s == ",") => m + 1,
                    _ => m,
                };
                steps += 1;
                continue;
            }
            // ", and his helper": the next member after a comma and "and"
            let nk = if lw == "," && ts.get(k + 1).is_some_and(|x| x.s == "and") {
                k + 2
            } else {
                k + 1
            };
            if (lw == "and" || lw == ",") && (head || article) && quants.iter().any(|q| q.0 == nk) {
                // "blasts kill one soldier, 3 injured": the object of the
                // verb before it takes that verb (the left context below)
                // (not a participle after a determiner: "the kidnapped
                // informant and six of his family were beheaded")
                if i > 1
                    && active_verb_before(hits, &ts, i)
                    && !matches!(ts[i - 2].l, "the" | "a" | "an" | "his" | "her" | "their")
                {
                    break;
                }
                // shares the outcome of the next count in the list
                if let Some(Some(next)) = quants
                    .iter()
                    .position(|q| q.0 == nk)
                    .map(|p| out[p].as_ref().map(|c| (c.outcome, c.span.end)))
                {
                    outcome = Some(next.0);
                    end = next.1;
                }
                break;
            }
            // "were targeted and killed", "was kidnapped and beheaded"
            if lw.ends_with("ed")
                && ts.get(k + 1).is_some_and(|x| x.l == "and")
                && ts.get(k + 2).is_some_and(|x| outcome_at(hits, x).is_some())
            {
                k += 2;
                steps += 1;
                continue;
            }
            // "50 others including 10 policemen were injured": skip the
            // unpunctuated inclusion up to the verb
            // "over 100 more including 35 children injured": or up to a
            // reduced passive
            // ("killed 18 people including …" is the object of its verb: no
            // passive further on is its outcome)
            let object_of_outcome = i > 0 && outcome_at(hits, &ts[i - 1]).is_some();
            if lw == "including" && (head || ts[k - 1].l == "more") && !object_of_outcome {
                if let Some(m) = (k + 1..(k + 16).min(ts.len())).find(|&m| {
                    matches!(ts[m].l, "was" | "were" | "have" | "had")
                        || (ts[m].l.ends_with("ed") && outcome_at(hits, &ts[m]).is_some())
                }) {
                    if ts[k + 1..m].iter().all(|x| {
                        x.s.as_bytes()[0].is_ascii_alphanumeric() || matches!(x.s, "(" | ")")
                    }) {
                        k = m;
                        steps += 1;
                        continue;
                    }
                }
            }
            // "were beaten and chopped to death", "were tortured and shot
            // dead": a participle joined to the outcome after an auxiliary
            if k > 0
                && matches!(ts[k - 1].l, "was" | "were" | "been")
                && (lw.ends_with("ed") || lw.ends_with("en"))
                && outcome_at(hits, &ts[k]).is_none()
                && ts.get(k + 1).is_some_and(|x| x.l == "and")
                && ts.get(k + 2).is_some_and(|x| outcome_at(hits, x).is_some())
            {
                k += 2;
                steps += 1;
                continue;
            }
            // "four US personnel were among the dead": a part of the dead
            if lw == "among" {
                if let Some((o, e)) =
                    among_outcome(&ts, hits, k).or_else(|| among_total(&ts, hits, &quants, k))
                {
                    outcome = Some(o);
                    end = e;
                    included = true;
                }
                break;
            }
            // "are suspected to have been killed": skip the infinitive
            if lw == "to"
                && ts
                    .get(k + 1)
                    .is_some_and(|x| matches!(x.l, "have" | "be" | "had"))
            {
                k += 1;
                steps += 1;
                continue;
            }
            // "five women in a village in Ramgarh were lynched": skip a place
            // phrase up to a passive outcome
            if head && matches!(lw, "in" | "at" | "near" | "inside" | "on") {
                let passive = (k + 1..(k + 12).min(ts.len())).find(|&m| {
                    matches!(ts[m].l, "was" | "were")
                        && (ts.get(m + 1).is_some_and(|x| outcome_at(hits, x).is_some())
                            || (ts.get(m + 1).is_some_and(|x| {
                                matches!(x.l, "allegedly" | "reportedly" | "also" | "later")
                            }) && ts.get(m + 2).is_some_and(|x| outcome_at(hits, x).is_some())))
                });
                if let Some(m) = passive {
                    // ("killed 2 women at the station and he was shot dead":
                    // a new subject starts a clause of its own)
                    let clean = ts[k + 1..m].iter().all(|x| {
                        x.s.as_bytes()[0].is_ascii_alphanumeric()
                            && outcome_at(hits, x).is_none()
                            && !matches!(x.l, "he" | "she" | "they" | "who" | "which")
                    }) && !quants.iter().any(|q| q.0 > k && q.0 < m);
                    if clean {
                        k = m;
                        steps += 1;
                        continue;
                    }
                }
            }
            // "three members of a family were killed", "two men from the
            // Hazara community were killed": skip a short of-phrase
            if (lw == "of" || lw == "from") && (head || named) {
                if let Some(m) = (k + 1..(k + 10).min(ts.len()))
                    .find(|&m| {
                        outcome_at(hits, &ts[m]).is_some()
                            || matches!(ts[m].l, "was" | "were" | "have" | "had" | "has")
                    })
                    // "shot dead an activist of a local unit and injured
                    // another": a coordinated verb is not the phrase's own
                    .filter(|&m| ts[m - 1].l != "and")
                {
                    // "two members of the Eastern Front (EF) were killed"
                    if ts[k + 1..m].iter().all(|x| {
                        x.s.as_bytes()[0].is_ascii_alphanumeric() || x.s == "(" || x.s == ")"
                    }) {
                        k = m;
                        steps += 1;
                        continue;
                    }
                }
            }
            // "… militants that troops said were killed": skip the reporting clause
            if matches!(lw, "that" | "who" | "which") {
                if let Some(off) = (1..=4).find(|o| {
                    ts.get(k + o).is_some_and(|x| {
                        matches!(
                            x.l,
                            "said" | "say" | "says" | "claimed" | "reported" | "confirmed"
                        )
                    })
                }) {
                    k += off + 1;
                    steps += 1;
                    continue;
                }
            }
            if lw == "," {
                let next = ts.get(k + 1).map(|x| x.l).unwrap_or_default();
                if !matches!(
                    next,
                    "who" | "all" | "reportedly" | "allegedly" | "mostly" | "both" | "were" | "was"
                ) {
                    break;
                }
            }
            if AUX.contains(&lw) || lw == "," {
                k += 1;
                steps += 1;
                continue;
            }
            // a reduced relative clause: "two policemen deployed for the
            // security of the complex were shot dead"
            if head && (lw.ends_with("ed") || lw.ends_with("ing")) {
                let stop =
                    (k + 1..(k + 10).min(ts.len())).find(|&m| matches!(ts[m].l, "was" | "were"));
                if let Some(m) = stop {
                    // ("40 personnel belonging to Central Reserve Police
                    // Force (CRPF) were killed": an acronym in brackets)
                    let clean = ts[k..m].iter().all(|x| {
                        !matches!(x.s, "," | "." | ";" | ":") && outcome_at(hits, x).is_none()
                    }) && !quants.iter().any(|q| q.0 > k && q.0 < m)
                        && ts[k..m].iter().enumerate().all(|(o, x)| {
                            x.s != "("
                                || (ts.get(k + o + 2).is_some_and(|c| c.s == ")")
                                    && ts[k + o + 1].s.bytes().all(|c| c.is_ascii_uppercase()))
                        });
                    if clean {
                        k = m;
                        steps += 1;
                        continue;
                    }
                }
            }
            break;
        }
        let mut start = ts[i].start;
        // "among the dead were two journalists", "the dead included two
        // journalists": a part of the dead
        if outcome.is_none() && i >= 2 {
            if let Some((o, at)) = outcome_before_inclusion(&ts, hits, i) {
                outcome = Some(o);
                start = at;
                included = true;
            }
        }
        // "were killed, along with the four attackers": more people with
        // the outcome of the clause before
        let mut along = false;
        if outcome.is_none() {
            if let Some((o, at)) = along_with_outcome(&ts, hits, i) {
                outcome = Some(o);
                start = at;
                along = true;
            }
        }
        // left context: the nearest outcome word across list material only
        // (not for a count that opens a definite phrase after a comma: "after
        // the assassination of Senator X, the 4,000 judges decided …" is a
        // subject of its own, no member of the list)
        let definite_after_comma = i >= 2 && ts[i - 1].l == "the" && ts[i - 2].s == ",";
        if outcome.is_none() && !definite_after_comma {
            let mut k = i;
            let mut steps = 0;
            let mut crossed_and = false;
            while k > 0 && steps < 12 {
                k -= 1;
                steps += 1;
                let t = &ts[k];
                if let Some((o, _)) = outcome_at(hits, t) {
                    // "38 victims died and over 650 people received burn
                    // injuries": an intransitive verb takes no object list
                    // nor a passive one: "two militants were killed and three
                    // army men, including a major, sustained injuries"
                    if crossed_and
                        && (matches!(t.l, "died" | "dead" | "succumbed" | "perished" | "martyred")
                            || (k > 0 && matches!(ts[k - 1].l, "was" | "were" | "been")))
                    {
                        break;
                    }
                    // "protested against the killing of two civilians": a
                    // killing named as a grievance is not counted here
                    let nominal = matches!(t.l, "killing" | "killings" | "murder" | "murders")
                        && k > 0
                        && matches!(ts[k - 1].l, "the" | "brutal" | "alleged" | "recent")
                        && ts[k.saturating_sub(6)..k].iter().any(|x| {
                            matches!(
                                x.l,
                                "against"
                                    | "condemn"
                                    | "condemning"
                                    | "condemned"
                                    | "protest"
                                    | "protesting"
                                    | "protested"
                                    | "over"
                                    | "demanding"
                                    | "retaliation"
                                    | "mourn"
                                    | "mourning"
                            )
                        });
                    if nominal {
                        break;
                    }
                    outcome = Some(o);
                    start = t.start;
                    break;
                }
                if t.l == "and" {
                    crossed_and = true;
                }
                // "shot dead": the outcome hit starts at "shot"
                if let Some(h) = hits.iter().find(|h| {
                    matches!(h.hit, Hit::Outcome(_)) && h.start < t.start && h.end >= t.end
                }) {
                    if let Hit::Outcome(o) = h.hit {
                        outcome = Some(o);
                        start = h.start;
                        break;
                    }
                }
                // "after the death of two civilians", "claims one death":
                // the singular noun before its of-phrase is the outcome
                // (not a grievance: "protested against the death of a
                // woman", "demanding action over the death of two people")
                if t.l == "death" && ts.get(k + 1).is_some_and(|x| x.l == "of") {
                    let grievance = ts[k.saturating_sub(8)..k].iter().any(|x| {
                        grievance_cue(x.l)
                            || matches!(x.l, "demanding" | "demanded" | "into" | "investigation")
                    });
                    if !grievance {
                        outcome = Some(Outcome::Killed);
                        start = t.start;
                    }
                    break;
                }
                let lw = t.l;
                let ok = CHAIN.contains(&lw)
                    || lw == ","
                    || pside(lw).is_some()
                    || is_noun_modifier(lw)
                    || t.s.as_bytes()[0].is_ascii_digit()
                    || quants.iter().any(|q| q.0 <= k && k < q.0 + q.4)
                    || (t.s.as_bytes()[0].is_ascii_uppercase() && k + 1 < i);
                if !ok {
                    break;
                }
            }
        }
        // "the number of people killed in the bombing rose to 27", "the
        // toll climbed to 40": the outcome stands earlier in the sentence
        if outcome.is_none() && !head && i > 0 {
            let mut p = i - 1;
            if ts[p].l == "to" && p > 0 {
                p -= 1;
            }
            if is_rise_verb(ts[p].l) {
                if let Some((o, _)) = ts[..p].iter().rev().find_map(|x| outcome_at(hits, x)) {
                    outcome = Some(o);
                }
            }
        }
        // "claimed 11 lives", "12 deaths": the noun is the outcome
        if outcome.is_none() && head {
            if let Some(h) = head_end {
                let noun = sent
                    .get(h - base - 5..h - base)
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if noun.ends_with("lives") || noun.ends_with("eaths") || noun.ends_with("odies") {
                    outcome = Some(Outcome::Killed);
                }
            }
        }
        let Some(outcome) = outcome else {
            if head || article {
                let sp = Span::new(ts[i].start, end.max(ts[i].end));
                pending[qi] = Some((side, sp, included, j));
            }
            continue;
        };
        // "35 soldiers killed, wounded", "ten killed or wounded": one figure
        // for the dead and the hurt together is no death count
        if outcome == Outcome::Killed && end > ts[i].end {
            // (the outcome word right after the noun, the hurt word with
            // no object of its own: not "gunned down a leader and injured
            // his two guards")
            if let Some(e) = ts.iter().position(|t| t.end == end) {
                let verb = e >= j && e <= j + 2 && outcome_at(hits, &ts[e]).is_some();
                let joint = ts
                    .get(e + 1)
                    .is_some_and(|t| matches!(t.l, "," | "or" | "and"));
                let hurt = ts.get(e + 2).is_some_and(|t| {
                    outcome_at(hits, t).is_some_and(|(o, _)| o == Outcome::Wounded)
                });
                let no_object = ts.get(e + 3).is_none_or(|t| {
                    matches!(
                        t.l,
                        "." | ","
                            | ";"
                            | ":"
                            | "in"
                            | "on"
                            | "at"
                            | "by"
                            | "during"
                            | "near"
                            | "as"
                    )
                });
                if verb && joint && hurt && no_object {
                    continue;
                }
            }
        }
        let head_word = ts.get(j.saturating_sub(1)).map(|t| t.l).unwrap_or_default();
        let additive = along
            || head && matches!(head_word, "others" | "more")
            || ts[i + n..j.min(ts.len())]
                .last()
                .is_some_and(|t| matches!(t.l, "other" | "others" | "more"))
            || (i > 0 && matches!(ts[i - 1].l, "another" | "also"))
            // "a passerby were also killed": more dead besides those named
            || ts
                .get(j..)
                .unwrap_or_default()
                .iter()
                .take_while(|t| t.end <= end)
                .any(|t| t.l == "also");
        let span = Span::new(start.min(ts[i].start), end.max(ts[i].end));
        out[qi] = Some(Count {
            outcome,
            side,
            low,
            best,
            high,
            span,
            included,
            additive,
        });
    }
    // "shot dead a village elder and his nephew": a later member of a list
    // shares the outcome of the member right before it
    for qi in 1..quants.len() {
        let Some((side, sp, included, _)) = pending[qi] else {
            continue;
        };
        let Some(prev) = out[qi - 1] else { continue };
        let prev_end = jend[qi - 1];
        let i = quants[qi].0;
        if prev_end >= i {
            continue;
        }
        if !list_joint(&ts, prev_end, i, true) {
            continue;
        }
        let (_, best, low, high, _, _) = quants[qi];
        out[qi] = Some(list_member(
            prev.outcome,
            side,
            (low, best, high),
            sp,
            included,
        ));
    }
    // "a rickshaw driver and another person died", "the elder's nephew and
    // driver were killed": an earlier member of a subject list shares the
    // outcome of the member right after it
    for qi in (0..quants.len().saturating_sub(1)).rev() {
        let Some((side, sp, included, _)) = pending[qi] else {
            continue;
        };
        if out[qi].is_some() {
            continue;
        }
        let Some(next) = out[qi + 1] else { continue };
        let my_end = jend[qi];
        let ni = quants[qi + 1].0;
        if my_end >= ni || !list_joint(&ts, my_end, ni, false) || next.included {
            continue;
        }
        let (_, best, low, high, _, _) = quants[qi];
        out[qi] = Some(list_member(
            next.outcome,
            side,
            (low, best, high),
            sp,
            included,
        ));
    }
    // the members of a breakdown in apposition are parts of its total
    for &(owner, first, last, _) in &appos {
        let Some(o) = out[owner] else { continue };
        for qi in first..=last {
            let (i, best, low, high, n, _) = quants[qi];
            let (side, _, head_end, _) = noun_phrase(&ts, i + n);
            let end = head_end.unwrap_or_else(|| ts[(i + n).saturating_sub(1)].end);
            out[qi] = Some(Count {
                outcome: o.outcome,
                side,
                low,
                best,
                high,
                span: Span::new(ts[i].start, end),
                included: true,
                additive: false,
            });
        }
    }
    let mut res: Vec<Count> = out.into_iter().flatten().collect();
    // singular passive without a count: "the driver was killed"
    for (k, t) in ts.iter().enumerate() {
        // "was killed", "was then shot dead", "was targeted and killed"
        // ("has been found murdered": a perfect passive)
        let was_at = |m: usize| {
            ts.get(m).is_some_and(|x| {
                x.l == "was" || (x.l == "been" && m > 0 && matches!(ts[m - 1].l, "has" | "had"))
            })
        };
        let passive = k > 0
            && (was_at(k - 1)
                || (k > 1
                    && was_at(k - 2)
                    && matches!(
                        ts[k - 1].l,
                        "then"
                            | "later"
                            | "also"
                            | "reportedly"
                            | "allegedly"
                            | "subsequently"
                            // "was found murdered"
                            | "found"
                            // "the other was critically injured"
                            | "critically"
                            | "seriously"
                            | "severely"
                            | "gravely"
                            | "badly"
                            | "slightly"
                            | "lightly"
                    ))
                || (k > 2 && was_at(k - 3) && ts[k - 1].l == "and" && ts[k - 2].l.ends_with("ed")));
        if !passive {
            continue;
        }
        if let Some((o, e)) = outcome_at(hits, t) {
            if res
                .iter()
                .any(|c| c.outcome == o && c.span.end >= e && c.span.start <= t.start)
            {
                continue;
            }
            if res.iter().any(|c| c.outcome == o) {
                continue;
            }
            // a negated subject ("no one was killed") is handled below
            let back = &ts[k.saturating_sub(4)..k];
            if back
                .iter()
                .any(|x| matches!(x.l, "no" | "one" | "nobody" | "none"))
            {
                continue;
            }
            let side = passive_subject_side(&ts, k);
            let start = ts[k.saturating_sub(3)].start;
            res.push(Count {
                outcome: o,
                side,
                low: Some(1),
                best: 1,
                high: Some(1),
                span: Span::new(start, e),
                included: false,
                additive: false,
            });
        }
    }
    // "Shah Wali, his father and a child were killed": conjuncts before "were"
    for (k, t) in ts.iter().enumerate() {
        if k == 0 || ts[k - 1].l != "were" {
            continue;
        }
        let Some((o, e)) = outcome_at(hits, t) else {
            continue;
        };
        if res.iter().any(|c| c.outcome == o) {
            continue;
        }
        let mut j = k - 1;
        let mut conj = 0u32;
        let mut person = false;
        while j > 0 && k - j < 14 {
            j -= 1;
            let lw = ts[j].l;
            if matches!(
                lw,
                "." | ";" | ":" | "when" | "after" | "that" | "as" | "while" | "where" | "result"
            ) || quants.iter().any(|q| q.0 == j)
            {
                break;
            }
            if lw == "and" || lw == "," {
                conj += 1;
            } else if pside(lw).is_some() {
                person = true;
            }
        }
        if person && conj > 0 && conj < 6 {
            let n = conj + 1;
            res.push(Count {
                outcome: o,
                side: Side::Unknown,
                low: Some(n),
                best: n,
                high: Some(n),
                span: Span::new(ts[j].start, e),
                included: false,
                additive: false,
            });
        }
    }
    // "the bullet-riddled body of a trader was found", "his bullet-riddled
    // body was recovered": the body of one person killed
    if !res.iter().any(|c| c.outcome == Outcome::Killed) {
        if let Some(c) = riddled_body(&ts, hits) {
            res.push(c);
        }
    }
    // "four policemen were abducted and killed", "arrested by the army and
    // killed": the same people are counted killed too
    if !res.iter().any(|c| c.outcome == Outcome::Killed) {
        let mut more = Vec::new();
        for c in res
            .iter()
            .filter(|c| matches!(c.outcome, Outcome::Abducted | Outcome::Arrested) && !c.included)
        {
            let Some(k) = ts.iter().position(|t| t.start >= c.span.end) else {
                continue;
            };
            let stop = (k..(k + 8).min(ts.len()))
                .take_while(|&m| !matches!(ts[m].s, "." | ";" | ","))
                .find(|&m| ts[m].s.eq_ignore_ascii_case("and"));
            let Some(a) = stop else { continue };
            let killed = (a + 1..(a + 3).min(ts.len())).find(|&m| {
                hits.iter().any(|h| {
                    h.start == ts[m].start && matches!(h.hit, Hit::Outcome(Outcome::Killed))
                }) && !ts[m].s.to_ascii_lowercase().ends_with("ing")
            });
            if let Some(m) = killed {
                let end = hits
                    .iter()
                    .filter(|h| h.start == ts[m].start)
                    .map(|h| h.end)
                    .max()
                    .unwrap_or(ts[m].end);
                more.push(Count {
                    outcome: Outcome::Killed,
                    span: Span::new(c.span.start, end),
                    ..*c
                });
            }
        }
        res.extend(more);
    }
    // "He died in hospital", "she succumbed to her injuries": one person
    // killed ("the death of a …" is left alone: protests name it as a cause)
    if !res.iter().any(|c| c.outcome == Outcome::Killed) {
        for (k, t) in ts.iter().enumerate() {
            let lw = t.l;
            // "Rajaram Jha, 25, died", "a police head constable died", "a
            // policeman, ASHO Fard, died": a singular person subject
            let mut died_side = Side::Unknown;
            // the first token of the evidence (the subject when a bracket
            // stood between it and the verb)
            let mut died_from = k.saturating_sub(1);
            // ("passed away" reads as "died")
            let passed_away =
                |m: usize| ts[m].l == "passed" && ts.get(m + 1).is_some_and(|x| x.l == "away");
            let died = (matches!(lw, "died" | "succumbed") || passed_away(k)) && k > 0 && {
                let mut b = k - 1;
                // "the driver later died", "the candidate has died"
                while b > 0
                    && matches!(
                        ts[b].l,
                        "later" | "finally" | "eventually" | "subsequently" | "has" | "had"
                    )
                {
                    b -= 1;
                }
                // "a police officer was stabbed and later died": the subject
                // of the first verb
                if b > 2 && ts[b].l == "and" && ts[b - 1].l.ends_with("ed") && ts[b - 2].l == "was"
                {
                    b -= 3;
                }
                // "a bus driver, who received fatal injuries when …, died",
                // "the headmaster … who was injured on Friday died": the
                // subject before the relative clause
                if let Some(who) = (b.saturating_sub(30)..b)
                    .find(|&c| ts[c].l == "who")
                    .filter(|&c| !ts[c..b].iter().any(|x| matches!(x.s, "." | ";")))
                {
                    if who > 0 {
                        b = if ts[who - 1].s == "," && who > 1 {
                            who - 2
                        } else {
                            who - 1
                        };
                        // "the headmaster of a primary school who": the noun
                        // before the of-phrase
                        if pside(ts[b].s).is_none() {
                            if let Some(of) =
                                (b.saturating_sub(5)..b).rev().find(|&c| ts[c].l == "of")
                            {
                                if of > 0 && pside(ts[of - 1].s).is_some() {
                                    b = of - 1;
                                }
                            }
                        }
                    }
                }
                if ts[b].s == "," {
                    // skip an apposition or age between commas
                    if let Some(c) = (b.saturating_sub(5)..b).rev().find(|&c| ts[c].s == ",") {
                        let inner = &ts[c + 1..b];
                        let ok = inner.iter().all(|x| {
                            is_name_word(x.s)
                                || x.s.bytes().all(|c| c.is_ascii_digit())
                                || x.s.bytes().all(|c| c.is_ascii_uppercase())
                        });
                        if ok && c > 0 {
                            b = c - 1;
                        }
                    }
                    // "X, THE 36-YEAR-OLD … PRESIDENTIAL CANDIDATE, HAS DIED":
                    // the apposition's own person noun
                    if ts[b].s == "," && b > 0 && pside(ts[b - 1].s).is_some() {
                        b -= 1;
                    }
                }
                // "his driver (a constable) died": the noun before a bracket
                if ts[b].s == ")" {
                    if let Some(c) = (b.saturating_sub(6)..b).rev().find(|&c| ts[c].s == "(") {
                        b = c.saturating_sub(1);
                        died_from = b;
                    }
                }
                let w = &ts[b];
                let person = pside(w.s)
                    .is_some_and(|_| !w.l.ends_with('s') && !matches!(w.l, "police" | "people"));
                // "Ovi succumbed to his injuries": a one-word name opening the
                // sentence (only a person succumbs to injuries)
                let one_name = b == 0
                    && k == 1
                    && lw == "succumbed"
                    && is_name_word(w.s)
                    && ts.get(k + 1).is_some_and(|x| x.l == "to");
                let name = (is_name_word(w.s) && b > 0 && is_name_word(ts[b - 1].s)) || one_name;
                // (the subject's side: "a police constable … died" is one of
                // the state forces)
                if person {
                    died_side = pside(w.s).unwrap_or(Side::Unknown);
                }
                (person || name) && !ts[b.saturating_sub(3)..b].iter().any(|x| x.l == "no")
            };
            if died {
                res.push(Count {
                    outcome: Outcome::Killed,
                    side: died_side,
                    low: Some(1),
                    best: 1,
                    high: Some(1),
                    span: Span::new(ts[died_from].start, t.end),
                    included: false,
                    additive: false,
                });
                break;
            }
            // ("he later died", "WHERE HE UNFORTUNATELY DIED": one adverb
            // between)
            let pronoun = matches!(lw, "he" | "she")
                && ts.get(k + 1).is_some_and(|x| {
                    matches!(x.l, "died" | "succumbed")
                        || passed_away(k + 1)
                        || ((matches!(x.l, "later" | "then" | "eventually" | "finally")
                            || (x.l.len() > 4
                                && x.l.ends_with("ly")
                                && x.l.bytes().all(|c| c.is_ascii_alphabetic())))
                            && ts.get(k + 2).is_some_and(|y| {
                                matches!(y.l, "died" | "succumbed") || passed_away(k + 2)
                            }))
                });
            if pronoun {
                let end = ts
                    .get(k + 3)
                    .map_or(t.end, |x| x.end)
                    .min(base + sent.len());
                res.push(Count {
                    outcome: Outcome::Killed,
                    side: Side::Unknown,
                    low: Some(1),
                    best: 1,
                    high: Some(1),
                    span: Span::new(t.start, end),
                    included: false,
                    additive: false,
                });
                break;
            }
        }
    }
    // "… 26 were killed and 91 injured in a blast …, in total 26 were killed
    // and 91 were injured": a stated total restates the counts of its
    // outcome before it in the sentence (they become its parts)
    let total_at: Vec<usize> = ts
        .windows(2)
        .filter(|w| {
            matches!(
                (w[0].l, w[1].l),
                ("in", "total") | ("a", "total") | ("the", "total")
            )
        })
        .map(|w| w[1].end)
        .collect();
    if let Some(&at) = total_at.first() {
        for o in [
            Outcome::Killed,
            Outcome::Wounded,
            Outcome::Abducted,
            Outcome::Arrested,
        ] {
            let totals = res
                .iter()
                .any(|c| c.outcome == o && !c.included && c.span.start >= at);
            if totals {
                for c in res
                    .iter_mut()
                    .filter(|c| c.outcome == o && !c.included && c.span.end <= at)
                {
                    c.included = true;
                }
            }
        }
    }
    // ";"-joined restatements ("Bus blast kills at least 16; 16 killed in
    // bus blast"): as across sentences, repetition is not addition — per
    // outcome, keep the counts of the part with the largest total
    let cuts: Vec<usize> = sent.match_indices(';').map(|(at, _)| base + at).collect();
    if !cuts.is_empty() {
        let part = |c: &Count| cuts.iter().filter(|&&x| x < c.span.start).count();
        for o in [
            Outcome::Killed,
            Outcome::Wounded,
            Outcome::Abducted,
            Outcome::Arrested,
        ] {
            let mut totals: Vec<(usize, u32)> = Vec::new();
            for c in res
                .iter()
                .filter(|c| c.outcome == o && !c.included && !c.additive)
            {
                let p = part(c);
                match totals.iter_mut().find(|t| t.0 == p) {
                    Some(t) => t.1 = t.1.saturating_add(c.best),
                    None => totals.push((p, c.best)),
                }
            }
            if totals.len() > 1 {
                let keep = totals
                    .iter()
                    .fold((usize::MAX, 0u32), |b, t| {
                        if t.1 > b.1 || b.0 == usize::MAX {
                            *t
                        } else {
                            b
                        }
                    })
                    .0;
                res.retain(|c| c.outcome != o || c.additive || part(c) == keep);
            }
        }
    }
    // explicit zeros
    let l = &low;
    let zero_all = [
        "no casualties",
        "no loss of life",
        "without casualties",
        "without any casualties",
        "no injuries",
        "no one was hurt",
        "no one was injured",
        "nobody was hurt",
        "nobody was injured",
        "no one was harmed",
        "no one was killed or injured",
        "no one was injured or killed",
        "no 1 was hurt",
        "no 1 was injured",
        "no 1 was harmed",
    ];
    let zero_killed = [
        "no one was killed",
        "nobody was killed",
        "no deaths",
        "no fatalities",
        "no one died",
        "no 1 was killed",
        "no 1 died",
    ];
    let push_zero = |o: Outcome, at: usize, len: usize, res: &mut Vec<Count>| {
        if !res.iter().any(|c| c.outcome == o) {
            res.push(Count {
                outcome: o,
                side: Side::Unknown,
                low: Some(0),
                best: 0,
                high: Some(0),
                span: Span::new(base + at, base + at + len),
                included: false,
                additive: false,
            });
        }
    };
    // The first occurrence of each phrase, as `str::find` gives it, without
    // a substring searcher built for each of the 22 phrases in every
    // sentence: each opens with "no" or "without", so its first occurrence is
    // at the first of those openings where the whole phrase follows.
    let lb = l.as_bytes();
    let opens = |head: &[u8]| -> Vec<usize> {
        memchr::memchr_iter(head[0], lb)
            .filter(|&i| lb[i..].starts_with(head))
            .collect()
    };
    let (at_no, at_without) = (opens(b"no"), opens(b"without"));
    let find = |p: &str| {
        let pb = p.as_bytes();
        let at = if pb.starts_with(b"no") {
            &at_no
        } else if pb.starts_with(b"without") {
            &at_without
        } else {
            return l.find(p);
        };
        at.iter().copied().find(|&i| lb[i..].starts_with(pb))
    };
    for p in zero_all {
        if let Some(at) = find(p) {
            push_zero(Outcome::Killed, at, p.len(), &mut res);
            push_zero(Outcome::Wounded, at, p.len(), &mut res);
        }
    }
    for p in zero_killed {
        if let Some(at) = find(p) {
            push_zero(Outcome::Killed, at, p.len(), &mut res);
        }
    }
    // "(one source says 22 killed)", "Another source says … killing seven":
    // a second source's figure is an alternative to the main report, not
    // more dead; it stays as a part so it neither adds nor wins
    let has_source = memchr::memchr_iter(b's', lb).any(|i| lb[i..].starts_with(b"source"));
    let alt = [
        "another source",
        "other source",
        "one source",
        "a second source",
    ]
    .iter()
    // (each names a "source": most sentences have none)
    .filter(|_| has_source)
    .filter_map(|p| l.find(p))
    .min();
    if let Some(at) = alt {
        // inside brackets the alternative ends with them
        let bracketed = l[..at].rfind('(').is_some_and(|o| !l[o..at].contains(')'));
        let end = if bracketed {
            l[at..].find(')').map_or(l.len(), |e| at + e)
        } else {
            l.len()
        };
        for c in res.iter_mut() {
            if c.span.start >= base + at && c.span.start < base + end {
                c.included = true;
            }
        }
    }
    res
}

/// Cheap pre-filter: a sentence can hold a count only with an outcome word
/// (killed, wounded, …), one of the killing verbs the lexicon leaves out, or
/// a stated absence of casualties. `low` is the sentence in lower case.
fn may_count(low: &str, hits: &[LexHit]) -> bool {
    hits.iter().any(|h| matches!(h.hit, Hit::Outcome(_)))
        || [
            "casualt",
            "loss of life",
            "to death",
            "death of",
            "one death",
            "single death",
            "decapitat",
            "slaughter",
            "slew",
            "hanged",
            "strangle",
            "butcher",
        ]
        .iter()
        .any(|n| low.contains(n))
}

/// Whether the number `ts[i..i + n]` is an age: "41 year old", "52-year-old",
/// "aged nine" (and "and eleven" right after an age ending at `age_end`), or a
/// bracketed number after a name ("Rahim Gul (22)").
fn is_age(ts: &[Tok<'_>], i: usize, n: usize, age_end: Option<usize>) -> bool {
    let last = ts[i + n - 1].s;
    let lw = last.to_ascii_lowercase();
    if lw.contains("-year") || lw.contains("-yr") {
        return true;
    }
    let next = ts.get(i + n).map(|t| t.s.to_ascii_lowercase());
    if next.as_deref().is_some_and(|x| {
        matches!(x, "year" | "years" | "yr" | "yrs")
            && ts
                .get(i + n + 1)
                .is_some_and(|y| y.s.eq_ignore_ascii_case("old") || y.s.starts_with("-old"))
            || x.starts_with("year-old")
            || x.starts_with("years-old")
    }) {
        return true;
    }
    if i == 0 {
        return false;
    }
    let prev = ts[i - 1].s;
    if ["aged", "age", "ages"]
        .iter()
        .any(|a| prev.eq_ignore_ascii_case(a))
    {
        return true;
    }
    if matches!(prev, "and" | "," | "or") && age_end == Some(i - 1) {
        return true;
    }
    // "Nur Hossain, 32, and his helper", "Saber Ahmed, 29, was shot dead"
    let after_name = i > 1 && is_name_word(ts[i - 2].s);
    let small = last.len() <= 3 && last.bytes().all(|c| c.is_ascii_digit());
    (prev == "("
        && next.as_deref() == Some(")")
        && i > 1
        && ts[i - 2].s.as_bytes()[0].is_ascii_uppercase())
        || (prev == ","
            && after_name
            && small
            && matches!(
                next.as_deref(),
                Some("," | "and" | "of" | "was" | "." | "a" | "an")
            ))
}

/// Units and weapons that follow a number like a noun ("12 Assam Rifles",
/// "the 5th Battalion", "three 303 Rifles"): never people.
fn is_unit_word(w: &str) -> bool {
    [
        "rifles",
        "rifle",
        "brigade",
        "battalion",
        "regiment",
        "division",
        "squadron",
        "infantry",
        "mm",
        "bore",
    ]
    .iter()
    .any(|u| w.eq_ignore_ascii_case(u))
}

/// Measures that follow a number like a noun ("50 km west of the capital",
/// "200 meters away", "three hours later", "80 percent"): never people.
fn is_measure_word(l: &str) -> bool {
    matches!(
        l,
        "km" | "kms"
            | "kilometer"
            | "kilometers"
            | "kilometre"
            | "kilometres"
            | "mile"
            | "miles"
            | "meter"
            | "meters"
            | "metre"
            | "metres"
            | "yards"
            | "feet"
            | "percent"
            | "per"
            | "minutes"
            | "hour"
            | "hours"
            | "days"
            | "weeks"
            | "months"
            | "kg"
            | "kilograms"
            | "kilos"
            | "tons"
            | "tonnes"
    )
}

/// Outcome words the lexicon leaves out, found in the tokens of one
/// sentence: "chopped to death", "crushed to death" (any verb before "to
/// death", not "sentenced"), "decapitated", "hanged" (not "hanged himself"),
/// "slaughtered", "slew". `None` when there are none (no allocation).
fn extra_outcomes(ts: &[Tok<'_>], hits: &[LexHit]) -> Option<Vec<LexHit>> {
    let mut extra: Option<Vec<LexHit>> = None;
    for (k, t) in ts.iter().enumerate() {
        // "shot a policeman dead", "shot Yadav, a contractor, dead"
        if t.s.eq_ignore_ascii_case("dead") && k >= 2 {
            // also "beaten dead", "found dead"
            let shot = (k.saturating_sub(7)..k).rev().find(|&m| {
                matches!(
                    ts[m].l,
                    "shot" | "gunned" | "beaten" | "beat" | "stabbed" | "found"
                ) && (m + 1 < k || ts[m].l != "shot")
            });
            if let Some(m) = shot {
                let clean = ts[m + 1..k]
                    .iter()
                    .all(|x| !matches!(x.s, "." | ";" | ":") && !x.s.eq_ignore_ascii_case("and"));
                let covered = hits.iter().any(|h| {
                    matches!(h.hit, Hit::Outcome(_)) && h.start <= ts[m].start && h.end >= t.end
                });
                if clean && !covered {
                    extra.get_or_insert_with(|| hits.to_vec()).push(LexHit {
                        start: ts[m].start,
                        end: t.end,
                        hit: Hit::Outcome(Outcome::Killed),
                    });
                }
            }
            continue;
        }
        // "claims one death", "a single death": the noun after a count of
        // one is the outcome (not "one death threat", "a death squad")
        if t.l == "death"
            && k >= 1
            && matches!(ts[k - 1].l, "one" | "1" | "single")
            && ts.get(k + 1).is_none_or(|x| {
                !matches!(
                    x.l,
                    "of" | "threat"
                        | "threats"
                        | "squad"
                        | "squads"
                        | "sentence"
                        | "sentences"
                        | "penalty"
                        | "toll"
                        | "row"
                        | "warrant"
                        | "list"
                )
            })
        {
            extra.get_or_insert_with(|| hits.to_vec()).push(LexHit {
                start: t.start,
                end: t.end,
                hit: Hit::Outcome(Outcome::Killed),
            });
            continue;
        }
        // "resulting in the death of two policemen": an outcome noun
        if t.l == "death"
            && ts.get(k + 1).is_some_and(|x| x.l == "of")
            && ts[k.saturating_sub(4)..k].iter().any(|x| {
                matches!(
                    x.l,
                    "resulting" | "resulted" | "caused" | "causing" | "leading" | "led"
                )
            })
        {
            extra.get_or_insert_with(|| hits.to_vec()).push(LexHit {
                start: t.start,
                end: ts[k + 1].end,
                hit: Hit::Outcome(Outcome::Killed),
            });
            continue;
        }
        // "stabbed four people to death", "beat a shopkeeper to death": a
        // violent verb, its object, then "to death" (the verb starts the hit)
        if t.l == "death" && k >= 3 && ts[k - 1].l == "to" {
            if let Some(m) = split_to_death(ts, hits, k) {
                extra.get_or_insert_with(|| hits.to_vec()).push(LexHit {
                    start: ts[m].start,
                    end: t.end,
                    hit: Hit::Outcome(Outcome::Killed),
                });
                continue;
            }
        }
        let killed = if t.s.eq_ignore_ascii_case("death") {
            k >= 2
                && ts[k - 1].s.eq_ignore_ascii_case("to")
                && ts[k - 2].s.bytes().all(|c| c.is_ascii_alphabetic())
                && ts[k - 2].s.len() > 2
                && ![
                    "sentenced",
                    "condemned",
                    "sentence",
                    "sentencing",
                    "close",
                    "near",
                    "due",
                    "linked",
                    "related",
                    "threats",
                    "threat",
                    "threatened",
                ]
                .iter()
                .any(|v| ts[k - 2].s.eq_ignore_ascii_case(v))
        } else {
            [
                "decapitated",
                "slaughtered",
                "slew",
                "hanged",
                "strangled",
                "butchered",
            ]
            .iter()
            .any(|v| t.s.eq_ignore_ascii_case(v))
                && !ts.get(k + 1).is_some_and(|x| {
                    ["himself", "herself", "themselves"]
                        .iter()
                        .any(|r| x.s.eq_ignore_ascii_case(r))
                })
        };
        if !killed {
            continue;
        }
        let start = if t.s.eq_ignore_ascii_case("death") {
            ts[k - 2].start
        } else {
            t.start
        };
        let covered = hits
            .iter()
            .any(|h| matches!(h.hit, Hit::Outcome(_)) && h.start <= start && h.end >= t.end);
        if covered {
            continue;
        }
        extra.get_or_insert_with(|| hits.to_vec()).push(LexHit {
            start,
            end: t.end,
            hit: Hit::Outcome(Outcome::Killed),
        });
    }
    extra
}

/// Lists in apposition to a count that break it down: "40 people, six
/// soldiers and 34 civilians, were killed", "ten others, five policemen and
/// five civilians, injured". Per list: (owner, first member, last member,
/// token index after the closing comma), indices into `quants`.
fn appositive_lists(ts: &[Tok<'_>], quants: &[Quant]) -> Vec<(usize, usize, usize, usize)> {
    let mut out = Vec::new();
    for (qi, q) in quants.iter().enumerate() {
        let (_, j, _, head) = noun_phrase(ts, q.0 + q.4);
        if !head || ts.get(j).is_none_or(|t| t.s != ",") {
            continue;
        }
        // members: count + person noun, joined by "," / "and" / ", and"
        let mut at = j + 1;
        let mut m = qi + 1;
        let mut close = None;
        while let Some(mq) = quants.get(m).filter(|mq| mq.0 == at) {
            let (_, mj, _, mh) = noun_phrase(ts, mq.0 + mq.4);
            if !mh {
                break;
            }
            match ts.get(mj).map(|t| t.s) {
                Some("and") => at = mj + 1,
                Some(",") if ts.get(mj + 1).is_some_and(|t| t.s == "and") => at = mj + 2,
                Some(",") => {
                    close = Some(mj);
                    at = mj + 1;
                }
                _ => break,
            }
            m += 1;
        }
        let Some(c) = close else { continue };
        // the last member ends at the closing comma, at least two members,
        // and a verb follows
        let members = m - qi - 1;
        let last_ends_here = quants
            .get(m - 1)
            .is_some_and(|lq| noun_phrase(ts, lq.0 + lq.4).1 == c);
        let verb = ts
            .get(c + 1)
            .is_some_and(|t| AUX.contains(&t.l) || t.l.ends_with("ed") || t.l == "died");
        if members >= 2 && last_ends_here && verb {
            out.push((qi, qi + 1, m - 1, c + 1));
        }
    }
    out
}

/// A list of at least two personal names from `from` ("Karim and Yusuf
/// Daud", "Ali Raza, 25, Tariq Mehmood and Imran Shah"): names of one to four
/// capitalised words, each maybe followed by an age, joined by ",", "and" or
/// ", and"; no outcome word ("Two Soldiers Killed …" is a headline).
/// Returns the token index after the last name.
fn apposed_names(ts: &[Tok<'_>], hits: &[LexHit], from: usize) -> Option<usize> {
    let mut at = from;
    let mut names = 0;
    let mut after_and = false;
    loop {
        let mut e = at;
        while e < ts.len()
            && e < at + 4
            && is_name_word(ts[e].s)
            && outcome_at(hits, &ts[e]).is_none()
        {
            e += 1;
        }
        if e == at {
            return None;
        }
        names += 1;
        // ", 25," an age after the name
        if ts.get(e).is_some_and(|x| x.s == ",")
            && ts
                .get(e + 1)
                .is_some_and(|x| x.s.len() <= 2 && x.s.bytes().all(|c| c.is_ascii_digit()))
        {
            e += 2;
        }
        if after_and {
            return (names >= 2).then_some(e);
        }
        match ts.get(e).map(|x| x.s) {
            Some("and") => {
                at = e + 1;
                after_and = true;
            }
            Some(",") if ts.get(e + 1).is_some_and(|x| x.s == "and") => {
                at = e + 2;
                after_and = true;
            }
            Some(",") if ts.get(e + 1).is_some_and(|x| is_name_word(x.s)) => at = e + 1,
            _ => return None,
        }
    }
}

/// Whether a sentence is written in title case: at least four words of four
/// letters or more, nearly all capitalised ("One Killed, Three Wounded in
/// Indian Firing").
fn title_case(sent: &str) -> bool {
    let (mut n, mut caps) = (0usize, 0usize);
    for w in sent
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 4)
    {
        n += 1;
        caps += usize::from(w.as_bytes()[0].is_ascii_uppercase());
    }
    n >= 4 && caps * 10 >= n * 9
}

/// "among the dead", "among those injured" at `ts[k]` ("among"): the
/// outcome and the end of its word.
fn among_outcome(ts: &[Tok<'_>], hits: &[LexHit], k: usize) -> Option<(Outcome, usize)> {
    let mut d = k + 1;
    if ts.get(d).is_some_and(|x| matches!(x.l, "the" | "those")) {
        d += 1;
    }
    ts.get(d).and_then(|x| outcome_at(hits, x))
}

/// "among seven people killed", "among 16 killed" at `ts[k]` ("among"): the
/// outcome of a count of people right after it, with the end of its word
/// (the part before "among" is inside that count). Not "among the four
/// killed", which points back to a total already given.
fn among_total(
    ts: &[Tok<'_>],
    hits: &[LexHit],
    quants: &[Quant],
    k: usize,
) -> Option<(Outcome, usize)> {
    // "among the four killed" refers back to a total stated before
    let d = k + 1;
    let q = quants.iter().find(|q| q.0 == d && q.4 > 0)?;
    let (_, mut j, _, _) = noun_phrase(ts, d + q.4);
    if ts
        .get(j)
        .is_some_and(|x| matches!(x.l, "were" | "was" | "have" | "had"))
    {
        j += 1;
        if ts.get(j).is_some_and(|x| x.l == "been") {
            j += 1;
        }
    }
    ts.get(j).and_then(|x| outcome_at(hits, x))
}

/// "among the dead were two journalists", "the dead included two
/// foreigners", "fatalities include two journalists": the outcome named
/// right before the count `ts[i]`, with the start of the phrase.
fn outcome_before_inclusion(ts: &[Tok<'_>], hits: &[LexHit], i: usize) -> Option<(Outcome, usize)> {
    let verb = ts[i - 1].l;
    let (o, _) = outcome_at(hits, &ts[i - 2])?;
    if matches!(verb, "include" | "included" | "includes") {
        return Some((o, ts[i - 2].start));
    }
    if !matches!(verb, "were" | "was" | "are" | "is") || i < 3 {
        return None;
    }
    let mut a = i - 3;
    if matches!(ts[a].l, "the" | "those") && a > 0 {
        a -= 1;
    }
    (ts[a].l == "among").then_some((o, ts[a].start))
}

/// "… were killed, along with the four attackers", "six militants died
/// together with nine of their relatives": the outcome of the clause
/// before "along with", with its start.
fn along_with_outcome(ts: &[Tok<'_>], hits: &[LexHit], i: usize) -> Option<(Outcome, usize)> {
    let mut p = i;
    while p > 0 && matches!(ts[p - 1].l, "the" | "their" | "his" | "her" | "its" | "all") {
        p -= 1;
    }
    if p < 3 || ts[p - 1].l != "with" || !matches!(ts[p - 2].l, "along" | "together") {
        return None;
    }
    let before = p - 2;
    (before.saturating_sub(15)..before)
        .rev()
        .take_while(|&m| !matches!(ts[m].s, ";" | ":" | "(" | ")"))
        .find_map(|m| outcome_at(hits, &ts[m]).map(|(o, _)| (o, ts[m].start)))
}

/// The violent verb of "stabbed four people to death", "beat a shopkeeper
/// and his son to death", "shot him to death" (`ts[k]` is "death", `ts[k -
/// 1]` "to"): the verb's index when an object of one to seven plain tokens
/// (no clause break, no second verb, no other outcome word) stands between
/// it and "to death".
fn split_to_death(ts: &[Tok<'_>], hits: &[LexHit], k: usize) -> Option<usize> {
    const VERBS: &[&str] = &[
        "stabbed",
        "stab",
        "stabs",
        "beat",
        "beaten",
        "beats",
        "hacked",
        "burned",
        "burnt",
        "bludgeoned",
        "clubbed",
        "stoned",
        "chopped",
        "tortured",
        "kicked",
        "crushed",
        "trampled",
        "strangled",
        "axed",
        "knifed",
        "battered",
        "shot",
        "shoots",
        "hacking",
        "stabbing",
        "beating",
        "burning",
        "shooting",
    ];
    let m = (k.saturating_sub(9)..k - 2)
        .rev()
        .find(|&m| VERBS.contains(&ts[m].l))?;
    let object = &ts[m + 1..k - 1];
    let broken = object.iter().enumerate().any(|(o, x)| {
        matches!(x.s, "." | ";" | ":" | "(" | ")" | ",")
            || outcome_at(hits, x).is_some()
            || VERBS.contains(&x.l)
            // "stabbed a man and killed his son": a second verb
            || (x.l == "and"
                && object
                    .get(o + 1)
                    .is_some_and(|y| y.l.ends_with("ed") && pside(y.s).is_none()))
    });
    (!broken).then_some(m)
}

/// Whether `ts[i]` follows an active killing or abducting verb ("killing",
/// "shot dead", "kidnapped", "hacked to death") whose object it can be.
fn active_verb_before(hits: &[LexHit], ts: &[Tok<'_>], i: usize) -> bool {
    let prev = &ts[i - 1];
    // "shot him dead", "stabbed three people to death": the object inside a
    // split outcome
    let split = hits.iter().any(|h| {
        h.start == prev.start
            && h.end > ts[i].end
            && matches!(h.hit, Hit::Outcome(Outcome::Killed))
            && ts
                .iter()
                .rev()
                .find(|t| t.end == h.end)
                .is_some_and(|t| matches!(t.l, "dead" | "death"))
            && !ts
                .get(i)
                .is_some_and(|t| matches!(t.l, "dead" | "to" | "and" | "down"))
    });
    split
        || hits.iter().any(|h| {
            h.end == prev.end
            && matches!(
                h.hit,
                Hit::Outcome(Outcome::Killed | Outcome::Abducted | Outcome::Wounded)
            )
            && {
                let w = prev.s.to_ascii_lowercase();
                // "seriously wounding his wife": a wounding verb only as a
                // participle
                w.ends_with("ing")
                    || matches!(
                        w.as_str(),
                        "killed" | "kidnapped" | "abducted" | "murdered" | "beheaded" | "executed"
                            | "assassinated" | "lynched" | "kills" | "kill" | "slew" | "hanged"
                            | "decapitated" | "slaughtered" | "strangled" | "butchered"
                    )
                    || (h.start < prev.start && matches!(w.as_str(), "dead" | "down" | "killed"))
            }
            // not passive: "were killed Sunday" has no object
            && !(i >= 2
                && ["was", "were", "been", "be", "is", "are"]
                    .iter()
                    .any(|a| ts[i - 2].s.eq_ignore_ascii_case(a)))
        })
}

/// Whether a (lower-case) sentence gives the toll of a war or a campaign
/// over a period, not of one happening: a perfect tense ("have died", "has
/// left", "have been killed") with the period it sums up ("since the
/// fighting began", "since the beginning of the offensive", "since 2009",
/// "during this 10-year-long war", "in the last three years", "in nine
/// years", "during 1990"). ACLED codes no event from such a figure.
pub fn cumulative_toll(low: &str) -> bool {
    // (a perfect tense needs the word "have" or "has": without even the
    // letters there is no toll, before the words are split out)
    if !(low.contains("have") || low.contains("has")) {
        return false;
    }
    let words: Vec<&str> = low
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let perfect = words.iter().any(|w| matches!(*w, "have" | "has"));
    if !perfect {
        return false;
    }
    let year = |w: &str| {
        w.len() == 4
            && w.bytes().all(|c| c.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
    };
    let span_unit = |w: &str| {
        matches!(
            w,
            "year"
                | "years"
                | "decade"
                | "decades"
                | "month"
                | "months"
                | "year-long"
                | "years-long"
        ) || w.ends_with("-year")
            || w.ends_with("-year-long")
    };
    let count_word = |w: &str| {
        w.bytes().all(|c| c.is_ascii_digit()) || sitrep_text::numbers::word_value(w).is_some()
    };
    // "since 2009", "during 1990"
    words
        .windows(2)
        .any(|p| matches!(p[0], "since" | "during") && year(p[1]))
        // "since the beginning of", "since the start of", "since the outbreak of"
        || words.windows(3).any(|p| {
            p[0] == "since"
                && p[1] == "the"
                && matches!(p[2], "beginning" | "start" | "outbreak" | "onset")
        })
        || words.windows(3).any(|p| {
        // "in the last three years", "over the past two decades", "in nine
        // years", "during this 10-year-long war", "10 years of war"
        (matches!(p[0], "last" | "past") && count_word(p[1]) && span_unit(p[2]))
            || (matches!(p[0], "in" | "over" | "during" | "within")
                && count_word(p[1])
                && span_unit(p[2]))
            || (matches!(p[0], "this" | "the" | "a")
                && span_unit(p[1])
                && p[1].contains('-')
                && matches!(
                    p[2],
                    "war" | "conflict" | "insurgency" | "struggle" | "offensive"
                ))
    }) || words.windows(4).any(|p| {
        // "ten years of war" (not "ten years of age")
        count_word(p[0])
            && span_unit(p[1])
            && p[2] == "of"
            && matches!(
                p[3],
                "war" | "conflict" | "fighting" | "violence" | "insurgency" | "civil"
            )
    }) || {
        // "since the fighting began", "since the war broke out"
        let i = low.find("since the ");
        i.is_some_and(|i| {
            let rest = &low[i..low.len().min(i + 60)];
            ["began", "begun", "started", "erupted", "broke out"]
                .iter()
                .any(|v| rest.contains(v))
        })
    }
}

/// Whether the token `i` follows a singular act noun and "of" ("the
/// assassination of Senator …", "the murder of a judge", "the kidnapping of
/// his son"): its object is the person it happened to, read like the object
/// of an active verb. (A grievance, "protested the murder of a student",
/// finds no outcome for the count further on.)
fn nominal_act_of(hits: &[LexHit], ts: &[Tok<'_>], i: usize) -> bool {
    i >= 2
        && ts[i - 1].l == "of"
        && matches!(
            ts[i - 2].l,
            "assassination" | "murder" | "killing" | "execution" | "kidnapping" | "abduction"
        )
        && outcome_at(hits, &ts[i - 2]).is_some()
        && !ts[..i - 2].iter().any(|t| {
            // a killing named as a grievance, a charge or a case
            // ("protest against the murder of", "accused in the killing of")
            grievance_cue(t.l)
                || t.l.starts_with("demand")
                || t.l.starts_with("accuse")
                || t.l.starts_with("suspect")
                || t.l.starts_with("investigat")
                || t.l.starts_with("implicat")
                || t.l.starts_with("involve")
                || t.l.starts_with("charge")
                || t.l.starts_with("convict")
                || t.l.starts_with("sentence")
                || t.l.starts_with("arrest")
                || matches!(t.l, "justice" | "trial" | "blamed" | "revenge" | "case")
        })
}

/// A word that makes a killing named after it a grievance or an inquiry's
/// subject rather than the report's own outcome ("protested against the death
/// of", "condemned the murder of", "a probe over the killing of").
fn grievance_cue(l: &str) -> bool {
    l.starts_with("protest")
        || l.starts_with("condemn")
        || l.starts_with("demonstrat")
        || l.starts_with("mourn")
        || matches!(l, "against" | "over" | "probe" | "inquiry" | "responsible")
}

/// A capitalised word that can start a person's name (not a weekday, month,
/// article or sentence-start function word).
fn is_name_word(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() > 1
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_lowercase()
        && !is_month(w)
        && ![
            "The",
            "A",
            "An",
            "In",
            "On",
            "At",
            "After",
            "Before",
            "During",
            "When",
            "While",
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            "Today",
            "Yesterday",
            "Tonight",
            "Police",
            "Officials",
            "Security",
            "This",
            "That",
            "Near",
            "According",
            "Both",
            "All",
        ]
        .contains(&w)
}

/// A verb that moves a toll up ("the death toll rose to 27", "has climbed to").
fn is_rise_verb(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "risen"
            | "climbed"
            | "reached"
            | "jumped"
            | "mounted"
            | "increased"
            | "rises"
            | "climbs"
            | "reaches"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn run(s: &str) -> Vec<(Outcome, Side, u32, bool)> {
        let lx = Lexicon::new();
        let hits = lx.scan(s);
        counts(s, 0, &hits)
            .into_iter()
            .map(|c| (c.outcome, c.side, c.best, c.included))
            .collect()
    }

    #[test]
    fn lists_share_the_verb() {
        let r = run(
            "militants stormed banks, killing at least 31 civilians and 17 security personnel.",
        );
        assert_eq!(
            r,
            vec![
                (Outcome::Killed, Side::Civilians, 31, false),
                (Outcome::Killed, Side::State, 17, false)
            ]
        );
        let r = run("Clashes over the weekend killed five Pakistani soldiers and 25 militants near the border.");
        assert_eq!(
            r,
            vec![
                (Outcome::Killed, Side::State, 5, false),
                (Outcome::Killed, Side::Militants, 25, false)
            ]
        );
    }

    #[test]
    fn passive_and_inclusion() {
        let r = run("Three constables were gunned down and nine others, including two passengers, sustained bullet wounds.");
        assert_eq!(r[0], (Outcome::Killed, Side::State, 3, false));
        assert_eq!(r[1], (Outcome::Wounded, Side::Unknown, 9, false));
        assert!(r[2].3, "the passengers are included: {r:?}");
        let r = run("At least 145 attackers were also killed, he added.");
        assert_eq!(r, vec![(Outcome::Killed, Side::Militants, 145, false)]);
    }

    #[test]
    fn singular_and_zero() {
        let r = run("An official said a deputy district commissioner had been abducted.");
        assert_eq!(r, vec![(Outcome::Abducted, Side::Unknown, 1, false)]);
        let r = run("The driver of the tanker was killed and one other person was wounded.");
        assert!(
            r.contains(&(Outcome::Killed, Side::Civilians, 1, false)),
            "{r:?}"
        );
        assert!(
            r.iter().any(|c| c.0 == Outcome::Wounded && c.2 == 1),
            "{r:?}"
        );
        let r = run("Assailants detonated a device, damaging a pipeline but causing no injuries.");
        assert!(r.contains(&(Outcome::Killed, Side::Unknown, 0, false)));
        assert!(r.contains(&(Outcome::Wounded, Side::Unknown, 0, false)));
    }

    #[test]
    fn non_counts_are_ignored() {
        assert!(run("The talks continued for 18 hours along the 2,600-km border.").is_empty());
        assert!(run("Militants freed at least 30 inmates from a jail.").is_empty());
        assert!(run("a train with 450 passengers on board").is_empty());
        let r = run("leaving dozens dead and several wounded earlier this month");
        assert_eq!(
            r,
            vec![
                (Outcome::Killed, Side::Unknown, 12, false),
                (Outcome::Wounded, Side::Unknown, 3, false)
            ]
        );
    }
}
