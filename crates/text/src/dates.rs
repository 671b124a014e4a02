//! Absolute dates as news text and metadata write them.
//!
//! Recognised forms (case-insensitive month names, full or abbreviated, with or
//! without a dot, optional leading weekday, optional time and zone):
//!
//! - `28 October 2025`, `28 Oct. 2025`, `Tuesday 28 Oct 2025 10:32 GMT`
//! - `October 28, 2025`, `Oct. 19, 2025`, `Oct 19 2025`, `Oct. 19` (no year)
//! - `October 2025` (month precision)
//! - `2025-10-28`, `2025/10/28`, `2025-10-28T10:32:00Z`, `2025-10-28 10:32:00+05:00` (ISO 8601 / RFC 3339)
//! - `Tue, 28 Oct 2025 10:32:00 +0000` (RFC 2822, as in RSS and e-mail)
//!
//! [`find_dates`] scans running text and returns every mention with its byte
//! span; [`parse_moment`] reads a whole string (a metadata value, an "Updated …"
//! line) as one moment. Relative expressions ("on Sunday", "5 sec ago") are
//! not resolved here: see `timex` and [`parse_ago`].

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
    Weekday,
};
use sitrep_model::Span;

/// One absolute (or year-less) date mention found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Where it is, in bytes, end exclusive.
    pub span: Span,
    /// The year, when written.
    pub year: Option<i32>,
    /// Month, 1–12.
    pub month: u32,
    /// Day of month, when written (`None` for "October 2025").
    pub day: Option<u32>,
    /// The weekday, when written ("Tuesday 28 Oct 2025").
    pub weekday: Option<Weekday>,
    /// Time of day, when written.
    pub time: Option<NaiveTime>,
    /// UTC offset, when written (`GMT`, `+05:00`, `PKT`, `Z`).
    pub offset: Option<FixedOffset>,
}

impl DateMention {
    /// The calendar day, when year, month and day are all written and valid.
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day?)
    }

    /// The moment this mention names, if it names at least a full date.
    pub fn moment(&self) -> Option<Moment> {
        let d = self.date()?;
        Some(match (self.time, self.offset) {
            (Some(t), Some(o)) => {
                let local = NaiveDateTime::new(d, t);
                match o.from_local_datetime(&local).single() {
                    Some(dt) => Moment::DateTime(dt),
                    None => Moment::Date(d),
                }
            }
            _ => Moment::Date(d),
        })
    }
}

/// A publication moment: a day, or an exact time with its UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// Only the day is known.
    Date(NaiveDate),
    /// Exact moment with the offset it was written in.
    DateTime(DateTime<FixedOffset>),
}

impl Moment {
    /// ISO 8601 text: `2025-10-28`, `2026-02-01T11:59:55Z` (UTC) or
    /// `2025-10-28T10:32:00+05:00`. The first ten characters are always the
    /// local calendar day.
    pub fn to_iso(&self) -> String {
        match self {
            Moment::Date(d) => d.format("%Y-%m-%d").to_string(),
            Moment::DateTime(dt) => {
                if dt.offset().local_minus_utc() == 0 {
                    dt.format("%Y-%m-%dT%H:%M:%SZ").to_string()
                } else {
                    dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
                }
            }
        }
    }

    /// The local calendar day.
    pub fn date(&self) -> NaiveDate {
        match self {
            Moment::Date(d) => *d,
            Moment::DateTime(dt) => dt.date_naive(),
        }
    }
}

impl From<DateTime<Utc>> for Moment {
    fn from(dt: DateTime<Utc>) -> Self {
        Moment::DateTime(dt.fixed_offset())
    }
}

