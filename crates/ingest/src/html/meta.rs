//! Page metadata from `<meta>`, `<link rel=canonical>`, `<time>`, `<title>`
//! and JSON-LD (`schema.org` `NewsArticle` and kin).

use super::dom::Dom;
use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde_json::Value;

/// Metadata found on a page; every field optional.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Meta {
    /// Headline.
    pub title: Option<String>,
    /// Publication moment, ISO 8601.
    pub published: Option<String>,
    /// Canonical URL.
    pub canonical_url: Option<String>,
    /// Publisher or site name.
    pub publisher: Option<String>,
}

/// Collects the metadata of a parsed page.
pub fn extract(dom: &Dom) -> Meta {
    let mut og_title = None;
    let mut tw_title = None;
    let mut html_title = None;
    let mut h1 = None;
    let mut og_url = None;
    let mut canonical = None;
    let mut site = None;
    let mut meta_dates: Vec<(u8, String)> = Vec::new();
    let mut ld = Meta::default();
    for (i, n) in dom.nodes.iter().enumerate() {
        match n.tag.as_str() {
            "meta" => {
                let key = n
                    .attr("property")
                    .or_else(|| n.attr("name"))
                    .or_else(|| n.attr("itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(content) = n.attr("content").map(str::trim).filter(|c| !c.is_empty())
                else {
                    continue;
                };
                let content = content.to_owned();
                match key.as_str() {
                    "og:title" => set(&mut og_title, content),
                    "twitter:title" => set(&mut tw_title, content),
                    "og:url" => set(&mut og_url, content),
                    "og:site_name" | "application-name" | "publisher" | "dc.publisher" => {
                        set(&mut site, content)
                    }
                    "article:published_time" | "datepublished" | "og:published_time" => {
                        meta_dates.push((0, content))
                    }
                    "pubdate"
                    | "publishdate"
                    | "publish-date"
                    | "publish_date"
                    | "date"
                    | "dc.date"
                    | "dc.date.issued"
                    | "dcterms.created"
                    | "dcterms.date"
                    | "parsely-pub-date"
                    | "sailthru.date"
                    | "article.published"
                    | "originalpublicationdate"
                    | "cxenseparse:recs:publishtime" => meta_dates.push((1, content)),
                    "article:modified_time"
                    | "datemodified"
                    | "og:updated_time"
                    | "lastmod"
                    | "last-modified" => meta_dates.push((3, content)),
                    _ => {}
                }
            }
            "link" => {
                let rel = n.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") {
                    if let Some(h) = n.attr("href").map(str::trim).filter(|h| !h.is_empty()) {
                        set(&mut canonical, h.to_owned());
                    }
                }
            }
            "title" => {
                let t = collapse(&n.text);
                if !t.is_empty() {
                    set(&mut html_title, t);
                }
            }
            "h1" if h1.is_none() => {
                let t = collapse(&text_of(dom, i));
                if !t.is_empty() {
                    h1 = Some(t);
                }
            }
            "time" => {
                if let Some(d) = n.attr("datetime") {
                    let published = n
                        .attr("itemprop")
                        .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
                        || n.attr("class")
                            .is_some_and(|c| c.to_ascii_lowercase().contains("publish"));
                    meta_dates.push((if published { 1 } else { 2 }, d.to_owned()));
                }
            }
            "script"
                if n.attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                if let Ok(v) = serde_json::from_str::<Value>(n.text.trim()) {
                    json_ld(&v, &mut ld, 0);
                }
            }
            _ => {}
        }
    }
    let site = site.or(ld.publisher.take());
    let title = og_title
        .or(ld.title.take())
        .or(tw_title)
        .or_else(|| html_title.map(|t| strip_site(&t, site.as_deref())))
        .or(h1);
    meta_dates.sort_by_key(|(rank, _)| *rank);
    let published = ld
        .published
        .take()
        .into_iter()
        .chain(meta_dates.into_iter().map(|(_, d)| d))
        .find_map(|d| iso8601(&d));
    let tidy = |s: Option<String>| s.map(|s| collapse(&s)).filter(|s| !s.is_empty());
    Meta {
        title: tidy(title),
        published,
        canonical_url: tidy(canonical.or(og_url).or(ld.canonical_url.take())),
        publisher: tidy(site),
    }
}

