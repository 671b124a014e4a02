//! News-relative time expressions: "on Sunday", "Saturday's", "late Saturday",
//! "over the weekend", "since Saturday", "Oct. 19", "19 October 2025",
//! "earlier this month", "last year", "last week", "yesterday", "in 2021",
//! "01/05/2008", "a day after" … found in a text and resolved against a
//! publication date into a date with a [`DatePrecision`].
//!
//! Resolution rules (news convention):
//! - a weekday is the most recent such day on or before publication ("on
//!   Sunday" in an article published on a Sunday is that day);
//! - a month and day without a year is the latest such date no later than a
//!   week after publication;
//! - "over the weekend" is the most recent Saturday–Sunday (precision `days`);
//! - "since Saturday" runs from that day to publication (precision `days`);
//! - "this month"/"earlier this month" → the publication month (`month`);
//!   "last month" → the month before; "this year"/"last year" → `year`;
//! - "this week"/"last week" → `week` (Monday of that week);
//! - anchor-relative phrases ("a day after", "the day before", "a day
//!   earlier", "two days later") resolve against another date the caller
//!   gives ([`Timex::resolve_against`]).
//!
//! Without a publication date, only expressions that carry their own year
//! resolve; everything else gives `None` (the caller codes `unknown`).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use sitrep_model::{DatePrecision, Span};

/// What a time expression says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimexKind {
    /// A full date (year stated).
    Absolute(NaiveDate),
    /// Month and day, year unstated.
    MonthDay {
        /// 1–12.
        month: u32,
        /// 1–31.
        day: u32,
    },
    /// A month with its year ("October 2025").
    MonthYear {
        /// Year.
        year: i32,
        /// 1–12.
        month: u32,
    },
    /// A month name alone ("in October").
    Month(u32),
    /// A year ("in 2021").
    Year(i32),
    /// A weekday ("on Sunday", "Saturday's", "late Saturday").
    Weekday(Weekday),
    /// "since Saturday": from that weekday to publication.
    SinceWeekday(Weekday),
    /// Days relative to publication: 0 today, -1 yesterday/last night.
    DaysFromPublication(i64),
    /// "over the weekend".
    Weekend,
    /// Weeks relative to publication: 0 this week, -1 last week.
    Week(i64),
    /// Months relative to publication: 0 this month, -1 last month.
    RelMonth(i64),
    /// Years relative to publication: 0 this year, -1 last year.
    RelYear(i64),
    /// Days relative to another event's date ("a day after" → +1 of the
    /// anchor as the phrase's object; see [`Timex::resolve_against`]).
    AnchorOffset(i64),
}

/// A time expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timex {
    /// Byte span in the text searched.
    pub span: Span,
    /// What it says.
    pub kind: TimexKind,
}

/// A resolved date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    /// First (or only) day.
    pub date: NaiveDate,
    /// Last day, for spans (`days`).
    pub date_end: Option<NaiveDate>,
    /// How exact.
    pub precision: DatePrecision,
}

impl Resolved {
    /// The last day the expression could mean (for background checks).
    pub fn latest(&self) -> NaiveDate {
        if let Some(e) = self.date_end {
            return e;
        }
        match self.precision {
            DatePrecision::Week => self.date + Duration::days(6),
            DatePrecision::Month => last_of_month(self.date.year(), self.date.month()),
            DatePrecision::Year => {
                NaiveDate::from_ymd_opt(self.date.year(), 12, 31).unwrap_or(self.date)
            }
            _ => self.date,
        }
    }
}

fn last_of_month(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MIN)
}

fn day(date: NaiveDate) -> Resolved {
    Resolved {
        date,
        date_end: None,
        precision: DatePrecision::Day,
    }
}

/// The most recent `wd` on or before `d`.
pub fn weekday_on_or_before(d: NaiveDate, wd: Weekday) -> NaiveDate {
    let back =
        (7 + d.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64) % 7;
    d - Duration::days(back)
}

