//! Opening the store named by `--db` / `SITREP_DB`: a file path (SQLite) or `postgres://…`.

use sitrep_store::{SqliteStore, Store};
use std::sync::Arc;

/// Opens the store at `url`: `postgres://` or `postgresql://` selects the
/// PostgreSQL backend; anything else is a SQLite file path (created when absent).
pub fn open(url: &str) -> anyhow::Result<Arc<dyn Store>> {
    let url = url.trim();
    if url.is_empty() {
        anyhow::bail!("empty --db (give a file path or a postgres:// URL)");
    }
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return open_postgres(url);
    }
    let path = url.strip_prefix("sqlite://").unwrap_or(url);
    let store = SqliteStore::open(path)?;
    Ok(Arc::new(store))
}

/// Opens the store at `url` for queries (`events`, `export`): as [`open`],
/// except that a SQLite store that cannot be written (a read-only mount, a
/// directory or file without write permission) is opened read-only instead of
/// failing.
pub fn open_for_reading(url: &str) -> anyhow::Result<Arc<dyn Store>> {
    let url = url.trim();
    if url.is_empty() {
        anyhow::bail!("empty --db (give a file path or a postgres:// URL)");
    }
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return open_postgres(url);
    }
    let path = url.strip_prefix("sqlite://").unwrap_or(url);
    let store = SqliteStore::open_for_reading(path)?;
    Ok(Arc::new(store))
}

/// The PostgreSQL branch: a pooled, migrated `sitrep_store_pg::PgStore`
/// (TLS: `sslmode=disable|prefer|require|verify-ca|verify-full`, with
/// `sslrootcert`/`sslcert`/`sslkey`; see docs/DEPLOY.md).
fn open_postgres(url: &str) -> anyhow::Result<Arc<dyn Store>> {
    let store = sitrep_store_pg::PgStore::open(url)?;
    Ok(Arc::new(store))
}
