//! Plain text as copied from news sites: one or more articles per file.
//!
//! Lines are classified (blank, chrome, caption, byline, date line, bullet,
//! separator, title-like, body), then grouped: a *zone* is a run of non-body
//! lines. The first zone is the first article's header; a later zone starts a
//! new article when it carries enough header evidence (a date line, a byline,
//! a headline repeated, site chrome together with a headline, a separator, two
//! blank lines before a headline, or a dateline opening the next paragraph).
//! Otherwise its lines stay in the body (a sub-head), chrome and captions
//! dropped.
//!
//! Per article: the headline (a repeated title-like line, else the first one
//! of three words or more), the publication moment (a "Published" line before
//! an "Updated" one; "… ago" resolved against the retrieval moment; with no
//! date line, the dateline's date, "KABUL, Oct 28 (Reuters) -"), the bullet
//! summary, the dateline, and the body: the original text from the first body
//! line to the last, with dropped lines cut out and nothing else changed.

use crate::header::{self, DateLabel, Stamp};
use crate::{Ctx, InputError, Reason};
use sitrep_model::Article;
use sitrep_text::dates::Moment;
use sitrep_text::normalize::clean_line;

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Chrome,
    Caption,
    Byline,
    Date(Vec<(DateLabel, Stamp)>),
    Bullet,
    Separator,
    Title,
    Body,
}

#[derive(Debug, Clone)]
struct Line {
    /// Byte range of the trimmed line in the text.
    start: usize,
    end: usize,
    /// Blank lines before this one.
    blanks_before: usize,
    kind: Kind,
}

fn is_separator(t: &str) -> bool {
    t.len() >= 3
        && t.chars().all(|c| {
            matches!(
                c,
                '-' | '*' | '_' | '=' | '#' | '~' | ' ' | '\u{2014}' | '\u{2013}'
            )
        })
        && t.chars().filter(|c| !c.is_whitespace()).count() >= 3
}

fn ends_sentence(t: &str) -> bool {
    let core = t.trim_end_matches(['"', '\'', ')', ']', '\u{201D}', '\u{2019}', ' ']);
    core.ends_with(['.', ';', ','])
}

fn classify(t: &str) -> Kind {
    if is_separator(t) {
        return Kind::Separator;
    }
    if header::is_chrome(t) {
        return Kind::Chrome;
    }
    if let Some(v) = header::parse_date_line(t) {
        return Kind::Date(v);
    }
    if header::is_caption(t) {
        return Kind::Caption;
    }
    if header::is_byline(t) {
        return Kind::Byline;
    }
    let first = t.chars().next().unwrap_or(' ');
    if matches!(
        first,
        '\u{2022}' | '\u{25CF}' | '\u{25AA}' | '\u{2023}' | '\u{25E6}' | '\u{00B7}'
    ) || ((first == '-' || first == '*') && t[1..].starts_with(' '))
    {
        return Kind::Bullet;
    }
    // Cheap tests first: most lines are long body paragraphs.
    if t.len() > 220 || ends_sentence(t) || first.is_lowercase() {
        return Kind::Body;
    }
    let words = t.split_whitespace().take(31).count();
    let title_like = words <= 30
        && t.chars().any(|c| c.is_alphabetic())
        && !(t.ends_with(['?', '!']) && words > 20)
        && header::parse_dateline(t).is_none();
    if title_like {
        Kind::Title
    } else {
        Kind::Body
    }
}

fn lines_of(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut blanks = 0;
    for raw in text.split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let content = raw.trim_end_matches(['\n', '\r']);
        let t = content.trim();
        if t.is_empty() {
            blanks += 1;
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        let s = start + lead;
        out.push(Line {
            start: s,
            end: s + t.len(),
            blanks_before: blanks,
            kind: classify(t),
        });
        blanks = 0;
    }
    out
}

/// One article's worth of lines: the header zone and the body lines (with
/// the lines to drop marked).
#[derive(Debug, Default)]
struct Group {
    header: Vec<usize>,
    body: Vec<usize>,
}

fn is_header_kind(k: &Kind) -> bool {
    !matches!(k, Kind::Body)
}

