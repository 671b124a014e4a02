//! Number phrases of news text: "five", "25", "1,600", "a dozen", "dozens",
//! "at least 31", "more than 190", "around 40", "nearly 50", "4-5", "tens",
//! "hundreds", "several", "a few" → a [`Quantity`] with low/best/high.
//!
//! Conventions (SPEC §3, ACLED/UCDP practice; documented here once):
//! - exact "31" → low = best = high = 31;
//! - "at least N" → low = best = N, high unknown;
//! - "more than N" / "over N" → low = best = N + 1, high unknown;
//! - "nearly N" / "almost N" / "up to N" → best = high = N, low unknown;
//! - "fewer than N" / "less than N" → best = high = N − 1;
//! - "around/about/some/approximately N" → best = N, bounds unknown;
//! - "N-M" / "N to M" → low = best = N, high = M;
//! - vague words: "tens" → 10, "dozens" → 12, "scores" → 20, "hundreds" → 100,
//!   "thousands" → 1000 (each: low = best = that figure);
//!   "several" → low 3, best 3, high 9; "a few" → low 2, best 3, high 5;
//!   "a dozen" → 12 (exact).
//!
//! Offsets are byte offsets into the string given, end exclusive.

use sitrep_model::Span;

/// A count stated in the text, with UCDP-style bounds and ACLED's conservative best.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity {
    /// Where the whole phrase (qualifier included) lies in the input.
    pub span: Span,
    /// Lower bound, when the phrase gives one.
    pub low: Option<u32>,
    /// The conservative figure.
    pub best: u32,
    /// Upper bound, when the phrase gives one.
    pub high: Option<u32>,
    /// True for vague words ("dozens", "several") rather than a figure.
    pub vague: bool,
}

