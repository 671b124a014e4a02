//! sitrep-ingest: readers that turn files, feeds and crawls into [`sitrep_model::Article`]s.
//!
//! Everything a user points sitrep at goes through [`read_path`] (files, folders
//! walked recursively, `-` for standard input) or [`read_bytes`] (a buffer: an
//! HTTP POST body, a fuzz input). The format is found from the content, not the
//! file name:
//!
//! | content starts with | read as |
//! |---|---|
//! | gzip magic `1f 8b` | decompressed (multi-member, capped), then detected again |
//! | `WARC/` | WARC records, streamed; each HTML `response` is an article ([`warc`]) |
//! | `{` | JSON Lines, streamed; one article per line ([`jsonl`]) |
//! | `[` | a JSON array of article objects |
//! | `<rss`, `<feed`, `<rdf:RDF` (after `<?xml`) | RSS 2.0 / Atom / RSS 1.0 feed ([`feed`]) |
//! | other `<` markup | one HTML page ([`html`]) |
//! | anything else that is text | plain text with one or more articles ([`plaintext`]) |
//!
//! Bad input never panics: each problem becomes an [`InputError`] naming the
//! input and the reason, and reading goes on with the next article or input.

pub mod detect;
pub mod entities;
pub mod feed;
pub mod header;
pub mod html;
pub mod htmltext;
pub mod jsonl;
pub mod plaintext;
pub mod source;
pub mod warc;

use chrono::{DateTime, NaiveDate, Utc};
use sitrep_model::Article;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

pub use jsonl::article_from_json;

/// 50 MB: the largest single article accepted (SPEC §2).
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 50 * 1024 * 1024;

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The moment of retrieval, for "Updated 5 sec ago". `None`: the input's
    /// own retrieval time (a file's modification time, a WARC record's date,
    /// the real clock for standard input and buffers).
    pub now: Option<DateTime<Utc>>,
    /// Publication date for articles that state none.
    pub published: Option<NaiveDate>,
    /// Largest accepted article, in bytes (text after decoding).
    pub max_article_bytes: usize,
    /// Largest input read whole (plain text, HTML, feeds, JSON arrays), after
    /// decompression. Streamed formats (JSONL, WARC) have no total limit.
    pub max_whole_input_bytes: u64,
    /// Gzip output beyond this many bytes is checked for a decompression bomb.
    pub bomb_check_after: u64,
    /// Decompressed-to-compressed ratio above which (past `bomb_check_after`)
    /// a gzip stream is rejected as a decompression bomb.
    pub max_gzip_ratio: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            now: None,
            published: None,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            max_whole_input_bytes: 512 * 1024 * 1024,
            bomb_check_after: 64 * 1024 * 1024,
            max_gzip_ratio: 200,
        }
    }
}

/// Why an input (or a part of it) was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Reason {
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Io(String),
    /// Nothing but whitespace.
    #[error("empty input")]
    Empty,
    /// Not text, not a known format.
    #[error("binary data, not text or a known news format")]
    Binary,
    /// Not UTF-8 and not recognisable as text in a fallback encoding.
    #[error("text encoding not recognised ({0})")]
    Encoding(String),
    /// The gzip stream ends early.
    #[error("truncated gzip stream")]
    TruncatedGzip,
    /// The gzip stream is damaged.
    #[error("corrupt gzip data: {0}")]
    CorruptGzip(String),
    /// The gzip stream expands far beyond any real news input.
    #[error("decompression bomb: gzip output exceeds {ratio}x its input past {after_mb} MB")]
    Bomb {
        /// The ratio limit.
        ratio: u64,
        /// Where checking starts, in MB.
        after_mb: u64,
    },
    /// An article (or a whole input read at once) is over the size limit.
    #[error("{what} is {size} bytes, over the {limit}-byte limit")]
    TooLarge {
        /// What is too large ("article 3", "input").
        what: String,
        /// Its size in bytes (at least).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Readable, but holds no article text.
    #[error("no article found{0}")]
    NoArticle(String),
    /// A JSON line or document that is not a valid article.
    #[error("{0}")]
    Json(String),
    /// A feed whose XML is broken.
    #[error("broken XML feed: {0}")]
    Xml(String),
    /// A WARC file whose framing is broken.
    #[error("broken WARC: {0}")]
    Warc(String),
    /// An HTML page with no extractable article.
    #[error("HTML: {0}")]
    Html(String),
}

