//! A small, forgiving HTML parser into a flat node arena.
//!
//! It is not a full HTML5 tree builder: it knows void and raw-text elements,
//! the implied end of `<p>`, `<li>`, `<dt>`/`<dd>`, `<tr>`/`<td>`/`<th>` and
//! `<option>`, and closes an end tag's element together with everything opened
//! after it. That is all main-text extraction needs, and it keeps parsing
//! linear in the input, iterative (no recursion, so any nesting depth is safe)
//! and bounded (the open-element stack is capped at [`MAX_DEPTH`]).

/// Deepest open-element stack kept; deeper elements become children of the
/// element at this depth.
pub const MAX_DEPTH: usize = 256;

/// Most nodes built for one page (real pages have tens of thousands); past
/// it, tags are ignored, which bounds memory on hostile input.
pub const MAX_NODES: usize = 1_000_000;

/// Index of a node in [`Dom::nodes`].
pub type NodeId = usize;

/// One element or text run.
#[derive(Debug, Clone, Default)]
pub struct Node {
    /// Lower-case tag name; empty for a text node and for the root.
    pub tag: String,
    /// Decoded text (text nodes, and the raw content of `<script>`/`<title>`).
    pub text: String,
    /// The attributes extraction looks at, names lower-cased, values decoded.
    pub attrs: Vec<(String, String)>,
    /// Parent node (the root is its own parent).
    pub parent: NodeId,
    /// Children in document order.
    pub children: Vec<NodeId>,
}

impl Node {
    /// Whether this is a text node.
    pub fn is_text(&self) -> bool {
        self.tag.is_empty() && !self.text.is_empty()
    }

    /// The value of attribute `name` (lower case), if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A parsed page: node 0 is the root; every other node's parent precedes it.
#[derive(Debug, Clone)]
pub struct Dom {
    /// All nodes, in document order.
    pub nodes: Vec<Node>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements whose content is not markup.
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "template",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// Attributes kept on elements.
const KEPT_ATTRS: &[&str] = &[
    "class",
    "id",
    "itemprop",
    "itemtype",
    "style",
    "hidden",
    "aria-hidden",
    "role",
    "property",
    "name",
    "content",
    "rel",
    "href",
    "type",
    "datetime",
];

impl Dom {
    /// Parses `html`. Never fails and never panics; garbage yields text nodes.
    pub fn parse(html: &str) -> Dom {
        let mut b = Builder {
            nodes: vec![Node::default()],
            stack: vec![0],
            last_text: None,
        };
        let bytes = html.as_bytes();
        let mut pos = 0;
        let mut text_start = 0;
        while pos < bytes.len() {
            let Some(off) = memchr::memchr(b'<', &bytes[pos..]) else {
                break;
            };
            let lt = pos + off;
            let next = bytes.get(lt + 1).copied().unwrap_or(0);
            if html.get(lt..).is_some_and(|s| s.starts_with("<!--")) {
                b.text(&html[text_start..lt]);
                let end = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
                pos = end;
                text_start = end;
            } else if next == b'!' || next == b'?' {
                b.text(&html[text_start..lt]);
                let end = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |e| lt + e + 1);
                pos = end;
                text_start = end;
            } else if next == b'/' && bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
                b.text(&html[text_start..lt]);
                let name_end = name_end(bytes, lt + 2);
                let name = html[lt + 2..name_end].to_ascii_lowercase();
                let end = memchr::memchr(b'>', &bytes[name_end..])
                    .map_or(bytes.len(), |e| name_end + e + 1);
                b.end_tag(&name);
                pos = end;
                text_start = end;
            } else if next.is_ascii_alphabetic() {
                b.text(&html[text_start..lt]);
                let name_end = name_end(bytes, lt + 1);
                let name = html[lt + 1..name_end].to_ascii_lowercase();
                let (attrs, end, self_closing) = parse_attrs(html, name_end);
                pos = end;
                text_start = end;
                if RAW.contains(&name.as_str()) && !self_closing {
                    let close = find_close(bytes, end, name.as_bytes());
                    let raw = &html[end..close.0];
                    if let Some(id) = b.start_tag(name.clone(), attrs) {
                        let content = if name == "title" || name == "textarea" {
                            decode_entities(raw)
                        } else {
                            raw.to_owned()
                        };
                        b.nodes[id].text = content;
                        b.end_tag_of(id);
                    }
                    pos = close.1;
                    text_start = close.1;
                } else {
                    let id = b.start_tag(name.clone(), attrs);
                    if let Some(id) = id.filter(|_| self_closing || VOID.contains(&name.as_str())) {
                        b.end_tag_of(id);
                    }
                }
            } else {
                // A literal '<': part of the text.
                pos = lt + 1;
            }
        }
        if text_start < bytes.len() {
            b.text(&html[text_start..]);
        }
        Dom { nodes: b.nodes }
    }