/// Month number (1–12) of an English month name or abbreviation
/// (`October`, `Oct`, `oct`, `Sept`); a trailing dot is accepted.
pub fn month_from_name(s: &str) -> Option<u32> {
    let s = s.strip_suffix('.').unwrap_or(s);
    if s.len() < 3 || s.len() > 9 {
        return None;
    }
    let mut buf = [0u8; 9];
    for (i, b) in s.bytes().enumerate() {
        buf[i] = b.to_ascii_lowercase();
    }
    let l = &buf[..s.len()];
    const FULL: [&[u8]; 12] = [
        b"january",
        b"february",
        b"march",
        b"april",
        b"may",
        b"june",
        b"july",
        b"august",
        b"september",
        b"october",
        b"november",
        b"december",
    ];
    for (i, full) in FULL.iter().enumerate() {
        if l == *full || (l.len() == 3 && full.starts_with(l)) {
            return Some(i as u32 + 1);
        }
    }
    if l == b"sept" {
        return Some(9);
    }
    None
}

/// Weekday of an English weekday name or abbreviation (`Tuesday`, `Tue`, `Tues.`).
pub fn weekday_from_name(s: &str) -> Option<Weekday> {
    let s = s.strip_suffix('.').unwrap_or(s);
    if s.len() < 3 || s.len() > 9 {
        return None;
    }
    let l = s.to_ascii_lowercase();
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    for (name, wd) in DAYS {
        if l == name || (l.len() == 3 && name.starts_with(&l)) {
            return Some(wd);
        }
    }
    match l.as_str() {
        "tues" => Some(Weekday::Tue),
        "weds" => Some(Weekday::Wed),
        "thur" | "thurs" => Some(Weekday::Thu),
        _ => None,
    }
}

/// UTC offset of a zone abbreviation common in South Asian and wire news
/// (`GMT`, `UTC`, `Z`, `PKT`, `IST`, `AFT`, `EST`, `BST`, …).
pub fn zone_offset(s: &str) -> Option<FixedOffset> {
    let secs = match s.to_ascii_uppercase().as_str() {
        "Z" | "GMT" | "UTC" | "UT" => 0,
        "PKT" | "PST_PK" => 5 * 3600,
        "IST" => 5 * 3600 + 1800,
        "AFT" => 4 * 3600 + 1800,
        "NPT" => 5 * 3600 + 2700,
        "BDT" => 6 * 3600,
        "BST" => 3600,
        "CET" => 3600,
        "CEST" => 7200,
        "EET" => 7200,
        "EST" => -5 * 3600,
        "EDT" => -4 * 3600,
        "CST" => -6 * 3600,
        "CDT" => -5 * 3600,
        "MST" => -7 * 3600,
        "MDT" => -6 * 3600,
        "PST" => -8 * 3600,
        "PDT" => -7 * 3600,
        _ => return None,
    };
    FixedOffset::east_opt(secs)
}

/// Reads a whole string as one moment: a metadata value (`2025-10-28T10:32:00Z`,
/// `Tue, 28 Oct 2025 10:32:00 +0000`) or the date part of an "Updated …" line
/// (`28 October 2025`, `Tuesday 28 Oct 2025 10:32 GMT`). Leading and trailing
/// whitespace and punctuation are ignored; anything else around the date makes
/// it fail. Year-less and month-only dates give `None`.
pub fn parse_moment(s: &str) -> Option<Moment> {
    let t = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '|' | '-'));
    if t.is_empty() || t.len() > 120 {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Some(Moment::DateTime(dt));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(t) {
        return Some(Moment::DateTime(dt));
    }
    let m = find_dates(t).into_iter().next()?;
    // The mention must cover the whole string, allowing trailing punctuation.
    let rest_before = &t[..m.span.start];
    let rest_after = &t[m.span.end..];
    let ignorable = |x: &str| {
        x.chars()
            .all(|c| c.is_whitespace() || matches!(c, ',' | '.' | '|' | '-' | '(' | ')'))
    };
    if !ignorable(rest_before) || !ignorable(rest_after) {
        return None;
    }
    m.moment()
}

/// Reads a whole string as one calendar day (see [`parse_moment`]); a moment
/// with a time gives its local day.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    parse_moment(s).map(|m| m.date())
}

