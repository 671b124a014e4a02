//! Tests of HTML extraction on hand-written pages (never real news pages).

use super::*;
use proptest::prelude::*;
use std::time::{Duration, Instant};

const NEWS_PAGE: &str = include_str!("testdata/news_page.html");

#[test]
fn news_page_body_without_chrome() {
    let doc = extract(NEWS_PAGE, Some("https://courier.example/r?id=1")).expect("article");
    let paras: Vec<&str> = doc.text.split("\n\n").collect();
    assert_eq!(
        paras.first().copied(),
        Some(
            "NORTH BANK: Gunmen attacked a supply convoy near the old river crossing on Tuesday, \
             killing four drivers and wounding six others, district officials said."
        )
    );
    for want in [
        "The convoy of eleven trucks",
        "No group has claimed responsibility.",
        "\u{201c}We will not let the roads close again,\u{201d} the district commissioner",
        "The crossing has seen at least three similar attacks this year.",
        "Traffic resumed by the afternoon.",
    ] {
        assert!(
            doc.text.contains(want),
            "missing {want:?} in {:?}",
            doc.text
        );
    }
    for junk in [
        "Home",
        "Advertisement",
        "Buy cheap flights",
        "Related stories",
        "Bridge reopens",
        "Reader one",
        "Comments",
        "Most read",
        "All rights reserved",
        "Share on social media",
        "earlier photo",
        "By Staff Reporter",
        "not text",
        "height: 250px",
        // The headline is metadata, not body.
        "officials say\n",
    ] {
        assert!(
            !doc.text.contains(junk),
            "chrome {junk:?} leaked into {:?}",
            doc.text
        );
    }
    // <br> starts a new paragraph; paragraphs are blank-line separated.
    assert_eq!(paras.len(), 6, "{paras:#?}");
    assert!(!doc.text.contains("\n\n\n") && doc.text.trim() == doc.text);
}

#[test]
fn news_page_metadata() {
    let doc = extract(NEWS_PAGE, Some("https://courier.example/r?id=1")).expect("article");
    assert_eq!(
        doc.title.as_deref(),
        Some("Convoy ambushed near river crossing, officials say")
    );
    // JSON-LD datePublished wins over article:modified_time and <time>.
    assert_eq!(doc.published.as_deref(), Some("2031-04-02T07:45:00+03:00"));
    assert_eq!(
        doc.canonical_url.as_deref(),
        Some("https://courier.example/news/2031/convoy-ambushed")
    );
    assert_eq!(doc.publisher.as_deref(), Some("The Valley Courier"));
}

#[test]
fn metadata_fallbacks() {
    let html = "<html><head><title>Dam breach floods two villages - Hill Post</title>\
        <link rel=canonical href='https://hill.example/dam'>\
        <meta name=pubdate content='2030-07-09 06:30'></head><body><div class=content>\
        <p>Water from the breached dam flooded two villages overnight, forcing hundreds of families \
        to leave their homes, the district office said on Wednesday morning.</p>\
        <p>Rescue teams used boats to reach people stranded on rooftops, and no deaths had been \
        reported by noon, officials said in a short statement to reporters.</p></div></body></html>";
    let doc = extract(html, Some("https://hill.example/x")).expect("article");
    assert_eq!(doc.title.as_deref(), Some("Dam breach floods two villages"));
    assert_eq!(doc.published.as_deref(), Some("2030-07-09T06:30:00"));
    assert_eq!(
        doc.canonical_url.as_deref(),
        Some("https://hill.example/dam")
    );
    assert_eq!(doc.publisher, None);
    assert!(doc.text.starts_with("Water from the breached dam"));
    assert!(doc.text.contains("\n\nRescue teams used boats"));
}

#[test]
fn fetch_url_is_the_fallback_canonical_url() {
    let html =
        "<p>Three people were hurt when a market stall caught fire in the old town on Friday, \
        the fire brigade said, adding that the blaze was put out within an hour.</p>";
    let doc = extract(html, Some("https://town.example/fire")).expect("article");
    assert_eq!(
        doc.canonical_url.as_deref(),
        Some("https://town.example/fire")
    );
    assert_eq!(doc.title, None);
    assert!(doc.text.starts_with("Three people were hurt"));
}

