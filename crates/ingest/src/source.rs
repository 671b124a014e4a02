//! Byte sources: gzip detection and decompression with bomb and size caps,
//! and the peek that lets [`crate::detect`] see the first bytes of a stream.

use crate::detect::{self, Kind};
use crate::{ReadOptions, Reason};
use flate2::bufread::MultiGzDecoder;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How many bytes format detection looks at.
pub const PEEK: usize = 8192;

/// The marker error a guarded gzip stream raises when it looks like a bomb.
#[derive(Debug)]
struct BombError {
    ratio: u64,
    after: u64,
}

impl std::fmt::Display for BombError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "decompression bomb")
    }
}

impl std::error::Error for BombError {}

/// Counts the compressed bytes consumed by the decoder.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.count.fetch_add(amt as u64, Ordering::Relaxed);
        self.inner.consume(amt)
    }
}

/// Decompressed output guarded against bombs.
struct Guarded<R> {
    inner: R,
    produced: u64,
    consumed: Arc<AtomicU64>,
    after: u64,
    ratio: u64,
}

impl<R: Read> Read for Guarded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.produced += n as u64;
        if self.produced > self.after {
            let c = self.consumed.load(Ordering::Relaxed).max(1);
            if self.produced / c > self.ratio {
                return Err(io::Error::other(BombError {
                    ratio: self.ratio,
                    after: self.after,
                }));
            }
        }
        Ok(n)
    }
}

/// Maps a read error to a rejection reason (truncated or corrupt gzip, bomb, I/O).
pub fn reason_of(e: &io::Error, gz: bool) -> Reason {
    if let Some(b) = e.get_ref().and_then(|x| x.downcast_ref::<BombError>()) {
        return Reason::Bomb {
            ratio: b.ratio,
            after_mb: b.after / (1024 * 1024),
        };
    }
    if gz {
        if e.kind() == io::ErrorKind::UnexpectedEof {
            return Reason::TruncatedGzip;
        }
        if matches!(
            e.kind(),
            io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData
        ) {
            return Reason::CorruptGzip(e.to_string());
        }
    }
    Reason::Io(e.to_string())
}

/// A reader that knows whether it is decompressing (for error messages).
pub struct Source {
    inner: Box<dyn BufRead + Send>,
    /// Whether the bytes come out of gzip.
    pub gz: bool,
}

impl Source {
    /// A whole uncompressed input already in memory.
    pub fn in_memory(bytes: Vec<u8>) -> Self {
        Source {
            inner: Box::new(Cursor::new(bytes)),
            gz: false,
        }
    }
}

impl Read for Source {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf)
    }
}

impl BufRead for Source {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt)
    }
}

/// Opens a stream: decompresses gzip (by magic bytes), peeks, and detects the format.
pub fn open(
    mut reader: Box<dyn BufRead + Send>,
    opts: &ReadOptions,
) -> Result<(Kind, Source), Reason> {
    let head = reader.fill_buf().map_err(|e| reason_of(&e, false))?;
    let gz = head.len() >= 2 && head[0] == 0x1f && head[1] == 0x8b;
    let mut src: Box<dyn BufRead + Send> = if gz {
        let consumed = Arc::new(AtomicU64::new(0));
        let counting = Counting {
            inner: reader,
            count: consumed.clone(),
        };
        let guarded = Guarded {
            inner: MultiGzDecoder::new(counting),
            produced: 0,
            consumed,
            after: opts.bomb_check_after,
            ratio: opts.max_gzip_ratio,
        };
        Box::new(BufReader::with_capacity(256 * 1024, guarded))
    } else {
        reader
    };
    // Peek: read up to PEEK bytes, then put them back in front.
    let mut peek = Vec::with_capacity(PEEK);
    if let Err(e) = (&mut src).take(PEEK as u64).read_to_end(&mut peek) {
        if peek.is_empty() {
            return Err(reason_of(&e, gz));
        }
        // A short input that breaks early (truncated gzip): read what came out,
        // then report the error where the reader reaches it.
        let kind = detect::detect(&peek);
        let failing = Failing { err: Some(e) };
        let joined: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(
            8 * 1024,
            Cursor::new(peek).chain(failing),
        ));
        return Ok((kind, Source { inner: joined, gz }));
    }
    // Leading whitespace longer than the peek: skip it (streaming, so the bomb
    // guard still applies) until content or the end.
    while peek.len() == PEEK && peek.iter().all(|c| c.is_ascii_whitespace()) {
        peek.clear();
        (&mut src)
            .take(PEEK as u64)
            .read_to_end(&mut peek)
            .map_err(|e| reason_of(&e, gz))?;
    }
    let kind = detect::detect(&peek);
    // Whole small inputs fit in the peek: no big buffer for them.
    let cap = if peek.len() < PEEK {
        8 * 1024
    } else {
        256 * 1024
    };
    let joined: Box<dyn BufRead + Send> =
        Box::new(BufReader::with_capacity(cap, Cursor::new(peek).chain(src)));
    Ok((kind, Source { inner: joined, gz }))
}

