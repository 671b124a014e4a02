//! Finding the article body in a parsed page.
//!
//! The method is Readability's, tuned on what news pages do: drop what can
//! never be article text (scripts, navigation, asides, forms, hidden nodes,
//! elements whose class or id says comment/share/related/ad…); score each
//! paragraph by its length and commas and credit the score to its container
//! and the container's parent; take the best-scoring container (its score
//! discounted by its link density) together with the siblings that score close
//! to it; then write its text block by block, leaving out link lists,
//! captions and short link-only lines.

use super::dom::{Dom, NodeId};

/// Inline elements: their text belongs to the enclosing block.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "img", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike",
    "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "nobr",
];

/// Elements that never hold article text.
const JUNK_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "iframe",
    "object",
    "embed",
    "nav",
    "aside",
    "footer",
    "button",
    "select",
    "input",
    "textarea",
    "option",
    "figcaption",
    "figure",
    "menu",
    "dialog",
    "head",
    "title",
    "meta",
    "link",
    "video",
    "audio",
    "picture",
    "map",
    "math",
    "h1",
];

/// Roles of landmark regions that are not the article.
const JUNK_ROLES: &[&str] = &[
    "navigation",
    "menu",
    "menubar",
    "complementary",
    "banner",
    "contentinfo",
    "dialog",
    "alert",
    "alertdialog",
    "search",
    "toolbar",
];

/// Class/id fragments that mark boilerplate.
const JUNK_CLASS: &[&str] = &[
    "comments",
    "comment-",
    "-comment",
    "_comment",
    "comment_",
    "share",
    "sharing",
    "social",
    "related",
    "recommend",
    "newsletter",
    "subscri",
    "signup",
    "sign-up",
    "advert",
    "sponsor",
    "sidebar",
    "breadcrumb",
    "cookie",
    "consent",
    "gdpr",
    "popup",
    "modal",
    "overlay",
    "promo",
    "outbrain",
    "taboola",
    "disqus",
    "footer",
    "navbar",
    "navigation",
    "subnav",
    "menu",
    "widget",
    "toolbar",
    "masthead",
    "byline",
    "caption",
    "credit",
    "author",
    "trending",
    "popular",
    "most-read",
    "mostread",
    "read-more",
    "readmore",
    "more-stories",
    "morestories",
    "pagination",
    "pager",
    "login",
    "skip",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader",
    "print-only",
    "dateline",
    "timestamp",
    "topics",
    "keywords",
    "adslot",
    "ad-slot",
    "adunit",
    "ad-unit",
    "adsense",
    "dfp",
    "banner",
    "breaking",
    "alert",
    "playlist",
    "gallery",
    "slideshow",
    "carousel",
    "video",
    "player",
    "headline",
    "kicker",
    "metadata",
    "sharebar",
    "tools",
    "follow",
    "donate",
    "feedback",
    "disclaimer",
    "contributor",
];

/// Class/id tokens (whole words between punctuation) that mark boilerplate.
const JUNK_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "nav",
    "tag",
    "tags",
    "hide",
    "hidden",
    "aside",
    "header",
    "date",
    "time",
    "print",
    "links",
    "toc",
    "bio",
    "meta",
    "comment",
    "jump",
    "rating",
    "correction",
];

/// Class/id fragments that mark the article itself.
const GOOD_CLASS: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text", "blog",
];

/// The best container and the nodes whose text is the article.
pub fn extract(dom: &Dom) -> Option<String> {
    let mut a = Analysis::new(dom, true);
    let mut text = a.run();
    if text.as_ref().is_none_or(|t| t.len() < 500) {
        // The class filter may have removed the article itself: retry without it.
        a = Analysis::new(dom, false);
        let loose = a.run();
        if loose.as_ref().map_or(0, String::len) > text.as_ref().map_or(0, String::len) * 2 {
            text = loose;
        }
    }
    text
}

