//! Sentence splitting for news text, as byte spans into the given text.
//!
//! Rules, in order:
//! - a blank line always ends a sentence; so does a line break before a bullet
//!   (`•`, `-`, `*`) or an indented line, and after a short line (a headline,
//!   a sub-head). Other single line breaks are hard wraps (Reuters, MUC) and
//!   are read through.
//! - `.`, `!`, `?`, `…` (with closing quotes/brackets after them) end a sentence
//!   when whitespace and an upper-case letter, digit, opening quote or bracket
//!   follow — unless the word before is a known abbreviation (`Mr.`, `Gen.`,
//!   `Oct.`, `No.`), an initial (`S. Rajaratnam`), or a dotted acronym
//!   (`U.S.`, `a.m.`) followed by a word that does not usually start a sentence;
//! - inside a quotation that closes later in the same paragraph, sentence ends
//!   are read through, so a quote spanning sentences stays with its attribution
//!   ("… cheap. We will chase them," he said.).
//!
//! Spans never include surrounding whitespace or a leading bullet marker, and
//! always lie on char boundaries.

use sitrep_model::Span;

/// Abbreviations after which a dot does not end a sentence (case-sensitive).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Maj", "Lt", "Col", "Capt", "Cmdr", "Cdr", "Brig",
    "Sgt", "Cpl", "Pvt", "Adm", "Gov", "Sen", "Rep", "Rev", "St", "Mt", "Ft", "Jr", "Sr", "Hon",
    "Pres", "Supt", "Insp", "Const", "Lt.Gen", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "vs", "Vol", "Art", "Inc", "Corp", "Co",
    "Ltd", "Bros", "approx", "est", "Dept", "Govt", "govt", "Mohd", "Muhd", "Syed", "Sh", "Smt",
    "Shri", "Sri", "Messrs", "Fig", "ca", "cf", "Ave", "Rd", "Blvd", "Hwy", "Sq", "Nr", "Vs",
];

/// Words that usually start a sentence: after a dotted acronym ("U.S.") they
/// make the dot a sentence end.
const STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "A",
    "An",
    "But",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "On",
    "At",
    "After",
    "Before",
    "When",
    "While",
    "However",
    "Meanwhile",
    "Officials",
    "Police",
    "Some",
    "Many",
    "No",
    "If",
    "As",
];

fn is_bullet_start(line: &str) -> bool {
    let t = line.trim_start();
    let mut ch = t.chars();
    match ch.next() {
        Some('•' | '●' | '▪' | '‣' | '◦' | '·' | '-' | '*' | '–' | '—') => {
            matches!(ch.next(), Some(c) if c.is_whitespace())
        }
        _ => false,
    }
}

/// Length of a leading bullet marker plus the spaces after it, or 0.
fn bullet_len(s: &str) -> usize {
    if !is_bullet_start(s) {
        return 0;
    }
    let lead = s.len() - s.trim_start().len();
    let t = &s[lead..];
    let mut it = t.char_indices();
    let _ = it.next();
    let after = it.next().map(|(i, _)| i).unwrap_or(t.len());
    let rest = &t[after..];
    lead + after + (rest.len() - rest.trim_start().len())
}

/// Splits `text` into hard segments (paragraph-like), as spans.
fn segments(text: &str) -> Vec<Span> {
    let mut segs = Vec::new();
    let mut seg_start: Option<usize> = None;
    let mut prev_line: Option<(usize, usize)> = None; // trimmed extent of the previous non-blank line
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            if let (Some(s), Some((_, pe))) = (seg_start, prev_line) {
                segs.push(Span::new(s, pe));
            }
            seg_start = None;
            prev_line = None;
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        let ts = start + lead;
        let te = ts + trimmed.len();
        let mut brk = false;
        if let Some((ps, pe)) = prev_line {
            let prev = &text[ps..pe];
            brk = is_bullet_start(content)
                || lead >= 2
                || content.starts_with('\t')
                || prev.len() < 48
                || prev.ends_with(['.', '!', '?', ':', '"', '\u{201D}', '\'']) && prev.len() < 60;
            if brk {
                if let Some(s) = seg_start {
                    segs.push(Span::new(s, pe));
                }
            }
        }
        if seg_start.is_none() || brk {
            seg_start = Some(ts);
        }
        prev_line = Some((ts, te));
    }
    if let (Some(s), Some((_, pe))) = (seg_start, prev_line) {
        segs.push(Span::new(s, pe));
    }
    segs
}

/// The word (letters and internal dots) ending right before byte `dot`.
fn word_before(seg: &str, dot: usize) -> &str {
    let b = seg.as_bytes();
    let mut i = dot;
    while i > 0 && (b[i - 1].is_ascii_alphabetic() || b[i - 1] == b'.') {
        i -= 1;
    }
    &seg[i..dot]
}

fn next_word(rest: &str) -> &str {
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..end]
}

