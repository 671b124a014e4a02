//! `sitrep articles` through the real binary: every input format, bad input,
//! stdin, exit codes. Fixtures under `tests/fixtures/ingest/` and `examples/`
//! were written for the project; bad inputs are generated in a temp dir.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_sitrep")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    Command::new(bin())
        .arg("articles")
        .args(args)
        .output()
        .expect("run sitrep")
}

fn rows(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("stdout line is JSON"))
        .collect()
}

/// Gzip through the system `gzip` (no extra dev-dependency).
fn gzip(data: &[u8], level: &str) -> Vec<u8> {
    let mut child = Command::new("gzip")
        .args(["-c", "-n", level])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("gzip on PATH");
    let mut stdin = child.stdin.take().unwrap();
    let data = data.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out.stdout
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v[k].as_str().unwrap_or("")
}

#[test]
fn copied_page_text_splits_into_clean_articles() {
    let f = fixture("two_copied.txt");
    let out = run(&["--now", "2026-02-01T12:00:00Z", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let a = rows(&out);
    assert_eq!(a.len(), 2);
    assert_eq!(
        s(&a[0], "title"),
        "Pakistan seeks \u{2018}firm guarantees\u{2019} from Kabul as border talks drag on \u{2014} officials"
    );
    assert_eq!(s(&a[0], "published"), "2025-11-04");
    assert_eq!(s(&a[0], "dateline"), "ISLAMABAD");
    assert_eq!(
        s(&a[1], "title"),
        "Militants storm checkpost in Zhob, four soldiers killed"
    );
    assert_eq!(s(&a[1], "published"), "2026-02-01T11:59:55Z");
    assert_eq!(s(&a[1], "dateline"), "QUETTA");
    assert_eq!(a[1]["summary"].as_array().map(Vec::len), Some(2));
    for art in &a {
        let t = s(art, "text");
        for bad in [
            "Short Url",
            "Follow",
            "AFP/File",
            "(Reuters)",
            "Updated",
            "\u{2022}",
        ] {
            assert!(!t.contains(bad), "{bad:?} left in text: {t}");
        }
        assert!(!t.contains(s(art, "title")), "headline repeated in text");
        assert_eq!(s(art, "input"), f.to_str().unwrap());
    }
    assert!(s(&a[0], "text").starts_with("ISLAMABAD: Pakistan wants"));
    assert!(s(&a[0], "text").ends_with("few levers in Kabul."));
    assert!(s(&a[1], "text").ends_with("with Dera Ismail Khan."));
    // The body is the original text: the curly quotes are kept as written.
    assert!(s(&a[0], "text").contains("\u{201C}firm and verifiable guarantees\u{201D}"));
}

#[test]
fn without_now_the_file_time_resolves_ago_lines_and_ids_are_stable() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("copy.txt");
    std::fs::copy(fixture("two_copied.txt"), &p).unwrap();
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_767_225_600); // 2026-01-01T00:00:00Z
    std::fs::File::options()
        .write(true)
        .open(&p)
        .unwrap()
        .set_modified(t)
        .unwrap();
    let first = rows(&run(&[p.to_str().unwrap()]));
    assert_eq!(s(&first[1], "published"), "2025-12-31T23:59:55Z");
    let again = rows(&run(&[p.to_str().unwrap()]));
    assert_eq!(first, again);
    assert_ne!(s(&first[0], "id"), s(&first[1], "id"));
}

