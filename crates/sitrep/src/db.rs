//! Opening the store named by `--db` / `SITREP_DB`: a file path (SQLite) or `postgres://…`.