/// Reads "5 sec ago", "3 mins ago", "2 hours ago", "1 day ago", "just now",
/// "an hour ago" and returns how long ago that is.
pub fn parse_ago(s: &str) -> Option<Duration> {
    let t = s.trim().trim_end_matches('.').to_ascii_lowercase();
    if t == "just now" || t == "now" || t == "moments ago" {
        return Some(Duration::zero());
    }
    let body = t.strip_suffix("ago")?.trim_end();
    let mut parts = body.split_whitespace();
    let n_word = parts.next()?;
    let (n, unit) = match n_word.find(|c: char| !c.is_ascii_digit()) {
        // "5sec", "3h"
        Some(i) if i > 0 => (n_word[..i].parse::<i64>().ok()?, n_word[i..].to_string()),
        _ => {
            let n = match n_word {
                "a" | "an" | "one" => 1,
                _ => n_word.parse::<i64>().ok()?,
            };
            (n, parts.next()?.to_string())
        }
    };
    if parts.next().is_some() || n > 100_000 {
        return None;
    }
    let unit = unit.trim_end_matches('.');
    let d = match unit {
        "s" | "sec" | "secs" | "second" | "seconds" => Duration::seconds(n),
        "m" | "min" | "mins" | "minute" | "minutes" => Duration::minutes(n),
        "h" | "hr" | "hrs" | "hour" | "hours" => Duration::hours(n),
        "d" | "day" | "days" => Duration::days(n),
        "w" | "wk" | "wks" | "week" | "weeks" => Duration::weeks(n),
        _ => return None,
    };
    Some(d)
}

/// A word of `text`: ASCII letters/digits run starting at `i`.
fn word_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    j
}

fn digits_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    j
}

fn num(b: &[u8], s: usize, e: usize) -> Option<u32> {
    if e <= s || e - s > 4 {
        return None;
    }
    let mut n = 0u32;
    for &c in &b[s..e] {
        n = n * 10 + u32::from(c - b'0');
    }
    Some(n)
}

/// Skips spaces (and at most one comma when `comma`), returns the new index.
fn skip_sep(b: &[u8], mut i: usize, comma: bool) -> usize {
    let mut saw_comma = false;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' => i += 1,
            b',' if comma && !saw_comma => {
                saw_comma = true;
                i += 1
            }
            _ => break,
        }
    }
    i
}

fn boundary_before(b: &[u8], i: usize) -> bool {
    i == 0 || !b[i - 1].is_ascii_alphanumeric()
}

fn boundary_after(b: &[u8], i: usize) -> bool {
    i >= b.len() || !b[i].is_ascii_alphanumeric()
}

/// A month name at `i` (with optional dot); returns (month, end).
fn month_at(b: &[u8], text: &str, i: usize) -> Option<(u32, usize)> {
    let e = word_end(b, i);
    if e == i || !boundary_after(b, e) {
        return None;
    }
    let m = month_from_name(&text[i..e])?;
    // "May" / "march" as ordinary words are handled by the callers needing digits around.
    let e2 = if e < b.len() && b[e] == b'.' {
        e + 1
    } else {
        e
    };
    Some((m, e2))
}

/// Day number at `i` (1–31), with optional ordinal suffix (`28th`); returns (day, end).
fn day_at(b: &[u8], i: usize) -> Option<(u32, usize)> {
    let e = digits_end(b, i);
    if e == i || e - i > 2 {
        return None;
    }
    let d = num(b, i, e)?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut e2 = e;
    if e2 + 2 <= b.len() {
        let suf = [b[e2].to_ascii_lowercase(), b[e2 + 1].to_ascii_lowercase()];
        if matches!(&suf, b"st" | b"nd" | b"rd" | b"th") {
            e2 += 2;
        }
    }
    if !boundary_after(b, e2) {
        return None;
    }
    Some((d, e2))
}

/// A four-digit year 1900–2099 at `i`; returns (year, end).
fn year_at(b: &[u8], i: usize) -> Option<(i32, usize)> {
    let e = digits_end(b, i);
    if e - i != 4 || !boundary_after(b, e) {
        return None;
    }
    let y = num(b, i, e)? as i32;
    (1900..=2099).contains(&y).then_some((y, e))
}

