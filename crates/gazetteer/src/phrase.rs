//! How the matcher keys a dictionary phrase, and the layout of the compiled
//! place table. Shared by the library and `build.rs`, which pre-builds the
//! place phrases of `data/places.tsv.gz` at compile time (so start-up does
//! not hash ~300k phrases): both sides must agree byte for byte.

/// Magic bytes at the start of the compiled place table.
pub(crate) const MAGIC: &[u8; 8] = b"SITRPG07";

/// Bytes per entry record.
pub(crate) const ENTRY_BYTES: usize = 40;
/// Bytes per country record.
pub(crate) const COUNTRY_BYTES: usize = 36;
/// Bytes per phrase record (key offset, key length, start of its entry ids).
pub(crate) const REC_BYTES: usize = 12;
/// "No value" for optional u32 fields and empty hash slots.
pub(crate) const NONE_U32: u32 = u32::MAX;
/// "No coordinate".
pub(crate) const NONE_I32: i32 = i32::MIN;

/// Bits of the first-word filter.
pub(crate) const FILTER_BITS: usize = 1 << 19;

/// Bits of the two-word filter (the first two words of every phrase of two
/// words or more; the matcher looks longer phrases up only where it passes).
pub(crate) const PAIR_BITS: usize = 1 << 21;

/// Filter index of a two-word beginning ("San Salvador" of "San Salvador
/// Department"): its fixed hash.
#[inline]
pub(crate) fn pair_key(pair: &str) -> usize {
    (hash(pair.as_bytes()) as usize) & (PAIR_BITS - 1)
}

/// The byte end of the second word of a phrase key (words: runs of word
/// characters, as the matcher splits text); `None` for a one-word key.
pub(crate) fn pair_end(key: &str) -> Option<usize> {
    // (an ASCII key, nearly every one, is read byte by byte: an ASCII
    // char is a word char exactly when it is ASCII alphanumeric)
    if key.is_ascii() {
        let flags = key
            .bytes()
            .enumerate()
            .map(|(i, b)| (i, b.is_ascii_alphanumeric()));
        return pair_end_of(flags, key.len());
    }
    pair_end_of(
        key.char_indices().map(|(i, c)| (i, is_word_char(c))),
        key.len(),
    )
}

/// [`pair_end`] over (byte offset, is a word char) of each char of a key of
/// `len` bytes.
#[inline]
fn pair_end_of(chars: impl Iterator<Item = (usize, bool)>, len: usize) -> Option<usize> {
    let mut words = 0;
    let mut in_word = false;
    for (i, w) in chars {
        if w && !in_word {
            words += 1;
        }
        if !w && in_word && words == 2 {
            return Some(i);
        }
        in_word = w;
    }
    (words == 2 && in_word).then_some(len)
}

/// Filter index of a word: its first two bytes and its length.
#[inline]
pub(crate) fn filter_key(w: &[u8]) -> usize {
    let b0 = w.first().copied().unwrap_or(0) as usize;
    let b1 = w.get(1).copied().unwrap_or(0) as usize;
    let len = w.len().min(7);
    ((b0 << 11) | (b1 << 3) | len) & (FILTER_BITS - 1)
}

/// A fixed 64-bit hash (8 bytes per step, murmur3 finaliser), so that the
/// table built at compile time is read with the same function.
#[inline]
pub(crate) fn hash(b: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h: u64 = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// One-byte tag of a hash in a table slot (1..=128; 0 marks an empty slot):
/// the tags of a table are small enough to stay in cache, so most failed
/// look-ups never touch the keys.
#[inline]
pub(crate) fn tag(h: u64) -> u8 {
    (h >> 57) as u8 + 1
}

#[allow(dead_code)] // used by build.rs
/// Slots of a hash table of `n` keys (a power of two, load ≤ 0.8).
pub(crate) fn table_slots(n: usize) -> usize {
    (n + n / 4 + 1).next_power_of_two().max(16)
}

/// Whether the char counts as part of a word.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The keys a dictionary phrase is matched by: the phrase trimmed, without a
/// trailing dot, and (when it has an ASCII apostrophe) its typographic-quote
/// spelling. Empty for phrases shorter than two bytes.
pub(crate) fn phrase_keys(p: &str) -> Vec<std::borrow::Cow<'_, str>> {
    let key = p.trim().trim_end_matches('.');
    if key.len() < 2 {
        return Vec::new();
    }
    let mut out = vec![std::borrow::Cow::Borrowed(key)];
    if key.contains('\'') {
        out.push(std::borrow::Cow::Owned(key.replace('\'', "\u{2019}")));
    }
    out
}

/// A usable key: starts and ends with a word character and has 1..=255
/// words. Returns (byte length of its first word, number of words).
pub(crate) fn key_shape(key: &str) -> Option<(usize, u8)> {
    // (an ASCII key, nearly every one, byte by byte, as in `pair_end`)
    if key.is_ascii() {
        let flags = key
            .bytes()
            .enumerate()
            .map(|(i, b)| (i, b.is_ascii_alphanumeric()));
        return key_shape_of(flags, key.len());
    }
    key_shape_of(
        key.char_indices().map(|(i, c)| (i, is_word_char(c))),
        key.len(),
    )
}

/// [`key_shape`] over (byte offset, is a word char) of each char of a key
/// of `len` bytes.
#[inline]
fn key_shape_of(chars: impl Iterator<Item = (usize, bool)>, len: usize) -> Option<(usize, u8)> {
    let (mut n, mut in_word, mut first_end) = (0usize, false, None);
    let mut last_is_word = false;
    for (i, w) in chars {
        if i == 0 && !w {
            return None;
        }
        if w && !in_word {
            n += 1;
        }
        if !w && in_word && first_end.is_none() {
            first_end = Some(i);
        }
        in_word = w;
        last_is_word = w;
    }
    if !last_is_word || n == 0 || n > 255 {
        return None;
    }
    Some((first_end.unwrap_or(len), n as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte reading of ASCII keys gives what the char-by-char
    /// reading gives, for keys of every shape.
    #[test]
    fn ascii_keys_read_as_chars() {
        let keys = [
            "Kabul",
            "San Miguel",
            "Tehrik-i-Taliban Pakistan",
            "CPI (Maoist",
            "CPI (Maoist)",
            " lead",
            "trail ",
            "a",
            "",
            "Dera Ismail Khan district",
            "x--y",
            "O'Neill Street",
            "1st Battalion",
        ];
        for k in keys {
            let chars = || k.char_indices().map(|(i, c)| (i, is_word_char(c)));
            assert_eq!(key_shape(k), key_shape_of(chars(), k.len()), "{k:?}");
            assert_eq!(pair_end(k), pair_end_of(chars(), k.len()), "{k:?}");
        }
        assert_eq!(key_shape("San Miguel"), Some((3, 2)));
        assert_eq!(pair_end("Dera Ismail Khan"), Some(11));
        assert_eq!(key_shape("trail "), None);
    }
}
