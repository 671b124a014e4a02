//! Idempotent ingest with fusion that stays correct under concurrent writers.
//!
//! Each article is one transaction (READ COMMITTED):
//!
//! 1. Advisory locks on the article's id, URL and text hash, so that two workers
//!    handed the same article (or a correction of it) take turns.
//! 2. The same text already stored (under any id) → unchanged. The same id or
//!    URL with other text → a correction: its reports are removed and the
//!    events they were in are re-fused.
//! 3. **Fusion**, with the same planner as the SQLite backend
//!    ([`sitrep_store::plan::plan`]: walk the `same_event` links through the
//!    indexed (country, day) window, regroup with `sitrep_fuse::components`, fuse
//!    with `sitrep_fuse::fuse`, id = smallest report id). To keep it correct
//!    with concurrent writers, time is cut into 8-day buckets and every read
//!    of the planner is covered by `(country, bucket)` advisory locks: a window
//!    query over country `c` locks its buckets (exclusive on `c`, shared on
//!    "any country"; exclusive on "any country" for a window over all
//!    countries), and every report the planner reads or adds locks the
//!    buckets its date interval occupies the same way. The planner is run,
//!    the locks its reads need are taken, and it is run again until it needs no
//!    new lock: from then on every read happened under locks that any other
//!    writer of the same events must also take. Two linked reports always share
//!    a bucket lock (a report's window covers every report it can link to), so
//!    neither of two concurrent transactions can miss the other's report. Lock
//!    sets taken in several rounds can deadlock; PostgreSQL detects it and the
//!    article is retried.

use crate::conn::is_retryable;
use crate::PgStore;
use chrono::{Datelike, NaiveDate};
use postgres::types::Json;
use postgres::Transaction;
use serde::Serialize;
use sitrep_model::{stable_id, Event};
use sitrep_store::plan::{plan, FusionPlan, ReportLookup, StoredReport};
use sitrep_store::{
    country_key, day_number, report_rows, text_hash, ArticleReports, IngestReport, StoreError,
};
use std::collections::{BTreeMap, BTreeSet};

/// Width of a lock bucket, in days.
pub const BUCKET_DAYS: i64 = 8;
/// Attempts per article on deadlock / serialization failure.
const MAX_ATTEMPTS: u32 = 30;

/// What happened to one article.
enum Outcome {
    Added(usize),
    Unchanged,
    Replaced(usize),
}

/// A failure inside the article transaction.
enum TxError {
    Pg(postgres::Error),
    Store(StoreError),
}

impl From<postgres::Error> for TxError {
    fn from(e: postgres::Error) -> Self {
        TxError::Pg(e)
    }
}

/// Ingests a batch, one transaction per article, retrying lock conflicts.
pub(crate) fn ingest(
    store: &PgStore,
    batch: &[ArticleReports],
) -> Result<IngestReport, StoreError> {
    let mut c = store.conn()?;
    let mut rep = IngestReport::default();
    for ar in batch {
        let clean = sanitized(ar);
        let ar = clean.as_ref().unwrap_or(ar);
        let mut attempt = 0u32;
        let outcome = loop {
            let res = (|| {
                let mut tx = c.transaction()?;
                let o = ingest_one(&mut tx, store.db(), ar)?;
                tx.commit()?;
                Ok::<_, TxError>(o)
            })();
            match res {
                Ok(o) => break o,
                Err(TxError::Pg(e)) if is_retryable(&e) && attempt < MAX_ATTEMPTS => {
                    attempt += 1;
                    // Back off a little, differently per process, to break lock-step retries.
                    let jitter = (u64::from(std::process::id()) * 7 + u64::from(attempt) * 13) % 20;
                    std::thread::sleep(std::time::Duration::from_millis(5 + jitter));
                }
                Err(TxError::Pg(e)) => return Err(store.err(e)),
                Err(TxError::Store(e)) => return Err(e),
            }
        };
        match outcome {
            Outcome::Added(n) => {
                rep.added += 1;
                rep.events_touched += n;
            }
            Outcome::Unchanged => rep.unchanged += 1,
            Outcome::Replaced(n) => {
                rep.replaced += 1;
                rep.events_touched += n;
            }
        }
    }
    Ok(rep)
}

