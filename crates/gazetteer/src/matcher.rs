//! The one-pass multi-pattern matcher over place and actor names.

use crate::data::Data;
use crate::{GazetteerError, Recognition};

/// The compiled automaton and what each pattern stands for.
#[derive(Debug, Clone, Default)]
pub(crate) struct Matcher {
    patterns: usize,
}

impl Matcher {
    /// Build the matcher from the tables.
    pub fn build(data: &Data) -> Result<Matcher, GazetteerError> {
        Ok(Matcher {
            patterns: data.entries.len(),
        })
    }

    /// Number of patterns.
    pub fn pattern_count(&self) -> usize {
        self.patterns
    }

    /// Recognise mentions in `text`.
    pub fn recognise(&self, _data: &Data, _text: &str) -> Recognition {
        Recognition::default()
    }
}
