//! From one article's sentences to event *mentions*: each clause that reports
//! something (a trigger word, or people killed/wounded/abducted/arrested)
//! becomes a mention with its type cues, date, place, actors, counts,
//! claims, accusations and denials. Merging mentions into events is
//! [`crate::assemble`]'s job.

use crate::casualties::{counts, Count};
use crate::lexicon::{Hit, LexHit, Outcome, Side, Trig};
use chrono::NaiveDate;
use sitrep_model::{Actor, ActorType, DatePrecision, Location, Span};
use sitrep_text::timex::{find_timexes, Resolved, TimexKind};

/// What family of event a mention reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// Political violence: fighting, attacks, bombs, strikes, killings.
    Violent,
    /// Protests and riots.
    Protest,
    /// An abduction.
    Abduct,
    /// Arrests.
    Arrest,
    /// A bomb defused, weapons seized.
    Defuse,
    /// Inmates freed.
    Jailbreak,
    /// Looting, ransacking, arson.
    Loot,
    /// An area sealed off, curfew.
    Seal,
    /// Ceasefire or agreement.
    Agree,
    /// Talks.
    Consult,
    /// Accusation.
    Accuse,
    /// Denial.
    Deny,
    /// Threat.
    Threaten,
}

impl Family {
    /// Verbal families (no ACLED type, except agreements).
    pub fn verbal(self) -> bool {
        matches!(
            self,
            Family::Agree | Family::Consult | Family::Accuse | Family::Deny | Family::Threaten
        )
    }
}

/// Where a mention's date came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateCue {
    /// The resolved date, when it resolved.
    pub resolved: Option<Resolved>,
    /// The expression in the text.
    pub span: Span,
}

/// An actor in a role, with the text behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleActor {
    /// The actor.
    pub actor: Actor,
    /// Its mention.
    pub span: Span,
}

/// One reported happening in one clause.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Event family.
    pub family: Family,
    /// Trigger words with their spans (the first is the evidence).
    pub trigs: Vec<(Trig, Span)>,
    /// Sentence index.
    pub sent: usize,
    /// The clause.
    pub clause: Span,
    /// Own date (stated in the clause), if any.
    pub date: Option<DateCue>,
    /// The clause's place.
    pub location: Option<(Location, Span)>,
    /// Initiator.
    pub actor1: Option<RoleActor>,
    /// Target / counterpart.
    pub actor2: Option<RoleActor>,
    /// Counts of people.
    pub counts: Vec<Count>,
    /// Claimants.
    pub claims: Vec<(String, Span)>,
    /// (by, target, span).
    pub accused: Vec<(String, String, Span)>,
    /// Deniers.
    pub denied: Vec<(String, Span)>,
    /// "That figure includes …": the counts are part of the previous mention's figure.
    pub includes_into_previous: bool,
    /// The clause explicitly says no group has claimed it.
    pub no_claim: bool,
}

/// A clause of a sentence.
#[derive(Debug, Clone, Copy)]
pub struct Clause {
    /// Its span (article offsets).
    pub span: Span,
    /// Starts with "after"/"before": its date is not the main clause's.
    pub subordinate: bool,
}

/// Where [`clauses`] cuts: (pattern, subordinate clause after it, bytes of
/// the pattern before the cut).
const CLAUSE_CUTS: &[(&str, bool, usize)] = &[
    ("; ", false, 2),
    (", while ", false, 2),
    (" while ", false, 1),
    (" after ", true, 1),
    (" before ", true, 1),
    (", but ", false, 2),
    (" but ", false, 1),
    (", as ", false, 2),
    (", and ", false, 2),
    (" and ", false, 1),
    (" whereas ", false, 1),
];

/// Splits a sentence into clauses at "; ", ", while", " while ", " after ",
/// " before ", ", but ", ", and <verb>", ", as " and anchor-relative dates.
pub fn clauses(text: &str, sent: Span) -> Vec<Clause> {
    let s = &text[sent.start..sent.end];
    let l = s.to_ascii_lowercase();
    let mut cuts: Vec<(usize, bool)> = Vec::new();
    let pats = CLAUSE_CUTS;
    // one searcher per pattern for the whole run (`str::find` built a
    // two-way searcher at every call): the same leftmost matches
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::OnceLock::new();
    let finders = FINDERS.get_or_init(|| {
        CLAUSE_CUTS
            .iter()
            .map(|(p, _, _)| memchr::memmem::Finder::new(p))
            .collect()
    });
    for ((p, sub, skip), finder) in pats.iter().zip(finders) {
        let mut from = 0;
        while let Some(i) = finder.find(&l.as_bytes()[from..]) {
            let at = from + i;
            let cut = at + skip;
            if *p == ", and " || *p == " and " {
                // only before a lower-case verb-like word
                let rest = &s[at + p.len()..];
                // "… and he was shot dead by police": a new subject
                // (a personal pronoun) before the verb starts a clause too
                let mut ws = rest.split_whitespace().peekable();
                if ws
                    .peek()
                    .is_some_and(|w| matches!(*w, "he" | "she" | "they"))
                {
                    ws.next();
                }
                let ok = ws.next().is_some_and(|w| {
                    let aux = matches!(
                        w,
                        "have"
                            | "has"
                            | "had"
                            | "was"
                            | "were"
                            | "will"
                            | "is"
                            | "are"
                            | "later"
                            | "then"
                    );
                    w.as_bytes()[0].is_ascii_lowercase()
                        && (aux || w.ends_with("ed") || (*p == ", and " && w.ends_with('s')))
                });
                if !ok {
                    from = at + p.len();
                    continue;
                }
            }
            // "a day after": cut before "a day"
            let cut = if *sub {
                let before = &l[..at];
                if before.ends_with(" a day")
                    || before.ends_with(" days")
                    || before.ends_with(" a week")
                {
                    before
                        .rfind(' ')
                        .map_or(cut, |k| before[..k].rfind(' ').map_or(cut, |k2| k2 + 1))
                } else {
                    cut
                }
            } else {
                cut
            };
            cuts.push((cut, *sub));
            from = at + p.len();
        }
    }
    cuts.sort();
    cuts.dedup_by_key(|c| c.0);
    let mut out = Vec::new();
    let mut last = 0;
    let mut last_sub = false;
    for (c, sub) in cuts {
        if c > last && c < s.len() {
            out.push(Clause {
                span: Span::new(sent.start + last, sent.start + c),
                subordinate: last_sub,
            });
            last = c;
            last_sub = sub;
        }
    }
    out.push(Clause {
        span: Span::new(sent.start + last, sent.end),
        subordinate: last_sub,
    });
    out
}

/// Byte ranges inside double quotes (curly or straight), per paragraph.
pub fn quote_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight: Option<usize> = None;
    let b = text.as_bytes();
    // only the bytes that can open one of the chars looked at: a straight
    // quote, a line break, and 0xE2, which leads the curly quotes (E2 80 9C,
    // E2 80 9D) and is always the first byte of a char
    for i in memchr::memchr3_iter(b'"', b'\n', 0xe2, b) {
        match b[i] {
            b'"' => {
                if let Some(o) = straight.take() {
                    if !quoted_name(&text[o + 1..i]) && !continues_report(text, o) {
                        out.push((o, i + 1));
                    }
                } else {
                    straight = Some(i);
                }
            }
            b'\n' => {
                if i + 1 < b.len() && b[i + 1] == b'\n' {
                    open = None;
                    straight = None;
                }
            }
            _ => match b.get(i + 1..i + 3) {
                Some([0x80, 0x9c]) => open = Some(i),
                Some([0x80, 0x9d]) => {
                    if let Some(o) = open.take() {
                        if !continues_report(text, o) {
                            out.push((o, i + 3));
                        }
                    }
                }
                _ => {}
            },
        }
    }
    out.extend(header_tags(text));
    merge_overlapping(out)
}

/// Sorts byte ranges and merges those that overlap (`in_quotes` searches
/// them by their ends).
fn merge_overlapping(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.0 < last.1 => last.1 = last.1.max(r.1),
            _ => merged.push(r),
        }
    }
    merged
}

/// The bracketed editorial tags of a wire service's header, read like
/// quotations (no one acts in them): the groups in square brackets right before
/// a `[TEXT]`/`[EXCERPT]`/`[EXCERPTS]` tag ("-- [COMMUNIQUE] [FARABUNDO MARTI
/// NATIONAL LIBERATION FRONT (FMLN)] [TEXT] TODAY THE AIR FORCE BOMBED …":
/// the communique's author is not the subject of the story's first sentence).
fn header_tags(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    // every tag opens with '[': look only there (one byte search over the
    // text instead of a window comparison per byte and tag)
    for i in memchr::memchr_iter(b'[', b) {
        for tag in HEADER_TAGS {
            // the tag in any case (title-cased copy writes "[Text]")
            if b.len() - i >= tag.len() && b[i..i + tag.len()].eq_ignore_ascii_case(tag.as_bytes())
            {
                bracket_groups_before(b, i, &mut out);
            }
        }
    }
    out
}

/// The editorial tags that close a wire header's bracket groups.
const HEADER_TAGS: [&str; 3] = ["[text]", "[excerpt]", "[excerpts]"];

/// Pushes the whole bracket groups right before `at` (over whitespace),
/// nearest first.
fn bracket_groups_before(b: &[u8], mut at: usize, out: &mut Vec<(usize, usize)>) {
    loop {
        while at > 0 && b[at - 1].is_ascii_whitespace() {
            at -= 1;
        }
        if at == 0 || b[at - 1] != b']' {
            break;
        }
        let close = at - 1;
        let lo = close.saturating_sub(300);
        let Some(open) = b[lo..close]
            .iter()
            .rposition(|&c| c == b'[')
            .map(|k| lo + k)
        else {
            break;
        };
        if b[open + 1..close].contains(&b']') {
            break;
        }
        out.push((open, close + 1));
        at = open;
    }
}

/// Whether a quotation opening at `open` carries on the report's own
/// sentence after its auxiliary ("a party office was \"completely destroyed
/// by a bomb explosion\"", "the attack was “carried out by the Front”"): the
/// reporter tells the act in the source's words, it is no one's speech.
fn continues_report(text: &str, open: usize) -> bool {
    let before = text.get(..open).unwrap_or("").trim_end();
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    before.len() > last.len()
        && matches!(
            last.to_ascii_lowercase().as_str(),
            "was" | "were" | "been" | "being"
        )
}

/// Whether the inside of straight quotes is a name in quotation marks rather
/// than someone's words: at most four words, opening with a capital ("the
/// explosion was organized by the \"Sendero Luminoso,\" a rebel group").
fn quoted_name(inner: &str) -> bool {
    let inner = inner.trim();
    inner.len() <= 48
        && inner.split_whitespace().count() <= 4
        && inner.starts_with(|c: char| c.is_uppercase())
        && !inner.contains(['.', '!', '?', ':', ';'])
}

/// Whether `pos` lies inside one of the (sorted) quote ranges.
pub fn in_quotes(q: &[(usize, usize)], pos: usize) -> bool {
    let i = q.partition_point(|r| r.1 <= pos);
    i < q.len() && q[i].0 <= pos
}

const IRREALIS: &[&str] = &[
    "would",
    "will",
    "could",
    "can",
    "cannot",
    "may",
    "might",
    "should",
    "if",
    "unless",
    "threat",
    "plan",
    "plans",
    "planned",
    "planning",
    "prevent",
    "refrain",
    "avoid",
    "against",
    "fear",
    "feared",
    "fears",
    "risk",
    "risking",
    "wants",
    "want",
    "demand",
    "demanded",
    "sought",
    "seek",
    "urged",
    "urge",
    "condemned",
    "condemn",
    "condemning",
    "not",
    "never",
    "no",
    "any",
    "possible",
    "potential",
    "future",
    "further",
    "new",
    "prepared",
    "preparing",
];

fn words_before(text: &str, from: usize, to: usize, n: usize) -> Vec<String> {
    // only the last few words are wanted: look back a bounded stretch, so that
    // the cost does not grow with the clause (run-on lines)
    let mut from = from.max(to.saturating_sub(24 * n + 48));
    while from < to && !text.is_char_boundary(from) {
        from += 1;
    }
    let seg = text.get(from..to).unwrap_or("");
    if !seg.is_ascii() {
        return seg
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .rev()
            .take(n)
            .map(|w| w.to_ascii_lowercase())
            .collect();
    }
    // (plain ASCII, nearly always: bytes, no char decoding; nearest first)
    let sep = |b: u8| !b.is_ascii_alphanumeric() && b != b'\'';
    let b = seg.as_bytes();
    let mut words = Vec::with_capacity(n);
    let mut end = b.len();
    while words.len() < n {
        while end > 0 && sep(b[end - 1]) {
            end -= 1;
        }
        if end == 0 {
            break;
        }
        let mut start = end - 1;
        while start > 0 && !sep(b[start - 1]) {
            start -= 1;
        }
        words.push(seg[start..end].to_ascii_lowercase());
        end = start;
    }
    words
}

/// The verbs that report an event noun as done ("a new attack was carried
/// out", "the bombing took place"): read by [`unreal`] and
/// [`told_by_support_verb`].
const TOLD_DONE: &[&str] = &[
    " took place",
    " was carried out",
    " were carried out",
    " occurred",
    " happened",
    " was staged",
    " were staged",
    " was perpetrated",
    " were perpetrated",
    " was committed",
    " were committed",
];

/// Whether the time expression at `when` dates an event noun at `trig` through
/// the verb that reports it ("a bomb attack took place in the capital
/// yesterday", "two attacks were carried out in La Paz last night"): the verb
/// stands between the two, and the place after it does not part them.
fn told_by_support_verb(text: &str, trig: Span, when: Span) -> bool {
    if when.start <= trig.end || when.start - trig.end > 90 {
        return false;
    }
    let between = text
        .get(trig.end..when.start)
        .unwrap_or("")
        .to_ascii_lowercase();
    TOLD_DONE.iter().any(|v| between.contains(v))
}

/// Whether a violent trigger at `at` is hypothetical, habitual or negated.
fn unreal(text: &str, clause: Span, at: usize, trig: Trig) -> bool {
    if trig == Trig::Threaten || trig == Trig::Deny || trig == Trig::Accuse {
        return false;
    }
    let before = words_before(text, clause.start, at, 7);
    if matches!(trig, Trig::Protest | Trig::Riot) {
        return before.iter().take(5).any(|w| {
            matches!(
                w.as_str(),
                "will"
                    | "would"
                    | "could"
                    | "may"
                    | "might"
                    | "if"
                    | "plan"
                    | "plans"
                    | "planned"
                    | "threatened"
                    | "threat"
                    | "warned"
                    | "unless"
            )
        });
    }
    // "a new attack … was carried out this morning": a new act told as
    // done is real ("new"/"further" alone mark a threat or a plan)
    let told_done = || {
        let rest = text.get(at..clause.end).unwrap_or("").to_ascii_lowercase();
        TOLD_DONE.iter().any(|p| rest.contains(p))
    };
    if before.iter().take(6).any(|w| {
        IRREALIS.contains(&w.as_str()) && !(matches!(w.as_str(), "new" | "further") && told_done())
    }) {
        return true;
    }
    if before.first().is_some_and(|w| w == "to") {
        return true;
    }
    if before.iter().take(2).any(|w| w == "to")
        && before
            .iter()
            .take(3)
            .any(|w| matches!(w.as_str(), "out" | "carry" | "launch" | "conduct"))
    {
        return true;
    }
    // habitual: "frequent armed attacks", "thousands of attacks", "for decades"
    let before12 = words_before(text, clause.start, at, 12);
    let cl_l = text[clause.start..clause.end].to_ascii_lowercase();
    let habitual = before12.iter().any(|w| {
        matches!(
            w.as_str(),
            "frequent"
                | "thousands"
                | "surge"
                | "intensified"
                | "often"
                | "repeatedly"
                | "regularly"
                | "routinely"
                | "typically"
                | "usually"
                | "spate"
                | "history"
        )
    }) || [
        "for decades",
        "for years",
        "over the last",
        "over the past",
        "in recent years",
        "since 20",
        "since 19",
    ]
    .iter()
    .any(|p| cl_l.contains(p));
    if habitual && matches!(trig, Trig::Attack | Trig::Clash | Trig::Bomb | Trig::Kill) {
        return true;
    }
    false
}

/// A generic actor noun recognised by extract itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generic {
    /// Army, troops, soldiers, security forces.
    Military,
    /// Police.
    Police,
    /// Unnamed armed men.
    Gunmen,
    /// Protesters.
    Protesters,
    /// Rioters.
    Rioters,
    /// Civilians.
    Civilians,
    /// Government (ministers, officials, spokesmen).
    Government,
}

const GENERICS: &[(&str, Generic)] = &[
    ("security forces", Generic::Military),
    ("security personnel", Generic::Military),
    ("security officials", Generic::Military),
    ("troops", Generic::Military),
    ("soldiers", Generic::Military),
    ("soldier", Generic::Military),
    ("the army", Generic::Military),
    ("army", Generic::Military),
    ("the military", Generic::Military),
    ("military", Generic::Military),
    ("forces", Generic::Military),
    ("paramilitary", Generic::Military),
    ("paramilitaries", Generic::Military),
    ("frontier corps", Generic::Military),
    ("levies", Generic::Military),
    ("rangers", Generic::Military),
    ("police", Generic::Police),
    ("law enforcement agencies", Generic::Police),
    ("law-enforcement agencies", Generic::Police),
    ("law enforcement personnel", Generic::Police),
    ("law-enforcement personnel", Generic::Police),
    ("border guards", Generic::Military),
    ("border guard", Generic::Military),
    ("policemen", Generic::Police),
    ("policeman", Generic::Police),
    ("cops", Generic::Police),
    ("law enforcers", Generic::Police),
    ("gunmen", Generic::Gunmen),
    ("gunman", Generic::Gunmen),
    ("armed men", Generic::Gunmen),
    ("assailants", Generic::Gunmen),
    ("attackers", Generic::Gunmen),
    ("militants", Generic::Gunmen),
    ("militant", Generic::Gunmen),
    ("insurgents", Generic::Gunmen),
    ("terrorists", Generic::Gunmen),
    ("separatists", Generic::Gunmen),
    ("rebels", Generic::Gunmen),
    ("miscreants", Generic::Gunmen),
    ("unidentified men", Generic::Gunmen),
    ("unknown men", Generic::Gunmen),
    ("guerrillas", Generic::Gunmen),
    ("guerrilla", Generic::Gunmen),
    ("guerillas", Generic::Gunmen),
    ("subversives", Generic::Gunmen),
    ("urban commandos", Generic::Gunmen),
    // state forces named by their corps (Latin America)
    ("national guard", Generic::Military),
    ("air force", Generic::Military),
    ("national guardsmen", Generic::Military),
    ("treasury police", Generic::Police),
    ("national police", Generic::Police),
    ("protesters", Generic::Protesters),
    ("protestors", Generic::Protesters),
    ("demonstrators", Generic::Protesters),
    ("rioters", Generic::Rioters),
    ("mob", Generic::Rioters),
    // party men and crowds acting in the street (ACLED: rioters)
    ("supporters", Generic::Rioters),
    ("activists", Generic::Rioters),
    ("followers", Generic::Rioters),
    ("agitators", Generic::Rioters),
    ("picketers", Generic::Rioters),
    ("hartal supporters", Generic::Rioters),
    ("blockade supporters", Generic::Rioters),
    ("bandh supporters", Generic::Rioters),
    ("enforcers", Generic::Rioters),
    ("bandh enforcers", Generic::Rioters),
    ("civilians", Generic::Civilians),
    ("villagers", Generic::Civilians),
    ("residents", Generic::Civilians),
    ("passengers", Generic::Civilians),
    ("worshippers", Generic::Civilians),
    ("government", Generic::Government),
    ("minister", Generic::Government),
    ("ministry", Generic::Government),
    ("spokesman", Generic::Government),
    ("spokesperson", Generic::Government),
    ("authorities", Generic::Government),
];

/// The ACLED-style actor for a generic noun in a country.
pub fn generic_actor(g: Generic, country: Option<&str>) -> Actor {
    let c = country.unwrap_or("");
    let (name, t) = match g {
        Generic::Military => (format!("Military Forces of {c}"), ActorType::StateForces),
        Generic::Police => (format!("Police Forces of {c}"), ActorType::StateForces),
        Generic::Gunmen => (
            format!("Unidentified Armed Group ({c})"),
            ActorType::PoliticalMilitias,
        ),
        Generic::Protesters => (format!("Protesters ({c})"), ActorType::Protesters),
        Generic::Rioters => (format!("Rioters ({c})"), ActorType::Rioters),
        Generic::Civilians => (format!("Civilians ({c})"), ActorType::Civilians),
        Generic::Government => (format!("Government of {c}"), ActorType::StateForces),
    };
    let name = if c.is_empty() {
        name.replace(" ()", "")
            .replace(" of ", " ")
            .trim()
            .to_string()
    } else {
        name
    };
    Actor {
        name,
        actor_type: Some(t),
        country: None,
    }
}