/// Splits the lines into article groups.
fn group(text: &str, lines: &[Line]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut cur = Group::default();
    let mut i = 0;
    let mut seen_body = false;
    while i < lines.len() {
        if !is_header_kind(&lines[i].kind) {
            cur.body.push(i);
            seen_body = true;
            i += 1;
            continue;
        }
        // A zone: maximal run of header-kind lines.
        let zs = i;
        while i < lines.len() && is_header_kind(&lines[i].kind) {
            i += 1;
        }
        let zone: Vec<usize> = (zs..i).collect();
        if !seen_body {
            cur.header.extend(zone);
            continue;
        }
        let next_body = lines.get(i).map(|l| &text[l.start..l.end]);
        if starts_article(text, lines, &zone, next_body) {
            groups.push(std::mem::take(&mut cur));
            cur.header = zone;
            seen_body = false;
        } else {
            cur.body.extend(zone);
        }
    }
    if !cur.header.is_empty() || !cur.body.is_empty() {
        groups.push(cur);
    }
    groups
}

fn norm_title(text: &str, l: &Line) -> String {
    clean_line(&text[l.start..l.end]).to_lowercase()
}

/// Whether a zone between two bodies opens a new article.
fn starts_article(text: &str, lines: &[Line], zone: &[usize], next_body: Option<&str>) -> bool {
    let mut score = 0;
    let mut has_title = false;
    let mut has_date = false;
    let mut titles: Vec<String> = Vec::new();
    let mut repeated = false;
    let mut chrome = 0;
    for &k in zone {
        let l = &lines[k];
        match &l.kind {
            Kind::Separator => return true,
            Kind::Date(_) => has_date = true,
            Kind::Byline => score += 2,
            Kind::Caption => score += 1,
            Kind::Chrome => chrome += 1,
            Kind::Title => {
                has_title = true;
                let n = norm_title(text, l);
                if titles.contains(&n) {
                    repeated = true;
                }
                titles.push(n);
                if l.blanks_before >= 2 {
                    score += 2;
                }
            }
            Kind::Bullet | Kind::Body => {}
        }
    }
    if has_date {
        score += 2;
    }
    if repeated {
        score += 2;
    }
    if chrome > 0 {
        score += 1;
    }
    if chrome > 1 {
        score += 1;
    }
    if has_title {
        score += 1;
    }
    if next_body.is_some_and(|b| header::parse_dateline(b).is_some()) {
        score += 2;
    }
    if !has_title && !has_date {
        return false;
    }
    // Headline-like lines alone (sub-heads, a fixtures list, a repeated line)
    // need a stronger cue: a dateline after them or two blank lines before.
    let only_titles = zone.iter().all(|&k| lines[k].kind == Kind::Title);
    if only_titles {
        let far = zone.iter().any(|&k| lines[k].blanks_before >= 2);
        let dl = next_body.is_some_and(|b| header::parse_dateline(b).is_some());
        return far || dl;
    }
    score >= 3
}

/// Reads a decoded plain-text input into its articles.
pub fn read_text(ctx: &Ctx, text: &str) -> Vec<Result<Article, InputError>> {
    let lines = lines_of(text);
    if lines.is_empty() {
        return vec![Err(ctx.err(None, Reason::Empty))];
    }
    let groups = group(text, &lines);
    let many = groups.len() > 1;
    let mut out = Vec::new();
    let mut n = 0;
    for g in &groups {
        let at = if many {
            Some(format!("#{}", n + 1))
        } else {
            None
        };
        match build(ctx, text, &lines, g) {
            Some(Ok(a)) => {
                n += 1;
                out.push(Ok(a))
            }
            Some(Err(r)) => {
                n += 1;
                out.push(Err(ctx.err(at, r)))
            }
            None => {}
        }
    }
    if out.is_empty() {
        out.push(Err(ctx.err(
            None,
            Reason::NoArticle(": only headlines, captions or site chrome".into()),
        )));
    }
    out
}

