//! dates.