/// The country (ISO2) the named actors of a text belong to, for a text whose
/// places give none: the most often named country among dictionary actors
/// that have one ("BJP" → IN, "Awami League" → BD), the first named on a tie.
/// Only parties and groups of a single country count; `None` if none is named.
pub fn named_actors_country<'a>(
    named: impl IntoIterator<Item = Option<&'a str>>,
) -> Option<String> {
    let mut tally: Vec<(&str, usize)> = Vec::new();
    for c in named.into_iter().flatten() {
        match tally.iter_mut().find(|(k, _)| *k == c) {
            Some((_, n)) => *n += 1,
            None => tally.push((c, 1)),
        }
    }
    let best = tally.iter().map(|(_, n)| *n).max()?;
    tally
        .iter()
        .find(|(_, n)| *n == best)
        .map(|(c, _)| (*c).to_string())
}

/// Words only one country's reports use (ISO2): its administrative units and
/// offices ("upazila", "union parishad", "tambon", "collectorate",
/// "sarpanch") and movements ("Naxalites", "Madhesi"). Words South Asia
/// shares are left out: dharna, hartal, bandh, lathi-charge, panchayat,
/// Dalit, MLA (India, Pakistan, Nepal, Bangladesh or Sri Lanka all use
/// some of them); so is "Congress" (India's and Nepal's).
const COUNTRY_CUES: &[(&str, &str)] = &[
    ("upazila", "BD"),
    ("upazilla", "BD"),
    ("union parishad", "BD"),
    ("collectorate", "IN"),
    ("sarpanch", "IN"),
    ("gram panchayat", "IN"),
    ("naxal", "IN"),
    ("naxals", "IN"),
    ("naxalite", "IN"),
    ("naxalites", "IN"),
    ("madhesi", "NP"),
    ("madhesis", "NP"),
    ("tambon", "TH"),
    ("amphoe", "TH"),
    ("defence volunteer", "TH"),
    ("defence volunteers", "TH"),
    ("defense volunteer", "TH"),
    ("defense volunteers", "TH"),
    ("pradeshiya sabha", "LK"),
];

/// The country (ISO2) a text's own vocabulary points to, for a text whose
/// places and named actors give none: the country of the most cue words
/// ([`COUNTRY_CUES`]), `None` on a tie or when there is none.
pub fn country_cue(text: &str) -> Option<&'static str> {
    let l = text.to_ascii_lowercase();
    let mut tally: Vec<(&'static str, usize)> = Vec::new();
    let mut add = |c: &'static str| match tally.iter_mut().find(|(k, _)| *k == c) {
        Some((_, n)) => *n += 1,
        None => tally.push((c, 1)),
    };
    for (w, c) in COUNTRY_CUES {
        if word_hits(&l, w).next().is_some() {
            add(c);
        }
    }
    let best = tally.iter().map(|(_, n)| *n).max()?;
    let mut top = tally.iter().filter(|(_, n)| *n == best);
    let first = top.next()?;
    top.next().is_none().then_some(first.0)
}

/// A candidate actor mention in the article.
#[derive(Debug, Clone)]
pub struct ActorCand {
    /// The mention.
    pub span: Span,
    /// The actor, as coded when this mention fills a role.
    pub actor: Actor,
    /// Generic kind (None for named actors and countries).
    pub generic: Option<Generic>,
    /// A country name used as an actor ("Pakistan conducted airstrikes").
    pub country: bool,
    /// The country name (for countries: itself).
    pub country_name: Option<String>,
}

/// Whether a generic actor word is really part of a place ("police
/// station", "army camp"), a source ("police official") or a group's name
/// ("Baloch Liberation Army").
pub fn not_an_actor(text: &str, sp: Span) -> bool {
    // "guerrilla forces", "rebel units": the insurgents' own men, told by
    // the word before (its own mention), not the state's forces
    let this = text
        .get(sp.start..sp.end)
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(this.as_str(), "forces" | "force" | "units" | "troops") {
        let prev = words_before(text, sp.start.saturating_sub(40), sp.start, 1);
        if prev.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "guerrilla" | "guerrillas" | "rebel" | "rebels" | "insurgent" | "terrorist"
            )
        }) {
            return true;
        }
    }
    let rest = text.get(sp.end..).unwrap_or("");
    let next = rest.split_whitespace().next().unwrap_or("");
    let next = next
        .trim_matches(|c: char| !c.is_ascii_alphanumeric())
        .to_ascii_lowercase();
    if matches!(
        next.as_str(),
        "station"
            | "stations"
            | "post"
            | "posts"
            | "checkpost"
            | "checkposts"
            | "checkpoint"
            | "checkpoints"
            | "headquarters"
            | "camp"
            | "camps"
            | "installation"
            | "installations"
            | "base"
            | "bases"
            | "academy"
            | "compound"
            | "building"
            | "office"
            | "offices"
            | "school"
            | "hospital"
            | "line"
            | "lines"
            | "cantonment"
            | "officials"
            | "official"
            | "sources"
            | "spokesman"
            | "spokesperson"
            | "operation"
            | "operations"
            | "chief"
            | "said"
            | "says"
            | "statement"
    ) {
        return true;
    }
    let word = text.get(sp.start..sp.end).unwrap_or("");
    if word.chars().next().is_some_and(|c| c.is_uppercase()) {
        let prev = words_before(text, sp.start.saturating_sub(30), sp.start, 1);
        if prev.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "liberation"
                    | "republican"
                    | "revolutionary"
                    | "freedom"
                    | "salvation"
                    | "resistance"
                    | "people's"
                    | "islamic"
                    | "national"
                    | "united"
                    | "mujahideen"
                    | "defence"
                    | "defense"
                    | "independence"
                    | "democratic"
                    | "popular"
                    | "secret"
                    | "red"
                    | "new"
            )
        }) {
            return true;
        }
    }
    false
}

/// Finds generic actor nouns in `text` (whole words, case-insensitive).
pub fn find_generics(text: &str) -> Vec<(Span, Generic)> {
    // one pass over the text for all the nouns (every occurrence of every
    // noun, overlapping ones included; the longest wins below)
    static AC: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> = std::sync::OnceLock::new();
    let Some(ac) = AC
        .get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(GENERICS.iter().map(|(p, _)| *p))
                .ok()
        })
        .as_ref()
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let b = text.as_bytes();
    for m in ac.find_overlapping_iter(text) {
        let (s, e) = (m.start(), m.end());
        let g = GENERICS[m.pattern().as_usize()].1;
        if (s > 0 && b[s - 1].is_ascii_alphanumeric())
            || (e < b.len() && b[e].is_ascii_alphanumeric())
        {
            continue;
        }
        if not_an_actor(text, Span::new(s, e)) {
            continue;
        }
        out.push((Span::new(s, e), g));
    }
    // longest first, no overlaps
    out.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut res: Vec<(Span, Generic)> = Vec::new();
    for (s, g) in out {
        if res.last().is_some_and(|(l, _)| l.end > s.start) {
            continue;
        }
        res.push((s, g));
    }
    res
}

/// Per-article inputs for mention building.
pub struct Doc<'a> {
    /// Article text.
    pub text: &'a str,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Lexicon hits (sorted).
    pub hits: &'a [LexHit],
    /// Quote ranges.
    pub quotes: &'a [(usize, usize)],
    /// Actor candidates (sorted by start).
    pub actors: &'a [ActorCand],
    /// Country name of the article's focus.
    pub country: Option<String>,
    /// Locator: the place of a span (clause), with evidence.
    pub locate: &'a dyn Fn(Span) -> Option<(Location, Span)>,
}

fn speechy(text: &str, tx: Span) -> bool {
    let before = words_before(text, tx.start.saturating_sub(40), tx.start, 2);
    let speech = |w: &str| {
        matches!(
            w,
            "said"
                | "says"
                | "told"
                | "reported"
                | "announced"
                | "added"
                | "stated"
                | "confirmed"
                | "statement"
                | "conference"
                | "briefing"
        )
    };
    before.first().is_some_and(|w| speech(w))
        || (before
            .get(1)
            .is_some_and(|w| matches!(w.as_str(), "told" | "said" | "informed"))
            && before.first().is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "reporters"
                        | "journalists"
                        | "afp"
                        | "reuters"
                        | "media"
                        | "officials"
                        | "parliament"
                )
            }))
}

fn hits_in(hits: &[LexHit], span: Span) -> &[LexHit] {
    let a = hits.partition_point(|h| h.start < span.start);
    let b = hits.partition_point(|h| h.start < span.end);
    &hits[a..b.max(a)]
}

/// The whole-word occurrences of `w` in `l`, as byte ranges `(start, end)`:
/// neither neighbour is an ASCII letter or digit. An empty `w` has none.
///
/// Occurrences are found left to right without overlapping, as
/// `str::match_indices` finds them, by a plain first-byte scan: the words are
/// short and the texts a sentence long, where building a two-way searcher
/// for every word of every list cost more than the search itself.
fn word_hits<'a>(l: &'a str, w: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    let b = l.as_bytes();
    let n = w.as_bytes();
    // A word of letters and digits only cannot overlap a whole-word
    // occurrence of itself, so a candidate glued to the letter before it is
    // passed over before its bytes are compared: the same hits.
    let alnum = n.iter().all(u8::is_ascii_alphanumeric);
    let mut from = 0usize;
    std::iter::from_fn(move || {
        let (&first, rest) = n.split_first()?;
        loop {
            let last = b.len().checked_sub(n.len())?;
            if from > last {
                return None;
            }
            // (the first byte by `memchr`, without `str::find`'s char
            // searcher around it)
            let s = from + memchr::memchr(first, &b[from..=last])?;
            if alnum && s > 0 && b[s - 1].is_ascii_alphanumeric() {
                from = s + 1;
                continue;
            }
            // (a byte loop: the words are a few bytes, a `memcmp` call costs more)
            if !b[s + 1..s + n.len()].iter().zip(rest).all(|(x, y)| x == y) {
                from = s + 1;
                continue;
            }
            let e = s + n.len();
            from = e;
            if (s == 0 || !b[s - 1].is_ascii_alphanumeric())
                && (e >= b.len() || !b[e].is_ascii_alphanumeric())
            {
                return Some((s, e));
            }
        }
    })
}

/// Whether `l` holds one of `words` as a whole word ([`word_hits`]).
///
/// One pass over the runs of letters and digits of `l` for all the words at
/// once, instead of a scan of `l` per word: the words are filed by their
/// first byte and the length of their first run, and each run of `l` looks up
/// only the words filed under its own. A whole-word hit of a word that opens
/// with a letter or digit starts where a run starts and covers that run
/// exactly, so the pass finds every hit `word_hits` finds. `word_hits`
/// resumes after a rejected occurrence and so could miss a hit inside it;
/// that needs a word whose tail after a non-word byte repeats its head
/// ([`has_border`]), and such words (none in the lists used), the words that
/// open with another byte and lists of more than 64 words are read by
/// `word_hits` itself: the same answers.
///
/// A list's table is built once per thread: the lists are `'static`, so a
/// list's address and length name its words for good.
fn has_word(l: &str, words: &'static [&'static str]) -> bool {
    if words.len() > 64 {
        return words.iter().any(|w| word_hits(l, w).next().is_some());
    }
    if words.is_empty() {
        return false;
    }
    let key = (words.as_ptr() as usize, words.len());
    TABLES.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_empty() {
            c.resize(TABLE_CACHE, WordTable::EMPTY);
        }
        let e = &mut c[(key.0 >> 3 ^ key.1) & (TABLE_CACHE - 1)];
        if e.key != key {
            *e = WordTable::build(key, words);
        }
        // the words the one pass cannot read, each by its own scan
        let mut slow = e.slow;
        while slow != 0 {
            let k = slow.trailing_zeros() as usize;
            slow &= slow - 1;
            if word_hits(l, words[k]).next().is_some() {
                return true;
            }
        }
        if !e.any {
            return false;
        }
        let table = &e.table;
        let b = l.as_bytes();
        with_runs(b, |runs| {
            runs.iter().any(|&(s, e)| {
                let mut filed = table[word_slot(b[s], e - s)];
                while filed != 0 {
                    let k = filed.trailing_zeros() as usize;
                    filed &= filed - 1;
                    let wb = words[k].as_bytes();
                    if b[s..].starts_with(wb)
                        && b.get(s + wb.len())
                            .is_none_or(|x| !x.is_ascii_alphanumeric())
                    {
                        return true;
                    }
                }
                false
            })
        })
    })
}

/// Slots of a [`WordTable`].
const WORD_SLOTS: usize = 64;

/// The slot of [`WordTable`] for a word's first byte and first run length.
fn word_slot(first: u8, run: usize) -> usize {
    (usize::from(first) * 7 + run) & (WORD_SLOTS - 1)
}

/// How many word lists' tables a thread keeps (direct-mapped by address).
const TABLE_CACHE: usize = 128;

/// A word list of at most 64 words filed for [`has_word`].
#[derive(Clone, Copy)]
struct WordTable {
    /// The list's address and length.
    key: (usize, usize),
    /// Per slot: the words (bits by index) filed under it.
    table: [u64; WORD_SLOTS],
    /// The words read by [`word_hits`] (bits by index): those that do not
    /// open with a letter or digit, and those with a border ([`has_border`]).
    slow: u64,
    /// Whether any word is filed in `table`.
    any: bool,
}

impl WordTable {
    /// No list.
    const EMPTY: WordTable = WordTable {
        key: (0, 0),
        table: [0; WORD_SLOTS],
        slow: 0,
        any: false,
    };

    /// The table of `words` (at most 64).
    fn build(key: (usize, usize), words: &[&str]) -> WordTable {
        let mut t = WordTable {
            key,
            ..WordTable::EMPTY
        };
        for (k, w) in words.iter().enumerate().take(64) {
            let wb = w.as_bytes();
            let Some(&c) = wb.first() else {
                continue;
            };
            let run = wb
                .iter()
                .position(|x| !x.is_ascii_alphanumeric())
                .unwrap_or(wb.len());
            if run == 0 || (run < wb.len() && has_border(wb)) {
                t.slow |= 1 << k;
                continue;
            }
            t.table[word_slot(c, run)] |= 1 << k;
            t.any = true;
        }
        t
    }
}