#[test]
fn jsonl_keeps_good_lines_and_names_bad_ones() {
    let f = fixture("mixed.jsonl");
    let out = run(&[f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let a = rows(&out);
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(s(&a[0], "id"), "w-1");
    assert_eq!(s(&a[0], "publisher"), "Sample Wire");
    assert_eq!(s(&a[0], "dateline"), "KHAR");
    assert_eq!(s(&a[1], "dateline"), "KABUL");
    assert_eq!(s(&a[1], "publisher"), "Reuters");
    let err = stderr(&out);
    assert!(
        err.contains(&format!("sitrep: {}:2: invalid JSON", f.display())),
        "{err}"
    );
    assert!(err.contains(":5: no \"text\""), "{err}");
}

#[test]
fn feeds_html_and_warc_examples() {
    let out = run(&[example("frontier_feed.rss").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let a = rows(&out);
    assert_eq!(a.len(), 2);
    assert_eq!(s(&a[0], "publisher"), "Frontier Wire");
    assert_eq!(s(&a[0], "published"), "2025-11-24T14:20:00+05:00");
    assert!(s(&a[0], "text").starts_with("DOHA: Pakistan and Afghanistan agreed"));
    assert!(
        !s(&a[1], "text").contains("AFP/File"),
        "figure caption kept"
    );

    let out = run(&[fixture("atom.xml").to_str().unwrap()]);
    let a = rows(&out);
    assert_eq!(a.len(), 1);
    assert_eq!(s(&a[0], "url"), "https://valley.example.org/kurram-truce");
    assert_eq!(s(&a[0], "dateline"), "PARACHINAR");

    let out = run(&[example("crawl.warc.gz").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let a = rows(&out);
    assert_eq!(a.len(), 2, "only the two HTML 200 responses are articles");
    assert_eq!(
        s(&a[0], "url"),
        "https://metro.example.org/2025/11/26/dial-police-station"
    );
    assert!(s(&a[0], "text").contains("DERA ISMAIL KHAN: Police repulsed"));
    assert!(!s(&a[0], "text").contains("Most read"));
    // No date in the second page: the WARC-Date stands in.
    assert!(s(&a[1], "published").starts_with("2025-11-27"));

    let out = run(&[example("kurram_clash.html").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let a = rows(&out);
    assert_eq!(a.len(), 1);
    assert!(s(&a[0], "text").contains("PARACHINAR: At least seven people were killed"));
    assert!(!s(&a[0], "text").contains("Be the first to comment"));
}

#[test]
fn the_examples_folder_reads_cleanly() {
    let out = run(&[example("").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let a = rows(&out);
    assert!(a.len() >= 10, "{} articles", a.len());
    let ids: std::collections::BTreeSet<&str> = a.iter().map(|x| s(x, "id")).collect();
    assert_eq!(ids.len(), a.len(), "ids are unique");
}

#[test]
fn bad_inputs_are_named_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a_empty.txt"), b"").unwrap();
    std::fs::write(
        d.join("b_junk.bin"),
        (0u8..=255).cycle().take(5000).collect::<Vec<u8>>(),
    )
    .unwrap();
    let gz = gzip(
        &b"LAHORE: Police said two men were arrested on Monday.\n".repeat(500),
        "-6",
    );
    std::fs::write(d.join("c_truncated.txt.gz"), &gz[..gz.len() / 2]).unwrap();
    std::fs::write(d.join("d_good.txt.gz"), &gz).unwrap();
    std::fs::write(
        d.join("e_latin1.txt"),
        b"KARACHI: The caf\xe9 owner said three men were hurt on Sunday.\n",
    )
    .unwrap();
    std::fs::copy(fixture("broken.rss"), d.join("f_broken.rss")).unwrap();
    std::fs::copy(fixture("no_article.html"), d.join("g_no_article.html")).unwrap();
    let out = run(&[d.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let a = rows(&out);
    let inputs: Vec<&str> = a.iter().map(|x| s(x, "input")).collect();
    assert!(
        inputs.iter().any(|i| i.ends_with("d_good.txt.gz")),
        "{inputs:?}"
    );
    let latin = a
        .iter()
        .find(|x| s(x, "input").ends_with("e_latin1.txt"))
        .expect("latin-1 file read");
    assert!(s(latin, "text").contains("caf\u{e9}"));
    assert!(
        inputs.iter().any(|i| i.ends_with("f_broken.rss")),
        "items before the break are kept"
    );
    for (name, why) in [
        ("a_empty.txt", "empty input"),
        ("b_junk.bin", "binary"),
        ("c_truncated.txt.gz", "truncated gzip"),
        ("f_broken.rss", "broken XML"),
        ("g_no_article.html", "HTML"),
    ] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("sitrep: ") && l.contains(name) && l.contains(why)),
            "no {why:?} error for {name}:\n{err}"
        );
    }
}

#[test]
fn decompression_bomb_and_oversized_article_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bomb.txt.gz"),
        gzip(&vec![b' '; 300 << 20], "-9"),
    )
    .unwrap();
    let out = run(&[dir.path().join("bomb.txt.gz").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("decompression bomb"),
        "{}",
        stderr(&out)
    );

    let big = format!(
        "{{\"text\": \"{}\"}}\n{{\"text\": \"QUETTA: small one.\"}}\n",
        "a".repeat(51 * 1024 * 1024)
    );
    std::fs::write(dir.path().join("big.jsonl"), big).unwrap();
    let out = run(&[dir.path().join("big.jsonl").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("over the"), "{}", stderr(&out));
    assert_eq!(rows(&out).len(), 1);
}

#[test]
fn stdin_and_json_array_output() {
    let mut child = Command::new(bin())
        .args(["articles", "--format", "json", "--published", "2025-11-01"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            b"Headline about a raid\n\nSWAT: Police raided a compound on Friday, officials said.\n",
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 1);
    assert_eq!(s(&arr[0], "input"), "-");
    assert_eq!(s(&arr[0], "title"), "Headline about a raid");
    assert_eq!(s(&arr[0], "published"), "2025-11-01");
    assert_eq!(s(&arr[0], "dateline"), "SWAT");
}

#[test]
fn usage_errors_exit_2() {
    let out = run(&[
        "--now",
        "not-a-date",
        fixture("two_copied.txt").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&[
        "--format",
        "csv",
        fixture("two_copied.txt").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["/no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("sitrep: /no/such/file.txt: cannot read"));
}

#[test]
fn seed_file_reads_as_two_articles() {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/000_9c0721aa9306303c.txt");
    if !seed.exists() {
        eprintln!(
            "SKIP seed_file_reads_as_two_articles: {} is absent (../shared not mounted)",
            seed.display()
        );
        return;
    }
    let out = run(&["--now", "2026-02-01T12:00:00Z", seed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let a = rows(&out);
    assert_eq!(a.len(), 2);
    assert!(s(&a[0], "title").contains("last-ditch"));
    assert!(s(&a[1], "title").contains("combing for perpetrators"));
    assert_eq!(s(&a[0], "published"), "2025-10-28");
    assert_eq!(s(&a[1], "published"), "2026-02-01T11:59:55Z");
    assert_eq!(s(&a[0], "dateline"), "ISLAMABAD");
    assert_eq!(s(&a[1], "dateline"), "QUETTA");
    for art in &a {
        let t = s(art, "text");
        assert!(!t.contains("Short Url") && !t.contains("(AFP/File)") && !t.contains("\u{2022}"));
        assert!(!t.contains(s(art, "title")));
    }
}

/// A date in the dateline sets `published` when no date line does; a missing
/// year comes from the retrieval time (`--now`, else the file's mtime) and is
/// never in the future. Text, HTML and JSONL alike.
#[test]
fn dateline_dates_set_published_when_nothing_else_does() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("wire.txt");
    std::fs::write(
        &txt,
        "Convoy ambushed near Jalalabad\n\n\
         KABUL, Oct 28 (Reuters) - Gunmen ambushed a police convoy near Jalalabad on Monday, killing three officers, officials said.\n\n\
         The Taliban did not comment.\n\n\n\
         Army says talks resume\n\n\
         ISLAMABAD, October 20, 2025: The military said on Sunday that talks with elders would resume this week.\n\n\
         No date was given.\n\n\n\
         Blast hits market in Bannu\n\n\
         Updated 5 Nov 2025\n\n\
         Jan 30 (AFP) - A bomb exploded in a market in Bannu on Thursday, wounding six people, police said.\n\n\
         The market was closed after the blast.\n\n\n\
         Militants attack post in Khyber\n\n\
         Jan 30 (AFP) - Militants attacked a border post in Khyber district overnight, police said.\n",
    )
    .unwrap();
    let out = run(&["--now", "2026-02-01T12:00:00Z", txt.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let a = rows(&out);
    assert_eq!(a.len(), 4, "{a:?}");
    // Year-less: the latest year not in the future of --now.
    assert_eq!(s(&a[0], "published"), "2025-10-28");
    assert_eq!(s(&a[0], "dateline"), "KABUL");
    assert!(s(&a[0], "text").starts_with("KABUL, Oct 28 (Reuters) - Gunmen"));
    // A written year is kept.
    assert_eq!(s(&a[1], "published"), "2025-10-20");
    assert_eq!(s(&a[1], "dateline"), "ISLAMABAD");
    // A date line wins over the dateline.
    assert_eq!(s(&a[2], "published"), "2025-11-05");
    // No place: a day and an agency; January 30 is before --now's 1 February.
    assert_eq!(s(&a[3], "published"), "2026-01-30");
    assert_eq!(a[3]["dateline"], Value::Null);
    assert_eq!(s(&a[3], "publisher"), "AFP");
    assert!(s(&a[3], "text").starts_with("Jan 30 (AFP) - Militants"));

    // Without --now: the file's modification time (2026-01-01) is the
    // retrieval time, so "Jan 30" is last year's.
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_767_225_600);
    std::fs::File::options()
        .write(true)
        .open(&txt)
        .unwrap()
        .set_modified(t)
        .unwrap();
    let a = rows(&run(&[txt.to_str().unwrap()]));
    assert_eq!(s(&a[0], "published"), "2025-10-28");
    assert_eq!(s(&a[3], "published"), "2025-01-30");

    // HTML without a date in its metadata, JSONL without "published".
    let html = dir.path().join("page.html");
    std::fs::write(
        &html,
        "<html><head><title>Bomb kills two in Peshawar</title></head><body><article><h1>Bomb kills two in Peshawar</h1>\
         <p>PESHAWAR, Pakistan, Dec 3 (AP) \u{2014} A bomb planted on a motorcycle killed two people near a bus stand in Peshawar on Wednesday, police said.</p>\
         <p>Police cordoned off the area and began a search, officials said, and no group claimed the attack.</p></article></body></html>",
    )
    .unwrap();
    let jsonl = dir.path().join("wire.jsonl");
    std::fs::write(
        &jsonl,
        "{\"text\": \"QUETTA, Nov 9 (Reuters) - Two soldiers were killed in a clash, the army said.\"}\n\
         {\"text\": \"QUETTA, Nov 9 (Reuters) - Two soldiers were killed.\", \"published\": \"2025-11-10\"}\n",
    )
    .unwrap();
    let out = run(&[
        "--now",
        "2026-02-01T12:00:00Z",
        html.to_str().unwrap(),
        jsonl.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let a = rows(&out);
    assert_eq!(a.len(), 3, "{a:?}");
    assert_eq!(s(&a[0], "published"), "2025-12-03");
    assert_eq!(s(&a[0], "dateline"), "PESHAWAR, Pakistan");
    assert_eq!(s(&a[1], "published"), "2025-11-09");
    assert_eq!(s(&a[2], "published"), "2025-11-10");
}
