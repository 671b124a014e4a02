//! sitrep-fuse.
