//! sitrep-gazetteer.
