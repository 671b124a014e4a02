//! Recognisers for the parts of a copied news page that are not body text:
//! datelines (`QUETTA:`, `KABUL (Reuters) -`), site chrome ("Short Url",
//! "Follow"), photo captions ("… (AFP/File)"), bylines, "Updated …" lines.

use chrono::Duration;
use sitrep_text::dates::{self, Moment};

/// A dateline opening a body paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place as written (`QUETTA`, `DERA ISMAIL KHAN`, `PESHAWAR, Pakistan`).
    pub place: Option<String>,
    /// The agency named in brackets (`Reuters`, `AFP`), if any.
    pub agency: Option<String>,
    /// The date written in the dateline ("KABUL, Oct 28 (Reuters) -",
    /// "Oct 28 (AFP) -"), as written: the year may be missing (see
    /// [`Dateline::day`]).
    pub date: Option<dates::DateMention>,
    /// Bytes of the opener, separator included.
    pub len: usize,
}

impl Dateline {
    /// The publication moment the dateline's date gives, when it names a day:
    /// a missing year is the latest that does not put the day after
    /// `retrieved` (the input's retrieval day).
    pub fn day(&self, retrieved: chrono::NaiveDate) -> Option<Moment> {
        let m = self.date.as_ref()?;
        if m.year.is_some() {
            return m.moment();
        }
        dates::resolve_day(m, retrieved).map(Moment::Date)
    }
}

/// Collapses runs of whitespace (including non-breaking spaces) to one space
/// and trims: for headlines and summary lines, which are shown as written.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Words in capitals that open a paragraph with a colon but are not places.
const NOT_PLACES: &[&str] = &[
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "WATCH",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "LIVE",
    "VIDEO",
    "PHOTOS",
    "PHOTO",
    "NOTE",
    "CORRECTION",
    "FILE",
    "READ",
    "ALSO",
    "EDITOR",
    "EDITORS",
    "COMMENT",
    "REVIEW",
    "FACTBOX",
    "EXPLAINER",
    "TIMELINE",
    "Q&A",
    "WARNING",
    "ADVISORY",
    "URGENT",
    "FLASH",
    "SOURCE",
    "SOURCES",
    "NB",
    "PS",
    "TEXT",
    "BACKGROUND",
    "UPDATE1",
    "UPDATE 1",
    "RPT",
];

const AGENCIES: &[&str] = &[
    "Reuters",
    "AFP",
    "AP",
    "APP",
    "PTI",
    "IANS",
    "ANI",
    "Xinhua",
    "dpa",
    "DPA",
    "Anadolu",
    "AA",
    "EFE",
    "UPI",
    "Bloomberg",
    "NNI",
    "INP",
    "PPI",
    "Online",
    "RFE/RL",
    "Pajhwok",
    "TOLOnews",
    "IRNA",
    "KUNA",
    "WAM",
    "SPA",
    "UNI",
    "BSS",
    "Al Jazeera",
    "Arab News",
    "Dawn",
    "Tribune",
    "VOA",
    "BBC",
    "CNN",
];

