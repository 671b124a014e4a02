//! sitrep-ingest.