fn add_months(y: i32, m: u32, delta: i64) -> (i32, u32) {
    let idx = y as i64 * 12 + (m as i64 - 1) + delta;
    let ny = idx.div_euclid(12) as i32;
    let nm = idx.rem_euclid(12) as u32 + 1;
    (ny, nm)
}

impl Timex {
    /// Resolve against the publication date. `None` when the expression
    /// needs a publication date and there is none, or is anchor-relative.
    pub fn resolve(&self, published: Option<NaiveDate>) -> Option<Resolved> {
        use TimexKind::*;
        match self.kind {
            Absolute(d) => Some(day(d)),
            MonthYear { year, month } => Some(Resolved {
                date: NaiveDate::from_ymd_opt(year, month, 1)?,
                date_end: None,
                precision: DatePrecision::Month,
            }),
            Year(y) => Some(Resolved {
                date: NaiveDate::from_ymd_opt(y, 1, 1)?,
                date_end: None,
                precision: DatePrecision::Year,
            }),
            AnchorOffset(_) => None,
            _ => {
                let p = published?;
                match self.kind {
                    MonthDay { month, day: dd } => {
                        let limit = p + Duration::days(7);
                        let mut y = p.year();
                        loop {
                            if let Some(d) = NaiveDate::from_ymd_opt(y, month, dd) {
                                if d <= limit {
                                    return Some(day(d));
                                }
                            }
                            y -= 1;
                            if y < p.year() - 4 {
                                return None;
                            }
                        }
                    }
                    Month(m) => {
                        let y = if m > p.month() {
                            p.year() - 1
                        } else {
                            p.year()
                        };
                        Some(Resolved {
                            date: NaiveDate::from_ymd_opt(y, m, 1)?,
                            date_end: None,
                            precision: DatePrecision::Month,
                        })
                    }
                    Weekday(wd) => Some(day(weekday_on_or_before(p, wd))),
                    SinceWeekday(wd) => {
                        let d = weekday_on_or_before(p, wd);
                        Some(Resolved {
                            date: d,
                            date_end: if d < p { Some(p) } else { None },
                            precision: if d < p {
                                DatePrecision::Days
                            } else {
                                DatePrecision::Day
                            },
                        })
                    }
                    DaysFromPublication(n) => Some(day(p + Duration::days(n))),
                    Weekend => {
                        let sat = weekday_on_or_before(p, chrono::Weekday::Sat);
                        let sun = sat + Duration::days(1);
                        if sat == p {
                            Some(day(sat))
                        } else {
                            Some(Resolved {
                                date: sat,
                                date_end: Some(sun),
                                precision: DatePrecision::Days,
                            })
                        }
                    }
                    Week(n) => {
                        let monday =
                            weekday_on_or_before(p, chrono::Weekday::Mon) + Duration::days(7 * n);
                        Some(Resolved {
                            date: monday,
                            date_end: None,
                            precision: DatePrecision::Week,
                        })
                    }
                    RelMonth(n) => {
                        let (y, m) = add_months(p.year(), p.month(), n);
                        Some(Resolved {
                            date: NaiveDate::from_ymd_opt(y, m, 1)?,
                            date_end: None,
                            precision: DatePrecision::Month,
                        })
                    }
                    RelYear(n) => Some(Resolved {
                        date: NaiveDate::from_ymd_opt(p.year() + n as i32, 1, 1)?,
                        date_end: None,
                        precision: DatePrecision::Year,
                    }),
                    _ => None,
                }
            }
        }
    }

    /// Resolve an anchor-relative expression against `anchor` (the date of
    /// the clause it hangs on); other kinds resolve against `published`.
    pub fn resolve_against(
        &self,
        anchor: Option<NaiveDate>,
        published: Option<NaiveDate>,
    ) -> Option<Resolved> {
        match self.kind {
            TimexKind::AnchorOffset(n) => Some(day(anchor? + Duration::days(n))),
            _ => self.resolve(published),
        }
    }
}