struct Analysis<'a> {
    dom: &'a Dom,
    /// Removed before scoring.
    dead: Vec<bool>,
    /// Non-space bytes of text in the (live) subtree.
    tlen: Vec<u32>,
    /// Of which inside links.
    llen: Vec<u32>,
    /// Commas in the subtree.
    commas: Vec<u32>,
    /// Paragraph elements in the subtree.
    pcount: Vec<u32>,
    /// List items in the subtree.
    licount: Vec<u32>,
    /// Readability score of containers.
    score: Vec<f64>,
}

fn is_inline(tag: &str) -> bool {
    INLINE.contains(&tag)
}

fn class_id(n: &super::dom::Node) -> String {
    let mut s = String::new();
    for k in ["class", "id"] {
        if let Some(v) = n.attr(k) {
            s.push_str(&v.to_ascii_lowercase());
            s.push(' ');
        }
    }
    s
}

fn class_weight(ci: &str) -> f64 {
    if ci.is_empty() {
        return 0.0;
    }
    let mut w = 0.0;
    if GOOD_CLASS.iter().any(|g| ci.contains(g)) {
        w += 25.0;
    }
    if is_junk_class(ci) {
        w -= 25.0;
    }
    w
}

fn is_junk_class(ci: &str) -> bool {
    JUNK_CLASS.iter().any(|j| ci.contains(j))
        || ci
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|t| JUNK_TOKENS.contains(&t))
}

/// Class/id that names the article body itself.
fn is_body_class(ci: &str) -> bool {
    const BODY: &[&str] = &[
        "article-body",
        "articlebody",
        "article__body",
        "article-content",
        "article__content",
        "articlecontent",
        "article-text",
        "story-body",
        "storybody",
        "story-content",
        "story__body",
        "entry-content",
        "post-content",
        "post-body",
        "postbody",
        "body-text",
        "bodytext",
        "main-content",
        "content-body",
        "text-body",
    ];
    BODY.iter().any(|b| ci.contains(b))
}

impl<'a> Analysis<'a> {
    fn new(dom: &'a Dom, class_filter: bool) -> Self {
        let n = dom.nodes.len();
        let mut a = Analysis {
            dom,
            dead: vec![false; n],
            tlen: vec![0; n],
            llen: vec![0; n],
            commas: vec![0; n],
            pcount: vec![0; n],
            licount: vec![0; n],
            score: vec![0.0; n],
        };
        // Structural junk, top-down (parents precede children).
        for i in 1..n {
            let node = &dom.nodes[i];
            let p = node.parent;
            if a.dead[p] {
                a.dead[i] = true;
                continue;
            }
            if node.tag.is_empty() {
                continue;
            }
            a.dead[i] = JUNK_TAGS.contains(&node.tag.as_str())
                || node.attr("hidden").is_some()
                || node
                    .attr("aria-hidden")
                    .is_some_and(|v| v.eq_ignore_ascii_case("true"))
                || node.attr("style").is_some_and(|s| {
                    let s: String = s
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect::<String>()
                        .to_ascii_lowercase();
                    s.contains("display:none") || s.contains("visibility:hidden")
                })
                || node
                    .attr("role")
                    .is_some_and(|r| JUNK_ROLES.contains(&r.to_ascii_lowercase().as_str()));
        }
        a.measure();
        if class_filter {
            let total = a.tlen[0].max(1);
            for i in 1..n {
                let node = &dom.nodes[i];
                if a.dead[i]
                    || node.tag.is_empty()
                    || matches!(node.tag.as_str(), "body" | "html" | "article" | "main")
                {
                    continue;
                }
                if a.dead[node.parent] {
                    a.dead[i] = true;
                    continue;
                }
                let ci = class_id(node);
                // Quoted posts (embedded tweets) are part of the story.
                if ci.is_empty()
                    || is_body_class(&ci)
                    || node.tag == "blockquote"
                    || ci.contains("tweet")
                    || (ci.contains("embed")
                        && dom
                            .descendants(i)
                            .iter()
                            .any(|&d| dom.nodes[d].tag == "blockquote"))
                    || node
                        .attr("itemprop")
                        .is_some_and(|p| p.eq_ignore_ascii_case("articlebody"))
                {
                    continue;
                }
                // Never drop a wrapper holding most of the page's text.
                if is_junk_class(&ci) && a.tlen[i] * 2 < total {
                    a.dead[i] = true;
                }
            }
            for i in 1..n {
                if a.dead[dom.nodes[i].parent] {
                    a.dead[i] = true;
                }
            }
            a.measure();
        }
        a
    }

