//! HTML main-text extraction: the article body without navigation, ads, related
//! links or comments, and its title, publication date and canonical URL.
//!
//! The body is found by [`rs_trafilatura`] (a Rust port of trafilatura); this
//! module guards it against hostile input and shapes its output: paragraphs are
//! separated by a blank line (`"\n\n"`) so that sentence splitting works
//! downstream.

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
    /// The third-party extractor failed on this page.
    #[error("HTML extraction failed: {0}")]
    Extractor(String),
}

/// Extracts the main text and metadata of one HTML page.
///
/// `url` is where the page was fetched from, if known; it is the fallback for
/// [`HtmlDoc::canonical_url`]. Never panics; returns [`HtmlError::NoArticle`]
/// when the page has no main text.
pub fn extract(html: &str, url: Option<&str>) -> Result<HtmlDoc, HtmlError> {
    let options = rs_trafilatura::Options {
        url: url.map(str::to_owned),
        ..rs_trafilatura::Options::default()
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        rs_trafilatura::extract_with_options(html, &options)
    }))
    .map_err(|_| HtmlError::Extractor("extractor panicked".to_owned()))?;
    let result = match result {
        Ok(r) => r,
        Err(rs_trafilatura::Error::NoContent) => return Err(HtmlError::NoArticle),
        Err(e) => return Err(HtmlError::Extractor(e.to_string())),
    };
    let text = paragraphs(&result.content_text);
    if text.is_empty() {
        return Err(HtmlError::NoArticle);
    }
    let meta = result.metadata;
    Ok(HtmlDoc {
        title: meta.title.filter(|t| !t.trim().is_empty()),
        published: meta.date.map(|d| d.to_rfc3339()),
        canonical_url: meta.url.or_else(|| url.map(str::to_owned)),
        publisher: meta.sitename,
        text,
    })
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
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_blank_line_separated() {
        assert_eq!(paragraphs("a  b\n\n\n c\n"), "a b\n\nc");
    }
}