thread_local! {
    /// [`has_word`]'s tables of the word lists, by address.
    static TABLES: std::cell::RefCell<Vec<WordTable>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// A copy of a text and its runs of ASCII letters and digits (start, end).
type TextRuns = (Vec<u8>, Vec<(usize, usize)>);

thread_local! {
    /// The text [`has_word`] read last (a copy) and its runs of ASCII
    /// letters and digits: a sentence or clause is asked about several word
    /// lists in a row.
    static RUNS: std::cell::RefCell<TextRuns> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// The runs of ASCII letters and digits of `b` (start, end), into `runs`.
fn word_runs(b: &[u8], runs: &mut Vec<(usize, usize)>) {
    let mut s = 0;
    while s < b.len() {
        if !b[s].is_ascii_alphanumeric() {
            s += 1;
            continue;
        }
        let mut e = s + 1;
        while e < b.len() && b[e].is_ascii_alphanumeric() {
            e += 1;
        }
        runs.push((s, e));
        s = e;
    }
}

/// Calls `f` with the runs of ASCII letters and digits of `b` (start, end),
/// found once for a text asked about several times in a row (the cache is
/// keyed by the text's bytes themselves, so it cannot answer for another
/// text).
fn with_runs<R>(b: &[u8], f: impl FnOnce(&[(usize, usize)]) -> R) -> R {
    RUNS.with(|c| match c.try_borrow_mut() {
        Ok(mut c) => {
            let (text, runs) = &mut *c;
            if text.as_slice() != b {
                text.clear();
                text.extend_from_slice(b);
                runs.clear();
                word_runs(b, runs);
            }
            f(runs)
        }
        // (not reached: `f` does not call back)
        Err(_) => {
            let mut runs = Vec::new();
            word_runs(b, &mut runs);
            f(&runs)
        }
    })
}

/// Whether the word `w` has a tail, starting after one of its non-word
/// bytes, that equals its head ("ab ab"): `word_hits` can then pass over a
/// hit that starts inside a rejected occurrence.
fn has_border(w: &[u8]) -> bool {
    (1..w.len()).any(|k| !w[k - 1].is_ascii_alphanumeric() && w[k..] == w[..w.len() - k])
}

/// The longest stretch of text treated as one sentence. A longer "sentence"
/// (a run-on line, a table, text without full stops) is coded in pieces of at
/// most this size, cut after a comma or at a space, so that the work per
/// sentence is bounded and the whole article costs linear time.
pub const MAX_SENTENCE: usize = 2000;

/// The actor candidates (sorted by start) that start inside `span`.
fn actors_in(actors: &[ActorCand], span: Span) -> &[ActorCand] {
    let a = actors.partition_point(|x| x.span.start < span.start);
    let b = actors.partition_point(|x| x.span.start < span.end);
    &actors[a..b.max(a)]
}

/// Builds the mentions of one sentence.
pub fn sentence_mentions(doc: &Doc<'_>, sent_idx: usize, sent: Span, out: &mut Vec<Mention>) {
    let text = doc.text;
    if sent.end.saturating_sub(sent.start) > MAX_SENTENCE {
        let mut s = sent.start;
        while s < sent.end {
            let mut e = (s + MAX_SENTENCE).min(sent.end);
            while e > s && !text.is_char_boundary(e) {
                e -= 1;
            }
            if e < sent.end {
                let seg = &text[s..e];
                if let Some(k) = seg.rfind(", ").filter(|k| *k > MAX_SENTENCE / 2) {
                    e = s + k + 1;
                } else if let Some(k) = seg.rfind(' ').filter(|k| *k > 0) {
                    e = s + k;
                }
            }
            if e <= s {
                break;
            }
            sentence_mentions(doc, sent_idx, Span::new(s, e), out);
            s = e;
        }
        return;
    }
    let shits = hits_in(doc.hits, sent);
    if shits.is_empty() {
        return;
    }
    let stext = &text[sent.start..sent.end];
    let sl = stext.to_ascii_lowercase();
    // counts in the sentence, outside quotes
    let all_counts: Vec<Count> = counts(stext, sent.start, shits)
        .into_iter()
        .filter(|c| !in_quotes(doc.quotes, c.span.start))
        .collect();
    let includes_prev = {
        let t = sl.trim_start();
        (t.starts_with("that ") || t.starts_with("this ") || t.starts_with("the "))
            && has_word(&sl, &["figure", "toll", "number", "tally", "count"])
            && has_word(&sl, &["includes", "include", "included", "including"])
    };
    let cls = clauses(text, sent);
    // a wire dateline's date ("GUATEMALA CITY, 19 AUG 89 (ACAN-EFE) --") is
    // the filing date, not the date of an event
    // (read in capitals: all-capitals copy is title-cased before analysis)
    let dl_end = if sent.start < 200 {
        let mut n = text.len().min(200);
        while !text.is_char_boundary(n) {
            n -= 1;
        }
        let head = text[..n].to_ascii_uppercase();
        // (dateline_end itself refuses a dash before the first comma: "Left
        // parties - CPI, CPM and …" opens a sentence)
        sitrep_text::timex::dateline_end(&head).unwrap_or(0)
    } else {
        0
    };
    let timexes: Vec<(Span, TimexKind, bool)> = find_timexes(stext)
        .into_iter()
        .map(|t| {
            let sp = Span::new(t.span.start + sent.start, t.span.end + sent.start);
            (sp, t.kind, speechy(text, sp) || sp.end <= dl_end)
        })
        .collect();
    let mut prev_clause_date: Option<NaiveDate> = None;
    // the perpetrator of the sentence's last clause that named one: a verb
    // joined by "and" shares its subject ("Maoists kidnapped two villagers
    // and killed them")
    let mut prev_agent: Option<RoleActor> = None;
    for (ci, cl) in cls.iter().enumerate() {
        let chits = hits_in(shits, cl.span);
        let ctext = &text[cl.span.start..cl.span.end];
        let cl_l = ctext.to_ascii_lowercase();
        // the clause's own time expressions
        let ctx: Vec<&(Span, TimexKind, bool)> =
            timexes.iter().filter(|t| cl.span.contains(t.0)).collect();
        let resolve = |t: &(Span, TimexKind, bool)| {
            sitrep_text::timex::Timex {
                span: t.0,
                kind: t.1,
            }
            .resolve_against(prev_clause_date.or(doc.published), doc.published)
        };
        let first_clause_tx: Vec<&(Span, TimexKind, bool)> = if ci > 0 && !cl.subordinate {
            timexes
                .iter()
                .filter(|t| cls[0].span.contains(t.0))
                .collect()
        } else {
            Vec::new()
        };
        let event_tx = ctx
            .iter()
            .find(|t| !t.2)
            .copied()
            .or_else(|| first_clause_tx.iter().find(|t| !t.2).copied());
        let any_tx = ctx
            .first()
            .copied()
            .or_else(|| first_clause_tx.first().copied());
        let clause_date = event_tx.map(|t| DateCue {
            resolved: resolve(t),
            span: t.0,
        });
        let verbal_date = any_tx.map(|t| DateCue {
            resolved: resolve(t),
            span: t.0,
        });
        if let Some(d) = clause_date.and_then(|d| d.resolved) {
            prev_clause_date = Some(d.date);
        } else if ci == 0 {
            prev_clause_date = doc.published;
        }
        // triggers in this clause, real ones only
        let mut trigs: Vec<(Trig, Span)> = Vec::new();
        for h in chits {
            if let Hit::Trigger(t) = h.hit {
                if in_quotes(doc.quotes, h.start) {
                    continue;
                }
                let word = &text[h.start..h.end];
                let lw = word.to_ascii_lowercase();
                // context filters for ambiguous words
                let violent_here = chits.iter().any(|x| {
                    matches!(
                        x.hit,
                        Hit::Trigger(
                            Trig::Air
                                | Trig::Shell
                                | Trig::Suicide
                                | Trig::Grenade
                                | Trig::Bomb
                                | Trig::Clash
                                | Trig::Attack
                                | Trig::Kill
                                | Trig::Abduct
                                | Trig::Arrest
                        )
                    )
                });
                let ok = match t {
                    Trig::Protest
                        if matches!(
                            lw.as_str(),
                            "gathered"
                                | "demanding"
                                | "demanded"
                                | "took out"
                                | "stalled"
                                | "memorandum"
                        ) || lw.starts_with("obstruct") =>
                    {
                        !violent_here
                            && (lw != "gathered"
                                || has_word(
                                    &cl_l,
                                    &[
                                        "protest",
                                        "demand",
                                        "demanding",
                                        "outside",
                                        "in front of",
                                        "against",
                                        "support",
                                        "rally",
                                        "show",
                                        "condemn",
                                        "slogans",
                                        "oppose",
                                        "opposing",
                                        "opposition",
                                        "express",
                                        "voice",
                                        "concern",
                                        "concerns",
                                        "grievances",
                                        "petition",
                                        "banners",
                                        "placards",
                                    ],
                                ))
                            && (lw != "took out"
                                || has_word(&cl_l, &["rally", "procession", "march", "protest"]))
                    }
                    Trig::Protest if lw == "march" => word.starts_with('m'),
                    Trig::Protest if lw == "strike" || lw == "strikes" => has_word(
                        &cl_l,
                        &[
                            "general",
                            "hunger",
                            "observed",
                            "called",
                            "token",
                            "transport",
                            "pen-down",
                            "went on",
                            "on strike",
                            "traders",
                            "workers",
                            "employees",
                            "teachers",
                            "doctors",
                            "lawyers",
                            "owners",
                            "drivers",
                            "transporters",
                            "enforced",
                            "imposed",
                        ],
                    ),
                    Trig::Defuse
                        if !matches!(lw.as_str(), "defused" | "defuse" | "bomb disposal") =>
                    {
                        has_word(
                            &cl_l,
                            &[
                                "bomb",
                                "bombs",
                                "explosive",
                                "explosives",
                                "ied",
                                "ieds",
                                "weapons",
                                "arms",
                                "ammunition",
                                "grenade",
                                "grenades",
                                "rockets",
                                "mortar",
                                "detonators",
                                "suicide vest",
                                "plot",
                                "attack",
                                "attempt",
                            ],
                        ) && !has_word(&cl_l, &["killed", "dead", "exploded", "blast", "injured"])
                    }
                    Trig::Jailbreak => has_word(
                        &cl_l,
                        &[
                            "jail",
                            "prison",
                            "inmates",
                            "prisoners",
                            "detainees",
                            "lockup",
                        ],
                    ),
                    Trig::Threaten
                        if matches!(lw.as_str(), "would mean" | "warned of" | "pledged to") =>
                    {
                        has_word(
                            &sl,
                            &[
                                "war",
                                "retaliation",
                                "retaliate",
                                "consequences",
                                "revenge",
                                "avenge",
                                "eliminate",
                                "crush",
                                "attack",
                                "action",
                            ],
                        )
                    }
                    Trig::Accuse
                        if matches!(
                            lw.as_str(),
                            "links to" | "backed by" | "supported by" | "sponsored by"
                        ) =>
                    {
                        has_word(
                            &sl,
                            &[
                                "claimed", "alleged", "accused", "said", "says", "blamed",
                                "insisted",
                            ],
                        )
                    }
                    // "riot police", "riot gear", "charges of rioting" name no riot
                    Trig::Riot if lw.starts_with("riot") => {
                        let next = text[h.end..]
                            .split_whitespace()
                            .next()
                            .unwrap_or("")
                            .trim_matches(|c: char| !c.is_ascii_alphabetic())
                            .to_ascii_lowercase();
                        let prev = words_before(text, cl.span.start, h.start, 1);
                        !matches!(
                            next.as_str(),
                            "police"
                                | "policemen"
                                | "gear"
                                | "control"
                                | "squad"
                                | "squads"
                                | "shields"
                                | "shield"
                                | "act"
                                | "case"
                                | "cases"
                                | "charges"
                                | "vehicle"
                                | "vehicles"
                                | "unit"
                                | "units"
                        ) && !prev
                            .first()
                            .is_some_and(|w| matches!(w.as_str(), "for" | "of" | "with" | "anti"))
                    }
                    Trig::Consult if lw == "talks" => true,
                    Trig::Shell if lw.starts_with("missile") || lw.starts_with("rocket") => {
                        !has_word(&cl_l, &["test", "tested", "launcher", "launchers"])
                            || has_word(&cl_l, &["fired", "landed", "hit", "killed"])
                    }
                    Trig::Attack if lw == "shot" => !has_word(&cl_l, &["shot down"]),
                    Trig::Attack if lw == "gunmen" => true,
                    Trig::Air if lw == "drone" || lw == "drones" => has_word(
                        &cl_l,
                        &[
                            "strike", "strikes", "fired", "attack", "attacks", "killed", "missile",
                            "missiles", "struck", "hit", "bombed",
                        ],
                    ),
                    Trig::Clash if lw == "operation" || lw == "operations" => has_word(
                        &cl_l,
                        &[
                            "killed",
                            "kill",
                            "militants",
                            "insurgents",
                            "terrorists",
                            "military",
                            "security",
                            "army",
                            "troops",
                            "launched",
                        ],
                    ),
                    Trig::Loot
                        if matches!(lw.as_str(), "burned" | "burnt" | "destroyed" | "damaged") =>
                    {
                        !chits.iter().any(|x| {
                            matches!(
                                x.hit,
                                Hit::Trigger(
                                    Trig::Bomb
                                        | Trig::Air
                                        | Trig::Shell
                                        | Trig::Suicide
                                        | Trig::Grenade
                                        | Trig::Attack
                                        | Trig::Clash
                                )
                            )
                        })
                    }
                    Trig::Agree if lw == "agreed" => has_word(
                        &cl_l,
                        &[
                            "ceasefire",
                            "truce",
                            "deal",
                            "agreement",
                            "accord",
                            "peace",
                            "talks",
                            "halt",
                            "end",
                            "stop",
                            "release",
                            "exchange",
                            "withdraw",
                        ],
                    ),
                    _ => true,
                };
                if !ok {
                    continue;
                }
                if unreal(text, cl.span, h.start, t) {
                    continue;
                }
                trigs.push((t, Span::new(h.start, h.end)));
            }
        }
        // "X claimed responsibility for the assassination": what follows the
        // claim verb names the event claimed, it does not report a new one
        // -- unless the article reports no attack elsewhere ("The TTP claimed
        // responsibility for a gun attack on a police officer in Karachi" is
        // the report itself)
        if let Some(claim_at) = trigs
            .iter()
            .filter(|t| t.0 == Trig::Claim)
            .map(|t| t.1.start)
            .min()
        {
            if violence_elsewhere(doc, sent) {
                trigs.retain(|(t, sp)| *t == Trig::Claim || sp.start < claim_at);
            }
        }
        let ccounts: Vec<Count> = all_counts
            .iter()
            .filter(|c| {
                cl.span.contains(Span::new(c.span.start, c.span.start))
                    || (c.span.start < cl.span.start
                        && c.span.end > cl.span.start
                        && ci > 0
                        && cl.span.contains(Span::new(c.span.end - 1, c.span.end)))
            })
            .copied()
            .map(|mut c| {
                if includes_prev {
                    c.included = false;
                }
                c
            })
            .collect();
        let has = |t: Trig| trigs.iter().any(|x| x.0 == t);
        // which families this clause reports
        let strong_violent = [
            Trig::Air,
            Trig::Shell,
            Trig::Suicide,
            Trig::Grenade,
            Trig::Bomb,
            Trig::Chemical,
        ];
        let violent_trigs: Vec<(Trig, Span)> = trigs
            .iter()
            .copied()
            .filter(|(t, _)| {
                matches!(
                    t,
                    Trig::Air
                        | Trig::Shell
                        | Trig::Suicide
                        | Trig::Grenade
                        | Trig::Bomb
                        | Trig::Chemical
                        | Trig::Clash
                        | Trig::Attack
                        | Trig::Kill
                        | Trig::Sexual
                        | Trig::Capture
                        | Trig::Recapture
                )
            })
            .collect();
        let killish: Vec<&Count> = ccounts
            .iter()
            .filter(|c| matches!(c.outcome, Outcome::Killed | Outcome::Wounded) && !c.included)
            .collect();
        let protest = has(Trig::Protest) || has(Trig::Riot) || has(Trig::Mob);
        // a protest against a bombing is a protest: the bombing it names is
        // its grievance, not a new report
        let strong = trigs.iter().any(|(t, sp)| {
            strong_violent.contains(t)
                && !(protest
                    && grievance_cue(
                        &sl,
                        Span::new(sp.start - sent.start, sp.end - sent.start),
                        false,
                    ))
        });
        let defuse = has(Trig::Defuse) && !killish.iter().any(|c| c.best > 0);
        let mut fams: Vec<(Family, Vec<(Trig, Span)>)> = Vec::new();
        if protest && !strong {
            let mut ts: Vec<(Trig, Span)> = trigs
                .iter()
                .copied()
                .filter(|(t, _)| {
                    matches!(
                        t,
                        Trig::Protest
                            | Trig::Riot
                            | Trig::Mob
                            | Trig::Attack
                            | Trig::Clash
                            | Trig::Kill
                            | Trig::Arrest
                            | Trig::Loot
                    )
                })
                .collect();
            // the grievance of the protest ("protesting the attack on an
            // imambargah") and burnt symbols ("burnt an effigy") are not the
            // crowd's violence
            let sent_l = sl.as_str();
            ts.retain(|(t, s)| {
                matches!(t, Trig::Protest | Trig::Riot | Trig::Mob) || {
                    let w = Span::new(s.start - sent.start, s.end - sent.start);
                    // besieging an office or blocking a road is the
                    // demonstration itself (a gherao), not violence
                    let tw = sent_l.get(w.start..w.end).unwrap_or("");
                    let siege =
                        tw.contains("siege") || tw.contains("gherao") || tw.contains("block");
                    !(siege
                        || grievance(sent_l, w)
                        || (*t == Trig::Loot && symbolic_burning(sent_l, w.end)))
                }
            });
            ts.sort_by_key(|(t, s)| {
                (
                    !matches!(t, Trig::Protest | Trig::Riot | Trig::Mob),
                    s.start,
                )
            });
            fams.push((Family::Protest, ts));
        } else if defuse {
            fams.push((
                Family::Defuse,
                trigs
                    .iter()
                    .copied()
                    .filter(|t| t.0 == Trig::Defuse)
                    .collect(),
            ));
        } else if !violent_trigs.is_empty() || !killish.is_empty() {
            let mut vt = violent_trigs.clone();
            if vt.is_empty() {
                // people killed with no other cue: the outcome word is the trigger
                if let Some(h) = chits.iter().find(|h| {
                    matches!(h.hit, Hit::Outcome(Outcome::Killed | Outcome::Wounded))
                        && !in_quotes(doc.quotes, h.start)
                }) {
                    vt.push((Trig::Kill, Span::new(h.start, h.end)));
                }
            }
            // a bare nominal reference ("the attack") with nothing else is not a report
            let only_reference = killish.is_empty()
                && vt.iter().all(|(t, s)| {
                    matches!(t, Trig::Attack | Trig::Clash | Trig::Bomb)
                        && {
                            let w = text[s.start..s.end].to_ascii_lowercase();
                            matches!(
                                w.as_str(),
                                "attack"
                                    | "attacks"
                                    | "blast"
                                    | "blasts"
                                    | "explosion"
                                    | "explosions"
                                    | "bombing"
                                    | "bombings"
                                    | "operation"
                                    | "operations"
                                    | "firing"
                                    | "shooting"
                                    | "fighting"
                                    | "siege"
                                    | "assault"
                                    | "raid"
                                    | "raids"
                                    | "clashes"
                                    | "violence"
                                    | "ambush"
                            )
                        }
                        && {
                            let b = words_before(text, cl.span.start, s.start, 3);
                            b.first().is_some_and(|w| {
                                matches!(
                                    w.as_str(),
                                    "the" | "this" | "that" | "these" | "those" | "its" | "their"
                                )
                            }) || b.iter().any(|w| {
                                matches!(
                                    w.as_str(),
                                    "during"
                                        | "in"
                                        | "of"
                                        | "after"
                                        | "behind"
                                        | "under"
                                        | "since"
                                        | "following"
                                )
                            })
                        }
                });
            if !vt.is_empty() && !only_reference {
                fams.push((Family::Violent, vt));
            }
        }
        if !protest {
            for (t, f) in [
                (Trig::Abduct, Family::Abduct),
                (Trig::Arrest, Family::Arrest),
                (Trig::Jailbreak, Family::Jailbreak),
                (Trig::Seal, Family::Seal),
            ] {
                if has(t) {
                    fams.push((f, trigs.iter().copied().filter(|x| x.0 == t).collect()));
                }
            }
            if has(Trig::Loot) && fams.iter().all(|(f, _)| *f != Family::Violent) {
                fams.push((
                    Family::Loot,
                    trigs
                        .iter()
                        .copied()
                        .filter(|x| x.0 == Trig::Loot)
                        .collect(),
                ));
            }
        }
        // abductions without a trigger word but with a count ("had been abducted")
        if !fams.iter().any(|f| f.0 == Family::Abduct) {
            if let Some(c) = ccounts.iter().find(|c| c.outcome == Outcome::Abducted) {
                fams.push((Family::Abduct, vec![(Trig::Abduct, c.span)]));
            }
        }
        // verbal families; a bare reference ("since the ceasefire", "the
        // talks") without its own date or place reports nothing new
        let reference = |t: Trig| {
            trigs.iter().filter(|x| x.0 == t).all(|(_, sp)| {
                let b = words_before(text, cl.span.start, sp.start, 2);
                b.first().is_some_and(|w| {
                    matches!(w.as_str(), "the" | "of" | "its" | "their" | "ongoing")
                }) || b.get(1).is_some_and(|w| matches!(w.as_str(), "the" | "of"))
            }) && ctx.is_empty()
                && (doc.locate)(cl.span).is_none()
        };
        if has(Trig::Consult) && !reference(Trig::Consult) {
            fams.push((
                Family::Consult,
                trigs
                    .iter()
                    .copied()
                    .filter(|x| x.0 == Trig::Consult)
                    .collect(),
            ));
        } else if has(Trig::Agree) && !reference(Trig::Agree) && !has(Trig::Consult) {
            fams.push((
                Family::Agree,
                trigs
                    .iter()
                    .copied()
                    .filter(|x| x.0 == Trig::Agree)
                    .collect(),
            ));
        }
        for (t, f) in [
            (Trig::Accuse, Family::Accuse),
            (Trig::Deny, Family::Deny),
            (Trig::Threaten, Family::Threaten),
        ] {
            if has(t) {
                fams.push((f, trigs.iter().copied().filter(|x| x.0 == t).collect()));
            }
        }
        // claims attach to whatever the clause (or article) reports
        let mut claims = Vec::new();
        let mut no_claim = false;
        for (t, s) in trigs.iter().filter(|t| t.0 == Trig::Claim) {
            let _ = t;
            let before = words_before(text, cl.span.start, s.start, 5);
            if before
                .iter()
                .any(|w| matches!(w.as_str(), "no" | "not" | "nobody" | "none" | "yet"))
            {
                no_claim = true;
                continue;
            }
            // a passive claim names its claimant after the verb
            // (`passive_claim` below), not before it
            let passive = text
                .get(s.start..s.end)
                .is_some_and(|t| t.to_ascii_lowercase().ends_with("claimed by"));
            if passive {
                continue;
            }
            if let Some(name) = claimant(doc, cl.span, *s) {
                claims.push((name, Span::new(cl.span.start.max(sent.start), s.end)));
            }
        }
        // the passive "(an attack) claimed by the Islamic State": the
        // claimant follows the verb
        if claims.is_empty() {
            if let Some(c) = passive_claim(doc, cl.span, &sl, sent.start) {
                claims.push(c);
            }
        }
        if sl.contains("no group") && sl.contains("claim")
            || sl.contains("no one claimed")
            || sl.contains("no one has claimed")
            || sl.contains("not claimed")
        {
            no_claim = true;
        }
        if ci == 0 && claims.is_empty() && !no_claim {
            // this sentence, or a note told in the next one ("A note left on
            // the body said …", a sentence with no cue word of its own)
            let next = text
                .get(sent.end..)
                .and_then(|r| {
                    let k = r.len() - r.trim_start().len();
                    (k < 3 && sent.end + k < text.len()).then_some(sent.end + k)
                })
                .map(|k| sentence_around(text, Span::new(k, k)))
                .filter(|(a, b)| b > a);
            if let Some(c) = announced_killing(doc, sent, &sl).or_else(|| {
                let (a, b) = next?;
                let nl = text[a..b].to_ascii_lowercase();
                (nl.contains("note") || nl.contains("letter") || nl.contains("pamphlet"))
                    .then(|| announced_killing(doc, Span::new(a, b), &nl))
                    .flatten()
            }) {
                claims.push(c);
            }
        }
        if fams.is_empty() {
            if !claims.is_empty() || no_claim {
                // a claim sentence: a carrier mention with no family of its own
                out.push(Mention {
                    family: Family::Violent,
                    trigs: Vec::new(),
                    sent: sent_idx,
                    clause: cl.span,
                    date: None,
                    location: None,
                    actor1: None,
                    actor2: None,
                    counts: Vec::new(),
                    claims,
                    accused: Vec::new(),
                    denied: Vec::new(),
                    includes_into_previous: false,
                    no_claim,
                });
            }
            continue;
        }
        let location = (doc.locate)(cl.span).or_else(|| (doc.locate)(sent));
        let n_fams = fams.len();
        for (fi, (fam, ts)) in fams.into_iter().enumerate() {
            let first = ts.first().map(|t| t.1).unwrap_or(cl.span);
            let verbal = fam.verbal();
            // own date: a time expression near a verb-form trigger, or any in
            // the clause for verbal events
            let date = if verbal {
                verbal_date
            } else if fam != Family::Violent {
                clause_date
            } else {
                clause_date.filter(|d| {
                    let w = text[first.start..first.end].to_ascii_lowercase();
                    let verb = (w.ends_with("ed") && w != "dead") || w == "shot" || w == "fought";
                    let near = d.span.end + 25 >= first.start && first.end + 25 >= d.span.start;
                    let day = d
                        .resolved
                        .is_some_and(|r| r.precision == DatePrecision::Day);
                    verb || near
                        || (day && told_by_support_verb(text, first, d.span))
                        || ccounts.iter().any(|c| !c.included || includes_prev)
                })
            };
            let my_counts: Vec<Count> = ccounts
                .iter()
                .copied()
                .filter(|c| match fam {
                    Family::Abduct => c.outcome == Outcome::Abducted,
                    Family::Arrest => c.outcome == Outcome::Arrested,
                    Family::Violent | Family::Protest => {
                        matches!(c.outcome, Outcome::Killed | Outcome::Wounded)
                            || (fam == Family::Protest && c.outcome == Outcome::Arrested)
                    }
                    _ => false,
                })
                .collect();
            let (mut actor1, actor2) = roles(doc, sent, cl.span, fam, &ts, &my_counts);
            if !verbal && fam != Family::Protest {
                let joined = text
                    .get(cl.span.start..cl.span.end)
                    .map(|c| c.trim_start_matches([',', ' ']))
                    .is_some_and(|c| c.starts_with("and "));
                let own = actors_in(doc.actors, Span::new(cl.span.start, first.start))
                    .iter()
                    .any(|a| a.span.start >= cl.span.start);
                if joined
                    && !own
                    && actor1.as_ref().is_none_or(|a| unnamed_armed(&a.actor))
                    && actor2.as_ref().is_none_or(|b| {
                        prev_agent
                            .as_ref()
                            .is_some_and(|p| p.actor.name != b.actor.name)
                    })
                {
                    if let Some(p) = &prev_agent {
                        actor1 = Some(p.clone());
                    }
                }
                if let Some(a) = actor1.as_ref().filter(|a| !unnamed_armed(&a.actor)) {
                    prev_agent = Some(a.clone());
                }
            }
            let mut m = Mention {
                family: fam,
                trigs: ts,
                sent: sent_idx,
                clause: cl.span,
                date: if cl.subordinate && date.is_none() {
                    None
                } else {
                    date
                },
                location: location.clone(),
                actor1,
                actor2,
                counts: my_counts,
                claims: if fi == 0 { claims.clone() } else { Vec::new() },
                accused: Vec::new(),
                denied: Vec::new(),
                includes_into_previous: includes_prev && fam == Family::Violent,
                no_claim,
            };
            if fam == Family::Accuse {
                let by = m
                    .actor1
                    .as_ref()
                    .map(|a| a.actor.name.clone())
                    .unwrap_or_default();
                if let Some(target) = accused_target(doc, cl.span, first, &by) {
                    m.accused.push((
                        if by.is_empty() { "unknown".into() } else { by },
                        target.0,
                        target.1,
                    ));
                } else {
                    continue;
                }
            }
            if fam == Family::Deny {
                match &m.actor1 {
                    Some(a) => m.denied.push((a.actor.name.clone(), a.span)),
                    None => continue,
                }
            }
            let _ = n_fams;
            out.push(m);
        }
    }
}

/// Whether the article reports a happening outside the sentence `sent`: an
/// event trigger other than a claim or words (attack, blast, abduction …)
/// or an outcome word ("killed", "injured"), not in quotes.
fn violence_elsewhere(doc: &Doc<'_>, sent: Span) -> bool {
    doc.hits.iter().any(|h| {
        (h.end <= sent.start || h.start >= sent.end)
            && !in_quotes(doc.quotes, h.start)
            && match h.hit {
                Hit::Outcome(_) => true,
                Hit::Trigger(t) => !matches!(
                    t,
                    Trig::Claim
                        | Trig::Accuse
                        | Trig::Deny
                        | Trig::Agree
                        | Trig::Consult
                        | Trig::Threaten
                ),
            }
    })
}

/// Whether an actor is an armed group that is no state's: rebels or a
/// political or identity militia (named or not). Crowds, civilians and state
/// forces are not.
pub(crate) fn non_state_armed(a: &Actor) -> bool {
    matches!(
        a.actor_type,
        Some(ActorType::RebelGroups | ActorType::PoliticalMilitias | ActorType::IdentityMilitias)
    )
}

/// Whether a candidate is a named non-state armed group.
fn named_armed(a: &ActorCand) -> bool {
    a.generic.is_none() && !a.country && non_state_armed(&a.actor)
}

/// A killing its perpetrators announce themselves, which GTD codes as
/// claimed: a note left on the victim's body ("a note found near the body
/// said …") or a named group killing someone as a spy ("Taliban militants
/// shot dead a man they accused of spying"). Returns the claimant (the
/// named group; for a note, the last named group before it, else the
/// unidentified armed group of the country) and the evidence span.
fn announced_killing(doc: &Doc<'_>, sent: Span, sl: &str) -> Option<(String, Span)> {
    if has_word(sl, &["denied", "denies", "condemned", "no group", "not"]) {
        return None;
    }
    let note = has_word(sl, &["note", "notes", "letter", "pamphlet"])
        && has_word(
            sl,
            &["body", "bodies", "corpse", "corpses", "victim", "victims"],
        )
        && has_word(
            sl,
            &[
                "found",
                "left",
                "attached",
                "pinned",
                "placed",
                "recovered",
                "behind",
            ],
        );
    // (the cheap tests on the sentence first: most sentences are neither)
    let spy = !note
        && has_word(sl, &["spying", "spy", "spies", "informer", "informers"])
        && has_word(
            sl,
            &[
                "killed", "shot", "beheaded", "executed", "hanged", "murdered", "slit", "gunned",
            ],
        );
    if !note && !spy {
        return None;
    }
    // the report says no one claimed it: the note or the motive is no claim
    let mut lo = sent.start.saturating_sub(2000);
    while lo > 0 && !doc.text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (sent.end + 2000).min(doc.text.len());
    while hi < doc.text.len() && !doc.text.is_char_boundary(hi) {
        hi += 1;
    }
    let around = doc.text[lo..hi].to_ascii_lowercase();
    if has_word(
        &around,
        &[
            "no group",
            "no claim",
            "no one",
            "nobody",
            "not claimed",
            "no organization",
        ],
    ) {
        return None;
    }
    if note {
        let from = doc
            .actors
            .partition_point(|a| a.span.start < sent.start.saturating_sub(ATTRIBUTION_WINDOW));
        let to = doc.actors.partition_point(|a| a.span.start < sent.end);
        let name = doc.actors[from..to.max(from)]
            .iter()
            .rev()
            .find(|a| named_armed(a) && !in_quotes(doc.quotes, a.span.start))
            .map(|a| a.actor.name.clone())
            .unwrap_or_else(|| generic_actor(Generic::Gunmen, doc.country.as_deref()).name);
        return Some((name, sent));
    }
    // the group must be named before the motive (the killers, not the side
    // the victim spied for)
    let spy_at = ["spying", "spy", "spies", "informer"]
        .iter()
        .filter_map(|w| sl.find(w))
        .min()
        .map_or(sent.end, |k| sent.start + k);
    actors_in(doc.actors, Span::new(sent.start, spy_at))
        .iter()
        .find(|a| a.span.end <= spy_at && named_armed(a) && !in_quotes(doc.quotes, a.span.start))
        .map(|a| (a.actor.name.clone(), sent))
}

/// Words before a claimant's name that only describe it: "the Islamist
/// group X", "the banned militant outfit Y" (not names: "Islamic" opens
/// "Islamic State").
const CLAIMANT_DESCRIPTORS: &[&str] = &[
    "the",
    "a",
    "an",
    "islamist",
    "jihadist",
    "jihadi",
    "militant",
    "terrorist",
    "extremist",
    "insurgent",
    "rebel",
    "separatist",
    "banned",
    "outlawed",
    "proscribed",
    "armed",
    "sunni",
    "shia",
    "shiite",
    "group",
    "organisation",
    "organization",
    "outfit",
    // "claimed by a self-styled \"X\" group", "by a group called X" (wire
    // copy may break the hyphen: "SELF- STYLED")
    "self-styled",
    "so-called",
    "self-",
    "so-",
    "styled",
    "called",
];

/// A passive claim in `clause` ("the attack was claimed by the Islamic
/// State", "in an attack claimed by ISIL"): the named group right after
/// "claimed by" (skipping "the"), not in a negated or hedged clause ("was
/// not claimed by any group"). `sl` is the lower-case sentence starting at
/// `sent_start`. Returns the claimant's name and the evidence span.
fn passive_claim(
    doc: &Doc<'_>,
    clause: Span,
    sl: &str,
    sent_start: usize,
) -> Option<(String, Span)> {
    let lo = clause.start.checked_sub(sent_start)?;
    let hi = clause.end.checked_sub(sent_start)?.min(sl.len());
    let cl = sl.get(lo..hi)?;
    let (k, _) = word_hits(cl, "claimed by").next()?;
    let at = clause.start + k;
    let before = words_before(doc.text, clause.start, at, 3);
    if before
        .iter()
        .any(|w| matches!(w.as_str(), "not" | "no" | "never" | "falsely" | "wrongly"))
    {
        return None;
    }
    let from = at + "claimed by".len();
    let rest = doc.text.get(from..clause.end)?;
    let lead = rest.len() - rest.trim_start().len();
    let rest_t = rest.trim_start();
    // an article and words that only describe the group ("claimed by the
    // Islamist group Tehrik-i-Taliban", "by the militant outfit X") come
    // before its name
    let mut skip = 0;
    for w in rest_t.split(' ') {
        if w.is_empty()
            || !CLAIMANT_DESCRIPTORS
                .iter()
                .any(|d| d.eq_ignore_ascii_case(w))
        {
            break;
        }
        skip += w.len() + 1;
    }
    let skip = skip.min(rest_t.len());
    // (a name in quotation marks starts after the mark)
    let quote = rest_t
        .get(skip..)
        .and_then(|r| r.chars().next())
        .filter(|c| matches!(c, '"' | '\u{201c}' | '\''))
        .map_or(0, char::len_utf8);
    let name_at = from + lead + skip + quote;
    let named = actors_in(doc.actors, Span::new(name_at, clause.end))
        .first()
        .filter(|a| a.span.start == name_at && a.generic.is_none() && !a.country)
        .map(|a| (a.actor.name.clone(), Span::new(at, a.span.end)));
    named.or_else(|| {
        // a group the dictionary does not know: its capitalised name
        cap_after(doc.text, name_at, clause.end)
            .filter(|(n, sp)| sp.start == name_at && n.split_whitespace().count() <= 6)
            .map(|(n, sp)| (n, Span::new(at, sp.end)))
    })
}

/// The claimant before a "claimed responsibility" trigger: a named actor,
/// else the capitalised name that opens the clause.
fn claimant(doc: &Doc<'_>, clause: Span, trig: Span) -> Option<String> {
    let named = actors_in(doc.actors, Span::new(clause.start, trig.start))
        .iter()
        .rfind(|a| {
            a.span.start >= clause.start
                && a.span.end <= trig.start
                && a.generic.is_none()
                && !a.country
        })
        .map(|a| a.actor.name.clone());
    // "Imam Shamil Battalion, an Al Qaeda affiliate, claimed": the named
    // group only describes the claimant, whose own name opens the clause
    let appositive = actors_in(doc.actors, Span::new(clause.start, trig.start))
        .iter()
        .rfind(|a| a.span.end <= trig.start && a.generic.is_none() && !a.country)
        .is_some_and(|a| {
            let before = doc.text.get(clause.start..a.span.start).unwrap_or("");
            let after = doc.text.get(a.span.end..trig.start).unwrap_or("");
            [", an ", ", a "].iter().any(|p| before.ends_with(p))
                && before.starts_with(|c: char| c.is_uppercase())
                && [
                    "affiliate",
                    "offshoot",
                    "splinter",
                    "faction",
                    "wing",
                    "ally",
                ]
                .iter()
                .any(|w| after.trim_start_matches(['-', ' ']).starts_with(w))
        });
    if named.is_some() && !appositive {
        return named;
    }
    // capitalised words before the verb: "The Baloch Liberation Army (BLA), the …, claimed"
    let t = &doc.text[clause.start..trig.start];
    let mut name = String::new();
    for w in t.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '(' && c != ')');
        if w.is_empty() {
            continue;
        }
        let first = w.chars().next().unwrap_or('a');
        if first.is_uppercase()
            || (first == '(' && w.len() > 2)
            || (!name.is_empty() && matches!(w, "of" | "al" | "ul" | "e"))
        {
            if name.is_empty() && matches!(w, "The" | "A" | "An" | "In" | "On") {
                continue;
            }
            if !name.is_empty() {
                name.push(' ');
            }
            name.push_str(w);
        } else if !name.is_empty() {
            break;
        }
    }
    let name = name.trim().trim_end_matches(" of").to_string();
    // a group's name is a few words; a longer capitalised run is a heading,
    // a list of places or all-capitals text, not a claimant; nor is a run
    // with a pronoun or verb in it ("THIS IS THE SAME GROUP THAT CLAIMED")
    (name.len() > 2
        && name.split_whitespace().count() <= 6
        && !name.split_whitespace().any(|w| {
            NOT_IN_A_NAME
                .iter()
                .any(|f| f.eq_ignore_ascii_case(w.trim_matches(|c: char| !c.is_alphanumeric())))
        }))
    .then_some(name)
}

