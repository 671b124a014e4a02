//! HTML fragments (feed descriptions, `content:encoded`) to plain text:
//! tags dropped, block elements become paragraph breaks, scripts, styles and
//! figure captions skipped, entities decoded, whitespace collapsed. For whole
//! pages use [`crate::html::extract`], which finds the main text.

/// Decodes XML/HTML character references and the common named entities.
/// Unknown entities are kept as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest[1..]
            .find(|c: char| c == ';' || c == '&' || c.is_whitespace())
            .map(|i| i + 1);
        let decoded = match end {
            Some(e) if e <= 12 && rest.as_bytes().get(e) == Some(&b';') => {
                let name = &rest[1..e];
                entity(name).map(|c| (c, e + 1))
            }
            _ => None,
        };
        match decoded {
            Some((c, used)) => {
                out.push_str(&c);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        // windows-1252 numeric references that pages often use for quotes.
        let code = match code {
            0x91 => 0x2018,
            0x92 => 0x2019,
            0x93 => 0x201C,
            0x94 => 0x201D,
            0x96 => 0x2013,
            0x97 => 0x2014,
            0x85 => 0x2026,
            c => c,
        };
        return char::from_u32(code)
            .filter(|c| *c != '\0')
            .map(String::from);
    }
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "sbquo" => '\u{201A}',
        "bdquo" => '\u{201E}',
        "hellip" => '\u{2026}',
        "bull" => '\u{2022}',
        "middot" => '\u{b7}',
        "copy" => '\u{a9}',
        "reg" => '\u{ae}',
        "trade" => '\u{2122}',
        "deg" => '\u{b0}',
        "laquo" => '\u{ab}',
        "raquo" => '\u{bb}',
        "eacute" => '\u{e9}',
        "Eacute" => '\u{c9}',
        "egrave" => '\u{e8}',
        "aacute" => '\u{e1}',
        "agrave" => '\u{e0}',
        "iacute" => '\u{ed}',
        "oacute" => '\u{f3}',
        "uacute" => '\u{fa}',
        "ntilde" => '\u{f1}',
        "uuml" => '\u{fc}',
        "Uuml" => '\u{dc}',
        "ouml" => '\u{f6}',
        "auml" => '\u{e4}',
        "ccedil" => '\u{e7}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "shy" => '\u{ad}',
        "times" => '\u{d7}',
        "pound" => '\u{a3}',
        "euro" => '\u{20ac}',
        _ => return None,
    };
    Some(c.to_string())
}

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
        assert_eq!(
            decode_entities("&#8220;hi&#8221; &bogus; &#146;"),
            "\u{201C}hi\u{201D} &bogus; \u{2019}"
        );
    }
}