/// Optional time after a date: `10:32`, `10.32`, `10:32:05`, `10:32 am`, then
/// an optional zone (`GMT`, `+0500`, `+05:00`, `PKT`). Returns (time, offset, end).
fn time_at(b: &[u8], text: &str, start: usize) -> Option<(NaiveTime, Option<FixedOffset>, usize)> {
    let mut i = skip_sep(b, start, true);
    if i + 2 <= b.len()
        && (b[i] == b'a' || b[i] == b'A')
        && b[i + 1] == b't'
        && b.get(i + 2) == Some(&b' ')
    {
        i = skip_sep(b, i + 2, false);
    }
    let he = digits_end(b, i);
    if he == i || he - i > 2 || he >= b.len() || !(b[he] == b':' || b[he] == b'.') {
        return None;
    }
    let me = digits_end(b, he + 1);
    if me - (he + 1) != 2 {
        return None;
    }
    let mut h = num(b, i, he)?;
    let mi = num(b, he + 1, me)?;
    let mut end = me;
    let mut s = 0;
    if end + 3 <= b.len() && b[end] == b':' && digits_end(b, end + 1) == end + 3 {
        s = num(b, end + 1, end + 3)?;
        end += 3;
    }
    // am / pm
    let j = skip_sep(b, end, false);
    let we = word_end(b, j);
    let w = text[j..we].to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    if matches!(w, "am" | "pm" | "a" | "p") && boundary_after(b, we) {
        if h > 12 {
            return None;
        }
        let pm = w.starts_with('p');
        if pm && h < 12 {
            h += 12;
        } else if !pm && h == 12 {
            h = 0;
        }
        end = if we < b.len() && b[we] == b'.' {
            we + 1
        } else {
            we
        };
    }
    let t = NaiveTime::from_hms_opt(h, mi, s)?;
    // zone
    let mut offset = None;
    let j = skip_sep(b, end, false);
    if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
        let de = digits_end(b, j + 1);
        let (hh, mm, e) = if de - (j + 1) == 4 {
            (num(b, j + 1, j + 3)?, num(b, j + 3, j + 5)?, de)
        } else if de - (j + 1) == 2
            && de + 3 <= b.len()
            && b[de] == b':'
            && digits_end(b, de + 1) == de + 3
        {
            (num(b, j + 1, de)?, num(b, de + 1, de + 3)?, de + 3)
        } else {
            (99, 0, j)
        };
        if hh <= 14 && mm < 60 {
            let secs = (hh * 3600 + mm * 60) as i32;
            offset = FixedOffset::east_opt(if b[j] == b'-' { -secs } else { secs });
            end = e;
        }
    } else if j < b.len() && b[j].is_ascii_alphabetic() {
        let we = word_end(b, j);
        if let Some(o) = zone_offset(&text[j..we]) {
            offset = Some(o);
            end = we;
            // "GMT+5" / "UTC+05:00"
            if end < b.len() && (b[end] == b'+' || b[end] == b'-') {
                let de = digits_end(b, end + 1);
                if de > end + 1 && de - (end + 1) <= 2 {
                    if let Some(hh) = num(b, end + 1, de) {
                        let mut secs = (hh * 3600) as i32;
                        let mut e = de;
                        if de + 3 <= b.len() && b[de] == b':' && digits_end(b, de + 1) == de + 3 {
                            secs += (num(b, de + 1, de + 3).unwrap_or(0) * 60) as i32;
                            e = de + 3;
                        }
                        if hh <= 14 {
                            offset =
                                FixedOffset::east_opt(if b[end] == b'-' { -secs } else { secs });
                            end = e;
                        }
                    }
                }
            }
        }
    }
    Some((t, offset, end))
}

/// Finds absolute (and year-less "Oct. 19") date mentions in running text,
/// left to right, without overlaps. Never panics; spans are on char boundaries.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if !(c.is_ascii_alphanumeric()) || !boundary_before(b, i) {
            i += 1;
            continue;
        }
        if let Some(m) = mention_at(b, text, i) {
            i = m.span.end.max(i + 1);
            out.push(m);
        } else if c.is_ascii_alphabetic() {
            i = word_end(b, i);
        } else {
            i = digits_end(b, i);
        }
    }
    out
}