fn build(ctx: &Ctx, text: &str, lines: &[Line], g: &Group) -> Option<Result<Article, Reason>> {
    let slice = |k: usize| &text[lines[k].start..lines[k].end];
    // Headline.
    let titles: Vec<usize> = g
        .header
        .iter()
        .copied()
        .filter(|&k| lines[k].kind == Kind::Title)
        .collect();
    let mut title_idx = None;
    for (a, &k) in titles.iter().enumerate() {
        let n = norm_title(text, &lines[k]);
        if titles[a + 1..]
            .iter()
            .any(|&k2| norm_title(text, &lines[k2]) == n)
        {
            title_idx = Some(k);
            break;
        }
    }
    if title_idx.is_none() {
        title_idx = titles
            .iter()
            .copied()
            .find(|&k| slice(k).split_whitespace().count() >= 3)
            .or_else(|| titles.first().copied());
    }
    let title = title_idx.map(|k| header::collapse_ws(slice(k)));
    // Summary: bullets, and other long title-like lines (a standfirst).
    let mut summary: Vec<String> = Vec::new();
    for &k in &g.header {
        match lines[k].kind {
            Kind::Bullet => {
                let t = slice(k).trim_start_matches(|c: char| {
                    !c.is_alphanumeric() && !matches!(c, '"' | '\'' | '\u{201C}' | '\u{2018}')
                });
                let c = header::collapse_ws(t);
                if !c.is_empty() {
                    summary.push(c);
                }
            }
            Kind::Title if Some(k) != title_idx => {
                let c = header::collapse_ws(slice(k));
                let same_as_title = title
                    .as_deref()
                    .is_some_and(|t| clean_line(t).eq_ignore_ascii_case(&clean_line(&c)));
                if !same_as_title && c.split_whitespace().count() >= 6 {
                    summary.push(c);
                }
            }
            _ => {}
        }
    }
    // Publication moment.
    let mut published: Option<(DateLabel, Moment)> = None;
    for &k in &g.header {
        if let Kind::Date(stamps) = &lines[k].kind {
            for (label, stamp) in stamps {
                let m = match stamp {
                    Stamp::At(m) => *m,
                    Stamp::Ago(d) => Moment::from(sitrep_text::dates::ago_from(ctx.retrieved, *d)),
                };
                let better = match &published {
                    None => true,
                    Some((DateLabel::Updated, _)) => *label == DateLabel::Published,
                    Some(_) => false,
                };
                if better {
                    published = Some((*label, m));
                }
            }
        }
    }
    // Body: kept lines; a dateline within the first paragraphs marks the start.
    let body_lines: Vec<usize> = g.body.clone();
    let kept: Vec<usize> = body_lines
        .iter()
        .copied()
        .filter(|&k| matches!(lines[k].kind, Kind::Body | Kind::Title | Kind::Bullet))
        .collect();
    let mut start_at = 0;
    let mut dateline = None;
    for (p, &k) in kept.iter().enumerate().take(4) {
        if let Some(d) = header::parse_dateline(slice(k)) {
            dateline = Some(d);
            start_at = p;
            break;
        }
    }
    for &k in &kept[..start_at] {
        let c = header::collapse_ws(slice(k));
        if !c.is_empty() && title.as_deref() != Some(c.as_str()) {
            summary.push(c);
        }
    }
    let kept = &kept[start_at..];
    // Drop a headline repeated as the first body line.
    let kept: Vec<usize> = kept
        .iter()
        .copied()
        .enumerate()
        .filter(|&(p, k)| {
            !(p == 0
                && lines[k].kind == Kind::Title
                && title
                    .as_deref()
                    .is_some_and(|t| clean_line(slice(k)) == clean_line(t)))
        })
        .map(|(_, k)| k)
        .collect();
    if kept.is_empty() {
        if title.is_none() && summary.is_empty() {
            return None;
        }
        return Some(Err(Reason::NoArticle(format!(
            " (no body text under {})",
            title
                .as_deref()
                .map(|t| format!("headline {:?}", truncate(t, 60)))
                .unwrap_or_else(|| "the summary".into())
        ))));
    }
    let body = assemble(text, lines, &kept);
    if let Err(r) = ctx.check_size("article", body.len()) {
        return Some(Err(r));
    }
    // No date line: the dateline's date ("KABUL, Oct 28 (Reuters) -").
    let published = published
        .map(|(_, m)| m)
        .or_else(|| dateline.as_ref()?.day(ctx.retrieved.date_naive()))
        .map(|m| m.to_iso());
    let id = sitrep_model::stable_id(&["text", title.as_deref().unwrap_or(""), &body]);
    let publisher = dateline.as_ref().and_then(|d| d.agency.clone());
    Some(Ok(ctx.finish(Article {
        id,
        input: ctx.input.clone(),
        title,
        published,
        dateline: dateline.and_then(|d| d.place),
        url: None,
        publisher,
        summary,
        text: body,
    })))
}

fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The original text from the first kept line to the last, with dropped lines
/// (and the line breaks before them) cut out. `kept` is in line order.
fn assemble(text: &str, lines: &[Line], kept: &[usize]) -> String {
    let line_start = |pos: usize| text[..pos].rfind('\n').map(|p| p + 1).unwrap_or(0);
    let mut out = String::new();
    for (n, &k) in kept.iter().enumerate() {
        let l = &lines[k];
        if n > 0 {
            let p = kept[n - 1];
            let pe = lines[p].end;
            if k == p + 1 {
                out.push_str(&text[pe..l.start]);
            } else {
                let dropped_start = line_start(lines[p + 1].start).max(pe);
                out.push_str(text[pe..dropped_start].trim_end_matches([' ', '\t']));
                out.push_str(&text[line_start(l.start).max(pe)..l.start]);
            }
        }
        out.push_str(&text[l.start..l.end]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ReadOptions;
    use chrono::{TimeZone, Utc};

    fn ctx() -> Ctx {
        Ctx {
            input: "t.txt".into(),
            retrieved: Utc.with_ymd_and_hms(2026, 2, 1, 12, 0, 0).unwrap(),
            opts: ReadOptions::default(),
        }
    }

    fn read(t: &str) -> Vec<Article> {
        read_text(&ctx(), t)
            .into_iter()
            .map(|r| r.unwrap())
            .collect()
    }

    const TWO: &str = "Troops repel raid on \u{2018}Zhob\u{2019} post \u{2014} army\n\nSoldiers stand near a checkpost in Zhob district on March 3, 2025. (AFP/File)\nShort Url\nUpdated 04 March 2025\nFollow\n\nTroops repel raid on \u{2018}Zhob\u{2019} post \u{2014} army\n\n  \u{2022} Four attackers killed, military says\n  \u{2022} Two soldiers wounded in the exchange of fire\n\nZHOB: Pakistani troops repelled an attack on a border post in Zhob on Monday, killing four militants, the military said.\n\n\u{201C}The attackers fled,\u{201D} an official said. \u{201C}We chased them.\u{201D}\n\nSECOND WAVE\n\nTwo soldiers were wounded in the exchange of fire.\u{a0}\n\n\nGunmen kidnap engineer in Khyber\n\nUpdated 2 hours ago\nFollow\n\nGunmen kidnap engineer in Khyber\n\nPESHAWAR: Unidentified gunmen abducted an engineer in Khyber district on Tuesday, police said.\n\nA search operation was under way.\n";

    #[test]
    fn splits_two_copied_articles() {
        let a = read(TWO);
        assert_eq!(a.len(), 2);
        assert_eq!(
            a[0].title.as_deref(),
            Some("Troops repel raid on \u{2018}Zhob\u{2019} post \u{2014} army")
        );
        assert_eq!(a[0].published.as_deref(), Some("2025-03-04"));
        assert_eq!(a[0].dateline.as_deref(), Some("ZHOB"));
        assert_eq!(
            a[0].summary,
            vec![
                "Four attackers killed, military says",
                "Two soldiers wounded in the exchange of fire"
            ]
        );
        assert!(a[0].text.starts_with("ZHOB: Pakistani troops"));
        assert!(a[0].text.contains("\n\nSECOND WAVE\n\n"), "{}", a[0].text);
        assert!(
            a[0].text.ends_with("exchange of fire.\u{a0}")
                || a[0].text.ends_with("exchange of fire.")
        );
        assert!(
            !a[0].text.contains("AFP/File")
                && !a[0].text.contains("Short Url")
                && !a[0].text.contains("Follow")
        );
        assert_eq!(
            a[1].title.as_deref(),
            Some("Gunmen kidnap engineer in Khyber")
        );
        assert_eq!(a[1].published.as_deref(), Some("2026-02-01T10:00:00Z"));
        assert_eq!(a[1].dateline.as_deref(), Some("PESHAWAR"));
        assert_eq!(a[1].text, "PESHAWAR: Unidentified gunmen abducted an engineer in Khyber district on Tuesday, police said.\n\nA search operation was under way.");
        assert_ne!(a[0].id, a[1].id);
    }

    #[test]
    fn bare_body_without_headline() {
        let a = read("QUETTA: A bomb exploded near a market on Sunday, killing two people.\n\nPolice said the device was planted on a motorcycle.\n");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].title, None);
        assert_eq!(a[0].published, None);
        assert_eq!(a[0].dateline.as_deref(), Some("QUETTA"));
        assert!(a[0].text.ends_with("motorcycle."));
    }

    #[test]
    fn byline_published_and_reuters_opener() {
        let t = "Blast hits convoy in North Waziristan\nBy Staff Reporter | Reuters\nPublished: Tuesday 28 Oct 2025 10:32 GMT\n\nMIRANSHAH, Pakistan (Reuters) - A roadside bomb struck a military convoy on Tuesday, killing three soldiers, officials said.\n\nNo group claimed responsibility.\n\n(Reporting by A. Writer; Editing by An Editor)\n";
        let a = read(t);
        assert_eq!(a.len(), 1);
        assert_eq!(
            a[0].title.as_deref(),
            Some("Blast hits convoy in North Waziristan")
        );
        assert_eq!(a[0].published.as_deref(), Some("2025-10-28T10:32:00Z"));
        assert_eq!(a[0].dateline.as_deref(), Some("MIRANSHAH, Pakistan"));
        assert_eq!(a[0].publisher.as_deref(), Some("Reuters"));
        assert!(a[0].text.ends_with("No group claimed responsibility."));
    }

    #[test]
    fn single_newline_paragraphs_and_subheads_stay_in_one_article() {
        let t = "Police kill suspects in Karachi raid\nKARACHI: Police said they killed two suspects in a raid on Friday.\nThe suspects had fired at officers.\nBACKGROUND\nThe city has seen a rise in such raids.\n";
        let a = read(t);
        assert_eq!(a.len(), 1, "{a:?}");
        assert!(a[0].text.contains("BACKGROUND"));
    }

    #[test]
    fn chrome_only_is_an_error_not_a_panic() {
        let r = read_text(&ctx(), "Short Url\nFollow\nShare\n");
        assert_eq!(r.len(), 1);
        assert!(r[0].is_err());
    }

    #[test]
    fn published_flag_fills_missing_date() {
        let mut c = ctx();
        c.opts.published = chrono::NaiveDate::from_ymd_opt(2024, 5, 6);
        let r = read_text(&c, "Some body text that says something happened.");
        assert_eq!(
            r[0].as_ref().unwrap().published.as_deref(),
            Some("2024-05-06")
        );
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn never_panics_and_texts_come_from_input(s in "(\\PC{0,30}\\n{0,3}){0,20}") {
                for a in read_text(&ctx(), &s).into_iter().flatten() {
                    prop_assert!(!a.text.is_empty());
                    for line in a.text.lines() {
                        prop_assert!(s.contains(line.trim()));
                    }
                }
            }

            #[test]
            fn news_shaped_input_never_panics(parts in proptest::collection::vec(prop_oneof![
                Just("Short Url".to_string()), Just("Follow".to_string()), Just("Updated 5 sec ago".to_string()),
                Just("Updated 28 October 2025".to_string()), Just("  \u{2022} A bullet line".to_string()),
                Just("QUETTA: Body text here.".to_string()), Just("Headline about things".to_string()),
                Just("Body sentence that ends.".to_string()), Just("".to_string()), Just("---".to_string()),
                Just("A caption here (AFP/File)".to_string()), Just("By Some Writer".to_string()),
            ], 0..30)) {
                let s = parts.join("\n");
                let r = read_text(&ctx(), &s);
                prop_assert!(!r.is_empty());
            }
        }
    }
}
