//! Choosing one place per mention, and the event location of a clause.

use sitrep_model::{Location, Span};

use crate::data::Data;
use crate::matcher::Matcher;
use crate::{DocContext, Recognition, ResolvedPlace};

/// Resolve all place mentions of a document.
pub(crate) fn resolve(
    _data: &Data,
    _m: &Matcher,
    _text: &str,
    _rec: &Recognition,
    _ctx: &DocContext,
) -> Vec<ResolvedPlace> {
    Vec::new()
}

/// The location of a focus span.
pub(crate) fn locate(_text: &str, places: &[ResolvedPlace], focus: Span) -> Option<(Location, Span)> {
    places
        .iter()
        .filter(|p| focus.contains(p.span))
        .min_by_key(|p| p.location.precision)
        .map(|p| (p.location.clone(), p.evidence))
}

/// The main country of a document.
pub(crate) fn focus_country(_places: &[ResolvedPlace]) -> Option<String> {
    None
}

/// Resolve a bare name.
pub(crate) fn lookup_place(
    _data: &Data,
    _m: &Matcher,
    _name: &str,
    _cc: Option<&str>,
) -> Option<Location> {
    None
}