/// The date mention that starts at the very first byte of `text`, if any (the
/// one [`find_dates`] would report first at offset 0), without scanning the rest.
pub fn date_at_start(text: &str) -> Option<DateMention> {
    let b = text.as_bytes();
    if !b.first()?.is_ascii_alphanumeric() {
        return None;
    }
    mention_at(b, text, 0)
}

/// The calendar day a mention names, with a missing year filled in: the
/// latest year that does not put the day after `reference` (the retrieval
/// day), so "Oct 28" read on 1 Feb 2026 is 2025-10-28. A written year is kept.
/// `None` without a day of month, or for an impossible date.
pub fn resolve_day(m: &DateMention, reference: NaiveDate) -> Option<NaiveDate> {
    let day = m.day?;
    if let Some(y) = m.year {
        return NaiveDate::from_ymd_opt(y, m.month, day);
    }
    // Four years back reaches a leap year for "Feb 29".
    (0..=4)
        .map(|back| reference.year() - back)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m.month, day))
        .find(|d| *d <= reference)
}

fn mention_at(b: &[u8], text: &str, start: usize) -> Option<DateMention> {
    // Optional weekday prefix: "Tuesday 28 Oct 2025", "Tue, Oct 28".
    if b[start].is_ascii_alphabetic() {
        let we = word_end(b, start);
        if let Some(wd) = weekday_from_name(&text[start..we]) {
            let after = if we < b.len() && b[we] == b'.' {
                we + 1
            } else {
                we
            };
            let j = skip_sep(b, after, true);
            if j == after {
                return None;
            }
            let m = core_at(b, text, j)?;
            return Some(DateMention {
                span: Span::new(start, m.span.end),
                weekday: Some(wd),
                ..m
            });
        }
    }
    core_at(b, text, start)
}

