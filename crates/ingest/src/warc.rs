//! WARC files (`.warc`, `.warc.gz` with one gzip member per record, as news
//! crawls ship them), streamed record by record. Every `response` record whose
//! HTTP payload is HTML with a 2xx status (and every HTML `resource` record) is
//! an article: URL from `WARC-Target-URI`, retrieval moment from `WARC-Date`
//! (also the publication fallback when the page states none). Other records are
//! skipped without buffering their content.

use crate::source::{self, Source};
use crate::{Ctx, InputError, Reason};
use chrono::{DateTime, Utc};
use sitrep_model::Article;
use std::io::{self, Read};

/// Largest WARC header block accepted.
const MAX_HEADER_LINE: usize = 64 * 1024;

/// Streams articles out of a WARC input.
pub struct WarcReader {
    ctx: Ctx,
    src: Source,
    record: usize,
    done: bool,
    line: Vec<u8>,
}

impl WarcReader {
    /// Reads from an opened source.
    pub fn new(ctx: Ctx, src: Source) -> Self {
        WarcReader {
            ctx,
            src,
            record: 0,
            done: false,
            line: Vec::new(),
        }
    }

    fn fail(&mut self, reason: Reason) -> Option<Result<Article, InputError>> {
        self.done = true;
        Some(Err(self.ctx.err(Some(format!("#{}", self.record)), reason)))
    }

    fn io_fail(&mut self, e: io::Error) -> Option<Result<Article, InputError>> {
        let r = source::reason_of(&e, self.src.gz);
        let r = match r {
            Reason::Io(m) => Reason::Warc(m),
            other => other,
        };
        self.fail(r)
    }
}

#[derive(Debug, Default)]
struct Headers {
    kind: String,
    uri: Option<String>,
    date: Option<String>,
    id: Option<String>,
    content_type: String,
    length: Option<u64>,
}

impl Iterator for WarcReader {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            // Version line (skipping blank lines between records).
            let first = loop {
                match source::read_line_capped(&mut self.src, &mut self.line, MAX_HEADER_LINE) {
                    Ok(None) => {
                        self.done = true;
                        return None;
                    }
                    Ok(Some(_)) => {
                        let l = String::from_utf8_lossy(&self.line).trim().to_owned();
                        if !l.is_empty() {
                            break l;
                        }
                    }
                    Err(e) => return self.io_fail(e),
                }
            };
            self.record += 1;
            if !first.starts_with("WARC/") {
                return self.fail(Reason::Warc(format!(
                    "record {} does not start with a WARC/ version line",
                    self.record
                )));
            }
            let mut h = Headers::default();
            let mut header_bytes = 0usize;
            loop {
                match source::read_line_capped(&mut self.src, &mut self.line, MAX_HEADER_LINE) {
                    Ok(None) => {
                        return self.fail(Reason::Warc("file ends inside a record header".into()))
                    }
                    Ok(Some(n)) => {
                        header_bytes += n as usize;
                        if header_bytes > 1024 * 1024 {
                            return self.fail(Reason::Warc("record header too long".into()));
                        }
                        let l = String::from_utf8_lossy(&self.line);
                        let l = l.trim_end_matches('\r');
                        if l.is_empty() {
                            break;
                        }
                        if let Some((k, v)) = l.split_once(':') {
                            let v = v.trim().to_owned();
                            match k.trim().to_ascii_lowercase().as_str() {
                                "warc-type" => h.kind = v.to_ascii_lowercase(),
                                "warc-target-uri" => {
                                    h.uri = Some(v.trim_matches(['<', '>']).to_owned())
                                }
                                "warc-date" => h.date = Some(v),
                                "warc-record-id" => h.id = Some(v),
                                "content-type" => h.content_type = v.to_ascii_lowercase(),
                                "content-length" => h.length = v.parse().ok(),
                                _ => {}
                            }
                        }
                    }
                    Err(e) => return self.io_fail(e),
                }
            }
            let Some(len) = h.length else {
                return self.fail(Reason::Warc("record without a valid Content-Length".into()));
            };
            let wanted = (h.kind == "response" && h.content_type.contains("application/http"))
                || (h.kind == "resource" && h.content_type.contains("html"));
            let cap = self.ctx.opts.max_article_bytes as u64 * 2 + 64 * 1024;
            if !wanted || len > cap {
                match io::copy(&mut (&mut self.src).take(len), &mut io::sink()) {
                    Ok(n) if n < len => {
                        return self.fail(Reason::Warc("file ends inside a record".into()))
                    }
                    Ok(_) => {}
                    Err(e) => return self.io_fail(e),
                }
                if wanted {
                    let record = self.record;
                    return Some(Err(self.ctx.err(
                        Some(format!("#{record}")),
                        Reason::TooLarge {
                            what: format!("record {record}"),
                            size: len,
                            limit: cap,
                        },
                    )));
                }
                continue;
            }
            let mut body = Vec::with_capacity(len as usize);
            match (&mut self.src).take(len).read_to_end(&mut body) {
                Ok(n) if (n as u64) < len => {
                    return self.fail(Reason::Warc("file ends inside a record".into()))
                }
                Ok(_) => {}
                Err(e) => return self.io_fail(e),
            }
            if let Some(r) = self.article(&h, &body) {
                return Some(r);
            }
        }
        None
    }
}