/// The article with NUL characters replaced by spaces (PostgreSQL text cannot
/// hold them; one byte for one byte keeps the offsets), or `None` when it has none.
fn sanitized(ar: &ArticleReports) -> Option<ArticleReports> {
    let has =
        |s: Result<String, serde_json::Error>| s.map(|s| s.contains("\\u0000")).unwrap_or(false);
    if !has(serde_json::to_string(&ar.article)) && !has(serde_json::to_string(&ar.events)) {
        return None;
    }
    let article = serde_json::from_value(to_jsonb(&ar.article)).ok()?;
    let events = serde_json::from_value(to_jsonb(&ar.events)).ok()?;
    Some(ArticleReports { article, events })
}

/// A 64-bit advisory lock key from string parts.
fn lock_key(parts: &[&str]) -> i64 {
    let h = stable_id(parts);
    u64::from_str_radix(&h, 16).unwrap_or(0) as i64
}

/// Lock wanted: key → exclusive?
type LockSet = BTreeMap<i64, bool>;

/// Locks for days `lo..=hi` (day numbers) of `country` (`""`: every country).
fn want_locks(set: &mut LockSet, country: &str, lo: i64, hi: i64) {
    let any = "*";
    for b in lo.div_euclid(BUCKET_DAYS)..=hi.max(lo).div_euclid(BUCKET_DAYS) {
        let bs = b.to_string();
        if country.is_empty() {
            set.insert(lock_key(&["fuse", any, &bs]), true);
        } else {
            set.insert(lock_key(&["fuse", country, &bs]), true);
            set.entry(lock_key(&["fuse", any, &bs])).or_insert(false);
        }
    }
}

/// Locks for the days a report occupies.
fn want_report(set: &mut LockSet, e: &Event) {
    if let Some(day) = day_number(e) {
        let end = e
            .date_end
            .map(|d| i64::from(d.num_days_from_ce()))
            .unwrap_or(day)
            .max(day);
        want_locks(set, &country_key(e), day, end);
    }
}

fn take_locks(
    tx: &mut Transaction<'_>,
    want: &LockSet,
    held: &mut LockSet,
) -> Result<bool, postgres::Error> {
    let mut excl = Vec::new();
    let mut shared = Vec::new();
    for (&k, &x) in want {
        match held.get(&k) {
            Some(&hx) if hx || !x => continue,
            _ => {}
        }
        if x {
            excl.push(k);
        } else {
            shared.push(k);
        }
    }
    if excl.is_empty() && shared.is_empty() {
        return Ok(false);
    }
    // One statement each; the keys are taken in ascending order within it.
    if !excl.is_empty() {
        tx.execute(
            "SELECT pg_advisory_xact_lock(k) FROM (SELECT unnest($1::bigint[]) AS k ORDER BY 1) s",
            &[&excl],
        )?;
    }
    if !shared.is_empty() {
        tx.execute(
            "SELECT pg_advisory_xact_lock_shared(k) FROM (SELECT unnest($1::bigint[]) AS k ORDER BY 1) s",
            &[&shared],
        )?;
    }
    for k in excl {
        held.insert(k, true);
    }
    for k in shared {
        held.entry(k).or_insert(false);
    }
    Ok(true)
}

/// The planner's view of the `reports` table, recording the locks its reads need.
struct Lookup<'a, 'b> {
    tx: &'a mut Transaction<'b>,
    db: &'a str,
    want: LockSet,
}

impl Lookup<'_, '_> {
    fn rows(&mut self, rows: Vec<postgres::Row>) -> Result<Vec<StoredReport>, StoreError> {
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let v: Result<Json<Event>, _> = r.try_get(2);
            let Json(event) = v.map_err(|e| StoreError::NotAStore {
                db: self.db.to_string(),
                reason: format!("stored report does not decode: {e}"),
            })?;
            want_report(&mut self.want, &event);
            out.push(StoredReport {
                id: r.get(0),
                event_id: r.get(1),
                event,
            });
        }
        Ok(out)
    }
}

impl ReportLookup for Lookup<'_, '_> {
    fn window(
        &mut self,
        country: &str,
        day_lo: i64,
        day_hi: i64,
    ) -> Result<Vec<StoredReport>, StoreError> {
        want_locks(&mut self.want, country, day_lo, day_hi);
        let lo = i32::try_from(day_lo).unwrap_or(i32::MIN);
        let hi = i32::try_from(day_hi).unwrap_or(i32::MAX);
        // Multi-day reports meet the window from their end (at most MAX_SPAN days long).
        let far = i32::try_from(day_lo - sitrep_store::plan::MAX_SPAN).unwrap_or(i32::MIN);
        let rows = self
            .tx
            .query(
                "SELECT id, event_id, report FROM reports
                 WHERE day BETWEEN $1 AND $2 AND ($3 = '' OR country = $3 OR country = '')
                 UNION ALL
                 SELECT id, event_id, report FROM reports
                 WHERE day_end > day AND day >= $4 AND day < $1 AND day_end >= $1
                   AND ($3 = '' OR country = $3 OR country = '')",
                &[&lo, &hi, &country, &far],
            )
            .map_err(|e| crate::conn::map_err(self.db, &e))?;
        self.rows(rows)
    }

