//! sitrep-export.