/// Parses a dateline at the start of `para`. Returns `None` when the paragraph
/// does not open with one.
pub fn parse_dateline(para: &str) -> Option<Dateline> {
    let s = para.trim_start();
    let lead = para.len() - s.len();
    // "(Reuters) - …" with no place.
    if let Some((agency, alen)) = agency_at(s) {
        let sep = separator_at(&s[alen..])?;
        return Some(Dateline {
            place: None,
            agency: Some(agency),
            date: None,
            len: lead + alen + sep,
        });
    }
    // "Oct 28 (AFP) -": a day and an agency, no place (the agency is required:
    // a bare "Oct 28:" opens timeline entries too).
    if let Some(m) = dates::date_at_start(s)
        .filter(|m| m.day.is_some())
        .map(|m| with_short_year(s, m))
    {
        let after = &s[m.span.end..];
        let ws = after.len() - after.trim_start().len();
        if let Some((agency, alen)) = agency_at(after.trim_start()) {
            let at = m.span.end + ws + alen;
            if let Some(sep) = separator_at(&s[at..]) {
                return Some(Dateline {
                    place: None,
                    agency: Some(agency),
                    date: Some(m),
                    len: lead + at + sep,
                });
            }
        }
    }
    let b = s.as_bytes();
    // Place: capitalised words (letters, dots, apostrophes, hyphens), separated by
    // single spaces or '/', at most 40 bytes.
    let mut i = 0;
    let mut words = 0;
    let mut all_caps = true;
    loop {
        let ws = i;
        if i >= b.len() || !b[i].is_ascii_uppercase() {
            break;
        }
        while i < b.len() && (b[i].is_ascii_alphabetic() || matches!(b[i], b'.' | b'\'' | b'-')) {
            if b[i].is_ascii_lowercase() {
                all_caps = false;
            }
            i += 1;
        }
        if i - ws < 2 {
            return None;
        }
        words += 1;
        if words > 5 || i > 40 {
            return None;
        }
        if i + 1 < b.len() && (b[i] == b' ' || b[i] == b'/') && b[i + 1].is_ascii_uppercase() {
            i += 1;
            continue;
        }
        break;
    }
    if words == 0 {
        return None;
    }
    let place_end = i;
    let place_core = s[..place_end].trim_end_matches(['.', '-']);
    if all_caps && NOT_PLACES.contains(&place_core) {
        return None;
    }
    let mut place = place_core.to_owned();
    // Optional ", Country" / ", Oct 28" / ", Oct. 28, 2025" parts.
    let mut qualified = false;
    let mut date = None;
    for _ in 0..3 {
        let Some(rest) = s[i..].strip_prefix(", ") else {
            break;
        };
        let j = i + 2;
        // A date part?
        if let Some(m) = dates::date_at_start(rest).map(|m| with_short_year(rest, m)) {
            i = j + m.span.end;
            date = Some(m);
            continue;
        }
        let dated = date.is_some();
        // A capitalised region/country part (up to three words).
        let rb = rest.as_bytes();
        let mut k = 0;
        let mut w = 0;
        while k < rb.len() && rb[k].is_ascii_uppercase() && w < 3 {
            while k < rb.len()
                && (rb[k].is_ascii_alphabetic() || matches!(rb[k], b'.' | b'\'' | b'-'))
            {
                k += 1;
            }
            w += 1;
            if k + 1 < rb.len() && rb[k] == b' ' && rb[k + 1].is_ascii_uppercase() {
                k += 1;
            } else {
                break;
            }
        }
        if w == 0 || dated {
            break;
        }
        place.push_str(", ");
        place.push_str(&rest[..k]);
        i = j + k;
        qualified = true;
    }
    // Optional agency: " (Reuters)".
    let mut agency = None;
    let after_place = &s[i..];
    let ws = after_place.len() - after_place.trim_start().len();
    let source = agency_at(after_place.trim_start()).or_else(|| {
        // After a capitalised place and a day, any short capitalised source in
        // brackets: "SAN SALVADOR, 11 NOV 89 (DOMESTIC SERVICE) --".
        date.as_ref()
            .filter(|_| all_caps)
            .and_then(|_| source_at(after_place.trim_start()))
    });
    if let Some((a, alen)) = source {
        agency = Some(a);
        i += ws + alen;
    }
    let sep = separator_at(&s[i..])?;
    let colon = s[i..].trim_start().starts_with(':');
    let ok = if all_caps {
        true
    } else {
        // Mixed case ("Peshawar, Pakistan —") needs more evidence than a colon.
        date.is_some() || (!colon && (agency.is_some() || qualified))
    };
    if !ok {
        return None;
    }
    if all_caps && words == 1 && place.len() < 3 {
        return None;
    }
    Some(Dateline {
        place: Some(place),
        agency,
        // A month without a day ("LAHORE, October 2025:") dates nothing.
        date: date.filter(|m| m.day.is_some()),
        len: lead + i + sep,
    })
}