/// Date without weekday at `i`.
fn core_at(b: &[u8], text: &str, i: usize) -> Option<DateMention> {
    if i >= b.len() {
        return None;
    }
    let c = b[i];
    if c.is_ascii_digit() {
        // ISO: 2025-10-28 / 2025/10/28 (+ time)
        if let Some((y, ye)) = year_at(b, i).or_else(|| {
            let e = digits_end(b, i);
            (e - i == 4).then(|| (num(b, i, e).unwrap_or(0) as i32, e))
        }) {
            if ye < b.len() && (b[ye] == b'-' || b[ye] == b'/') && (1900..=2099).contains(&y) {
                let sep = b[ye];
                let me = digits_end(b, ye + 1);
                if (1..=2).contains(&(me - (ye + 1))) && me < b.len() && b[me] == sep {
                    let de = digits_end(b, me + 1);
                    if (1..=2).contains(&(de - (me + 1))) && boundary_after_iso(b, de) {
                        let mo = num(b, ye + 1, me)?;
                        let d = num(b, me + 1, de)?;
                        NaiveDate::from_ymd_opt(y, mo, d)?;
                        let mut m = DateMention {
                            span: Span::new(i, de),
                            year: Some(y),
                            month: mo,
                            day: Some(d),
                            weekday: None,
                            time: None,
                            offset: None,
                        };
                        if de < b.len() && (b[de] == b'T' || b[de] == b' ') {
                            if let Some((t, o, e)) = iso_time_at(b, de + 1) {
                                m.time = Some(t);
                                m.offset = o;
                                m.span.end = e;
                            } else if b[de] == b' ' {
                                if let Some((t, o, e)) = time_at(b, text, de) {
                                    m.time = Some(t);
                                    m.offset = o;
                                    m.span.end = e;
                                }
                            }
                        }
                        return Some(m);
                    }
                }
                return None;
            }
        }
        // "28 October 2025", "28th Oct. 2025", "28 Oct"
        let (d, de) = day_at(b, i)?;
        let j = skip_sep(b, de, false);
        let j = if j + 3 <= b.len() && &b[j..j + 3] == b"of " {
            skip_sep(b, j + 3, false)
        } else {
            j
        };
        if j == de && !(de < b.len() && b[de] == b'-') {
            return None;
        }
        let j = if j < b.len() && b[j] == b'-' {
            j + 1
        } else {
            j
        };
        let (mo, me) = month_at(b, text, j)?;
        let mut m = DateMention {
            span: Span::new(i, me),
            year: None,
            month: mo,
            day: Some(d),
            weekday: None,
            time: None,
            offset: None,
        };
        let k = skip_sep(b, me, true);
        let k = if k < b.len() && b[k] == b'-' && me < b.len() && b[me] == b'-' {
            k + 1
        } else {
            k
        };
        if let Some((y, ye)) = year_at(b, k) {
            m.year = Some(y);
            m.span.end = ye;
            if let Some((t, o, e)) = time_at(b, text, ye) {
                m.time = Some(t);
                m.offset = o;
                m.span.end = e;
            }
        } else if text[i..me].ends_with('.') {
            // "28 Oct." at sentence end: keep the dot as part of the abbreviation.
        }
        if m.year.is_none() && !valid_partial(mo, d) {
            return None;
        }
        if let Some(y) = m.year {
            NaiveDate::from_ymd_opt(y, mo, d)?;
        }
        return Some(m);
    }
    // "October 28, 2025", "Oct. 19", "October 2025"
    let (mo, me) = month_at(b, text, i)?;
    let j = skip_sep(b, me, false);
    if j == me {
        return None;
    }
    if let Some((d, de)) = day_at(b, j) {
        let mut m = DateMention {
            span: Span::new(i, de),
            year: None,
            month: mo,
            day: Some(d),
            weekday: None,
            time: None,
            offset: None,
        };
        let k = skip_sep(b, de, true);
        if let Some((y, ye)) = year_at(b, k) {
            NaiveDate::from_ymd_opt(y, mo, d)?;
            m.year = Some(y);
            m.span.end = ye;
            if let Some((t, o, e)) = time_at(b, text, ye) {
                m.time = Some(t);
                m.offset = o;
                m.span.end = e;
            }
        } else {
            // "May 5" is a date; "may 5" (verb) is not.
            if !b[i].is_ascii_uppercase() || !valid_partial(mo, d) {
                return None;
            }
            if let Some((t, o, e)) = time_at(b, text, de) {
                if o.is_some() {
                    m.time = Some(t);
                    m.offset = o;
                    m.span.end = e;
                }
            }
        }
        return Some(m);
    }
    if let Some((y, ye)) = year_at(b, j) {
        if !b[i].is_ascii_uppercase() {
            return None;
        }
        return Some(DateMention {
            span: Span::new(i, ye),
            year: Some(y),
            month: mo,
            day: None,
            weekday: None,
            time: None,
            offset: None,
        });
    }
    None
}

fn valid_partial(month: u32, day: u32) -> bool {
    NaiveDate::from_ymd_opt(2024, month, day).is_some()
}

fn boundary_after_iso(b: &[u8], i: usize) -> bool {
    i >= b.len() || !b[i].is_ascii_digit()
}

/// `HH:MM[:SS[.fff]]` then `Z` / `±HH:MM` / `±HHMM`, as in ISO 8601.
fn iso_time_at(b: &[u8], i: usize) -> Option<(NaiveTime, Option<FixedOffset>, usize)> {
    let he = digits_end(b, i);
    if he - i != 2 || he >= b.len() || b[he] != b':' {
        return None;
    }
    let me = digits_end(b, he + 1);
    if me - (he + 1) != 2 {
        return None;
    }
    let (h, mi) = (num(b, i, he)?, num(b, he + 1, me)?);
    let mut s = 0;
    let mut e = me;
    if e < b.len() && b[e] == b':' {
        let se = digits_end(b, e + 1);
        if se - (e + 1) != 2 {
            return None;
        }
        s = num(b, e + 1, se)?;
        e = se;
        if e < b.len()
            && (b[e] == b'.' || b[e] == b',')
            && e + 1 < b.len()
            && b[e + 1].is_ascii_digit()
        {
            e = digits_end(b, e + 1);
        }
    }
    let t = NaiveTime::from_hms_opt(h, mi, s.min(59))?;
    let mut off = None;
    if e < b.len() && (b[e] == b'Z' || b[e] == b'z') {
        off = FixedOffset::east_opt(0);
        e += 1;
    } else if e < b.len() && (b[e] == b'+' || b[e] == b'-') {
        let de = digits_end(b, e + 1);
        let parsed = if de - (e + 1) == 4 {
            Some((num(b, e + 1, e + 3)?, num(b, e + 3, e + 5)?, de))
        } else if de - (e + 1) == 2
            && de + 3 <= b.len()
            && b[de] == b':'
            && digits_end(b, de + 1) == de + 3
        {
            Some((num(b, e + 1, de)?, num(b, de + 1, de + 3)?, de + 3))
        } else if de - (e + 1) == 2 {
            Some((num(b, e + 1, de)?, 0, de))
        } else {
            None
        };
        if let Some((hh, mm, end)) = parsed {
            if hh <= 14 && mm < 60 {
                let secs = (hh * 3600 + mm * 60) as i32;
                off = FixedOffset::east_opt(if b[e] == b'-' { -secs } else { secs });
                e = end;
            }
        }
    }
    Some((t, off, e))
}