    /// Bottom-up text, link, comma, paragraph and list counts of live nodes.
    fn measure(&mut self) {
        let n = self.dom.nodes.len();
        self.tlen.iter_mut().for_each(|x| *x = 0);
        self.llen.iter_mut().for_each(|x| *x = 0);
        self.commas.iter_mut().for_each(|x| *x = 0);
        self.pcount.iter_mut().for_each(|x| *x = 0);
        self.licount.iter_mut().for_each(|x| *x = 0);
        for i in (1..n).rev() {
            if self.dead[i] {
                continue;
            }
            let node = &self.dom.nodes[i];
            if node.is_text() {
                self.tlen[i] = node
                    .text
                    .bytes()
                    .filter(|b| !b.is_ascii_whitespace())
                    .count() as u32;
                self.commas[i] = node.text.matches(',').count() as u32;
            }
            match node.tag.as_str() {
                "a" => self.llen[i] = self.tlen[i],
                "p" => self.pcount[i] += 1,
                "li" => self.licount[i] += 1,
                _ => {}
            }
            let p = node.parent;
            self.tlen[p] += self.tlen[i];
            self.llen[p] += self.llen[i];
            self.commas[p] += self.commas[i];
            self.pcount[p] += self.pcount[i];
            self.licount[p] += self.licount[i];
        }
    }

    fn link_density(&self, i: NodeId) -> f64 {
        f64::from(self.llen[i]) / f64::from(self.tlen[i].max(1))
    }

    /// The nearest non-inline ancestor-or-self.
    fn block_of(&self, mut i: NodeId) -> NodeId {
        while i != 0 && (self.dom.nodes[i].tag.is_empty() || is_inline(&self.dom.nodes[i].tag)) {
            i = self.dom.nodes[i].parent;
        }
        i
    }

