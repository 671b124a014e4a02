//! JSON Lines (`{"id","title","text","url","published","source"}`, only `text`
//! required), streamed line by line with a per-line size cap; and JSON arrays
//! of the same objects. [`article_from_json`] is also what `POST /api/articles`
//! uses.

use crate::source::{self, Source};
use crate::{Ctx, InputError, ReadOptions, Reason};
use chrono::{DateTime, Utc};
use serde_json::Value;
use sitrep_model::Article;

/// Turns one JSON article object into an [`Article`].
///
/// Fields: `text` (required; `body`/`content` accepted), `id` (string or
/// number; else derived from `url`, else from title and text), `title`
/// (`headline`), `url` (`link`), `published` (`date`, `published_at`; any
/// form [`sitrep_text::dates::parse_moment`] reads, or a Unix time in
/// seconds), `source` (`publisher`; a string or an object with `name`),
/// `dateline` (else found at the start of the text). `text` is kept exactly as
/// given. `position` is the 1-based line or item number, used in messages.
/// Without a `published` field, a date in the dateline gives it (a missing
/// year is resolved against `opts.now`, else the clock).
pub fn article_from_json(
    value: &Value,
    input: &str,
    position: usize,
    opts: &ReadOptions,
) -> Result<Article, InputError> {
    let retrieved = opts.now.unwrap_or_else(Utc::now);
    article_from_json_at(value, input, position, opts, retrieved)
}

/// [`article_from_json`] for an input retrieved at `retrieved` (a file's
/// modification time): the moment a year-less dateline date is resolved against.
pub fn article_from_json_at(
    value: &Value,
    input: &str,
    position: usize,
    opts: &ReadOptions,
    retrieved: DateTime<Utc>,
) -> Result<Article, InputError> {
    let at = |reason: Reason| InputError::new(format!("{input}:{position}"), reason);
    let obj = value
        .as_object()
        .ok_or_else(|| at(Reason::Json("not a JSON object".into())))?;
    let text = ["text", "body", "content"]
        .iter()
        .find_map(|k| obj.get(*k).and_then(Value::as_str))
        .ok_or_else(|| at(Reason::Json("no \"text\" string".into())))?;
    if text.trim().is_empty() {
        return Err(at(Reason::NoArticle(": empty \"text\"".into())));
    }
    if text.len() > opts.max_article_bytes {
        return Err(at(Reason::TooLarge {
            what: "article".into(),
            size: text.len() as u64,
            limit: opts.max_article_bytes as u64,
        }));
    }
    let s = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| match obj.get(*k) {
            Some(Value::String(v)) if !v.trim().is_empty() => Some(v.trim().to_owned()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(Value::Object(o)) => o
                .get("name")
                .and_then(Value::as_str)
                .map(|x| x.trim().to_owned()),
            _ => None,
        })
    };
    let title = s(&["title", "headline"]).map(|t| crate::header::collapse_ws(&t));
    let url = s(&["url", "link"]);
    let publisher = s(&["source", "publisher"]);
    let published = ["published", "date", "published_at", "pubDate"]
        .iter()
        .find_map(|k| match obj.get(*k) {
            Some(Value::String(v)) => sitrep_text::dates::parse_moment(v).map(|m| m.to_iso()),
            Some(Value::Number(n)) => n
                .as_i64()
                .and_then(|secs| DateTime::<Utc>::from_timestamp(secs, 0))
                .map(|dt| sitrep_text::dates::Moment::from(dt).to_iso()),
            _ => None,
        });
    let found = crate::header::parse_dateline(text);
    let published = published.or_else(|| {
        found
            .as_ref()?
            .day(retrieved.date_naive())
            .map(|m| m.to_iso())
    });
    let dateline = s(&["dateline"]).or_else(|| found.as_ref().and_then(|d| d.place.clone()));
    let publisher = publisher.or_else(|| found.and_then(|d| d.agency));
    let id = match s(&["id"]) {
        Some(id) => id,
        None => match &url {
            Some(u) => sitrep_model::stable_id(&["url", u]),
            None => sitrep_model::stable_id(&["text", title.as_deref().unwrap_or(""), text]),
        },
    };
    let summary = match obj.get("summary") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    let mut a = Article {
        id,
        input: input.to_owned(),
        title: title.filter(|t| !t.is_empty()),
        published,
        dateline,
        url,
        publisher,
        summary,
        text: text.to_owned(),
    };
    if a.published.is_none() {
        a.published = opts.published.map(|d| d.format("%Y-%m-%d").to_string());
    }
    Ok(a)
}