/// One rejected input, or part of an input: `sitrep: <input>: <reason>`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input}: {reason}")]
pub struct InputError {
    /// The input as given (file path, `-`), with a position when the problem
    /// is one record of it (`feed.jsonl:17`, `crawl.warc.gz#3`).
    pub input: String,
    /// What was wrong.
    pub reason: Reason,
}

impl InputError {
    /// An error about `input`.
    pub fn new(input: impl Into<String>, reason: Reason) -> Self {
        InputError {
            input: input.into(),
            reason,
        }
    }
}

/// The stream of results [`read_path`] returns.
pub type Articles = Box<dyn Iterator<Item = Result<Article, InputError>> + Send>;

/// Reads a file, a folder (recursively, in name order, hidden entries
/// skipped) or standard input (`-`), yielding articles and per-input errors as
/// they come. JSONL and WARC are streamed; never panics.
pub fn read_path(path: &Path, opts: &ReadOptions) -> Articles {
    let opts = opts.clone();
    if path.as_os_str() == "-" {
        let retrieved = opts.now.unwrap_or_else(Utc::now);
        let reader: Box<dyn BufRead + Send> =
            Box::new(BufReader::with_capacity(256 * 1024, std::io::stdin()));
        return read_stream("-".to_owned(), reader, retrieved, &opts);
    }
    match std::fs::metadata(path) {
        Err(e) => Box::new(std::iter::once(Err(InputError::new(
            path.display().to_string(),
            Reason::Io(e.to_string()),
        )))),
        Ok(m) if m.is_dir() => {
            let mut files = Vec::new();
            let mut errors = Vec::new();
            walk(path, &mut files, &mut errors, 0);
            let iter = errors
                .into_iter()
                .map(Err)
                .chain(files.into_iter().flat_map(move |f| read_file(&f, &opts)));
            Box::new(iter)
        }
        Ok(_) => read_file(path, &opts),
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>, depth: usize) {
    if depth > 64 {
        errors.push(InputError::new(
            dir.display().to_string(),
            Reason::Io("folder nesting too deep".into()),
        ));
        return;
    }
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errors.push(InputError::new(
                dir.display().to_string(),
                Reason::Io(e.to_string()),
            ));
            return;
        }
    };
    // The entry's type comes with the directory listing (no stat per entry);
    // only symlinks are followed with a stat, and only to files (no loops).
    // Sorted by name (within one folder the same order as by path, cheaper).
    let mut entries: Vec<(std::ffi::OsString, PathBuf, Option<std::fs::FileType>)> = rd
        .filter_map(|e| e.ok())
        .filter(|e| !e.file_name().as_encoded_bytes().starts_with(b"."))
        .map(|e| (e.file_name(), e.path(), e.file_type().ok()))
        .collect();
    entries.sort_unstable_by(|a, b| a.0.as_encoded_bytes().cmp(b.0.as_encoded_bytes()));
    for (_, p, ft) in entries {
        let ft = match ft {
            Some(ft) => ft,
            None => match std::fs::symlink_metadata(&p) {
                Ok(m) => m.file_type(),
                Err(_) => continue,
            },
        };
        if ft.is_dir() {
            walk(&p, files, errors, depth + 1);
        } else if ft.is_file() || (ft.is_symlink() && p.is_file()) {
            files.push(p);
        }
    }
}