    fn run(&mut self) -> Option<String> {
        let dom = self.dom;
        let n = dom.nodes.len();
        // Direct (inline) text of each block.
        let mut own = vec![0u32; n];
        let mut own_commas = vec![0u32; n];
        for i in 1..n {
            if !self.dead[i] && dom.nodes[i].is_text() {
                let b = self.block_of(dom.nodes[i].parent);
                own[b] += self.tlen[i];
                own_commas[b] += self.commas[i];
            }
        }
        let mut init = vec![false; n];
        for b in 1..n {
            if own[b] < 25 || self.dead[b] {
                continue;
            }
            let tag = dom.nodes[b].tag.as_str();
            let contribution =
                1.0 + f64::from(own_commas[b]) + (f64::from(own[b]) / 100.0).min(3.0);
            // A paragraph credits its container; a container with loose text
            // credits itself as if the text were wrapped in a paragraph.
            let leaf = matches!(
                tag,
                "p" | "pre" | "td" | "li" | "dd" | "blockquote" | "h2" | "h3" | "h4" | "h5" | "h6"
            );
            let mut c = if leaf { dom.nodes[b].parent } else { b };
            for level in 0..5 {
                if c == 0 {
                    break;
                }
                if !init[c] {
                    init[c] = true;
                    self.score[c] = self.initial_score(c);
                }
                let div = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => f64::from(l as u32) * 3.0,
                };
                self.score[c] += contribution / div;
                c = dom.nodes[c].parent;
            }
        }
        let mut top = None;
        let mut best = 0.0;
        for (c, _) in init.iter().enumerate().skip(1).filter(|(_, &i)| i) {
            if self.dead[c] {
                continue;
            }
            let s = self.score[c] * (1.0 - self.link_density(c));
            self.score[c] = s;
            if s > best {
                best = s;
                top = Some(c);
            }
        }
        // No container scored (loose text at the top level, or text nested
        // past the depth cap): the whole page is the candidate.
        let Some(mut top) = top else {
            return self.write_parts(&[0], &[0]);
        };
        // Prefer an ancestor that holds the same text with a better score, and
        // climb from a lone child to its parent (Readability).
        loop {
            let p = dom.nodes[top].parent;
            if p == 0 || dom.nodes[p].tag == "body" || dom.nodes[p].tag == "html" {
                break;
            }
            let live_children = dom.nodes[p]
                .children
                .iter()
                .filter(|&&c| !self.dead[c] && self.tlen[c] > 0)
                .count();
            if live_children == 1 {
                top = p;
            } else {
                break;
            }
        }
        let top_score = self.score[top];
        let threshold = (top_score * 0.2).max(10.0);
        let parent = dom.nodes[top].parent;
        let top_class = dom.nodes[top].attr("class").unwrap_or("").to_owned();
        let mut parts: Vec<NodeId> = Vec::new();
        if parent == 0 {
            parts.push(top);
        } else {
            for &s in &dom.nodes[parent].children {
                if self.dead[s] || dom.nodes[s].is_text() {
                    continue;
                }
                if s == top {
                    parts.push(s);
                    continue;
                }
                let mut bonus = 0.0;
                if !top_class.is_empty() && dom.nodes[s].attr("class") == Some(top_class.as_str()) {
                    bonus += top_score * 0.2;
                }
                let ok = if init[s] && self.score[s] + bonus >= threshold {
                    true
                } else if dom.nodes[s].tag == "p" {
                    let len = self.tlen[s];
                    let ld = self.link_density(s);
                    (len > 80 && ld < 0.25)
                        || (len > 0 && ld == 0.0 && len <= 80 && sentence_like(dom, s))
                } else {
                    false
                };
                if ok {
                    parts.push(s);
                }
            }
        }
        self.add_repeated(&mut parts, top, &own);
        self.write_parts(&[top], &parts)
    }

    /// Writes `first` and then the other `parts` (skipping paragraphs already
    /// written, and parts that mostly repeat them), in document order.
    fn write_parts(&self, first: &[NodeId], parts: &[NodeId]) -> Option<String> {
        let mut written: Vec<(NodeId, Vec<String>)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for &p in first {
            let mut w = Writer::default();
            self.write(p, &mut w);
            w.flush();
            seen.extend(w.paragraphs.iter().cloned());
            written.push((p, w.paragraphs));
        }
        for &p in parts.iter().filter(|p| !first.contains(p)) {
            let mut w = Writer::default();
            self.write(p, &mut w);
            w.flush();
            let total = w.paragraphs.len();
            let fresh: Vec<String> = w
                .paragraphs
                .into_iter()
                .filter(|x| seen.insert(x.clone()))
                .collect();
            // A part that mostly repeats the article is a second copy of it.
            if fresh.len() * 2 > total {
                written.push((p, fresh));
            }
        }
        written.sort_by_key(|(p, _)| *p);
        let mut paragraphs: Vec<String> = written.into_iter().flat_map(|(_, v)| v).collect();
        while paragraphs.last().is_some_and(|p| is_trailing_promo(p)) {
            paragraphs.pop();
        }
        let text = paragraphs.join("\n\n");
        (!text.is_empty()).then_some(text)
    }

    /// Sites split long articles into several containers of the same class
    /// (or paragraphs of the same class in several containers): adds those
    /// found outside `parts`, keeping document order.
    fn add_repeated(&self, parts: &mut Vec<NodeId>, top: NodeId, own: &[u32]) {
        let dom = self.dom;
        let n = dom.nodes.len();
        let top_class = dom.nodes[top].attr("class").unwrap_or("").trim();
        // The class of the blocks that hold most of the top candidate's text.
        let mut by_class: Vec<(&str, u32)> = Vec::new();
        for d in dom.descendants(top) {
            if own[d] >= 25 && !self.dead[d] {
                let c = dom.nodes[d].attr("class").unwrap_or("").trim();
                match by_class.iter_mut().find(|(k, _)| *k == c) {
                    Some(e) => e.1 += own[d],
                    None => by_class.push((c, own[d])),
                }
            }
        }
        let para_class = by_class
            .iter()
            .max_by_key(|(_, v)| *v)
            .map(|(k, _)| *k)
            .unwrap_or("");
        if top_class.is_empty() && para_class.is_empty() {
            return;
        }
        let mut inside = vec![false; n];
        for &p in parts.iter() {
            inside[p] = true;
        }
        let mut added = Vec::new();
        for i in 1..n {
            if inside[dom.nodes[i].parent] {
                inside[i] = true;
            }
            if inside[i] || self.dead[i] || dom.nodes[i].tag.is_empty() {
                continue;
            }
            let c = dom.nodes[i].attr("class").unwrap_or("").trim();
            if c.is_empty() || self.link_density(i) >= 0.5 {
                continue;
            }
            let same_container =
                c == top_class && dom.nodes[i].tag == dom.nodes[top].tag && self.tlen[i] >= 100;
            let same_paragraph = c == para_class && own[i] >= 80;
            if same_container || same_paragraph {
                inside[i] = true;
                added.push(i);
            }
        }
        if !added.is_empty() {
            parts.extend(added);
            parts.sort_unstable();
        }
    }

    fn initial_score(&self, c: NodeId) -> f64 {
        let node = &self.dom.nodes[c];
        let base = match node.tag.as_str() {
            "div" | "article" | "main" | "section" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        let ci = class_id(node);
        let mut w = class_weight(&ci);
        if is_body_class(&ci)
            || node
                .attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("articlebody"))
        {
            w += 25.0;
        }
        base + w
    }

    /// Readability's conditional cleaning: containers inside the article that
    /// look like link lists, forms or image galleries.
    fn drop_in_content(&self, i: NodeId) -> bool {
        let node = &self.dom.nodes[i];
        let tag = node.tag.as_str();
        if !matches!(
            tag,
            "div" | "section" | "ul" | "ol" | "table" | "form" | "fieldset" | "header" | "dl"
        ) {
            return false;
        }
        let ci = class_id(node);
        let weight = class_weight(&ci);
        let ld = self.link_density(i);
        if self.commas[i] >= 10 && ld < 0.5 {
            return false;
        }
        let p = self.pcount[i];
        let li = self.licount[i];
        let is_list = matches!(tag, "ul" | "ol");
        (weight < 25.0 && ld > 0.33 && !(is_list && ld < 0.5 && self.tlen[i] > 200))
            || (weight >= 25.0 && ld > 0.5)
            || (!is_list && li > p + 3 && ld > 0.2)
            || (tag == "header")
    }

    /// Writes the text of `root`'s subtree, block by block.
    fn write(&self, root: NodeId, out: &mut Writer) {
        let dom = self.dom;
        // (node, entering?)
        let mut stack = vec![(root, true)];
        while let Some((i, enter)) = stack.pop() {
            let node = &dom.nodes[i];
            if !enter {
                if !is_inline(&node.tag) {
                    out.flush();
                }
                continue;
            }
            if self.dead[i] {
                continue;
            }
            if node.is_text() {
                out.push(&node.text, self.in_link(i, root));
                continue;
            }
            if node.tag == "br" {
                out.flush();
                continue;
            }
            if i != root && self.drop_in_content(i) {
                continue;
            }
            if !is_inline(&node.tag) {
                out.flush();
            }
            stack.push((i, false));
            for &c in node.children.iter().rev() {
                stack.push((c, true));
            }
        }
    }

    fn in_link(&self, mut i: NodeId, root: NodeId) -> bool {
        while i != root && i != 0 {
            i = self.dom.nodes[i].parent;
            if self.dom.nodes[i].tag == "a" {
                return true;
            }
        }
        false
    }
}

