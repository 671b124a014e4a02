//! Connecting: URL parsing (with TLS modes), a small connection pool, and the
//! mapping of PostgreSQL errors onto [`StoreError`].

use crate::tls::{MakeRustls, SslMode, TlsOptions};
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

/// Decodes `%XX` escapes (URL query values); other bytes pass through.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Takes the TLS options (`sslmode`, `sslrootcert`, `sslcert`, `sslkey`) out
/// of the URL's query string: the URL without them, and the options.
fn split_tls_options(url: &str) -> Result<(String, TlsOptions), String> {
    let mut tls = TlsOptions::default();
    let Some((head, query)) = url.split_once('?') else {
        return Ok((url.to_string(), tls));
    };
    let mut kept = Vec::new();
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(v);
        match k {
            "sslmode" => {
                tls.mode = SslMode::parse(&value).ok_or_else(|| {
                    format!(
                        "invalid sslmode={value:?} (expected disable, prefer, require, \
                         verify-ca or verify-full)"
                    )
                })?
            }
            "sslrootcert" => tls.rootcert = Some(value.into()),
            "sslcert" => tls.cert = Some(value.into()),
            "sslkey" => tls.key = Some(value.into()),
            "sslcrl"
            | "sslcrldir"
            | "sslpassword"
            | "sslsni"
            | "ssl_min_protocol_version"
            | "ssl_max_protocol_version"
            | "sslcompression" => {
                return Err(format!(
                    "the URL option {k} is not supported by this build (supported: sslmode, \
                     sslrootcert, sslcert, sslkey)"
                ))
            }
            _ => kept.push(pair),
        }
    }
    let url = if kept.is_empty() {
        head.to_string()
    } else {
        format!("{head}?{}", kept.join("&"))
    };
    Ok((url, tls))
}

/// Parses a `postgres://` / `postgresql://` URL into the driver's
/// configuration and the TLS options (see [`crate::tls`]: `sslmode=disable|
/// prefer|require|verify-ca|verify-full`, `sslrootcert`, `sslcert`, `sslkey`;
/// the default is `prefer`, as libpq's).
pub fn parse_url(url: &str) -> Result<(Config, TlsOptions), StoreError> {
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
    let (rest, tls) = split_tls_options(url).map_err(open)?;
    let mut cfg =
        Config::from_str(&rest).map_err(|e| open(format!("malformed URL: {}", describe(&e))))?;
    cfg.ssl_mode(tls.mode.driver_mode());
    if cfg.get_hosts().is_empty() {
        cfg.host("localhost");
    }
    if cfg.get_connect_timeout().is_none() {
        cfg.connect_timeout(Duration::from_secs(10));
    }
    if cfg.get_application_name().is_none() {
        cfg.application_name("sitrep");
    }
    Ok((cfg, tls))
}

/// The driver configuration of a URL (its TLS options are checked but not
/// returned; see [`parse_url`]).
pub fn parse_config(url: &str) -> Result<Config, StoreError> {
    parse_url(url).map(|(cfg, _)| cfg)
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
    if e.as_db_error().is_none() && (lower.contains("tls") || lower.contains("certificate")) {
        let hint = if lower.contains("not valid for name") {
            "sslmode=verify-full needs the host of the URL among the names of the server's \
             certificate (or use verify-ca to check the chain only)"
        } else if lower.contains("unknownissuer")
            || lower.contains("unknown issuer")
            || lower.contains("badsignature")
        {
            "the server's certificate is not signed by the CA in sslrootcert: name the CA \
             file of this server"
        } else if lower.contains("does not support tls") {
            "the server has TLS switched off (ssl = off): enable it, or use sslmode=prefer \
             or disable on a trusted network"
        } else {
            "check sslmode, sslrootcert, sslcert and sslkey"
        };
        reason = format!("TLS failed ({reason}): {hint}");
    } else if lower.contains("connection refused") {
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
    tls: Option<MakeRustls>,
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
    /// A pool over `cfg` (TLS through `tls` unless `None`); `db` is the
    /// redacted URL for messages.
    pub fn new(cfg: Config, tls: Option<MakeRustls>, db: String, max: usize) -> Self {
        Pool {
            cfg,
            tls,
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
        let res = match &self.tls {
            Some(tls) => self.cfg.connect(tls.clone()),
            None => self.cfg.connect(NoTls),
        };
        res.map_err(|e| connect_err(&self.db, &self.cfg, &e))
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
        let (cfg, tls) = parse_url("postgres://u:p@localhost:5432/db?sslmode=disable").unwrap();
        assert_eq!(tls.mode, SslMode::Disable);
        assert_eq!(cfg.get_ssl_mode(), postgres::config::SslMode::Disable);
        let (_, tls) = parse_url("postgresql://u@localhost/db").unwrap();
        assert_eq!(tls.mode, SslMode::Prefer, "libpq's default");
        let (cfg, tls) = parse_url(
            "postgres://u:p@db.example/db?application_name=w1&sslmode=verify-full\
             &sslrootcert=%2Fetc%2Fsitrep%2Fca.crt&sslcert=/c.crt&sslkey=/c.key&connect_timeout=3",
        )
        .unwrap();
        assert_eq!(tls.mode, SslMode::VerifyFull);
        assert_eq!(cfg.get_ssl_mode(), postgres::config::SslMode::Require);
        assert_eq!(
            tls.rootcert.as_deref(),
            Some(std::path::Path::new("/etc/sitrep/ca.crt"))
        );
        assert_eq!(tls.cert.as_deref(), Some(std::path::Path::new("/c.crt")));
        assert_eq!(tls.key.as_deref(), Some(std::path::Path::new("/c.key")));
        assert_eq!(cfg.get_application_name(), Some("w1"));
        assert_eq!(cfg.get_connect_timeout(), Some(&Duration::from_secs(3)));
        for (mode, want) in [
            ("require", SslMode::Require),
            ("verify-ca", SslMode::VerifyCa),
            ("prefer", SslMode::Prefer),
        ] {
            let (cfg, tls) = parse_url(&format!("postgres://h/db?sslmode={mode}")).unwrap();
            assert_eq!(tls.mode, want);
            assert_ne!(cfg.get_ssl_mode(), postgres::config::SslMode::Disable);
        }
        let e = parse_config("postgres://u:p@localhost/db?sslmode=bogus").unwrap_err();
        assert!(matches!(e, StoreError::Open { .. }), "{e}");
        assert!(e.to_string().contains("sslmode"), "{e}");
        assert!(!e.to_string().contains(":p@"), "password leaked: {e}");
        let e = parse_config("postgres://u:p@localhost/db?sslcrl=/x.crl").unwrap_err();
        assert!(e.to_string().contains("sslcrl"), "{e}");
        let e = parse_config("postgres://u:p@localhost:notaport/db").unwrap_err();
        assert!(e.to_string().contains("malformed URL"), "{e}");
        assert!(!e.to_string().contains(":p@"), "password leaked: {e}");
        assert!(parse_config("mysql://x").is_err());
    }

    #[test]
    fn percent_decoding_keeps_odd_input() {
        assert_eq!(percent_decode("%2Fa%20b"), "/a b");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%C3%A9"), "é");
    }
}
