//! Small text helpers: word boundaries, case, ASCII folding.

/// Whether the char counts as part of a word.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}