/// A year-less day in a wire dateline followed by a two-digit year
/// ("SAN SALVADOR, 3 JAN 90 --"): the year joins the mention (`00`–`49` are
/// 2000s, `50`–`99` 1900s, as wire archives of both centuries write them).
fn with_short_year(s: &str, mut m: dates::DateMention) -> dates::DateMention {
    if m.year.is_some() || m.day.is_none() {
        return m;
    }
    let b = s.as_bytes();
    let e = m.span.end;
    let two_digits = b.len() >= e + 3
        && b[e] == b' '
        && b[e + 1].is_ascii_digit()
        && b[e + 2].is_ascii_digit()
        && b.get(e + 3).is_none_or(|c| !c.is_ascii_alphanumeric());
    if two_digits {
        let yy = i32::from(b[e + 1] - b'0') * 10 + i32::from(b[e + 2] - b'0');
        let year = if yy < 50 { 2000 + yy } else { 1900 + yy };
        if m.day
            .is_some_and(|d| chrono::NaiveDate::from_ymd_opt(year, m.month, d).is_some())
        {
            m.year = Some(year);
            m.span.end = e + 3;
        }
    }
    m
}

/// `(SOME SOURCE)` at the start of `s`, in capitals, at most 40 bytes: (source, bytes).
fn source_at(s: &str) -> Option<(String, usize)> {
    let rest = s.strip_prefix('(')?;
    let close = rest.find(')')?;
    let inner = rest[..close].trim();
    let ok = close <= 40
        && inner.bytes().any(|c| c.is_ascii_uppercase())
        && inner.bytes().all(|c| {
            c.is_ascii_uppercase()
                || c.is_ascii_digit()
                || matches!(c, b' ' | b'-' | b'.' | b'/' | b'&')
        });
    ok.then(|| (inner.to_owned(), close + 2))
}

/// `(Reuters)` at the start of `s`: (agency, bytes).
fn agency_at(s: &str) -> Option<(String, usize)> {
    let rest = s.strip_prefix('(')?;
    let close = rest.find(')')?;
    if close > 30 {
        return None;
    }
    let inner = rest[..close].trim();
    let known = AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(inner));
    if !known {
        return None;
    }
    Some((inner.to_owned(), close + 2))
}

/// A dateline separator (`:`, ` -`, ` —`, ` –`, ` --`) followed by whitespace; returns its bytes.
fn separator_at(s: &str) -> Option<usize> {
    let t = s.trim_start_matches([' ', '\u{a0}']);
    let ws = s.len() - t.len();
    for sep in [":", "--", "-", "\u{2014}", "\u{2013}"] {
        if let Some(after) = t.strip_prefix(sep) {
            if sep == ":" && ws > 0 {
                continue;
            }
            if sep != ":" && ws == 0 {
                continue;
            }
            let after_t = after.trim_start_matches([' ', '\u{a0}']);
            if after_t.len() == after.len() || after_t.is_empty() {
                return None;
            }
            return Some(ws + sep.len() + (after.len() - after_t.len()));
        }
    }
    None
}

/// Exact lines (lower-cased, trailing `:` dropped) that are site chrome.
const CHROME: &[&str] = &[
    "short url",
    "follow",
    "following",
    "unfollow",
    "share",
    "shares",
    "share this",
    "share this article",
    "share this story",
    "share article",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share on whatsapp",
    "share via",
    "tweet",
    "email",
    "e-mail",
    "print",
    "print article",
    "comments",
    "comment",
    "save",
    "saved",
    "save article",
    "bookmark",
    "listen",
    "listen to this article",
    "listen to article",
    "listen to this story",
    "advertisement",
    "advertisements",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "read more",
    "related",
    "related articles",
    "related stories",
    "related news",
    "related topics",
    "more on this story",
    "more stories",
    "more from this section",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "recommended",
    "recommended stories",
    "you may also like",
    "you might also like",
    "copy link",
    "link copied",
    "copied",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "linkedin",
    "telegram",
    "reddit",
    "pinterest",
    "messenger",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign in",
    "log in",
    "login",
    "register",
    "skip to content",
    "skip to main content",
    "skip advertisement",
    "continue reading",
    "click here",
    "google news",
    "font size",
    "text size",
    "a a",
    "a- a+",
    "aa",
    "gift this article",
    "gift article",
    "view comments",
    "show comments",
    "hide comments",
    "top stories",
    "latest news",
    "latest",
    "home",
    "menu",
    "search",
    "close",
    "next",
    "previous",
    "back to top",
    "top",
    "join our whatsapp channel",
    "download app",
    "download the app",
    "open in app",
    "story continues below advertisement",
    "story continues below",
    "article continues below",
    "article continues after this advertisement",
    "scroll to continue with content",
    "continue reading below",
    "live updates",
    "watch",
    "watch video",
    "video",
    "photos",
    "photo",
    "image",
    "images",
    "gallery",
    "follow us",
    "follow us on",
    "read next",
    "up next",
    "editor's pick",
    "editor's picks",
    "editors' picks",
    "more from",
    "newsletter",
    "newsletters",
    "share full article",
    "see all",
    "see more",
    "show more",
    "load more",
    "also read",
    "read also",
    "also see",
    "related coverage",
    "tags",
    "topics",
    "filed under",
    "reuters",
    "afp",
    "ap",
    "(reuters)",
    "(afp)",
    "(ap)",
    "file photo",
    "file image",
    "representational image",
    "representational photo",
    "photo: file",
    "photo courtesy",
    "getty images",
    "reuters/file",
    "afp/file",
    "ap photo",
    "the express tribune",
    "dawn",
    "arab news",
    "pakistan",
    "world",
    "asia",
    "south asia",
    "middle east",
    "national",
    "international",
    "news",
    "top news",
    "breaking news",
    "politics",
    "opinion",
    "in depth",
    "analysis",
];