    fn members(&mut self, event_id: &str) -> Result<Vec<StoredReport>, StoreError> {
        let rows = self
            .tx
            .query(
                "SELECT id, event_id, report FROM reports WHERE event_id = $1",
                &[&event_id],
            )
            .map_err(|e| crate::conn::map_err(self.db, &e))?;
        self.rows(rows)
    }
}

fn ingest_one(tx: &mut Transaction<'_>, db: &str, ar: &ArticleReports) -> Result<Outcome, TxError> {
    let art = &ar.article;
    let hash = text_hash(&art.text);
    let url = art.url.as_deref().map(str::trim).filter(|u| !u.is_empty());

    // 1. Article identity locks.
    let mut keys = vec![
        lock_key(&["article-id", &art.id]),
        lock_key(&["article-hash", &hash]),
    ];
    if let Some(u) = url {
        keys.push(lock_key(&["article-url", u]));
    }
    keys.sort_unstable();
    keys.dedup();
    tx.execute(
        "SELECT pg_advisory_xact_lock(k) FROM (SELECT unnest($1::bigint[]) AS k ORDER BY 1) s",
        &[&keys],
    )?;

    // 2. Unchanged, new, or a correction? (The same rule as the SQLite backend.)
    let by_id: Option<String> = tx
        .query_opt("SELECT text_hash FROM articles WHERE id = $1", &[&art.id])?
        .map(|r| r.get(0));
    let by_url: Vec<(String, String)> = match url {
        Some(u) => tx
            .query("SELECT id, text_hash FROM articles WHERE url = $1", &[&u])?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect(),
        None => Vec::new(),
    };
    match &by_id {
        Some(h) if *h == hash => return Ok(Outcome::Unchanged),
        None if by_url.iter().any(|x| x.1 == hash) => return Ok(Outcome::Unchanged),
        None if by_url.is_empty() => {
            let dup: bool = tx
                .query_one(
                    "SELECT EXISTS (SELECT 1 FROM articles WHERE text_hash = $1)",
                    &[&hash],
                )?
                .get(0);
            if dup {
                return Ok(Outcome::Unchanged);
            }
        }
        _ => {}
    }
    let mut replaced: Vec<String> = by_url
        .iter()
        .filter(|x| x.1 != hash)
        .map(|x| x.0.clone())
        .collect();
    if by_id.is_some() && !replaced.contains(&art.id) {
        replaced.push(art.id.clone());
    }

    // The new reports, with ids unique in the store.
    let mut seeds: Vec<StoredReport> = report_rows(ar)
        .into_iter()
        .map(|(id, event)| StoredReport {
            id,
            event_id: String::new(),
            event,
        })
        .collect();
    {
        let ids: Vec<String> = seeds.iter().map(|s| s.id.clone()).collect();
        let taken: BTreeSet<String> = tx
            .query(
                "SELECT id FROM reports WHERE id = ANY($1) AND NOT (article_id = ANY($2))",
                &[&ids, &replaced],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        for s in seeds.iter_mut() {
            if taken.contains(&s.id) {
                s.id = stable_id(&[&art.id, &s.id]);
                s.event.id = s.id.clone();
            }
        }
    }

    // 3. Locks for what the correction removes, then remove it.
    let mut held = LockSet::new();
    let mut want = LockSet::new();
    for s in &seeds {
        want_report(&mut want, &s.event);
    }
    let mut orphaned: BTreeSet<String> = BTreeSet::new();
    if !replaced.is_empty() {
        for r in tx.query(
            "SELECT report FROM reports WHERE article_id = ANY($1)",
            &[&replaced],
        )? {
            let Json(e): Json<Event> = r.get(0);
            want_report(&mut want, &e);
        }
        take_locks(tx, &want, &mut held)?;
        for r in tx.query(
            "DELETE FROM reports WHERE article_id = ANY($1) RETURNING event_id",
            &[&replaced],
        )? {
            orphaned.insert(r.get(0));
        }
        tx.execute("DELETE FROM articles WHERE id = ANY($1)", &[&replaced])?;
    }

    // 4. Plan the fusion until its reads are covered by our locks.
    let fusion: FusionPlan = loop {
        let mut lookup = Lookup {
            tx,
            db,
            want: want.clone(),
        };
        let p = plan(seeds.clone(), &orphaned, &mut lookup).map_err(TxError::Store)?;
        let need = lookup.want;
        if !take_locks(tx, &need, &mut held)? {
            break p;
        }
        want = need;
    };

    // 5. Write the article, its reports, and the re-fused events.
    let summary = to_jsonb(&art.summary);
    let body = no_nul(&art.text);
    let title = art.title.as_deref().map(no_nul);
    let input = no_nul(&art.input);
    tx.execute(
        "INSERT INTO articles (id, input, url, title, published, dateline, publisher, summary, body, text_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        &[
            &art.id,
            &input,
            &url,
            &title,
            &art.published,
            &art.dateline,
            &art.publisher,
            &summary,
            &body,
            &hash,
        ],
    )?;
    if !seeds.is_empty() {
        let ids: Vec<String> = seeds.iter().map(|s| s.id.clone()).collect();
        let cs: Vec<String> = seeds.iter().map(|s| country_key(&s.event)).collect();
        let day = |d: Option<i64>| d.and_then(|d| i32::try_from(d).ok());
        let days: Vec<Option<i32>> = seeds.iter().map(|s| day(day_number(&s.event))).collect();
        let ends: Vec<Option<i32>> = seeds
            .iter()
            .map(|s| day(s.event.date_end.map(|d| i64::from(d.num_days_from_ce()))))
            .collect();
        let bodies: Vec<serde_json::Value> = seeds.iter().map(|s| to_jsonb(&s.event)).collect();
        tx.execute(
            "INSERT INTO reports (id, article_id, event_id, day, day_end, country, report)
             SELECT id, $2, id, d, de, c, body
             FROM unnest($1::text[], $3::int4[], $4::int4[], $5::text[], $6::jsonb[])
                  AS u(id, d, de, c, body)",
            &[&ids, &art.id, &days, &ends, &cs, &bodies],
        )?;
    }
    let touched = apply(tx, &fusion)?;
    Ok(if replaced.is_empty() {
        Outcome::Added(touched)
    } else {
        Outcome::Replaced(touched)
    })
}

