//! Format detection from content, and text decoding (UTF-8, UTF-16 with BOM,
//! windows-1252 fallback for legacy files that are clearly text).

use crate::Reason;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// What a stream holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Nothing but whitespace.
    Empty,
    /// Not text.
    Binary,
    /// JSON Lines.
    Jsonl,
    /// One JSON array of article objects.
    JsonArray,
    /// WARC records.
    Warc,
    /// RSS or Atom.
    Feed,
    /// One HTML page.
    Html,
    /// Plain text, one or more articles.
    Text,
}

fn skip_ws_bom(b: &[u8]) -> &[u8] {
    let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
    let i = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    &b[i..]
}

/// Detects the format from the first bytes of a (decompressed) stream.
pub fn detect(head: &[u8]) -> Kind {
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return Kind::Text;
    }
    let b = skip_ws_bom(head);
    if b.is_empty() {
        return Kind::Empty;
    }
    if b.starts_with(b"WARC/") {
        return Kind::Warc;
    }
    if looks_binary(head) {
        return Kind::Binary;
    }
    match b[0] {
        b'{' => Kind::Jsonl,
        b'[' if b[1..]
            .iter()
            .find(|c| !c.is_ascii_whitespace())
            .is_some_and(|&c| c == b'{' || c == b']') =>
        {
            Kind::JsonArray
        }
        b'<' => {
            let lower: Vec<u8> = b
                .iter()
                .take(4096)
                .map(|c| c.to_ascii_lowercase())
                .collect();
            let has = |needle: &[u8]| memchr::memmem::find(&lower, needle).is_some();
            let html_pos = memchr::memmem::find(&lower, b"<html");
            let feed_pos = [&b"<rss"[..], b"<feed", b"<rdf:rdf"]
                .iter()
                .filter_map(|n| memchr::memmem::find(&lower, n))
                .min();
            match (feed_pos, html_pos) {
                (Some(f), Some(h)) if f < h => Kind::Feed,
                (Some(_), None) => Kind::Feed,
                _ if has(b"<html")
                    || has(b"<!doctype html")
                    || has(b"<head")
                    || has(b"<body")
                    || has(b"<div")
                    || has(b"<p")
                    || has(b"<article")
                    || has(b"<meta")
                    || has(b"<title") =>
                {
                    Kind::Html
                }
                _ => Kind::Text,
            }
        }
        _ => Kind::Text,
    }
}

/// Whether the bytes look like binary data rather than text: NUL bytes, or
/// many control characters.
pub fn looks_binary(head: &[u8]) -> bool {
    if head.is_empty() {
        return false;
    }
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let mut ctrl = 0usize;
    // Byte counters over chunks of 255 (no overflow): the loop vectorises.
    for chunk in head.chunks(255) {
        let (mut low, mut allowed) = (0u8, 0u8);
        for &c in chunk {
            low += u8::from(c < 0x20);
            allowed += u8::from(c == b'\t')
                + u8::from(c == b'\n')
                + u8::from(c == b'\r')
                + u8::from(c == 0x0c);
        }
        ctrl += usize::from(low - allowed);
    }
    ctrl * 20 > head.len()
}

/// Decodes a plain-text input: UTF-8 (BOM dropped), UTF-16 with BOM, else
/// windows-1252 when the result is clearly text; otherwise an encoding error.
pub fn decode_text(bytes: &[u8]) -> Result<String, Reason> {
    decode_text_vec(bytes.to_vec())
}

