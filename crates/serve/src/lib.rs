//! sitrep-serve.