fn unit_word(w: &str) -> Option<u32> {
    Some(match w {
        "zero" | "no" | "none" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens_word(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// The value of a number word from "one" to "ninety" (any letter case;
/// "zero"/"no"/"none" are not numbers here), e.g. for ages ("aged nine").
pub fn word_value(w: &str) -> Option<u32> {
    if w.len() > 9 || !w.bytes().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut buf = [0u8; 9];
    for (d, c) in buf.iter_mut().zip(w.bytes()) {
        *d = c.to_ascii_lowercase();
    }
    let lw = std::str::from_utf8(&buf[..w.len()]).ok()?;
    unit_word(lw).filter(|&v| v > 0).or_else(|| tens_word(lw))
}

/// A word token (ASCII lower case: [`tokens`] reads the text's lower-cased
/// copy, which splits alike and keeps every offset) with its byte range.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    s: &'a str,
    start: usize,
    end: usize,
}

fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            let s = i;
            while i < b.len()
                && (b[i].is_ascii_alphanumeric()
                    || ((b[i] == b',' || b[i] == b'.')
                        && i + 1 < b.len()
                        && b[i + 1].is_ascii_digit()
                        && b[s].is_ascii_digit()))
            {
                i += 1;
            }
            out.push(Tok {
                s: &text[s..i],
                start: s,
                end: i,
            });
        } else if c == b'-' {
            out.push(Tok {
                s: "-",
                start: i,
                end: i + 1,
            });
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

fn digits_value(w: &str) -> Option<u32> {
    if !w.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    // "1,600" and "1.600" grouping; a decimal like "2.5" is not a count.
    let mut v: u64 = 0;
    let parts: Vec<&str> = w.split([',']).collect();
    if parts.len() > 1 && parts[1..].iter().any(|p| p.len() != 3) {
        return None;
    }
    for ch in w.chars() {
        match ch {
            '0'..='9' => {
                v = v * 10 + u64::from(ch as u8 - b'0');
                if v > u64::from(u32::MAX) {
                    return None;
                }
            }
            ',' => {}
            _ => return None,
        }
    }
    u32::try_from(v).ok()
}

/// `(value, vague, low, high, tokens used)` of a bare number.
type Bare = (u32, bool, Option<u32>, Option<u32>, usize);

/// Parses a bare number (no qualifier) starting at token `i`; returns
/// `(value, vague, low, high, tokens used)`.
fn bare(toks: &[Tok<'_>], i: usize) -> Option<Bare> {
    let w0 = toks.get(i)?.s;
    let next = |k: usize| toks.get(i + k).map(|t| t.s);
    // digits, with optional range "4-5" or "4 to 5"
    if let Some(v) = digits_value(w0) {
        let adjacent_dash =
            next(1) == Some("-") && toks.get(i + 1).is_some_and(|t| t.start == toks[i].end);
        if adjacent_dash || next(1) == Some("to") {
            if let Some(hi) = next(2).and_then(digits_value) {
                if hi > v {
                    return Some((v, false, Some(v), Some(hi), 3));
                }
            }
        }
        // "2,600-km", "39-year-old": a hyphenated unit is not a count of people
        if next(1) == Some("-") && toks[i + 1].start == toks[i].end {
            return None;
        }
        // "2 dozen" = 24
        if next(1) == Some("dozen") {
            let d = v.saturating_mul(12);
            return Some((d, false, Some(d), Some(d), 2));
        }
        return Some((v, false, Some(v), Some(v), 1));
    }
    match w0 {
        "a" | "an" => {
            let w1 = next(1)?;
            return match w1 {
                "dozen" => Some((12, false, Some(12), Some(12), 2)),
                "few" => Some((3, true, Some(2), Some(5), 2)),
                "hundred" => Some((100, false, Some(100), Some(100), 2)),
                "thousand" => Some((1000, false, Some(1000), Some(1000), 2)),
                "couple" if next(2) == Some("of") => Some((2, false, Some(2), Some(2), 3)),
                _ => None,
            };
        }
        "dozen" => return Some((12, false, Some(12), Some(12), 1)),
        "dozens" => return Some((12, true, Some(12), None, 1)),
        "tens" => return Some((10, true, Some(10), None, 1)),
        "scores" => return Some((20, true, Some(20), None, 1)),
        "hundreds" => return Some((100, true, Some(100), None, 1)),
        "thousands" => return Some((1000, true, Some(1000), None, 1)),
        "several" => return Some((3, true, Some(3), Some(9), 1)),
        "few" => return None,
        _ => {}
    }
    // word numbers: "twenty-five", "two hundred", "one hundred and five"
    let mut val: u32;
    let mut used;
    if let Some(t) = tens_word(w0) {
        val = t;
        used = 1;
        if next(1) == Some("-") {
            if let Some(u) = next(2).and_then(unit_word) {
                if (1..10).contains(&u) {
                    val += u;
                    used = 3;
                }
            }
        } else if let Some(u) = next(1).and_then(unit_word) {
            if (1..10).contains(&u) {
                val += u;
                used = 2;
            }
        } else if let Some(d) = next(1)
            .filter(|w| w.len() == 1)
            .and_then(|w| w.parse::<u32>().ok())
        {
            // "Twenty 2 people": a copy that writes small numbers in digits
            if (1..10).contains(&d) {
                val += d;
                used = 2;
            }
        }
    } else if let Some(u) = unit_word(w0) {
        if w0 == "no" || w0 == "none" {
            return Some((0, false, Some(0), Some(0), 1));
        }
        val = u;
        used = 1;
    } else {
        return None;
    }
    loop {
        match next(used) {
            Some("hundred") => {
                val = val.saturating_mul(100);
                used += 1;
                // "hundred and five"
                let and = next(used) == Some("and");
                let k = if and { used + 1 } else { used };
                if let Some(w) = next(k) {
                    if let Some(t) = tens_word(w) {
                        val += t;
                        used = k + 1;
                    } else if let Some(u) = unit_word(w) {
                        if u > 0 && w != "no" {
                            val += u;
                            used = k + 1;
                        }
                    }
                }
            }
            Some("thousand") => {
                val = val.saturating_mul(1000);
                used += 1;
            }
            // "two dozen" = 24
            Some("dozen") => {
                val = val.saturating_mul(12);
                used += 1;
            }
            _ => break,
        }
    }
    // "four to five"
    if next(used) == Some("to") {
        if let Some(hi) = next(used + 1).and_then(|w| unit_word(w).or_else(|| tens_word(w))) {
            if hi > val {
                return Some((val, false, Some(val), Some(hi), used + 2));
            }
        }
    }
    Some((val, false, Some(val), Some(val), used))
}

/// Qualifier words before a number and what they do to the bounds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Qual {
    AtLeast,
    MoreThan,
    Nearly,
    FewerThan,
    About,
}

fn qualifier(toks: &[Tok<'_>], i: usize) -> Option<(Qual, usize)> {
    let w = |k: usize| toks.get(i + k).map(|t| t.s);
    let w0 = w(0)?;
    let w1 = w(1);
    Some(match (w0, w1) {
        ("at", Some("least")) => (Qual::AtLeast, 2),
        ("no", Some("fewer")) | ("no", Some("less")) if w(2) == Some("than") => (Qual::AtLeast, 3),
        ("more", Some("than")) => (Qual::MoreThan, 2),
        ("over", _) => (Qual::MoreThan, 1),
        ("upwards", Some("of")) => (Qual::MoreThan, 2),
        ("nearly", _) | ("almost", _) => (Qual::Nearly, 1),
        ("up", Some("to")) => (Qual::Nearly, 2),
        ("as", Some("many")) if w(2) == Some("as") => (Qual::Nearly, 3),
        ("fewer", Some("than")) | ("less", Some("than")) => (Qual::FewerThan, 2),
        ("around", _) | ("about", _) | ("some", _) | ("approximately", _) | ("roughly", _) => {
            (Qual::About, 1)
        }
        ("an", Some("estimated")) => (Qual::About, 2),
        _ => return None,
    })
}

/// Parses the number phrase that starts exactly at byte `at` of `text`
/// (qualifier included), if any.
pub fn quantity_at(text: &str, at: usize) -> Option<Quantity> {
    let low = text.to_ascii_lowercase();
    let toks = tokens(&low);
    let i = toks.iter().position(|t| t.start == at)?;
    quantity_tok(&toks, i).map(|(q, _)| q)
}

fn quantity_tok(toks: &[Tok<'_>], i: usize) -> Option<(Quantity, usize)> {
    let (qual, qn) = match qualifier(toks, i) {
        Some((q, n)) => (Some(q), n),
        None => (None, 0),
    };
    let (v, vague, lo, hi, n) = bare(toks, i + qn)?;
    let start = toks[i].start;
    let end = toks[i + qn + n - 1].end;
    let (low, best, high) = match qual {
        None => (lo, v, hi),
        Some(Qual::AtLeast) => (Some(v), v, None),
        Some(Qual::MoreThan) => {
            let b = v.saturating_add(1);
            (Some(b), b, None)
        }
        Some(Qual::Nearly) => (None, v, Some(v)),
        Some(Qual::FewerThan) => {
            let b = v.saturating_sub(1);
            (None, b, Some(b))
        }
        Some(Qual::About) => (None, v, None),
    };
    Some((
        Quantity {
            span: Span::new(start, end),
            low,
            best,
            high,
            vague,
        },
        qn + n,
    ))
}

/// Every number phrase in `text`, left to right, not overlapping.
///
/// Bare articles ("a", "an") are not counts here; the caller decides whether
/// "a policeman" means one person.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let low = text.to_ascii_lowercase();
    let toks = tokens(&low);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((q, n)) = quantity_tok(&toks, i) {
            // "no" alone is only a count before a noun; keep it, callers check.
            out.push(q);
            i += n.max(1);
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> (Option<u32>, u32, Option<u32>) {
        let v = find_quantities(s);
        let x = v.first().expect("a quantity");
        (x.low, x.best, x.high)
    }

    /// Tokens are read from the lower-cased copy: a text in any case gives
    /// the phrases (spans and values) its lower-case form gives.
    #[test]
    fn any_letter_case_reads_as_lower_case() {
        for t in [
            "AT LEAST 31 CIVILIANS, More Than 40 Militants and TWENTY-FIVE",
            "No Fewer Than Two Hundred And Five; As Many As 4-5; A Couple Of",
            "An Estimated Two Dozen, UP TO Four To Five, \u{c9}T\u{c9} 1,600",
        ] {
            let low = t.to_ascii_lowercase();
            let a: Vec<_> = find_quantities(t)
                .iter()
                .map(|q| (q.span, q.low, q.best, q.high, q.vague))
                .collect();
            let b: Vec<_> = find_quantities(&low)
                .iter()
                .map(|q| (q.span, q.low, q.best, q.high, q.vague))
                .collect();
            assert!(a.len() >= 3, "{t}: {a:?}");
            assert_eq!(a, b, "{t}");
        }
        assert_eq!(
            quantity_at("Killed AT LEAST 31", 7).map(|q| (q.low, q.best)),
            Some((Some(31), 31))
        );
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(q("25 militants"), (Some(25), 25, Some(25)));
        assert_eq!(q("five soldiers"), (Some(5), 5, Some(5)));
        assert_eq!(q("1,600 people"), (Some(1600), 1600, Some(1600)));
        assert_eq!(q("twenty-five people"), (Some(25), 25, Some(25)));
        assert_eq!(q("Twenty 2 people"), (Some(22), 22, Some(22)));
        assert_eq!(q("two hundred people"), (Some(200), 200, Some(200)));
        assert_eq!(q("one hundred and five"), (Some(105), 105, Some(105)));
    }

    #[test]
    fn qualifiers_follow_the_spec() {
        assert_eq!(q("at least 31 civilians"), (Some(31), 31, None));
        assert_eq!(q("more than 190 people"), (Some(191), 191, None));
        assert_eq!(q("more than 40 militants"), (Some(41), 41, None));
        assert_eq!(q("around 40"), (None, 40, None));
        assert_eq!(q("nearly 50"), (None, 50, Some(50)));
        assert_eq!(q("fewer than 10"), (None, 9, Some(9)));
    }

    #[test]
    fn vague_words() {
        assert_eq!(q("dozens dead"), (Some(12), 12, None));
        assert_eq!(q("a dozen sites"), (Some(12), 12, Some(12)));
        assert_eq!(q("two dozen people"), (Some(24), 24, Some(24)));
        assert_eq!(q("2 dozen people"), (Some(24), 24, Some(24)));
        assert_eq!(q("over 2 dozen civilians"), (Some(25), 25, None));
        assert_eq!(q("tens of people"), (Some(10), 10, None));
        assert_eq!(q("hundreds of people"), (Some(100), 100, None));
        assert_eq!(q("scores of people"), (Some(20), 20, None));
        assert_eq!(q("several wounded"), (Some(3), 3, Some(9)));
        assert_eq!(q("a few points"), (Some(2), 3, Some(5)));
        assert!(find_quantities("dozens").first().is_some_and(|x| x.vague));
    }

    #[test]
    fn ranges_and_non_counts() {
        assert_eq!(q("4-5 bombs"), (Some(4), 4, Some(5)));
        assert_eq!(q("four to five bombs"), (Some(4), 4, Some(5)));
        // "2,600-km" and "39-year-old" are not counts of anything
        assert!(find_quantities("the 2,600-km border").is_empty());
        assert!(find_quantities("a 39-year-old shopkeeper").is_empty());
        assert!(find_quantities("2.5 percent").is_empty());
    }

    #[test]
    fn spans_are_byte_offsets() {
        let s = "killing at least 31 civilians and 17 security personnel";
        let v = find_quantities(s);
        assert_eq!(v.len(), 2);
        assert_eq!(&s[v[0].span.start..v[0].span.end], "at least 31");
        assert_eq!(&s[v[1].span.start..v[1].span.end], "17");
        assert_eq!(quantity_at(s, 8).map(|x| x.best), Some(31));
    }
}