/// Words no group's name contains: pronouns, verbs and relatives that an
/// all-capitals clause puts before "claimed".
const NOT_IN_A_NAME: &[&str] = &[
    "this", "that", "these", "those", "it", "is", "are", "was", "were", "which", "who", "same",
    "has", "have", "had", "they", "he", "she", "we",
];

/// The capitalised name right before `to` within `[from, to)` ("India" in
/// "India denied"), skipping a leading article.
fn cap_before(text: &str, from: usize, to: usize) -> Option<(String, Span)> {
    let seg = text.get(from..to)?;
    let trimmed = seg.trim_end();
    let end = from + trimmed.len();
    let mut start = end;
    for w in trimmed.split(' ').rev() {
        if w.chars().next().is_some_and(|c| c.is_uppercase())
            && w.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
        {
            start -= w.len() + usize::from(start < end);
        } else {
            break;
        }
    }
    let start = start.max(from);
    let prev = words_before(text, from, start, 1);
    if prev.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "in" | "at" | "to" | "from" | "of" | "on" | "with" | "by" | "near" | "for"
        )
    }) {
        return None;
    }
    let name = text.get(start..end)?.trim();
    let name = name.strip_prefix("The ").unwrap_or(name);
    // all-capitals text capitalises the joining words too: "…, AND
    // THREATENED" has no subject "AND", "AND THE ARMY DENIED" is the army's
    let mut name = name;
    while let Some((w, rest)) = name.split_once(' ').or(Some((name, ""))) {
        if w.is_empty() || !LEADING_NOT_A_NAME.iter().any(|f| f.eq_ignore_ascii_case(w)) {
            break;
        }
        name = rest.trim_start();
    }
    (!name.is_empty() && name != "The")
        .then(|| (name.to_string(), Span::new(end - name.len(), end)))
}

/// Words that open a clause but never a name (capitalised in all-capitals
/// wire copy).
const LEADING_NOT_A_NAME: &[&str] = &[
    "and", "but", "or", "then", "also", "the", "a", "an", "while", "when", "as", "that", "which",
    "who", "this", "these", "they", "he", "she", "it", "we", "so", "yet",
];

/// The capitalised name right after `from` (skipping "the") up to `to`.
fn cap_after(text: &str, from: usize, to: usize) -> Option<(String, Span)> {
    let seg = text.get(from..to)?;
    let mut pos = from;
    let mut start = None;
    let mut end = from;
    for w in seg.split(' ') {
        let wt = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if wt.chars().next().is_some_and(|c| c.is_uppercase()) && wt != "The" {
            start.get_or_insert(pos);
            end = pos + wt.len();
            if wt.len() != w.len() {
                break;
            }
        } else if start.is_some() {
            break;
        }
        pos += w.len() + 1;
    }
    let s = start?;
    let name = text.get(s..end)?;
    (!name.is_empty()).then(|| (name.to_string(), Span::new(s, end)))
}

/// The target of an accusation: the first actor or country after the trigger.
fn accused_target(doc: &Doc<'_>, clause: Span, trig: Span, by: &str) -> Option<(String, Span)> {
    let named = accused_named(doc, clause, trig, by);
    named.or_else(|| {
        cap_after(doc.text, trig.end, clause.end).filter(|(n, _)| !by.contains(n.as_str()))
    })
}

fn accused_named(doc: &Doc<'_>, clause: Span, trig: Span, by: &str) -> Option<(String, Span)> {
    actors_in(doc.actors, Span::new(trig.start, clause.end))
        .iter()
        .filter(|a| a.span.start >= trig.start && a.span.end <= clause.end)
        .find(|a| {
            let n = a
                .country_name
                .clone()
                .unwrap_or_else(|| a.actor.name.clone());
            !by.contains(&n) && a.generic.is_none_or(|g| g == Generic::Government)
        })
        .map(|a| {
            (
                if a.country {
                    a.country_name
                        .clone()
                        .unwrap_or_else(|| a.actor.name.clone())
                } else {
                    a.actor.name.clone()
                },
                a.span,
            )
        })
}

fn state_actor_of_country(c: &ActorCand, verbal: bool) -> Actor {
    let name = c
        .country_name
        .clone()
        .unwrap_or_else(|| c.actor.name.clone());
    generic_actor(
        if verbal {
            Generic::Government
        } else {
            Generic::Military
        },
        Some(&name),
    )
}

/// Whether the actor at `sp` is the subject of an active verb that takes an
/// object: "<actor> kidnapped four workers", "<actor> shot a policeman".
fn active_subject(text: &str, sp: Span, limit: usize) -> bool {
    let mut stop = limit.min(sp.end + 60);
    while stop > sp.end && !text.is_char_boundary(stop) {
        stop -= 1;
    }
    let rest = text.get(sp.end..stop).unwrap_or("");
    let mut ws = rest.split_whitespace();
    let verb = ws.next().unwrap_or("");
    if verb.ends_with(|c: char| !c.is_ascii_alphabetic()) {
        return false;
    }
    let verb = verb.to_ascii_lowercase();
    let active = matches!(
        verb.as_str(),
        "kidnapped"
            | "abducted"
            | "killed"
            | "shot"
            | "attacked"
            | "ambushed"
            | "stormed"
            | "raided"
            | "beheaded"
            | "executed"
            | "murdered"
            | "hanged"
            | "torched"
            | "bombed"
            | "targeted"
            | "seized"
            | "opened"
            | "fired"
            | "hurled"
            | "threw"
            | "detonated"
            | "planted"
    );
    if !active {
        return false;
    }
    let obj = ws
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    obj.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            obj.as_str(),
            "a" | "an"
                | "the"
                | "his"
                | "her"
                | "their"
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
                | "fire"
                | "at"
                | "on"
                | "upon"
                | "into"
        )
}

/// Whether the armed men at `men` are the named armed group `next` named
/// right after them: "fighters of the National Liberation Army", "militants
/// from the TTP", "gunmen belonging to Lashkar-e-Islam", "fighters of the
/// Somali group Al Shabaab" (at most three words between, no punctuation).
fn men_of_group(text: &str, men: Span, next: &ActorCand) -> bool {
    if !named_armed(next) || next.span.start <= men.end {
        return false;
    }
    let Some(gap) = text.get(men.end..next.span.start) else {
        return false;
    };
    let Some(rest) = [" of ", " from ", " belonging to "]
        .iter()
        .find_map(|p| gap.strip_prefix(p))
    else {
        return false;
    };
    rest.len() <= 30
        && rest.split_whitespace().count() <= 3
        && rest
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
}

/// Words for a body of armed men that a passive agent names before the group
/// they belong to ("murdered by a column of Shining Path members", "attacked
/// by members of the FMLN", "by a unit of the army").
const UNIT_WORDS: &[&str] = &[
    "column",
    "columns",
    "group",
    "groups",
    "unit",
    "units",
    "squad",
    "squads",
    "band",
    "bands",
    "cell",
    "cells",
    "commando",
    "commandos",
    "members",
    "member",
    "gang",
    "detachment",
    "patrol",
    "contingent",
    "platoon",
    "men",
    "fighters",
    "elements",
    "militants",
    "guerrillas",
    "terrorists",
    "troops",
    "front",
    "fronts",
    "battalion",
    "company",
];

/// Whether the actor at `at` is a passive agent named through a unit of it:
/// "by a column of X", "by members of the X", "by alleged members of the XXII
/// front of the X" (a chain of unit words, each before "of", with an
/// article, a hedge or a unit number before it, and "by" before the first).
fn by_unit_of(text: &str, clause: Span, at: Span) -> bool {
    let wb = words_before(text, clause.start, at.start, 12);
    let word = |i: usize| wb.get(i).map_or("", String::as_str);
    let numbered = |w: &str| {
        !w.is_empty()
            && (w.chars().all(|c| c.is_ascii_digit())
                || w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
                || is_ordinal_word(w))
    };
    let mut i = 0;
    loop {
        if word(i) == "the" {
            i += 1;
        }
        if word(i) != "of" || !UNIT_WORDS.contains(&word(i + 1)) {
            return false;
        }
        i += 2;
        if numbered(word(i)) {
            i += 1;
        }
        while matches!(
            word(i),
            "a" | "an" | "the" | "some" | "alleged" | "suspected" | "presumed" | "armed"
        ) {
            i += 1;
        }
        if word(i) == "by" {
            return true;
        }
    }
}

/// "12th", "3d", "second": a unit's number written as an ordinal.
fn is_ordinal_word(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (!digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th" | "d"))
        || matches!(
            w,
            "first"
                | "second"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
                | "tenth"
        )
}

/// Verbs of telling, believing and blaming: a state side (police, army,
/// officials) as their subject reports the act, it does not do it ("Thai
/// police allege a man was shot by separatists", "Police suspect the bomb was
/// planted by insurgents"); a group that "said" it attacked did attack.
const REPORT_VERBS: &[&str] = &[
    "say", "says", "said", "allege", "alleges", "alleged", "believe", "believes", "suspect",
    "suspects", "told", "reported", "blamed", "blame", "blames",
];

/// Whether the actor at `sp` is the subject of a reporting verb
/// ([`REPORT_VERBS`]) right after it.
/// An auxiliary between the subject and its verb is skipped ("the armed
/// forces have reported that …", "police had said").
fn reporter(text: &str, sp: Span) -> bool {
    let rest = text.get(sp.end..).unwrap_or("");
    let mut words = rest.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_ascii_alphabetic())
            .to_ascii_lowercase()
    });
    let mut next = words.next().unwrap_or_default();
    if matches!(next.as_str(), "have" | "has" | "had") {
        next = words.next().unwrap_or_default();
    }
    REPORT_VERBS.contains(&next.as_str())
}

