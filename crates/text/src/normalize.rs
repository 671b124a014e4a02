//! normalize.
