//! The shared work queue: inputs (files, feeds, crawl files) registered once
//! and processed by any number of `sitrep worker` processes.
//!
//! * [`PgStore::queue_add`] registers paths; a path already queued is skipped.
//! * [`PgStore::claim`] hands one input to one worker with
//!   `FOR UPDATE SKIP LOCKED`: a pending input, or a leased one whose lease
//!   expired (its worker died). Each claim draws a new fencing token.
//! * [`PgStore::renew`] extends a lease while a long input is processed.
//! * [`PgStore::complete`] / [`PgStore::fail`] finish an input, only if the
//!   caller still holds the lease (same token): a worker that stalled past its
//!   lease cannot overwrite the outcome of the worker that took over.
//!
//! Nothing is lost when a worker dies mid-input: the input returns to the
//! queue when the lease expires, and re-ingesting the articles it had already
//! committed adds nothing (ingest is idempotent per article).

use crate::PgStore;
use serde::Serialize;
use sitrep_store::StoreError;
use std::time::Duration;

/// An input handed to a worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Queue item id.
    pub id: i64,
    /// The path (as registered).
    pub path: String,
    /// Fencing token of this lease.
    pub token: i64,
    /// How many times it has been claimed, this time included.
    pub attempts: i32,
}

/// Queue counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct QueueStatus {
    /// Waiting for a worker.
    pub pending: u64,
    /// Held by a worker whose lease has not expired.
    pub leased: u64,
    /// Leased, but the lease expired (its worker probably died): will be retried.
    pub expired: u64,
    /// Processed.
    pub done: u64,
    /// Given up on.
    pub failed: u64,
    /// Articles ingested by the done items.
    pub articles: u64,
}

impl QueueStatus {
    /// Whether no work is left or in flight.
    pub fn is_idle(&self) -> bool {
        self.pending == 0 && self.leased == 0 && self.expired == 0
    }
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64().max(0.001)
}

fn new_token() -> i64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let h = sitrep_model::stable_id(&[
        "lease",
        &nanos.to_string(),
        &std::process::id().to_string(),
        &format!("{:?}", std::thread::current().id()),
    ]);
    u64::from_str_radix(&h, 16).unwrap_or(1) as i64
}

impl PgStore {
    /// Registers inputs; returns how many were new (a path already queued,
    /// in any state, is not queued again).
    pub fn queue_add(&self, paths: &[String]) -> Result<usize, StoreError> {
        if paths.is_empty() {
            return Ok(0);
        }
        let mut c = self.conn()?;
        let mut added = 0usize;
        for chunk in paths.chunks(5_000) {
            let n = c
                .execute(
                    "INSERT INTO work_items (path)
                     SELECT p FROM unnest($1::text[]) WITH ORDINALITY AS u(p, o) ORDER BY o
                     ON CONFLICT (path) DO NOTHING",
                    &[&chunk],
                )
                .map_err(|e| self.err(e))?;
            added += usize::try_from(n).unwrap_or(0);
        }
        Ok(added)
    }

    /// Claims one input for `worker` for `lease`, or `None` when nothing is
    /// claimable now. An input that was already claimed `max_attempts` times
    /// and whose lease expired again is marked failed instead of retried
    /// (an input that kills its workers must not kill them all).
    pub fn claim(
        &self,
        worker: &str,
        lease: Duration,
        max_attempts: i32,
    ) -> Result<Option<Claim>, StoreError> {
        let mut c = self.conn()?;
        let token = new_token();
        let row = c
            .query_opt(
                "UPDATE work_items w
                 SET state = 'leased', leased_by = $1, lease_token = $2,
                     lease_until = now() + make_interval(secs => $3),
                     attempts = w.attempts + 1
                 WHERE w.id = (
                     SELECT id FROM work_items
                     WHERE state = 'pending'
                        OR (state = 'leased' AND lease_until < now() AND attempts < $4)
                     ORDER BY id
                     FOR UPDATE SKIP LOCKED
                     LIMIT 1)
                 RETURNING w.id, w.path, w.attempts",
                &[&worker, &token, &secs(lease), &max_attempts],
            )
            .map_err(|e| self.err(e))?;
        if row.is_none() {
            // Nothing claimable: give up on inputs whose workers keep dying.
            c.execute(
                "UPDATE work_items SET state = 'failed', finished_at = now(), lease_token = NULL,
                        error = 'gave up after ' || attempts || ' attempts whose workers died or stalled'
                 WHERE state = 'leased' AND lease_until < now() AND attempts >= $1",
                &[&max_attempts],
            )
            .map_err(|e| self.err(e))?;
        }
        Ok(row.map(|r| Claim {
            id: r.get(0),
            path: r.get(1),
            token,
            attempts: r.get(2),
        }))
    }

