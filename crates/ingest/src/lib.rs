//! sitrep-ingest: readers that turn files, feeds and crawls into [`sitrep_model::Article`]s.

pub mod html;