/// Applies a fusion plan; returns the number of events created or changed.
fn apply(tx: &mut Transaction<'_>, p: &FusionPlan) -> Result<usize, postgres::Error> {
    let old: Vec<&str> = p.old_events.iter().map(String::as_str).collect();
    if !old.is_empty() {
        tx.execute("DELETE FROM events WHERE id = ANY($1)", &[&old])?;
    }
    let mut rid = Vec::new();
    let mut eid = Vec::new();
    for (e, members) in &p.new_events {
        for m in members {
            rid.push(m.clone());
            eid.push(e.id.clone());
        }
    }
    if !rid.is_empty() {
        tx.execute(
            "UPDATE reports r SET event_id = u.eid
             FROM unnest($1::text[], $2::text[]) AS u(rid, eid)
             WHERE r.id = u.rid AND r.event_id IS DISTINCT FROM u.eid",
            &[&rid, &eid],
        )?;
    }
    let evs: Vec<(Event, usize)> = p
        .new_events
        .iter()
        .map(|(e, m)| (e.clone(), m.len()))
        .collect();
    if !evs.is_empty() {
        upsert_events(tx, &evs)?;
    }
    Ok(p.new_events.len())
}

/// Replaces NUL characters (which PostgreSQL text and jsonb cannot hold) by
/// spaces: one byte for one byte, so evidence offsets stay valid.
pub(crate) fn no_nul(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\0') {
        std::borrow::Cow::Owned(s.replace('\0', " "))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// A value as JSON for a jsonb column (NULs replaced, see [`no_nul`]).
pub(crate) fn to_jsonb<T: Serialize>(v: &T) -> serde_json::Value {
    fn clean(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) if s.contains('\0') => *s = s.replace('\0', " "),
            serde_json::Value::Array(a) => a.iter_mut().for_each(clean),
            serde_json::Value::Object(o) => o.values_mut().for_each(clean),
            _ => {}
        }
    }
    let mut j = serde_json::to_value(v).unwrap_or(serde_json::Value::Null);
    clean(&mut j);
    j
}