    /// Ids of `id` and all its descendants, in document order.
    pub fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            out.push(n);
            if let Some(node) = self.nodes.get(n) {
                stack.extend(node.children.iter().rev().copied());
            }
        }
        out
    }
}

struct Builder {
    nodes: Vec<Node>,
    stack: Vec<NodeId>,
    last_text: Option<NodeId>,
}

impl Builder {
    fn current(&self) -> NodeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let parent = self.current();
        let text = decode_entities(raw);
        // Merge with a preceding text sibling.
        if let Some(&last) = self.nodes[parent].children.last() {
            if self.nodes[last].is_text() {
                self.nodes[last].text.push_str(&text);
                self.last_text = Some(last);
                return;
            }
        }
        if self.nodes.len() >= MAX_NODES {
            // Keep the text, in order, on the last text node made.
            if let Some(last) = self.last_text {
                self.nodes[last].text.push_str(&text);
            }
            return;
        }
        let id = self.nodes.len();
        self.last_text = Some(id);
        self.nodes.push(Node {
            text,
            parent,
            ..Node::default()
        });
        self.nodes[parent].children.push(id);
    }

    fn open_in_scope(&self, names: &[&str], stop: &[&str]) -> Option<usize> {
        for (i, &n) in self.stack.iter().enumerate().rev() {
            let tag = self.nodes[n].tag.as_str();
            if names.contains(&tag) {
                return Some(i);
            }
            if stop.contains(&tag) {
                return None;
            }
        }
        None
    }

    /// Opens an element; `None` once the page has [`MAX_NODES`] nodes (later
    /// tags are then ignored and their text joins the current element).
    fn start_tag(&mut self, name: String, attrs: Vec<(String, String)>) -> Option<NodeId> {
        if self.nodes.len() >= MAX_NODES {
            return None;
        }
        let implied: Option<(&[&str], &[&str])> = match name.as_str() {
            n if CLOSES_P.contains(&n) => Some((&["p"], &["table", "td", "th", "button"])),
            "li" => Some((&["li"], &["ul", "ol", "menu", "table"])),
            "dt" | "dd" => Some((&["dt", "dd"], &["dl", "table"])),
            "tr" => Some((&["tr"], &["table"])),
            "td" | "th" => Some((&["td", "th"], &["tr", "table"])),
            "option" => Some((&["option"], &["select"])),
            _ => None,
        };
        if let Some((names, stop)) = implied {
            if let Some(i) = self.open_in_scope(names, stop) {
                self.stack.truncate(i.max(1));
            }
        }
        let parent = self.current();
        let id = self.nodes.len();
        self.nodes.push(Node {
            tag: name,
            attrs,
            parent,
            ..Node::default()
        });
        self.nodes[parent].children.push(id);
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
        }
        Some(id)
    }

    fn end_tag_of(&mut self, id: NodeId) {
        if let Some(i) = self.stack.iter().rposition(|&n| n == id) {
            self.stack.truncate(i.max(1));
        }
    }

    fn end_tag(&mut self, name: &str) {
        if let Some(i) = self
            .stack
            .iter()
            .rposition(|&n| n != 0 && self.nodes[n].tag == name)
        {
            self.stack.truncate(i.max(1));
        }
    }
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|i| from + i)
}

/// End of a tag name starting at `from`.
fn name_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len()
        && !matches!(
            bytes[i],
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'
        )
    {
        i += 1;
    }
    i
}

