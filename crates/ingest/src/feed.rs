//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one article per `<item>`/`<entry>`.
//!
//! Text is `content:encoded`/`content` when present, else `description`/
//! `summary`, with HTML stripped ([`crate::htmltext`]). Link, date (`pubDate`,
//! `published`, `dc:date`, then `updated`), guid/id and the channel title (as
//! publisher) are read too. Broken XML is reported with its byte position;
//! items read before the break are kept.

use crate::htmltext::{decode_entities, html_to_text};
use crate::{Ctx, InputError, Reason};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use sitrep_model::Article;

#[derive(Debug, Default)]
struct Item {
    title: String,
    link: Option<String>,
    guid: Option<String>,
    desc: String,
    content: String,
    date: Option<String>,
    updated: Option<String>,
    source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    Guid,
    Desc,
    Content,
    Date,
    Updated,
    Source,
}

fn field_of(name: &str) -> Option<Field> {
    Some(match name {
        "title" => Field::Title,
        "link" => Field::Link,
        "guid" | "id" => Field::Guid,
        "description" | "summary" => Field::Desc,
        "content:encoded" | "content" => Field::Content,
        "pubdate" | "published" | "dc:date" | "issued" => Field::Date,
        "updated" | "modified" | "atom:updated" => Field::Updated,
        "source" => Field::Source,
        _ => return None,
    })
}

fn lname(e: &BytesStart<'_>) -> String {
    e.name().as_ref().to_ascii_lowercase()
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find_map(|a| (a.key.as_ref().eq_ignore_ascii_case(key)).then(|| decode_entities(&a.value)))
}

