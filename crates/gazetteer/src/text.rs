//! Small text helpers: neighbouring words (word characters: `phrase::is_word_char`).

/// The char just before byte `i` (which must be a char boundary).
pub(crate) fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// Up to `n` words just before byte `i`, nearest last, lower-cased, with the
/// punctuation between them dropped; stops at a sentence end (`.`, `!`,
/// `?`, `;`, a line break, a straight or curly double quote) or a
/// parenthesis.
pub(crate) fn words_before(text: &str, i: usize, n: usize) -> Vec<String> {
    let (_, window) = window_before(text, i);
    // (plain ASCII up to the n-th word back, nearly every window: one scan
    // back from the end, which meets the last stop before any earlier byte)
    let mut words: Vec<String> = Vec::with_capacity(n);
    if ascii_spans_before(window, n, |s, e| {
        words.push(window[s..e].to_ascii_lowercase());
    }) {
        words.reverse();
        return words;
    }
    // the end of the last stop or parenthesis, read byte by byte from the
    // end (a curly quote, E2 80 9C/9D, is found by its last byte)
    let wb = window.as_bytes();
    let cut = (0..wb.len())
        .rev()
        .find(|&p| match wb[p] {
            b'.' | b'!' | b'?' | b';' | b'\n' | b'"' | b'(' | b')' => true,
            0x9c | 0x9d => p >= 2 && wb[p - 2] == 0xe2 && wb[p - 1] == 0x80,
            _ => false,
        })
        .map_or(0, |p| p + 1);
    // the last `n` words, read from the end: only they are lower-cased
    let seg = &window[cut..];
    words.clear();
    if seg.is_ascii() {
        // (plain ASCII, nearly every window: bytes, no char decoding)
        let b = seg.as_bytes();
        let mut end = b.len();
        while words.len() < n {
            while end > 0 && ascii_sep(b[end - 1], false) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            let mut start = end - 1;
            while start > 0 && !ascii_sep(b[start - 1], false) {
                start -= 1;
            }
            words.push(seg[start..end].to_ascii_lowercase());
            end = start;
        }
    } else {
        words.extend(
            seg.rsplit(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .take(n)
                .map(str::to_lowercase),
        );
    }
    words.reverse();
    words
}

/// A stop for [`words_before`]: a sentence end or a parenthesis (ASCII).
#[inline]
fn stop_before(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b';' | b'\n' | b'"' | b'(' | b')')
}

/// A sentence stop for [`words_after`] (ASCII).
#[inline]
fn stop_after(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b';' | b'\n' | b'"')
}

/// The window [`words_before`] reads before byte `i`: its byte offset in
/// `text` and the text of the (up to) 80 bytes before `i`.
pub(crate) fn window_before(text: &str, i: usize) -> (usize, &str) {
    let head = text.get(..i).unwrap_or("");
    let mut s = head.len().saturating_sub(80);
    while !head.is_char_boundary(s) {
        s += 1;
    }
    (s, &head[s..])
}

/// The window [`words_after`] reads after byte `i`: its byte offset in
/// `text` and the text of the (up to) 80 bytes after `i`.
pub(crate) fn window_after(text: &str, i: usize) -> (usize, &str) {
    let Some(tail) = text.get(i..) else {
        return (text.len(), "");
    };
    let mut e = tail.len().min(80);
    while !tail.is_char_boundary(e) {
        e -= 1;
    }
    (i, &tail[..e])
}

/// [`words_before`]'s last `n` words of the window, nearest first, read
/// back from its end until the n-th word or the last stop, when every byte
/// read is ASCII: `word(start, end)` gets each word's span in the window
/// (its text is ASCII, to be lower-cased); `false` (read it as a whole,
/// forgetting the words given) at the first other byte. The words are those
/// the whole-window reader gives: the stop nearest the end is the one it
/// cuts at, and the words are split and lower-cased alike.
pub(crate) fn ascii_spans_before(
    window: &str,
    n: usize,
    mut word: impl FnMut(usize, usize),
) -> bool {
    let wb = window.as_bytes();
    let mut found = 0;
    let mut end = wb.len();
    while found < n {
        loop {
            if end == 0 {
                return true;
            }
            let c = wb[end - 1];
            if !c.is_ascii() {
                return false;
            }
            if stop_before(c) {
                return true;
            }
            if !ascii_sep(c, false) {
                break;
            }
            end -= 1;
        }
        let mut start = end - 1;
        while start > 0 {
            let c = wb[start - 1];
            if !c.is_ascii() {
                return false;
            }
            if stop_before(c) || ascii_sep(c, false) {
                break;
            }
            start -= 1;
        }
        word(start, end);
        found += 1;
        end = start;
    }
    true
}

/// [`words_after`]'s first `n` words of the window, read from its start
/// until the n-th word or the first stop, when every byte read is ASCII:
/// `word(start, end)` gets each word's span in the window, in text order;
/// `false` (read it as a whole, forgetting the words given) at the first
/// other byte.
pub(crate) fn ascii_spans_after(
    window: &str,
    n: usize,
    mut word: impl FnMut(usize, usize),
) -> bool {
    let wb = window.as_bytes();
    let mut found = 0;
    let mut start = 0;
    while found < n {
        loop {
            let Some(&c) = wb.get(start) else {
                return true;
            };
            if !c.is_ascii() {
                return false;
            }
            if stop_after(c) {
                return true;
            }
            if !ascii_sep(c, true) {
                break;
            }
            start += 1;
        }
        let mut end = start + 1;
        while let Some(&c) = wb.get(end) {
            if !c.is_ascii() {
                return false;
            }
            if stop_after(c) || ascii_sep(c, true) {
                break;
            }
            end += 1;
        }
        word(start, end);
        found += 1;
        start = end;
    }
    true
}

