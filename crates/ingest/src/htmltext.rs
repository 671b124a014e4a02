//! HTML fragments (feed descriptions, `content:encoded`) to plain text:
//! tags dropped, block elements become paragraph breaks, scripts, styles and
//! figure captions skipped, entities decoded, whitespace collapsed. For whole
//! pages use [`crate::html::extract`], which finds the main text.

pub use crate::entities::decode_entities;

const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
];
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "figcaption",
    "iframe",
    "svg",
    "template",
    "head",
    "button",
    "form",
];

/// Converts an HTML fragment to text with paragraphs separated by a blank line.
pub fn html_to_text(html: &str) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut skip: Option<String> = None;
    let mut rest = html;
    let flush = |cur: &mut String, paras: &mut Vec<String>| {
        let decoded = decode_entities(cur);
        let t: Vec<&str> = decoded.split_whitespace().collect();
        if !t.is_empty() {
            paras.push(t.join(" "));
        }
        cur.clear();
    };
    while !rest.is_empty() {
        match rest.find('<') {
            None => {
                if skip.is_none() {
                    cur.push_str(rest);
                }
                break;
            }
            Some(p) => {
                if skip.is_none() {
                    cur.push_str(&rest[..p]);
                }
                rest = &rest[p..];
                // Comments.
                if rest.starts_with("<!--") {
                    rest = match rest.find("-->") {
                        Some(e) => &rest[e + 3..],
                        None => "",
                    };
                    continue;
                }
                let Some(close) = rest.find('>') else {
                    // A lone '<' in text.
                    if skip.is_none() {
                        cur.push('<');
                    }
                    rest = &rest[1..];
                    continue;
                };
                let tag = &rest[1..close];
                rest = &rest[close + 1..];
                let closing = tag.starts_with('/');
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if name.is_empty() {
                    if skip.is_none() && !tag.starts_with('!') && !tag.starts_with('?') {
                        cur.push('<');
                        cur.push_str(tag);
                        cur.push('>');
                    }
                    continue;
                }
                if let Some(s) = &skip {
                    if closing && *s == name {
                        skip = None;
                    }
                    continue;
                }
                if !closing && SKIP.contains(&name.as_str()) && !tag.ends_with('/') {
                    skip = Some(name);
                    continue;
                }
                if BLOCK.contains(&name.as_str()) {
                    flush(&mut cur, &mut paras);
                } else {
                    cur.push(' ');
                }
            }
        }
    }
    flush(&mut cur, &mut paras);
    paras.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_become_paragraphs() {
        let h = "<p>QUETTA: Gunmen <b>killed</b> two&nbsp;policemen &amp; fled.</p><figure><img src=x><figcaption>Police at the site (AFP)</figcaption></figure><p>&ldquo;We will act,&rdquo; he said.<script>var x=1;</script></p>";
        assert_eq!(
            html_to_text(h),
            "QUETTA: Gunmen killed two policemen & fled.\n\n\u{201C}We will act,\u{201D} he said."
        );
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for h in [
            "<p",
            "a < b and c > d",
            "<!-- open",
            "&#xZZ; &#99999999; &",
            "<script>never closed",
            "<é>",
        ] {
            let _ = html_to_text(h);
        }
    }
}