/// Prefixes (lower-cased) of chrome lines.
const CHROME_PREFIXES: &[&str] = &[
    "read more:",
    "also read:",
    "read also:",
    "see also:",
    "related:",
    "watch:",
    "listen:",
    "follow us on",
    "follow @",
    "copyright",
    "\u{a9}",
    "(c) ",
    "all rights reserved",
    "click here",
    "subscribe to",
    "sign up for",
    "sign up to",
    "get the latest",
    "download the",
    "join our",
    "for more news",
    "reporting by",
    "(reporting by",
    "additional reporting by",
    "(additional reporting by",
    "editing by",
    "(editing by",
    "writing by",
    "(writing by",
    "compiled by",
    "(compiled by",
    "published in dawn",
    "published in the express tribune",
    "this story has not been edited",
    "this article was originally published",
    "this story was originally published",
    "first published on",
    "images:",
    "image:",
    "photo:",
    "photograph:",
    "photo credit",
    "file photo:",
    "file photo of",
    "a file photo",
    "(file photo",
    "picture:",
    "pictured:",
    "caption:",
    "image source",
    "image caption",
    "media caption",
    "getty images",
    "http://",
    "https://",
    "www.",
];

/// Whether a (trimmed) line is site chrome: share buttons, section labels,
/// "Read more" links, copyright lines, reporting credits, bare URLs.
pub fn is_chrome(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    if t.len() <= 60 {
        static CHROME_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
            std::sync::LazyLock::new(|| CHROME.iter().copied().collect());
        let l = t.trim_end_matches(':').trim().to_lowercase();
        if CHROME_SET.contains(l.as_str()) {
            return true;
        }
        // "5 min read", "3 mins read", "12 comments", "Reading time: 4 min"
        let words: Vec<&str> = l.split_whitespace().collect();
        if words.len() <= 4 {
            let numeric_first = words
                .first()
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
            if numeric_first
                && words.len() >= 2
                && matches!(
                    words[1..].join(" ").as_str(),
                    "min read"
                        | "mins read"
                        | "minute read"
                        | "minutes read"
                        | "comments"
                        | "comment"
                        | "shares"
                )
            {
                return true;
            }
            if l.starts_with("reading time") {
                return true;
            }
        }
    }
    // Only the head of a long paragraph matters for the prefixes: lower-case that.
    let mut cut = t.len().min(48);
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = t[..cut].to_lowercase();
    // The prefixes by first byte: a line is compared with a handful, not all.
    static BY_FIRST: std::sync::LazyLock<Vec<Vec<&'static str>>> = std::sync::LazyLock::new(|| {
        let mut v = vec![Vec::new(); 256];
        for p in CHROME_PREFIXES {
            if let Some(&b) = p.as_bytes().first() {
                v[usize::from(b)].push(*p);
            }
        }
        v
    });
    let first = head.as_bytes().first().map_or(0, |&b| usize::from(b));
    if BY_FIRST[first].iter().any(|p| head.starts_with(p)) {
        return true;
    }
    // Trailing reporting credits in brackets: "(Reporting by …; Editing by …)".
    if t.starts_with('(') && t.ends_with(')') && t.len() < 400 {
        let l = t.to_lowercase();
        if l.contains("reporting by") || l.contains("editing by") {
            return true;
        }
    }
    false
}

