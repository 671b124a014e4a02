//! sitrep-extract.
