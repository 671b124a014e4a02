//! sentences.