/// Verbs of an attack whose subject, named right before them, is the
/// attacker even after the clause's first verb ("… were killed when
/// Naxalites triggered a blast", "… after gunmen stormed the hotel").
const SUBJECT_VERBS: &[&str] = &[
    "stormed",
    "attacked",
    "opened",
    "fired",
    "shot",
    "killed",
    "ambushed",
    "raided",
    "abducted",
    "kidnapped",
    "hurled",
    "threw",
    "detonated",
    "targeted",
    "conducted",
    "launched",
    "carried",
    "triggered",
    "planted",
    "blew",
    "bombed",
    "rammed",
    "stabbed",
    "overran",
    "beheaded",
    "executed",
    "hijacked",
    "lobbed",
    "torched",
    "massacred",
    "assassinated",
    "shelled",
    "gunned",
];

/// Whether the triggers tell of a fight between two sides (clash, gunfight).
fn fight_any(ts: &[(Trig, Span)]) -> bool {
    ts.iter().any(|t| t.0 == Trig::Clash)
}

/// An unidentified armed group (or none at all): a perpetrator the text may
/// still name elsewhere.
fn unnamed_armed(a: &Actor) -> bool {
    a.name.starts_with("Unidentified Armed Group")
}

/// Words of a sentence that holds someone responsible for an attack.
const ATTRIBUTION_CUES: &[&str] = &[
    "responsible",
    "blamed",
    "blames",
    "blame",
    "behind the",
    "suspected",
    "believed",
    "believe",
    "believes",
    "suspect",
    "suspects",
    "loyal to",
    "linked to",
    "affiliated with",
    "associated with",
    "work of",
    "assumed",
    // ties of the attacker to a group: "carried out by", "directed by",
    // "pledged allegiance to", "had connections with", "was tied to",
    // "inspired by", "belonging to", "attributed to", "allegedly"
    "carried out by",
    "perpetrated by",
    "directed by",
    "allegiance",
    "connections with",
    "connections to",
    "connection with",
    "connection to",
    "connected to",
    "ties to",
    "tied to",
    "inspired by",
    "belonging to",
    "belonged to",
    "attributed to",
    "allegedly",
    // "the explosion was organized by the Shining Path"
    "organized by",
    "organised by",
    "masterminded by",
    "planned by",
    "committed by",
    "ordered by",
];

/// Words before "member(s) of" that make the phrase say who the attacker
/// was ("the shooter was a member of", "the bombers were members of", "a
/// suspected member of") rather than count victims or detainees ("killed
/// two members of", "arrested three members of").
const MEMBER_OF_LEAD: &[&str] = &[
    "a",
    "an",
    "was",
    "were",
    "is",
    "are",
    "as",
    "suspected",
    "alleged",
    "former",
    "known",
    "active",
];

/// Whether the lower-case sentence `s` says someone was a member of a group
/// ([`MEMBER_OF_LEAD`] right before "member of"/"members of").
fn membership_cue(s: &str) -> bool {
    ["member of", "members of"].iter().any(|cue| {
        word_hits(s, cue).any(|(st, _)| {
            s[..st]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| MEMBER_OF_LEAD.contains(&w))
        })
    })
}

/// The part of the lower-case sentence `s` around byte `at` that holds one
/// statement: contrasted statements joined by ", while", "; " or ", whereas"
/// ("the Islamic State is suspected, while the Taliban denied any role")
/// are judged apart, so a denial by one party does not clear another.
fn statement_around(s: &str, at: usize) -> &str {
    const JOINTS: &[&str] = &[", while ", "; ", ", whereas ", " while "];
    let mut lo = 0;
    let mut hi = s.len();
    for j in JOINTS {
        for (k, _) in s.match_indices(j) {
            if k + j.len() <= at {
                lo = lo.max(k + j.len());
            } else if k >= at {
                hi = hi.min(k);
            }
        }
    }
    s.get(lo..hi.max(lo)).unwrap_or(s)
}

/// Whether the sentence `s` (lower case) holds the group at byte `at`
/// responsible: a cue of [`ATTRIBUTION_CUES`] or a membership in the same
/// statement, and no denial in it.
fn attribution_in(s: &str, at: usize) -> bool {
    let st = statement_around(s, at);
    (has_word(st, ATTRIBUTION_CUES) || membership_cue(st) || accused_object(s, at))
        && !has_word(st, DENIALS)
}

/// Whether the group at byte `at` of the sentence `s` (lower case) is the one
/// accused: the object of "accused"/"accuses"/"accusing", at most three words
/// after it ("police accused the Extraditables of the attack"; not "whom they
/// accused of spying for NATO forces", where the group comes after "of").
fn accused_object(s: &str, at: usize) -> bool {
    let Some(before) = s.get(..at) else {
        return false;
    };
    ["accused ", "accuses ", "accusing "].iter().any(|cue| {
        before.rfind(cue).is_some_and(|k| {
            let gap = &before[k + cue.len()..];
            gap.split_whitespace().count() <= 3
                && !gap.contains([',', '.', ';'])
                && !gap
                    .split_whitespace()
                    .any(|w| matches!(w, "of" | "for" | "by"))
        })
    })
}

/// Whether the named group at `sp` only qualifies another group named right
/// after it ("Islamic State affiliated Jamaah Ansharut Daulah", "an al-Qaeda-
/// linked group"): the attack is then the affiliate's.
fn qualifies_another_group(doc: &Doc<'_>, sp: Span) -> bool {
    let rest = doc.text.get(sp.end..).unwrap_or("");
    let rest = rest.strip_prefix('-').unwrap_or(rest).trim_start();
    let Some(after) = ["affiliated ", "linked ", "allied ", "backed "]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
    else {
        return false;
    };
    let from = doc.text.len() - after.len();
    actors_in(doc.actors, Span::new(from, from.saturating_add(40)))
        .iter()
        .any(|a| a.span.start >= from && a.span.start < from + 40 && named_armed(a))
}

/// Words of a sentence that rejects or condemns an attack (no attribution).
const DENIALS: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "rejected",
    "condemned",
    "condemns",
];

/// How far (bytes) from a clause an attribution is looked for.
const ATTRIBUTION_WINDOW: usize = 1500;

/// A named non-state armed group the text holds responsible near `clause`:
/// in the same sentence as "responsible", "blamed", "behind the", "suspected",
/// "believed to", "loyal to" … and not in a denial. Only actors within
/// [`ATTRIBUTION_WINDOW`] bytes are looked at, so the cost per clause is bounded.
fn attributed(doc: &Doc<'_>, clause: Span) -> Option<RoleActor> {
    let text = doc.text;
    let lo = clause.start.saturating_sub(ATTRIBUTION_WINDOW);
    let hi = clause.end.saturating_add(ATTRIBUTION_WINDOW);
    let from = doc.actors.partition_point(|a| a.span.start < lo);
    for a in doc.actors[from..].iter().take_while(|a| a.span.start < hi) {
        // a word for insurgents in a country with one main insurgency
        // ("authorities blamed insurgents") names that insurgency's group
        let insurgency = (a.generic == Some(Generic::Gunmen))
            .then(|| {
                main_insurgency(
                    doc,
                    RoleActor {
                        actor: a.actor.clone(),
                        span: a.span,
                    },
                )
            })
            .filter(|r| !unnamed_armed(&r.actor));
        if let Some(r) = &insurgency {
            if attribution_at(text, a.span) {
                return Some(r.clone());
            }
            continue;
        }
        if let Some(m) = party_militia(text, a) {
            if attribution_at(text, a.span) {
                return Some(RoleActor {
                    actor: m,
                    span: a.span,
                });
            }
            continue;
        }
        if a.generic.is_some()
            || a.country
            || !non_state_armed(&a.actor)
            || in_quotes(doc.quotes, a.span.start)
            || text
                .get(a.span.end..)
                .is_some_and(|r| r.starts_with("-style") || r.starts_with("-like"))
            || qualifies_another_group(doc, a.span)
        {
            continue;
        }
        if attribution_at(text, a.span) {
            return Some(RoleActor {
                actor: a.actor.clone(),
                span: a.span,
            });
        }
    }
    None
}

/// [`attribution_in`] for the group at `sp` in its sentence of `text`,
/// remembered: [`attributed`] asks it about every group near each clause,
/// so a text asks about the same group once per clause. The answers are
/// kept by the sentence's own bytes and the group's offset in it (a pure
/// function of both), the last [`ATTRIBUTION_MEMO`] per thread.
fn attribution_at(text: &str, sp: Span) -> bool {
    let (ss, se) = sentence_around(text, sp);
    let (sent, at) = (&text[ss..se], sp.start - ss);
    let known = ATTRIBUTIONS.with(|m| {
        m.borrow()
            .iter()
            .find(|(k, a, _)| *a == at && k.as_slice() == sent.as_bytes())
            .map(|e| e.2)
    });
    if let Some(v) = known {
        return v;
    }
    let v = attribution_in(&sent.to_ascii_lowercase(), at);
    ATTRIBUTIONS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() == ATTRIBUTION_MEMO {
            m.remove(0);
        }
        m.push((sent.as_bytes().to_vec(), at, v));
    });
    v
}

/// How many answers [`attribution_at`] keeps per thread.
const ATTRIBUTION_MEMO: usize = 32;