#[test]
fn article_split_over_same_class_containers_is_gathered_in_order() {
    let para = |n: usize| {
        format!(
            "<p>Paragraph {n} of the report says that the council met again on Monday, and that \
             the vote on the new budget, delayed twice, was held late in the evening.</p>"
        )
    };
    let html = format!(
        "<body><div class=chunk><div class='article-part'>{}{}</div></div>\
         <div class=promo-box><a href=/1>Other story one</a><a href=/2>Other story two</a></div>\
         <div class=chunk><div class='article-part'>{}{}{}</div></div></body>",
        para(1),
        para(2),
        para(3),
        para(4),
        para(5)
    );
    let doc = extract(&html, None).expect("article");
    let order: Vec<usize> = (1..=5)
        .map(|n| {
            doc.text
                .find(&format!("Paragraph {n} "))
                .expect("paragraph present")
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(!doc.text.contains("Other story"));
}

#[test]
fn duplicated_copy_is_not_repeated() {
    let body = "<p>Officials said the curfew would be lifted on Thursday after two calm nights \
        in the city, but that checkpoints on the main roads would stay in place.</p>\
        <p>Shops reopened in the morning and buses ran again on most routes, residents said.</p>";
    let html = format!(
        "<body><div class=story-text>{body}</div><div class=story-text>{body}</div></body>"
    );
    let doc = extract(&html, None).expect("article");
    assert_eq!(doc.text.matches("Officials said the curfew").count(), 1);
}

#[test]
fn pages_without_article_are_no_article() {
    for html in [
        "",
        "   \n",
        "<html><head><title>Index</title></head><body></body></html>",
        "<nav><a href=/a>World</a> <a href=/b>Sport</a></nav><footer>(c) 2030 Example</footer>",
        "<ul><li><a href=/1>First headline on the index page here</a></li>\
         <li><a href=/2>Second headline on the index page here</a></li></ul>",
        "<script>var a = '<p>looks like text but is code, with commas, and more commas</p>';</script>",
    ] {
        assert_eq!(extract(html, None), Err(HtmlError::NoArticle), "{html:?}");
    }
}

#[test]
fn deep_nesting_returns_in_bounded_time() {
    let text = "Hundreds of people marched through the capital on Sunday, demanding the release \
        of detained protesters, witnesses said.";
    for open in [
        "<div>",
        "<span>",
        "<p>",
        "<table><tr><td>",
        "<ul><li>",
        "<b><i>",
    ] {
        let html = format!("{}{text}", open.repeat(10_000));
        let start = Instant::now();
        let doc = extract(&html, None);
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{open}: {:?}",
            start.elapsed()
        );
        assert_eq!(doc.map(|d| d.text).as_deref(), Ok(text), "{open}");
    }
    // Deep nesting with closing tags as well.
    let html = format!(
        "{}<p>{text}</p>{}",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let start = Instant::now();
    assert_eq!(extract(&html, None).map(|d| d.text).as_deref(), Ok(text));
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn huge_page_is_linear() {
    let para = "<p>The committee heard evidence from residents, engineers and officials, and will \
        report its findings to parliament before the end of the session.</p>\n";
    let page = |n: usize| {
        format!(
            "<html><body><div class=body>{}</div></body></html>",
            para.repeat(n)
        )
    };
    let time = |n: usize| {
        let html = page(n);
        let start = Instant::now();
        let doc = extract(&html, None).expect("article");
        assert_eq!(doc.text.matches("The committee heard").count(), n);
        start.elapsed()
    };
    let small = time(2_500);
    let big = time(20_000); // 2.7 MB
                            // Eight times the input: linear work takes about eight times as long; a
                            // quadratic step would take sixty-four times as long.
    assert!(
        big < small * 24 + Duration::from_millis(500),
        "{small:?} -> {big:?}"
    );
}

#[test]
fn unclosed_constructs_do_not_swallow_or_panic() {
    for html in [
        "<p>Fighting resumed in the north overnight, residents said, as talks stalled again.<!-- never closed",
        "<p>Fighting resumed in the north overnight, residents said, as talks stalled again.</p><script>never closed",
        "<p>Fighting resumed in the north overnight, residents said, as talks stalled again.</p><div class='x",
        "<p>Fighting resumed in the north overnight, residents said, as talks stalled again.</p><",
        "<p>Fighting resumed in the north overnight, residents said, as talks stalled again.</p>&#xFFFFFFFFFF;&#0;&",
    ] {
        let doc = extract(html, None).expect("article");
        assert!(doc.text.starts_with("Fighting resumed"), "{html:?} -> {:?}", doc.text);
    }
}

#[test]
fn entities_and_inline_markup_join_correctly() {
    let html = "<div class=article-body><p>Caf&eacute; owners in Gen&egrave;ve&nbsp;said \
        <b>prices</b> rose, and <a href=/x>one</a> owner said the <i>ban</i>k was closed, \
        while others waited for news from the ministry about new rules.</p></div>";
    let doc = extract(html, None).expect("article");
    assert_eq!(
        doc.text,
        "Café owners in Genève said prices rose, and one owner said the bank was closed, \
         while others waited for news from the ministry about new rules."
    );
}

/// Tag soup from a small vocabulary, so that structure (not just bytes) is fuzzed.
fn soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<div>".to_owned()),
        Just("</div>".to_owned()),
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("<a href='/x'>".to_owned()),
        Just("</a>".to_owned()),
        Just("<li>".to_owned()),
        Just("<table><tr><td>".to_owned()),
        Just("</td></tr></table>".to_owned()),
        Just("<script>".to_owned()),
        Just("</script>".to_owned()),
        Just("<!--".to_owned()),
        Just("-->".to_owned()),
        Just("<br/>".to_owned()),
        Just("<div class=\"comments\">".to_owned()),
        Just("<article class=story-body>".to_owned()),
        Just(
            "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"datePublished\":"
                .to_owned()
        ),
        Just("&amp;&#x1F600;&bogus;&#".to_owned()),
        Just("Soldiers, police and residents said the road was closed. ".to_owned()),
        "[^<>&]{0,40}",
        ".{0,10}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_any_string(s in ".{0,2000}") {
        check_output(&s);
    }

    #[test]
    fn never_panics_on_lossy_bytes(b in prop::collection::vec(any::<u8>(), 0..2000)) {
        check_output(&String::from_utf8_lossy(&b));
    }

    #[test]
    fn never_panics_on_tag_soup(s in soup()) {
        check_output(&s);
    }
}

/// Whatever the input, the result is either NoArticle or tidy text.
fn check_output(html: &str) {
    match extract(html, Some("https://example.invalid/")) {
        Ok(doc) => {
            assert!(!doc.text.is_empty());
            assert_eq!(doc.text.trim(), doc.text);
            assert!(!doc.text.contains("\n\n\n"));
            assert!(doc
                .text
                .split("\n\n")
                .all(|p| !p.is_empty() && !p.contains('\n')));
        }
        Err(e) => assert_eq!(e, HtmlError::NoArticle),
    }
}

#[test]
fn embedded_posts_stay_and_closing_promos_go() {
    let html = "<div class=story-body>\
        <p>The ministry denied on Friday that its forces had shelled the border village, calling \
        the reports fabricated, while local officials said two houses were destroyed.</p>\
        <div class='social-media-embed'><blockquote class='twitter-tweet'><p>Two houses hit in the \
        village this morning, families evacuated to the school.</p></blockquote></div>\
        <p>Independent verification of the claims was not possible, and both sides have traded \
        accusations of violating the truce since it took effect last month.</p>\
        <p>Get the latest updates in your inbox. Subscribe to our daily newsletter.</p></div>";
    let doc = extract(html, None).expect("article");
    assert!(
        doc.text
            .contains("Two houses hit in the village this morning"),
        "{:?}",
        doc.text
    );
    assert!(
        doc.text.ends_with("since it took effect last month."),
        "{:?}",
        doc.text
    );
}

#[test]
fn metadata_whitespace_is_collapsed_and_bad_json_ld_ignored() {
    let html = "<head><meta property='og:title' content='  Talks resume\n   in the capital '>\
        <script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": </script>\
        <script type='application/ld+json'>[{\"@type\": [\"NewsArticle\"], \"datePublished\": \"2030-01-05\",\
        \"publisher\": [{\"name\": \" Hill  Post \"}], \"mainEntityOfPage\": {\"@id\": \"https://hill.example/talks\"}}]</script>\
        </head><body><p>Negotiators from both sides met again on Sunday, the first round of talks \
        since the ceasefire collapsed in the autumn, mediators said.</p></body>";
    let doc = extract(html, None).expect("article");
    assert_eq!(doc.title.as_deref(), Some("Talks resume in the capital"));
    assert_eq!(doc.published.as_deref(), Some("2030-01-05"));
    assert_eq!(doc.publisher.as_deref(), Some("Hill Post"));
    assert_eq!(
        doc.canonical_url.as_deref(),
        Some("https://hill.example/talks")
    );
}

#[test]
fn date_lines_leave_but_sentences_about_updates_stay() {
    let html = "<div class=article-body><p>Posted: Fri 6:45 PM, Feb 16, 2031 |</p>\
        <p>Updated: 5 hours ago</p>\
        <p>Updated at 9 am: 12 killed.</p>\
        <p>Updated figures from the health ministry show 12 people were killed in the blast.</p>\
        <p>The ministry said the wounded were taken to two hospitals in the city centre, where \
        doctors described the condition of several of them as critical on Saturday.</p>\
        <p>Tags</p><p>Advert</p></div>";
    let doc = extract(html, None).expect("article");
    assert!(
        doc.text
            .starts_with("Updated at 9 am: 12 killed.\n\nUpdated figures from the health ministry"),
        "{:?}",
        doc.text
    );
    assert!(
        doc.text.ends_with("critical on Saturday."),
        "{:?}",
        doc.text
    );
}

#[test]
fn soft_hyphens_do_not_split_words() {
    let html =
        "<p>Shelling hit Kram&shy;atorsk and Sla&#8203;viansk overnight, regional officials \
        said on Monday, adding that rescue work continued through the morning.</p>";
    let doc = extract(html, None).expect("article");
    assert!(
        doc.text
            .starts_with("Shelling hit Kramatorsk and Slaviansk overnight"),
        "{:?}",
        doc.text
    );
}

#[test]
fn relative_canonical_urls_are_resolved_against_the_fetch_url() {
    let body = "<p>Police said the checkpoint came under fire late on Tuesday, and that two \
        officers were wounded in the exchange that followed.</p>";
    let page = |href: &str| format!("<head><link rel=canonical href='{href}'></head>{body}");
    let base = Some("https://news.example/world/item?id=7");
    let canon =
        |href: &str, base: Option<&str>| extract(&page(href), base).expect("article").canonical_url;
    assert_eq!(
        canon("/world/checkpoint", base).as_deref(),
        Some("https://news.example/world/checkpoint")
    );
    assert_eq!(
        canon("//news.example/c", base).as_deref(),
        Some("https://news.example/c")
    );
    assert_eq!(
        canon("//news.example/c", None).as_deref(),
        Some("https://news.example/c")
    );
    assert_eq!(
        canon("/world/checkpoint", None).as_deref(),
        Some("/world/checkpoint")
    );
    assert_eq!(
        canon("https://other.example/x", base).as_deref(),
        Some("https://other.example/x")
    );
    assert_eq!(
        canon("/x", Some("https://host.example")).as_deref(),
        Some("https://host.example/x")
    );
}