fn set(slot: &mut Option<String>, v: String) {
    if slot.is_none() {
        *slot = Some(v);
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// All text under node `id`.
fn text_of(dom: &Dom, id: usize) -> String {
    let mut out = String::new();
    for d in dom.descendants(id) {
        if let Some(n) = dom.nodes.get(d) {
            if n.is_text() {
                out.push_str(&n.text);
                out.push(' ');
            }
        }
    }
    out
}

/// Drops a trailing " | Site" / " - Site" from a `<title>`.
fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some(i) = title.rfind(sep) {
            let tail = &title[i + sep.len()..];
            let is_site = site.is_some_and(|s| tail.eq_ignore_ascii_case(s.trim()));
            if is_site || (i > 20 && tail.split_whitespace().count() <= 4) {
                return title[..i].trim().to_owned();
            }
        }
    }
    title.to_owned()
}

const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "liveblogposting",
    "backgroundnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "report",
    "webpage",
    "socialmediaposting",
];

fn json_ld(v: &Value, out: &mut Meta, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => {
            for it in items {
                json_ld(it, out, depth + 1);
            }
        }
        Value::Object(map) => {
            if let Some(g) = map.get("@graph") {
                json_ld(g, out, depth + 1);
            }
            let is_article = match map.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.to_ascii_lowercase().as_str()),
                Some(Value::Array(ts)) => ts.iter().any(|t| {
                    t.as_str()
                        .is_some_and(|t| ARTICLE_TYPES.contains(&t.to_ascii_lowercase().as_str()))
                }),
                _ => false,
            };
            if !is_article {
                return;
            }
            // A WebPage only fills what an article did not.
            if let Some(h) = map.get("headline").and_then(Value::as_str) {
                if !h.trim().is_empty() {
                    set(&mut out.title, collapse(h));
                }
            }
            if let Some(d) = map.get("datePublished").and_then(Value::as_str) {
                set(&mut out.published, d.to_owned());
            }
            let url = map.get("url").and_then(Value::as_str).or_else(|| {
                match map.get("mainEntityOfPage") {
                    Some(Value::String(s)) => Some(s.as_str()),
                    Some(Value::Object(o)) => o.get("@id").and_then(Value::as_str),
                    _ => None,
                }
            });
            if let Some(u) = url.filter(|u| u.starts_with("http")) {
                set(&mut out.canonical_url, u.to_owned());
            }
            let publisher = match map.get("publisher") {
                Some(Value::Object(o)) => o.get("name").and_then(Value::as_str),
                Some(Value::Array(a)) => a
                    .first()
                    .and_then(|o| o.get("name"))
                    .and_then(Value::as_str),
                Some(Value::String(s)) => Some(s.as_str()),
                _ => None,
            };
            if let Some(p) = publisher.filter(|p| !p.trim().is_empty()) {
                set(&mut out.publisher, p.trim().to_owned());
            }
        }
        _ => {}
    }
}

/// Normalises a date as pages write it to ISO 8601: RFC 3339 when it has a
/// time and zone, `YYYY-MM-DDTHH:MM:SS` without zone, `YYYY-MM-DD` for a day.
pub fn iso8601(s: &str) -> Option<String> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.to_rfc3339());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
        "%a, %d %b %Y %H:%M:%S %z",
        "%Y%m%dT%H%M%S%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(d.to_rfc3339());
        }
    }
    if let Some(body) = s.strip_suffix(" GMT").or_else(|| s.strip_suffix(" UTC")) {
        if let Some(d) = iso8601(&format!("{body} +0000")) {
            return Some(d);
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y%m%dT%H%M%S",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(d.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    for f in [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%Y%m%d",
        "%B %d, %Y",
        "%b %d, %Y",
        "%d %B %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    // A date followed by something unparseable: keep the day.
    let head = s.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_normalise() {
        assert_eq!(
            iso8601("2019-11-20T14:10:00+0000").as_deref(),
            Some("2019-11-20T14:10:00+00:00")
        );
        assert_eq!(
            iso8601("2019-11-20T14:10:00Z").as_deref(),
            Some("2019-11-20T14:10:00+00:00")
        );
        assert_eq!(
            iso8601("2019-11-20 14:10").as_deref(),
            Some("2019-11-20T14:10:00")
        );
        assert_eq!(iso8601("2019-11-20").as_deref(), Some("2019-11-20"));
        assert_eq!(
            iso8601("Wed, 20 Nov 2019 14:10:00 GMT").as_deref(),
            Some("2019-11-20T14:10:00+00:00")
        );
        assert_eq!(iso8601("2019-11-20garbage").as_deref(), Some("2019-11-20"));
        assert_eq!(iso8601("yesterday"), None);
    }

    #[test]
    fn title_site_suffix_is_stripped() {
        assert_eq!(
            strip_site(
                "Rain floods the lower valley | Daily Courier",
                Some("Daily Courier")
            ),
            "Rain floods the lower valley"
        );
        assert_eq!(strip_site("A - B", None), "A - B");
    }
}