const CAPTION_SOURCES: &[&str] = &[
    "afp",
    "reuters",
    "ap",
    "ap photo",
    "epa",
    "epa-efe",
    "getty",
    "getty images",
    "file",
    "file photo",
    "photo",
    "photos",
    "app",
    "inp",
    "ppi",
    "nni",
    "online",
    "xinhua",
    "anadolu",
    "anadolu agency",
    "dawn",
    "supplied",
    "handout",
    "screengrab",
    "screenshot",
    "social media",
    "courtesy",
    "arab news",
    "ispr",
    "tribune",
    "express",
    "white star",
    "shutterstock",
    "ani",
    "pti",
    "ians",
    "x",
    "twitter",
    "facebook",
    "video grab",
    "afp via getty images",
    "reuters/file",
    "afp/file",
    "ap/file",
];

/// Whether a (trimmed) line is a photo caption: it ends with a bracketed or
/// dashed photo credit ("… stands guard … (AFP/File)", "… — Reuters/File"),
/// names a photographer ("REUTERS/Name"), or starts with "Photo:" and the like.
pub fn is_caption(line: &str) -> bool {
    let t = line.trim().trim_end_matches(['.', ' ']);
    if t.is_empty() {
        return false;
    }
    static CREDITS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 3]> =
        std::sync::LazyLock::new(|| {
            ["REUTERS/", "AFP via Getty", "(AP Photo"].map(memchr::memmem::Finder::new)
        });
    if CREDITS.iter().any(|f| f.find(t.as_bytes()).is_some()) {
        return true;
    }
    // Bracketed credit at the end.
    if let Some(open) = t.ends_with(')').then(|| t.rfind('(')).flatten() {
        if t.len() - open <= 60 {
            let inner = t[open + 1..t.len() - 1].trim().to_lowercase();
            let head = inner
                .split(['/', ':', ',', ';'])
                .next()
                .unwrap_or("")
                .trim();
            let first = head.split_whitespace().next().unwrap_or("");
            if CAPTION_SOURCES.contains(&head)
                || inner.starts_with("photo")
                || inner.starts_with("file")
                || inner.starts_with("image")
                || inner.starts_with("courtesy")
                || (inner.contains('/') && CAPTION_SOURCES.contains(&first))
            {
                // A body sentence that merely ends with "(AFP)" is rare; a line whose
                // bracket is the whole line is chrome, handled elsewhere.
                return open > 0;
            }
        }
    }
    // Dashed credit at the end: "… in Quetta on Sunday. — Reuters/File".
    // Only the last occurrence counts and its credit is at most 40 bytes: search
    // the line's tail (a long paragraph is not scanned backwards three times).
    let mut from = t.len().saturating_sub(64);
    while !t.is_char_boundary(from) {
        from -= 1;
    }
    let tail_part = &t[from..];
    for dash in ["\u{2014}", "\u{2013}", " - "] {
        if let Some(p) = tail_part.rfind(dash).map(|p| p + from) {
            let tail = t[p + dash.len()..].trim().to_lowercase();
            let head = tail.split(['/', ':']).next().unwrap_or("").trim();
            if !tail.is_empty()
                && tail.len() <= 40
                && (CAPTION_SOURCES.contains(&head) || tail.starts_with("photo"))
                && p > 0
            {
                return true;
            }
        }
    }
    false
}