fn read_file(path: &Path, opts: &ReadOptions) -> Articles {
    let name = path.display().to_string();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return Box::new(std::iter::once(Err(InputError::new(
                name,
                Reason::Io(e.to_string()),
            ))))
        }
    };
    let meta = file.metadata().ok();
    let retrieved = opts.now.unwrap_or_else(|| {
        meta.as_ref()
            .and_then(|m| m.modified().ok())
            .map(DateTime::<Utc>::from)
            .unwrap_or_else(Utc::now)
    });
    let regular = meta.as_ref().is_some_and(|m| m.is_file());
    let size = meta.map(|m| m.len()).unwrap_or(0);
    // Small files get small buffers: big ones cost an mmap per file.
    let cap = (size as usize + 1).clamp(8 * 1024, 256 * 1024);
    // Regular files up to 64 MB (most news files: one article or a day's feed)
    // are read whole in one go and detected in place: no peek buffer, no second
    // copy. Pipes and devices are streamed (their size says nothing).
    let whole_limit = (64 * 1024 * 1024).min(opts.max_whole_input_bytes);
    if regular && size <= whole_limit {
        let mut buf = Vec::with_capacity(size as usize + 1);
        if let Err(e) = (&file).take(whole_limit + 1).read_to_end(&mut buf) {
            return one_err(name, source::reason_of(&e, false));
        }
        let fits = buf.len() as u64 <= whole_limit;
        let gz = buf.starts_with(&[0x1f, 0x8b]);
        let head = &buf[..buf.len().min(source::PEEK)];
        let long_blank = head.len() == source::PEEK && head.iter().all(u8::is_ascii_whitespace);
        if fits && !gz && !long_blank {
            return read_buffer(name, buf, retrieved, opts);
        }
        // Gzip, grown past the limit, or a long blank run: the streaming path,
        // starting with what was read.
        let reader: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(
            cap,
            std::io::Cursor::new(buf).chain(file),
        ));
        return read_stream(name, reader, retrieved, opts);
    }
    let reader: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(cap, file));
    read_stream(name, reader, retrieved, opts)
}

/// Reads a whole uncompressed input already in memory (its first
/// [`source::PEEK`] bytes not all blank): the same result as [`read_stream`]
/// over it, without the peek and the copies.
fn read_buffer(
    name: String,
    buf: Vec<u8>,
    retrieved: DateTime<Utc>,
    opts: &ReadOptions,
) -> Articles {
    let ctx = Ctx {
        input: name,
        retrieved,
        opts: opts.clone(),
    };
    let kind = detect::detect(&buf[..buf.len().min(source::PEEK)]);
    read_whole_kind(ctx, kind, buf)
}

/// Reads one in-memory input (an HTTP POST body, a fuzz case). `input_name`
/// names it in articles and errors. Retrieval time: `opts.now`, else the clock.
pub fn read_bytes(
    input_name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Vec<Result<Article, InputError>> {
    let retrieved = opts.now.unwrap_or_else(Utc::now);
    let reader: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(bytes.to_vec()));
    read_stream(input_name.to_owned(), reader, retrieved, opts).collect()
}

/// Reads one stream of any supported format (decompressing gzip first).
pub fn read_stream(
    name: String,
    reader: Box<dyn BufRead + Send>,
    retrieved: DateTime<Utc>,
    opts: &ReadOptions,
) -> Articles {
    let ctx = Ctx {
        input: name,
        retrieved,
        opts: opts.clone(),
    };
    let (kind, reader) = match source::open(reader, opts) {
        Ok(x) => x,
        Err(reason) => return Box::new(std::iter::once(Err(InputError::new(ctx.input, reason)))),
    };
    read_kind(ctx, kind, reader)
}

/// Reads an opened stream of a detected kind.
fn read_kind(ctx: Ctx, kind: detect::Kind, reader: source::Source) -> Articles {
    match kind {
        detect::Kind::Jsonl => Box::new(jsonl::JsonlReader::new(ctx, reader)),
        detect::Kind::Warc => Box::new(warc::WarcReader::new(ctx, reader)),
        _ => match source::read_whole(reader, ctx.opts.max_whole_input_bytes) {
            Ok(bytes) => read_whole_kind(ctx, kind, bytes),
            Err(reason) => one_err(ctx.input, reason),
        },
    }
}