/// Streams a JSONL input: one article (or one error) per non-blank line.
pub struct JsonlReader {
    ctx: Ctx,
    src: Source,
    line_no: usize,
    buf: Vec<u8>,
    done: bool,
}

impl JsonlReader {
    /// Reads from an opened source.
    pub fn new(ctx: Ctx, src: Source) -> Self {
        JsonlReader {
            ctx,
            src,
            line_no: 0,
            buf: Vec::new(),
            done: false,
        }
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            // Allow JSON escapes to make the line longer than the text it holds.
            let cap = self
                .ctx
                .opts
                .max_article_bytes
                .saturating_mul(2)
                .saturating_add(64 * 1024);
            let full = match source::read_line_capped(&mut self.src, &mut self.buf, cap) {
                Ok(Some(n)) => n,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    let reason = source::reason_of(&e, self.src.gz);
                    return Some(Err(self
                        .ctx
                        .err(Some(format!(":{}", self.line_no + 1)), reason)));
                }
            };
            self.line_no += 1;
            let at = Some(format!(":{}", self.line_no));
            if full as usize > self.buf.len() {
                return Some(Err(self.ctx.err(
                    at,
                    Reason::TooLarge {
                        what: "line".into(),
                        size: full,
                        limit: cap as u64,
                    },
                )));
            }
            let line = trim_ascii(&self.buf);
            if line.is_empty() {
                continue;
            }
            let value: Value = match serde_json::from_slice(line) {
                Ok(v) => v,
                Err(e) => {
                    // A legacy-encoded line: decode, then parse.
                    let retry = std::str::from_utf8(line)
                        .is_err()
                        .then(|| crate::detect::decode_lossy(line, None))
                        .and_then(|s| serde_json::from_str::<Value>(&s).ok());
                    match retry {
                        Some(v) => v,
                        None => {
                            return Some(Err(self
                                .ctx
                                .err(at, Reason::Json(format!("invalid JSON: {e}")))))
                        }
                    }
                }
            };
            return Some(article_from_json_at(
                &value,
                &self.ctx.input,
                self.line_no,
                &self.ctx.opts,
                self.ctx.retrieved,
            ));
        }
        None
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
    let s = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let e = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map(|i| i + 1)
        .unwrap_or(s);
    &b[s..e.max(s)]
}

/// Reads a JSON array of article objects (read whole).
pub fn read_json_array(ctx: &Ctx, bytes: &[u8]) -> Vec<Result<Article, InputError>> {
    let text = crate::detect::decode_lossy(bytes, None);
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Array(items)) => {
            if items.is_empty() {
                return vec![Err(
                    ctx.err(None, Reason::NoArticle(": empty JSON array".into()))
                )];
            }
            items
                .iter()
                .enumerate()
                .map(|(i, v)| article_from_json_at(v, &ctx.input, i + 1, &ctx.opts, ctx.retrieved))
                .collect()
        }
        Ok(_) => vec![Err(
            ctx.err(None, Reason::Json("not a JSON array of articles".into()))
        )],
        Err(e) => vec![Err(
            ctx.err(None, Reason::Json(format!("invalid JSON: {e}")))
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn minimal_and_full_objects() {
        let o = ReadOptions::default();
        let a = article_from_json(
            &json!({"text": "KABUL (Reuters) - Taliban said."}),
            "x",
            1,
            &o,
        )
        .unwrap();
        assert_eq!(a.text, "KABUL (Reuters) - Taliban said.");
        assert_eq!(a.dateline.as_deref(), Some("KABUL"));
        assert_eq!(a.publisher.as_deref(), Some("Reuters"));
        assert_eq!(a.id.len(), 16);
        let b = article_from_json(
            &json!({"id": 17, "title": " A  title ", "text": "t", "url": "https://e.x/a", "published": "Oct. 19, 2025", "source": {"name": "Dawn"}}),
            "x",
            2,
            &o,
        )
        .unwrap();
        assert_eq!(b.id, "17");
        assert_eq!(b.title.as_deref(), Some("A title"));
        assert_eq!(b.published.as_deref(), Some("2025-10-19"));
        assert_eq!(b.publisher.as_deref(), Some("Dawn"));
    }

    #[test]
    fn errors_name_the_line() {
        let o = ReadOptions::default();
        let e = article_from_json(&json!({"title": "no text"}), "f.jsonl", 3, &o).unwrap_err();
        assert_eq!(e.input, "f.jsonl:3");
        assert!(article_from_json(&json!([1, 2]), "f", 1, &o).is_err());
        assert!(article_from_json(&json!({"text": "   "}), "f", 1, &o).is_err());
    }
}