/// `w` in ASCII lower case in the stack buffer `buf`, or `None` when it is
/// longer than the buffer (no month, weekday or number word is).
fn lower_in<'b>(w: &str, buf: &'b mut [u8; 12]) -> Option<&'b str> {
    let b = w.as_bytes();
    if b.len() > buf.len() {
        return None;
    }
    for (d, c) in buf.iter_mut().zip(b) {
        *d = c.to_ascii_lowercase();
    }
    // ASCII lower-casing keeps UTF-8 valid
    std::str::from_utf8(&buf[..b.len()]).ok()
}

fn month_of(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    if w.len() < 3 || !w.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    // (every name below has 3 to 9 letters and opens with one of these:
    // other words are turned away before the lower-cased copy)
    if w.len() > 9
        || !matches!(
            w.as_bytes()[0].to_ascii_lowercase(),
            b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
        )
    {
        return None;
    }
    let mut buf = [0u8; 12];
    Some(match lower_in(w, &mut buf)? {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

fn weekday_of(w: &str) -> Option<Weekday> {
    // (trimming only shortens a word and keeps its first byte: most words
    // are turned away here, before the suffix searches)
    // (every name below opens with one of these letters)
    if w.len() < 6
        || !matches!(
            w.as_bytes()[0].to_ascii_lowercase(),
            b'm' | b't' | b'w' | b'f' | b's'
        )
    {
        return None;
    }
    let w = trim_suffix(trim_suffix(w, "'s"), "’s");
    if w.len() < 6 || !w.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let mut buf = [0u8; 12];
    Some(match lower_in(w, &mut buf)? {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn small_number(w: &str) -> Option<i64> {
    let mut buf = [0u8; 12];
    Some(match lower_in(w, &mut buf)? {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "ten" => 10,
        w => w.parse().ok()?,
    })
}

#[derive(Debug, Clone, Copy)]
struct W<'a> {
    s: &'a str,
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<W<'_>> {
    let b = text.as_bytes();
    // (about one word in six bytes: room for most texts' words at once)
    let mut out = Vec::with_capacity(b.len() / 6 + 4);
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphanumeric() {
            let s = i;
            while i < b.len() {
                let c = b[i];
                if c.is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
                let date_sep = (c == b'/' || c == b'-')
                    && i + 1 < b.len()
                    && b[i + 1].is_ascii_digit()
                    && b[s].is_ascii_digit();
                if date_sep {
                    i += 1;
                } else if c == b'.'
                    && i > s
                    && month_of(&text[s..i]).is_some()
                    && text[s..i].len() <= 4
                {
                    // "Oct." keeps its dot
                    i += 1;
                    break;
                } else if c == b'\'' && text[i..].starts_with("'s") {
                    i += 2;
                    break;
                } else if text[i..].starts_with("’s") {
                    i += "’s".len();
                    break;
                } else {
                    break;
                }
            }
            out.push(W {
                s: &text[s..i],
                start: s,
                end: i,
            });
        } else {
            i += 1;
        }
    }
    out
}

/// `w.trim_end_matches(suffix)` (every repeat of the suffix off the end)
/// without building a substring searcher for each call.
pub fn trim_suffix<'a>(mut w: &'a str, suffix: &str) -> &'a str {
    while let Some(t) = w.strip_suffix(suffix) {
        w = t;
    }
    w
}

fn ordinal_day(w: &str) -> Option<u32> {
    // the day is a prefix of the word: a word that does not start with a
    // digit is none (checked before the four suffix searches)
    if !w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let t = trim_suffix(
        trim_suffix(trim_suffix(trim_suffix(w, "st"), "nd"), "rd"),
        "th",
    );
    if t.is_empty() || t.len() > 2 || !t.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let d: u32 = t.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_of(w: &str) -> Option<i32> {
    if w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()) {
        let y: i32 = w.parse().ok()?;
        return (1900..=2100).contains(&y).then_some(y);
    }
    None
}

fn numeric_date(w: &str) -> Option<NaiveDate> {
    // 01/05/2008 (US month/day/year) or 2026-01-31
    if w.contains('/') {
        let p: Vec<&str> = w.split('/').collect();
        if p.len() == 3 && p[2].len() == 4 {
            let m: u32 = p[0].parse().ok()?;
            let d: u32 = p[1].parse().ok()?;
            let y: i32 = p[2].parse().ok()?;
            return NaiveDate::from_ymd_opt(y, m, d);
        }
        return None;
    }
    if !w.contains('-') {
        return None;
    }
    let p: Vec<&str> = w.split('-').collect();
    if p.len() == 3 && p[0].len() == 4 {
        return NaiveDate::from_ymd_opt(p[0].parse().ok()?, p[1].parse().ok()?, p[2].parse().ok()?);
    }
    None
}

/// Letters and digits every time expression holds one of (ASCII case
/// ignored): a digit (numeric dates, days, years), a month name's first
/// three letters, "day" (weekdays, "today", "yesterday", "the next day"),
/// "week" ("weekend"), "night" ("tonight"), or a word after "last"/"this"
/// (month, year, morning, afternoon, evening). A text with none of them has
/// no time expression ([`find_timexes`] returns at once).
const TIMEX_CUES: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "day",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
];

/// Whether `text` holds one of [`TIMEX_CUES`] (one automaton pass).
fn may_hold_timex(text: &str) -> bool {
    static AC: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> = std::sync::OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(TIMEX_CUES)
            .ok()
    })
    .as_ref()
    // (no automaton: every text is read in full)
    .is_none_or(|ac| ac.is_match(text))
}