/// [`decode_text`] on an owned buffer: valid UTF-8 (the usual case) becomes
/// the `String` without a copy.
pub fn decode_text_vec(mut bytes: Vec<u8>) -> Result<String, Reason> {
    if let Some((enc, bom)) = Encoding::for_bom(&bytes) {
        if enc == UTF_16LE || enc == UTF_16BE {
            let (s, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
            if had_errors {
                return Err(Reason::Encoding("invalid UTF-16".into()));
            }
            return check_text(s.into_owned());
        }
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    if looks_binary(&bytes[..bytes.len().min(65536)]) {
        return Err(Reason::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(s) => check_text(s),
        Err(e) => {
            let valid_up_to = e.utf8_error().valid_up_to();
            let b = e.into_bytes();
            // Clearly text in a legacy encoding: few high bytes, no controls.
            let high = b.iter().filter(|&&c| c >= 0x80).count();
            if high * 4 > b.len() {
                return Err(Reason::Encoding(format!(
                    "not UTF-8 (invalid byte at {valid_up_to}) and too many non-ASCII bytes for windows-1252"
                )));
            }
            let (s, _) = WINDOWS_1252.decode_without_bom_handling(&b);
            check_text(s.into_owned())
        }
    }
}

/// Refuses text that is empty or more than 2 % control characters (C0 other
/// than tab/line breaks/form feed, DEL, C1) or U+FFFD. Counted on the UTF-8
/// bytes: C1 controls are `C2 80..=9F`, U+FFFD is `EF BF BD`.
fn check_text(s: String) -> Result<String, Reason> {
    if s.trim().is_empty() {
        return Err(Reason::Empty);
    }
    let b = s.as_bytes();
    let mut bad = 0usize;
    let mut continuation = 0usize;
    // Byte counters over chunks of 255 (no overflow): the loop vectorises.
    for chunk in b.chunks(255) {
        let (mut ctrl, mut allowed, mut cont) = (0u8, 0u8, 0u8);
        for &c in chunk {
            ctrl += u8::from(c < 0x20) + u8::from(c == 0x7f);
            allowed += u8::from(c == b'\t')
                + u8::from(c == b'\n')
                + u8::from(c == b'\r')
                + u8::from(c == 0x0c);
            cont += u8::from(c & 0xC0 == 0x80);
        }
        bad += usize::from(ctrl - allowed);
        continuation += usize::from(cont);
    }
    if continuation > 0 {
        bad += memchr::memchr_iter(0xC2, b)
            .filter(|&i| b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
            .count();
        bad += memchr::memmem::find_iter(b, "\u{FFFD}".as_bytes()).count();
    }
    let chars = b.len() - continuation;
    if bad * 50 > chars.max(1) {
        return Err(Reason::Binary);
    }
    Ok(s)
}

/// Decodes an HTML page: BOM, then `<meta charset>` / `http-equiv` in the first
/// 4 KB, then UTF-8 if valid, else windows-1252. Never fails.
pub fn decode_html(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    if let Some(enc) = meta_charset(&bytes[..bytes.len().min(4096)]) {
        if enc != encoding_rs::UTF_8 {
            return enc.decode_without_bom_handling(bytes).0.into_owned();
        }
    }
    decode_lossy(bytes, None)
}

/// Decodes with a named charset when given and known, else UTF-8 (or
/// windows-1252 when the bytes are not UTF-8).
pub fn decode_lossy(bytes: &[u8], charset: Option<&str>) -> String {
    if let Some(enc) = charset.and_then(|c| Encoding::for_label(c.trim().as_bytes())) {
        if enc != encoding_rs::UTF_8 {
            return enc.decode_without_bom_handling(bytes).0.into_owned();
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// The charset named in a `<meta charset=…>` or `content="…; charset=…"`.
pub fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(|c| c.to_ascii_lowercase()).collect();
    let pos = memchr::memmem::find(&lower, b"charset=")?;
    let rest = &lower[pos + 8..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || c == b'-' || c == b'_'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_content() {
        assert_eq!(detect(b"  \n"), Kind::Empty);
        assert_eq!(detect(b"WARC/1.0\r\n"), Kind::Warc);
        assert_eq!(detect(b"{\"text\": \"x\"}"), Kind::Jsonl);
        assert_eq!(detect(b"[ {\"text\": \"x\"} ]"), Kind::JsonArray);
        assert_eq!(detect(b"[Reuters] QUETTA"), Kind::Text);
        assert_eq!(
            detect(b"<?xml version=\"1.0\"?><rss version=\"2.0\">"),
            Kind::Feed
        );
        assert_eq!(
            detect(b"<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Kind::Feed
        );
        assert_eq!(detect(b"<!DOCTYPE html><html><head>"), Kind::Html);
        assert_eq!(detect(b"\x00\x01\x02binary"), Kind::Binary);
        assert_eq!(detect(b"QUETTA: Militants attacked"), Kind::Text);
    }

    #[test]
    fn latin1_text_is_decoded() {
        let s = decode_text(b"Pe\xf1a said the caf\xe9 was hit.").unwrap();
        assert_eq!(s, "Pe\u{f1}a said the caf\u{e9} was hit.");
        assert!(matches!(
            decode_text(&[0xff; 100]),
            Err(Reason::Encoding(_))
        ));
        assert_eq!(decode_text(b"   "), Err(Reason::Empty));
    }

    #[test]
    fn control_characters_are_counted_on_bytes() {
        // 1 control in 50 characters passes; 2 do not. C1 controls and U+FFFD count.
        let ok = format!("{}\u{1}", "a".repeat(49));
        assert!(decode_text(ok.as_bytes()).is_ok());
        let bad = format!("{}\u{1}\u{1}", "a".repeat(48));
        assert_eq!(decode_text(bad.as_bytes()), Err(Reason::Binary));
        let c1 = format!("{}\u{85}\u{FFFD}", "\u{e9}".repeat(48));
        assert_eq!(decode_text(c1.as_bytes()), Err(Reason::Binary));
        let fine = format!("{}\u{85}", "\u{e9}".repeat(49));
        assert!(decode_text(fine.as_bytes()).is_ok());
        assert_eq!(
            decode_text(b"\xEF\xBB\xBFQUETTA: text").as_deref(),
            Ok("QUETTA: text")
        );
    }

    #[test]
    fn html_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body></html>";
        assert!(decode_html(page).contains("caf\u{e9}"));
    }
}