const LDQ: &[u8] = "\u{201C}".as_bytes();
const RDQ: &[u8] = "\u{201D}".as_bytes();
const RSQ: &[u8] = "\u{2019}".as_bytes();
const ELL: &[u8] = "\u{2026}".as_bytes();

/// Byte offsets (relative to `seg`) where a sentence ends (after closers).
fn sentence_ends(seg: &str) -> Vec<usize> {
    let b = seg.as_bytes();
    let mut ends = Vec::new();
    let mut in_quote = false;
    let mut quote_closes_later = false;
    let mut i = 0;
    // Only quotes, terminators and the lead byte of the curly quotes and the
    // ellipsis (U+201C, U+201D, U+2026 all start with 0xE2) matter: skip the rest.
    let special = |x: u8| matches!(x, b'"' | b'.' | b'!' | b'?' | 0xE2);
    // the next '!' or '?' at or after the skip's start (by `memchr`, found
    // again only once the skip has passed it: linear over the segment)
    let mut bang = memchr::memchr2(b'!', b'?', b);
    while i < b.len() {
        let c = b[i];
        if !special(c) {
            if bang.is_some_and(|p| p < i) {
                bang = memchr::memchr2(b'!', b'?', &b[i..]).map(|p| i + p);
            }
            let other = memchr::memchr3(b'"', b'.', 0xE2, &b[i..]).map(|p| i + p);
            i = match (other, bang) {
                (Some(a), Some(q)) => a.min(q),
                (Some(a), None) => a,
                (None, Some(q)) => q,
                (None, None) => b.len(),
            };
            continue;
        }
        // Track double quotes (straight and curly).
        if c == b'"' {
            let opening = i == 0 || matches!(b[i - 1], b' ' | b'\n' | b'(' | b'[' | b'\t');
            if opening && !in_quote {
                in_quote = true;
                quote_closes_later = closes_within(&seg[i + 1..]);
            } else {
                in_quote = false;
            }
            i += 1;
            continue;
        }
        if b[i..].starts_with(LDQ) {
            in_quote = true;
            quote_closes_later = closes_within(&seg[i + 3..]);
            i += 3;
            continue;
        }
        if b[i..].starts_with(RDQ) {
            in_quote = false;
            i += 3;
            continue;
        }
        let term_len = if matches!(c, b'.' | b'!' | b'?') {
            1
        } else if b[i..].starts_with(ELL) {
            3
        } else {
            0
        };
        if term_len == 0 {
            i += 1;
            continue;
        }
        let dot = i;
        let mut j = i + term_len;
        // Runs of terminators ("?!", "...").
        while j < b.len() && matches!(b[j], b'.' | b'!' | b'?') {
            j += 1;
        }
        // Closing quotes and brackets belong to the sentence.
        let mut closed_quote = false;
        loop {
            if j < b.len() && matches!(b[j], b'"' | b'\'' | b')' | b']') {
                if b[j] == b'"' {
                    closed_quote = true;
                }
                j += 1;
            } else if b[j..].starts_with(RDQ) || b[j..].starts_with(RSQ) {
                if b[j..].starts_with(RDQ) {
                    closed_quote = true;
                }
                j += 3;
            } else {
                break;
            }
        }
        if closed_quote {
            in_quote = false;
        }
        let ws_end = j + (seg[j..].len() - seg[j..].trim_start().len());
        if ws_end == j || ws_end >= b.len() {
            i = j.max(i + 1);
            continue;
        }
        let rest = &seg[ws_end..];
        let Some(nc) = rest.chars().next() else {
            break;
        };
        let starts_ok = nc.is_uppercase()
            || nc.is_ascii_digit()
            || matches!(
                nc,
                '"' | '\'' | '(' | '[' | '\u{201C}' | '\u{2018}' | '•' | '-' | '*'
            );
        let mut split = starts_ok;
        if split && in_quote && quote_closes_later {
            split = false;
        }
        if split && c == b'.' && j == dot + 1 {
            let w = word_before(seg, dot);
            if !w.is_empty() {
                let core = w.trim_start_matches('.');
                if ABBREVIATIONS.contains(&core) {
                    split = false;
                } else if core.len() == 1 && core.as_bytes()[0].is_ascii_uppercase() {
                    // An initial: "S. Rajaratnam", "Abdul S. Khan".
                    split = false;
                } else if core.contains('.') {
                    // Dotted acronym: U.S., U.N., a.m.
                    split = STARTERS.contains(&next_word(rest));
                }
            }
        }
        if split {
            ends.push(j);
        }
        i = j;
    }
    ends
}

