//! HTML main-text extraction: the article body without navigation, ads, related
//! links or comments, and its title, publication date and canonical URL.
//!
//! The page is parsed by a small forgiving parser ([`dom`]); the body is
//! found with Readability-style scoring tuned for news pages ([`body`]);
//! metadata comes from `<meta>`, `<link rel=canonical>` and JSON-LD ([`meta`]).
//! Paragraphs are separated by a blank line (`"\n\n"`) so that sentence
//! splitting works downstream. Parsing is iterative and depth-capped, so
//! hostile input (deep nesting, junk bytes, huge pages) cannot overflow the
//! stack; the whole extraction is also guarded by `catch_unwind`.

pub mod body;
pub mod dom;
pub mod meta;

use std::panic::{catch_unwind, AssertUnwindSafe};

/// What [`extract`] found in one HTML page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlDoc {
    /// Headline (from `og:title`, JSON-LD `headline`, `<title>` or `<h1>`).
    pub title: Option<String>,
    /// Publication moment, ISO 8601 (`2025-10-28` or `2025-10-28T09:15:00+05:00`).
    pub published: Option<String>,
    /// Canonical URL (`<link rel=canonical>`, `og:url`, JSON-LD `url`), else the
    /// URL the page was fetched from.
    pub canonical_url: Option<String>,
    /// Publisher or site name (`og:site_name`, JSON-LD `publisher.name`).
    pub publisher: Option<String>,
    /// The main text; paragraphs separated by `"\n\n"`.
    pub text: String,
}

/// Why a page yielded no article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum HtmlError {
    /// The page has no main text (an index page, an empty page, not HTML).
    #[error("no article text found in the HTML page")]
    NoArticle,
    /// Extraction failed on this page (an internal panic, caught and reported).
    #[error("HTML extraction failed: {0}")]
    Extractor(String),
}

/// Extracts the main text and metadata of one HTML page.
///
/// `url` is where the page was fetched from, if known; it is the fallback for
/// [`HtmlDoc::canonical_url`]. Never panics; returns [`HtmlError::NoArticle`]
/// when the page has no main text.
pub fn extract(html: &str, url: Option<&str>) -> Result<HtmlDoc, HtmlError> {
    let (meta, body) = catch_unwind(AssertUnwindSafe(|| {
        let dom = dom::Dom::parse(html);
        (meta::extract(&dom), body::extract(&dom))
    }))
    .map_err(|_| HtmlError::Extractor("extractor panicked".to_owned()))?;
    let text = body.map(|b| paragraphs(&b)).unwrap_or_default();
    if text.is_empty() {
        return Err(HtmlError::NoArticle);
    }
    Ok(HtmlDoc {
        title: meta.title,
        published: meta.published,
        canonical_url: meta
            .canonical_url
            .map(|c| absolute(&c, url))
            .or_else(|| url.map(str::to_owned)),
        publisher: meta.publisher,
        text,
    })
}

/// Resolves a root-relative (`/news/x`) or scheme-relative (`//site/x`)
/// canonical URL against the fetch URL; anything else is kept as written.
fn absolute(canonical: &str, base: Option<&str>) -> String {
    let scheme_end = base.and_then(|b| b.find("://"));
    if let Some(rest) = canonical.strip_prefix("//") {
        let scheme = base.zip(scheme_end).map_or("https", |(b, i)| &b[..i]);
        return format!("{scheme}://{rest}");
    }
    if canonical.starts_with('/') {
        if let (Some(b), Some(i)) = (base, scheme_end) {
            let host_end = b[i + 3..].find('/').map_or(b.len(), |j| i + 3 + j);
            return format!("{}{canonical}", &b[..host_end]);
        }
    }
    canonical.to_owned()
}

/// Normalises extracted text to one paragraph per block, blocks separated by
/// a blank line, whitespace inside a line collapsed.
fn paragraphs(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let mut first = true;
        for word in line.split_whitespace() {
            if first {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                first = false;
            } else {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests;