/// Every time expression in `text`, left to right, not overlapping.
pub fn find_timexes(text: &str) -> Vec<Timex> {
    if !may_hold_timex(text) {
        return Vec::new();
    }
    let ws = words(text);
    let mut out = Vec::new();
    // one lower-case copy of the text; words are slices of it
    let low = text.to_ascii_lowercase();
    let l = |k: usize| ws.get(k).map_or("", |w| &low[w.start..w.end]);
    let mut i = 0;
    while i < ws.len() {
        let push = |from: usize, to: usize, kind: TimexKind, out: &mut Vec<Timex>| {
            out.push(Timex {
                span: Span::new(ws[from].start, ws[to].end),
                kind,
            });
            to + 1
        };
        let w = l(i);
        // numeric dates
        // (a numeric date opens with a digit: its first part is a number)
        if let Some(d) = ws[i].s.as_bytes()[0]
            .is_ascii_digit()
            .then(|| numeric_date(ws[i].s))
            .flatten()
        {
            i = push(i, i, TimexKind::Absolute(d), &mut out);
            continue;
        }
        // "19 October (2025)", "19th October"
        if let Some(dd) = ordinal_day(w) {
            if let Some(m) = ws.get(i + 1).and_then(|x| month_of(x.s)) {
                if let Some(y) = ws.get(i + 2).and_then(|x| year_of(x.s)) {
                    if let Some(d) = NaiveDate::from_ymd_opt(y, m, dd) {
                        i = push(i, i + 2, TimexKind::Absolute(d), &mut out);
                        continue;
                    }
                }
                i = push(
                    i,
                    i + 1,
                    TimexKind::MonthDay { month: m, day: dd },
                    &mut out,
                );
                continue;
            }
        }
        // "October 19(th)(, 2025)", "October 2025", "in October"
        if let Some(m) = month_of(ws[i].s) {
            // "may" is a verb far more often than a month: require capital M
            // and a following day or year.
            let capital = ws[i].s.as_bytes()[0].is_ascii_uppercase();
            if capital {
                if let Some(dd) = ws.get(i + 1).and_then(|x| ordinal_day(x.s)) {
                    if let Some(y) = ws.get(i + 2).and_then(|x| year_of(x.s)) {
                        if let Some(d) = NaiveDate::from_ymd_opt(y, m, dd) {
                            i = push(i, i + 2, TimexKind::Absolute(d), &mut out);
                            continue;
                        }
                    }
                    i = push(
                        i,
                        i + 1,
                        TimexKind::MonthDay { month: m, day: dd },
                        &mut out,
                    );
                    continue;
                }
                if let Some(y) = ws.get(i + 1).and_then(|x| year_of(x.s)) {
                    i = push(
                        i,
                        i + 1,
                        TimexKind::MonthYear { year: y, month: m },
                        &mut out,
                    );
                    continue;
                }
                if m != 5
                    && matches!(
                        l(i.wrapping_sub(1)),
                        "in" | "since" | "during" | "early" | "late" | "mid"
                    )
                {
                    i = push(i, i, TimexKind::Month(m), &mut out);
                    continue;
                }
            }
        }
        // weekdays, with "since", "late", "early", "last", part of day
        if let Some(wd) = weekday_of(ws[i].s) {
            let since = i > 0 && l(i - 1) == "since";
            let from = if i > 0
                && matches!(
                    l(i - 1),
                    "late" | "early" | "last" | "since" | "on" | "this" | "past"
                ) {
                i - 1
            } else {
                i
            };
            let to = if matches!(l(i + 1), "night" | "morning" | "evening" | "afternoon") {
                i + 1
            } else {
                i
            };
            let kind = if since {
                TimexKind::SinceWeekday(wd)
            } else {
                TimexKind::Weekday(wd)
            };
            i = push(from, to, kind, &mut out);
            continue;
        }
        match w {
            "today" | "tonight" => {
                i = push(i, i, TimexKind::DaysFromPublication(0), &mut out);
                continue;
            }
            "yesterday" => {
                i = push(i, i, TimexKind::DaysFromPublication(-1), &mut out);
                continue;
            }
            "weekend" if matches!(l(i.wrapping_sub(1)), "the" | "this" | "last" | "past") => {
                let from = if i >= 2 && matches!(l(i - 2), "over" | "at" | "during") {
                    i - 2
                } else {
                    i - 1
                };
                i = push(from, i, TimexKind::Weekend, &mut out);
                continue;
            }
            "last" | "this" | "past" | "earlier" | "late" | "early" => {
                let (k, rel) =
                    if (w == "earlier" || w == "late" || w == "early") && l(i + 1) == "this" {
                        (i + 2, 0)
                    } else if w == "last" || w == "past" {
                        (i + 1, -1)
                    } else if w == "this" {
                        (i + 1, 0)
                    } else {
                        (usize::MAX, 0)
                    };
                let kind = match l(k) {
                    "week" => Some(TimexKind::Week(rel)),
                    "month" => Some(TimexKind::RelMonth(rel)),
                    "year" => Some(TimexKind::RelYear(rel)),
                    "night" if rel == -1 => Some(TimexKind::DaysFromPublication(-1)),
                    "morning" | "afternoon" | "evening" if rel == 0 => {
                        Some(TimexKind::DaysFromPublication(0))
                    }
                    _ => None,
                };
                if let Some(kind) = kind {
                    i = push(i, k, kind, &mut out);
                    continue;
                }
            }
            _ => {}
        }
        // "a day after/later/earlier/before", "two days ago", "the previous day"
        // (the number only when a day or week word follows: `small_number`
        // parses every word it is given)
        if let Some(n) = matches!(l(i + 1), "day" | "days" | "week" | "weeks")
            .then(|| small_number(w))
            .flatten()
        {
            if matches!(l(i + 1), "day" | "days") {
                let dir = match l(i + 2) {
                    "after" | "later" => Some(1),
                    "before" | "earlier" => Some(-1),
                    "ago" => Some(0),
                    _ => None,
                };
                if let Some(dir) = dir {
                    let kind = if dir == 0 {
                        TimexKind::DaysFromPublication(-n)
                    } else {
                        // "X came a day after Y": Y is one day before X.
                        TimexKind::AnchorOffset(-dir * n)
                    };
                    i = push(i, i + 2, kind, &mut out);
                    continue;
                }
            }
            if matches!(l(i + 1), "week" | "weeks") && l(i + 2) == "ago" {
                i = push(i, i + 2, TimexKind::Week(-n), &mut out);
                continue;
            }
        }
        if w == "the" && matches!(l(i + 1), "previous" | "preceding") && l(i + 2) == "day" {
            i = push(i, i + 2, TimexKind::AnchorOffset(-1), &mut out);
            continue;
        }
        if w == "the" && matches!(l(i + 1), "next" | "following") && l(i + 2) == "day" {
            i = push(i, i + 2, TimexKind::AnchorOffset(1), &mut out);
            continue;
        }
        // "in 2021", "since 2021", "of 2019"
        if let Some(y) = year_of(w) {
            if i > 0 && matches!(l(i - 1), "in" | "since" | "during" | "of") {
                i = push(i, i, TimexKind::Year(y), &mut out);
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The end (byte offset) of a wire dateline opening `text`: a place in capitals,
/// a comma, the filing date and source, then a dash ("SAN SALVADOR, 13 NOV 89 (DPA)
/// --", "HAVANA (CUBA), 10 JAN 90 (RADIO REBELDE) --", "KABUL, Oct 28 (Reuters) -").
/// A date written there is when the story was filed, not when its events
/// happened: a date in the story's own sentences ("killed nine peasants on 17
/// August") must outrank it. `None` when the text opens otherwise.
pub fn dateline_end(text: &str) -> Option<usize> {
    let lead = text.len() - text.trim_start().len();
    let head = text
        .get(lead..(lead + 100).min(text.len()))
        .or_else(|| text.get(lead..))?;
    let (place, _) = head.split_once(',')?;
    let place_ok = !place.trim().is_empty()
        && place.len() <= 40
        && place.chars().any(|c| c.is_ascii_uppercase())
        && place
            .chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '(' | ')' | '.' | '\'' | '-'));
    if !place_ok {
        return None;
    }
    let dash = [" -- ", " --", " - ", " \u{2014} ", " \u{2013} "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, d.len())))
        .min_by_key(|&(i, len)| (i, std::cmp::Reverse(len)))?;
    // the filing date lies between the comma and the dash
    let between = head.get(place.len() + 1..dash.0)?;
    if between.is_empty() || !between.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(lead + dash.0 + dash.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of time expression holds one of the cues the quick check
    /// in front of `find_timexes` looks for, and a text without any has none.
    #[test]
    fn the_cue_check_passes_every_time_expression() {
        for t in [
            "on Monday night",
            "SINCE THURSDAY",
            "today",
            "TONIGHT",
            "yesterday",
            "over the weekend",
            "last week",
            "this month",
            "past year",
            "LAST NIGHT",
            "this morning",
            "early this afternoon",
            "this evening",
            "two days ago",
            "a day later",
            "three weeks ago",
            "the previous day",
            "the next day",
            "in October",
            "Oct. 19",
            "SEPT 3",
            "19th June",
            "in 2021",
            "01/05/2008",
            "2026-01-31",
        ] {
            let found = find_timexes(t);
            assert!(!found.is_empty(), "{t:?} is a time expression");
            assert!(may_hold_timex(t), "{t:?}");
        }
        for t in [
            "police said the attack killed nine",
            "",
            "THE GUERRILLAS FLED",
        ] {
            assert!(!may_hold_timex(t), "{t:?}");
            assert!(find_timexes(t).is_empty());
        }
    }

    /// The first-letter and length checks in front of `month_of` and
    /// `weekday_of` turn away no name, in any case, with a full stop or a
    /// possessive.
    #[test]
    fn every_month_and_weekday_name_passes_the_quick_checks() {
        let months = [
            ("january", 1),
            ("jan", 1),
            ("february", 2),
            ("feb", 2),
            ("march", 3),
            ("mar", 3),
            ("april", 4),
            ("apr", 4),
            ("may", 5),
            ("june", 6),
            ("jun", 6),
            ("july", 7),
            ("jul", 7),
            ("august", 8),
            ("aug", 8),
            ("september", 9),
            ("sep", 9),
            ("sept", 9),
            ("october", 10),
            ("oct", 10),
            ("november", 11),
            ("nov", 11),
            ("december", 12),
            ("dec", 12),
        ];
        for (m, n) in months {
            let title = format!("{}{}", m[..1].to_uppercase(), &m[1..]);
            for w in [
                m.to_string(),
                m.to_uppercase(),
                title.clone(),
                format!("{title}."),
            ] {
                assert_eq!(month_of(&w), Some(n), "{w}");
            }
        }
        assert_eq!(month_of("Septembers"), None);
        let days = [
            ("monday", Weekday::Mon),
            ("tuesday", Weekday::Tue),
            ("wednesday", Weekday::Wed),
            ("thursday", Weekday::Thu),
            ("friday", Weekday::Fri),
            ("saturday", Weekday::Sat),
            ("sunday", Weekday::Sun),
        ];
        for (d, wd) in days {
            let title = format!("{}{}", d[..1].to_uppercase(), &d[1..]);
            for w in [
                d.to_string(),
                d.to_uppercase(),
                title.clone(),
                format!("{title}'s"),
            ] {
                assert_eq!(weekday_of(&w), Some(wd), "{w}");
            }
        }
    }

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn one(text: &str, p: Option<NaiveDate>) -> Option<Resolved> {
        let t = find_timexes(text);
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        t[0].resolve(p)
    }

    #[test]
    fn weekdays_resolve_to_the_most_recent_on_or_before() {
        // 2026-02-01 is a Sunday
        let p = Some(d(2026, 2, 1));
        assert_eq!(one("attacked on Sunday", p).unwrap().date, d(2026, 2, 1));
        assert_eq!(one("on Saturday", p).unwrap().date, d(2026, 1, 31));
        assert_eq!(one("killed on Friday", p).unwrap().date, d(2026, 1, 30));
        assert_eq!(one("Saturday's attacks", p).unwrap().date, d(2026, 1, 31));
        assert_eq!(
            one("late Saturday to join", p).unwrap().date,
            d(2026, 1, 31)
        );
        assert_eq!(one("Monday night", p).unwrap().date, d(2026, 1, 26));
    }

    #[test]
    fn weekend_and_since() {
        // 2025-10-28 is a Tuesday
        let p = Some(d(2025, 10, 28));
        let r = one("clashes over the weekend killed", p).unwrap();
        assert_eq!(
            (r.date, r.date_end),
            (d(2025, 10, 25), Some(d(2025, 10, 26)))
        );
        assert_eq!(r.precision, DatePrecision::Days);
        let r = one("talks since Saturday in Istanbul", p).unwrap();
        assert_eq!(
            (r.date, r.date_end),
            (d(2025, 10, 25), Some(d(2025, 10, 28)))
        );
    }

    #[test]
    fn month_day_and_absolute() {
        let p = Some(d(2025, 10, 28));
        assert_eq!(
            one("in Doha on Oct. 19, mediated", p).unwrap().date,
            d(2025, 10, 19)
        );
        assert_eq!(one("on 26 August", p).unwrap().date, d(2025, 8, 26));
        assert_eq!(
            one("On February 24th, members", p).unwrap().date,
            d(2025, 2, 24)
        );
        assert_eq!(
            one("on October 20, 2025.", None).unwrap().date,
            d(2025, 10, 20)
        );
        assert_eq!(one("28 October 2025", None).unwrap().date, d(2025, 10, 28));
        assert_eq!(
            one("01/05/2008: Assailants", None).unwrap().date,
            d(2008, 1, 5)
        );
        // December mentioned in early January is last year's
        assert_eq!(
            one("on Dec. 30", Some(d(2026, 1, 3))).unwrap().date,
            d(2025, 12, 30)
        );
    }

    #[test]
    fn coarse_expressions() {
        let p = Some(d(2026, 2, 1));
        let r = one("Last year, the separatists", p).unwrap();
        assert_eq!((r.date.year(), r.precision), (2025, DatePrecision::Year));
        let r = one("earlier this month", Some(d(2025, 10, 28))).unwrap();
        assert_eq!(
            (r.date, r.precision),
            (d(2025, 10, 1), DatePrecision::Month)
        );
        let r = one("last week", p).unwrap();
        assert_eq!((r.date, r.precision), (d(2026, 1, 19), DatePrecision::Week));
        let r = one("in 2021", p).unwrap();
        assert_eq!(r.precision, DatePrecision::Year);
        assert_eq!(one("yesterday", p).unwrap().date, d(2026, 1, 31));
        assert_eq!(one("two days ago", p).unwrap().date, d(2026, 1, 30));
    }

    #[test]
    fn anchor_relative() {
        let t = find_timexes("a day after militants stormed");
        assert_eq!(t[0].kind, TimexKind::AnchorOffset(-1));
        let r = t[0].resolve_against(Some(d(2026, 2, 1)), None).unwrap();
        assert_eq!(r.date, d(2026, 1, 31));
        assert!(t[0].resolve(Some(d(2026, 2, 1))).is_none());
    }

    #[test]
    fn no_publication_date_gives_nothing_for_relative_forms() {
        assert!(one("on Sunday", None).is_none());
        assert!(one("earlier this month", None).is_none());
        assert!(find_timexes("troops may enter").is_empty());
    }

    #[test]
    fn datelines_are_found_and_only_at_the_start() {
        let t = "SAN SALVADOR, 13 NOV 89 (DPA) -- [TEXT] TWO CITIZENS HAVE BEEN KILLED";
        assert_eq!(dateline_end(t), Some(t.find("[TEXT]").unwrap_or(0)));
        let t = "HAVANA (CUBA), 10 JAN 90 (RADIO REBELDE NETWORK) -- [COMMENTARY] X";
        assert_eq!(dateline_end(t), Some(t.find("[COMMENTARY]").unwrap_or(0)));
        let t = "KABUL, Oct 28 (Reuters) - Gunmen killed two";
        assert_eq!(dateline_end(t), Some(t.find("Gunmen").unwrap_or(0)));
        // no date, no capitals, or not at the start: no dateline
        assert_eq!(dateline_end("QUETTA, Pakistan - A bomb exploded"), None);
        assert_eq!(dateline_end("Gunmen, on 12 May - killed two"), None);
        assert_eq!(
            dateline_end("Troops killed nine peasants on 17 August."),
            None
        );
        assert_eq!(dateline_end(""), None);
        assert_eq!(dateline_end("LIMA, 1 APR 90"), None);
        // a dash before the first comma is no dateline
        assert_eq!(dateline_end("LIMA - POLICE SAID, 3 MEN -- DIED"), None);
        assert_eq!(dateline_end("A - B, 1 -- C"), None);
        // never panics, whatever the bytes
        for t in [
            "\u{e9}\u{e9}, 1 -- x",
            ",",
            " , -- ",
            "X,-- 1",
            "X, 1 --",
            "É, 1 \u{2014} y",
        ] {
            let _ = dateline_end(t);
        }
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn dateline_end_never_panics_and_ends_in_the_text(s in "[A-Z ,()0-9a-z\u{e9}\u{2014}-]{0,60}") {
                if let Some(e) = dateline_end(&s) {
                    prop_assert!(e <= s.len() && s.get(e..).is_some());
                }
            }
        }
    }
}
