//! Text normalisation for matching, with a map back to the original bytes.
//!
//! `Article.text` is never changed: evidence offsets point into it. Matchers
//! (gazetteer, triggers) work on a normalised *view* and map every hit back
//! with [`Normalized::to_original`]:
//!
//! ```
//! use sitrep_text::normalize::{normalize, NormalizeOptions};
//! let raw = "talks in T\u{00fc}rkiye \u{201c}failed\u{201d}";
//! let n = normalize(raw, NormalizeOptions::matching());
//! assert_eq!(n.text(), "talks in turkiye \"failed\"");
//! let hit = n.text().find("turkiye").unwrap();
//! let span = n.to_original(sitrep_model::Span::new(hit, hit + 7));
//! assert_eq!(&raw[span.start..span.end], "T\u{00fc}rkiye");
//! ```
//!
//! What it does (each step optional, see [`NormalizeOptions`]): Unicode NFC;
//! curly quotes and primes to ASCII `'` and `"`; dashes and minus signs to `-`;
//! non-breaking and other Unicode spaces to a plain space; soft hyphens,
//! zero-width characters and BOMs removed; `…` to `...`; lower-casing;
//! stripping diacritics (`Türkiye` → `Turkiye`). Pure ASCII input takes a fast
//! path with no map at all.

use sitrep_model::Span;
use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
use unicode_normalization::UnicodeNormalization;

/// Which normalisations to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NormalizeOptions {
    /// Map curly quotes, dashes, Unicode spaces, ellipsis; drop zero-width characters.
    pub punctuation: bool,
    /// Lower-case every character.
    pub lowercase: bool,
    /// Remove diacritics (`ü` → `u`, `é` → `e`).
    pub strip_diacritics: bool,
}

impl NormalizeOptions {
    /// NFC plus punctuation and space folding; case and accents kept.
    pub fn display() -> Self {
        NormalizeOptions {
            punctuation: true,
            lowercase: false,
            strip_diacritics: false,
        }
    }

    /// Everything: for dictionary matching (`Türkiye` and `TURKIYE` both read `turkiye`).
    pub fn matching() -> Self {
        NormalizeOptions {
            punctuation: true,
            lowercase: true,
            strip_diacritics: true,
        }
    }
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        Self::display()
    }
}

/// A normalised view of a text, with the way back to the original offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    /// For each byte of `text`: the original range of the source unit it came
    /// from. `None` when the view is byte-for-byte aligned with the original.
    map: Option<Vec<(u32, u32)>>,
    orig_len: usize,
}

impl Normalized {
    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether offsets in the view equal offsets in the original.
    pub fn is_aligned(&self) -> bool {
        self.map.is_none()
    }

    /// Maps a span of the normalised text back to the smallest original span
    /// covering the same characters. Always on original char boundaries.
    /// Out-of-range input is clamped.
    pub fn to_original(&self, span: Span) -> Span {
        let (s, e) = (
            span.start.min(self.text.len()),
            span.end.min(self.text.len()),
        );
        let e = e.max(s);
        match &self.map {
            None => Span::new(s, e),
            Some(map) => {
                if map.is_empty() {
                    return Span::new(0, 0);
                }
                if s == e {
                    let p = if s < map.len() {
                        map[s].0
                    } else {
                        self.orig_len as u32
                    };
                    return Span::new(p as usize, p as usize);
                }
                let start = map[s].0 as usize;
                let end = map[e - 1].1 as usize;
                Span::new(start, end.max(start))
            }
        }
    }

    /// Maps one normalised offset to the original offset of the same character start.
    pub fn offset_to_original(&self, pos: usize) -> usize {
        self.to_original(Span::new(pos, pos)).start
    }
}

/// Characters that are changed by punctuation folding: returns the replacement
/// (possibly empty), or `None` when the character is kept.
fn fold_punct(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
        | '\u{FF07}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' | '\u{FF02}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => "-",
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => " ",
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => "",
        '\u{2026}' => "...",
        '\u{2022}' | '\u{25CF}' | '\u{25AA}' | '\u{2023}' | '\u{25E6}' | '\u{2043}' => "*",
        _ => return None,
    })
}