/// Whether an ASCII byte separates words for [`words_before`] (white space
/// as `char::is_whitespace` has it, or a comma) or, with `parens`, for
/// [`words_after`] (also a parenthesis).
#[inline]
fn ascii_sep(b: u8, parens: bool) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r' | b',') || (parens && matches!(b, b'(' | b')'))
}

/// Up to `n` words just after byte `i`, lower-cased; stops at a sentence end.
pub(crate) fn words_after(text: &str, i: usize, n: usize) -> Vec<String> {
    let (_, window) = window_after(text, i);
    let mut words: Vec<String> = Vec::with_capacity(n);
    if ascii_spans_after(window, n, |s, e| {
        words.push(window[s..e].to_ascii_lowercase());
    }) {
        return words;
    }
    // the first sentence stop, byte by byte (a curly quote: E2 80 9C/9D)
    let wb = window.as_bytes();
    let cut = (0..wb.len())
        .find(|&q| match wb[q] {
            b'.' | b'!' | b'?' | b';' | b'\n' | b'"' => true,
            0xe2 => wb.get(q + 1) == Some(&0x80) && matches!(wb.get(q + 2), Some(0x9c | 0x9d)),
            _ => false,
        })
        .unwrap_or(window.len());
    let seg = &window[..cut];
    if !seg.is_ascii() {
        return seg
            .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
            .filter(|w| !w.is_empty())
            .take(n)
            .map(str::to_lowercase)
            .collect();
    }
    // (plain ASCII, nearly every window: bytes, no char decoding)
    let b = seg.as_bytes();
    words.clear();
    let mut start = 0;
    while words.len() < n {
        while start < b.len() && ascii_sep(b[start], true) {
            start += 1;
        }
        if start == b.len() {
            break;
        }
        let mut end = start + 1;
        while end < b.len() && !ascii_sep(b[end], true) {
            end += 1;
        }
        words.push(seg[start..end].to_ascii_lowercase());
        start = end;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    const STOPS: &[char] = &['.', '!', '?', ';', '\n', '"', '\u{201c}', '\u{201d}'];

    /// The char-by-char readers the byte scans replaced.
    fn before_by_chars(text: &str, i: usize, n: usize) -> Vec<String> {
        let head = text.get(..i).unwrap_or("");
        let mut s = head.len().saturating_sub(80);
        while !head.is_char_boundary(s) {
            s += 1;
        }
        let window = &head[s..];
        let cut = window
            .char_indices()
            .rev()
            .find(|(_, c)| STOPS.contains(c) || matches!(c, '(' | ')'))
            .map(|(p, c)| p + c.len_utf8())
            .unwrap_or(0);
        let mut words: Vec<String> = window[cut..]
            .rsplit(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .take(n)
            .map(|w| w.to_lowercase())
            .collect();
        words.reverse();
        words
    }

    fn after_by_chars(text: &str, i: usize, n: usize) -> Vec<String> {
        let tail = text.get(i..).unwrap_or("");
        let mut e = tail.len().min(80);
        while !tail.is_char_boundary(e) {
            e -= 1;
        }
        let window = &tail[..e];
        let cut = window.find(STOPS).unwrap_or(window.len());
        window[..cut]
            .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
            .filter(|w| !w.is_empty())
            .take(n)
            .map(|w| w.to_lowercase())
            .collect()
    }

    /// At every char boundary of texts with curly quotes, other three-byte
    /// chars (E2 80 xx: dashes, ellipses), non-breaking spaces, parentheses
    /// and stops near the 80-byte window's edges, the byte scans read the
    /// same words as the char-by-char readers.
    #[test]
    fn byte_scans_read_the_same_words() {
        let texts = [
            "Police said \u{201c}the attack in Quetta\u{201d} killed (at least) five people; \
             others fled toward Chaman. Nothing else!",
            "a\u{2014}b \u{2026} \u{201c}X\u{201d} \u{2019}s near\u{a0}Lahore? yes \u{201d}\u{201c}",
            "\u{201c}\u{201d}\u{201c}",
            "In Peshawar, near the Khyber Pass \u{2013} \u{00e9}t\u{00e9} \u{4e2d}\u{6587} \
             words words words words words words words words words words words words, end",
            "",
            "tab\there,comma(paren)x\u{b}vt\u{c}ff\r\ncr  two,,commas ( ) end",
            "  , leading and trailing separators ,  ",
            // plain ASCII longer than the 80-byte window: a word cut by it
            "Guerrillas attacked the outpost near San Miguel department yesterday morning, \
             army spokesmen said (citing patrols); later.\nMore words here, and (there)",
            "x y z Antiterroristsquadronsandpatrolsandmorelettersthanthewindowholdsforsure end",
        ];
        for t in texts {
            for i in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                for n in [1, 2, 3, 5] {
                    assert_eq!(
                        words_before(t, i, n),
                        before_by_chars(t, i, n),
                        "{t:?} {i} {n}"
                    );
                    assert_eq!(
                        words_after(t, i, n),
                        after_by_chars(t, i, n),
                        "{t:?} {i} {n}"
                    );
                }
            }
        }
    }
}