fn sentence_like(dom: &Dom, i: NodeId) -> bool {
    let mut t = String::new();
    for d in dom.descendants(i) {
        if dom.nodes[d].is_text() {
            t.push_str(&dom.nodes[d].text);
        }
    }
    t.contains(". ") || t.trim_end().ends_with('.')
}

/// Collects paragraphs, dropping the ones that are mostly link text.
#[derive(Default)]
struct Writer {
    paragraphs: Vec<String>,
    cur: String,
    link_bytes: usize,
}

impl Writer {
    fn push(&mut self, text: &str, in_link: bool) {
        // Soft hyphens and zero-width characters only break words apart.
        let cleaned;
        let text = if text.contains(['\u{ad}', '\u{200b}', '\u{feff}']) {
            cleaned = text.replace(['\u{ad}', '\u{200b}', '\u{feff}'], "");
            cleaned.as_str()
        } else {
            text
        };
        for (k, word) in text.split_whitespace().enumerate() {
            let glue = k == 0 && !text.starts_with(char::is_whitespace);
            if !self.cur.is_empty() && !glue {
                self.cur.push(' ');
            }
            self.cur.push_str(word);
            if in_link {
                self.link_bytes += word.len();
            }
        }
        if text.ends_with(char::is_whitespace) && !self.cur.is_empty() && !self.cur.ends_with(' ') {
            self.cur.push(' ');
        }
    }