/// Whether a (trimmed) line is a byline: "By NAME", "By NAME and NAME | Reuters",
/// "By NAME, AFP".
pub fn is_byline(line: &str) -> bool {
    let t = line.trim();
    let Some(rest) = t.strip_prefix("By ").or_else(|| t.strip_prefix("BY ")) else {
        return false;
    };
    if t.len() > 100 || rest.ends_with('.') && !rest.ends_with(" Jr.") {
        return false;
    }
    let names = rest
        .split(['|', ',', '\u{2014}', '\u{2013}'])
        .next()
        .unwrap_or("");
    let words: Vec<&str> = names.split_whitespace().collect();
    if words.is_empty() || words.len() > 9 {
        return false;
    }
    words.iter().all(|w| {
        matches!(
            *w,
            "and" | "&" | "bin" | "ul" | "al" | "de" | "van" | "von" | "ud" | "din"
        ) || w.chars().next().is_some_and(|c| c.is_uppercase())
    })
}

/// What kind of date a date line gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateLabel {
    /// "Published", "Posted", "First published", or a bare date.
    Published,
    /// "Updated", "Last updated", "Modified".
    Updated,
}

/// The moment a date line states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    /// An absolute day or moment.
    At(Moment),
    /// Relative to the retrieval moment ("5 sec ago").
    Ago(Duration),
}