/// Reads a whole feed into articles (and per-item errors).
pub fn read_feed(ctx: &Ctx, bytes: &[u8]) -> Vec<Result<Article, InputError>> {
    let text = crate::detect::decode_lossy(bytes, xml_encoding(bytes).as_deref());
    let mut reader = Reader::from_str(&text);
    let config = reader.config_mut();
    config.trim_text(false);
    // Feeds in the wild carry bare `&` ("AT&T"): read it as text, as a browser
    // does (quick-xml >= 0.38 rejects it by default).
    config.allow_dangling_amp = true;
    let mut out = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut item: Option<(Item, usize)> = None; // item and its depth
    let mut field: Option<(Field, usize)> = None; // field and its depth
    let mut channel_title = String::new();
    let mut in_channel_title = false;
    let mut n_items = 0;
    loop {
        let ev = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => {
                out.push(Err(ctx.err(
                    None,
                    Reason::Xml(format!("at byte {}: {e}", reader.error_position())),
                )));
                return out;
            }
        };
        match ev {
            Event::Start(e) => {
                let name = lname(&e);
                let depth = stack.len();
                if item.is_none() && (name == "item" || name == "entry") {
                    item = Some((Item::default(), depth));
                } else if let Some((it, idepth)) = item.as_mut() {
                    if let Some((_, _)) = field {
                        push_field(it, field, &format!("<{name}>"));
                    } else if depth == *idepth + 1 {
                        if let Some(f) = field_of(&name) {
                            if f == Field::Link {
                                if let Some(h) = attr(&e, "href") {
                                    set_link(it, &e, h);
                                }
                            }
                            field = Some((f, depth));
                        }
                    }
                } else if name == "title"
                    && matches!(stack.last().map(String::as_str), Some("channel" | "feed"))
                {
                    in_channel_title = true;
                }
                stack.push(name);
            }
            Event::Empty(e) => {
                let name = lname(&e);
                if let Some((it, idepth)) = item.as_mut() {
                    if name == "link" && stack.len() == *idepth + 1 {
                        if let Some(h) = attr(&e, "href") {
                            set_link(it, &e, h);
                        }
                    } else if field.is_some() {
                        push_field(it, field, &format!("<{name}>"));
                    }
                }
            }
            Event::End(_) => {
                let Some(name) = stack.pop() else {
                    out.push(Err(ctx.err(None, Reason::Xml("unbalanced end tag".into()))));
                    return out;
                };
                let depth = stack.len();
                if in_channel_title && name == "title" {
                    in_channel_title = false;
                }
                if let Some((fld, fdepth)) = field {
                    if depth == fdepth {
                        field = None;
                    } else if let Some((it, _)) = item.as_mut() {
                        push_field(it, Some((fld, fdepth)), &format!("</{name}>"));
                    }
                }
                if item.as_ref().is_some_and(|(_, d)| *d == depth) {
                    if let Some((it, _)) = item.take() {
                        n_items += 1;
                        out.push(make_article(ctx, it, n_items, &channel_title));
                    }
                }
            }
            // Raw text (entities and references arrive as `GeneralRef` events
            // since quick-xml 0.38, and are decoded there).
            Event::Text(t) => {
                if in_channel_title {
                    channel_title.push_str(&decode_entities(&t));
                } else if let Some((it, _)) = item.as_mut() {
                    push_field(it, field, &decode_entities(&t));
                }
            }
            // `&name;` / `&#n;`: decoded by the same HTML-aware table as text,
            // so `&nbsp;` and unknown names behave as before (kept literally).
            Event::GeneralRef(r) => {
                let decoded = decode_entities(&format!("&{};", &*r));
                if in_channel_title {
                    channel_title.push_str(&decoded);
                } else if let Some((it, _)) = item.as_mut() {
                    push_field(it, field, &decoded);
                }
            }
            Event::CData(c) => {
                if in_channel_title {
                    channel_title.push_str(&c);
                } else if let Some((it, _)) = item.as_mut() {
                    push_field(it, field, &c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        out.push(Err(ctx.err(
            None,
            Reason::Xml(format!("unexpected end of feed inside <{open}>")),
        )));
    } else if n_items == 0 {
        out.push(Err(
            ctx.err(None, Reason::NoArticle(": the feed has no items".into()))
        ));
    }
    out
}

fn set_link(it: &mut Item, e: &BytesStart<'_>, href: String) {
    let rel = attr(e, "rel");
    if rel.as_deref().is_none_or(|r| r == "alternate") && it.link.is_none() {
        it.link = Some(href.trim().to_owned());
    }
}

fn push_field(it: &mut Item, field: Option<(Field, usize)>, s: &str) {
    let Some((f, _)) = field else { return };
    let target = match f {
        Field::Title => &mut it.title,
        Field::Desc => &mut it.desc,
        Field::Content => &mut it.content,
        Field::Link => it.link.get_or_insert_with(String::new),
        Field::Guid => it.guid.get_or_insert_with(String::new),
        Field::Date => it.date.get_or_insert_with(String::new),
        Field::Updated => it.updated.get_or_insert_with(String::new),
        Field::Source => it.source.get_or_insert_with(String::new),
    };
    target.push_str(s);
}

fn xml_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(200)];
    let s = String::from_utf8_lossy(head);
    let decl_end = s.find("?>")?;
    let decl = &s[..decl_end];
    let p = decl.find("encoding=")?;
    let v = &decl[p + 9..];
    let q = v.chars().next()?;
    // The quote may be any character in hostile input: skip it whole.
    let v = &v[q.len_utf8()..];
    Some(v[..v.find(q)?].to_owned())
}

fn make_article(ctx: &Ctx, it: Item, n: usize, channel: &str) -> Result<Article, InputError> {
    let at = Some(format!("#{n}"));
    let content = html_to_text(&it.content);
    let desc = html_to_text(&it.desc);
    let text = if content.len() >= desc.len() {
        content
    } else {
        desc
    };
    let title = crate::header::collapse_ws(&html_to_text(&it.title));
    if text.trim().is_empty() {
        return Err(ctx.err(
            at,
            Reason::NoArticle(format!(
                ": feed item {:?} has no text",
                truncate(&title, 60)
            )),
        ));
    }
    ctx.check_size("article", text.len())
        .map_err(|r| ctx.err(at.clone(), r))?;
    let link = it
        .link
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty());
    let guid = it
        .guid
        .map(|g| g.trim().to_owned())
        .filter(|g| !g.is_empty());
    let published = it
        .date
        .as_deref()
        .and_then(|d| sitrep_text::dates::parse_moment(d.trim()))
        .or_else(|| {
            it.updated
                .as_deref()
                .and_then(|d| sitrep_text::dates::parse_moment(d.trim()))
        })
        .map(|m| m.to_iso());
    let id = match guid.as_deref().or(link.as_deref()) {
        Some(key) => sitrep_model::stable_id(&["feed", key]),
        None => sitrep_model::stable_id(&["text", &title, &text]),
    };
    let dl = crate::header::parse_dateline(&text);
    let publisher = it
        .source
        .map(|s| crate::header::collapse_ws(&s))
        .filter(|s| !s.is_empty())
        .or_else(|| Some(crate::header::collapse_ws(channel)).filter(|s| !s.is_empty()))
        .or_else(|| dl.as_ref().and_then(|d| d.agency.clone()));
    Ok(ctx.finish(Article {
        id,
        input: ctx.input.clone(),
        title: (!title.is_empty()).then_some(title),
        published,
        dateline: dl.and_then(|d| d.place),
        url: link,
        publisher,
        summary: Vec::new(),
        text,
    }))
}

fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ReadOptions;
    use chrono::Utc;

    fn ctx() -> Ctx {
        Ctx {
            input: "f.xml".into(),
            retrieved: Utc::now(),
            opts: ReadOptions::default(),
        }
    }

    #[test]
    fn rss_items() {
        let x = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Frontier Wire</title>
<item><title>Blast in Bannu &amp; curfew</title><link>https://e.x/1</link><guid>x-1</guid>
<pubDate>Tue, 28 Oct 2025 10:32:00 +0500</pubDate>
<description>&lt;p&gt;BANNU: A blast killed two.&lt;/p&gt;&lt;p&gt;Police said more.&lt;/p&gt;</description></item>
<item><title>Talks resume</title><link>https://e.x/2</link>
<content:encoded><![CDATA[<p>ISLAMABAD: Talks resumed on Monday.</p>]]></content:encoded></item>
</channel></rss>"#;
        let r = read_feed(&ctx(), x.as_bytes());
        assert_eq!(r.len(), 2);
        let a = r[0].as_ref().unwrap();
        assert_eq!(a.title.as_deref(), Some("Blast in Bannu & curfew"));
        assert_eq!(a.text, "BANNU: A blast killed two.\n\nPolice said more.");
        assert_eq!(a.published.as_deref(), Some("2025-10-28T10:32:00+05:00"));
        assert_eq!(a.publisher.as_deref(), Some("Frontier Wire"));
        assert_eq!(a.dateline.as_deref(), Some("BANNU"));
        let b = r[1].as_ref().unwrap();
        assert_eq!(b.text, "ISLAMABAD: Talks resumed on Monday.");
        assert_eq!(b.url.as_deref(), Some("https://e.x/2"));
    }

    #[test]
    fn atom_entries() {
        let x = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title>
<entry><title type="html">Clash in Kurram</title><link rel="alternate" href="https://v.x/a"/><id>urn:1</id>
<published>2025-10-28T08:00:00Z</published><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>PARACHINAR: Tribes clashed.</p><p>Five died.</p></div></content></entry></feed>"#;
        let r = read_feed(&ctx(), x.as_bytes());
        assert_eq!(r.len(), 1);
        let a = r[0].as_ref().unwrap();
        assert_eq!(a.text, "PARACHINAR: Tribes clashed.\n\nFive died.");
        assert_eq!(a.url.as_deref(), Some("https://v.x/a"));
        assert_eq!(a.published.as_deref(), Some("2025-10-28T08:00:00Z"));
    }

    #[test]
    fn broken_feed_keeps_earlier_items_and_names_the_break() {
        let x = "<rss><channel><item><title>A</title><description>Text one.</description></item><item><title>B</title><description>oops</item></channel></rss>";
        let r = read_feed(&ctx(), x.as_bytes());
        assert!(r[0].is_ok());
        assert!(matches!(&r.last().unwrap(), Err(e) if matches!(e.reason, Reason::Xml(_))));
        let r = read_feed(&ctx(), b"<rss><channel><item><title>A</title>");
        assert!(r
            .iter()
            .any(|x| matches!(x, Err(e) if matches!(e.reason, Reason::Xml(_)))));
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn never_panics(s in "(<rss>|<channel>|<item>|</item>|<title>|</title>|<description>|</description>|<!\\[CDATA\\[|\\]\\]>|&amp;|&lt;p&gt;|[a-z ]{0,8}|<link href=\"x\"/>){0,40}") {
                let _ = read_feed(&ctx(), s.as_bytes());
            }

            #[test]
            fn arbitrary_bytes_never_panic(b in proptest::collection::vec(any::<u8>(), 0..300)) {
                let mut v = b"<rss><channel><item>".to_vec();
                v.extend(b);
                let _ = read_feed(&ctx(), &v);
            }
        }
    }
}