    fn flush(&mut self) {
        let p = self.cur.trim();
        if !p.is_empty() {
            let total = p.split_whitespace().map(str::len).sum::<usize>().max(1);
            let link_heavy = self.link_bytes * 2 > total;
            if !link_heavy && !is_boilerplate_line(p) {
                self.paragraphs.push(p.to_owned());
            }
        }
        self.cur.clear();
        self.link_bytes = 0;
    }
}

/// Short lines that sites put between paragraphs.
fn is_boilerplate_line(p: &str) -> bool {
    if p.len() > 90 {
        return false;
    }
    let l = p.to_lowercase();
    let l = l.trim_matches(|c: char| !c.is_alphanumeric());
    // "Posted: Fri 6:45 PM, Feb 16, 2018 |", "Updated 12:05 GMT": page metadata.
    let date_line = [
        "posted",
        "updated",
        "published",
        "last updated",
        "last modified",
    ]
    .iter()
    .find_map(|w| l.strip_prefix(w))
    .is_some_and(is_date_words);
    date_line
        || matches!(
            l,
            "advertisement"
                | "advert"
                | "tags"
                | "subscribe"
                | "advertisment"
                | "ad"
                | "sponsored"
                | "share"
                | "share this"
                | "share this article"
                | "share this story"
                | "read more"
                | "related"
                | "tweet"
                | "email"
                | "print"
                | "comments"
                | "continue reading"
                | "skip advertisement"
                | "story continues below advertisement"
                | "article continues below advertisement"
                | "continue reading below"
                | "scroll to continue with content"
                | "close"
        )
}

/// Short closing lines that point away from the article: newsletter and
/// subscription pitches, "follow us", "have a tip?", "contact the author".
fn is_trailing_promo(p: &str) -> bool {
    if p.len() > 250 {
        return false;
    }
    let l = p.to_lowercase();
    const CUES: &[&str] = &[
        "subscribe",
        "newsletter",
        "sign up",
        "follow us",
        "follow him",
        "follow her",
        "follow them",
        "have a tip",
        "got a tip",
        "may be reached at",
        "can be reached at",
        "contact the author",
        "click here",
        "related coverage",
    ];
    CUES.iter().any(|c| l.contains(c))
}

/// Whether `s` is only a date/time ("on Fri 6:45 PM, Feb 16, 2018 |",
/// ": 5 hours ago"), with at least one digit.
fn is_date_words(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "on",
        "at",
        "am",
        "pm",
        "a.m",
        "p.m",
        "gmt",
        "utc",
        "et",
        "est",
        "edt",
        "pt",
        "pst",
        "pdt",
        "bst",
        "cet",
        "ist",
        "pkt",
        "ago",
        "sec",
        "secs",
        "second",
        "seconds",
        "min",
        "mins",
        "minute",
        "minutes",
        "hr",
        "hrs",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        "of",
    ];
    let mut digit = false;
    let all = s
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | ':' | '-' | '/' | '.'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            if w.chars().any(|c| c.is_ascii_digit()) {
                digit = true;
                w.chars().all(|c| c.is_ascii_alphanumeric())
            } else {
                WORDS.contains(&w)
            }
        });
    all && digit
}