/// Reads a whole input in memory of a detected kind (streamed kinds are
/// streamed from the buffer), or names the empty or binary input.
fn read_whole_kind(ctx: Ctx, kind: detect::Kind, bytes: Vec<u8>) -> Articles {
    let out = match kind {
        detect::Kind::Jsonl | detect::Kind::Warc => {
            return read_kind(ctx, kind, source::Source::in_memory(bytes))
        }
        detect::Kind::Empty => return one_err(ctx.input, Reason::Empty),
        detect::Kind::Binary => return one_err(ctx.input, Reason::Binary),
        detect::Kind::JsonArray => jsonl::read_json_array(&ctx, &bytes),
        detect::Kind::Feed => feed::read_feed(&ctx, &bytes),
        detect::Kind::Html => vec![read_html_page(&ctx, &bytes, None, 0)],
        detect::Kind::Text => match detect::decode_text_vec(bytes) {
            Ok(text) => plaintext::read_text(&ctx, &text),
            Err(reason) => vec![Err(InputError::new(ctx.input.clone(), reason))],
        },
    };
    Box::new(out.into_iter())
}

fn one_err(input: String, reason: Reason) -> Articles {
    Box::new(std::iter::once(Err(InputError::new(input, reason))))
}

/// What every reader needs to know about the input it is reading.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// The input's name as given.
    pub input: String,
    /// Its retrieval moment (for "… ago").
    pub retrieved: DateTime<Utc>,
    /// The reading options.
    pub opts: ReadOptions,
}

impl Ctx {
    /// An error about this input, optionally at a position (`#3`, `:17`).
    pub fn err(&self, at: Option<String>, reason: Reason) -> InputError {
        match at {
            Some(a) => InputError::new(format!("{}{}", self.input, a), reason),
            None => InputError::new(self.input.clone(), reason),
        }
    }

    /// Rejects an article text over the size limit.
    pub fn check_size(&self, what: &str, len: usize) -> Result<(), Reason> {
        if len > self.opts.max_article_bytes {
            return Err(Reason::TooLarge {
                what: what.to_owned(),
                size: len as u64,
                limit: self.opts.max_article_bytes as u64,
            });
        }
        Ok(())
    }

    /// Fills `published` from `--published` when the article states none.
    pub fn finish(&self, mut a: Article) -> Article {
        if a.published.is_none() {
            if let Some(d) = self.opts.published {
                a.published = Some(d.format("%Y-%m-%d").to_string());
            }
        }
        a
    }
}