/// Reads a date line: "Updated 28 October 2025", "Updated 5 sec ago",
/// "Published: Tuesday 28 Oct 2025 10:32 GMT", "Last updated on Oct. 19, 2025",
/// a bare "28 October 2025", "Published 28 Oct 2025 | Updated 29 Oct 2025".
/// Returns the stamps found with their labels.
pub fn parse_date_line(line: &str) -> Option<Vec<(DateLabel, Stamp)>> {
    let t = line.trim();
    if t.is_empty() || t.len() > 120 {
        return None;
    }
    // Every date needs a digit (day, year, "5 sec ago") except "just now",
    // "moments ago", "an hour ago": most lines are rejected here, unparsed.
    let b = t.as_bytes();
    let has_word = |w: &[u8]| b.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
    if !b.iter().any(u8::is_ascii_digit) && !has_word(b"ago") && !has_word(b"now") {
        return None;
    }
    let mut out = Vec::new();
    for part in t.split('|') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (label, rest) = strip_label(part);
        let rest = rest.trim_start_matches([':', ' ', '-']).trim();
        let rest = rest
            .strip_prefix("on ")
            .or_else(|| rest.strip_prefix("On "))
            .unwrap_or(rest);
        let rest = rest
            .strip_prefix("at ")
            .unwrap_or(rest)
            .trim_end_matches(['.', ' ']);
        if let Some(d) = dates::parse_ago(rest) {
            out.push((label.unwrap_or(DateLabel::Updated), Stamp::Ago(d)));
        } else if let Some(m) = dates::parse_moment(rest)
            .or_else(|| dates::parse_moment(&strip_trailing_zone_words(rest)))
        {
            out.push((label.unwrap_or(DateLabel::Published), Stamp::At(m)));
        } else {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

fn strip_trailing_zone_words(s: &str) -> String {
    // "28 Oct 2025 - 10:32 PM PST" style noise after the date: keep the date part.
    s.split(" - ").next().unwrap_or(s).to_owned()
}

fn strip_label(s: &str) -> (Option<DateLabel>, &str) {
    const LABELS: &[(&str, DateLabel)] = &[
        ("last updated", DateLabel::Updated),
        ("last modified", DateLabel::Updated),
        ("updated", DateLabel::Updated),
        ("modified", DateLabel::Updated),
        ("first published", DateLabel::Published),
        ("published", DateLabel::Published),
        ("posted", DateLabel::Published),
        ("publication date", DateLabel::Published),
        ("date", DateLabel::Published),
        ("dated", DateLabel::Published),
    ];
    let lower = s.to_ascii_lowercase();
    for (l, kind) in LABELS {
        if lower.starts_with(l) {
            let rest = &s[l.len()..];
            if rest.is_empty() || rest.starts_with([' ', ':', '\u{a0}']) {
                return (Some(*kind), rest);
            }
        }
    }
    (None, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(s: &str) -> Option<String> {
        parse_dateline(s).and_then(|d| d.place)
    }

    #[test]
    fn datelines() {
        assert_eq!(
            place("QUETTA: Pakistan forces were hunting"),
            Some("QUETTA".into())
        );
        assert_eq!(
            place("ISLAMABAD: Pakistan is making"),
            Some("ISLAMABAD".into())
        );
        assert_eq!(
            place("DERA ISMAIL KHAN: Two policemen"),
            Some("DERA ISMAIL KHAN".into())
        );
        let d = parse_dateline("KABUL (Reuters) - Taliban officials said").unwrap();
        assert_eq!(
            (d.place.as_deref(), d.agency.as_deref()),
            (Some("KABUL"), Some("Reuters"))
        );
        assert_eq!(&"KABUL (Reuters) - Taliban"[d.len..], "Taliban");
        let d = parse_dateline("PESHAWAR, Pakistan, Oct 28 (AP) \u{2014} A bomb").unwrap();
        assert_eq!(d.place.as_deref(), Some("PESHAWAR, Pakistan"));
        assert_eq!(
            place("Peshawar, Pakistan \u{2014} A bomb went off"),
            Some("Peshawar, Pakistan".into())
        );
        assert_eq!(
            place("LAHORE, Oct 28: Police arrested"),
            Some("LAHORE".into())
        );
        let d = parse_dateline("(Reuters) - Pakistan's army said").unwrap();
        assert_eq!((d.place, d.agency.as_deref()), (None, Some("Reuters")));
        assert_eq!(place("BREAKING: Blast in Quetta"), None);
        assert_eq!(place("Pakistan: the army said"), None);
        assert_eq!(place("The army said on Sunday"), None);
        assert_eq!(place("US-Pakistan talks - a view"), None);
    }

    #[test]
    fn dateline_dates() {
        let feb1 = chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        let day = |s: &str| {
            parse_dateline(s)
                .and_then(|d| d.day(feb1))
                .map(|m| m.to_iso())
        };
        let d = parse_dateline("KABUL, Oct 28 (Reuters) - Taliban officials said").unwrap();
        assert_eq!(
            (d.place.as_deref(), d.agency.as_deref()),
            (Some("KABUL"), Some("Reuters"))
        );
        assert_eq!(&"KABUL, Oct 28 (Reuters) - Taliban"[d.len..], "Taliban");
        assert_eq!(
            day("KABUL, Oct 28 (Reuters) - Taliban"),
            Some("2025-10-28".into())
        );
        assert_eq!(
            day("ISLAMABAD, October 28, 2025: The army said"),
            Some("2025-10-28".into())
        );
        assert_eq!(
            day("PESHAWAR, Pakistan, Jan 30 (AP) \u{2014} A bomb"),
            Some("2026-01-30".into())
        );
        // No place: a day and an agency.
        let d = parse_dateline("Oct 28 (AFP) - Gunmen killed").unwrap();
        assert_eq!((d.place, d.agency.as_deref()), (None, Some("AFP")));
        assert_eq!(&"Oct 28 (AFP) - Gunmen killed"[d.len..], "Gunmen killed");
        assert_eq!(
            day("Oct 28 (AFP) - Gunmen killed"),
            Some("2025-10-28".into())
        );
        assert_eq!(
            day("28 October (Reuters) - Gunmen killed"),
            Some("2025-10-28".into())
        );
        // A timeline entry is not a dateline; a dateline without a day dates nothing.
        assert!(parse_dateline("Oct 28: Gunmen killed two people").is_none());
        assert_eq!(day("LAHORE, October 2025: Police"), None);
        assert_eq!(day("QUETTA: Police said"), None);
        assert_eq!(place("LAHORE, October 2025: Police"), Some("LAHORE".into()));
        // Wire archives: two-digit years.
        assert_eq!(
            day("SAN SALVADOR, 3 JAN 90 -- [REPORT] THE ARMY"),
            Some("1990-01-03".into())
        );
        assert_eq!(
            place("BOGOTA, 23 OCT 89 (EFE) -- [TEXT] THE"),
            Some("BOGOTA".into())
        );
        assert_eq!(
            day("BOGOTA, 23 OCT 89 (EFE) -- [TEXT] THE"),
            Some("1989-10-23".into())
        );
        assert_eq!(day("KABUL, Oct 28 25 (AFP) - x"), Some("2025-10-28".into()));
        let d = parse_dateline("SAN SALVADOR, 11 NOV 89 (DOMESTIC SERVICE) -- [REPORT]").unwrap();
        assert_eq!(d.agency.as_deref(), Some("DOMESTIC SERVICE"));
        assert!(parse_dateline("QUETTA (PROVINCIAL POLICE) - x").is_none());
        assert_eq!(
            day("KABUL, Oct 28 (AFP) - 25 people"),
            Some("2025-10-28".into())
        );
    }

    #[test]
    fn chrome_and_captions() {
        for c in [
            "Short Url",
            "Follow",
            "Share",
            "5 min read",
            "Read more: Blast kills 3",
            "(Reporting by A; Editing by B)",
            "Advertisement",
            "https://example.com/x",
        ] {
            assert!(is_chrome(c), "{c}");
        }
        for c in [
            "Militants attacked a checkpost in Quetta.",
            "'BROAD DAYLIGHT'",
            "Follow the money, he said.",
        ] {
            assert!(!is_chrome(c), "{c}");
        }
        assert!(is_caption("A Taliban security personnel stands guard along a road near the border on October 20, 2025. (AFP/File)"));
        assert!(is_caption(
            "Soldiers at the site of the blast. \u{2014} Reuters/File"
        ));
        assert!(is_caption(
            "Police officers cordon off the area (Photo: Supplied)"
        ));
        assert!(!is_caption(
            "The group said it would talk (AFP reported earlier) to the elders."
        ));
        assert!(!is_caption("Police said five people were killed."));
    }

    #[test]
    fn bylines() {
        assert!(is_byline("By Asif Shahzad and Mushtaq Ali | Reuters"));
        assert!(is_byline("By SAEED SHAH, AFP"));
        assert!(!is_byline(
            "By Sunday evening, the troops had left the area and returned."
        ));
    }

    #[test]
    fn date_lines() {
        let v = parse_date_line("Updated 28 October 2025").unwrap();
        assert_eq!(v[0].0, DateLabel::Updated);
        assert!(matches!(v[0].1, Stamp::At(m) if m.to_iso() == "2025-10-28"));
        let v = parse_date_line("Updated 5 sec ago").unwrap();
        assert_eq!(v[0].1, Stamp::Ago(Duration::seconds(5)));
        let v = parse_date_line("Published: Tuesday 28 Oct 2025 10:32 GMT | Updated 2 hours ago")
            .unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].0, DateLabel::Published);
        assert!(parse_date_line("Updated security rules were announced").is_none());
        assert!(parse_date_line("October 28, 2025").is_some());
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn piece() -> impl Strategy<Value = String> {
            prop_oneof![
                Just("KABUL".to_string()),
                Just("SAN SALVADOR".to_string()),
                Just(", ".to_string()),
                Just("Oct 28".to_string()),
                Just("3 JAN 9".to_string()),
                Just("0".to_string()),
                Just("October 28, 2025".to_string()),
                Just(" (Reuters)".to_string()),
                Just(" (DOMESTIC SERVICE)".to_string()),
                Just(" -".to_string()),
                Just(" --".to_string()),
                Just(":".to_string()),
                Just(" \u{2014}".to_string()),
                Just(" ".to_string()),
                Just("\u{e9}".to_string()),
                "\\PC{0,6}",
            ]
        }

        proptest! {
            /// The opener length lands on a char boundary inside the paragraph and
            /// the date is resolved without panicking, for any retrieval day.
            #[test]
            fn datelines_are_well_formed(parts in proptest::collection::vec(piece(), 0..10), days in 0i64..40_000) {
                let para = parts.concat();
                if let Some(d) = parse_dateline(&para) {
                    prop_assert!(d.len <= para.len());
                    prop_assert!(para.is_char_boundary(d.len));
                    let day0 = chrono::NaiveDate::from_ymd_opt(1950, 1, 1).expect("valid date");
                    let reference = day0 + chrono::Duration::days(days);
                    if let Some(m) = d.day(reference) {
                        if d.date.as_ref().is_some_and(|x| x.year.is_none()) {
                            prop_assert!(m.date() <= reference);
                        }
                    }
                }
            }
        }
    }
}