/// Helper for tests and callers: the UTC instant `dur` before `now`.
pub fn ago_from(now: DateTime<Utc>, dur: Duration) -> DateTime<Utc> {
    now.checked_sub_signed(dur).unwrap_or(now)
}

/// Day of week check: whether a mention's written weekday agrees with its date
/// (when both are known). Useful to reject misreadings.
pub fn weekday_consistent(m: &DateMention) -> bool {
    match (m.weekday, m.date()) {
        (Some(w), Some(d)) => d.weekday() == w,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_at_the_start_and_their_year() {
        let m = date_at_start("Oct 28 (AFP) - text").unwrap();
        assert_eq!(
            (m.span.end, m.month, m.day, m.year),
            (6, 10, Some(28), None)
        );
        let m = date_at_start("October 28, 2025: text").unwrap();
        assert_eq!(m.year, Some(2025));
        assert!(date_at_start("Police said on Oct 28").is_none());
        assert!(date_at_start(" Oct 28").is_none());
        let feb1 = d(2026, 2, 1);
        let at = |s: &str| resolve_day(&date_at_start(s).unwrap(), feb1);
        // Not in the future: last year's October; this year's January.
        assert_eq!(at("Oct 28 (AFP)"), Some(d(2025, 10, 28)));
        assert_eq!(at("Jan 30 (AFP)"), Some(d(2026, 1, 30)));
        assert_eq!(at("Feb 1 (AFP)"), Some(d(2026, 2, 1)));
        assert_eq!(at("Feb 2 (AFP)"), Some(d(2025, 2, 2)));
        assert_eq!(at("Feb 29 (AFP)"), Some(d(2024, 2, 29)));
        // A written year is kept as written.
        assert_eq!(at("Oct 28, 2026 (AFP)"), Some(d(2026, 10, 28)));
        assert_eq!(
            resolve_day(&date_at_start("October 2025").unwrap(), feb1),
            None
        );
    }

    #[test]
    fn whole_string_forms() {
        for (s, want) in [
            ("28 October 2025", "2025-10-28"),
            ("Oct. 19, 2025", "2025-10-19"),
            ("October 28, 2025", "2025-10-28"),
            ("2025-10-28", "2025-10-28"),
            ("2025/10/28", "2025-10-28"),
            ("28th Oct 2025", "2025-10-28"),
            ("Sept. 3, 2024", "2024-09-03"),
            (" 28 Oct. 2025 ", "2025-10-28"),
            ("2025-10-28T10:32:00Z", "2025-10-28T10:32:00Z"),
            ("2025-10-28T10:32:00+05:00", "2025-10-28T10:32:00+05:00"),
            ("Tue, 28 Oct 2025 10:32:00 +0000", "2025-10-28T10:32:00Z"),
            ("Tuesday 28 Oct 2025 10:32 GMT", "2025-10-28T10:32:00Z"),
            ("Tuesday 28 Oct 2025 10.32 GMT", "2025-10-28T10:32:00Z"),
            ("October 28, 2025 3:15 pm PKT", "2025-10-28T15:15:00+05:00"),
            ("28 October 2025 10:32", "2025-10-28"),
        ] {
            assert_eq!(
                parse_moment(s).map(|m| m.to_iso()).as_deref(),
                Some(want),
                "{s}"
            );
        }
    }

    #[test]
    fn rejects_non_dates_and_partial_dates() {
        for s in [
            "",
            "hello",
            "31 February 2025",
            "Oct. 19",
            "October 2025",
            "28 October 2025 was a Tuesday",
            "12345",
        ] {
            assert_eq!(parse_moment(s), None, "{s}");
        }
    }

    #[test]
    fn finds_dates_in_running_text() {
        let t = "agreed to a ceasefire in Doha on Oct. 19, mediated by Qatar, and on October 20, 2025. In March 2024 they met; they may 5 times.";
        let ms = find_dates(t);
        assert_eq!(ms.len(), 3, "{ms:?}");
        assert_eq!(&t[ms[0].span.start..ms[0].span.end], "Oct. 19");
        assert_eq!((ms[0].year, ms[0].month, ms[0].day), (None, 10, Some(19)));
        assert_eq!(&t[ms[1].span.start..ms[1].span.end], "October 20, 2025");
        assert_eq!(ms[1].date(), Some(d(2025, 10, 20)));
        assert_eq!(&t[ms[2].span.start..ms[2].span.end], "March 2024");
        assert_eq!(ms[2].day, None);
    }

    #[test]
    fn weekday_prefix_is_part_of_the_mention() {
        let t = "Posted Tuesday, 28 Oct 2025 at 10:32 GMT here";
        let ms = find_dates(t);
        assert_eq!(ms.len(), 1);
        assert_eq!(
            &t[ms[0].span.start..ms[0].span.end],
            "Tuesday, 28 Oct 2025 at 10:32 GMT"
        );
        assert_eq!(ms[0].weekday, Some(Weekday::Tue));
        assert!(weekday_consistent(&ms[0]));
    }

    #[test]
    fn ago_forms() {
        assert_eq!(parse_ago("5 sec ago"), Some(Duration::seconds(5)));
        assert_eq!(parse_ago("an hour ago"), Some(Duration::hours(1)));
        assert_eq!(parse_ago("3 mins ago"), Some(Duration::minutes(3)));
        assert_eq!(parse_ago("2d ago"), Some(Duration::days(2)));
        assert_eq!(parse_ago("just now"), Some(Duration::zero()));
        assert_eq!(parse_ago("5 apples ago"), None);
        assert_eq!(parse_ago("5 sec"), None);
    }

    #[test]
    fn month_names() {
        assert_eq!(month_from_name("Sept."), Some(9));
        assert_eq!(month_from_name("oct"), Some(10));
        assert_eq!(month_from_name("Octob"), None);
        assert_eq!(month_from_name("Ma"), None);
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn find_dates_never_panics_and_spans_are_valid(s in "\\PC{0,80}") {
                for m in find_dates(&s) {
                    prop_assert!(m.span.start < m.span.end && m.span.end <= s.len());
                    prop_assert!(s.get(m.span.start..m.span.end).is_some());
                }
                let _ = parse_moment(&s);
                let _ = parse_ago(&s);
            }

            #[test]
            fn date_like_strings_never_panic(s in "[0-9A-Za-z ,.:+/-]{0,40}") {
                for m in find_dates(&s) {
                    prop_assert!(s.get(m.span.start..m.span.end).is_some());
                }
                let _ = parse_moment(&s);
            }

            #[test]
            fn formatted_dates_roundtrip(y in 1950i32..2090, m in 1u32..=12, day in 1u32..=28) {
                let date = NaiveDate::from_ymd_opt(y, m, day).unwrap();
                for f in ["%d %B %Y", "%B %d, %Y", "%b. %d, %Y", "%Y-%m-%d", "%A %d %b %Y"] {
                    let s = date.format(f).to_string();
                    prop_assert_eq!(parse_date(&s), Some(date), "{}", s);
                }
            }
        }
    }
}