thread_local! {
    /// [`attribution_at`]'s answers: (sentence bytes, group offset, answer).
    static ATTRIBUTIONS: std::cell::RefCell<Vec<(Vec<u8>, usize, bool)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The sentence around `sp`: from after the previous ". " (or line break) to
/// the next one, at most 400 bytes each way.
fn sentence_around(text: &str, sp: Span) -> (usize, usize) {
    let b = text.as_bytes();
    let mut s = sp.start;
    let lo = sp.start.saturating_sub(400);
    while s > lo {
        if b[s - 1] == b'\n' || (s >= 2 && b[s - 2] == b'.' && b[s - 1] == b' ') {
            break;
        }
        s -= 1;
    }
    let mut e = sp.end;
    let hi = (sp.end + 400).min(b.len());
    while e < hi {
        if b[e] == b'\n' || (b[e] == b'.' && (e + 1 >= b.len() || b[e + 1] == b' ')) {
            break;
        }
        e += 1;
    }
    while s < sp.start && !text.is_char_boundary(s) {
        s += 1;
    }
    while e > sp.end && !text.is_char_boundary(e) {
        e -= 1;
    }
    (s, e)
}

/// Words of a crowd's own violence ("clashed with police", "pelted stones",
/// "vandalised shops"): a demonstration where they occur is coded as a riot
/// and its crowd as rioters (ACLED).
const CROWD_VIOLENCE: &[&str] = &[
    "clash",
    "clashed",
    "clashes",
    "clashing",
    "scuffle",
    "scuffled",
    "scuffles",
    "vandalised",
    "vandalized",
    "vandalism",
    "vandalising",
    "vandalizing",
    "torched",
    "torching",
    "set ablaze",
    "set on fire",
    "pelted",
    "pelting",
    "stone pelting",
    "stone-pelting",
    "threw stones",
    "hurled stones",
    "throwing stones",
    "brickbats",
    "ransacked",
    "ransacking",
    "looted",
    "looting",
    "smashed",
    "fought",
    "attacked",
    "rampage",
    "went on a rampage",
    "violent",
    "violently",
    "set fire",
    "set afire",
    "set alight",
];

/// The text after `from` up to `max` bytes, within the paragraph (the
/// sentences that go on to tell what the same crowd did).
fn following(text: &str, from: usize, max: usize) -> &str {
    let mut end = (from + max).min(text.len());
    while end > from && !text.is_char_boundary(end) {
        end -= 1;
    }
    let seg = text.get(from..end).unwrap_or("");
    match seg.find("\n\n") {
        Some(k) => &seg[..k],
        None => seg,
    }
}

/// Whether `s` reports a crowd's own violence ([`CROWD_VIOLENCE`]): a word
/// that names the grievance of a protest ("protesting the attack on …",
/// "against the recent clashes") or burns a symbol ("torched an effigy") is
/// not the crowd's violence.
fn crowd_violence(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    CROWD_VIOLENCE.iter().any(|w| {
        word_hits(&l, w).any(|(s0, e0)| {
            let negated = words_before(&l, s0.saturating_sub(40), s0, 2)
                .iter()
                .any(|b| matches!(b.as_str(), "no" | "not" | "without" | "never" | "any"))
                || l[..s0].ends_with("non-")
                || l[..s0].ends_with("non ");
            !negated && !grievance(&l, Span::new(s0, e0)) && !symbolic_burning(&l, e0)
        })
    })
}

/// Words that introduce what a protest is about ("protesting the killing",
/// "against the attack", "over the arrest of").
const GRIEVANCE_CUES: &[&str] = &[
    "against",
    "over",
    "protest",
    "protests",
    "protesting",
    "protested",
    "condemn",
    "condemning",
    "condemned",
    "denounce",
    "denouncing",
    "denounced",
    "demanding",
    "demanded",
    "demand",
    "justice",
    "regarding",
    "about",
    "alleged",
    "allegedly",
];

/// Weaker cues of a grievance, used only for a crowd's own acts ("rally
/// following the attack", "justice for the killing").
const GRIEVANCE_WEAK_CUES: &[&str] = &["following", "after", "for", "into", "probe"];

/// Whether the violent word at `w` (a span of the lower-case text `l`) names
/// a grievance rather than an act: a noun ("attack", "killing", "clashes", not
/// a verb form in -ed) after a grievance cue within four words ("protesting
/// the brutal attack", "against the recent killings and clashes") or right
/// after a determiner or a possessive ("the attack on", "its chairperson's
/// arrest").
pub fn grievance(l: &str, w: Span) -> bool {
    grievance_cue(l, w, true) || {
        let word = l.get(w.start..w.end).unwrap_or("");
        !word.ends_with("ed")
            && words_before(l, w.start.saturating_sub(30), w.start, 1)
                .first()
                .is_some_and(|b| {
                    matches!(
                        b.as_str(),
                        "the"
                            | "this"
                            | "that"
                            | "their"
                            | "its"
                            | "his"
                            | "her"
                            | "recent"
                            | "brutal"
                    ) || b.ends_with("'s")
                })
    }
}

/// [`grievance`] by a cue word only ("protesting the suicide bombing").
fn grievance_cue(l: &str, w: Span, weak: bool) -> bool {
    let word = l.get(w.start..w.end).unwrap_or("");
    if word.ends_with("ed") || matches!(word, "shot" | "fought" | "hit" | "struck") {
        return false;
    }
    let before = words_before(l, w.start.saturating_sub(60), w.start, 4);
    before.iter().any(|b| {
        GRIEVANCE_CUES.contains(&b.as_str()) || (weak && GRIEVANCE_WEAK_CUES.contains(&b.as_str()))
    })
}

/// Whether a burning verb ending at `end` of the lower-case text `l` burns a
/// symbol ("burnt the effigy of", "burned tyres", "torched copies of the
/// bill"): street theatre of a protest, not arson.
pub fn symbolic_burning(l: &str, end: usize) -> bool {
    let mut stop = (end + 40).min(l.len());
    while stop > end && !l.is_char_boundary(stop) {
        stop -= 1;
    }
    l.get(end..stop)
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(4)
        .any(|w| {
            matches!(
                w,
                "effigy"
                    | "effigies"
                    | "tyres"
                    | "tires"
                    | "tyre"
                    | "tire"
                    | "copies"
                    | "copy"
                    | "posters"
                    | "flag"
                    | "flags"
                    | "banners"
            )
        })
}

/// Actor roles in a clause.
fn roles(
    doc: &Doc<'_>,
    sent: Span,
    clause: Span,
    fam: Family,
    ts: &[(Trig, Span)],
    cs: &[Count],
) -> (Option<RoleActor>, Option<RoleActor>) {
    let text = doc.text;
    let verbal = fam.verbal();
    let trig = ts.first().map(|t| t.1).unwrap_or(clause);
    let cands: Vec<&ActorCand> = actors_in(doc.actors, clause)
        .iter()
        .filter(|a| clause.contains(a.span) && !in_quotes(doc.quotes, a.span.start))
        .collect();
    // "TTP militants", "Taliban fighters": the noun after a named armed group
    // is that group, not a second actor
    let cands: Vec<&ActorCand> = cands
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            let Some(prev) = i.checked_sub(1).and_then(|j| cands.get(j)) else {
                return true;
            };
            let glued = text
                .get(prev.span.end..a.span.start)
                .is_some_and(|g| g.chars().all(|c| c == ' ' || c == '-'));
            !(glued
                && a.generic == Some(Generic::Gunmen)
                && prev.generic.is_none()
                && !prev.country
                && matches!(
                    prev.actor.actor_type,
                    Some(
                        ActorType::RebelGroups
                            | ActorType::PoliticalMilitias
                            | ActorType::IdentityMilitias
                            | ActorType::Rioters
                            | ActorType::Protesters
                    )
                ))
        })
        .map(|(_, a)| *a)
        .collect();
    // "fighters of the National Liberation Army", "militants belonging to
    // the TTP": the armed men are the group named right after them
    let cands: Vec<&ActorCand> = cands
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            a.generic != Some(Generic::Gunmen)
                || !cands[i + 1..]
                    .iter()
                    .find(|n| !n.country)
                    .is_some_and(|next| men_of_group(text, a.span, next))
        })
        .map(|(_, a)| *a)
        .collect();
    // a named group with its word for armed men glued on ("TTP militants",
    // "BNP militants"): the pair's end, where the verb of its clause starts
    let glued: Vec<(Span, usize)> = actors_in(doc.actors, clause)
        .windows(2)
        .filter(|w| {
            let (prev, a) = (&w[0], &w[1]);
            prev.generic.is_none()
                && !prev.country
                && a.generic == Some(Generic::Gunmen)
                && text
                    .get(prev.span.end..a.span.start)
                    .is_some_and(|g| g.chars().all(|c| c == ' ' || c == '-'))
        })
        .map(|w| (w[0].span, w[1].span.end))
        .collect();
    let end_of = |a: &ActorCand| {
        glued
            .iter()
            .find(|(sp, _)| *sp == a.span)
            .map_or(a.span.end, |(_, e)| *e)
    };
    // "BNP militants": a party's armed men are the party's militia (ACLED:
    // "<Party> Militia"), not its crowd
    let militia: Vec<Span> = actors_in(doc.actors, clause)
        .iter()
        .filter(|a| party_militia(text, a).is_some())
        .map(|a| a.span)
        .collect();
    let sent_cands: Vec<&ActorCand> = actors_in(doc.actors, sent)
        .iter()
        .filter(|a| sent.contains(a.span) && !in_quotes(doc.quotes, a.span.start))
        .collect();
    let conv = |a: &ActorCand| -> RoleActor {
        let actor = if a.country {
            state_actor_of_country(a, verbal)
        } else if security_is_police(text, a, doc.country.as_deref()) {
            generic_actor(Generic::Police, doc.country.as_deref())
        } else if militia.contains(&a.span) {
            Actor {
                name: format!("{} Militia", a.actor.name),
                actor_type: Some(ActorType::PoliticalMilitias),
                country: a.actor.country.clone(),
            }
        } else {
            a.actor.clone()
        };
        RoleActor {
            actor,
            span: a.span,
        }
    };
    if verbal {
        // the speaker: the actor nearest before the trigger (or the first)
        let mut before: Vec<&&ActorCand> =
            cands.iter().filter(|a| a.span.end <= trig.start).collect();
        if before.is_empty() {
            before = sent_cands
                .iter()
                .filter(|a| a.span.end <= clause.start)
                .collect();
        }
        before.retain(|a| {
            !matches!(
                a.generic,
                Some(Generic::Gunmen | Generic::Civilians | Generic::Protesters | Generic::Rioters)
            ) || fam == Family::Accuse
        });
        let sp = before
            .iter()
            .find(|a| a.country || a.generic == Some(Generic::Government))
            .or(before.first())
            .map(|a| conv(a))
            .or_else(|| {
                // a capitalised subject right before the verb ("India denied")
                cap_before(text, clause.start, trig.start).map(|(n, span)| RoleActor {
                    actor: Actor {
                        name: n,
                        actor_type: None,
                        country: None,
                    },
                    span,
                })
            })
            .or_else(|| {
                // a role noun ("the interior minister", "a spokesman") speaks for the article's country
                let l = text[clause.start..trig.start].to_ascii_lowercase();
                has_word(
                    &l,
                    &[
                        "minister",
                        "ministry",
                        "spokesman",
                        "spokesperson",
                        "government",
                        "official",
                        "officials",
                        "president",
                        "premier",
                        "army",
                        "military",
                    ],
                )
                .then(|| RoleActor {
                    actor: generic_actor(Generic::Government, doc.country.as_deref()),
                    span: clause,
                })
            });
        let other = cands
            .iter()
            .filter(|a| a.span.start >= trig.end)
            .map(|a| conv(a))
            .find(|a| sp.as_ref().is_none_or(|s| s.actor.name != a.actor.name));
        return (sp, other);
    }
    if fam == Family::Protest {
        let riot = ts.iter().any(|t| matches!(t.0, Trig::Riot | Trig::Mob))
            || crowd_violence(&text[sent.start..sent.end])
            || crowd_violence(following(text, sent.end, 400));
        let g = if riot {
            Generic::Rioters
        } else {
            Generic::Protesters
        };
        let a1 = RoleActor {
            actor: generic_actor(g, doc.country.as_deref()),
            span: cands
                .iter()
                .find(|a| matches!(a.generic, Some(Generic::Protesters | Generic::Rioters)))
                .map(|a| a.span)
                .unwrap_or(trig),
        };
        // the state side: police or troops in the clause, else in the
        // sentence or what follows of the paragraph ("Police arrested 4
        // farmers", "police began lathi-charging them"), else police implied
        // by an intervention ("were arrested", "tear gas")
        let state =
            |a: &&&ActorCand| matches!(a.generic, Some(Generic::Police | Generic::Military));
        let next = following(text, sent.end, 400);
        let a2 = cands
            .iter()
            .find(state)
            .or_else(|| sent_cands.iter().find(state))
            .map(|a| conv(a))
            .or_else(|| {
                let after = Span::new(sent.end, sent.end + next.len());
                actors_in(doc.actors, after)
                    .iter()
                    .find(|a| {
                        after.contains(a.span)
                            && matches!(a.generic, Some(Generic::Police | Generic::Military))
                    })
                    .map(&conv)
            })
            .or_else(|| {
                let l = format!(
                    "{} {}",
                    text[sent.start..sent.end].to_ascii_lowercase(),
                    next.to_ascii_lowercase()
                );
                has_word(
                    &l,
                    &[
                        "arrested",
                        "detained",
                        "lathi-charged",
                        "lathicharged",
                        "lathi charge",
                        "lathi-charge",
                        "tear gas",
                        "teargas",
                        "tear-gas",
                        "water cannon",
                        "baton-charged",
                        "baton charge",
                        "courted arrest",
                    ],
                )
                .then(|| RoleActor {
                    actor: generic_actor(Generic::Police, doc.country.as_deref()),
                    span: trig,
                })
            });
        return (Some(a1), a2);
    }
    // a count overlapping the actor makes it a victim ("two militants were
    // killed"), unless the actor is the subject of an active verb with an
    // object ("12 Taliban militants kidnapped four workers")
    let victim = |a: &ActorCand| {
        cs.iter().any(|c| c.span.overlaps(a.span)) && !active_subject(text, a.span, clause.end)
    };
    let l = text[clause.start..clause.end].to_ascii_lowercase();
    // "between X and Y"
    if let Some(b) = l.find("between ") {
        let bpos = clause.start + b;
        let after: Vec<&&ActorCand> = cands
            .iter()
            .filter(|a| a.span.start > bpos)
            .take(2)
            .collect();
        if after.len() == 2 {
            // a crowd (party men, protesters, workers) in a clash with police
            // or troops is coded crowd first, as rioters (ACLED): "a clash
            // between police and Jamaat-Shibir activists"
            let state = |c: &ActorCand| {
                matches!(c.generic, Some(Generic::Police | Generic::Military))
                    || (c.generic.is_none()
                        && !c.country
                        && c.actor.actor_type == Some(ActorType::StateForces)
                        && !c.actor.name.starts_with("Government"))
            };
            let crowd = |c: &ActorCand| {
                matches!(c.generic, Some(Generic::Protesters | Generic::Rioters))
                    || (c.generic.is_none()
                        && !c.country
                        && (matches!(
                            c.actor.actor_type,
                            Some(ActorType::Rioters | ActorType::Protesters)
                        ) || (c.actor.actor_type == Some(ActorType::PoliticalMilitias)
                            && crowd_word_after(text, c.span.end))))
            };
            if fight_any(ts) && state(after[0]) && crowd(after[1]) {
                return (
                    Some(RoleActor {
                        actor: generic_actor(Generic::Rioters, doc.country.as_deref()),
                        span: after[1].span,
                    }),
                    Some(conv(after[0])),
                );
            }
            // (unnamed insurgents are the insurgency the text is about)
            return (
                Some(main_insurgency(
                    doc,
                    crowd_organisation(doc, sent, ts, conv(after[0])),
                )),
                Some(main_insurgency(
                    doc,
                    crowd_organisation(doc, sent, ts, conv(after[1])),
                )),
            );
        }
    }
    let is_agent_country = |a: &ActorCand| {
        if !a.country {
            return true;
        }
        // a country acts only as a subject ("Pakistan conducted …") or after "by"
        // up to 30 bytes after the name, cut back to a character boundary
        let mut stop = clause.end.min(a.span.end + 30);
        while stop > a.span.end && !text.is_char_boundary(stop) {
            stop -= 1;
        }
        let rest = text.get(a.span.end..stop).unwrap_or("");
        let next = rest.split_whitespace().next().unwrap_or("");
        let prev = words_before(text, clause.start, a.span.start, 2);
        // a country in a place phrase is no subject: "a blast in southern
        // Philippines killed two"
        // ("12 km from San Salvador", "the road to Managua")
        const LOCATIVE: &[&str] = &[
            "in",
            "at",
            "near",
            "across",
            "throughout",
            "from",
            "to",
            "toward",
            "towards",
            "outside",
            "around",
            "into",
        ];
        let placed = prev.first().is_some_and(|w| LOCATIVE.contains(&w.as_str()))
            || (prev.get(1).is_some_and(|w| LOCATIVE.contains(&w.as_str()))
                && prev.first().is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "the"
                            | "southern"
                            | "northern"
                            | "eastern"
                            | "western"
                            | "central"
                            | "northeastern"
                            | "northwestern"
                            | "southeastern"
                            | "southwestern"
                    )
                }));
        !placed && (next.ends_with("ed") || next.ends_with('s')) && !next.ends_with("'s")
            || prev.first().is_some_and(|w| w == "by")
    };
    // the first action word of the clause: subjects come before it
    let first_verb = {
        let l = &text[clause.start..clause.end];
        let lw = l.to_ascii_lowercase();
        let mut at = ts.iter().map(|t| t.1.start).min().unwrap_or(clause.end);
        for v in [
            "targeted",
            "targeting",
            "attacked",
            "stormed",
            "ambushed",
            "raided",
            "killed",
            "killing",
            "shot",
            "opened fire",
            "fired",
            "struck",
            "bombed",
            "shelled",
            "abducted",
            "kidnapped",
            "arrested",
            "detained",
            "seized",
            "captured",
            "hit",
        ] {
            if let Some((s0, _)) = word_hits(&lw, v).next() {
                at = at.min(clause.start + s0);
            }
        }
        at
    };
    // whether the word right before the actor, in its clause, is capitalised
    let capitalised_before = |a: &ActorCand| {
        text.get(clause.start..a.span.start)
            .unwrap_or("")
            .trim_end()
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
    };
    // a passive agent: "by X", "by Pakistani X" (one capitalised word between)
    let after_by = |a: &ActorCand| {
        let wb = words_before(text, clause.start, a.span.start, 3);
        wb.first().is_some_and(|w| w == "by")
            // hedged: "by suspected Baloch separatists", "by the alleged TTP men"
            || wb
                .iter()
                .position(|w| {
                    !matches!(
                        w.as_str(),
                        "suspected" | "alleged" | "presumed" | "the" | "some" | "unknown"
                    )
                })
                .is_some_and(|i| {
                    i > 0 && wb[i] == "by" && wb[..i].iter().any(|w| w != "the")
                })
            || (wb.get(1).is_some_and(|w| w == "by")
                && wb.first().is_some_and(|w| w == "the")
                && a.generic.is_none()
                && !a.country)
            // "by the Balochistan Frontier Corps": one capitalised word between
            || (wb.get(2).is_some_and(|w| w == "by")
                && wb.get(1).is_some_and(|w| w == "the")
                && a.generic.is_none()
                && !a.country
                && capitalised_before(a))
            || (wb.get(1).is_some_and(|w| w == "by") && capitalised_before(a))
            || by_unit_of(text, clause, a.span)
            || by_counted(text, clause, a)
    };
    // the state side of a fight "with" it: "militants were killed in a clash
    // with police", "in an exchange of fire with security forces" (ACLED codes
    // the state forces as actor1 and the other side as actor2)
    // the clause's triggers with the fights named elsewhere in its sentence
    // ("7 militants and 3 soldiers were killed, while 2 were injured in an
    // encounter during a search operation"): who fought whom is told once
    let ts_wide: Vec<(Trig, Span)> = ts
        .iter()
        .copied()
        .chain(hits_in(doc.hits, sent).iter().filter_map(|h| match h.hit {
            Hit::Trigger(Trig::Clash) if !in_quotes(doc.quotes, h.start) => {
                Some((Trig::Clash, Span::new(h.start, h.end)))
            }
            _ => None,
        }))
        .collect();
    let fight = ts_wide.iter().any(|t| t.0 == Trig::Clash)
        && (cs.iter().any(|c| c.side == Side::Militants)
            || cands.iter().any(|a| {
                a.generic == Some(Generic::Gunmen)
                    || (a.generic.is_none() && non_state_armed(&a.actor))
            }));
    let after_with = |a: &ActorCand| {
        let state = matches!(a.generic, Some(Generic::Military | Generic::Police))
            || (a.generic.is_none()
                && !a.country
                && a.actor.actor_type == Some(ActorType::StateForces)
                && !a.actor.name.starts_with("Government"));
        if !fight || !state {
            return false;
        }
        let wb = words_before(text, clause.start, a.span.start, 2);
        wb.first().is_some_and(|w| w == "with")
            || (wb.get(1).is_some_and(|w| w == "with")
                && wb.first().is_some_and(|w| {
                    w == "the"
                        || text
                            .get(clause.start..a.span.start)
                            .unwrap_or("")
                            .trim_end()
                            .rsplit(' ')
                            .next()
                            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
                }))
    };
    let by = |a: &ActorCand| {
        after_by(a)
            || after_with(a)
            // the subject of a later verb: "… was killed when gunmen stormed"
            || ts.iter().any(|(_, t)| t.start > a.span.end && t.start <= end_of(a) + 12)
            // a nation's fire names its own weapon ("Russian artillery hit")
            || (a.generic == Some(Generic::Military)
                && a.span.start <= first_verb
                && ts.iter().any(|(_, t)| a.span.contains(*t)))
            || {
                let rest = text.get(end_of(a)..clause.end.min(end_of(a) + 20)).unwrap_or("");
                let next = rest.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
                SUBJECT_VERBS.contains(&next.as_str())
            }
    };
    let mut agents: Vec<&ActorCand> = cands
        .iter()
        .copied()
        .filter(|a| {
            (a.span.end <= first_verb || by(a))
                && !victim(a)
                && is_agent_country(a)
                && a.generic != Some(Generic::Civilians)
                && a.generic != Some(Generic::Government)
                && !(reporter(text, a.span)
                    && (a.actor.actor_type == Some(ActorType::StateForces)
                        || matches!(
                            a.generic,
                            Some(Generic::Police | Generic::Military | Generic::Government)
                        )))
        })
        .collect();
    // a country after the verb is a target only as the object of the action
    // ("attacked India", "against Pakistan"), not as the end of a place
    // phrase ("in Hangu, North West Frontier, Pakistan")
    let target_country = |a: &ActorCand| {
        if !a.country {
            return true;
        }
        let before = text
            .get(clause.start..a.span.start)
            .unwrap_or("")
            .trim_end();
        if before.ends_with(',') {
            return false;
        }
        words_before(text, clause.start, a.span.start, 1)
            .first()
            .is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "against" | "targeting" | "targeted" | "attacked" | "with" | "struck" | "hit"
                )
            })
    };
    let targets: Vec<&ActorCand> = cands
        .iter()
        .copied()
        .filter(|a| {
            a.span.start >= first_verb
                && !by(a)
                && a.generic != Some(Generic::Government)
                && target_country(a)
        })
        .collect();
    // a passive agent ("by X") goes first
    if let Some(p) = agents.iter().position(|a| after_by(a)) {
        let a = agents.remove(p);
        agents.insert(0, a);
    }
    // targets: "on X", "against X", "targeting X" go second
    let a1 = agents.first().map(|a| conv(a));
    let mut a2 = agents
        .iter()
        .skip(1)
        .chain(targets.iter())
        .filter(|a| !a.country || !victim(a))
        .map(|a| conv(a))
        .find(|x| a1.as_ref().is_none_or(|y| y.actor.name != x.actor.name));
    if a2.is_none() {
        a2 = cands
            .iter()
            .filter(|a| victim(a))
            .map(|a| conv(a))
            .find(|x| a1.as_ref().is_none_or(|y| y.actor.name != x.actor.name));
    }
    // a party or organisation ACLED codes as a crowd (type Rioters or
    // Protesters) acts as "Rioters (X)" (its members in the street), the
    // party being only an associate actor: ACLED never makes such a named
    // organisation the actor of a violent act
    let a1 = a1.map(|a| crowd_organisation(doc, sent, ts, a));
    // an unnamed perpetrator is the group the text holds responsible
    // ("… although it was widely believed the Taliban was responsible")
    let a1 = match a1 {
        Some(a) if !unnamed_armed(&a.actor) => Some(a),
        other
            if !matches!(
                fam,
                Family::Violent | Family::Abduct | Family::Loot | Family::Jailbreak
            ) =>
        {
            other
        }
        other => attributed(doc, clause)
            .filter(|x| {
                // the group named as the unnamed men's identity ("men
                // suspected to be Baloch separatists blew up …") was read as
                // the target: it is the perpetrator
                let appositive = a2.as_ref().is_some_and(|y| {
                    y.actor.name == x.actor.name
                        && y.span == x.span
                        && other.as_ref().is_some_and(|o| {
                            text.get(o.span.end..x.span.start).is_some_and(|g| {
                                g.len() < 40
                                    && has_word(
                                        &g.to_ascii_lowercase(),
                                        &["suspected", "believed", "thought", "said"],
                                    )
                            })
                        })
                });
                (appositive || a2.as_ref().is_none_or(|y| y.actor.name != x.actor.name))
                    && !cands.iter().any(|c| c.span == x.span && victim(c))
            })
            .or(other),
    };
    let a2 = a2.filter(|y| a1.as_ref().is_none_or(|x| x.span != y.span));
    // a fight in which both militants and state forces were hurt and no side
    // is the subject ("9 militants were killed and two FC personnel injured in
    // an exchange of fire"): the state forces are actor1 (ACLED)
    let (a1, a2) = match a1 {
        None if fight
            && cs.iter().any(|c| c.side == Side::Militants && c.best > 0)
            && cs.iter().any(|c| c.side == Side::State && c.best > 0) =>
        {
            let st = cands.iter().find(|c| {
                matches!(c.generic, Some(Generic::Military | Generic::Police))
                    || (c.generic.is_none()
                        && !c.country
                        && c.actor.actor_type == Some(ActorType::StateForces)
                        && !c.actor.name.starts_with("Government"))
            });
            match st {
                Some(st) => {
                    let other = a2
                        .filter(|x| x.actor.actor_type != Some(ActorType::StateForces))
                        .or_else(|| {
                            cands
                                .iter()
                                .find(|c| victim(c) && named_armed(c))
                                .map(|c| conv(c))
                        });
                    (Some(conv(st)), other)
                }
                None => (None, a2),
            }
        }
        other => (other, a2),
    };
    // a crowd (protesters, party men, villagers) clashing with police or troops
    // is coded crowd first: actor1 "Rioters (X)", actor2 the state force
    // ("police clashed with activists", "a clash between police and supporters")
    let is_state = |a: &Actor| {
        a.actor_type == Some(ActorType::StateForces) && !a.name.starts_with("Government")
    };
    let (a1, mut a2) = match (a1, a2) {
        (Some(st), other) if fight_any(ts) && is_state(&st.actor) => {
            let crowd = sent_cands.iter().find(|c| {
                matches!(
                    c.generic,
                    Some(Generic::Protesters | Generic::Rioters | Generic::Civilians)
                ) || (c.generic.is_none()
                    && !c.country
                    && matches!(
                        c.actor.actor_type,
                        Some(ActorType::Rioters | ActorType::Protesters)
                    ))
            });
            match crowd {
                Some(c) if !victim(c) => (
                    Some(RoleActor {
                        actor: generic_actor(Generic::Rioters, doc.country.as_deref()),
                        span: c.span,
                    }),
                    Some(st),
                ),
                _ => (Some(st), other),
            }
        }
        other => other,
    };
    // an air strike with no named perpetrator is the country's own air force
    // (ACLED); drones are left open (often foreign)
    let a1 = a1.or_else(|| {
        let air = ts.iter().find(|(t, sp)| {
            *t == Trig::Air
                && !text[sp.start..sp.end]
                    .to_ascii_lowercase()
                    .contains("drone")
        })?;
        if has_word(
            &l,
            &["drone", "drones", "nato", "coalition", "us", "american"],
        ) {
            return None;
        }
        let c = doc.country.as_deref()?;
        Some(RoleActor {
            actor: generic_actor(Generic::Military, Some(c)),
            span: air.1,
        })
    });
    if a2.is_none() {
        if let Some(c) = cs
            .iter()
            .find(|c| {
                c.side == Side::Civilians && matches!(c.outcome, Outcome::Killed | Outcome::Wounded)
            })
            .or_else(|| {
                // people of no stated side hurt by an armed attacker (not in a
                // fight between two sides) are civilians
                (a1.as_ref().is_some_and(|a| non_state_armed(&a.actor))
                    && !ts.iter().any(|t| t.0 == Trig::Clash))
                .then(|| {
                    cs.iter().find(|c| {
                        c.side == Side::Unknown
                            && c.best > 0
                            && matches!(
                                c.outcome,
                                Outcome::Killed | Outcome::Wounded | Outcome::Abducted
                            )
                    })
                })
                .flatten()
            })
        {
            a2 = Some(RoleActor {
                actor: generic_actor(Generic::Civilians, doc.country.as_deref()),
                span: c.span,
            });
        }
    }
    let (a1, a2) = communal_clash(doc, sent, clause, fam, &ts_wide, a1, a2);
    let (a1, a2) = state_operation(doc, sent, fam, &ts_wide, cs, a1, a2);
    let (a1, a2) = border_exchange(doc, sent, fam, cs, a1, a2);
    let main = |r: RoleActor| main_insurgency(doc, r);
    (a1.map(main), a2.map(main))
}

/// Countries whose coders read the unnamed "security personnel/forces" of a
/// report as the police (ACLED Nepal: the Nepal Police and the Armed Police
/// Force hold the street; Cambodia: the military police and guards at
/// protests). Elsewhere they are the military.
const SECURITY_MEANS_POLICE: &[&str] = &["Nepal", "Cambodia"];

/// Whether a generic "security personnel/forces/officials" mention is the
/// police by the convention of the text's country.
fn security_is_police(text: &str, a: &ActorCand, country: Option<&str>) -> bool {
    a.generic == Some(Generic::Military)
        && country.is_some_and(|c| SECURITY_MEANS_POLICE.contains(&c))
        && text
            .get(a.span.start..a.span.end)
            .is_some_and(|w| w.len() > 9 && w[..9].eq_ignore_ascii_case("security "))
}

/// Words that may stand between "by" and the group that acted: a number
/// and hedges ("abducted by about 15 armed Maoists", "shot by some two
/// dozen heavily armed rebels").
const BY_QUANTITY: &[&str] = &[
    "about",
    "around",
    "nearly",
    "some",
    "over",
    "at",
    "least",
    "more",
    "than",
    "up",
    "to",
    "a",
    "the",
    "dozen",
    "dozens",
    "hundreds",
    "scores",
    "armed",
    "heavily",
    "masked",
    "unidentified",
    "unknown",
    "suspected",
    "alleged",
];