/// Reads one HTML page (a file, or a WARC payload) into an article through
/// [`html::extract`]. `url` is where it came from, when known.
pub fn read_html_page(
    ctx: &Ctx,
    bytes: &[u8],
    url: Option<&str>,
    position: usize,
) -> Result<Article, InputError> {
    let at = (position > 0).then(|| format!("#{position}"));
    let page = detect::decode_html(bytes);
    let doc =
        html::extract(&page, url).map_err(|e| ctx.err(at.clone(), Reason::Html(e.to_string())))?;
    let text = doc.text;
    if text.trim().is_empty() {
        return Err(ctx.err(at, Reason::NoArticle(" in the HTML page".into())));
    }
    ctx.check_size("article", text.len())
        .map_err(|r| ctx.err(at.clone(), r))?;
    // The dateline opens one of the first paragraphs (a date or byline line may come first).
    let dl = text.split("\n\n").take(3).find_map(header::parse_dateline);
    let url = doc.canonical_url.or_else(|| url.map(str::to_owned));
    let title = doc
        .title
        .map(|t| crate::header::collapse_ws(&t))
        .filter(|t| !t.is_empty());
    let id = match &url {
        Some(u) => sitrep_model::stable_id(&["url", u]),
        None => sitrep_model::stable_id(&["text", title.as_deref().unwrap_or(""), &text]),
    };
    let publisher = doc
        .publisher
        .or_else(|| dl.as_ref().and_then(|d| d.agency.clone()));
    // No date in the page's metadata: the dateline's ("KABUL, Oct 28 (Reuters) -").
    let published = doc.published.or_else(|| {
        dl.as_ref()?
            .day(ctx.retrieved.date_naive())
            .map(|m| m.to_iso())
    });
    Ok(ctx.finish(Article {
        id,
        input: ctx.input.clone(),
        title,
        published,
        dateline: dl.and_then(|d| d.place),
        url,
        publisher,
        summary: Vec::new(),
        text,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn opts() -> ReadOptions {
        ReadOptions {
            now: Utc.with_ymd_and_hms(2026, 2, 1, 12, 0, 0).single(),
            ..ReadOptions::default()
        }
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).expect("in-memory write");
        e.finish().expect("in-memory gzip")
    }

    fn page(title: &str, body: &str) -> Vec<u8> {
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p><p>{body} Officials gave no further details about the incident.</p></article></body></html>").into_bytes()
    }

    fn warc_of(records: &[(&str, &str, Vec<u8>)]) -> Vec<u8> {
        let mut out = Vec::new();
        for (i, (kind, uri, block)) in records.iter().enumerate() {
            let id = format!("<urn:uuid:{i}>");
            let mut one = Vec::new();
            warc::write_record(
                &mut one,
                &[
                    ("WARC-Type", kind),
                    ("WARC-Target-URI", uri),
                    ("WARC-Date", "2025-11-26T16:02:11Z"),
                    ("WARC-Record-ID", &id),
                    ("Content-Type", "application/http; msgtype=response"),
                ],
                block,
            );
            out.extend(gz(&one));
        }
        out
    }

    #[test]
    fn warc_gz_per_record_members() {
        let w = warc_of(&[
            ("request", "https://n.example/a", b"GET /a HTTP/1.1\r\n\r\n".to_vec()),
            ("response", "https://n.example/a", page("Raid in Swat", "SWAT: Police raided a compound on Friday and arrested two men, officials said.")),
            ("response", "https://n.example/logo.png", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG".to_vec()),
            ("response", "https://n.example/b", page("Blast in Bannu", "BANNU: A blast near a market killed two people on Saturday, police said.")),
        ]);
        let r = read_bytes("c.warc.gz", &w, &opts());
        let arts: Vec<&Article> = r.iter().filter_map(|x| x.as_ref().ok()).collect();
        assert_eq!(arts.len(), 2, "{r:?}");
        assert_eq!(arts[0].url.as_deref(), Some("https://n.example/a"));
        assert!(
            arts[0].text.contains("SWAT: Police raided"),
            "{}",
            arts[0].text
        );
        assert_eq!(arts[0].dateline.as_deref(), Some("SWAT"));
        assert_eq!(arts[0].published.as_deref(), Some("2025-11-26T16:02:11Z"));
        assert_eq!(
            arts[0].id,
            sitrep_model::stable_id(&["url", "https://n.example/a"])
        );
        // Truncated: the first article survives, the break is named.
        let cut = &w[..w.len() - 40];
        let r = read_bytes("c.warc.gz", cut, &opts());
        assert!(r.iter().any(|x| x.is_ok()));
        assert!(
            matches!(r.last(), Some(Err(e)) if e.reason == Reason::TruncatedGzip || matches!(e.reason, Reason::Warc(_))),
            "{r:?}"
        );
    }

    /// Files read whole and detected in place give exactly what the streaming
    /// path gives for the same bytes (standard input, HTTP bodies).
    #[test]
    fn files_read_whole_match_the_streaming_path() {
        let dir = std::env::temp_dir().join(format!("sitrep-ingest-whole-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let text = "Blast in Bannu\n\nBANNU, Oct 28 (Reuters) - A blast killed two people, police said.\n\nNo group claimed it.\n";
        let mut blank_lead = vec![b' '; source::PEEK + 10];
        blank_lead.extend_from_slice(text.as_bytes());
        let inputs: Vec<(&str, Vec<u8>)> = vec![
            ("a.txt", text.as_bytes().to_vec()),
            ("b.txt", format!("\u{feff}{text}").into_bytes()),
            ("c.jsonl", b"{\"text\": \"QUETTA: One.\"}\nnot json\n{\"text\": \"Two.\"}\n".to_vec()),
            ("d.json", b"[{\"text\": \"A.\"}, {\"title\": \"no text\"}]".to_vec()),
            ("e.html", {
                    let p = page("Raid in Swat", "SWAT: Police raided a compound on Friday and arrested two men, officials said.");
                    let at = memchr::memmem::find(&p, b"<html").expect("page has <html");
                    p[at..].to_vec()
                }),
            ("f.gz", gz(text.as_bytes())),
            ("g.txt", blank_lead),
            ("h.txt", Vec::new()),
            ("i.bin", vec![0u8, 1, 2, 3, 4, 5, 6, 7]),
            ("j.txt", b"Pe\xf1a said the caf\xe9 was hit on Oct. 3.".to_vec()),
            ("k.rss", b"<rss><channel><item><title>T</title><description>QUETTA: Police said a blast killed two.</description></item></channel></rss>".to_vec()),
        ];
        for (name, bytes) in &inputs {
            let p = dir.join(name);
            std::fs::write(&p, bytes).expect("write temp file");
            let from_file: Vec<_> = read_path(&p, &opts()).collect();
            let from_stream = read_bytes(&p.display().to_string(), bytes, &opts());
            assert_eq!(from_file, from_stream, "{name}");
            assert!(!from_file.is_empty(), "{name}");
            if matches!(
                *name,
                "a.txt" | "b.txt" | "e.html" | "f.gz" | "g.txt" | "j.txt"
            ) {
                assert!(from_file[0].is_ok(), "{name}: {from_file:?}");
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn read_bytes_detects_by_content() {
        let jsonl = b"{\"text\": \"QUETTA: One.\"}\n{\"text\": \"QUETTA: Two.\"}\n";
        assert_eq!(read_bytes("x.txt", jsonl, &opts()).len(), 2);
        assert_eq!(read_bytes("x.txt", &gz(jsonl), &opts()).len(), 2);
        let arr = b"[{\"text\": \"A.\"}, {\"text\": \"B.\"}]";
        assert_eq!(
            read_bytes("x", arr, &opts())
                .iter()
                .filter(|r| r.is_ok())
                .count(),
            2
        );
        let r = read_bytes("x", b"", &opts());
        assert_eq!(r[0].as_ref().unwrap_err().reason, Reason::Empty);
        let r = read_bytes("x", &[0u8, 1, 2, 3, 4, 5, 6, 7], &opts());
        assert_eq!(r[0].as_ref().unwrap_err().reason, Reason::Binary);
    }

    #[test]
    fn articles_over_the_limit_are_refused() {
        let o = ReadOptions {
            max_article_bytes: 100,
            ..opts()
        };
        let r = read_bytes("big.txt", "QUETTA: x. ".repeat(50).as_bytes(), &o);
        assert!(matches!(&r[0], Err(e) if matches!(e.reason, Reason::TooLarge { .. })));
        let big = format!(
            "{{\"text\": \"{}\"}}\n{{\"text\": \"small.\"}}\n",
            "y".repeat(500)
        );
        let r = read_bytes("big.jsonl", big.as_bytes(), &o);
        assert!(r[0].is_err() && r[1].is_ok(), "{r:?}");
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn prefix() -> impl Strategy<Value = Vec<u8>> {
            prop_oneof![
                Just(Vec::new()),
                Just(b"WARC/1.0\r\n".to_vec()),
                Just(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 30\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>".to_vec()),
                Just(b"{\"text\": ".to_vec()),
                Just(b"[".to_vec()),
                Just(b"<rss><channel><item>".to_vec()),
                Just(b"<html><body><p>".to_vec()),
                Just(vec![0x1f, 0x8b]),
            ]
        }

        proptest! {
            #[test]
            fn read_bytes_never_panics(p in prefix(), rest in proptest::collection::vec(any::<u8>(), 0..400)) {
                let mut b = p;
                b.extend(rest);
                let r = read_bytes("fuzz", &b, &opts());
                for a in r.into_iter().flatten() {
                    prop_assert!(!a.text.is_empty());
                }
            }

            #[test]
            fn gzipped_inputs_never_panic(p in prefix(), rest in proptest::collection::vec(any::<u8>(), 0..300), cut in 0usize..400) {
                let mut b = p;
                b.extend(rest);
                let z = gz(&b);
                let z = &z[..cut.min(z.len())];
                let _ = read_bytes("fuzz.gz", z, &opts());
            }
        }
    }
}
