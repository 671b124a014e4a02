//! HTML/XML character references, decoded once for every reader: page text
//! and attributes ([`crate::html`]), feed fields and fragments ([`crate::feed`],
//! [`crate::htmltext`]).
//!
//! Numeric references (decimal and hex, up to 8 digits; `&#0;` and invalid
//! code points become U+FFFD; 0x80–0x9F are read as windows-1252, as browsers
//! do) and about 120 named ones news pages use. As in HTML, the closing `;` may
//! be missing. Unknown names are kept as written.

/// Decodes the character references in `s`.
pub fn decode_entities(s: &str) -> String {
    let Some(first) = memchr::memchr(b'&', s.as_bytes()) else {
        return s.to_owned();
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut rest = &s[first..];
    loop {
        // `rest` starts with '&'.
        match decode_one(rest, &mut out) {
            Some(used) => rest = &rest[used..],
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
        match memchr::memchr(b'&', rest.as_bytes()) {
            Some(amp) => {
                out.push_str(&rest[..amp]);
                rest = &rest[amp..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// Decodes the reference at the start of `s` (which starts with `&`) into
/// `out`; returns the bytes it took, or `None` (nothing written) when `s`
/// does not start with a known reference.
fn decode_one(s: &str, out: &mut String) -> Option<usize> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (radix, start) = if matches!(b.get(2), Some(b'x' | b'X')) {
            (16, 3)
        } else {
            (10, 2)
        };
        let mut end = start;
        while end < b.len() && end - start < 8 && (b[end] as char).is_digit(radix) {
            end += 1;
        }
        if end == start {
            return None;
        }
        let n = u32::from_str_radix(&s[start..end], radix).ok()?;
        let c = match n {
            0 => '\u{FFFD}',
            0x80..=0x9f => cp1252(n),
            _ => char::from_u32(n).unwrap_or('\u{FFFD}'),
        };
        out.push(c);
        return Some(if b.get(end) == Some(&b';') {
            end + 1
        } else {
            end
        });
    }
    let mut end = 1;
    while end < b.len() && end < 12 && b[end].is_ascii_alphanumeric() {
        end += 1;
    }
    let c = named(&s[1..end])?;
    out.push_str(c);
    Some(if b.get(end) == Some(&b';') {
        end + 1
    } else {
        end
    })
}

fn cp1252(n: u32) -> char {
    const T: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    T.get((n - 0x80) as usize).copied().unwrap_or('\u{FFFD}')
}

fn named(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "zwj" => "\u{200d}",
        "zwnj" => "\u{200c}",
        "shy" => "\u{ad}",
        "ndash" => "–",
        "mdash" => "—",
        "minus" => "−",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" => "”",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "hellip" => "…",
        "bull" => "•",
        "middot" => "·",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "deg" => "°",
        "plusmn" => "±",
        "times" => "×",
        "divide" => "÷",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "sup2" => "²",
        "sup3" => "³",
        "euro" => "€",
        "pound" => "£",
        "yen" => "¥",
        "cent" => "¢",
        "sect" => "§",
        "para" => "¶",
        "dagger" => "†",
        "iexcl" => "¡",
        "iquest" => "¿",
        "prime" => "′",
        "Prime" => "″",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "agrave" => "à",
        "aacute" => "á",
        "acirc" => "â",
        "atilde" => "ã",
        "auml" => "ä",
        "aring" => "å",
        "aelig" => "æ",
        "ccedil" => "ç",
        "egrave" => "è",
        "eacute" => "é",
        "ecirc" => "ê",
        "euml" => "ë",
        "igrave" => "ì",
        "iacute" => "í",
        "icirc" => "î",
        "iuml" => "ï",
        "ntilde" => "ñ",
        "ograve" => "ò",
        "oacute" => "ó",
        "ocirc" => "ô",
        "otilde" => "õ",
        "ouml" => "ö",
        "oslash" => "ø",
        "ugrave" => "ù",
        "uacute" => "ú",
        "ucirc" => "û",
        "uuml" => "ü",
        "yacute" => "ý",
        "yuml" => "ÿ",
        "szlig" => "ß",
        "Agrave" => "À",
        "Aacute" => "Á",
        "Acirc" => "Â",
        "Atilde" => "Ã",
        "Auml" => "Ä",
        "Aring" => "Å",
        "AElig" => "Æ",
        "Ccedil" => "Ç",
        "Egrave" => "È",
        "Eacute" => "É",
        "Ecirc" => "Ê",
        "Euml" => "Ë",
        "Igrave" => "Ì",
        "Iacute" => "Í",
        "Icirc" => "Î",
        "Iuml" => "Ï",
        "Ntilde" => "Ñ",
        "Ograve" => "Ò",
        "Oacute" => "Ó",
        "Ocirc" => "Ô",
        "Otilde" => "Õ",
        "Ouml" => "Ö",
        "Oslash" => "Ø",
        "Ugrave" => "Ù",
        "Uacute" => "Ú",
        "Ucirc" => "Û",
        "Uuml" => "Ü",
        "Yacute" => "Ý",
        "oelig" => "œ",
        "OElig" => "Œ",
        "scaron" => "š",
        "Scaron" => "Š",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_decode() {
        assert_eq!(
            decode_entities("a &amp; b &#8217;&#x2014;&nbsp;&rsquo;&bogus; &"),
            "a & b \u{2019}\u{2014}\u{a0}\u{2019}&bogus; &"
        );
        assert_eq!(
            decode_entities("&#8220;hi&#8221; &bogus; &#146;"),
            "\u{201C}hi\u{201D} &bogus; \u{2019}"
        );
        // No ';' (as HTML allows), &#0;, out-of-range and over-long numbers.
        assert_eq!(decode_entities("AT&amp T &lt 3 &lt3"), "AT& T < 3 &lt3");
        assert_eq!(decode_entities("&#0;&#x110000;"), "\u{FFFD}\u{FFFD}");
        assert_eq!(decode_entities("&#123456789;"), "\u{FFFD}9;");
        assert_eq!(decode_entities("R&D &#; &#x; &"), "R&D &#; &#x; &");
        assert_eq!(decode_entities("no refs"), "no refs");
        assert_eq!(decode_entities("caf&eacute;&Eacute;"), "caf\u{e9}\u{c9}");
    }
}
