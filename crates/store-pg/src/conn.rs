//! Connecting: URL parsing (with TLS modes), a small connection pool, and the
//! mapping of PostgreSQL errors onto [`StoreError`].

use postgres::config::SslMode;
use postgres::error::SqlState;
use postgres::{Client, Config, NoTls};
use sitrep_store::StoreError;
use std::str::FromStr;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// The URL with its password replaced by `***`, for messages.
pub fn redact(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_string();
    };
    let rest = &url[scheme_end + 3..];
    let auth_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let auth = &rest[..auth_end];
    let Some(at) = auth.rfind('@') else {
        return url.to_string();
    };
    let userinfo = &auth[..at];
    match userinfo.find(':') {
        Some(colon) => format!(
            "{}{}:***{}",
            &url[..scheme_end + 3],
            &userinfo[..colon],
            &rest[at..]
        ),
        None => url.to_string(),
    }
}

/// Parses a `postgres://` / `postgresql://` URL (or a libpq key=value string).
///
/// TLS: `sslmode=disable` and `sslmode=prefer` (the default; without a TLS
/// implementation built in, `prefer` connects in plain text) are supported;
/// `sslmode=require` is refused with a clear message, since this build carries
/// no TLS library (tunnel through a local socket or stunnel/pgbouncer instead).
pub fn parse_config(url: &str) -> Result<Config, StoreError> {
    let db = redact(url);
    let open = |reason: String| StoreError::Open {
        db: db.clone(),
        reason,
    };
    if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        return Err(open(
            "not a PostgreSQL URL (expected postgres://user:password@host:port/database)".into(),
        ));
    }
    let mut cfg = Config::from_str(url).map_err(|e| {
        let msg = describe(&e);
        if msg.contains("sslmode") {
            open(format!(
                "{msg}: this build supports sslmode=disable and sslmode=prefer (plain text) only"
            ))
        } else {
            open(format!("malformed URL: {msg}"))
        }
    })?;
    if cfg.get_ssl_mode() == SslMode::Require {
        return Err(open(
            "sslmode=require: this build has no TLS library; use sslmode=disable or prefer \
             (e.g. over a unix socket, an SSH tunnel or a TLS-terminating pgbouncer)"
                .into(),
        ));
    }
    if cfg.get_hosts().is_empty() {
        cfg.host("localhost");
    }
    if cfg.get_connect_timeout().is_none() {
        cfg.connect_timeout(Duration::from_secs(10));
    }
    if cfg.get_application_name().is_none() {
        cfg.application_name("sitrep");
    }
    Ok(cfg)
}