    /// Extends the lease; `false` when the lease was lost (expired and taken over).
    pub fn renew(&self, claim: &Claim, lease: Duration) -> Result<bool, StoreError> {
        let mut c = self.conn()?;
        let n = c
            .execute(
                "UPDATE work_items SET lease_until = now() + make_interval(secs => $3)
                 WHERE id = $1 AND lease_token = $2 AND state = 'leased'",
                &[&claim.id, &claim.token, &secs(lease)],
            )
            .map_err(|e| self.err(e))?;
        Ok(n == 1)
    }

    /// Marks the input done; `false` when the lease was lost meanwhile.
    pub fn complete(
        &self,
        claim: &Claim,
        articles: usize,
        rejected: usize,
    ) -> Result<bool, StoreError> {
        let mut c = self.conn()?;
        let a = i32::try_from(articles).unwrap_or(i32::MAX);
        let r = i32::try_from(rejected).unwrap_or(i32::MAX);
        let n = c
            .execute(
                "UPDATE work_items SET state = 'done', finished_at = now(), lease_token = NULL,
                        lease_until = NULL, articles = $3, rejected = $4, error = NULL
                 WHERE id = $1 AND lease_token = $2 AND state = 'leased'",
                &[&claim.id, &claim.token, &a, &r],
            )
            .map_err(|e| self.err(e))?;
        Ok(n == 1)
    }

    /// Marks the input failed with `error` (it is not retried); `false` when
    /// the lease was lost meanwhile.
    pub fn fail(&self, claim: &Claim, error: &str) -> Result<bool, StoreError> {
        let mut c = self.conn()?;
        let n = c
            .execute(
                "UPDATE work_items SET state = 'failed', finished_at = now(), lease_token = NULL,
                        lease_until = NULL, error = $3
                 WHERE id = $1 AND lease_token = $2 AND state = 'leased'",
                &[&claim.id, &claim.token, &error],
            )
            .map_err(|e| self.err(e))?;
        Ok(n == 1)
    }

    /// Queue counts.
    pub fn queue_status(&self) -> Result<QueueStatus, StoreError> {
        let mut c = self.conn()?;
        let r = c
            .query_one(
                "SELECT count(*) FILTER (WHERE state = 'pending'),
                        count(*) FILTER (WHERE state = 'leased' AND lease_until >= now()),
                        count(*) FILTER (WHERE state = 'leased' AND lease_until < now()),
                        count(*) FILTER (WHERE state = 'done'),
                        count(*) FILTER (WHERE state = 'failed'),
                        coalesce(sum(articles) FILTER (WHERE state = 'done'), 0)::int8
                 FROM work_items",
                &[],
            )
            .map_err(|e| self.err(e))?;
        let n = |i: usize| r.get::<_, i64>(i).max(0) as u64;
        Ok(QueueStatus {
            pending: n(0),
            leased: n(1),
            expired: n(2),
            done: n(3),
            failed: n(4),
            articles: n(5),
        })
    }

    /// The failed inputs with their errors (path, error), oldest first.
    pub fn queue_failures(&self, limit: i64) -> Result<Vec<(String, String)>, StoreError> {
        let mut c = self.conn()?;
        let rows = c
            .query(
                "SELECT path, coalesce(error, '') FROM work_items WHERE state = 'failed'
                 ORDER BY id LIMIT $1",
                &[&limit],
            )
            .map_err(|e| self.err(e))?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }
}