/// A named group or unnamed armed men after "by" with a count or hedge
/// between: "by about 15 armed Maoists" (a passive agent; named groups and
/// gunmen only, not a crowd or state force whose number may be the
/// victims': "was attended by some 200 policemen").
fn by_counted(text: &str, clause: Span, a: &ActorCand) -> bool {
    if a.country
        || !(a.generic == Some(Generic::Gunmen)
            || (a.generic.is_none() && non_state_armed(&a.actor)))
    {
        return false;
    }
    let wb = words_before(text, clause.start, a.span.start, 6);
    let number = |w: &str| {
        w.bytes().all(|b| b.is_ascii_digit()) || sitrep_text::numbers::word_value(w).is_some()
    };
    let Some(i) = wb
        .iter()
        .position(|w| !(BY_QUANTITY.contains(&w.as_str()) || number(w)))
    else {
        return false;
    };
    // at least one quantity word, at least one of them a number or "dozen"
    i > 0
        && wb[i] == "by"
        && wb[..i]
            .iter()
            .any(|w| number(w) || matches!(w.as_str(), "dozen" | "dozens" | "hundreds" | "scores"))
}

/// The one named armed group acting in a story is the perpetrator of its
/// unsigned acts: when the violent or abduction mentions of a text have a
/// single named non-state armed group as actor1 (a rebel group or militia
/// of the dictionary, no other), its other violent mentions with no
/// actor1, or only unnamed armed men, are that group's ("TWO PEOPLE WERE
/// KILLED IN AN ATTACK … BY FMLN UNITS. … ONE CIVILIAN AND ONE SOLDIER WERE
/// KILLED"). Not when another group is named as actor or claimant, when
/// the group is on the receiving side of an act, or when state forces act
/// in the story too.
pub fn story_perpetrator(ms: &mut [Mention]) {
    let armed = |a: &Actor| {
        non_state_armed(a)
            && !a.name.starts_with("Unidentified Armed Group")
            && !a.name.ends_with(" Militia")
    };
    let violent = |m: &Mention| matches!(m.family, Family::Violent | Family::Abduct);
    let mut group: Option<RoleActor> = None;
    for m in ms.iter().filter(|m| violent(m)) {
        // a story in which state forces act too (a raid, a clash) has two
        // sides: its unsigned acts may be either's
        if m.actor1
            .as_ref()
            .is_some_and(|a| a.actor.actor_type == Some(ActorType::StateForces))
        {
            return;
        }
        for a in [&m.actor1, &m.actor2].into_iter().flatten() {
            if !armed(&a.actor) {
                continue;
            }
            // a group on the receiving side of one act is no sole actor
            if m.actor2
                .as_ref()
                .is_some_and(|x| x.actor.name == a.actor.name)
            {
                return;
            }
            match &group {
                Some(g) if g.actor.name != a.actor.name => return,
                Some(_) => {}
                None => group = Some(a.clone()),
            }
        }
        for (c, _) in &m.claims {
            if group.as_ref().is_some_and(|g| g.actor.name != *c) {
                return;
            }
        }
    }
    let Some(g) = group else {
        return;
    };
    for m in ms.iter_mut().filter(|m| violent(m)) {
        let unsigned = m
            .actor1
            .as_ref()
            .is_none_or(|a| a.actor.name.starts_with("Unidentified Armed Group"));
        if unsigned && m.claims.is_empty() {
            m.actor1 = Some(g.clone());
        }
    }
}

/// Words of a fight between two sides: a riot of two crowds (ACLED codes
/// "BJP and Congress workers clashed" as Rioters against Rioters).
const FIGHT_WORDS: &[&str] = &[
    "clash",
    "clashes",
    "clashed",
    "clashing",
    "infighting",
    "in-fighting",
    "fought",
    "fight",
    "scuffle",
    "scuffled",
    "brawl",
    "each other",
    "one another",
    "exchanged blows",
    "came to blows",
    "pitched battle",
    "face-off",
];

/// Words for people, as the object of a crowd's or an armed group's act: the
/// victims of violence against civilians ("villagers attacked a priest", "a
/// mob lynched a suspected thief").
const PERSON_WORDS: &[&str] = &[
    "man",
    "woman",
    "women",
    "boy",
    "girl",
    "child",
    "children",
    "youth",
    "youths",
    "person",
    "persons",
    "people",
    "villager",
    "villagers",
    "resident",
    "residents",
    "trader",
    "traders",
    "shopkeeper",
    "shopkeepers",
    "businessman",
    "driver",
    "drivers",
    "helper",
    "passenger",
    "passengers",
    "student",
    "students",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "photojournalist",
    "photojournalists",
    "teacher",
    "teachers",
    "headmaster",
    "principal",
    "doctor",
    "doctors",
    "priest",
    "pastor",
    "monk",
    "monks",
    "imam",
    "farmer",
    "farmers",
    "labourer",
    "laborer",
    "couple",
    "family",
    "thief",
    "thieves",
    "robber",
    "robbers",
    "blogger",
    "publisher",
    "writer",
    "lawyer",
    "magistrate",
    "official",
    "officials",
    "employee",
    "employees",
    "staff",
    "leader",
    "activist",
    "supporter",
    "worker",
    "member",
    "candidate",
    "councillor",
    "chairman",
    "sarpanch",
    "headman",
    "lawmaker",
    "dalit",
    "dalits",
    "guard",
    "guards",
    "trucker",
    "truckers",
    "rickshaw-puller",
    "victim",
    "victims",
    "activists",
    "leaders",
    "supporters",
    "workers",
    "members",
    "minister",
];

/// Verbs of a one-sided act on people.
const HARM_WORDS: &[&str] = &[
    "attacked",
    "attack",
    "assaulted",
    "beat",
    "beaten",
    "beating",
    "thrashed",
    "lynched",
    "lynching",
    "hacked",
    "stabbed",
    "chopped",
    "killed",
    "murdered",
    "shot",
    "injured",
    "wounded",
    "hurt",
    "manhandled",
    "tortured",
    "abducted",
    "kidnapped",
    "burnt",
    "burned",
    "harassed",
    "heckled",
    "clobbered",
    "injuries",
    "injury",
    "burns",
];

/// The second side of an event whose first side is a crowd (ACLED's
/// conventions, applied once the event's actor1 is final):
/// - a fight of crowds ("BJP and Congress workers clashed", "two factions of
///   the party clashed", "a clash between two groups of villagers") is
///   Rioters against Rioters: a party ACLED codes as a crowd (type Rioters
///   or Protesters) or unnamed civilians on the other side are "Rioters (X)"
///   too, and a fight with no second side named has one;
/// - a crowd's one-sided violence against people ("villagers attacked a
///   priest", "a mob lynched a suspected thief") has the civilians as
///   actor2, as has an unnamed armed group's attack that hurt people of no
///   armed side.
///
/// `ms[idx]` are the event's mentions, `words` its clauses in lower case.
/// Returns `actor2` as it should be.
pub fn crowd_counterpart(
    ms: &[Mention],
    idx: &[usize],
    words: &str,
    actor1: Option<&Actor>,
    actor2: Option<Actor>,
    country: Option<&str>,
) -> Option<Actor> {
    let Some(a1) = actor1 else {
        return actor2;
    };
    let rioters = a1.name.starts_with("Rioters");
    let unnamed_gunmen = a1.name.starts_with("Unidentified Armed Group");
    // a foreign state's forces firing into the venue's country ("Indian
    // shelling killed three in Kotli")
    let foreign_forces = a1
        .name
        .strip_prefix("Military Forces of ")
        .is_some_and(|c| country != Some(c));
    if !rioters && !unnamed_gunmen && !foreign_forces {
        return actor2;
    }
    let counted = |sides: &[Side]| {
        idx.iter().filter_map(|&i| ms.get(i)).any(|m| {
            m.counts.iter().any(|c| {
                c.best > 0
                    && sides.contains(&c.side)
                    && matches!(
                        c.outcome,
                        Outcome::Killed | Outcome::Wounded | Outcome::Abducted
                    )
            })
        })
    };
    // people of no armed side killed, wounded or abducted (people of no
    // stated side beside militants hurt are the militants' own: "9 militants
    // were killed and 5 others injured in a drone strike")
    let civilians_hurt =
        counted(&[Side::Civilians]) || (counted(&[Side::Unknown]) && !counted(&[Side::Militants]));
    // a foreign state's fire that hurt people of no armed side: its victims
    // are the venue's civilians
    if foreign_forces {
        let fight = has_word(words, FIGHT_WORDS);
        return if actor2.is_none() && !fight && civilians_hurt {
            Some(generic_actor(Generic::Civilians, country))
        } else {
            actor2
        };
    }
    // unnamed armed men on both sides ("a soldier was killed in an
    // encounter with militants", "two people were hurt when assailants
    // hurled bombs at a bus"): the side that was hurt is the second
    if unnamed_gunmen && actor2.as_ref().is_some_and(|b| b.name == a1.name) {
        if counted(&[Side::State]) {
            let police = has_word(
                words,
                &[
                    "police",
                    "policeman",
                    "policemen",
                    "constable",
                    "constables",
                    "cop",
                    "cops",
                ],
            ) && !has_word(
                words,
                &["soldier", "soldiers", "army", "troops", "military"],
            );
            let g = if police {
                Generic::Police
            } else {
                Generic::Military
            };
            return Some(generic_actor(g, country));
        }
        if civilians_hurt {
            return Some(generic_actor(Generic::Civilians, country));
        }
        return actor2;
    }
    let fight = has_word(words, FIGHT_WORDS);
    if rioters && fight {
        let crowd_org = |a: &Actor| {
            matches!(
                a.actor_type,
                Some(ActorType::Rioters | ActorType::Protesters | ActorType::Civilians)
            ) && !a.name.starts_with("Protesters")
        };
        return match actor2 {
            None => Some(generic_actor(Generic::Rioters, country)),
            Some(a) if crowd_org(&a) => Some(generic_actor(Generic::Rioters, country)),
            other => other,
        };
    }
    if actor2.is_some() || fight {
        return actor2;
    }
    let person = civilians_hurt || (has_word(words, HARM_WORDS) && has_word(words, PERSON_WORDS));
    person.then(|| generic_actor(Generic::Civilians, country))
}

/// A party or organisation ACLED codes as a crowd (type Rioters or
/// Protesters) acting: ACLED never makes such a named organisation the actor
/// of a violent act. Its members in the street are "Rioters (X)", the party
/// being only an associate actor; rival groups of one party, or two parties,
/// fighting it out ("a clash between two rival groups of the Awami League
/// over supremacy") are the party's armed wing, "<Party> Militia".
fn crowd_organisation(
    doc: &Doc<'_>,
    sent: Span,
    ts: &[(Trig, Span)],
    mut a: RoleActor,
) -> RoleActor {
    let crowd_org = match a.actor.actor_type {
        Some(ActorType::Rioters) => !a.actor.name.starts_with("Rioters"),
        Some(ActorType::Protesters) => !a.actor.name.starts_with("Protesters"),
        _ => false,
    };
    // a crowd word of a party ("two rival groups of the Awami League",
    // "supporters of the BNP"): the party
    let of_party = if crowd_org {
        None
    } else {
        party_after_of(doc, a.span)
    };
    if !crowd_org && of_party.is_none() {
        return a;
    }
    let party = of_party.unwrap_or_else(|| a.actor.clone());
    let factional = party.actor_type == Some(ActorType::Rioters)
        && fight_any(ts)
        && has_word(
            &doc.text[sent.start..sent.end].to_ascii_lowercase(),
            &[
                "rival group",
                "rival groups",
                "rival faction",
                "rival factions",
                "two groups",
                "two factions",
                "supremacy",
            ],
        );
    if factional {
        a.actor = Actor {
            name: format!("{} Militia", party.name),
            actor_type: Some(ActorType::PoliticalMilitias),
            country: party.country.clone(),
        };
    } else if crowd_org {
        a.actor = generic_actor(Generic::Rioters, doc.country.as_deref());
    }
    a
}

/// The militia of a party (an organisation ACLED codes as a crowd) named
/// with a word for its armed men right after it: "BNP militants", "the BNP
/// militia" → "BNP: Bangladesh Nationalist Party Militia".
fn party_militia(text: &str, a: &ActorCand) -> Option<Actor> {
    if a.generic.is_some()
        || a.country
        || !matches!(
            a.actor.actor_type,
            Some(ActorType::Rioters | ActorType::Protesters)
        )
    {
        return None;
    }
    let next = word_glued_after(text, a.span.end);
    // "militia", "militias", "militiamen", "militants" (and the common slip
    // "milita")
    next.starts_with("milit").then(|| Actor {
        name: format!("{} Militia", a.actor.name),
        actor_type: Some(ActorType::PoliticalMilitias),
        country: a.actor.country.clone(),
    })
}

/// The party (an organisation ACLED codes as a crowd) named right after a
/// crowd word at `sp`: "supporters of the BNP", "two rival groups of the
/// Awami League".
fn party_after_of(doc: &Doc<'_>, sp: Span) -> Option<Actor> {
    let text = doc.text;
    let from = doc.actors.partition_point(|c| c.span.start < sp.end);
    let c = doc.actors.get(from)?;
    let gap = text.get(sp.end..c.span.start)?.to_ascii_lowercase();
    let gap = gap.split_whitespace().collect::<Vec<_>>().join(" ");
    let party = c.generic.is_none()
        && !c.country
        && matches!(
            c.actor.actor_type,
            Some(ActorType::Rioters | ActorType::Protesters)
        );
    (party
        && matches!(
            gap.as_str(),
            "of" | "of the" | "of ruling" | "of the ruling"
        ))
    .then(|| c.actor.clone())
}

/// The word right after `end`, past spaces and hyphens ("BNP-backed", "Jamaat
/// activists"), lower-cased; empty when a non-letter comes first.
fn word_glued_after(text: &str, end: usize) -> String {
    text.get(end..)
        .unwrap_or("")
        .trim_start_matches(['-', ' '])
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether a word for a party's people follows `end` ("Jamaat activists",
/// "BNP supporters"): the party is there as a crowd.
fn crowd_word_after(text: &str, end: usize) -> bool {
    let next = word_glued_after(text, end);
    matches!(
        next.as_str(),
        "activists"
            | "activist"
            | "supporters"
            | "workers"
            | "cadres"
            | "followers"
            | "members"
            | "men"
            | "leaders"
            | "youths"
    )
}

/// A clash between two groups of a village or locality over land, water or
/// local supremacy, with no party, group or force named: ACLED codes both
/// sides as the communal militia of the place, "<Place> Communal Militia"
/// ("a clash between two rival groups over a land dispute at Kandi village").
fn communal_clash(
    doc: &Doc<'_>,
    sent: Span,
    clause: Span,
    fam: Family,
    ts: &[(Trig, Span)],
    a1: Option<RoleActor>,
    a2: Option<RoleActor>,
) -> (Option<RoleActor>, Option<RoleActor>) {
    let unnamed = |r: &Option<RoleActor>| {
        r.as_ref().is_none_or(|a| {
            unnamed_armed(&a.actor)
                || a.actor.name.starts_with("Rioters")
                || a.actor.name.starts_with("Civilians")
        })
    };
    if fam != Family::Violent || !unnamed(&a1) {
        return (a1, a2);
    }
    let fight = fight_any(ts);
    if fight && !unnamed(&a2) {
        return (a1, a2);
    }
    let l = doc.text[sent.start..sent.end].to_ascii_lowercase();
    // two communities (religious, caste, ethnic) or party workers clashing in
    // the street: a riot between crowds, "Rioters (X)" on both sides (ACLED)
    if has_word(
        &l,
        &[
            "two communities",
            "members of two communities",
            "between communities",
            "communal clash",
            "communal clashes",
            "sectarian clash",
            "political opponents",
            "workers of political parties",
        ],
    ) && fight
    {
        let span = a1.as_ref().or(a2.as_ref()).map_or(clause, |r| r.span);
        let rioters = RoleActor {
            actor: generic_actor(Generic::Rioters, doc.country.as_deref()),
            span,
        };
        return (Some(rioters.clone()), Some(rioters));
    }
    let two_sides = has_word(
        &l,
        &[
            "two groups",
            "two group",
            "two rival groups",
            "rival groups",
            "two factions",
            "two rival factions",
            "rivals",
            "local groups",
            "two communal groups",
            "two families",
        ],
    );
    let local_stake = has_word(
        &l,
        &[
            "land",
            "land-related",
            "supremacy",
            "dominance",
            "dispute",
            "disputed",
            "enmity",
            "feud",
            "loggerheads",
            "water body",
            "village",
            "villagers",
        ],
    );
    // a fight over land or a water body needs no word for the two sides
    // ("a clash over a land-related dispute at X village"); one side's
    // attack over it ("killed by his rivals over a land dispute") is the
    // communal militia's against its victims
    let land = has_word(
        &l,
        &[
            "land dispute",
            "land-related dispute",
            "land related dispute",
            "disputed land",
            "over land",
            "piece of land",
            "plot of land",
            "water body",
        ],
    );
    // a clash "over establishing supremacy" in a locality is between its
    // groups even when the sides go unnamed
    let land = land || (fight && has_word(&l, &["supremacy", "dominance", "loggerheads"]));
    let one_sided = !fight && land && has_word(&l, &["rivals", "rival group", "rival groups"]);
    if !fight && !one_sided {
        return (a1, a2);
    }
    // a party, group or force anywhere in the sentence: not a communal clash
    let named = actors_in(doc.actors, sent).iter().any(|c| {
        sent.contains(c.span)
            && c.generic.is_none()
            && !c.country
            && !["Rioters", "Protesters", "Civilians", "Unidentified"]
                .iter()
                .any(|g| c.actor.name.starts_with(g))
    });
    if !((two_sides && local_stake) || land) || named {
        return (a1, a2);
    }
    let written = written_village(doc.text, sent);
    let Some(ev) = written.map(|(_, sp)| sp).or_else(|| {
        (doc.locate)(clause)
            .or_else(|| (doc.locate)(sent))
            .map(|x| x.1)
    }) else {
        return (a1, a2);
    };
    // the place as written, without its preposition ("in Bajitpur", "at
    // Tita village")
    let place = doc.text.get(ev.start..ev.end).unwrap_or("").trim();
    let place = place
        .find(|c: char| c.is_uppercase())
        .map_or("", |i| &place[i..]);
    let place = [
        "village", "town", "union", "bazar", "bazaar", "area", "upazila", "district",
    ]
    .iter()
    .fold(place, |p, w| {
        p.strip_suffix(w)
            .or_else(|| {
                p.strip_suffix(
                    &w[..1]
                        .to_uppercase()
                        .chars()
                        .chain(w[1..].chars())
                        .collect::<String>(),
                )
            })
            .map_or(p, str::trim_end)
    });
    if place.is_empty() || !place.starts_with(|c: char| c.is_uppercase()) {
        return (a1, a2);
    }
    let militia = RoleActor {
        actor: Actor {
            name: format!("{place} Communal Militia"),
            actor_type: Some(ActorType::IdentityMilitias),
            country: None,
        },
        span: ev,
    };
    if one_sided {
        return (Some(militia), a2);
    }
    (Some(militia.clone()), Some(militia))
}

/// Words that never name a village even when capitalised at a locative.
const NOT_A_VILLAGE: &[&str] = &[
    "The",
    "A",
    "An",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Sadar",
    "Police",
    "Bus",
    "Upazila",
    "District",
    "Union",
];

/// The village of a local clash as the sentence writes it (ACLED names the
/// communal militia after it): "<Name> village" ("at Tita village", "Bhoga
/// Bosontopur village"), "village <Name>", else the first "at <Name>" that is
/// not an upazila or district ("at Barin Nagar in Godagari upazila"). The
/// name is one to three capitalised words. Returns the name and its span.
fn written_village(text: &str, sent: Span) -> Option<(String, Span)> {
    let s = text.get(sent.start..sent.end)?;
    // words with their byte offsets, punctuation trimmed
    let mut words: Vec<(&str, usize, bool)> = Vec::new();
    let mut pos = 0;
    for w in s.split(' ') {
        let t = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let lead = t.len() - t.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let t = &t[lead..];
        // a word followed by punctuation ends a name
        let closed = t.len() + lead < w.len();
        if !t.is_empty() {
            words.push((t, pos + lead, closed));
        }
        pos += w.len() + 1;
    }
    let cap = |w: &str| w.starts_with(|c: char| c.is_uppercase()) && !NOT_A_VILLAGE.contains(&w);
    let span_of = |a: usize, b: usize| {
        let (_, st, _) = words[a];
        let (w, bs, _) = words[b];
        Span::new(sent.start + st, sent.start + bs + w.len())
    };
    let name = |a: usize, b: usize| -> Option<(String, Span)> {
        let sp = span_of(a, b);
        Some((text.get(sp.start..sp.end)?.to_string(), sp))
    };
    // the end (exclusive) of up to three capitalised words after word `i`; a word
    // followed by punctuation is the last one
    let cap_run_end = |i: usize| {
        let mut b = i + 1;
        while b < words.len() && b - i <= 3 && cap(words[b].0) {
            b += 1;
            if words[b - 1].2 {
                break;
            }
        }
        b
    };
    for (i, (w, _, _)) in words.iter().enumerate() {
        if !w.eq_ignore_ascii_case("village") {
            continue;
        }
        // "<Name> village": up to three capitalised words before it
        let mut a = i;
        while a > 0 && i - a < 3 && cap(words[a - 1].0) && !words[a - 1].2 {
            a -= 1;
        }
        if a < i {
            return name(a, i - 1);
        }
        // "village <Name>" after a locative ("at village Paskata")
        let prev = i.checked_sub(1).map(|k| words[k].0.to_ascii_lowercase());
        if matches!(prev.as_deref(), Some("at" | "in")) && !words[i].2 {
            let b = cap_run_end(i);
            if b > i + 1 {
                return name(i + 1, b - 1);
            }
        }
    }
    // "at <Name>" that is not a unit's seat ("at Barin Nagar in Godagari
    // upazila"; not "at Araihajar Upazila")
    for (i, (w, _, closed)) in words.iter().enumerate() {
        if *w != "at" || *closed {
            continue;
        }
        let b = cap_run_end(i);
        if b == i + 1 {
            continue;
        }
        let next = words.get(b).map(|x| x.0.to_ascii_lowercase());
        if matches!(
            next.as_deref(),
            Some(
                "upazila"
                    | "district"
                    | "city"
                    | "division"
                    | "thana"
                    | "sadar"
                    | "union"
                    | "area"
                    | "bazar"
                    | "bazaar"
            )
        ) {
            continue;
        }
        return name(i + 1, b - 1);
    }
    None
}

/// Militants killed, wounded or arrested "in a search operation" / "in a
/// raid" with no stated operator: the operation is the state's, so the
/// country's military is the initiator and the militants its target
/// (ACLED codes these as Military Forces of X against the group).
fn state_operation(
    doc: &Doc<'_>,
    sent: Span,
    fam: Family,
    ts: &[(Trig, Span)],
    cs: &[Count],
    a1: Option<RoleActor>,
    a2: Option<RoleActor>,
) -> (Option<RoleActor>, Option<RoleActor>) {
    let state = |r: &Option<RoleActor>| {
        r.as_ref()
            .is_some_and(|a| a.actor.actor_type == Some(ActorType::StateForces))
    };
    let armed = |r: &Option<RoleActor>| {
        r.as_ref().is_some_and(|a| {
            matches!(
                a.actor.actor_type,
                Some(ActorType::RebelGroups | ActorType::PoliticalMilitias)
            )
        })
    };
    if fam != Family::Violent || state(&a1) || !(a1.is_none() || armed(&a1)) {
        return (a1, a2);
    }
    let Some(op) = ts.iter().find(|(t, sp)| {
        let w = doc
            .text
            .get(sp.start..sp.end)
            .unwrap_or("")
            .to_ascii_lowercase();
        *t == Trig::Clash
            && ["operation", "operations", "raid", "raids"]
                .iter()
                .any(|o| w == *o || w.ends_with(&format!(" {o}")))
    }) else {
        return (a1, a2);
    };
    let militants_hit = cs.iter().any(|c| {
        c.side == Side::Militants
            && matches!(
                c.outcome,
                Outcome::Killed | Outcome::Wounded | Outcome::Arrested
            )
    });
    if !militants_hit {
        return (a1, a2);
    }
    // the state is named as the other side ("an operation of Frontier
    // Corps"): it leads
    if state(&a2) {
        return (a2, a1);
    }
    let Some(c) = doc.country.as_deref() else {
        return (a1, a2);
    };
    // the force the sentence names as the operator ("a raid by the
    // counter-terrorism department", "police conducted a raid"), not one
    // among the hurt; else the country's military
    let named = actors_in(doc.actors, sent).iter().find(|a| {
        sent.contains(a.span)
            && !a.country
            && !cs.iter().any(|n| n.span.overlaps(a.span))
            && (matches!(a.generic, Some(Generic::Police | Generic::Military))
                || (a.generic.is_none()
                    && a.actor.actor_type == Some(ActorType::StateForces)
                    && !a.actor.name.starts_with("Government")))
    });
    let mil = match named {
        Some(a) => RoleActor {
            actor: a.actor.clone(),
            span: a.span,
        },
        None => RoleActor {
            actor: generic_actor(Generic::Military, Some(c)),
            span: op.1,
        },
    };
    let target = a1.or(a2);
    (Some(mil), target)
}

/// A disputed border: the words that name it, and its two states (name,
/// demonym), the one ACLED lists first when nobody is said to have fired
/// first.
type Border = (
    &'static [&'static str],
    (&'static str, &'static str),
    (&'static str, &'static str),
);