impl WarcReader {
    /// The article of one wanted record, or `None` when the record is not an
    /// HTML page (redirects, images, robots.txt).
    fn article(&self, h: &Headers, body: &[u8]) -> Option<Result<Article, InputError>> {
        let at = Some(format!("#{}", self.record));
        let (payload, ctype) = if h.kind == "response" {
            match http_payload(body, self.ctx.opts.max_article_bytes as u64 * 2) {
                Ok(Some(x)) => x,
                Ok(None) => return None,
                Err(m) => return Some(Err(self.ctx.err(at, Reason::Warc(m)))),
            }
        } else {
            (body.to_vec(), h.content_type.clone())
        };
        if !(ctype.contains("html")
            || ctype.is_empty() && crate::detect::detect(&payload) == crate::detect::Kind::Html)
        {
            return None;
        }
        let warc_date = h
            .date
            .as_deref()
            .and_then(|d| DateTime::parse_from_rfc3339(d).ok())
            .map(|d| d.with_timezone(&Utc));
        let mut ctx = self.ctx.clone();
        if ctx.opts.now.is_none() {
            if let Some(d) = warc_date {
                ctx.retrieved = d;
            }
        }
        let r =
            crate::read_html_page(&ctx, &payload, h.uri.as_deref(), self.record).map(|mut a| {
                if let Some(u) = &h.uri {
                    a.id = sitrep_model::stable_id(&["url", u]);
                } else if let Some(id) = &h.id {
                    a.id = sitrep_model::stable_id(&["warc", id]);
                }
                if a.published.is_none() {
                    a.published = warc_date.map(|d| sitrep_text::dates::Moment::from(d).to_iso());
                }
                a
            });
        Some(r)
    }
}

/// Splits an HTTP response into its decoded payload and content type.
/// `Ok(None)` for non-2xx statuses.
fn http_payload(raw: &[u8], cap: u64) -> Result<Option<(Vec<u8>, String)>, String> {
    let (head_end, body_start) = match memchr::memmem::find(raw, b"\r\n\r\n") {
        Some(p) => (p, p + 4),
        None => match memchr::memmem::find(raw, b"\n\n") {
            Some(p) => (p, p + 2),
            None => return Err("HTTP response without a header end".into()),
        },
    };
    let head = String::from_utf8_lossy(&raw[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    if !(200..300).contains(&status) {
        return Ok(None);
    }
    let mut ctype = String::new();
    let mut chunked = false;
    let mut encoding = String::new();
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let v = v.trim().to_ascii_lowercase();
            match k.trim().to_ascii_lowercase().as_str() {
                "content-type" => ctype = v,
                "transfer-encoding" => chunked = v.contains("chunked"),
                "content-encoding" => encoding = v,
                _ => {}
            }
        }
    }
    if !ctype.is_empty() && !ctype.contains("html") {
        return Ok(None);
    }
    let mut body = raw[body_start..].to_vec();
    if chunked {
        if let Some(b) = dechunk(&body) {
            body = b;
        }
    }
    if encoding.contains("gzip") || encoding.contains("deflate") {
        let mut out = Vec::new();
        let res = if encoding.contains("gzip") {
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(cap + 1)
                .read_to_end(&mut out)
        } else {
            flate2::read::ZlibDecoder::new(&body[..])
                .take(cap + 1)
                .read_to_end(&mut out)
        };
        match res {
            Ok(_) if out.len() as u64 > cap => {
                return Err("HTTP payload decompresses past the size limit".into())
            }
            Ok(_) => body = out,
            Err(e) => return Err(format!("HTTP payload: {e}")),
        }
    } else if encoding.contains("br") {
        return Err("HTTP payload is brotli-compressed (not supported)".into());
    }
    let charset = ctype.split(';').find_map(|p| {
        p.trim()
            .strip_prefix("charset=")
            .map(|c| c.trim_matches('"').to_owned())
    });
    if let Some(cs) = charset {
        let text = crate::detect::decode_lossy(&body, Some(&cs));
        body = text.into_bytes();
    }
    Ok(Some((
        body,
        if ctype.is_empty() {
            String::new()
        } else {
            ctype
        },
    )))
}

/// Decodes HTTP chunked transfer encoding; `None` when malformed.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let nl = memchr::memchr(b'\n', b)?;
        let size_str = String::from_utf8_lossy(&b[..nl]);
        let size_str = size_str
            .trim()
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_owned();
        let size = usize::from_str_radix(&size_str, 16).ok()?;
        b = &b[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        if b.len() < size {
            out.extend_from_slice(b);
            return Some(out);
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size..];
        b = b
            .strip_prefix(b"\r\n")
            .or_else(|| b.strip_prefix(b"\n"))
            .unwrap_or(b);
    }
}

/// Writes one WARC record (used by tests and the example builder): headers in
/// the given order, `Content-Length` added, then the block and `\r\n\r\n`.
pub fn write_record(out: &mut Vec<u8>, headers: &[(&str, &str)], block: &[u8]) {
    out.extend_from_slice(b"WARC/1.0\r\n");
    for (k, v) in headers {
        out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n").unwrap(),
            b"Wikipedia"
        );
        assert!(dechunk(b"zz\r\n").is_none());
    }

    #[test]
    fn http_statuses_and_types() {
        assert!(
            http_payload(b"HTTP/1.1 301 Moved\r\nLocation: x\r\n\r\n", 100)
                .unwrap()
                .is_none()
        );
        assert!(http_payload(
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
            100
        )
        .unwrap()
        .is_none());
        let (b, t) = http_payload(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n<p>caf\xe9</p>", 100)
            .unwrap()
            .unwrap();
        assert_eq!(String::from_utf8(b).unwrap(), "<p>caf\u{e9}</p>");
        assert!(t.contains("html"));
    }
}