fn upsert_events(tx: &mut Transaction<'_>, evs: &[(Event, usize)]) -> Result<(), postgres::Error> {
    let mut ids = Vec::new();
    let mut dates: Vec<Option<NaiveDate>> = Vec::new();
    let mut ccs: Vec<Option<String>> = Vec::new();
    let mut a1s: Vec<Option<String>> = Vec::new();
    let mut a1lc: Vec<Option<String>> = Vec::new();
    let mut types: Vec<Option<String>> = Vec::new();
    let mut act1: Vec<Option<String>> = Vec::new();
    let mut act1lc: Vec<Option<String>> = Vec::new();
    let mut act2lc: Vec<Option<String>> = Vec::new();
    let mut lats: Vec<Option<f64>> = Vec::new();
    let mut lons: Vec<Option<f64>> = Vec::new();
    let mut fats: Vec<Option<i32>> = Vec::new();
    let mut ns = Vec::new();
    let mut bodies = Vec::new();
    for (e, n) in evs {
        let loc = e.location.as_ref();
        let s = |x: &str| no_nul(x).into_owned();
        ids.push(s(&e.id));
        dates.push(e.event_date);
        ccs.push(
            Some(country_key(e))
                .filter(|c| !c.is_empty())
                .map(|c| s(&c)),
        );
        a1s.push(loc.and_then(|l| l.admin1.as_deref()).map(s));
        a1lc.push(
            loc.and_then(|l| l.admin1.as_deref())
                .map(|x| s(&x.to_lowercase())),
        );
        types.push(e.event_type.map(|t| t.label().to_string()));
        act1.push(e.actor1.as_ref().map(|a| s(&a.name)));
        act1lc.push(e.actor1.as_ref().map(|a| s(&a.name.to_lowercase())));
        act2lc.push(e.actor2.as_ref().map(|a| s(&a.name.to_lowercase())));
        lats.push(loc.and_then(|l| l.lat));
        lons.push(loc.and_then(|l| l.lon));
        fats.push(
            e.fatalities
                .best
                .map(|b| i32::try_from(b).unwrap_or(i32::MAX)),
        );
        ns.push(i32::try_from(*n).unwrap_or(i32::MAX));
        bodies.push(to_jsonb(e));
    }
    tx.execute(
        "INSERT INTO events (id, event_date, country_code, admin1, admin1_lc, event_type, actor1,
                             actor1_lc, actor2_lc, lat, lon, fatalities_best, n_reports, event)
         SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[],
                              $6::text[], $7::text[], $8::text[], $9::text[], $10::float8[],
                              $11::float8[], $12::int4[], $13::int4[], $14::jsonb[])
         ON CONFLICT (id) DO UPDATE SET
            event_date = EXCLUDED.event_date, country_code = EXCLUDED.country_code,
            admin1 = EXCLUDED.admin1, admin1_lc = EXCLUDED.admin1_lc,
            event_type = EXCLUDED.event_type, actor1 = EXCLUDED.actor1,
            actor1_lc = EXCLUDED.actor1_lc, actor2_lc = EXCLUDED.actor2_lc, lat = EXCLUDED.lat,
            lon = EXCLUDED.lon, fatalities_best = EXCLUDED.fatalities_best,
            n_reports = EXCLUDED.n_reports, event = EXCLUDED.event, updated_at = now()",
        &[
            &ids, &dates, &ccs, &a1s, &a1lc, &types, &act1, &act1lc, &act2lc, &lats, &lons, &fats,
            &ns, &bodies,
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linked_days_share_a_lock() {
        // A report on day d and the window the planner searches around a report
        // on day d + 1 (d - 8 .. d + 2) always share an exclusive or a
        // shared/exclusive pair of bucket locks.
        for d in 738_000..738_040i64 {
            let mut occ = LockSet::new();
            want_locks(&mut occ, "PK", d, d);
            let mut win = LockSet::new();
            want_locks(&mut win, "PK", d + 1 - 1 - 8, d + 1 + 1);
            assert!(occ.iter().any(|(k, x)| *x && win.get(k) == Some(&true)));
            let mut occ_none = LockSet::new();
            want_locks(&mut occ_none, "", d, d);
            assert!(occ_none.iter().any(|(k, x)| *x && win.contains_key(k)));
            let mut win_all = LockSet::new();
            want_locks(&mut win_all, "", d - 8, d + 2);
            assert!(occ.iter().any(|(k, _)| win_all.get(k) == Some(&true)));
        }
    }
}