/// Whether a quotation opened just before `rest` closes within the paragraph
/// (and not too far away).
fn closes_within(rest: &str) -> bool {
    let window = &rest[..floor_boundary(rest, 600)];
    let para_end = window.find("\n\n").unwrap_or(window.len());
    let w = &window[..para_end];
    w.contains('\u{201D}') || w.contains('"')
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Splits `text` into sentences; returns their byte spans, in order, trimmed,
/// without leading bullet markers. Never panics.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for seg in segments(text) {
        let s = &text[seg.start..seg.end];
        let bl = bullet_len(s);
        let base = seg.start + bl;
        let body = &s[bl..];
        let mut last = 0;
        for e in sentence_ends(body) {
            push_trimmed(&mut out, text, base + last, base + e);
            last = e;
        }
        push_trimmed(&mut out, text, base + last, base + body.len());
    }
    out
}

fn push_trimmed(out: &mut Vec<Span>, text: &str, s: usize, e: usize) {
    let piece = &text[s..e];
    let t = piece.trim_start();
    let s2 = s + (piece.len() - t.len());
    let t = t.trim_end();
    if !t.is_empty() {
        out.push(Span::new(s2, s2 + t.len()));
    }
}

/// The index of the sentence (in `spans`, as returned by [`split_sentences`])
/// that contains byte `offset`, if any.
pub fn sentence_index_at(spans: &[Span], offset: usize) -> Option<usize> {
    let i = spans.partition_point(|s| s.end <= offset);
    (i < spans.len() && spans[i].start <= offset).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        split_sentences(t)
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_dates_and_titles_do_not_split() {
        let t = "The two sides agreed to a ceasefire in Doha on Oct. 19, mediated by Qatar. Speaking to reporters, analyst Maj. Gen. (r) Inam-ul-Haq said talks would go on. Mr. Khan left.";
        assert_eq!(
            split(t),
            vec![
                "The two sides agreed to a ceasefire in Doha on Oct. 19, mediated by Qatar.",
                "Speaking to reporters, analyst Maj. Gen. (r) Inam-ul-Haq said talks would go on.",
                "Mr. Khan left."
            ]
        );
    }

    #[test]
    fn acronyms_and_initials() {
        let t = "The U.S. Treasury named the group. Abdul Basit at the S. Rajaratnam School spoke. Troops left the U.S. The base closed at 5 a.m. Sunday.";
        assert_eq!(
            split(t),
            vec![
                "The U.S. Treasury named the group.",
                "Abdul Basit at the S. Rajaratnam School spoke.",
                "Troops left the U.S.",
                "The base closed at 5 a.m. Sunday."
            ]
        );
    }

    #[test]
    fn quotes_spanning_sentences_stay_together() {
        let t = "\"Our blood is not that cheap. We will chase them,\" he said. Then he left.\n\n\u{201C}We will act.\u{201D} The minister spoke.";
        assert_eq!(
            split(t),
            vec![
                "\"Our blood is not that cheap. We will chase them,\" he said.",
                "Then he left.",
                "\u{201C}We will act.\u{201D}",
                "The minister spoke."
            ]
        );
    }

    #[test]
    fn bullets_headlines_and_wrapped_lines() {
        let t = "BROAD DAYLIGHT\n  \u{2022} Militants stormed banks\n  \u{2022} Troops combed the area\nPolice said the attackers came from the west and were\nkilled near the border by troops on Sunday.\n";
        assert_eq!(
            split(t),
            vec![
                "BROAD DAYLIGHT",
                "Militants stormed banks",
                "Troops combed the area",
                "Police said the attackers came from the west and were\nkilled near the border by troops on Sunday."
            ]
        );
    }

    #[test]
    fn question_inside_quote_then_lowercase() {
        assert_eq!(
            split("\"Why now?\" he asked. Nobody knew."),
            vec!["\"Why now?\" he asked.", "Nobody knew."]
        );
    }

    #[test]
    fn index_lookup() {
        let t = "One. Two. Three.";
        let sp = split_sentences(t);
        assert_eq!(sentence_index_at(&sp, 0), Some(0));
        assert_eq!(sentence_index_at(&sp, 6), Some(1));
        assert_eq!(sentence_index_at(&sp, 4), None);
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn spans_valid_ordered_and_on_boundaries(s in "\\PC{0,200}") {
                let sp = split_sentences(&s);
                let mut last = 0;
                for x in &sp {
                    prop_assert!(x.start < x.end && x.end <= s.len());
                    prop_assert!(x.start >= last);
                    prop_assert!(s.get(x.start..x.end).is_some());
                    last = x.end;
                }
            }

            #[test]
            fn news_like_text_keeps_all_words(s in "([A-Z][a-z]{0,6}\\.? ?|[0-9]{1,3} |\"|\u{201C}|\u{201D}|\\n|\\n\\n|\u{2022} |[.!?] ){0,60}") {
                let sp = split_sentences(&s);
                let covered: String = sp.iter().map(|x| &s[x.start..x.end]).collect::<Vec<_>>().join(" ");
                let words_in: Vec<&str> = s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
                let words_out: Vec<&str> = covered.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
                prop_assert_eq!(words_in, words_out);
            }
        }
    }
}
