//! The reading loop shared by `articles`, `extract` and `ingest`: inputs → articles,
//! each rejected input named on stderr, exit status 1 when any was rejected.