/// A reader that fails once with a stored error, then reads as empty.
struct Failing {
    err: Option<io::Error>,
}

impl Read for Failing {
    fn read(&mut self, _buf: &mut [u8]) -> io::Result<usize> {
        match self.err.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

/// Reads a whole (already opened) stream, refusing more than `limit` bytes.
pub fn read_whole(mut src: Source, limit: u64) -> Result<Vec<u8>, Reason> {
    let mut buf = Vec::new();
    let gz = src.gz;
    (&mut src)
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| reason_of(&e, gz))?;
    if buf.len() as u64 > limit {
        return Err(Reason::TooLarge {
            what: "input".into(),
            size: buf.len() as u64,
            limit,
        });
    }
    Ok(buf)
}

/// Reads one line (up to and excluding `\n`) into `buf`, keeping at most
/// `limit` bytes; the rest of an over-long line is skipped, not buffered.
/// Returns `Ok(None)` at end of input, else `Ok(Some(full_length))`.
pub fn read_line_capped(
    r: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<u64>> {
    buf.clear();
    let mut total: u64 = 0;
    let mut any = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(if any { Some(total) } else { None });
        }
        any = true;
        let (chunk, done) = match memchr::memchr(b'\n', avail) {
            Some(i) => (&avail[..i], Some(i + 1)),
            None => (avail, None),
        };
        let room = limit.saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        total += chunk.len() as u64;
        let used = done.unwrap_or(avail.len());
        r.consume(used);
        if done.is_some() {
            return Ok(Some(total));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn gzip_is_detected_by_magic_and_multi_member_works() {
        let mut both = gz(b"{\"text\":\"a\"}\n");
        both.extend(gz(b"{\"text\":\"b\"}\n"));
        let (kind, src) = open(Box::new(Cursor::new(both)), &ReadOptions::default()).unwrap();
        assert_eq!(kind, Kind::Jsonl);
        let all = read_whole(src, 1000).unwrap();
        assert_eq!(all, b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n");
    }

    #[test]
    fn truncated_gzip_is_named() {
        let data = gz(&b"QUETTA: Militants attacked a post. ".repeat(2000));
        let cut = data[..data.len() / 2].to_vec();
        let r = open(Box::new(Cursor::new(cut)), &ReadOptions::default())
            .and_then(|(_, s)| read_whole(s, 1 << 30));
        assert_eq!(r.unwrap_err(), Reason::TruncatedGzip);
    }

    #[test]
    fn bomb_is_refused() {
        let data = gz(&vec![b'a'; 4 * 1024 * 1024]);
        let opts = ReadOptions {
            bomb_check_after: 1024 * 1024,
            max_gzip_ratio: 50,
            ..ReadOptions::default()
        };
        let r = open(Box::new(Cursor::new(data)), &opts).and_then(|(_, s)| read_whole(s, 1 << 30));
        assert!(matches!(r.unwrap_err(), Reason::Bomb { .. }));
    }

    #[test]
    fn capped_lines_skip_the_rest() {
        let mut r = Cursor::new(b"abcdef\nxy\nlast".to_vec());
        let mut buf = Vec::new();
        assert_eq!(read_line_capped(&mut r, &mut buf, 3).unwrap(), Some(6));
        assert_eq!(buf, b"abc");
        assert_eq!(read_line_capped(&mut r, &mut buf, 3).unwrap(), Some(2));
        assert_eq!(buf, b"xy");
        assert_eq!(read_line_capped(&mut r, &mut buf, 3).unwrap(), Some(4));
        assert_eq!(read_line_capped(&mut r, &mut buf, 3).unwrap(), None);
    }
}