/// Normalises `text` as `opts` says and keeps the offset map back to it.
///
/// Runs at several hundred MB/s on mostly-ASCII news text: ASCII input is only
/// copied (and lower-cased when asked), with no map.
pub fn normalize(text: &str, opts: NormalizeOptions) -> Normalized {
    if text.is_ascii() {
        let t = if opts.lowercase {
            text.to_ascii_lowercase()
        } else {
            text.to_owned()
        };
        return Normalized {
            text: t,
            map: None,
            orig_len: text.len(),
        };
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut map: Vec<(u32, u32)> = Vec::with_capacity(text.len() + 16);
    let mut unit = String::new();
    let mut scratch = String::new();
    // Walk "units": a starter char and the combining marks after it.
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        // Fast path: a run of ASCII whose last char is not followed by a
        // combining mark is copied as is (lower-cased when asked).
        if c.is_ascii() {
            let mut j = start + 1;
            while j < bytes.len() && bytes[j].is_ascii() {
                j += 1;
            }
            // Leave the run's last char to the unit path when a non-ASCII char follows.
            let stop = if j < bytes.len() { j - 1 } else { j };
            if stop > start {
                let run = &text[start..stop];
                if opts.lowercase {
                    out.extend(run.bytes().map(|b| b.to_ascii_lowercase() as char));
                } else {
                    out.push_str(run);
                }
                map.extend((start..stop).map(|p| (p as u32, p as u32 + 1)));
                // Skip the copied chars (all ASCII: one byte each).
                while iter.peek().is_some_and(|&(i, _)| i < stop) {
                    iter.next();
                }
                continue;
            }
        }
        let mut end = start + c.len_utf8();
        unit.clear();
        unit.push(c);
        while let Some(&(i, nc)) = iter.peek() {
            if canonical_combining_class(nc) != 0 {
                unit.push(nc);
                end = i + nc.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        scratch.clear();
        if unit.is_ascii() {
            scratch.push_str(&unit);
        } else {
            for ch in unit.nfc() {
                if opts.punctuation {
                    if let Some(rep) = fold_punct(ch) {
                        scratch.push_str(rep);
                        continue;
                    }
                }
                if opts.strip_diacritics && !ch.is_ascii() {
                    let mut any = false;
                    decompose_canonical(ch, |d| {
                        if canonical_combining_class(d) == 0 {
                            scratch.push(d);
                            any = true;
                        }
                    });
                    if !any {
                        scratch.push(ch);
                    }
                    continue;
                }
                scratch.push(ch);
            }
            if opts.strip_diacritics {
                // Letters with no canonical decomposition that readers still fold.
                if scratch.contains(['ı', 'ø', 'Ø', 'ł', 'Ł', 'đ', 'Đ', 'ß', 'æ', 'Æ']) {
                    let mut folded = String::with_capacity(scratch.len() + 2);
                    for ch in scratch.chars() {
                        match ch {
                            'ı' => folded.push('i'),
                            'ø' => folded.push('o'),
                            'Ø' => folded.push('O'),
                            'ł' => folded.push('l'),
                            'Ł' => folded.push('L'),
                            'đ' => folded.push('d'),
                            'Đ' => folded.push('D'),
                            'ß' => folded.push_str("ss"),
                            'æ' => folded.push_str("ae"),
                            'Æ' => folded.push_str("AE"),
                            _ => folded.push(ch),
                        }
                    }
                    scratch = folded;
                }
            }
        }
        if opts.lowercase {
            if scratch.is_ascii() {
                scratch.make_ascii_lowercase();
            } else {
                scratch = scratch.to_lowercase();
            }
        }
        out.push_str(&scratch);
        for _ in 0..scratch.len() {
            map.push((start as u32, end as u32));
        }
    }
    Normalized {
        text: out,
        map: Some(map),
        orig_len: text.len(),
    }
}

/// Normalises only for display and comparison, without a map: NFC, quotes,
/// dashes and spaces folded, runs of whitespace collapsed, trimmed.
pub fn clean_line(s: &str) -> String {
    let n = normalize(s, NormalizeOptions::display());
    let mut out = String::with_capacity(n.text().len());
    for w in n.text().split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_aligned() {
        let n = normalize("Quetta attack", NormalizeOptions::matching());
        assert_eq!(n.text(), "quetta attack");
        assert!(n.is_aligned());
        assert_eq!(n.to_original(Span::new(0, 6)), Span::new(0, 6));
    }

    #[test]
    fn quotes_dashes_spaces_fold_and_map_back() {
        let raw = "bid \u{2018}last-ditch\u{2019} \u{2014} official\u{00A0}said\u{2026}";
        let n = normalize(raw, NormalizeOptions::display());
        assert_eq!(n.text(), "bid 'last-ditch' - official said...");
        let i = n.text().find("'last").unwrap();
        let sp = n.to_original(Span::new(i, i + 12));
        assert_eq!(&raw[sp.start..sp.end], "\u{2018}last-ditch\u{2019}");
        let j = n.text().find("said...").unwrap();
        let sp = n.to_original(Span::new(j, j + 7));
        assert_eq!(&raw[sp.start..sp.end], "said\u{2026}");
    }

    #[test]
    fn nfc_and_diacritics() {
        // "Türkiye" written with a combining diaeresis.
        let raw = "in Tu\u{0308}rkiye and T\u{00FC}rkiye";
        let n = normalize(raw, NormalizeOptions::display());
        assert_eq!(n.text(), "in T\u{00FC}rkiye and T\u{00FC}rkiye");
        let m = normalize(raw, NormalizeOptions::matching());
        assert_eq!(m.text(), "in turkiye and turkiye");
        let i = m.text().find("turkiye").unwrap();
        let sp = m.to_original(Span::new(i, i + 7));
        assert_eq!(&raw[sp.start..sp.end], "Tu\u{0308}rkiye");
    }

    #[test]
    fn zero_width_removed_and_empty_ok() {
        let n = normalize("a\u{200B}b\u{00AD}c", NormalizeOptions::display());
        assert_eq!(n.text(), "abc");
        assert_eq!(n.to_original(Span::new(1, 2)), Span::new(4, 5));
        let e = normalize("", NormalizeOptions::matching());
        assert_eq!(e.text(), "");
        assert_eq!(e.to_original(Span::new(0, 5)), Span::new(0, 0));
    }

    #[test]
    fn clean_line_collapses() {
        assert_eq!(
            clean_line("  Pakistan\u{00A0}\u{00A0}makes \u{2018}bid\u{2019} "),
            "Pakistan makes 'bid'"
        );
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn maps_land_on_char_boundaries(s in "\\PC{0,60}", a in 0usize..200, b in 0usize..200) {
                for opts in [NormalizeOptions::display(), NormalizeOptions::matching()] {
                    let n = normalize(&s, opts);
                    let (x, y) = (a.min(b), a.max(b));
                    let sp = n.to_original(Span::new(x, y));
                    prop_assert!(sp.start <= sp.end && sp.end <= s.len());
                    prop_assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
                }
            }

            #[test]
            fn every_char_of_view_maps_into_original(s in "[a-zA-Z \u{00e9}\u{00fc}\u{2019}\u{201c}\u{2014}\u{00a0}\u{0308}]{0,40}") {
                let n = normalize(&s, NormalizeOptions::matching());
                for (i, c) in n.text().char_indices() {
                    let sp = n.to_original(Span::new(i, i + c.len_utf8()));
                    prop_assert!(!sp.is_empty());
                    prop_assert!(s.get(sp.start..sp.end).is_some());
                }
            }
        }
    }
}