/// Disputed borders named by their own terms, with the two states whose
/// forces fire across them, in ACLED's order for an exchange whose
/// initiator the text does not state (ACLED's South Asia coding lists
/// Pakistan's forces first for fire across the Line of Control or the
/// Working Boundary).
const BORDERS: &[Border] = &[(
    &[
        "loc",
        "line of control",
        "working boundary",
        "cross-loc",
        "international border",
        "cross-border firing",
        "cross border firing",
        "cross boarder firing",
        "cross-border shelling",
        "across the border",
    ],
    ("Pakistan", "Pakistani"),
    ("India", "Indian"),
)];

/// Fire across a disputed border ([`BORDERS`]) in a story about one of its
/// two states: the forces of both are the sides. When the text states who
/// fired ("Indian troops fired across the LoC", "shelling by Indian Border
/// Security Forces") that state leads; otherwise, or when both fired ("troops
/// of India and Pakistan fired on each other"), the order is the table's.
fn border_exchange(
    doc: &Doc<'_>,
    sent: Span,
    fam: Family,
    cs: &[Count],
    a1: Option<RoleActor>,
    a2: Option<RoleActor>,
) -> (Option<RoleActor>, Option<RoleActor>) {
    if fam != Family::Violent {
        return (a1, a2);
    }
    let l = doc.text[sent.start..sent.end].to_ascii_lowercase();
    let Some((_, (first, first_dem), (second, second_dem))) =
        BORDERS.iter().find(|(terms, (first, _), (second, _))| {
            has_word(&l, terms) && {
                let named = |c: &str| {
                    let c = c.to_ascii_lowercase();
                    l.contains(&c)
                        || doc
                            .country
                            .as_deref()
                            .is_some_and(|d| d.eq_ignore_ascii_case(&c))
                };
                named(first) || named(second)
            }
        })
    else {
        return (a1, a2);
    };
    let state_of = |r: &Option<RoleActor>, c: &str| {
        r.as_ref().is_some_and(|a| {
            a.actor.actor_type == Some(ActorType::StateForces)
                && !a.actor.name.starts_with("Government")
                && a.actor.name.ends_with(c)
        })
    };
    let mutual = has_word(
        &l,
        &[
            "each other",
            "exchange",
            "exchanged",
            "exchanging",
            "between",
            "traded",
            "both sides",
            "crossfire",
        ],
    ) || {
        // "Pakistani and Indian troops", "troops of India and Pakistan"
        let one = [first.to_ascii_lowercase(), first_dem.to_ascii_lowercase()];
        let two = [second.to_ascii_lowercase(), second_dem.to_ascii_lowercase()];
        one.iter().any(|x| {
            two.iter()
                .any(|y| l.contains(&format!("{x} and {y}")) || l.contains(&format!("{y} and {x}")))
        })
    };
    let stated = !mutual && (state_of(&a1, first) || state_of(&a1, second));
    // the firing side named elsewhere in the sentence ("Indian troops fired
    // across the LoC and killed two civilians"): the first force of either
    // state that is not among the hurt
    if !mutual && !stated && a1.is_none() {
        let shooter = actors_in(doc.actors, sent).iter().find(|c| {
            sent.contains(c.span)
                && !c.country
                && c.actor.actor_type == Some(ActorType::StateForces)
                && !c.actor.name.starts_with("Government")
                && (c.actor.name.ends_with(first) || c.actor.name.ends_with(second))
                && !cs.iter().any(|n| n.span.overlaps(c.span))
        });
        if let Some(c) = shooter {
            let other = if c.actor.name.ends_with(first) {
                second
            } else {
                first
            };
            let a2 = a2
                .filter(|r| r.actor.actor_type == Some(ActorType::Civilians))
                .or_else(|| {
                    Some(RoleActor {
                        actor: generic_actor(Generic::Military, Some(other)),
                        span: c.span,
                    })
                });
            return (
                Some(RoleActor {
                    actor: c.actor.clone(),
                    span: c.span,
                }),
                a2,
            );
        }
    }
    // armed men, not either state's forces, fire across it ("militants based
    // across the border launched rocket attacks")
    let armed_men = a1.as_ref().is_some_and(|a| {
        non_state_armed(&a.actor)
            && (!unnamed_armed(&a.actor) || {
                let w = doc
                    .text
                    .get(a.span.start..a.span.end)
                    .unwrap_or("")
                    .to_ascii_lowercase();
                [
                    "militant",
                    "gunm",
                    "insurgent",
                    "terrorist",
                    "infiltrat",
                    "rebel",
                    "separatist",
                    "armed men",
                    "attacker",
                    "assailant",
                ]
                .iter()
                .any(|k| w.contains(k))
            })
    });
    // an infiltration bid or militants at the border: a fight with armed
    // men, not between the two armies
    let militants = has_word(
        &l,
        &[
            "militant",
            "militants",
            "infiltration",
            "infiltrators",
            "intruders",
            "intrusion",
        ],
    );
    if stated || armed_men || militants {
        return (a1, a2);
    }
    // the civilians or other people hurt stay the target when the firing
    // side is the only armed one named
    let span = a1.as_ref().or(a2.as_ref()).map(|r| r.span).unwrap_or(sent);
    let mil = |c: &str| RoleActor {
        actor: generic_actor(Generic::Military, Some(c)),
        span,
    };
    (Some(mil(first)), Some(mil(second)))
}

/// Countries with one main insurgency, and the group ACLED codes for its
/// unnamed insurgents ("insurgents ambushed a patrol in Pattani", "police
/// believe separatists were responsible"): unnamed gunmen stay unidentified.
const MAIN_INSURGENCY: &[(&str, &str)] = &[("Thailand", "Southern Muslim Separatists")];

/// Words for insurgents: an unidentified armed group read from one of them
/// may be a known insurgency ([`main_insurgency`]).
const INSURGENT_WORDS: &[&str] = &[
    "insurgent",
    "separatist",
    "rebel",
    "militant",
    "guerrilla",
    "guerilla",
    "terrorist",
    // the armed forces' words for the guerrillas ("three subversives were
    // killed during clashes", "the extremists fled")
    "subversive",
    "extremist",
];

/// An unidentified armed group read from a word for insurgents ("insurgents",
/// "separatists", "rebels", "guerrillas", "militants") is the insurgency the
/// text is about: in a country with one main insurgency, that insurgency's
/// group; else the one rebel group of the country the text names ("a report
/// by the URNG says that a guerrilla column attacked the farm": the
/// guerrillas are the URNG's). With two or more rebel groups named, or none,
/// it stays unidentified; so do unnamed gunmen.
fn main_insurgency(doc: &Doc<'_>, r: RoleActor) -> RoleActor {
    let text = doc.text;
    let Some(country) = r
        .actor
        .name
        .strip_prefix("Unidentified Armed Group (")
        .and_then(|n| n.strip_suffix(')'))
    else {
        return r;
    };
    let words = text
        .get(r.span.start..r.span.end)
        .unwrap_or("")
        .to_ascii_lowercase();
    if !INSURGENT_WORDS.iter().any(|w| words.contains(w)) {
        return r;
    }
    if let Some((_, group)) = MAIN_INSURGENCY.iter().find(|(c, _)| *c == country) {
        return RoleActor {
            actor: Actor {
                name: format!("{group} ({country})"),
                actor_type: Some(ActorType::RebelGroups),
                country: r.actor.country.clone(),
            },
            span: r.span,
        };
    }
    let mut sole: Option<&ActorCand> = None;
    for a in doc.actors {
        // (dictionary groups only: a name read from its shape alone, such
        // as "X Movement", may be anything)
        if a.generic.is_some()
            || a.country
            || a.actor.actor_type != Some(ActorType::RebelGroups)
            || a.actor.country.is_none()
            || a.country_name.as_deref().is_some_and(|c| c != country)
        {
            continue;
        }
        match sole {
            Some(s) if s.actor.name != a.actor.name => return r,
            _ => sole = Some(a),
        }
    }
    match sole {
        Some(g) => RoleActor {
            actor: g.actor.clone(),
            span: r.span,
        },
        None => r,
    }
}

/// Nouns of a state's fire after a demonym: "Indian shelling", "Israeli
/// airstrikes", "Pakistani artillery", "Russian drones". The fire of a
/// nation is its military's (ACLED: Military Forces of <country>).
const NATIONAL_FIRE: &[&str] = &[
    "shelling",
    "shells",
    "firing",
    "fire",
    "gunfire",
    "artillery",
    "mortar",
    "mortars",
    "rockets",
    "missiles",
    "missile",
    "jets",
    "fighter jets",
    "warplanes",
    "aircraft",
    "helicopters",
    "helicopter gunships",
    "gunships",
    "drones",
    "drone",
    "strikes",
    "airstrikes",
    "airstrike",
    "air strikes",
    "air strike",
    "air raids",
    "air raid",
    "bombardment",
    "navy",
    "warships",
];

/// Countries whose people's fire is no state's (ISO2): the Palestinian
/// territories' rockets are the armed groups'.
const NO_NATIONAL_FIRE: &[&str] = &["PS"];

/// The span of a nation's fire starting at a demonym ending at `demonym_end`
/// ("Indian| shelling", "Israeli| air strikes"), for a country `iso2` that
/// has an army of its own; `None` when the next words name no fire.
pub fn national_fire(text: &str, start: usize, demonym_end: usize, iso2: &str) -> Option<Span> {
    if NO_NATIONAL_FIRE.contains(&iso2) {
        return None;
    }
    let rest = text.get(demonym_end..)?;
    let rest = rest.strip_prefix(' ')?;
    let b = rest.as_bytes();
    let n = NATIONAL_FIRE
        .iter()
        .filter(|w| {
            b.len() >= w.len()
                && b[..w.len()].eq_ignore_ascii_case(w.as_bytes())
                && b.get(w.len())
                    .is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'-' && *c < 0x80)
        })
        .map(|w| w.len())
        .max()?;
    Some(Span::new(start, demonym_end + 1 + n))
}

#[cfg(test)]
mod speed_tests {
    use super::words_before;

    /// The char-by-char reader the byte scan of [`words_before`] replaced.
    fn words_before_by_chars(text: &str, from: usize, to: usize, n: usize) -> Vec<String> {
        let mut from = from.max(to.saturating_sub(24 * n + 48));
        while from < to && !text.is_char_boundary(from) {
            from += 1;
        }
        text.get(from..to)
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .rev()
            .take(n)
            .map(|w| w.to_ascii_lowercase())
            .collect()
    }

    /// At every pair of char boundaries of texts with punctuation,
    /// apostrophes, digits and non-ASCII letters, the byte scan reads the
    /// same words, nearest first.
    #[test]
    fn byte_scan_reads_the_same_words_before() {
        let texts = [
            "Gunmen's car, (near the police-station) 12 men... killed; O'Brien said",
            "  ,, leading 'quoted' words\u{a0}and \u{00e9}t\u{00e9} \u{201c}X\u{201d} end ",
            "",
        ];
        for t in texts {
            let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b >= a) {
                    for n in [1, 2, 3, 5] {
                        assert_eq!(
                            words_before(t, a, b, n),
                            words_before_by_chars(t, a, b, n),
                            "{t:?} {a} {b} {n}"
                        );
                    }
                }
            }
        }
    }

    /// The window search per tag [`super::header_tags`]'s byte search
    /// replaced (the oracle of `header_tags_by_bytes_as_by_windows`).
    fn header_tags_by_windows(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let b = text.as_bytes();
        for tag in super::HEADER_TAGS {
            let mut from = 0;
            while from < b.len() {
                let Some(i) = b[from..]
                    .windows(tag.len())
                    .position(|w| w.eq_ignore_ascii_case(tag.as_bytes()))
                    .map(|i| from + i)
                else {
                    break;
                };
                from = i + tag.len();
                super::bracket_groups_before(b, i, &mut out);
            }
        }
        out
    }

    /// Over every suffix of wire headers with tags in any case, nested and
    /// unclosed brackets, the '[' search finds the same ranges as the window
    /// search (after the sort and merge `quote_ranges` applies).
    #[test]
    fn header_tags_by_bytes_as_by_windows() {
        let texts = [
            "-- [COMMUNIQUE] [FARABUNDO MARTI FRONT (FMLN)] [TEXT] TODAY THE ARMY",
            "[Excerpts] [a] [b]  [EXCERPT] x [excerpts][text][TeXt]",
            "]] [ [x] [text] [y]\n[z] [EXCERPTS] [[[text]",
            "[tex [text [text]",
            "",
        ];
        for t in texts {
            for i in 0..=t.len() {
                let mut a = super::header_tags(&t[i..]);
                let mut b = header_tags_by_windows(&t[i..]);
                a.sort();
                b.sort();
                assert_eq!(a, b, "{:?}", &t[i..]);
            }
        }
        assert_eq!(
            super::header_tags("[A] [B] [Text] go"),
            vec![(4, 7), (0, 3)]
        );
    }

    /// The char-by-char reader [`super::quote_ranges`]'s byte search replaced.
    fn quote_ranges_by_chars(text: &str) -> Vec<(usize, usize)> {
        use super::{continues_report, header_tags, quoted_name};
        let mut out = Vec::new();
        let mut open: Option<usize> = None;
        let mut straight: Option<usize> = None;
        let b = text.as_bytes();
        for (i, ch) in text.char_indices() {
            match ch {
                '\u{201c}' => open = Some(i),
                '\u{201d}' => {
                    if let Some(o) = open.take() {
                        if !continues_report(text, o) {
                            out.push((o, i + ch.len_utf8()));
                        }
                    }
                }
                '"' => {
                    if let Some(o) = straight.take() {
                        if !quoted_name(&text[o + 1..i]) && !continues_report(text, o) {
                            out.push((o, i + 1));
                        }
                    } else {
                        straight = Some(i);
                    }
                }
                '\n' if i + 1 < b.len() && b[i + 1] == b'\n' => {
                    open = None;
                    straight = None;
                }
                _ => {}
            }
        }
        out.extend(header_tags(text));
        super::merge_overlapping(out)
    }

    /// Over every suffix of texts with curly and straight quotes, other
    /// chars led by 0xE2 (dashes, ellipses), paragraph breaks and cut-off
    /// quotes, the byte search finds the same ranges.
    #[test]
    fn quote_ranges_by_bytes_as_by_chars() {
        let texts = [
            "He said \u{201c}we will fight\u{201d} \u{2014} and \"they\" left\u{2026}",
            "\u{201c}open\n\nclosed\u{201d} \"a\n\nb\" \u{201d}\u{201c}\u{201c}x\u{201d}\"",
            "\u{2013}\u{2018}\u{2019}\u{20ac} \"\u{201c}\"\u{201d}\n",
            "",
        ];
        for t in texts {
            for i in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                assert_eq!(
                    super::quote_ranges(&t[i..]),
                    quote_ranges_by_chars(&t[i..]),
                    "{:?}",
                    &t[i..]
                );
            }
        }
    }

    /// The scan per word that [`super::has_word`]'s one pass replaced.
    fn has_word_by_scans(l: &str, words: &[&str]) -> bool {
        words
            .iter()
            .any(|w| super::word_hits(l, w).next().is_some())
    }

    /// Over every suffix of texts with glued, repeated and overlapping
    /// words, the one pass answers as the scan per word, for the lists the
    /// code uses and for words with a repeated head ("ab ab").
    #[test]
    fn one_pass_has_word_answers_as_the_scans() {
        let lists: [&[&str]; 6] = [
            super::ATTRIBUTION_CUES,
            super::DENIALS,
            &["member of", "members of"],
            &["ab ab", "ab", "b", "-in-law", "", "3rd"],
            &["aa", "a a", "x-y"],
            &[],
        ];
        let texts = [
            "police blamed the group, which denied it; suspects were members of X",
            "ab ab ab, abab ab-ab aab ab aa a a aaa x-yx-y x-y 3rd 33rd",
            "the attack was the work of militants loyal to the commander \u{e9}blamed",
            "responsibleness unblamed behind them behind the wall allegedly",
            "mother-in-law, son-in-laws and a a a",
            "",
        ];
        // texts of one length in a row: the cached runs are the text's own
        assert!(super::has_word("police blamed", &["blamed"]));
        assert!(!super::has_word("police blames", &["blamed"]));
        assert!(super::has_word("police blames", &["blames"]));
        for t in texts {
            for i in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                let l = &t[i..];
                for words in lists {
                    assert_eq!(
                        super::has_word(l, words),
                        has_word_by_scans(l, words),
                        "{l:?} {words:?}"
                    );
                }
            }
        }
    }
}