/// Finds `</name` (any case) from `from`: (content end, position after `>`).
fn find_close(bytes: &[u8], from: usize, name: &[u8]) -> (usize, usize) {
    let mut pos = from;
    while let Some(off) = memchr::memmem::find(bytes.get(pos..).unwrap_or(&[]), b"</") {
        let lt = pos + off;
        let start = lt + 2;
        let end = start + name.len();
        if bytes
            .get(start..end)
            .is_some_and(|s| s.eq_ignore_ascii_case(name))
            && !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)
        {
            let gt = memchr::memchr(b'>', &bytes[end..]).map_or(bytes.len(), |e| end + e + 1);
            return (lt, gt);
        }
        pos = lt + 2;
    }
    (bytes.len(), bytes.len())
}

/// Parses attributes from just after the tag name to the closing `>`.
/// Returns the kept attributes, the position after `>`, and whether the tag
/// ended with `/>`.
fn parse_attrs(html: &str, from: usize) -> (Vec<(String, String)>, usize, bool) {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    let mut i = from;
    let mut self_closing = false;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            self_closing = bytes[i] == b'/';
            i += 1;
        }
        if i >= bytes.len() {
            return (attrs, bytes.len(), false);
        }
        if bytes[i] == b'>' {
            return (attrs, i + 1, self_closing);
        }
        self_closing = false;
        let ns = i;
        while i < bytes.len()
            && !matches!(
                bytes[i],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>' | b'='
            )
        {
            i += 1;
        }
        let name = &html[ns..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let vs = i + 1;
                    let ve = memchr::memchr(q, &bytes[vs..]).map_or(bytes.len(), |e| vs + e);
                    value = &html[vs..ve];
                    i = (ve + 1).min(bytes.len());
                }
                Some(_) => {
                    let vs = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = &html[vs..i];
                }
                None => {}
            }
        }
        if !name.is_empty() {
            let lname = name.to_ascii_lowercase();
            if KEPT_ATTRS.contains(&lname.as_str()) && !attrs.iter().any(|(n, _)| *n == lname) {
                attrs.push((lname, decode_entities(value)));
            }
        }
    }
}

pub use crate::entities::decode_entities;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implied_ends_and_raw_text() {
        let d = Dom::parse("<div><p>one<p>two<script>if (a<b) {}</script></div><p>three");
        let tags: Vec<&str> = d.nodes.iter().map(|n| n.tag.as_str()).collect();
        assert_eq!(tags, ["", "div", "p", "", "p", "", "script", "p", ""]);
        // The second <p> is a sibling of the first, not its child.
        assert_eq!(d.nodes[4].parent, 1);
        assert_eq!(d.nodes[6].text, "if (a<b) {}");
        assert_eq!(d.nodes[8].text, "three");
    }

    #[test]
    fn attributes_are_kept_and_decoded() {
        let d = Dom::parse(r#"<a HREF='/x?a=1&amp;b=2' class=big data-x="y">t</a>"#);
        assert_eq!(d.nodes[1].attr("href"), Some("/x?a=1&b=2"));
        assert_eq!(d.nodes[1].attr("class"), Some("big"));
        assert_eq!(d.nodes[1].attr("data-x"), None);
    }

    #[test]
    fn node_count_is_capped() {
        let html = "<i>x".repeat(MAX_NODES) + "<p>tail text";
        let d = Dom::parse(&html);
        assert!(d.nodes.len() <= MAX_NODES);
        // Text after the cap is not lost when it can join a text node.
        let all: String = d
            .nodes
            .iter()
            .filter(|n| n.is_text())
            .map(|n| n.text.as_str())
            .collect();
        assert!(
            all.ends_with("tail text"),
            "{}",
            &all[all.len().saturating_sub(30)..]
        );
    }

    #[test]
    fn nesting_is_capped() {
        let html = "<div>".repeat(10_000) + "deep";
        let d = Dom::parse(&html);
        let mut depth = 0;
        let mut n = d.nodes.len() - 1;
        while n != 0 {
            n = d.nodes[n].parent;
            depth += 1;
        }
        assert!(depth <= MAX_DEPTH + 1, "depth {depth}");
    }
}