/// Display of an error with its whole source chain.
pub fn describe(e: &(dyn std::error::Error + 'static)) -> String {
    if let Some(pg) = e.downcast_ref::<postgres::Error>() {
        if let Some(db) = pg.as_db_error() {
            let mut s = format!("{}: {}", db.severity(), db.message());
            if let Some(d) = db.detail() {
                s.push_str(&format!(" ({d})"));
            }
            if let Some(h) = db.hint() {
                s.push_str(&format!("; hint: {h}"));
            }
            return s;
        }
    }
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(x) = src {
        let t = x.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        src = x.source();
    }
    s
}

/// Whether the error is worth retrying the transaction for (deadlock,
/// serialization failure, a lost race on a unique key).
pub fn is_retryable(e: &postgres::Error) -> bool {
    matches!(
        e.code(),
        Some(c) if *c == SqlState::T_R_DEADLOCK_DETECTED
            || *c == SqlState::T_R_SERIALIZATION_FAILURE
            || *c == SqlState::UNIQUE_VIOLATION
    )
}

/// Maps a PostgreSQL error met while using the store onto [`StoreError`].
pub fn map_err(db: &str, e: &postgres::Error) -> StoreError {
    let reason = describe(e);
    let db = db.to_string();
    match e.code() {
        Some(c) if *c == SqlState::INSUFFICIENT_PRIVILEGE => StoreError::Write {
            db,
            reason: format!(
                "{reason} (the role needs CONNECT, USAGE and CREATE on the schema, and \
                 SELECT/INSERT/UPDATE/DELETE on the sitrep tables; see docs/DEPLOY.md)"
            ),
        },
        Some(c)
            if *c == SqlState::READ_ONLY_SQL_TRANSACTION
                || *c == SqlState::DISK_FULL
                || *c == SqlState::OUT_OF_MEMORY
                || *c == SqlState::PROGRAM_LIMIT_EXCEEDED =>
        {
            StoreError::Write { db, reason }
        }
        _ => StoreError::Backend { db, reason },
    }
}

/// Maps a connection failure onto [`StoreError::Open`], naming the likely cause.
fn connect_err(db: &str, cfg: &Config, e: &postgres::Error) -> StoreError {
    let mut reason = describe(e);
    let code = e.code().cloned();
    let lower = reason.to_lowercase();
    let target = cfg
        .get_hosts()
        .first()
        .map(|h| match h {
            postgres::config::Host::Tcp(h) => h.clone(),
            postgres::config::Host::Unix(p) => p.display().to_string(),
        })
        .unwrap_or_default();
    let port = cfg.get_ports().first().copied().unwrap_or(5432);
    if lower.contains("connection refused") {
        reason = format!("connection refused: is PostgreSQL running and listening on {target}:{port}? ({reason})");
    } else if code == Some(SqlState::INVALID_PASSWORD)
        || code == Some(SqlState::INVALID_AUTHORIZATION_SPECIFICATION)
    {
        reason =
            format!("authentication failed: check the user and password in the URL ({reason})");
    } else if code == Some(SqlState::INVALID_CATALOG_NAME) {
        reason = format!("the database does not exist: create it first (createdb) ({reason})");
    } else if code == Some(SqlState::INSUFFICIENT_PRIVILEGE) {
        return StoreError::Open {
            db: db.to_string(),
            reason: format!(
                "permission denied: the role may not connect to this database ({reason})"
            ),
        };
    } else if lower.contains("timed out") || lower.contains("timeout") {
        reason = format!("no answer from {target}:{port} in time ({reason})");
    } else if lower.contains("failed to lookup") || lower.contains("name or service") {
        reason = format!("unknown host {target} ({reason})");
    }
    StoreError::Open {
        db: db.to_string(),
        reason,
    }
}

/// A small blocking connection pool: at most `max` connections, opened lazily,
/// returned on drop, dropped when broken.
pub struct Pool {
    cfg: Config,
    db: String,
    max: usize,
    state: Mutex<PoolState>,
    freed: Condvar,
}

struct PoolState {
    idle: Vec<Client>,
    open: usize,
}

impl Pool {
    /// A pool over `cfg`; `db` is the redacted URL for messages.
    pub fn new(cfg: Config, db: String, max: usize) -> Self {
        Pool {
            cfg,
            db,
            max: max.max(1),
            state: Mutex::new(PoolState {
                idle: Vec::new(),
                open: 0,
            }),
            freed: Condvar::new(),
        }
    }

    /// The redacted URL.
    pub fn db(&self) -> &str {
        &self.db
    }

    /// A new connection outside the pool accounting.
    pub fn connect(&self) -> Result<Client, StoreError> {
        self.cfg
            .connect(NoTls)
            .map_err(|e| connect_err(&self.db, &self.cfg, &e))
    }

    /// A connection from the pool (waits up to 60 s when all are busy).
    pub fn get(&self) -> Result<PooledConn<'_>, StoreError> {
        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            while let Some(c) = st.idle.pop() {
                if c.is_closed() {
                    st.open = st.open.saturating_sub(1);
                    continue;
                }
                return Ok(PooledConn {
                    pool: self,
                    client: Some(c),
                });
            }
            if st.open < self.max {
                st.open += 1;
                drop(st);
                return match self.connect() {
                    Ok(c) => Ok(PooledConn {
                        pool: self,
                        client: Some(c),
                    }),
                    Err(e) => {
                        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
                        st.open = st.open.saturating_sub(1);
                        self.freed.notify_one();
                        Err(e)
                    }
                };
            }
            let (g, timeout) = self
                .freed
                .wait_timeout(st, Duration::from_secs(60))
                .unwrap_or_else(|p| p.into_inner());
            st = g;
            if timeout.timed_out() && st.idle.is_empty() && st.open >= self.max {
                return Err(StoreError::Backend {
                    db: self.db.clone(),
                    reason: format!("all {} pooled connections stayed busy for 60 s", self.max),
                });
            }
        }
    }
}

/// A connection borrowed from a [`Pool`].
pub struct PooledConn<'a> {
    pool: &'a Pool,
    client: Option<Client>,
}

impl std::ops::Deref for PooledConn<'_> {
    type Target = Client;
    fn deref(&self) -> &Client {
        self.client.as_ref().expect("client present until drop")
    }
}

impl std::ops::DerefMut for PooledConn<'_> {
    fn deref_mut(&mut self) -> &mut Client {
        self.client.as_mut().expect("client present until drop")
    }
}

impl Drop for PooledConn<'_> {
    fn drop(&mut self) {
        let mut st = self.pool.state.lock().unwrap_or_else(|p| p.into_inner());
        match self.client.take() {
            Some(c) if !c.is_closed() => st.idle.push(c),
            _ => st.open = st.open.saturating_sub(1),
        }
        self.pool.freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_password_only() {
        assert_eq!(
            redact("postgres://u:secret@h:5432/db?sslmode=disable"),
            "postgres://u:***@h:5432/db?sslmode=disable"
        );
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("postgres://h/db"), "postgres://h/db");
    }

    #[test]
    fn parses_urls_and_tls_modes() {
        assert!(parse_config("postgres://u:p@localhost:5432/db?sslmode=disable").is_ok());
        assert!(parse_config("postgresql://u@localhost/db?sslmode=prefer").is_ok());
        let e = parse_config("postgres://u:p@localhost/db?sslmode=require").unwrap_err();
        assert!(e.to_string().contains("sslmode=require"), "{e}");
        assert!(!e.to_string().contains(":p@"), "password leaked: {e}");
        let e = parse_config("postgres://u:p@localhost/db?sslmode=bogus").unwrap_err();
        assert!(matches!(e, StoreError::Open { .. }), "{e}");
        let e = parse_config("postgres://u:p@localhost:notaport/db").unwrap_err();
        assert!(e.to_string().contains("malformed URL"), "{e}");
        assert!(!e.to_string().contains(":p@"), "password leaked: {e}");
        assert!(parse_config("mysql://x").is_err());
    }
}
