//! Small text helpers: neighbouring words (word characters: `phrase::is_word_char`).

/// The char just before byte `i` (which must be a char boundary).
pub(crate) fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

const SENTENCE_STOPS: &[char] = &['.', '!', '?', ';', '\n', '"', '\u{201c}', '\u{201d}'];

/// Up to `n` words just before byte `i`, nearest last, lower-cased, with the
/// punctuation between them dropped; stops at a sentence end.
pub(crate) fn words_before(text: &str, i: usize, n: usize) -> Vec<String> {
    let head = text.get(..i).unwrap_or("");
    let start = head.len().saturating_sub(80);
    let mut s = start;
    while !head.is_char_boundary(s) {
        s += 1;
    }
    let window = &head[s..];
    let cut = window
        .char_indices()
        .rev()
        .find(|(_, c)| SENTENCE_STOPS.contains(c) || matches!(c, '(' | ')'))
        .map(|(p, c)| p + c.len_utf8())
        .unwrap_or(0);
    // the last `n` words, read from the end: only they are lower-cased
    let mut words: Vec<String> = window[cut..]
        .rsplit(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(n)
        .map(|w| w.to_lowercase())
        .collect();
    words.reverse();
    words
}

/// Up to `n` words just after byte `i`, lower-cased; stops at a sentence end.
pub(crate) fn words_after(text: &str, i: usize, n: usize) -> Vec<String> {
    let tail = text.get(i..).unwrap_or("");
    let mut e = tail.len().min(80);
    while !tail.is_char_boundary(e) {
        e -= 1;
    }
    let window = &tail[..e];
    let cut = window
        .find(['.', '!', '?', ';', '\n', '"', '\u{201c}', '\u{201d}'])
        .unwrap_or(window.len());
    window[..cut]
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .take(n)
        .map(|w| w.to_lowercase())
        .collect()
}
